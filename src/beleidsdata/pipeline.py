"""The two jobs everything else is built on: convert documents, and ingest them.

``convert`` is pure apart from reading files: texts in, entity descriptions out.
``ingest`` turns a conversion into one store transaction: it diffs the new descriptions
against the current state, validates only what changed, serialises the changed entities
and their members once, and writes them all or nothing.

The current state is a function of the *set* of source documents in the store: an ingest
re-converts the stored sources together with the new ones, because one document can change
what another one means (a decision cited by two evaluation exports is one resource that
carries what both know). Ingesting A then B, or B then A, therefore ends in the same state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import rdflib

from . import sources as source_kinds
from .errors import DoesNotConform
from .formats import jsonld
from .formats.context import context_url
from .formats.rdfxml import to_rdfxml
from .formats.turtle import to_turtle
from .ldes.members import member_triples, serialise_member, version_iri
from .ldes.stream import page_closer
from .mapping import map_documents
from .mapping.graph import EntityDescription
from .mapping.namespaces import BD, DCT, PROV, RDF, SKOS
from .mapping.terms import IRI, Literal, Triple, entity_of, to_ntriples
from .mapping.uris import DEFAULT_BASE, Minter
from .sources import ParsedDocument, SourceError, SourceText
from .store import ChangeSet, SourceRecord, Store, utc_now
from .store.base import EntityWrite, MemberWrite
from .store.index import index_entry
from .validation import ValidationReport, validate_triples
from .validation.inputs import parse_rdf, rdf_format

Progress = Callable[[str], None]


def read_source(path: str | Path) -> SourceText:
    """Read one file as a source text; every failure is a one-line :class:`SourceError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise SourceError(str(path), "is a folder, not a document") from None
    except FileNotFoundError:
        raise SourceError(str(path), "no such file") from None
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read ({exc.strerror})") from None
    return SourceText.from_bytes(str(path), data)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders are expanded to their .txt and .md files, sorted."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(
                    p for p in path.iterdir() if p.is_file() and p.suffix.lower() in {".txt", ".md"}
                )
            )
        else:
            out.append(path)
    return out


@dataclass
class Conversion:
    documents: list[ParsedDocument]
    entities: dict[str, EntityDescription]
    minter: Minter

    def triples(self) -> list[Triple]:
        return [t for e in self.entities.values() for t in e.triples]


def parse_all(texts: Sequence[SourceText], kind: str | None = None) -> list[ParsedDocument]:
    return [source_kinds.parse(text, kind) for text in texts]


def convert(texts: Sequence[SourceText], base_iri: str, kind: str | None = None) -> Conversion:
    """Parse and map documents together, so shared resources come out once."""
    minter = Minter(base_iri)
    documents = parse_all(texts, kind)
    builder = map_documents(documents, minter)
    return Conversion(documents=documents, entities=builder.entities(), minter=minter)


class ValidationFailed(DoesNotConform):
    """Converted data does not conform to the shapes; nothing was stored."""

    def __init__(self, report: ValidationReport, locations: dict[str, str]) -> None:
        self.report = report
        self.locations = locations
        super().__init__(f"{len(report.violations)} SHACL violation(s)")

    def lines(self) -> list[str]:
        out = []
        for r in self.report.violations:
            where = self.locations.get(r.focus.split("#", 1)[0], r.focus)
            out.append(f"{where}: {r.focus} {r.path or ''}: {r.message('en')}")
        return out


@dataclass
class IngestResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    members: int = 0
    sources: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


def ingest(
    store: Store,
    texts: Sequence[SourceText],
    kind: str | None = None,
    progress: Progress | None = None,
    validate: bool = True,
) -> IngestResult:
    """Convert, validate and store ``texts`` in one transaction (see module docstring)."""
    say = progress or (lambda _msg: None)
    minter = Minter(store.base_iri)
    new_docs = parse_all(texts, kind)  # bad input fails here, before anything is touched
    new_iris = {minter.source(d.source.stem) for d in new_docs}
    kept = [s for s in store.sources() if s.iri not in new_iris]
    stored_docs = [source_kinds.parse(SourceText.from_string(s.name, s.text), s.kind) for s in kept]
    documents = stored_docs + new_docs
    say(f"converting {len(documents)} document(s) ({len(new_docs)} new or changed)")
    entities = map_documents(documents, minter).entities()

    versions = store.entity_versions()
    created = [i for i, e in entities.items() if versions.get(i, (None, 0))[0] is None]
    updated = [
        i
        for i, e in entities.items()
        if versions.get(i, (None, 0))[0] not in (None, e.content_hash)
    ]
    deleted = sorted(i for i, (h, _) in versions.items() if h is not None and i not in entities)
    changed = created + updated
    say(f"{len(created)} new, {len(updated)} changed, {len(deleted)} removed entities")

    if validate and changed:
        say(f"validating {len(changed)} entities")
        check_entities(entities, changed, documents, minter)

    time = utc_now()
    changes = ChangeSet(time=time)
    for doc in new_docs:
        changes.sources.append(
            SourceRecord(
                iri=minter.source(doc.source.stem),
                name=doc.source.name,
                kind=doc.kind,
                sha256=doc.source.sha256,
                text=doc.source.text,
            )
        )
    ctx = context_url(store.base_iri)
    for iri in sorted(changed):
        ent = entities[iri]
        changes.upserts.append(
            EntityWrite(
                iri=iri,
                path=ent.path,
                kind=ent.kind,
                content_hash=ent.content_hash,
                title=_title(ent),
                types=ent.types,
                bodies=entity_bodies(ent, ctx),
                index=index_entry(ent, minter.id_root),
            )
        )
        changes.links[iri] = entity_links(ent, entities)
        event = "create" if iri in created else "update"
        version = versions.get(iri, (None, 0))[1] + 1
        changes.members.append(
            _member(ent.iri, ent.kind, version, event, time, ent.triples, ent.content_hash)
        )
    for iri in deleted:
        changes.deletes.append(iri)
        version = versions[iri][1] + 1
        changes.members.append(
            _member(
                iri,
                Minter.kind_of_path(minter.path_of(iri)),
                version,
                "delete",
                time,
                (),
                "deleted",
            )
        )
    if not changes.empty:
        say(f"writing {len(changes.members)} member(s)")
        changes.close_pages = page_closer(store)  # closed pages stored as bytes too
        store.apply(changes)
    return IngestResult(
        created=sorted(created),
        updated=sorted(updated),
        deleted=deleted,
        members=len(changes.members),
        sources=[d.source.name for d in new_docs],
    )


def _member(
    entity: str,
    kind: str,
    version: int,
    event: str,
    time: str,
    triples: tuple[Triple, ...],
    content_hash: str,
) -> MemberWrite:
    iri = version_iri(entity, version)
    bodies = serialise_member(iri, member_triples(entity, version, event, time, triples))
    return MemberWrite(
        iri=iri, entity=entity, kind=kind, event=event, content_hash=content_hash, bodies=bodies
    )


def entity_bodies(entity: EntityDescription, context: str) -> dict[str, bytes]:
    """The current description in every stored format, serialised once."""
    doc = jsonld.to_jsonld(entity.triples, entity.iri, context)
    return {
        "nt": entity.ntriples.encode(),
        "ttl": to_turtle(entity.triples, first=entity.iri).encode(),
        "jsonld": jsonld.dumps(doc),
        "rdf": to_rdfxml(entity.triples, first=entity.iri).encode(),
    }


def entity_links(
    entity: EntityDescription, entities: dict[str, EntityDescription]
) -> list[tuple[str, str]]:
    """(target entity, predicate) for every link from this entity (or a node under its IRI)
    to another current entity: what the site shows as "cites" and, reversed, "cited by"."""
    out = set()
    for _, p, o in entity.triples:
        if isinstance(o, IRI):
            target = o.split("#", 1)[0]
            if target != entity.iri and target in entities:
                out.add((target, str(p)))
    return sorted(out)


def _title(entity: EntityDescription) -> str | None:
    for predicate in (DCT.title, SKOS.prefLabel):
        values = [v for v in entity.values(predicate) if isinstance(v, Literal)]
        if values:
            return sorted(values, key=lambda v: (v.lang != "nl", v.lexical))[0].lexical
    return None


def validation_graph(
    paths: Sequence[Path],
    kind: str | None = None,
    base_iri: str = DEFAULT_BASE,
    source_texts: dict[str, list[str]] | None = None,
) -> rdflib.Graph:
    """One graph of every input to validate: RDF files parsed as they are, source
    documents converted (together, as ``convert`` does). ``source_texts``, when given, is
    filled with source IRI → lines of each converted document (for reports that quote
    the lines a result came from)."""
    graph = rdflib.Graph()
    texts = []
    for path in paths:
        fmt = rdf_format(path)
        if fmt is None:
            texts.append(read_source(path))
        else:
            parse_rdf(graph, path, fmt)
    if texts:
        triples, lines = convert_to_validate(texts, base_iri, kind)
        graph.parse(data=to_ntriples(triples), format="nt")
        if source_texts is not None:
            source_texts.update(lines)
    return graph


def convert_to_validate(
    texts: Sequence[SourceText], base_iri: str, kind: str | None = None
) -> tuple[list[Triple], dict[str, list[str]]]:
    """Source documents converted (together) for validation: their triples, and source IRI
    → lines of each document, so that a report can quote the lines a result is about."""
    conversion = convert(texts, base_iri, kind)
    lines: dict[str, list[str]] = {
        conversion.minter.source(doc.source.stem): list(doc.source.lines)
        for doc in conversion.documents
    }
    return conversion.triples(), lines


@dataclass(frozen=True)
class Excerpt:
    """Lines of a source document that a resource was read from."""

    name: str
    start: int
    end: int
    lines: list[str]


def explain(conversion: Conversion, iri: str) -> list[Excerpt]:
    """The source lines behind a resource (an IRI, or a path such as ``beslissing/…``).

    Raises KeyError when the conversion produced no such resource."""
    if not iri.startswith(("http://", "https://")):
        iri = conversion.minter.iri_of(iri.removeprefix("/").removeprefix("id/"))
    entity = conversion.entities.get(iri.split("#", 1)[0])
    if entity is None:
        raise KeyError(iri)
    texts = {conversion.minter.source(d.source.stem): d.source for d in conversion.documents}
    out = []
    for node in entity.values(PROV.qualifiedDerivation):
        src = entity.values(PROV.entity, node)
        start = entity.values(BD.beginregel, node)
        end = entity.values(BD.eindregel, node)
        if not (src and start and end) or src[0] not in texts:
            continue
        text = texts[src[0]]
        first, last = int(start[0][0]), int(end[0][0])
        out.append(Excerpt(text.name, first, last, list(text.lines[first - 1 : last])))
    return sorted(out, key=lambda e: (e.name, e.start))


def check_entities(
    entities: dict[str, EntityDescription],
    changed: Iterable[str],
    documents: Sequence[ParsedDocument],
    minter: Minter,
    engine: str = "fast",
) -> ValidationReport:
    """Validate the changed entities, with the types of everything they link to.

    Raises :class:`ValidationFailed` (naming the source file and lines of each failing
    resource) when a violation is found.
    """
    changed = set(changed)
    # A node's triples live in the description of its entity (entity_of: the IRI before
    # '#'), so the types of what a changed entity links to are looked up there: the work
    # is proportional to the change, not to the store.
    triples: set[Triple] = set()
    looked_up: set[str] = set()
    for iri in changed:
        ent = entities[iri]
        triples.update(ent.triples)
        for _, _, o in ent.triples:
            if isinstance(o, IRI) and o not in looked_up:
                looked_up.add(o)
                owner = entities.get(entity_of(o))
                if owner is not None:
                    triples.update(t for t in owner.triples if t[0] == o and t[1] == RDF.type)
    # Only the changed entities' own nodes are focus nodes (as pyshacl's focus_nodes): the
    # shapes of linked resources do not run at all. The fast engine (validation.engine)
    # evaluates them; pyshacl stays available with engine="pyshacl".
    focus = sorted(
        {
            str(t[0])
            for iri in changed
            for t in entities[iri].triples
            if str(t[0]).split("#", 1)[0] == iri
        }
    )
    report = validate_triples(triples, focus_nodes=focus, engine=engine)
    # Linked resources are in the data graph only so sh:class can see their types; what
    # the shapes say about them (they are not complete here) is not this ingest's concern.
    report.results = [r for r in report.results if r.focus.split("#", 1)[0] in changed]
    report.conforms = not report.violations
    if report.violations:
        raise ValidationFailed(report, locate(entities, documents, minter))
    return report


def locate(
    entities: dict[str, EntityDescription], documents: Sequence[ParsedDocument], minter: Minter
) -> dict[str, str]:
    """entity IRI → ``file:first-last`` from its provenance, for error messages."""
    names = {minter.source(d.source.stem): d.source.name for d in documents}
    out: dict[str, str] = {}
    for iri, ent in entities.items():
        for node in ent.values(PROV.qualifiedDerivation):
            src = ent.values(PROV.entity, node)
            start = ent.values(BD.beginregel, node)
            end = ent.values(BD.eindregel, node)
            if src and start and end:
                out[iri] = f"{names.get(str(src[0]), src[0])}:{start[0][0]}-{end[0][0]}"
                break
    return out

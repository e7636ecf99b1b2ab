"""Stream documents in every stream format, from hypermedia lines and stored fragments.

A page is its hypermedia block first (the stream, the view, the node), then per member
the ``tree:member`` triple and the member's stored fragment, in log order: the TREE
profile's grouping, and what every LDES extraction rule needs (see :mod:`.members`).
Nothing here builds RDF: lines are a few fixed strings, and a page's members are not even
copied: the page is stored as its head and a :class:`~beleidsdata.store.records.Composition`,
and the store joins the members' fragments to it when it is read.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..mapping.namespaces import PREFIXES, RDF, TREE
from ..store.records import Composition, Member
from .hypermedia import Line, i

FORMATS = ("jsonld", "ttl", "nt", "nq", "trig")  # every stream format, stored per node


def _prefix_block() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"


def _ntriples(lines: Sequence[Line]) -> str:
    rdf_type = i(RDF.type)
    return "".join(f"{s} {rdf_type if p == 'a' else p} {o} .\n" for s, p, o in lines)


def _turtle(lines: Sequence[Line]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in lines)


def _jsonld_id(term: str) -> str:
    return term if term.startswith("_:") else term[1:-1]


def jsonld_nodes(lines: Sequence[Line]) -> list[dict[str, object]]:
    """JSON-LD node objects with full IRIs as keys, written from N-Triples terms."""
    nodes: dict[str, dict[str, object]] = {}
    for s, p, o in lines:
        node = nodes.setdefault(s, {"@id": _jsonld_id(s)})
        key = "@type" if p == "a" else p[1:-1]
        value: object
        if p == "a":
            value = o[1:-1]
        elif o.startswith("<") or o.startswith("_:"):
            value = {"@id": _jsonld_id(o)}
        else:
            lexical, _, rest = o[1:].rpartition('"')
            if rest.startswith("@"):
                value = {"@value": lexical, "@language": rest[1:]}
            elif rest.startswith("^^"):
                value = {"@value": lexical, "@type": rest[3:-1]}
            else:
                value = {"@value": lexical}
        values = node.setdefault(key, [])
        assert isinstance(values, list)
        values.append(value)
    return list(nodes.values())


def document(lines: Sequence[Line], fmt: str, context: str) -> bytes:
    """A node without members (a root, a branch, the stream, the catalogue)."""
    if fmt == "jsonld":
        doc = {"@context": context, "@graph": jsonld_nodes(lines)}
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()
    if fmt in ("nt", "nq"):
        return _ntriples(lines).encode()
    return (_prefix_block() + _turtle(lines)).encode()


def page(
    lines: Sequence[Line], stream: str, members: Sequence[Member], fmt: str, context: str
) -> tuple[bytes, Composition]:
    """A page: the hypermedia ``lines`` (its head), and how each member of ``stream``
    follows with its fragment (the store joins them when the page is read)."""
    seqs = tuple(m.seq for m in members)
    if fmt == "jsonld":
        nodes = jsonld_nodes(lines)
        stream_node = next((n for n in nodes if n["@id"] == stream), None)
        if stream_node is None:
            stream_node = {"@id": stream}
            nodes.insert(0, stream_node)
        if members:
            stream_node[TREE.member] = [{"@id": m.iri} for m in members]
        head = json.dumps({"@context": context}, ensure_ascii=False)[:-1]
        parts = [json.dumps(n, ensure_ascii=False, indent=2) for n in nodes]
        body = head + ', "@graph": [\n' + ",\n".join(parts)
        return body.encode(), Composition(seqs, sep=b",\n", tail=b"\n]}\n")
    link = f"<{stream}> <{TREE.member}> <".encode()
    if fmt in ("nt", "nq"):
        return _ntriples(lines).encode(), Composition(seqs, link=link)
    return (_prefix_block() + _turtle(lines)).encode(), Composition(seqs, sep=b"\n", link=link)

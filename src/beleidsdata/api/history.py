"""A thing's history: every version, and what each one changed.

A version IRI resolves (``/id/{thing}/versie/{n}`` → 303 → ``/doc/…/versie/{n}``) to the
member exactly as the stream published it, so it never changes (immutable). The history
lists every version with its time and event and the triples it added and removed,
computed from the stored N-Quads fragments of consecutive versions (not a hot path).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..mapping.namespaces import PREFIXES
from ..store.records import Member


@dataclass(frozen=True)
class Change:
    """One version and what it changed against the one before."""

    member: Member
    added: tuple[str, ...]  # N-Triples lines
    removed: tuple[str, ...]


def _payload(member: Member) -> set[str]:
    """The version's payload as N-Triples lines (its quads without the graph name)."""
    graph = f" <{member.iri}> ."
    return {
        line[: -len(graph)] + " ."
        for line in member.fragments.get("nq", b"").decode().splitlines()
        if line.endswith(graph)
    }


def version_changes(members: Sequence[Member]) -> list[Change]:
    out: list[Change] = []
    before: set[str] = set()
    for member in members:
        after = _payload(member)
        out.append(Change(member, tuple(sorted(after - before)), tuple(sorted(before - after))))
        before = after
    return out


def history_document(context: str, entity: str, path: str, changes: Sequence[Change]) -> bytes:
    """The history as JSON-LD with our context (keys documented in docs/context.md)."""
    doc = {
        "@context": context,
        "id": f"{entity}",
        "versies": [
            {
                "id": c.member.iri,
                "type": c.member.event.capitalize(),
                "versieVan": entity,
                "versienummer": c.member.version,
                "tijdstip": c.member.time,
                "toegevoegd": list(c.added),
                "verwijderd": list(c.removed),
            }
            for c in changes
        ],
    }
    return (json.dumps(doc, ensure_ascii=False) + "\n").encode()


def version_body(member: Member, fmt: str, context: str) -> bytes:
    """One member as a document of its own, in a stream format."""
    piece = member.fragments.get(fmt, b"")
    if fmt == "jsonld":
        node = json.loads(piece)
        return (json.dumps({"@context": context, **node}, ensure_ascii=False) + "\n").encode()
    if fmt in ("ttl", "trig"):
        prefixes = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))
        return (prefixes + "\n").encode() + piece
    return piece

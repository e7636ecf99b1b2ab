"""Which source contributes to which entity, and the facts sources share."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from ..mapping.facts import JSON, Fact, FactKey
from .common import Tables, chunks


class DerivationTables(Tables):
    """Contributions and facts: what ingest needs to recompute only what a change touches."""

    # ------------------------------------------------------------------ contributions, facts

    def contributions_to(
        self, entities: Iterable[str], exclude: set[str]
    ) -> dict[str, list[tuple[str, bool, str]]]:
        """entity → [(source, primary, N-Triples)] from every source not in ``exclude``."""
        out: dict[str, list[tuple[str, bool, str]]] = {}
        for chunk in chunks(sorted(set(entities)), 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.db.query(
                f"SELECT entity, source, main, body FROM contributions WHERE entity IN ({marks})",
                chunk,
            )
            for entity, source, main, body in rows:
                if source not in exclude:
                    out.setdefault(entity, []).append((source, bool(main), body))
        return out

    def base_contributions_to(
        self, entities: Iterable[str], exclude: set[str]
    ) -> dict[str, tuple[bool, list[tuple[str, str]]]]:
        """entity → (primary?, [(source, N-Triples)]): its primary sources' contributions,
        or else the one from the source with the smallest IRI; sources in ``exclude`` left
        out (see :func:`beleidsdata.mapping.combine.base_of`). A few rows per entity,
        however many documents mention it."""
        out: dict[str, tuple[bool, list[tuple[str, str]]]] = {}
        wanted = sorted(set(entities))
        for chunk in chunks(wanted, 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.db.query(
                "SELECT entity, source, body FROM contributions "
                f"WHERE main = 1 AND entity IN ({marks})",
                chunk,
            )
            for entity, source, body in rows:
                if source not in exclude:
                    out.setdefault(entity, (True, []))[1].append((source, body))
        for entity in wanted:
            if entity in out:
                continue
            rows = self.db.query(
                "SELECT source, body FROM contributions WHERE entity = ? AND main = 0 "
                "ORDER BY source LIMIT ?",
                (entity, len(exclude) + 1),
            )
            kept = [(source, body) for source, body in rows if source not in exclude]
            if kept:
                out[entity] = (False, kept[:1])
        return out

    def contributions_of(self, source: str) -> dict[str, tuple[bool, str]]:
        """entity → (primary, N-Triples): what one source says about each entity."""
        rows = self.db.query(
            "SELECT entity, main, body FROM contributions WHERE source = ?", (source,)
        )
        return {entity: (bool(main), body) for entity, main, body in rows}

    def replace_contributions(self, source: str, parts: dict[str, tuple[bool, str]]) -> None:
        self.db.execute("DELETE FROM contributions WHERE source = ?", (source,))
        self.db.executemany(
            "INSERT INTO contributions(source, entity, main, body) VALUES (?, ?, ?, ?)",
            [(source, entity, int(main), body) for entity, (main, body) in sorted(parts.items())],
        )

    def facts(self, topic: str, key: str) -> list[tuple[str, JSON]]:
        """(source IRI, value) of every stored fact ``(topic, key)`` (a FactSource)."""
        rows = self.db.query(
            "SELECT source, value FROM facts WHERE topic = ? AND key = ? ORDER BY source",
            (topic, key),
        )
        return [(source, json.loads(value)) for source, value in rows]

    def facts_of(self, source: str) -> list[Fact]:
        rows = self.db.query(
            "SELECT topic, key, value FROM facts WHERE source = ? ORDER BY topic, key", (source,)
        )
        return [Fact(topic, key, json.loads(value)) for topic, key, value in rows]

    def replace_facts(self, source: str, facts: Sequence[Fact], uses: Iterable[FactKey]) -> None:
        self.db.execute("DELETE FROM facts WHERE source = ?", (source,))
        self.db.execute("DELETE FROM fact_uses WHERE source = ?", (source,))
        self.db.executemany(
            "INSERT INTO facts(source, topic, key, value) VALUES (?, ?, ?, ?)",
            [(source, f.topic, f.key, f.encoded()) for f in facts],
        )
        self.db.executemany(
            "INSERT INTO fact_uses(source, topic, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(source, topic, key) for topic, key in sorted(set(uses))],
        )

    def users_of(self, keys: Iterable[FactKey]) -> set[str]:
        """Sources whose mapping asked for any of these facts."""
        out: set[str] = set()
        for topic, key in keys:
            rows = self.db.query(
                "SELECT source FROM fact_uses WHERE topic = ? AND key = ?", (topic, key)
            )
            out.update(r[0] for r in rows)
        return out

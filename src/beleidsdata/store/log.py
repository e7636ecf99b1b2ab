"""Stored documents, the event log and its views."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from .common import Tables, blob, chunks, etag_of
from .database import Row
from .records import Composition, Document, Member


class LogTables(Tables):
    """The bytes served for each entity, the members of the stream and the views over them."""

    # ------------------------------------------------------------------ stored documents

    def document(self, path: str, fmt: str) -> Document | None:
        """The stored bytes of a URL path in a format (one lookup, the hot path; a page is
        joined from its members' fragments, see :class:`~.records.Composition`)."""
        row = self.db.one(
            "SELECT body, etag, immutable, updated_at, composition FROM documents "
            "WHERE path = ? AND format = ?",
            (path, fmt),
        )
        if row is None:
            return None
        return Document(self._body(blob(row[0]), row[4], fmt), row[1], bool(row[2]), row[3])

    def _body(self, head: bytes, composition: str | None, fmt: str) -> bytes:
        if composition is None:
            return head
        recipe = Composition.decoded(composition)
        pieces: dict[int, tuple[str, bytes]] = {}
        for chunk in chunks(recipe.seqs, 500):
            marks = ", ".join("?" * len(chunk))
            for seq, iri, body in self.db.query(
                "SELECT m.seq, m.iri, f.body FROM members m JOIN member_fragments f "
                f"ON f.seq = m.seq WHERE f.format = ? AND m.seq IN ({marks})",
                [fmt, *chunk],
            ):
                pieces[int(seq)] = (iri, blob(body))
        return recipe.join(head, (pieces[seq] for seq in recipe.seqs))

    def has_document(self, path: str) -> bool:
        return self.db.one("SELECT 1 FROM documents WHERE path = ? LIMIT 1", (path,)) is not None

    def put_document(
        self,
        path: str,
        fmt: str,
        body: bytes,
        time: str,
        immutable: bool = False,
        composition: Composition | None = None,
    ) -> None:
        """Store a URL's bytes; with a ``composition``, ``body`` is the page's head and the
        members' fragments are joined to it when it is read."""
        recipe = composition.encoded() if composition is not None else None
        etag = etag_of(body if recipe is None else body + b"\0" + recipe.encode())
        self.db.execute(
            "INSERT INTO documents(path, format, body, etag, immutable, updated_at, composition) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path, format) DO UPDATE SET "
            "body = excluded.body, etag = excluded.etag, immutable = excluded.immutable, "
            "updated_at = excluded.updated_at, composition = excluded.composition",
            (path, fmt, body, etag, int(immutable), time, recipe),
        )

    def put_documents(
        self, rows: Iterable[tuple[str, str, bytes]], time: str, immutable: bool = False
    ) -> None:
        """:meth:`put_document` for many (path, format, body) rows in one statement."""
        self.db.executemany(
            "INSERT INTO documents(path, format, body, etag, immutable, updated_at, composition) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (path, format) DO UPDATE SET "
            "body = excluded.body, etag = excluded.etag, immutable = excluded.immutable, "
            "updated_at = excluded.updated_at, composition = NULL",
            [(path, fmt, body, etag_of(body), int(immutable), time) for path, fmt, body in rows],
        )

    def delete_documents(self, path: str) -> None:
        self.db.execute("DELETE FROM documents WHERE path = ?", (path,))

    def iter_documents(
        self, fmt: str, prefix: str, batch: int = 500
    ) -> Iterator[tuple[str, bytes, bool]]:
        """(path, body, immutable) of every stored document of one format under a path
        prefix, in path order, a batch at a time (flat memory for exports and the dump)."""
        after = ""
        while True:
            rows = self.db.query(
                "SELECT path, body, immutable, composition FROM documents WHERE format = ? "
                "AND path > ? AND path LIKE ? ORDER BY path LIMIT ?",
                (fmt, after, prefix + "%", batch),
            )
            if not rows:
                return
            for path, body, immutable, composition in rows:
                yield path, self._body(blob(body), composition, fmt), bool(immutable)
            after = rows[-1][0]

    # ------------------------------------------------------------------ the event log

    _MEMBER = "seq, iri, entity, kind, version, event, time, hash, publisher"

    def _members(self, rows: list[Row], formats: Sequence[str]) -> list[Member]:
        members = [
            Member(
                seq=int(r[0]),
                iri=r[1],
                entity=r[2],
                kind=r[3],
                version=int(r[4]),
                event=r[5],
                time=r[6],
                content_hash=r[7],
                publisher=r[8],
                fragments={},
            )
            for r in rows
        ]
        if members and formats:
            by_seq = {m.seq: m for m in members}
            seqs = sorted(by_seq)
            fmarks = ", ".join("?" * len(formats))
            for chunk in chunks(seqs, 500):
                marks = ", ".join("?" * len(chunk))
                for seq, fmt, body in self.db.query(
                    f"SELECT seq, format, body FROM member_fragments WHERE seq IN ({marks}) "
                    f"AND format IN ({fmarks})",
                    [*chunk, *formats],
                ):
                    by_seq[int(seq)].fragments[fmt] = blob(body)
        return members

    def members(
        self, after_seq: int = 0, limit: int = 250, formats: Sequence[str] = ()
    ) -> list[Member]:
        rows = self.db.query(
            f"SELECT {self._MEMBER} FROM members WHERE seq > ? ORDER BY seq LIMIT ?",
            (after_seq, limit),
        )
        return self._members(rows, formats)

    def member(self, iri: str, formats: Sequence[str] = ()) -> Member | None:
        rows = self.db.query(f"SELECT {self._MEMBER} FROM members WHERE iri = ?", (iri,))
        found = self._members(rows, formats)
        return found[0] if found else None

    def history(self, entity: str, formats: Sequence[str] = ()) -> list[Member]:
        """Every member about one entity, oldest first."""
        rows = self.db.query(
            f"SELECT {self._MEMBER} FROM members WHERE entity = ? ORDER BY version", (entity,)
        )
        return self._members(rows, formats)

    def iter_members(self, batch: int = 1000, formats: Sequence[str] = ()) -> Iterator[Member]:
        after = 0
        while True:
            chunk = self.members(after, batch, formats)
            if not chunk:
                return
            yield from chunk
            after = chunk[-1].seq

    def last_seq(self) -> int:
        row = self.db.one("SELECT coalesce(max(seq), 0) FROM members")
        return int(row[0]) if row else 0

    def count_members(self, kind: str | None = None) -> int:
        if kind:
            row = self.db.one("SELECT count(*) FROM members WHERE kind = ?", (kind,))
        else:
            row = self.db.one("SELECT count(*) FROM members")
        return int(row[0]) if row else 0

    def append_member(self, member: Member) -> None:
        """Add a member (its ``seq`` chosen by the caller, under the write lock)."""
        self.append_members([member])

    def append_members(self, members: Sequence[Member]) -> None:
        """Add members in seq order: the log, their fragments and their positions in their
        kinds' views, a few statements for the whole batch."""
        self.db.executemany(
            f"INSERT INTO members({self._MEMBER}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    m.seq,
                    m.iri,
                    m.entity,
                    m.kind,
                    m.version,
                    m.event,
                    m.time,
                    m.content_hash,
                    m.publisher,
                )
                for m in members
            ],
        )
        self.db.executemany(
            "INSERT INTO member_fragments(seq, format, body) VALUES (?, ?, ?)",
            [(m.seq, fmt, body) for m in members for fmt, body in sorted(m.fragments.items())],
        )
        sizes: dict[str, int] = {}
        positions = []
        for m in members:
            if m.kind not in sizes:
                sizes[m.kind] = self.view_size(m.kind)
            sizes[m.kind] += 1
            positions.append((m.kind, sizes[m.kind], m.seq))
        self.db.executemany(
            "INSERT INTO view_members(view, position, seq) VALUES (?, ?, ?)", positions
        )
        self.db.executemany(
            "INSERT INTO views(view, members) VALUES (?, ?) "
            "ON CONFLICT (view) DO UPDATE SET members = excluded.members",
            sorted(sizes.items()),
        )

    # ------------------------------------------------------------------ views of the log

    def view_sizes(self) -> dict[str, int]:
        """Members per kind view."""
        return {
            v: int(n) for v, n in self.db.query("SELECT view, members FROM views ORDER BY view")
        }

    def view_size(self, view: str) -> int:
        row = self.db.one("SELECT members FROM views WHERE view = ?", (view,))
        return int(row[0]) if row else 0

    def view_members(
        self, view: str, first: int, limit: int, formats: Sequence[str] = ()
    ) -> list[Member]:
        """Members at positions first, first+1, … of a kind's view, in order."""
        cols = ", ".join("m." + c.strip() for c in self._MEMBER.split(","))
        rows = self.db.query(
            f"SELECT {cols} FROM view_members v JOIN members m ON m.seq = v.seq "
            "WHERE v.view = ? AND v.position >= ? ORDER BY v.position LIMIT ?",
            (view, first, limit),
        )
        return self._members(rows, formats)

    def latest_members(
        self, after_seq: int, until_seq: int, formats: Sequence[str] = ()
    ) -> list[Member]:
        """Members with after_seq < seq <= until_seq that are their entity's latest version."""
        cols = ", ".join("m." + c.strip() for c in self._MEMBER.split(","))
        rows = self.db.query(
            f"SELECT {cols} FROM members m JOIN entities e ON e.iri = m.entity "
            "WHERE m.seq > ? AND m.seq <= ? AND m.version = e.version ORDER BY m.seq",
            (after_seq, until_seq),
        )
        return self._members(rows, formats)

    def member_times(self, seqs: Iterable[int]) -> dict[int, str]:
        """seq → event time of the members with these seqs."""
        out: dict[int, str] = {}
        for chunk in chunks(sorted(set(seqs)), 500):
            marks = ", ".join("?" * len(chunk))
            for seq, time in self.db.query(
                f"SELECT seq, time FROM members WHERE seq IN ({marks})", chunk
            ):
                out[int(seq)] = time
        return out

    def view_times(self, view: str, positions: Iterable[int]) -> dict[int, str]:
        """position → event time of the members at these positions of a kind's view."""
        out: dict[int, str] = {}
        for chunk in chunks(sorted(set(positions)), 500):
            marks = ", ".join("?" * len(chunk))
            for position, time in self.db.query(
                "SELECT v.position, m.time FROM view_members v JOIN members m ON m.seq = v.seq "
                f"WHERE v.view = ? AND v.position IN ({marks})",
                [view, *chunk],
            ):
                out[int(position)] = time
        return out

    def previous_seqs(self, entities: Iterable[str]) -> list[int]:
        """The seq of each entity's latest member before this write's (for the latest view)."""
        out: list[int] = []
        for chunk in chunks(sorted(set(entities)), 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.db.query(
                f"SELECT max(seq) FROM members WHERE entity IN ({marks}) GROUP BY entity", chunk
            )
            out += [int(r[0]) for r in rows]
        return out

"""The dump, the writes log and the publishing tokens."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .common import Tables, blob
from .records import TokenRecord, WriteRecord


class AdminTables(Tables):
    """Bookkeeping beside the data: dump parts, who wrote what, and token hashes."""

    # ------------------------------------------------------------------ the dump

    def dump(self, name: str) -> tuple[int, int, str, str, int] | None:
        """(generation, size, sha256, modified, parts) of the newest complete dump."""
        row = self.db.one(
            "SELECT generation, size, sha256, modified, parts FROM dumps WHERE name = ? "
            "ORDER BY generation DESC LIMIT 1",
            (name,),
        )
        return (int(row[0]), int(row[1]), row[2], row[3], int(row[4])) if row else None

    def dump_part(self, name: str, generation: int, part: int) -> bytes | None:
        row = self.db.one(
            "SELECT body FROM dump_parts WHERE name = ? AND generation = ? AND part = ?",
            (name, generation, part),
        )
        return blob(row[0]) if row else None

    def put_dump_part(self, name: str, generation: int, part: int, body: bytes) -> None:
        self.db.execute(
            "INSERT INTO dump_parts(name, generation, part, body) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name, generation, part) DO UPDATE SET body = excluded.body",
            (name, generation, part, body),
        )

    def finish_dump(
        self, name: str, generation: int, size: int, sha256: str, modified: str, parts: int
    ) -> None:
        """Make a generation current and drop the older ones (inside a transaction)."""
        self.db.execute(
            "INSERT INTO dumps(name, generation, size, sha256, modified, parts) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name, generation) DO NOTHING",
            (name, generation, size, sha256, modified, parts),
        )
        self.db.execute("DELETE FROM dumps WHERE name = ? AND generation < ?", (name, generation))
        self.db.execute(
            "DELETE FROM dump_parts WHERE name = ? AND generation < ?", (name, generation)
        )

    # ------------------------------------------------------------------ writes log, tokens

    def record_write(
        self,
        time: str,
        actor: str,
        action: str,
        sources: Sequence[str],
        first_seq: int | None,
        last_seq: int | None,
        summary: str,
    ) -> int:
        row = self.db.one("SELECT coalesce(max(id), 0) FROM writes")
        number = (int(row[0]) if row else 0) + 1
        self.db.execute(
            "INSERT INTO writes(id, time, actor, action, sources, first_seq, last_seq, summary) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (number, time, actor, action, json.dumps(list(sources)), first_seq, last_seq, summary),
        )
        return number

    def writes(self, limit: int = 50) -> list[WriteRecord]:
        rows = self.db.query(
            "SELECT id, time, actor, action, sources, first_seq, last_seq, summary FROM writes "
            "ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [
            WriteRecord(int(r[0]), r[1], r[2], r[3], tuple(json.loads(r[4])), r[5], r[6], r[7])
            for r in rows
        ]

    def put_token(self, name: str, key_id: str, digest: str, time: str) -> None:
        self.db.execute(
            "INSERT INTO tokens(name, key_id, hash, created_at) VALUES (?, ?, ?, ?)",
            (name, key_id, digest, time),
        )

    def token_hash(self, key_id: str) -> tuple[str, str] | None:
        """(name, hash) of an active token by its key id."""
        row = self.db.one(
            "SELECT name, hash FROM tokens WHERE key_id = ? AND revoked_at IS NULL", (key_id,)
        )
        return (row[0], row[1]) if row else None

    def tokens(self) -> list[TokenRecord]:
        rows = self.db.query(
            "SELECT name, key_id, created_at, revoked_at FROM tokens ORDER BY name"
        )
        return [TokenRecord(r[0], r[1], r[2], r[3]) for r in rows]

    def active_tokens(self) -> int:
        row = self.db.one("SELECT count(*) FROM tokens WHERE revoked_at IS NULL")
        return int(row[0]) if row else 0

    def revoke_token(self, name: str, time: str) -> bool:
        row = self.db.one("SELECT 1 FROM tokens WHERE name = ? AND revoked_at IS NULL", (name,))
        if row is None:
            return False
        self.db.execute("UPDATE tokens SET revoked_at = ? WHERE name = ?", (time, name))
        return True

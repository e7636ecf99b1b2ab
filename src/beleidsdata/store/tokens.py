"""Publishing tokens: created here, kept as a hash, checked in constant time.

A token reads ``bd_{key id}_{secret}``: the key id finds the row, the secret's SHA-256 is
compared with ``hmac.compare_digest``. Secrets are 32 random bytes, so a plain hash is
enough (no password stretching is needed for a random secret), and the store never holds
anything that would let a reader of a backup publish.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from ..errors import InputError
from .core import Store, utc_now

_TOKEN = re.compile(r"^bd_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """A new token for ``name`` (letters, digits, ``.``, ``_``, ``-``); returned once."""
    if not _NAME.match(name):
        raise InputError(f"{name!r}: a token name is 1-64 letters, digits, '.', '_' or '-'")
    if any(t.name == name for t in store.tokens()):
        raise InputError(f"a token named {name!r} exists already (revoke it, or pick another name)")
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    with store.writing():
        store.put_token(name, key_id, _digest(secret), utc_now())
    return f"bd_{key_id}_{secret}"


def check_token(store: Store, presented: str) -> str | None:
    """The name of the active token presented, or None."""
    match = _TOKEN.match(presented.strip())
    if match is None:
        return None
    found = store.token_hash(match.group(1))
    if found is None:
        return None
    name, digest = found
    return name if hmac.compare_digest(digest, _digest(match.group(2))) else None


def revoke_token(store: Store, name: str) -> bool:
    with store.writing():
        return store.revoke_token(name, utc_now())

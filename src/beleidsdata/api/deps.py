"""What routers need from the application: the store and the stream layout."""

from __future__ import annotations

from fastapi import Request

from ..ldes.stream import StreamLayout
from ..store import SQLiteStore


def store_of(request: Request) -> SQLiteStore:
    return request.app.state.store


def layout_of(request: Request) -> StreamLayout:
    return request.app.state.layout

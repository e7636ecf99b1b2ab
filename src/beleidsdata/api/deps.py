"""What routers need from the application: the store and the stream layout."""

from __future__ import annotations

from fastapi import Request

from ..ldes.layout import StreamLayout
from ..store import Store


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store  # set by create_app
    return store


def layout_of(request: Request) -> StreamLayout:
    layout: StreamLayout = request.app.state.layout  # set by create_app
    return layout

"""Prometheus-style metrics at ``/metrics``: requests by route and status, their latency,
the store's size and freshness, and whether the database answers.

Counted in the event loop by a pure ASGI layer around everything (so the stored-bytes
fast path, 429s and 503s are counted too); no lock is needed there. Each process counts
its own requests: scrape every replica (every ``serve`` process) and sum in Prometheus.
The route label is the route's template (``/doc/{kind}``), or for the fast path the
first segment of the path (``/doc/…``), so a crawler cannot grow the label set; unknown
paths count as ``unmatched``.
"""

from __future__ import annotations

import time
from collections import defaultdict

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import DatabaseUnavailable
from ..store.health import DatabaseState, database_state
from .deps import store_of

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_FAST_PATH_ROOTS = frozenset({"id", "doc", "ldes", "catalogus", "dump", "context"})

Key = tuple[str, str, str]  # route, method, status


class Metrics:
    """The request counters and latency histograms of one process."""

    def __init__(self) -> None:
        self.started = time.time()
        self.requests: dict[Key, int] = defaultdict(int)
        self.buckets: dict[str, list[int]] = {}
        self.sums: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests[(route, method, str(status))] += 1
        counts = self.buckets.setdefault(route, [0] * len(BUCKETS))
        for i, bound in enumerate(BUCKETS):
            if seconds <= bound:
                counts[i] += 1
        self.sums[route] += seconds
        self.counts[route] += 1

    def render_requests(self) -> list[str]:
        out = [
            "# HELP beleidsdata_http_requests_total HTTP requests answered, by route, method "
            "and status.",
            "# TYPE beleidsdata_http_requests_total counter",
        ]
        for (route, method, status), n in sorted(self.requests.items()):
            labels = f'route="{_escape(route)}",method="{method}",status="{status}"'
            out.append(f"beleidsdata_http_requests_total{{{labels}}} {n}")
        name = "beleidsdata_http_request_duration_seconds"
        out += [
            f"# HELP {name} Time from a request's arrival to the end of its answer, by route.",
            f"# TYPE {name} histogram",
        ]
        for route in sorted(self.buckets):
            label = f'route="{_escape(route)}"'
            for bound, n in zip(BUCKETS, self.buckets[route], strict=True):
                out.append(f'{name}_bucket{{{label},le="{bound:g}"}} {n}')
            out.append(f'{name}_bucket{{{label},le="+Inf"}} {self.counts[route]}')
            out.append(f"{name}_sum{{{label}}} {self.sums[route]:.6f}")
            out.append(f"{name}_count{{{label}}} {self.counts[route]}")
        return out


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def route_label(scope: Scope, status: int) -> str:
    route = scope.get("route")
    template = getattr(route, "path", None)
    if isinstance(template, str) and template:
        return template
    parts = str(scope.get("path", "/")).strip("/").split("/")
    if parts == [""]:
        return "/"
    if status == 404 or parts[0] not in _FAST_PATH_ROOTS:
        return "unmatched"
    return f"/{parts[0]}" + ("/…" if len(parts) > 1 else "")


class RequestMetrics:
    """Times every HTTP request to the end of its body and counts it (module docstring)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def timed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, timed_send)
        finally:
            seconds = time.perf_counter() - started
            self.metrics.observe(route_label(scope, status), scope["method"], status, seconds)


def _gauges(state: DatabaseState | None, backend: str, started: float) -> list[str]:
    def gauge(name: str, help_text: str, value: float, labels: str = "") -> list[str]:
        return [
            f"# HELP {name} {help_text}",
            f"# TYPE {name} gauge",
            f"{name}{labels} {value}",
        ]

    out = gauge(
        "beleidsdata_info",
        "The running version and its store's backend.",
        1,
        f'{{version="{__version__}",backend="{backend}"}}',
    )
    out += gauge("beleidsdata_process_start_time_seconds", "When this process started.", started)
    out += gauge("beleidsdata_database_up", "1 when the database answers.", int(state is not None))
    if state is None:
        return out
    out += gauge(
        "beleidsdata_database_latency_seconds",
        "How long the store-state queries of this scrape took.",
        state.latency_ms / 1000,
    )
    out += gauge("beleidsdata_store_members", "Event-stream members stored.", state.members)
    out += gauge("beleidsdata_store_entities", "Current (not deleted) things.", state.entities)
    out += gauge("beleidsdata_store_size_bytes", "Size of the database.", state.size_bytes)
    if state.last_ingest_epoch is not None:
        out += gauge(
            "beleidsdata_last_ingest_timestamp_seconds",
            "When the store was last written (Unix time).",
            state.last_ingest_epoch,
        )
    return out


router = APIRouter()


@router.get(
    "/metrics",
    tags=["service"],
    summary="Prometheus metrics",
    description="Requests by route and status, a latency histogram per route, the store's "
    "size (members, things, bytes), the time of the last ingest, and whether the "
    "database answers, in the Prometheus text format. Per process: scrape every replica.",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
)
async def metrics_route(request: Request) -> Response:
    metrics: Metrics = request.app.state.metrics
    lines = metrics.render_requests()  # in the event loop: no request is counted meanwhile
    store = store_of(request)
    try:
        state: DatabaseState | None = await run_in_threadpool(database_state, store)
    except DatabaseUnavailable:
        state = None
    lines += _gauges(state, store.db.kind, metrics.started)
    return Response(
        "\n".join(lines) + "\n",
        media_type=CONTENT_TYPE,
        headers={"Cache-Control": "no-store"},
    )


def install(app: FastAPI) -> None:
    """``/metrics`` and the counting layer, outermost so it sees every answer."""
    app.state.metrics = metrics = Metrics()
    app.include_router(router)
    app.add_middleware(RequestMetrics, metrics=metrics)


__all__ = ["Metrics", "RequestMetrics", "install", "route_label"]

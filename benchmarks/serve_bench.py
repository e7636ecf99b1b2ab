"""Serving benchmark: what a poller costs on each HTTP stack, against nginx, same bytes.

    .venv/bin/python benchmarks/serve_bench.py [--members 100000] [--duration 5]
        [--keep DIR] [--stacks httptools,h11,granian,httptools*2] [--connections 4]

A store of ``--members`` members is loaded through the real ingest path (``pipeline.ingest``
with validation, documents from ``benchmarks/corpus.py``; see ``serve_load.py``, which
``--keep DIR`` reuses and resumes: 100,000 members take about an hour and 16 GB). Then, in
the same run:

1. nginx (Debian's package, installed with apt-get when missing) serves the very bytes our
   server sends for each measured resource, written as files, with ``etag on``;
2. ``beleidsdata serve`` runs on each stack of ``--stacks`` in turn (``NAME*N``: N workers);
3. wrk (``-t1 -c{connections} -d{duration}s``) asks each of them for the open page of the
   log, the ``/ldes`` root, the last page of the latest-version view and an entity
   document (JSON-LD), once plainly (200) and once with ``If-None-Match`` (304).

Prints a table of requests per second and the ratio to nginx. Targets (issue 13): 200s
and 304s at least 0.3x nginx (0.5x wanted) for the open page, the root and an entity.
wrk and every server run on this machine, so the figures compare stacks on the same
cores, not absolute capacity. Every process started here is stopped by its PID.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve_load import load, store_path

from beleidsdata.store import open_store

BIN = Path(sys.executable).parent
TURTLE = "text/turtle"
JSONLD = "application/ld+json"


@dataclass(frozen=True)
class Resource:
    label: str
    path: str
    accept: str


def resources(db: Path) -> list[Resource]:
    store = open_store(db, create=False, readonly=True)
    try:
        pages = -(-store.last_seq() // store.page_size)
        row = store.db.one(
            "SELECT path FROM documents WHERE path LIKE '/doc/beslissing/%' "
            "AND format = 'jsonld' AND path NOT LIKE '%/versie/%' ORDER BY path LIMIT 1"
        )
        assert row is not None, "no decision in the store"
        return [
            Resource("open page of the log", f"/ldes/pagina/{pages}", TURTLE),
            Resource("/ldes root", "/ldes", TURTLE),
            Resource("latest-version view, last page", f"/ldes/laatste/pagina/{pages}", TURTLE),
            Resource("entity document (JSON-LD)", str(row[0]), JSONLD),
        ]
    finally:
        store.close()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tool(name: str, package: str) -> str:
    found = shutil.which(name) or (Path(f"/usr/sbin/{name}").exists() and f"/usr/sbin/{name}")
    if not found:
        subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True)
        found = shutil.which(name) or f"/usr/sbin/{name}"
    return str(found)


def wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


NGINX = """\
user root;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp;
  fastcgi_temp_path {work}/tmp; uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
  types {{ text/turtle ttl; application/ld+json jsonld; }}
  map $http_accept $ext {{ default .jsonld; ~*text/turtle .ttl; }}
  server {{
    listen 127.0.0.1:{port};
    root {work}/root;
    etag on;
    location / {{
      add_header Cache-Control "public, max-age=10" always;
      add_header Vary Accept always;
      try_files $uri$ext =404;
    }}
  }}
}}
"""


def start_nginx(work: Path, bodies: dict[Resource, bytes]) -> tuple[subprocess.Popen[bytes], str]:
    """nginx serving ``bodies`` at their paths (by Accept, as the export is laid out)."""
    for resource, body in bodies.items():
        ext = ".ttl" if resource.accept == TURTLE else ".jsonld"
        target = work / "root" / (resource.path.lstrip("/") + ext)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    (work / "tmp").mkdir(exist_ok=True)
    port = free_port()
    (work / "nginx.conf").write_text(NGINX.format(work=work, port=port))
    binary = tool("nginx", "nginx")
    process = subprocess.Popen(
        [binary, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"]
    )
    url = f"http://127.0.0.1:{port}"
    wait_for(url + "/", process)
    return process, url


def start_server(db: Path, stack: str) -> tuple[subprocess.Popen[bytes], str]:
    name, _, workers = stack.partition("*")
    port = free_port()
    process = subprocess.Popen(
        [
            *(str(BIN / "beleidsdata"), "serve", "--db", str(db), "--port", str(port)),
            *("--no-samples", "--stack", name, "--workers", workers or "1"),
        ],
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for(url + "/healthz", process)
    return process, url


def wrk(url: str, headers: dict[str, str], duration: int, connections: int) -> float:
    args = [tool("wrk", "wrk"), "-t1", f"-c{connections}", f"-d{duration}s"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx" in out:
        raise SystemExit(f"errors from {url}:\n{out}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert found, out
    return float(found.group(1))


def measure(
    base: str, items: list[Resource], duration: int, connections: int
) -> dict[tuple[str, int], float]:
    """req/s of each resource: plain (200) and conditional (304, the server's own ETag)."""
    out: dict[tuple[str, int], float] = {}
    for item in items:
        accept = {"Accept": item.accept}
        first = httpx.get(base + item.path, headers=accept)
        assert first.status_code == 200, (base, item.path, first.status_code)
        again = {**accept, "If-None-Match": first.headers["etag"]}
        assert httpx.get(base + item.path, headers=again).status_code == 304
        out[(item.label, 200)] = wrk(base + item.path, accept, duration, connections)
        out[(item.label, 304)] = wrk(base + item.path, again, duration, connections)
    return out


def table(
    items: list[Resource],
    nginx: dict[tuple[str, int], float],
    stacks: dict[str, dict[tuple[str, int], float]],
) -> str:
    names = list(stacks)
    head = "| resource | status | nginx req/s | " + " | ".join(names) + " |"
    lines = [head, "|---|---:|---:|" + "---:|" * len(names)]
    for item in items:
        for status in (200, 304):
            key = (item.label, status)
            cells = [
                f"{figures[key]:,.0f} (**{figures[key] / nginx[key]:.2f}×**)"
                for figures in stacks.values()
            ]
            lines.append(
                f"| {item.label} | {status} | {nginx[key]:,.0f} | " + " | ".join(cells) + " |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--stacks", default="httptools,h11,granian,httptools*2")
    parser.add_argument("--keep", type=Path, help="load (or reuse) the store in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        folder = args.keep or Path(tmp) / "store"
        started = time.perf_counter()
        members = load(folder, args.members)
        print(
            f"store: {members:,} members ({time.perf_counter() - started:.0f} s)", file=sys.stderr
        )
        db = store_path(folder)
        items = resources(db)
        stacks: dict[str, dict[tuple[str, int], float]] = {}
        bodies: dict[Resource, bytes] = {}
        for stack in args.stacks.split(","):
            process, base = start_server(db, stack)
            try:
                if not bodies:
                    for item in items:
                        got = httpx.get(base + item.path, headers={"Accept": item.accept})
                        bodies[item] = got.content
                stacks[stack] = measure(base, items, args.duration, args.connections)
            finally:
                stop(process)
            print(f"  {stack} measured", file=sys.stderr)
        nginx_process, nginx_base = start_nginx(Path(tmp) / "nginx", bodies)
        try:
            nginx = measure(nginx_base, items, args.duration, args.connections)
        finally:
            stop(nginx_process)
    sizes = ", ".join(f"{item.path} {len(bodies[item]):,} B" for item in items)
    print(
        f"serving benchmark: {members:,} members, wrk -t1 -c{args.connections} "
        f"-d{args.duration}s, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n"
        f"bodies: {sizes}\n"
    )
    print(table(items, nginx, stacks))


if __name__ == "__main__":
    main()

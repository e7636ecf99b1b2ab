"""Event-stream (LDES) benchmark: pages under load vs nginx, 304s, RSS, ingest and fetch.

    .venv/bin/python benchmarks/ldes_bench.py [--sizes 10000,100000] [--million]
                                              [--duration 8] [--keep DIR]

One run, one table. A synthetic store is grown to each size in turn (10k, then 100k, then
1M with ``--million``), and at each size a real ``beleidsdata serve`` (a subprocess on
127.0.0.1) is measured with wrk (32 connections, ``--latency``):

1. a closed page of the whole log (Turtle, 250 members) from our server, and the same page
   bytes from nginx with the README's configuration (``tests/nginx/beleidsdata.conf``);
2. the 304 path (``If-None-Match`` with the page's ETag) on our server;
3. the server's RSS (``VmRSS`` from ``/proc/PID/status``) after the load, and one-connection
   page latency, compared between the largest size and the smallest;
4. ingest throughput through the real ``pipeline.ingest`` (validation on) of synthetic
   evaluation reports whose decisions are ~25-45-triple members, with a cProfile summary;
5. fetch throughput: the whole stream read page by page (250-member pages) by one
   sequential httpx client and by 8 concurrent fetchers.

Synthetic members are variations of the sample corpus: the samples are converted once,
their 16-45-triple entities (decisions, evaluations, findings, resolutions, strategy and
communication parts) are cloned in a few variants (dates shifted, amounts and line numbers
changed, titles extended) and serialised by the real code (``pipeline.entity_bodies``,
``ldes.members.serialise_member``) with a placeholder natural key; each member then gets
its own key (a byte substitution, so 100,000 members do not cost 100,000 serialisations)
and is written through ``SQLiteStore.apply`` in batches of 5,000 (one ingest time each),
with ``page_closer`` storing the pages every batch closes, as an ingest does.

A store takes ~60 kB of disk a member (6 GB at 100k; ``--million`` checks for ~62 GB).
wrk and nginx come from apt (installed when missing). Every process started here is
stopped by its PID; all load goes to 127.0.0.1 and each load run is bounded by
``--duration``. Targets (issue 5): pages ≥ 0.5x nginx, p99 < 20 ms, RSS and latency at
the largest size within 1.2x of 10k, ingest ≥ 8,000 members/s, fetch ≥ 100,000 members/s.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import os
import pstats
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx

from beleidsdata import pipeline
from beleidsdata.formats.context import context_url
from beleidsdata.ldes.members import member_triples, serialise_member, version_iri
from beleidsdata.ldes.stream import page_closer
from beleidsdata.mapping.graph import EntityDescription
from beleidsdata.mapping.namespaces import DCT, XSD
from beleidsdata.mapping.terms import IRI, Literal, Triple
from beleidsdata.resources import samples_dir
from beleidsdata.sources import SourceText
from beleidsdata.store import ChangeSet, SQLiteStore
from beleidsdata.store.base import EntityWrite, MemberWrite

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NGINX_CONF = ROOT / "tests" / "nginx" / "beleidsdata.conf"
PAGE_SIZE = 250
KEY = "q0q0q0q0q0"  # placeholder natural key, replaced per member
TIME = "1999-09-09T09:09:09.999Z"  # placeholder event time, replaced per batch
KINDS = ("beslissing", "evaluatie", "mededeling", "resolutie", "strategie")
TURTLE = "text/turtle"
TREE_MEMBER = b"<https://w3id.org/tree#member>"


# ----------------------------------------------------------------------- synthetic store


@dataclass(frozen=True)
class Template:
    """One variant of a sample entity, serialised by the real code with placeholders."""

    kind: str
    path: str
    iri: str
    title: str | None
    types: tuple[str, ...]
    triples: int
    entity: dict[str, bytes]
    member: dict[str, bytes]


def _shift(lexical: str, days: int) -> str:
    try:
        return (date.fromisoformat(lexical) + timedelta(days=days)).isoformat()
    except ValueError:
        return lexical


def _vary(o: Literal, variant: int) -> Literal:
    if o.datatype == XSD.date:
        return Literal(_shift(o.lexical, 41 * variant), o.datatype, o.lang)
    if o.datatype == XSD.decimal and o.lexical.isdigit():
        return Literal(str(int(o.lexical) * (variant + 2) // 2), o.datatype, o.lang)
    if o.datatype == XSD.integer and o.lexical.isdigit():
        return Literal(str(int(o.lexical) + 3 * variant), o.datatype, o.lang)
    return o


def _clone(ent: EntityDescription, variant: int, base: str) -> EntityDescription:
    """The entity under a new natural key (with the KEY placeholder), dates shifted,
    numbers changed, the title extended."""
    parts = ent.path.split("/")
    if parts[0] == "beslissing" and len(parts) == 3:
        path = f"beslissing/{_shift(parts[1], 41 * variant)}/{KEY}"
    else:
        path = "/".join([parts[0], f"{parts[1]}-{KEY}", *parts[2:]])
    iri = f"{base}/id/{path}"

    def move(term: str) -> IRI:
        if term == ent.iri:
            return IRI(iri)
        if term.startswith(ent.iri + "#"):
            return IRI(iri + term[len(ent.iri) :])
        return IRI(term)

    out: list[Triple] = []
    for s, p, o in ent.triples:
        if isinstance(o, Literal):
            o2: IRI | Literal = _vary(o, variant)
            if p == DCT.title and s == ent.iri:
                o2 = Literal(f"{o.lexical} (dossier {KEY})", o.datatype, o.lang)
        else:
            o2 = move(o)
        out.append((move(s), p, o2))
    return EntityDescription.build(iri, path, out)


def templates(base: str, variants: int = 4) -> list[Template]:
    """Sample entities of 16-45 triples, in ``variants`` variants each, serialised once."""
    texts = [pipeline.read_source(p) for p in pipeline.expand_paths([samples_dir()])]
    conversion = pipeline.convert(texts, base)
    ctx = context_url(base)
    chosen = [
        e for e in conversion.entities.values() if e.kind in KINDS and 12 <= len(e.triples) <= 45
    ]
    # ~30 triples on average: every decision and evaluation, the larger parts of the rest
    chosen = [e for e in chosen if e.kind in ("beslissing", "evaluatie") or len(e.triples) >= 16]
    out = []
    for variant in range(variants):
        for ent in chosen:
            desc = _clone(ent, variant, base)
            member = version_iri(desc.iri, 1)
            out.append(
                Template(
                    kind=desc.kind,
                    path=desc.path,
                    iri=desc.iri,
                    title=pipeline._title(desc),
                    types=desc.types,
                    triples=len(desc.triples) + 3,
                    entity=pipeline.entity_bodies(desc, ctx),
                    member=serialise_member(
                        member, member_triples(desc.iri, 1, "create", TIME, desc.triples)
                    ),
                )
            )
    return out


def _event_time(batch: int) -> str:
    """Increasing, distinct ingest times (one per batch), like a log of many ingests."""
    t = date(2024, 1, 1)
    seconds = batch * 97
    return (
        f"{t.isoformat()}T{seconds // 3600 % 24:02d}:{seconds // 60 % 60:02d}:"
        f"{seconds % 60:02d}.{batch % 1000:03d}Z"
    )


def grow(
    store: SQLiteStore, target: int, pool: list[Template], batch: int = 5000, say=lambda _m: None
) -> int:
    """Add synthetic members until the log holds ``target``; returns members added."""
    start = store.last_seq()
    made = start
    key_b = KEY.encode()
    time_b = TIME.encode()
    while made < target:
        n = min(batch, target - made)
        number = made // batch
        when = _event_time(number + 1)
        changes = ChangeSet(time=when)
        for i in range(made, made + n):
            tpl = pool[(i * 7919) % len(pool)]  # spread kinds through the log
            key = f"{i:010x}"
            kb = key.encode()
            ent = {f: b.replace(key_b, kb) for f, b in tpl.entity.items()}
            mem = {
                f: b.replace(key_b, kb).replace(time_b, when.encode())
                for f, b in tpl.member.items()
            }
            iri = tpl.iri.replace(KEY, key)
            digest = hashlib.sha256(ent["nt"]).hexdigest()
            changes.upserts.append(
                EntityWrite(
                    iri=iri,
                    path=tpl.path.replace(KEY, key),
                    kind=tpl.kind,
                    content_hash=digest,
                    title=(tpl.title or "").replace(KEY, key) or None,
                    types=tpl.types,
                    bodies=ent,
                )
            )
            changes.members.append(
                MemberWrite(
                    iri=version_iri(iri, 1),
                    entity=iri,
                    kind=tpl.kind,
                    event="create",
                    content_hash=digest,
                    bodies=mem,
                )
            )
        changes.close_pages = page_closer(store)
        store.apply(changes)
        made += n
        say(f"  {made:,} members")
    return made - start


def build_store(
    path: Path, members: int, base: str, pool: list[Template] | None = None, say=lambda _m: None
) -> SQLiteStore:
    """A store at ``path`` with ``members`` synthetic members (used by the smoke test)."""
    store = SQLiteStore(path, base)
    grow(store, members, pool or templates(base), say=say)
    return store


# ------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


def stop(proc: subprocess.Popen | None) -> None:
    """Stop one process we started, by its PID (SIGTERM, then SIGKILL)."""
    if proc is None or proc.poll() is not None:
        return
    os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def ensure_apt(binary: str, package: str) -> str:
    found = shutil.which(binary) or (
        os.path.exists(f"/usr/sbin/{binary}") and f"/usr/sbin/{binary}"
    )
    if not found:
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", package],
            check=False,
            capture_output=True,
            timeout=600,
        )
        found = shutil.which(binary) or (
            os.path.exists(f"/usr/sbin/{binary}") and f"/usr/sbin/{binary}"
        )
    if not found:
        sys.exit(f"error: {binary} is not installed (apt-get install -y {package})")
    return str(found)


@dataclass
class Load:
    rps: float
    p50: float  # ms
    p99: float  # ms
    errors: int = 0


_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    return float(m.group(1)) * _UNIT[m.group(2)] if m else float("nan")


def wrk(
    url: str,
    duration: int,
    connections: int = 32,
    threads: int = 2,
    headers: dict[str, str] | None = None,
) -> Load:
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "5s",
    ]
    for k, v in (headers or {}).items():
        cmd += ["-H", f"{k}: {v}"]
    out = subprocess.run(
        [*cmd, url], capture_output=True, text=True, timeout=duration + 30, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errs = re.search(r"Socket errors:.*timeout (\d+)", out)
    return Load(
        rps, p50, p99, (int(bad.group(1)) if bad else 0) + (int(errs.group(1)) if errs else 0)
    )


class Server:
    """``beleidsdata serve`` on 127.0.0.1 for one store."""

    def __init__(self, db: Path, port: int, log: Path) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self._log = log.open("ab")
        self.proc = subprocess.Popen(
            [
                str(BIN / "beleidsdata"),
                "serve",
                "--db",
                str(db),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-samples",
                "--page-size",
                str(PAGE_SIZE),
            ],
            stdout=self._log,
            stderr=self._log,
        )
        wait_http(self.base + "/ldes", self.proc, 120)

    def close(self) -> None:
        stop(self.proc)
        self._log.close()


class Nginx:
    """nginx with the README's configuration, hosting ``root`` on 127.0.0.1."""

    def __init__(self, root: Path, port: int, work: Path, workers: str = "1") -> None:
        nginx = ensure_apt("nginx", "nginx")
        work.mkdir(parents=True, exist_ok=True)
        (root / "mutable.map").touch()
        server = (
            NGINX_CONF.read_text()
            .replace("/srv/beleidsdata", str(root))
            .replace("listen 80;", f"listen 127.0.0.1:{port} backlog=1024;")
        )
        user = "user root;\n" if os.geteuid() == 0 else ""
        (work / "nginx.conf").write_text(
            f"{user}worker_processes {workers};\npid {work}/nginx.pid;\n"
            f"error_log {work}/error.log;\nevents {{ worker_connections 1024; }}\n"
            f"http {{\n access_log off;\n sendfile on;\n tcp_nopush on;\n"
            f" client_body_temp_path {work}/tmp;\n proxy_temp_path {work}/tmp;\n"
            f" fastcgi_temp_path {work}/tmp;\n uwsgi_temp_path {work}/tmp;\n"
            f" scgi_temp_path {work}/tmp;\n{server}\n}}\n"
        )
        self.base = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen(
            [nginx, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
            stderr=subprocess.DEVNULL,
        )
        wait_http(self.base + "/ldes/pagina/1", self.proc, 20)

    def close(self) -> None:
        stop(self.proc)  # the master stops its workers on SIGTERM


# ------------------------------------------------------------------------- measurements


def fetch_all(
    base: str, pages: int, fetchers: int = 1, client: str = "httpx"
) -> tuple[int, float, int]:
    """Read pages 1..pages (Turtle) with ``fetchers`` keep-alive connections, each in its
    own thread, with httpx or the standard library's http.client; returns (members
    counted in the bodies, seconds, bytes)."""
    import http.client

    numbers = iter(range(1, pages + 1))
    lock = threading.Lock()
    totals = [0, 0]
    failures: list[str] = []
    host, port = base.removeprefix("http://").split(":")

    def get_httpx(conn: httpx.Client, path: str) -> tuple[int, bytes]:
        r = conn.get(path)
        return r.status_code, r.content

    def get_stdlib(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
        conn.request("GET", path, headers={"Accept": TURTLE})
        r = conn.getresponse()
        return r.status, r.read()

    def work(conn, get) -> None:  # type: ignore[no-untyped-def]
        while True:
            with lock:
                n = next(numbers, None)
            if n is None:
                return
            status, body = get(conn, f"/ldes/pagina/{n}")
            if status != 200:
                failures.append(f"page {n}: {status}")
                return
            with lock:
                totals[0] += body.count(TREE_MEMBER)
                totals[1] += len(body)

    if client == "httpx":
        conns = [
            httpx.Client(base_url=base, headers={"Accept": TURTLE}, timeout=30)
            for _ in range(fetchers)
        ]
        get = get_httpx
    else:
        conns = [http.client.HTTPConnection(host, int(port), timeout=30) for _ in range(fetchers)]
        get = get_stdlib  # type: ignore[assignment]
    threads = [threading.Thread(target=work, args=(c, get)) for c in conns]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    for c in conns:
        c.close()
    if failures:
        raise RuntimeError("; ".join(failures[:3]))
    return totals[0], seconds, totals[1]


@dataclass
class SizeResult:
    members: int
    page_kb: float
    ours: Load
    not_modified: Load
    single: Load
    nginx: Load | None
    nginx_304: Load | None
    rss_idle: float
    rss_load: float  # after the page and 304 load
    rss_after: float  # after the fetches too
    fetch_seq: tuple[int, float, int]
    fetch_par: tuple[int, float, int]
    fetch_lean: tuple[int, float, int]


def measure(
    db: Path, members: int, work: Path, duration: int, with_nginx: bool, rounds: int = 3
) -> SizeResult:
    """Everything at one store size. Our server and nginx run side by side and are loaded
    in turn, ``rounds`` times each; the best round of each counts (the machine is shared)."""
    work.mkdir(parents=True, exist_ok=True)
    server = Server(db, free_port(), work / "serve.log")
    nginx: Nginx | None = None
    try:
        pages = members // PAGE_SIZE  # closed pages (the last one may be open)
        number = max(1, pages // 2)
        url = f"{server.base}/ldes/pagina/{number}"
        first = httpx.get(url, headers={"Accept": TURTLE}, timeout=30)
        first.raise_for_status()
        assert "immutable" in first.headers["cache-control"], first.headers
        etag = first.headers["etag"]
        for _ in range(20):
            httpx.get(url, headers={"Accept": TURTLE}, timeout=30)
        rss_idle = rss_mb(server.proc.pid)
        if with_nginx:
            root = work / "export"
            target = root / "ldes" / "pagina" / f"{number}.ttl"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(first.content)  # the same page bytes
            (root / "ldes" / "pagina" / "1.ttl").write_bytes(first.content)  # readiness probe
            nginx = Nginx(root, free_port(), work / "nginx")
            check = httpx.get(f"{nginx.base}/ldes/pagina/{number}", headers={"Accept": TURTLE})
            assert check.content == first.content
        wrk(url, 2, headers={"Accept": TURTLE})  # warm-up: connections, threads, caches
        if nginx:
            wrk(f"{nginx.base}/ldes/pagina/{number}", 2, headers={"Accept": TURTLE})
        ours: Load | None = None
        theirs: Load | None = None
        for _ in range(rounds):
            run = wrk(url, duration, headers={"Accept": TURTLE})
            ours = run if ours is None or run.rps > ours.rps else ours
            if nginx:
                run = wrk(
                    f"{nginx.base}/ldes/pagina/{number}", duration, headers={"Accept": TURTLE}
                )
                theirs = run if theirs is None or run.rps > theirs.rps else theirs
        assert ours is not None
        not_modified = wrk(url, duration, headers={"Accept": TURTLE, "If-None-Match": etag})
        theirs_304 = None
        if nginx:
            tag = check.headers["etag"]  # nginx's own ETag for the file
            theirs_304 = wrk(
                f"{nginx.base}/ldes/pagina/{number}",
                duration,
                headers={"Accept": TURTLE, "If-None-Match": tag},
            )
        single = wrk(
            url, max(3, duration // 2), connections=1, threads=1, headers={"Accept": TURTLE}
        )
        rss_load = rss_mb(server.proc.pid)
        fetch_seq = fetch_all(server.base, pages, 1)
        fetch_par = fetch_all(server.base, pages, 8)
        fetch_lean = fetch_all(server.base, pages, 1, client="stdlib")
        rss_after = rss_mb(server.proc.pid)
        return SizeResult(
            members,
            len(first.content) / 1024,
            ours,
            not_modified,
            single,
            theirs,
            theirs_304,
            rss_idle,
            rss_load,
            rss_after,
            fetch_seq,
            fetch_par,
            fetch_lean,
        )
    finally:
        if nginx:
            nginx.close()
        server.close()


# ------------------------------------------------------------------------------- ingest

TOPICS = (
    "digitale infrastructuur",
    "slimme mobiliteit",
    "artificiële intelligentie",
    "cybersecurity",
    "digitale competenties in het onderwijs",
    "open data bij lokale besturen",
    "e-loket voor ondernemers",
    "5G-netwerk",
)


def evaluation_text(i: int, references: int = 32) -> SourceText:
    """A synthetic evaluation report (export B layout) citing ``references`` decisions,
    each with a Kaleidos document id, a date, a title and a description with an amount."""
    import random

    rnd = random.Random(i)
    topic = TOPICS[i % len(TOPICS)]
    lines = [
        f"# Evaluatie {i}: {topic} in het regeerakkoord",
        "",
        "## Samenvatting",
        f"De plannen rond {topic} zijn deels nagekomen door de Vlaamse Regering, zoals "
        "blijkt uit de beslissingen over investeringen en ondersteuning.",
        "",
    ]
    for t in range(0, references, 4):
        cites = "".join(f"\\[{k}\\]" for k in range(t, min(references, t + 4)))
        lines += [
            f"### Thema {t // 4 + 1}: {topic}",
            f"- **Maatregel {t // 4 + 1}** werd uitgevoerd met middelen voor projecten "
            f"rond {topic} {cites}.",
            "",
        ]
    lines += [
        "**Conclusie**: Er zijn substantiële stappen gezet, maar niet alle acties "
        "kunnen worden beoordeeld met de verstrekte documenten.",
        "",
        "## Referenties (s3 files)",
        "",
    ]
    years = []
    for k in range(references):
        y, m, d = 2019 + rnd.randrange(5), 1 + rnd.randrange(12), 1 + rnd.randrange(28)
        ident = "".join(rnd.choice("0123456789ABCDEF") for _ in range(24))
        lines.append(f"\\[{k}\\]: clean/{y}/{m:02d}/{y}-{m:02d}-{d:02d}-nota-{ident}.txt")
        years.append(y)
    lines += ["", "## Referenties (full text)", ""]
    for k in range(references):
        amount = 1 + rnd.randrange(40)
        lines += [
            f"\\[{k}\\]: {topic.capitalize()}: subsidie {i}-{k} voor werkjaar "
            f"{years[k]} Ontwerpbesluit van de Vlaamse Regering over de toekenning van "
            f"een subsidie van {amount} miljoen euro voor project {i}-{k} in het kader "
            f"van {topic}.",
            "",
        ]
    return SourceText.from_string(f"synthetische-evaluatie-{i:04d}.txt", "\n".join(lines))


@dataclass
class IngestResult:
    members: int
    triples: float
    seconds: float
    seconds_unvalidated: float
    profile: str


def measure_ingest(work: Path, documents: int) -> IngestResult:
    texts = [evaluation_text(i) for i in range(documents)]
    base = "http://127.0.0.1:1"

    def run(name: str, validate: bool = True, profile: cProfile.Profile | None = None):
        store = SQLiteStore(work / f"{name}.sqlite", base)
        started = time.perf_counter()
        if profile:
            profile.enable()
        result = pipeline.ingest(store, texts, validate=validate)
        if profile:
            profile.disable()
        seconds = time.perf_counter() - started
        triples = sum(m.bodies["nt"].count(b"\n") for m in store.iter_members()) / max(
            1, result.members
        )
        store.close()
        return result.members, triples, seconds

    members, triples, seconds = run("ingest")
    _, _, unvalidated = run("ingest-novalidate", validate=False)
    prof = cProfile.Profile()
    run("ingest-profile", profile=prof)
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(10)
    keep = [ln for ln in buf.getvalue().splitlines() if re.match(r"\s*\d", ln) or "ncalls" in ln]
    # where an ingest spends its time: the pipeline's own stages (cumulative)
    stages = {
        "parse": "parse_all",
        "map": "map_batch",
        "validate": "check_entities",
        "entity bodies": "entity_bodies",
        "member bodies": "_member",
        "store.apply": "apply",
        "page closing": "close",
    }
    total = max(st[3] for st in stats.stats.values())  # type: ignore[attr-defined]
    split = []
    for label, name in stages.items():
        cum = sum(
            st[3]
            for (path, _, fn), st in stats.stats.items()  # type: ignore[attr-defined]
            if fn == name and "beleidsdata" in path
        )
        split.append(f"{label} {cum / total:.0%}")
    keep.insert(0, "stages (cumulative share of the profiled ingest): " + ", ".join(split))
    return IngestResult(members, triples, seconds, unvalidated, "\n".join(keep))


# --------------------------------------------------------------------------------- main


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def report(results: list[SizeResult], build: dict[int, float], mean_triples: float) -> None:
    print()
    print(
        f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"{_cpu_model()}; wrk -t2 -c32 --latency on the same machine (load and servers "
        "share the cores)"
    )
    print(f"synthetic members: {mean_triples:.1f} triples on average; pages of {PAGE_SIZE}, Turtle")
    print()
    head = (
        "members",
        "build s",
        "page KB",
        "ours req/s",
        "p50 ms",
        "p99 ms",
        "nginx req/s",
        "p50 ms",
        "p99 ms",
        "ours/nginx",
        "304 req/s",
        "p50 ms",
        "p99 ms",
        "nginx 304/s",
        "1-conn p50",
        "RSS MB idle/load/fetch",
        "httpx x1 m/s",
        "httpx x8 m/s",
        "stdlib x1 m/s",
    )
    rows = []
    for r in results:
        n = r.nginx
        rows.append(
            (
                f"{r.members:,}",
                f"{build.get(r.members, 0):.0f}",
                f"{r.page_kb:.0f}",
                f"{r.ours.rps:,.0f}",
                f"{r.ours.p50:.1f}",
                f"{r.ours.p99:.1f}",
                f"{n.rps:,.0f}" if n else "-",
                f"{n.p50:.1f}" if n else "-",
                f"{n.p99:.1f}" if n else "-",
                _ratio(r.ours.rps, n.rps) if n else "-",
                f"{r.not_modified.rps:,.0f}",
                f"{r.not_modified.p50:.1f}",
                f"{r.not_modified.p99:.1f}",
                f"{r.nginx_304.rps:,.0f}" if r.nginx_304 else "-",
                f"{r.single.p50:.2f}",
                f"{r.rss_idle:.0f}/{r.rss_load:.0f}/{r.rss_after:.0f}",
                f"{r.fetch_seq[0] / r.fetch_seq[1]:,.0f}",
                f"{r.fetch_par[0] / r.fetch_par[1]:,.0f}",
                f"{r.fetch_lean[0] / r.fetch_lean[1]:,.0f}",
            )
        )
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
    print("  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)))
    for row in rows:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    for r in results:
        bad = r.ours.errors + r.not_modified.errors + (r.nginx.errors if r.nginx else 0)
        if bad:
            print(f"warning: {bad} failed requests at {r.members:,} members")
    small, large = results[0], results[-1]
    print()
    print("targets")
    for r in results:
        if r.nginx:
            print(
                f"  pages vs nginx at {r.members:,}: {_ratio(r.ours.rps, r.nginx.rps)} "
                f"(target >= 0.5x); p99 {r.ours.p99:.1f} ms (target < 20 ms)"
            )
        if r.nginx_304:
            print(
                f"  304s vs nginx at {r.members:,}: {_ratio(r.not_modified.rps, r.nginx_304.rps)}"
            )
    if len(results) > 1:
        print(
            f"  RSS {large.members:,} vs {small.members:,} (target <= 1.2x): idle "
            f"{_ratio(large.rss_idle, small.rss_idle)}, after the page load "
            f"{large.rss_load:.0f} / {small.rss_load:.0f} MB = "
            f"{_ratio(large.rss_load, small.rss_load)}, after the fetches "
            f"{_ratio(large.rss_after, small.rss_after)}"
        )
        print(
            f"  page latency {large.members:,} vs {small.members:,}: 1-conn p50 "
            f"{_ratio(large.single.p50, small.single.p50)}, 32-conn p50 "
            f"{_ratio(large.ours.p50, small.ours.p50)}, p99 "
            f"{_ratio(large.ours.p99, small.ours.p99)} (target <= 1.2x)"
        )
    f1, f8, fl = large.fetch_seq, large.fetch_par, large.fetch_lean
    print(
        f"  fetch at {large.members:,} (target >= 100,000 members/s): httpx "
        f"{f1[0] / f1[1]:,.0f} members/s sequential ({f1[2] / f1[1] / 2**20:.0f} MB/s), "
        f"{f8[0] / f8[1]:,.0f} with 8 fetchers; http.client {fl[0] / fl[1]:,.0f} "
        f"sequential ({fl[2] / fl[1] / 2**20:.0f} MB/s)"
    )
    for r in results:
        counted = {r.fetch_seq[0], r.fetch_par[0], r.fetch_lean[0]}
        if counted != {r.members // PAGE_SIZE * PAGE_SIZE}:
            print(f"warning: fetched {counted} members at {r.members:,}")


def report_ingest(ingest: IngestResult | None) -> None:
    if ingest:
        print(
            f"  ingest: {ingest.members:,} members ({ingest.triples:.1f} triples each) in "
            f"{ingest.seconds:.1f} s = {ingest.members / ingest.seconds:,.0f} members/s "
            f"with validation, {ingest.members / ingest.seconds_unvalidated:,.0f} without "
            "(target >= 8,000)"
        )
        print()
        print("ingest profile (cProfile, validation on, top 10 by own time)")
        print(ingest.profile)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        help="store sizes in members, ascending (default 10000,100000)",
    )
    parser.add_argument("--million", action="store_true", help="also measure 1,000,000")
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument(
        "--ingest-documents",
        type=int,
        default=16,
        help="synthetic evaluation reports ingested (32 decisions each)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="work in this folder and keep the store (default: a temp dir)",
    )
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if args.million:
        sizes = sorted({*sizes, 1_000_000})
    need = 62 * max(sizes) // 1_000_000  # GB: ~60 kB a member (bodies, entities, pages)
    free = shutil.disk_usage(args.keep or tempfile.gettempdir()).free // 2**30
    if need > free:
        sys.exit(
            f"error: {max(sizes):,} members need about {need} GB of disk; {free} GB free "
            "(use --keep DIR on a larger disk)"
        )
    ensure_apt("wrk", "wrk")
    work = args.keep or Path(tempfile.mkdtemp(prefix="ldes-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        base = f"http://127.0.0.1:{free_port()}"
        db = work / "stream.sqlite"
        if db.exists() and args.keep is None:
            db.unlink()
        store = SQLiteStore(db, base)
        print(f"store {db} ({store.base_iri}); templates from the samples ...", flush=True)
        pool = templates(store.base_iri)
        mean = sum(t.triples for t in pool) / len(pool)
        print(f"{len(pool)} templates, {mean:.1f} triples per member on average", flush=True)
        results: list[SizeResult] = []
        build: dict[int, float] = {}
        for size in sizes:
            started = time.perf_counter()
            added = grow(store, size, pool)
            build[size] = time.perf_counter() - started
            print(
                f"{size:,} members (+{added:,} in {build[size]:.1f} s); measuring ...", flush=True
            )
            store.close()
            results.append(measure(db, size, work / f"run-{size}", args.duration, with_nginx=True))
            r = results[-1]
            print(
                f"  ours {r.ours.rps:,.0f} req/s p99 {r.ours.p99:.1f} ms; nginx "
                f"{r.nginx.rps if r.nginx else 0:,.0f} req/s; 304 {r.not_modified.rps:,.0f} "
                f"req/s; RSS {r.rss_after:.0f} MB",
                flush=True,
            )
        store.close()
        report(results, build, mean)
        if args.ingest_documents:
            print(f"\ningest: {args.ingest_documents} synthetic evaluation reports ...", flush=True)
            try:
                report_ingest(measure_ingest(work, args.ingest_documents))
            except Exception as exc:  # the pages' figures are printed already
                print(f"ingest failed: {type(exc).__name__}: {exc}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

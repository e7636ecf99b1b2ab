"""Hostile-input benchmark: how fast each hostile document is refused, on the CLI and over
HTTP, and how long the patterns that used to backtrack take on hostile text.

    .venv/bin/python benchmarks/hostile_bench.py              # the cases of issue 15
    .venv/bin/python benchmarks/hostile_bench.py --repeats 2000 --cap 5

The cases: a billion-laughs RDF/XML (nested entities), an external entity, a JSON-LD and a
Turtle document nested 100,000 deep, a 50 MB text, and a decision list whose one line
repeats "keurt de Vlaamse Regering" 20,000 times (within the size budget: it must convert,
not be refused). Each is run as ``beleidsdata validate FILE`` (exit code, seconds, the
message) and posted to ``POST /validate`` of a ``beleidsdata serve`` on loopback (status,
seconds); the texts are also posted to ``POST /bronnen``. The baseline measured in the same
run is a small valid document through the same paths: process start and a round trip.

The pattern table times the patterns as they were before the fix (kept here as text)
against the code that replaced them, on 20,000 repeats of hostile text; the old ones are
stopped at ``--cap`` seconds (shown as ``> cap``).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MB = 1024 * 1024
SAMPLE = ROOT / "data" / "samples" / "resolutie-slim-vlaanderen.txt"
DECISIONS = (
    ROOT / "tests" / "fixtures" / "beslissingenlijst" / "kortbestek-2021-05-07-harde-regels.txt"
)


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    media_type: str
    expect: str  # a phrase of the refusal ("" when the document must be read)


def make_cases(
    folder: Path, depth: int = 100_000, big_mb: float = 50, repeats: int = 20_000
) -> list[Case]:
    """Write the hostile documents into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    rdf = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"'
    body = '<rdf:Description rdf:about="http://example.org/a"><ex:p>{}</ex:p></rdf:Description>'
    entities = '<!ENTITY lol "lol">\n' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + ("" if i == 1 else str(i - 1)) + ";") * 10}">\n'
        for i in range(1, 10)
    )
    laughs = (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [\n{entities}]>\n'
        f"<rdf:RDF {rdf}>{body.format('&lol9;')}</rdf:RDF>\n"
    )
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        f"<rdf:RDF {rdf}>{body.format('&x;')}</rdf:RDF>\n"
    )
    files = {
        "laughs.rdf": laughs,
        "external-entity.rdf": xxe,
        "deep.jsonld": "[" * depth + "]" * depth,
        "deep.ttl": "@prefix ex: <http://example.org/> .\nex:a ex:p "
        + "(" * depth
        + ")" * depth
        + " .\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    line = "Voorstel van resolutie ingediend door de heer Jan Peeters en mevrouw An Claes " * 12
    with (folder / "big.txt").open("w", encoding="utf-8") as out:
        while out.tell() < big_mb * MB:
            out.write(line + "\n")
    lines = DECISIONS.read_text(encoding="utf-8").split("\n")
    hostile = [*lines[:4], "keurt de Vlaamse Regering " * repeats, *lines[4:]]
    (folder / "decisions.txt").write_text("\n".join(hostile), encoding="utf-8")
    return [
        Case("billion laughs", folder / "laughs.rdf", "application/rdf+xml", "entity declaration"),
        Case(
            "external entity",
            folder / "external-entity.rdf",
            "application/rdf+xml",
            "entity declaration",
        ),
        Case(
            f"JSON-LD {depth:,} deep", folder / "deep.jsonld", "application/ld+json", "nests deeper"
        ),
        Case(f"Turtle {depth:,} deep", folder / "deep.ttl", "text/turtle", "nests deeper"),
        Case(
            f"{big_mb:g} MB text", folder / "big.txt", "text/plain", "MB a source document may have"
        ),
        Case(f"decision list, {repeats:,} repeats", folder / "decisions.txt", "text/plain", ""),
    ]


@dataclass
class Row:
    case: str
    cli_exit: int
    cli_seconds: float
    message: str
    http_status: int = 0
    http_seconds: float = 0.0
    publish_status: int = 0
    publish_seconds: float = 0.0


def run_cli(path: Path, timeout: float = 600) -> tuple[int, float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "beleidsdata.cli", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    seconds = time.perf_counter() - start
    said = (done.stderr.strip() or done.stdout.strip()).splitlines()
    message = said[-1] if done.stderr.strip() else said[0]
    return done.returncode, seconds, message


class Server:
    """``beleidsdata serve --no-samples`` on a free loopback port, with a publishing token."""

    def __init__(self, folder: Path) -> None:
        import socket

        import httpx

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        db = folder / "store.sqlite"
        command = [sys.executable, "-m", "beleidsdata.cli"]
        self.process = subprocess.Popen(
            [
                *command,
                "serve",
                "--port",
                str(port),
                "--db",
                str(db),
                "--base-iri",
                self.url,
                "--no-samples",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the server did not start")
        token = subprocess.run(
            [*command, "token", "add", "bench", "--db", str(db)],
            capture_output=True,
            text=True,
            check=True,
        )
        self.token = token.stdout.strip().splitlines()[-1]

    def post(self, path: str, data: bytes, media_type: str) -> tuple[int, float]:
        import httpx

        start = time.perf_counter()
        headers = {"Content-Type": media_type, "Authorization": f"Bearer {self.token}"}
        r = httpx.post(self.url + path, content=data, headers=headers, timeout=600)
        return r.status_code, time.perf_counter() - start

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def measure(folder: Path, cases: list[Case], http: bool = True) -> list[Row]:
    """Every case on the CLI and (``http``) over HTTP, after the baseline."""
    baseline = Case("baseline: a valid resolution", SAMPLE, "text/plain", "")
    rows = []
    for case in [baseline, *cases]:
        code, seconds, message = run_cli(case.path)
        rows.append(Row(case.name, code, seconds, message))
    if http:
        server = Server(folder)
        try:
            server.post("/validate", SAMPLE.read_bytes(), "text/plain")  # warm the workers
            for row, case in zip(rows, [baseline, *cases], strict=True):
                data = case.path.read_bytes()
                row.http_status, row.http_seconds = server.post("/validate", data, case.media_type)
                if case.media_type == "text/plain":
                    name = "hostile-" + case.path.name if case is not baseline else case.path.name
                    row.publish_status, row.publish_seconds = server.post(
                        f"/bronnen?naam={name}", data, "text/plain"
                    )
        finally:
            server.stop()
    return rows


# The patterns as they were before issue 15, and hostile text for each.
OLD_PATTERNS = {
    "_SUBMITTED": (
        r"\bingediend\s+door\s+(.+?)(?:\s+op\s+\d.*)?$",
        re.I,
        "ingediend door x op 1 ",
        "\n,",
    ),
    "_SPONSORS": (
        r"\bvan\s+((?:de\s+)?(?:heer|heren|mevrouw|mevrouwen|dames?)\b.+?)"
        r"(?=\s+(?:betreffende|over|tot\s+besluit|houdende|inzake|met\s+betrekking)\b|$)",
        re.I,
        "van de heer x ",
        "\n,",
    ),
    "_IN_TITLE": (
        r"\b(?:ingediend\s+door|van)\s+((?:de\s+)?(?:heer|heren|mevrouw|mevrouwen)\b.+?|"
        r"[A-Z][^,]+?(?:,\s*[A-Z][^,]+?)*\s+en\s+[A-Z][\w'’ -]+?)"
        r"(?=\s+(?:betreffende|over|tot|houdende|inzake|met\s+betrekking|op\s+\d)\b|[.;]?$)",
        0,
        "van Ab, Cd en ",
        "",
    ),
    "APPROVAL_KINDS": (
        r"hecht\s+(?:haar\s+)?goedkeuring|\bkeurt\b(?:[^.]|\.(?=\d))*?\bgoed\b",
        re.I,
        "keurt de Vlaamse Regering ",
        "",
    ),
}


class _Cap(BaseException):
    pass


def capped(job: Callable[[], object], cap: float) -> float | None:
    """Seconds ``job`` took, or None when it was stopped at ``cap``."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Cap

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, cap)
    start = time.perf_counter()
    try:
        job()
        return time.perf_counter() - start
    except _Cap:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def measure_patterns(repeats: int, cap: float) -> list[tuple[str, float | None, float | None]]:
    from beleidsdata.sources.decision_list import approvals_in
    from beleidsdata.sources.resolution.signatures import read_submitters
    from beleidsdata.sources.resolution.title import _submitted_by

    new: dict[str, Callable[[str], object]] = {
        "_SUBMITTED": lambda t: _submitted_by([t], None),
        "_SPONSORS": lambda t: _submitted_by([], t),
        "_IN_TITLE": read_submitters,
        "APPROVAL_KINDS": approvals_in,
    }
    out = []
    for name, (pattern, flags, unit, tail) in OLD_PATTERNS.items():
        text = unit * repeats + tail
        old = re.compile(pattern, flags)
        before = capped(partial(_every_match, old, text), cap)
        after = capped(partial(new[name], text), cap)
        out.append((name, before, after))
    return out


def _every_match(pattern: re.Pattern[str], text: str) -> object:
    return list(pattern.finditer(text))


def seconds(value: float | None, cap: float) -> str:
    return f"> {cap:g}" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depth", type=int, default=100_000)
    parser.add_argument("--big-mb", type=float, default=50)
    parser.add_argument("--repeats", type=int, default=20_000)
    parser.add_argument("--cap", type=float, default=60, help="stop an old pattern after this")
    parser.add_argument("--no-http", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONPATH", str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        cases = make_cases(Path(tmp), args.depth, args.big_mb, args.repeats)
        rows = measure(Path(tmp), cases, http=not args.no_http)
    print(
        f"{'case':34} {'CLI exit':>8} {'CLI s':>7} {'validate':>8} {'s':>6} "
        f"{'bronnen':>7} {'s':>6}  message"
    )
    for r in rows:
        publish = (
            f"{r.publish_status or '':>7} {r.publish_seconds or 0:6.2f}"
            if r.publish_status
            else " " * 14
        )
        print(
            f"{r.case:34} {r.cli_exit:8} {r.cli_seconds:7.2f} {r.http_status:8} "
            f"{r.http_seconds:6.2f} {publish}  {r.message[:90]}"
        )
    print(
        f"\n{'pattern':16} {'before s':>10} {'after s':>10}"
        f"   ({args.repeats:,} repeats of hostile text)"
    )
    for name, before, after in measure_patterns(args.repeats, args.cap):
        print(f"{name:16} {seconds(before, args.cap):>10} {seconds(after, args.cap):>10}")


if __name__ == "__main__":
    main()

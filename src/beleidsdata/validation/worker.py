"""Validation in a child process that is killed when it runs out of time.

The validation service accepts documents from anyone: one that makes a parser or the
shapes run for minutes must not hold a server worker, and a crash must not take the server
down. :func:`run_validation` therefore parses, converts and validates in a child of a
forkserver (started once, with the heavy modules preloaded, so a child starts in
milliseconds) and kills it at its deadline. Nothing here knows about HTTP: the service
maps an :data:`Outcome` to a response.

Source documents are converted by a function the caller passes (the pipeline's
``convert_to_validate``): conversion is a later stage than validation, which must not
import it.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext

import rdflib

from ..errors import RDFSyntaxError, SourceError, TooLargeError, ValidationTimeout
from ..mapping.terms import Triple, to_ntriples
from ..sources import SourceText
from ..sources.base import decode_bom
from .inputs import parse_bytes
from .model import ValidationReport
from .provenance import LINED, with_file_lines, with_sources
from .run import validate_graph

#: Converts source documents (texts, base IRI, kind or None) into their triples and
#: source IRI → lines of each document.
Convert = Callable[
    [Sequence[SourceText], str, str | None], tuple[list[Triple], dict[str, list[str]]]
]


@dataclass(frozen=True)
class Input:
    """One thing to validate, as received."""

    name: str
    data: bytes
    fmt: str  # an rdflib syntax, or "text" for a source document


@dataclass(frozen=True)
class Job:
    """Everything the child needs: it gets no other state from the parent."""

    inputs: tuple[Input, ...]
    areas: tuple[str, ...]
    kind: str | None
    base_iri: str
    convert: Convert


@dataclass(frozen=True)
class Validated:
    report: ValidationReport


@dataclass(frozen=True)
class Refused:
    """The input cannot be read; ``reason`` names file and line, ``status`` is the
    error's (400, or 413 for a document over its size or time budget)."""

    reason: str
    status: int = 400


@dataclass(frozen=True)
class Failed:
    """The validation itself failed (a bug, or the child died)."""

    reason: str


Outcome = Validated | Refused | Failed


def validate_inputs(job: Job) -> Validated | Refused:
    """Parse, convert and validate; runs in the child process."""
    try:
        graph = rdflib.Graph()
        texts = []
        for item in job.inputs:
            if item.fmt == "text":
                texts.append(SourceText.from_bytes(item.name, item.data))
            else:
                parse_bytes(graph, item.data, item.name, item.fmt)
        lines: dict[str, list[str]] = {}
        if texts:
            triples, lines = job.convert(texts, job.base_iri, job.kind)
            graph.parse(data=to_ntriples(triples), format="nt")
    except (RDFSyntaxError, SourceError, ValueError) as exc:
        return Refused(str(exc), TooLargeError.status if isinstance(exc, TooLargeError) else 400)
    # the fast engine (validation.engine): the same results as pyshacl, much sooner
    report = validate_graph(graph, job.areas, provenance=False, engine="fast")
    report.results = with_sources(report.results, graph, lines)
    # RDF as uploaded: its own lines (Turtle, TriG, N-Triples, N-Quads)
    uploaded = {i.name: _text_of(i.data) for i in job.inputs if i.fmt in LINED}
    report.results = with_file_lines(report.results, uploaded)
    return Validated(report)


def _text_of(data: bytes) -> str:
    try:
        text = decode_bom(data)
    except UnicodeDecodeError:
        text = None
    return data.decode("utf-8", "replace") if text is None else text


def _child(conn: Connection, job: Job) -> None:
    try:
        conn.send(validate_inputs(job))
    except BaseException as exc:  # report, never hang the parent
        conn.send(Failed(f"{type(exc).__name__}: {str(exc)[:300]}"))
    finally:
        conn.close()


_CONTEXT: ForkServerContext | None = None
# imported once in the forkserver, so that each child starts with them loaded
_PRELOAD = ["beleidsdata.validation.worker", "beleidsdata.pipeline", "pyshacl", "rdflib"]


def _context() -> ForkServerContext:
    global _CONTEXT
    if _CONTEXT is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        _CONTEXT = context
    return _CONTEXT


async def run_validation(job: Job, timeout: float) -> Outcome:
    """Run :func:`validate_inputs` in a child process; kill it when it takes longer than
    ``timeout`` seconds (:class:`~beleidsdata.errors.ValidationTimeout`)."""
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child, job), daemon=True)
    deadline = time.monotonic() + timeout
    try:
        await asyncio.to_thread(process.start)
        child.close()
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ValidationTimeout
            if await asyncio.to_thread(parent.poll, min(left, 0.5)):
                try:
                    outcome: Outcome = await asyncio.to_thread(parent.recv)
                except EOFError:
                    return Failed("the validation process ended without an answer")
                return outcome
            if not process.is_alive() and not parent.poll():
                return Failed(f"the validation process died (exit code {process.exitcode})")
    finally:
        if process.is_alive():
            process.kill()
        await asyncio.to_thread(process.join, 5)
        parent.close()


__all__ = [
    "Convert",
    "Failed",
    "Input",
    "Job",
    "Outcome",
    "Refused",
    "Validated",
    "run_validation",
    "validate_inputs",
]

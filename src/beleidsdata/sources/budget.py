"""What reading one source document may cost: bytes and seconds.

The service reads whatever files people send, so a document may not make a parser run
for minutes or hold hundreds of megabytes: it is refused early with a message that says
which budget it is over and how to raise it. The size is checked before decoding; the time
is a deadline on detecting and parsing the kind (:func:`time_budget`).

On the main thread the deadline is a ``SIGALRM`` timer, which also interrupts a regular
expression that runs long (the ``re`` engine checks for signals). Elsewhere (the API's
worker threads) it is an asynchronous exception raised into the thread, which takes
effect between two Python instructions.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from ..errors import OverBudget, TooLargeError

MB = 1024 * 1024
DEFAULT_MAX_MB = 2.0
DEFAULT_MAX_SECONDS = 30.0
SIZE_ENV = "BELEIDSDATA_MAX_SOURCE_MB"
TIME_ENV = "BELEIDSDATA_MAX_SOURCE_SECONDS"


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, "") or default)
    except ValueError:
        return default
    return value if value > 0 else default


def max_source_bytes() -> int:
    """The largest source document read (``BELEIDSDATA_MAX_SOURCE_MB``, default 2)."""
    return int(_env_number(SIZE_ENV, DEFAULT_MAX_MB) * MB)


def max_source_seconds() -> float:
    """The time one document may take to read (``BELEIDSDATA_MAX_SOURCE_SECONDS``, 30)."""
    return _env_number(TIME_ENV, DEFAULT_MAX_SECONDS)


def check_size(name: str, size: int) -> None:
    """Refuse a document over the size budget, before anything reads it."""
    limit = max_source_bytes()
    if size > limit:
        raise TooLargeError(
            name,
            f"the document is {size / MB:.1f} MB, over the {limit / MB:g} MB a source "
            f"document may have (set {SIZE_ENV} to allow more)",
        )


def _too_slow(name: str, seconds: float) -> TooLargeError:
    return TooLargeError(
        name,
        f"reading the document took longer than its time budget of {seconds:g} s and was "
        f"stopped (set {TIME_ENV} to allow more)",
    )


_LOCAL = threading.local()


@contextmanager
def time_budget(name: str, seconds: float | None = None) -> Iterator[None]:
    """Stop the block with a :class:`TooLargeError` naming ``name`` once ``seconds``
    (default :func:`max_source_seconds`) have passed. Nested budgets keep the outer one."""
    seconds = max_source_seconds() if seconds is None else seconds
    if getattr(_LOCAL, "active", False):
        yield
        return
    _LOCAL.active = True
    try:
        if threading.current_thread() is threading.main_thread():
            with _alarm(seconds):
                yield
        else:
            with _async_deadline(seconds):
                yield
    except OverBudget:
        raise _too_slow(name, seconds) from None
    finally:
        _LOCAL.active = False


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _async_deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` into this thread at the deadline; a deadline that fires
    as the block ends is withdrawn, so it never reaches code after the block."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                _raise_in(thread_id, OverBudget)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            if state["fired"]:
                _raise_in(thread_id, None)  # withdraw it if not yet delivered


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None
    )


__all__ = ["check_size", "max_source_bytes", "max_source_seconds", "time_budget"]

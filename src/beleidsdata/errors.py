"""Every exception beleidsdata raises on purpose, in one tree.

Callers catch by what they can do about it, not by which module raised it: the CLI turns
an :class:`InputError` into one line and exit 2, a :class:`DoesNotConform` into exit 1 and
a :class:`StoreBusy` into its own exit code; the API turns each into a problem+json
response with the status named on the class. Anything not under :class:`BeleidsdataError`
is a bug.

    BeleidsdataError
    ├── InputError                  bad input from a user: 4xx, exit 2
    │   ├── SourceError             a source document: ``file:line: problem``
    │   │   ├── UnknownKindError    no kind recognises the text
    │   │   └── TooLargeError       over a size or time budget
    │   ├── RDFSyntaxError          an RDF input that does not parse
    │   ├── FetchError              a URL that could not be fetched for validation
    │   ├── AreaError               an unknown profile area (shape file)
    │   ├── EngineError             an unknown validation engine
    │   └── BadRequest              an HTTP request we cannot answer as asked
    ├── DoesNotConform              data that violates the shapes: 422, exit 1
    ├── Unsupported                 shapes using SHACL our evaluator does not implement
    ├── StoreError                  the store cannot be opened or used as asked
    │   ├── NotAStore               a file that is not a beleidsdata store
    │   ├── SchemaOutdated          an older schema: run ``beleidsdata db upgrade``
    │   ├── StoreBusy               another writer holds the store
    │   └── DatabaseUnavailable     the database cannot be reached: 503, exit 2
    └── ValidationTimeout           a validation ran out of its time budget

    OverBudget (a BaseException)    internal: interrupts a parser at its deadline; never
                                    leaves :mod:`beleidsdata.sources.budget`, which turns
                                    it into a TooLargeError
"""

from __future__ import annotations


class BeleidsdataError(Exception):
    """The root of every exception beleidsdata raises on purpose."""

    #: HTTP status the API answers with.
    status: int = 500


class InputError(BeleidsdataError):
    """Input from a user that cannot be used: a one-line message, never a traceback."""

    status = 400


class SourceError(InputError):
    """A problem with one input document, reported as ``file:line: problem``.

    Raised for unreadable input (empty, binary, not UTF-8) and for documents that are
    recognised but malformed. The CLI prints it on one line and exits 2; the API turns it
    into a problem+json response.
    """

    def __init__(self, name: str, message: str, line: int | None = None) -> None:
        self.name = name
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.name}:{self.line}" if self.line else self.name
        return f"{where}: {self.message}"


class UnknownKindError(SourceError):
    """The document's kind could not be recognised from its content."""

    status = 422


class TooLargeError(SourceError):
    """A document over the size or time budget a parser may spend on it."""

    status = 413


class RDFSyntaxError(InputError):
    """An input that cannot be read as RDF: ``file:line: problem``."""


class FetchError(InputError):
    """A URL could not be fetched; the message says why, for the steward."""


class AreaError(InputError, ValueError):
    """An unknown profile area (shape file) was asked for."""


class EngineError(InputError, ValueError):
    """An unknown validation engine was asked for."""


class BadRequest(InputError):
    """An HTTP request we cannot answer as asked (unknown parameter, bad value…)."""

    def __init__(self, detail: str, status: int = 400) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status


class DoesNotConform(BeleidsdataError):
    """Data that violates the shapes; nothing was stored."""

    status = 422


class Unsupported(BeleidsdataError):
    """The shapes use a SHACL feature our own evaluator does not implement."""


class StoreError(BeleidsdataError):
    """The store cannot be opened or used as asked (wrong base IRI, newer schema…)."""


class NotAStore(StoreError):
    """A database that is not a beleidsdata store; it is left untouched."""


class SchemaOutdated(StoreError):
    """A store written by an older version: ``beleidsdata db upgrade`` migrates it."""


class StoreBusy(StoreError):
    """Another writer holds the store and did not finish within the wait."""

    status = 503


class DatabaseUnavailable(StoreError):
    """The database server cannot be reached (down, refused, timed out, no free
    connection). Nothing was changed; the same request can be tried again later."""

    status = 503


class ValidationTimeout(BeleidsdataError):
    """A validation ran out of its time budget."""

    status = 422


class OverBudget(BaseException):
    """Raised into a parser when its time is up (a signal or an asynchronous exception).

    A BaseException so that no parser's ``except Exception`` swallows it;
    :func:`beleidsdata.sources.budget.time_budget` turns it into a :class:`TooLargeError`.
    """


__all__ = [
    "AreaError",
    "BadRequest",
    "BeleidsdataError",
    "DatabaseUnavailable",
    "DoesNotConform",
    "EngineError",
    "FetchError",
    "InputError",
    "NotAStore",
    "OverBudget",
    "RDFSyntaxError",
    "SchemaOutdated",
    "SourceError",
    "StoreBusy",
    "StoreError",
    "TooLargeError",
    "UnknownKindError",
    "Unsupported",
    "ValidationTimeout",
]

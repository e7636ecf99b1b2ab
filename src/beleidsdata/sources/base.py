"""What every parser shares: the source text, line spans and the errors a parser may raise.

Parsers are pure: they take a :class:`SourceText` and return typed records (dataclasses).
They know nothing of RDF, files or HTTP. Every record carries the :class:`Span` of lines it
came from, so the mapping can say where each published fact was read.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Generic, Protocol, TypeVar, runtime_checkable

from ..errors import SourceError
from .budget import check_size

R_co = TypeVar("R_co", covariant=True)


@dataclass(frozen=True, order=True)
class Span:
    """An inclusive range of 1-based line numbers in a source text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 1 or self.end < self.start:
            raise ValueError(f"invalid line span {self.start}-{self.end}")

    def union(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))

    def __str__(self) -> str:
        return f"{self.start}" if self.start == self.end else f"{self.start}-{self.end}"


@dataclass(frozen=True)
class SourceText:
    """A decoded source document: its name, normalised text and content hash.

    Line endings are normalised to ``\\n`` (Windows and old Mac files parse the same) and
    a byte-order mark is dropped; line numbers refer to this normalised text, which has the
    same lines as the file.
    """

    name: str
    text: str
    sha256: str
    lines: tuple[str, ...] = field(repr=False)

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> SourceText:
        check_size(name, len(data))
        if not data.strip():
            raise SourceError(name, "the file is empty")
        try:
            text = decode_bom(data)
        except UnicodeDecodeError:
            raise SourceError(
                name, "not valid text in the encoding its byte-order mark names"
            ) from None
        if text is None and b"\x00" in data[:8192]:
            raise SourceError(name, "this is a binary file, not a text document")
        try:
            text = data.decode("utf-8") if text is None else text
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise SourceError(
                name, f"not valid UTF-8 text (byte 0x{data[exc.start]:02x})", line
            ) from None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if _control_ratio(text) > 0.05:
            raise SourceError(name, "this looks like a binary file, not a text document")
        return cls(
            name=name,
            text=text,
            sha256=hashlib.sha256(data).hexdigest(),
            lines=tuple(text.split("\n")),
        )

    @classmethod
    def stored(cls, name: str, text: str, sha256: str) -> SourceText:
        """A text as the store keeps it (already decoded and normalised), with the hash of
        the bytes it was first read from."""
        return cls(name=name, text=text, sha256=sha256, lines=tuple(text.split("\n")))

    @classmethod
    def from_string(cls, name: str, text: str) -> SourceText:
        return cls.from_bytes(name, text.encode("utf-8"))

    @property
    def stem(self) -> str:
        """The file name without folders and extension: the document's natural key."""
        return PurePath(self.name).stem

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def excerpt(self, span: Span) -> str:
        return "\n".join(self.lines[span.start - 1 : span.end])

    def line_of_offset(self, offset: int) -> int:
        """The 1-based line number of a character offset into :attr:`text`."""
        return self.text.count("\n", 0, offset) + 1

    def error(self, message: str, line: int | None = None) -> SourceError:
        return SourceError(self.name, message, line)


# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bom(data: bytes) -> str | None:
    """The text, without its mark, when ``data`` starts with a byte-order mark (UTF-8,
    UTF-16 or UTF-32, as editors on Windows save "Unicode" files); None without one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding)
    return None


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    return controls / len(sample)


_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace (line breaks included) to one space and trim."""
    return _SPACE.sub(" ", text).strip()


# Words that keep their hyphen when a line breaks after it ("niet-" + "persoonsgebonden").
_HYPHEN_PREFIXES = frozenset({"niet", "non", "ex", "oud", "vice", "anti", "pre", "post"})


def join_wrapped(lines: list[str]) -> str:
    """Join lines of running text, undoing end-of-line hyphenation ("organisa-" + "tiemodellen")."""
    out = ""
    for raw in lines:
        part = raw.strip()
        if not part:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and part[:1].islower():
            last_word = re.split(r"[\s\-‘’'\"(]", out[:-1])[-1].lower()
            out = out + part if last_word in _HYPHEN_PREFIXES else out[:-1] + part
        elif out:
            out += " " + part
        else:
            out = part
    return squash(out)


@dataclass(frozen=True)
class Note:
    """Something about a document that did not stop it converting but that its reader must
    hear of: a reference skipped, a part missing, a text that stops before its end.

    Parsers keep their notes in the record they return (``record.notes``), mappers add
    theirs to the builder; the CLI prints each as ``warning: FILE:LINE: message``. A note
    that ``breaks_off`` says the document stops there: the registry refuses such a document
    unless it is read as partial (``--partial``).
    """

    line: int | None
    message: str
    breaks_off: bool = False

    def where(self, name: str) -> str:
        """``name:line: message`` (``name: message`` without a line)."""
        at = f"{name}:{self.line}" if self.line else name
        return f"{at}: {self.message}"


@runtime_checkable
class Noted(Protocol):
    """A record that carries notes (every built-in kind's record does)."""

    @property
    def notes(self) -> tuple[Note, ...]: ...


def notes_of(record: object) -> tuple[Note, ...]:
    """The notes a parser left in its record; none for records that keep none."""
    return record.notes if isinstance(record, Noted) else ()


def ends_cleanly(text: str) -> bool:
    """Whether a text ends as a sentence or a list ends (a full stop, a question or
    exclamation mark, a closing bracket or quote), rather than on a comma, a semicolon, a
    colon, a dash or inside a word: such a text was cut off."""
    tail = text.rstrip().rstrip("\"'’”»*_ ")
    return bool(tail) and not re.search(r"[\w,;:\-–]$", tail)


class Parser(Protocol[R_co]):
    """What a parser module offers: how sure it is that a text is its kind, and the text
    read as typed records. Both are pure functions of the text."""

    def detect(self, source: SourceText) -> float: ...

    def parse(self, source: SourceText) -> R_co: ...


@dataclass(frozen=True)
class ParsedDocument(Generic[R_co]):
    """A source text, the kind it was read as, and the parser's record.

    ``partial`` is set when the document was accepted as incomplete (``--partial``): every
    resource read from it is then marked so (:mod:`beleidsdata.mapping.mapper`).
    """

    source: SourceText
    kind: str
    record: R_co
    partial: bool = False

    @property
    def notes(self) -> tuple[Note, ...]:
        return notes_of(self.record)

"""Reading documents from disk: the I/O edge of the pipeline.

Every failure is a one-line :class:`~beleidsdata.errors.SourceError` naming the file, so
no command ever shows a traceback for a file it could not read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import SourceError
from ..sources.base import SourceText
from ..sources.budget import check_size

SOURCE_SUFFIXES = {".txt", ".md"}


def read_source(path: str | Path) -> SourceText:
    """Read one file as a source text."""
    path = Path(path)
    try:
        if path.is_file():  # refuse a huge file before reading it
            check_size(str(path), path.stat().st_size)
        data = path.read_bytes()
    except IsADirectoryError:
        raise SourceError(str(path), "is a folder, not a document") from None
    except FileNotFoundError:
        raise SourceError(str(path), "no such file") from None
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read ({exc.strerror})") from None
    return SourceText.from_bytes(str(path), data)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders are expanded to their .txt and .md files, sorted."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(
                    p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
                )
            )
        else:
            out.append(path)
    return out

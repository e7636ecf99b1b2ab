"""Where the project's data folders are, in a checkout and in an installed wheel.

``vocab/``, ``shapes/``, ``site/`` and ``data/samples/`` live at the top of the repository
(the product card fixes that layout). An editable install finds them there; a wheel
carries copies under ``share/beleidsdata/`` (see pyproject.toml's data-files).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def _root() -> Path:
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "shapes").is_dir() and (checkout / "vocab").is_dir():
        return checkout
    installed = Path(sys.prefix) / "share" / "beleidsdata"
    if (installed / "shapes").is_dir():
        return installed
    raise FileNotFoundError("cannot find beleidsdata's shapes/ and vocab/ folders")


def vocab_dir() -> Path:
    return _root() / "vocab"


def shapes_dir() -> Path:
    return _root() / "shapes"


def site_dir() -> Path:
    return _root() / "site"


def samples_dir() -> Path:
    return _root() / "data" / "samples"

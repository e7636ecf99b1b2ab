"""The command line: ``beleidsdata COMMAND``. Each module adds one group of commands.

``convert`` (convert, validate), ``ingest`` (ingest, withdraw, log), ``serve`` (serve),
``admin`` (db upgrade, token, export, import, ldes export, site build).
"""

from __future__ import annotations

from .main import main, run

__all__ = ["main", "run"]

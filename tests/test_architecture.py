"""The shape of the code base, checked: imports run one way through the stages, modules
stay small, no module shadows the standard library, every exception is one of ours, and
a kind's key is known only to its own modules and the registry (docs/architecture.md)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "src" / "beleidsdata"
# The stages in order; a module may import from its own stage and earlier ones only.
STAGES = (
    "errors",
    "resources",
    "sources",
    "mapping",
    "kinds",
    "formats",
    "validation",
    "store",
    "ldes",
    "pipeline",
    "web",
    "api",
    "cli",
)
MAX_LINES = 420  # "about 400": a module over it is a package waiting to happen
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def stage_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def imported_stages(path: Path) -> set[str]:
    """The beleidsdata stages a module imports at module level or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    depth = len(path.relative_to(PACKAGE).parts) - 1  # package depth of the module
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                parts = list(path.relative_to(PACKAGE).parts[:-1])
                up = node.level - 1
                base = parts[: len(parts) - up] if up else parts
                target = [*base, *(node.module.split(".") if node.module else [])]
                if not target and node.names:
                    target = [node.names[0].name]
                if target:
                    out.add(target[0].removesuffix(".py"))
            elif node.module and node.module.startswith("beleidsdata."):
                out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("beleidsdata."):
                    out.add(alias.name.split(".")[1])
    del depth
    return {s for s in out if s in STAGES}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way_through_the_stages(path: Path) -> None:
    stage = stage_of(path)
    if stage in ("__init__", "__main__", "__version__"):
        return
    later = {s for s in imported_stages(path) if STAGES.index(s) > STAGES.index(stage)}
    assert not later, f"{path.relative_to(PACKAGE)} ({stage}) imports later stages {later}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"


def test_no_module_is_named_after_a_standard_library_module() -> None:
    stdlib = set(sys.stdlib_module_names)
    clashes = [
        str(p.relative_to(PACKAGE))
        for p in MODULES
        if p.stem in stdlib or (p.name == "__init__.py" and p.parent.name in stdlib)
    ]
    assert not clashes


def test_every_exception_class_is_in_the_one_tree() -> None:
    """Exceptions are defined in errors.py (or derive from its classes)."""
    from beleidsdata import errors

    ours = {name for name in dir(errors) if isinstance(getattr(errors, name), type)}
    offenders = []
    for path in MODULES:
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
                }
                if bases & {"Exception", "ValueError", "RuntimeError", "KeyError"} and not (
                    bases & ours
                ):
                    offenders.append(f"{path.relative_to(PACKAGE)}: {node.name}")
    assert not offenders


def test_a_kinds_key_is_known_only_to_its_modules_and_the_registry() -> None:
    """Adding a kind touches its own modules and one registry entry; nothing else names
    it. (Entity kinds such as "beslissing" are IRI segments minted in mapping/uris.py.)"""
    from beleidsdata import kinds

    allowed_dirs = {"sources", "mapping", "kinds"}
    offenders = []
    for kind in kinds.all_kinds():
        needle = f'"{kind.key}"'
        for path in MODULES:
            rel = path.relative_to(PACKAGE)
            if rel.parts[0] in allowed_dirs:
                continue
            if needle in path.read_text(encoding="utf-8"):
                offenders.append(f"{rel}: {needle}")
    assert not offenders, offenders

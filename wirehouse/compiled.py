"""The pure-Python stages compiled with mypyc, and the guard that keeps the Python sources the truth.

`MODULES` is the one list of compiled modules: setup.py compiles exactly these (the build runs whenever
`make run` or `make test` finds a listed source newer than the build), and records the sha256 of each
source it compiled in `wirehouse/_compiled.json`. At `import wirehouse`, `select()` compares that record
with the sources beside it. Any difference (a source edited since the build, a module added to or removed
from the list, extension files without a record) and every compiled module is imported from its `.py`
instead, with one line on stderr: an old extension never shadows an edited source. It is all or none,
because compiled modules call each other's native code directly.

`WIREHOUSE_PURE=1` runs everything interpreted (tests compare the two; `make` honours it too and builds
nothing). This module uses the standard library only: setup.py runs it before anything is installed.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_extensions import trait
else:

    def trait(cls):
        """mypyc's `trait`: a part of a class made of several (`RuleAttributor`); nothing at run time."""
        return cls


# Pure-Python rules that measure faster compiled (bench/bench_compiled.py; README "Compiled stages"). Modules
# that work on pandas frames (the `stage.py` of each step) stay interpreted: pandas does their work; so does
# wirehouse.link.shingles, whose work is numpy's (0.93x compiled). wirehouse.quotes.model stays out: compiled,
# its `Found` dataclass (a field typed with `ParaTokens`, imported only under TYPE_CHECKING) crashes mypyc's
# module set-up (mypy 2.4.1: a NULL annotation value in PyDict_SetItem).
MODULES = (
    "wirehouse.clean.credits",
    "wirehouse.clean.datelines",
    "wirehouse.clean.parse",
    "wirehouse.clean.repair",
    "wirehouse.segment.sentences",
    "wirehouse.clean.rules",
    "wirehouse.quotes.attribution",
    "wirehouse.quotes.common",
    "wirehouse.quotes.continuation",
    "wirehouse.quotes.credits",
    "wirehouse.quotes.cues",
    "wirehouse.quotes.extract",
    "wirehouse.quotes.layout",
    "wirehouse.quotes.lexicon",
    "wirehouse.quotes.marks",
    "wirehouse.quotes.name_core",
    "wirehouse.quotes.naming",
    "wirehouse.quotes.noun_phrases",
    "wirehouse.quotes.not_speech",
    "wirehouse.quotes.pronouns",
    "wirehouse.quotes.reported",
    "wirehouse.quotes.speakers",
    "wirehouse.quotes.subjects",
    "wirehouse.quotes.subjects_after",
    "wirehouse.quotes.tokens",
)

# Hand-written C fast paths, module -> its C source. Each is the fast path of a rule written in Python beside
# it, and a test holds the two to the same results. Built with the modules above, recorded with them (the
# source's sha256), and imported only when the build matches its source and WIREHOUSE_PURE is unset.
NATIVE = {"wirehouse.ingest._listing": "wirehouse/ingest/_listing.c"}

PURE_ENV = "WIREHOUSE_PURE"
MANIFEST = "_compiled.json"
PACKAGE_DIR = Path(__file__).resolve().parent
_ROOT = PACKAGE_DIR.parent


def source_path(module: str) -> Path:
    return _ROOT.joinpath(*module.split(".")).with_suffix(".py")


def extension_paths(module: str) -> list[Path]:
    """The built extension files of `module` that exist (normally none or one)."""
    base = _ROOT.joinpath(*module.split("."))
    paths = (base.with_name(base.name + suffix) for suffix in importlib.machinery.EXTENSION_SUFFIXES)
    return [path for path in paths if path.exists()]


def _sha256(path: Path) -> str:
    """sha256 of a source file; "" once it is gone (renamed or deleted, its build no longer matches)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def source_sha256(module: str) -> str:
    return _sha256(source_path(module))


def native_sources_now() -> dict[str, str]:
    """What a build records of the C fast paths: module -> sha256 of its C source."""
    return {module: _sha256(_ROOT / source) for module, source in NATIVE.items()}


def native(module: str) -> ModuleType | None:
    """The C fast path `module` of NATIVE, or None (then its Python rule runs): not built, WIREHOUSE_PURE set,
    or built from another version of its source."""
    built = recorded().get(module)
    if os.environ.get(PURE_ENV, "") not in ("", "0") or not built or built != native_sources_now()[module]:
        return None
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def existing(modules: tuple[str, ...] = MODULES) -> tuple[str, ...]:
    """The listed modules whose source is there: what a build compiles (a module renamed away is skipped,
    and tests/test_compiled.py says the list needs updating)."""
    return tuple(module for module in modules if source_path(module).exists())


def sources_now(modules: tuple[str, ...] = MODULES) -> dict[str, str]:
    """What a build of `modules` records: module -> sha256 of its source."""
    return {module: source_sha256(module) for module in modules}


def recorded(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """What the last build recorded (empty when nothing was built, or the record is unreadable)."""
    try:
        return dict(json.loads((package_dir / MANIFEST).read_text()))
    except (OSError, ValueError):
        return {}


def stale() -> list[str]:
    """Modules whose extension does not match its source or the list: the reason to run interpreted."""
    built = {module: sha for module, sha in recorded().items() if module not in NATIVE}
    present = {module for module in (*MODULES, *built) if extension_paths(module)}
    if not present:
        return []
    wrong = [module for module in sorted(present | set(built)) if module not in MODULES or module not in present]
    wrong += [module for module in MODULES if module not in built and module in present]
    wrong += [module for module in MODULES if module in built and built[module] != source_sha256(module)]
    return sorted(set(wrong))


class SourceFinder:
    """Finds the listed modules as their `.py` sources, ahead of the extension files beside them."""

    def __init__(self, modules: tuple[str, ...] | list[str]) -> None:
        self.modules = frozenset(modules)

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if fullname not in self.modules:
            return None
        return importlib.util.spec_from_file_location(fullname, source_path(fullname))


def interpret(modules: tuple[str, ...] | list[str]) -> None:
    if not any(isinstance(finder, SourceFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, SourceFinder(modules))


def select() -> str:
    """Compiled or interpreted, decided once per process before any listed module is imported."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        interpret(MODULES)
        return "interpreted"
    wrong = stale()
    if wrong:
        names = ", ".join(str(source_path(m).relative_to(_ROOT)) for m in wrong[:3])
        names += " ..." if len(wrong) > 3 else ""
        print(
            f"wirehouse: compiled modules do not match their sources ({names}); running them interpreted"
            " (slower) until `make` rebuilds them",
            file=sys.stderr,
        )
        os.environ[PURE_ENV] = "1"  # the workers of this run go interpreted too, without saying it again
        interpret(sorted(set(MODULES) | set(recorded())))
        return "stale"
    return "compiled" if any(extension_paths(m) for m in MODULES) else "not built"


def loaded() -> dict[str, str]:
    """Each listed module imported so far -> 'compiled' or 'interpreted' (what tests and benchmarks check)."""
    return {
        name: "interpreted" if str(sys.modules[name].__file__).endswith(".py") else "compiled"
        for name in MODULES
        if name in sys.modules
    }


if __name__ == "__main__":  # the Makefile asks for the sources it must watch
    print(" ".join([*(str(source_path(module).relative_to(_ROOT)) for module in existing()), *NATIVE.values()]))

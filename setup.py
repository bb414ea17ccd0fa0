"""Where the design card's top-level folders go when wirehouse is installed, and the mypyc build.

The repository keeps `flows/`, `tasks/`, `sql/` and `seeds/` at the top; installed, they live inside the
`wirehouse` package, so that nothing generic (`flows`, `tasks`) lands in site-packages and a wheel carries
the SQL files and the reference CSVs it needs (`wirehouse.paths` finds them in either place).

The modules listed in `wirehouse/compiled.py` are compiled with mypyc (requirements-build.lock), and its
hand-written C fast paths (`NATIVE`) with the C compiler, when a command builds (not for pip's metadata
steps), unless WIREHOUSE_PURE=1; the build then records the sha256 of every source it compiled, which
`import wirehouse` checks. Everything else about the package is in pyproject.toml.
"""

import os
import runpy
import sys
from pathlib import Path

from setuptools import Extension, find_packages, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
FOLDERS = {"wirehouse.flows": "flows", "wirehouse.tasks": "tasks", "wirehouse.sql": "sql", "wirehouse.seeds": "seeds"}
BUILDING = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}
# mypyc compiles what mypy accepts. The sources stay plain Python, so mypy's complaints about what it cannot
# prove are turned off rather than answered with casts: the quote rules' parts (`Cues`, `Subjects`, ...) call
# methods of the `RuleAttributor` they are combined into (attr-defined), and a match known to exist is
# `Match | None` to mypy (union-attr, operator, index). mypyc then compiles those operations as Python would run them.
MYPY_FLAGS = [
    "--ignore-missing-imports",
    "--follow-imports=silent",
    "--python-version=3.11",
    "--disable-error-code=attr-defined",
    "--disable-error-code=union-attr",
    "--disable-error-code=operator",
    "--disable-error-code=index",
]

COMPILED = runpy.run_path(str(ROOT / "wirehouse" / "compiled.py"))


def compiled_extensions() -> list:
    if not BUILDING & set(sys.argv[1:]) or os.environ.get(COMPILED["PURE_ENV"], "") not in ("", "0"):
        return []
    from mypyc.build import mypycify  # build-time only: requirements-build.lock

    # No record until the build succeeds; no extension of a module dropped from the list left behind.
    for module in {*COMPILED["MODULES"], *COMPILED["recorded"]()}:
        for path in COMPILED["extension_paths"](module):
            path.unlink()
    (ROOT / "wirehouse" / COMPILED["MANIFEST"]).unlink(missing_ok=True)
    modules = COMPILED["existing"]()
    for missing in sorted(set(COMPILED["MODULES"]) - set(modules)):
        print(f"setup.py: {missing} is listed in wirehouse/compiled.py but has no source; not compiled")
    sources = [str(COMPILED["source_path"](m).relative_to(ROOT)) for m in modules]
    compiled = mypycify([*MYPY_FLAGS, *sources], opt_level="3", debug_level="0", group_name="wirehouse.native")
    return compiled + [
        Extension(module, [source], extra_compile_args=["-O2"]) for module, source in COMPILED["NATIVE"].items()
    ]


class BuildRecorded(build_ext):
    """build_ext, then the record of the sources compiled, beside the extensions it put in place."""

    def run(self) -> None:
        super().run()
        if not self.extensions:
            return
        in_place = self.inplace or getattr(self, "editable_mode", False)
        package_dir = ROOT / "wirehouse" if in_place else Path(self.build_lib) / "wirehouse"
        record = COMPILED["sources_now"](COMPILED["existing"]()) | COMPILED["native_sources_now"]()
        (package_dir / COMPILED["MANIFEST"]).write_text(__import__("json").dumps(record, indent=1, sort_keys=True))


setup(
    packages=find_packages(include=["wirehouse", "wirehouse.*"]) + list(FOLDERS),
    package_dir={"wirehouse": "wirehouse", **FOLDERS},
    package_data={"wirehouse.sql": ["**/*.sql"], "wirehouse.seeds": ["*.csv"], "wirehouse.ingest": ["*.c"]},
    ext_modules=compiled_extensions(),
    cmdclass={"build_ext": BuildRecorded},
)

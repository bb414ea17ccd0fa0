"""The quotes engine stays readable: small modules, small functions (the sizes issue 9 asks for)."""

from __future__ import annotations

import ast
from pathlib import Path

QUOTES_DIR = Path(__file__).resolve().parents[1] / "wirehouse" / "quotes"
MAX_MODULE_LINES = 360  # "about 350"
MAX_FUNCTION_LINES = 62  # "no function over ~60 lines", docstring included


def _long_functions(source: str) -> list[tuple[str, int]]:
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]


def test_no_module_is_long():
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in QUOTES_DIR.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES} == {}


def test_no_function_is_long():
    found = {path.name: _long_functions(path.read_text(encoding="utf-8")) for path in sorted(QUOTES_DIR.glob("*.py"))}
    assert {name: functions for name, functions in found.items() if functions} == {}


def test_the_measure_sees_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    assert _long_functions(f"def short():\n    return 1\n\n\ndef long():\n{body}\n") == [
        ("long", MAX_FUNCTION_LINES + 1)
    ]

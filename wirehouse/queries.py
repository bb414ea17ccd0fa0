"""The library of named analyses: one SQL file per analysis in `sql/queries/`, run with bound parameters.

A query file starts with comment lines: the first says what it answers, then one line per parameter,

    -- param NAME TYPE [DEFAULT]: what it means

(TYPE is INTEGER, DOUBLE, DATE or VARCHAR; a parameter without a default is required), then any further
notes. The SQL refers to a parameter as `$NAME`; values are always bound, never put into the SQL text.
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wirehouse.errors import WirehouseError
from wirehouse.paths import SQL_DIR

QUERIES_DIR = SQL_DIR / "queries"
_PARAM = re.compile(r"--\s*param\s+(\w+)\s+(INTEGER|DOUBLE|DATE|VARCHAR)(?:\s+([^:]+?))?\s*:\s*(.*)$")
_CONVERT = {"INTEGER": int, "DOUBLE": float, "DATE": date.fromisoformat, "VARCHAR": str}
_KIND = {"INTEGER": "an integer", "DOUBLE": "a number", "DATE": "a date (YYYY-MM-DD)", "VARCHAR": "text"}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str | None
    description: str

    def value(self, text: str) -> object:
        try:
            return _CONVERT[self.type](text)
        except ValueError:
            raise WirehouseError(f"parameter {self.name}: {text!r} is not {_KIND[self.type]}") from None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    parameters: tuple[Parameter, ...]
    sql: str

    def bind(self, given: dict[str, str]) -> dict[str, object]:
        """Typed values for every parameter the SQL uses, from `given` (strings) and the defaults."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise WirehouseError(f"query {self.name} has no parameter {', '.join(unknown)} (it has: {_names(self)})")
        values = {}
        for parameter in self.parameters:
            text = given.get(parameter.name, parameter.default)
            if text is None:
                raise WirehouseError(f"query {self.name} needs --param {parameter.name}=... ({parameter.description})")
            values[parameter.name] = parameter.value(text)
        return values


def _names(query: NamedQuery) -> str:
    return ", ".join(p.name for p in query.parameters) or "none"


def parse_query(path: Path) -> NamedQuery:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = _leading_comments(lines)
    if not header:
        raise WirehouseError(f"{path.name}: a named query starts with a comment saying what it answers")
    parameters, description = [], []
    for line in header:
        match = _PARAM.match(line)
        if match:
            parameters.append(Parameter(match[1], match[2], match[3], match[4].strip()))
        elif not parameters:  # the description runs until the first parameter
            description.append(line.lstrip("- ").strip())
    return NamedQuery(path.stem, " ".join(description), tuple(parameters), "\n".join(lines))


def _leading_comments(lines: list[str]) -> list[str]:
    header = []
    for line in lines:
        if not line.startswith("--"):
            break
        header.append(line)
    return header


def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every named query, by name (the file's name without .sql)."""
    return {path.stem: parse_query(path) for path in sorted(folder.glob("*.sql"))}

"""Wire credits: a standalone credit line (`Reuter`, `(AP)`, `-- Reuters`) and a credit at the end of the last
body paragraph (`... said. (AP)`), with cheap tests that rule most paragraphs out before any regex runs.

The agencies and their aliases are data: seeds/agencies.csv (wirehouse.clean.rules).
"""

import re
from functools import cache

from wirehouse.clean.rules import rules


@cache
def agency_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A standalone credit line (`Reuter`, `(AP)`, `-- Reuters`) and a credit at a paragraph's end."""
    names = rules().agency_alternation
    standalone = re.compile(rf"[\W_]*({names})[\W_]*(?:\^M)?$", re.IGNORECASE)  # a literal `^M` in Reuters
    # `... Washington. – Reuters`, `... said. (AP)`, `... said. REUTER`; not `... the Associated Press (AP).`
    trailing = re.compile(
        rf"(?:(?:^|\s)(?:[-–—]{{1,2}}|\|)\s*\(?({names})\)?|(?<=[.!?\"”’])\s+\(?({names})\)?)[.\s]*$",
        re.IGNORECASE,
    )
    return standalone, trailing


# What `[\W_]` matches in ASCII text.
_ASCII_NON_WORD = "".join(c for c in map(chr, range(128)) if not c.isalnum())


@cache
def _credit_line_cores() -> frozenset[str] | None:
    """Lower-cased agency aliases without their outer `[\\W_]`, for may_be_credit_line (None: not ASCII)."""
    names = rules().agencies
    if all(name.isascii() for name in names):
        return frozenset(name.strip(_ASCII_NON_WORD) for name in names)
    return None


def may_be_credit_line(text: str) -> bool:
    """Could the standalone-credit regex match? In an ASCII text it needs an alias once the `[\\W_]` around
    it are stripped (or a Reuters `^M` after it): a strip and a set lookup instead of trying 60 aliases."""
    cores = _credit_line_cores()
    if cores is None or not text.isascii():
        return True
    core = text.strip(_ASCII_NON_WORD).lower()
    return core in cores or core.endswith("^m")


# ASCII whitespace (what `\s` matches in ASCII text) and the dots a credit may trail.
_CREDIT_TAIL = "." + "".join(c for c in map(chr, range(128)) if c.isspace())


@cache
def _credit_names() -> tuple[tuple[str, ...], int] | None:
    """Lower-cased agency aliases and the longest one's length for may_end_with_credit, or None when an
    alias would defeat its test."""
    names = tuple(rules().agencies)
    if names and all(name.isascii() and name and name[-1] not in _CREDIT_TAIL + ")" for name in names):
        return names, max(map(len, names))
    return None


def may_end_with_credit(text: str) -> bool:
    """Could the trailing-credit regex match? It needs an agency name, then `)`, dots and spaces, at the end;
    in an ASCII text that is one rstrip and one endswith, and most paragraphs are ruled out without a
    regex search (re would try its alternation at each of the last 60 positions)."""
    names = _credit_names()
    if names is None or not text.isascii():
        return True
    end = text.rstrip(_CREDIT_TAIL)
    if end.endswith(")"):
        end = end[:-1]
    return end[-names[1] :].lower().endswith(names[0])

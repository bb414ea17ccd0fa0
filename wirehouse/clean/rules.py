"""Parsing rules that are data: agencies, outlets, header fields, story labels and paragraph markers.

They live in `seeds/*.csv` (so an analyst can read and extend them, and the warehouse loads them as tables)
and are compiled once per process, on first use, into one start-anchored regex, a tuple of suffixes and a
few guarded end regexes: parse_article then pays a couple of cheap calls per paragraph, not a loop over rows.
The start regex sits behind a gate on a paragraph's first two characters, worked out from the prefixes and
from the literal text `regex` rows open with (a row that opens otherwise just turns the gate off). The Rules
object also keeps what parsing learns as it goes: the gate's answers and the kinds of short paragraphs.

`paragraph_markers.csv` rows are `kind,match,marker,requires` with `match` one of:
  prefix / suffix / exact  literal text at the start / end / as the whole paragraph, case-insensitive;
  regex                    a regex matched at the start of the paragraph (case-sensitive; `(?i)` opts out);
  end_regex                a regex searched in the paragraph's last 160 characters (write `$` yourself),
                           tried only when the literal `requires` (case-insensitive) occurs in that tail:
                           a regex search per paragraph is what would make parsing slow.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from wirehouse.reference import reference_rows

# Paragraphs longer than this are never taken for a promo, caption, credit or boilerplate line.
MARKER_MAX_LEN = 600
END_WINDOW = 160
# Paragraphs up to this long have their kind remembered (Rules.short_kinds), up to this many of them.
SHORT_PARAGRAPH = 80
SHORT_KINDS_KEPT = 8192
OPENINGS_KEPT = 8192


@dataclass(frozen=True, slots=True)
class Rules:
    agencies: dict[str, str]  # lower-cased alias -> canonical agency
    agency_alternation: str  # regex alternation of every agency alias, longest first
    outlets: dict[str, str]  # lower-cased outlet name (also without a leading "the ") -> outlet name
    header_fields: dict[str, tuple[str, str]]  # lower-cased alias -> (field, value_kind)
    story_labels: frozenset[str]  # upper-cased labels like EXCLUSIVE, which look like a dateline's place
    exact: dict[str, str]  # lower-cased whole paragraph -> kind
    start: re.Pattern[str] | None  # prefixes and regexes; the named group that matched is the kind
    start_gate: re.Pattern[str] | None  # first two characters some start marker can open with (None: any)
    suffixes: tuple[str, ...]  # lower-cased, for one str.endswith
    suffix_kind: dict[str, str]
    end_patterns: tuple[tuple[str, str, re.Pattern[str]], ...]  # (kind, required literal, regex)
    # Kind and agency of short paragraphs already classified (parse._classify); they repeat across articles.
    short_kinds: dict[str, tuple[str, str | None]] = field(default_factory=dict, compare=False, repr=False)
    # start_gate's answer for each two-character opening seen.
    start_openings: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def marker_kind(self, text: str) -> str | None:
        """Kind named by a start or end marker, or None (an exact marker is looked up by the caller).

        The start regex is tried only when the paragraph's first two characters could open a marker: a dict
        lookup instead of a regex call for most paragraphs ("Th", "A ", "Sh"... open none).
        """
        if self.start is not None:
            possible: bool | None = True
            if self.start_gate is not None:
                opening = text[:2]
                possible = self.start_openings.get(opening)
                if possible is None:
                    possible = self.start_gate.match(opening) is not None
                    if len(self.start_openings) < OPENINGS_KEPT:
                        self.start_openings[opening] = possible
            if possible:
                match = self.start.match(text)
                if match is not None:
                    return match.lastgroup
        tail = text[-END_WINDOW:].lower()
        if tail.endswith(self.suffixes):
            return next(self.suffix_kind[s] for s in self.suffixes if tail.endswith(s))
        for kind, required, pattern in self.end_patterns:
            if required in tail and pattern.search(text, max(0, len(text) - END_WINDOW)):
                return kind
        return None


def _scoped(pattern: str) -> str:
    """`(?i)x` -> `(?i:x)`, so that rows with their own flags can share one alternation."""
    if pattern.startswith("(?i)"):
        return f"(?i:{pattern[4:]})"
    return f"(?:{pattern})"


def _start_group(kind: str, prefixes: list[str], regexes: list[str]) -> str:
    """One kind's start markers as a named group; only which group matches is used, so order inside is free.

    The prefixes sit behind a lookahead for their first letters, so that a paragraph the two-character gate
    lets through costs re one class test per kind instead of one failed comparison per prefix.
    `(?i:[RW])` accepts every character that `(?i:R)` or `(?i:W)` does.
    """
    parts = []
    if prefixes:
        literals = "|".join(re.escape(prefix) for prefix in prefixes)
        if all(prefixes):
            first = "".join(sorted({re.escape(prefix[0]) for prefix in prefixes}))
            parts.append(f"(?=(?i:[{first}]))(?i:{literals})")
        else:
            parts.append(f"(?i:{literals})")
    parts.extend(_scoped(pattern) for pattern in regexes)
    return f"(?P<{kind}>{'|'.join(parts)})"


_QUANTIFIERS = "*+?{"


def _has_top_level_bar(pattern: str) -> bool:
    """Does the regex have an alternation outside any group (then its first alternative says nothing)?"""
    depth = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "[":  # skip the class; a `]` right after `[` or `[^` is a literal
            i += 1
            if pattern[i : i + 1] == "^":
                i += 1
            if pattern[i : i + 1] == "]":
                i += 1
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        i += 1
    return False


def _regex_openings(pattern: str) -> list[str] | None:
    """Literal text every match of a `regex` row opens with (one per alternative when it opens with a group
    like `(?:Twitter|Facebook)`), or None when the pattern is not that simple. `(?i)` is the caller's."""
    if _has_top_level_bar(pattern):
        return None
    group = re.match(r"\(\?:([A-Za-z0-9 ]+(?:\|[A-Za-z0-9 ]+)*)\)", pattern)
    if group is not None:
        if pattern[group.end() : group.end() + 1] and pattern[group.end()] in _QUANTIFIERS:
            return None
        return group.group(1).split("|")
    run = re.match(r"[A-Za-z0-9 ]+", pattern)
    if run is None:
        return None
    literal = run.group(0)
    if pattern[run.end() : run.end() + 1] and pattern[run.end()] in _QUANTIFIERS:
        literal = literal[:-1]  # `Follows?`: the last letter may be absent
    return [literal] if literal else None


def _start_gate(prefixes: list[str], regexes: list[str]) -> re.Pattern[str] | None:
    """A regex that matches the first two characters of any paragraph a start marker could match, or None
    when some marker's opening is unknown (an empty prefix, a regex that does not open with literal text)."""
    openings = []
    for prefix in prefixes:
        if not prefix:
            return None
        openings.append(f"(?i:{re.escape(prefix[:2])})")
    for pattern in regexes:
        flags, body = ("(?i:", pattern[4:]) if pattern.startswith("(?i)") else ("(?:", pattern)
        literals = _regex_openings(body)
        if literals is None:
            return None
        openings.extend(f"{flags}{re.escape(literal[:2])})" for literal in literals)
    return re.compile("|".join(dict.fromkeys(openings))) if openings else None


def _alternation(literals: list[str]) -> str:
    return "|".join(re.escape(item) for item in sorted(literals, key=len, reverse=True))


def _marker_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for row in reference_rows("paragraph_markers"):
        if None in row:  # an unquoted comma inside a regex split the row
            raise ValueError(f"paragraph_markers.csv: quote the marker of row {row}")
        match = row["match"].strip()
        if match not in ("prefix", "suffix", "exact", "regex", "end_regex"):
            raise ValueError(f"paragraph_markers.csv: unknown match type {match!r} in {row}")
        rows.append((row["kind"].strip(), match, row["marker"].strip(), (row.get("requires") or "").lower()))
    return rows


@cache
def rules() -> Rules:
    """All reference-driven parsing rules, compiled once per process."""
    agencies = {row["alias"].strip().lower(): row["agency"].strip() for row in reference_rows("agencies")}
    outlets: dict[str, str] = {}
    for row in reference_rows("outlets"):
        name = row["outlet"].strip()
        outlets[name.lower()] = name
        # "Washington Post" for "The Washington Post", but not "Hill" for "The Hill".
        if name.lower().startswith("the ") and " " in name[4:]:
            outlets.setdefault(name[4:].lower(), name)
    header_fields = {
        row["alias"].strip().lower(): (row["field"].strip(), row["value_kind"].strip())
        for row in reference_rows("header_fields")
    }

    exact: dict[str, str] = {}
    start_parts: dict[str, tuple[list[str], list[str]]] = {}  # kind -> (prefixes, regexes), in CSV order
    suffix_kind: dict[str, str] = {}
    end_patterns = []
    for kind, match, marker, required in _marker_rows():
        if match == "exact":
            exact[marker.lower()] = kind
        elif match == "prefix":
            start_parts.setdefault(kind, ([], []))[0].append(marker)
        elif match == "regex":
            start_parts.setdefault(kind, ([], []))[1].append(marker)
        elif match == "suffix":
            suffix_kind[marker.lower()] = kind
        else:
            end_patterns.append((kind, required, re.compile(_scoped(marker))))
    start = "|".join(_start_group(kind, *parts) for kind, parts in start_parts.items())
    suffixes = tuple(sorted(suffix_kind, key=len, reverse=True))
    return Rules(
        agencies=agencies,
        agency_alternation=_alternation(list(agencies)),
        outlets=outlets,
        header_fields=header_fields,
        story_labels=frozenset(row["label"].strip().upper() for row in reference_rows("story_labels")),
        exact=exact,
        start=re.compile(start) if start else None,
        start_gate=_start_gate(
            [prefix for prefixes, _ in start_parts.values() for prefix in prefixes],
            [pattern for _, patterns in start_parts.values() for pattern in patterns],
        ),
        suffixes=suffixes,
        suffix_kind=suffix_kind,
        end_patterns=tuple(end_patterns),
    )

"""Month names in dates and datelines (`Feb 26`, `Sept. 3`, `26 February 2018`), from `seeds/months.csv`.

Each row is one spelling (lower case, without a trailing dot) with its month number and the most days that
month can have (29 for February: a dateline carries no year). The regex is built from the spellings as a
trie (`jan(?:uary)?`, `sep(?:t(?:ember)?)?`): no two alternatives share a prefix, so re never tries a month
twice, and a lookahead on the initials rejects most positions with one class test.
"""

import re
from dataclasses import dataclass

from wirehouse.reference import reference_rows


@dataclass(frozen=True)
class Months:
    number: dict[str, int]  # lower-cased spelling -> 1..12
    days: tuple[int, ...]  # most days in each month, January first
    pattern: str  # regex for any spelling, case-insensitive, with an optional trailing dot

    def month_day(self, name: str, day: int) -> tuple[int, int] | None:
        """(month, day) when `name` is a month's spelling (any case, a trailing dot allowed) and `day` is in it."""
        month = self.number.get(name.lower().rstrip("."))
        if month is None or not 1 <= day <= self.days[month - 1]:
            return None
        return month, day


def _trie_regex(words: list[str]) -> str:
    """An alternation matching exactly `words`, longest spelling tried first, with no shared prefixes."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def load_months() -> Months:
    rows = reference_rows("months")
    number = {row["spelling"].strip().lower(): int(row["month"]) for row in rows}
    days = {int(row["month"]): int(row["days"]) for row in rows}
    if sorted(days) != list(range(1, 13)):
        raise ValueError(f"seeds/months.csv: every month 1-12 needs a spelling (has {sorted(days)})")
    initials = "".join(sorted({spelling[0] for spelling in number}))
    pattern = rf"(?i:(?=[{initials}]){_trie_regex(sorted(number))}\.?)"
    return Months(number, tuple(days[month] for month in range(1, 13)), pattern)


MONTHS = load_months()  # module-level patterns in parse.py and datelines.py are compiled from it

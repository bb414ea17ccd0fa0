"""Dates and datelines: a header's date value, and the dateline that opens a lead (`MOSCOW - `,
`SALVADOR, Feb 26 - `, `Washington (AFP) – `) with its place, credit and (month, day).

Month spellings come from seeds/months.csv (wirehouse.clean.months).
"""

import datetime
import re

from wirehouse.clean.months import MONTHS
from wirehouse.clean.rules import Rules

_MONTH = MONTHS.pattern
_MONTH_DAY = re.compile(r"([A-Za-z]+)\.?\s*(\d{1,2})")  # the date group of a dateline: `Feb 26`, `Sept. 3`

# A date value: `2018-03-20` (time and zone allowed), `2018/03/20`, `March 20, 2018`, `20 March 2018`.
DATE_VALUE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|(\d{4})/(\d{1,2})/(\d{1,2})"
    rf"|(?i:({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}}))"
    rf"|(?i:(\d{{1,2}})\s+({_MONTH}),?\s+(\d{{4}}))"
)

# Datelines. An ALL-CAPS place needs nothing else; a place in any case needs a comma and a date after it
# (Reuters' `Toronto, Feb 26 - `) or a credit (`Washington (AFP) – `). Optional region (`, N.Y.`, `, Iowa`),
# date and agency in parentheses.
# Speed: when the rest fails after a word (`, Feb` taken for a region in `SALVADOR, Feb 26 - `, any word of
# an ALL-CAPS title), re gives the word back one character at a time and retries the rest each time. A
# lookahead for what can follow a word (a space, comma, slash, parenthesis, a dash before a space, or a date
# such as `FEB 26` right after it) ends those retries at once. It cannot change a match: the rest would fail
# at any other position (2x faster on Reuters datelines).
_DATE_AHEAD = rf"(?i:{_MONTH})\s*\d"
_CAPS_WORD = rf"[A-Z][A-Z'’.&\-]*(?=[\s,/(—–]|--?(?:\s|$)|{_DATE_AHEAD})"
_REGION_WORD = rf"[A-Z][A-Za-z'’.\-]*(?=[\s,(—–]|--?(?:\s|$)|{_DATE_AHEAD})"
_REGION = rf"(?:\s*,\s*{_REGION_WORD}(?:\s{_REGION_WORD}){{0,2}}){{0,2}}"
_DATE_PART = rf"\s*,?\s*(?P<date>(?i:{_MONTH})\s*\d{{1,2}})"
_AGENCY_PART = r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
# A hyphen needs a space on one side at least (`FARMER-OWNED` is a word); `BOSTON —Standing` happens.
_DASH = r"(?:\s*[—–]\s*|\s+--?\s*|--?(?:\s+|$))"
_DATELINE_CAPS = re.compile(
    rf"\**(?P<place>{_CAPS_WORD}(?:[ /]{_CAPS_WORD}){{0,4}}{_REGION})(?:{_DATE_PART})?,?{_AGENCY_PART}{_DASH}"
)
_DASH_NEAR_START = re.compile(r"[-—–]")
# A dash as _DASH can take it: an em or en dash, or a hyphen after or before a space (or at the end). Every
# dateline has one; a hyphenated ALL-CAPS title (`AMERICAN AIRLINES-AIRCAL MERGER`) has none, and costs the
# three dateline regexes 5 us of backtracking to find that out.
_DATELINE_DASH = re.compile(r"[-—–](?:(?<=[—–])|(?<=\s-)|(?=\s|$))")
_DATELINE_CREDITED = re.compile(
    rf"\**(?P<place>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){{0,3}}{_REGION})(?P<date>)"
    rf"\s*\((?P<agency>[^()\n]{{1,40}})\){_DASH}"
)
_DATELINE_DATED = re.compile(
    rf"\**(?P<place>[A-Za-z][\w'’.\-]*(?: [A-Za-z][\w'’.\-]*){{0,3}}{_REGION})\s*,\s*"
    rf"(?P<date>(?i:{_MONTH})\s*\d{{1,2}}),?{_AGENCY_PART}{_DASH}"
)


def parse_date(value: str) -> datetime.date | None:
    match = DATE_VALUE.match(value)
    if match is None:
        return None
    g = match.groups()
    try:
        if g[0]:
            return datetime.date(int(g[0]), int(g[1]), int(g[2]))
        if g[3]:
            return datetime.date(int(g[3]), int(g[4]), int(g[5]))
        if g[6]:
            return datetime.date(int(g[8]), MONTHS.number[g[6].lower().rstrip(".")], int(g[7]))
        return datetime.date(int(g[11]), MONTHS.number[g[10].lower().rstrip(".")], int(g[9]))
    except (ValueError, KeyError):
        return None


def dateline_match(text: str) -> re.Match[str] | None:
    """ALL-CAPS place (`MOSCOW - `), any place with a date (`Toronto, Feb 26 - `) or with a credit
    (`Washington (AFP) – `)."""
    dash = _DASH_NEAR_START.search(text, 0, 90)  # cheap: most paragraphs have no dash up front
    if dash is None or _DATELINE_DASH.search(text, dash.start()) is None:
        return None
    return _DATELINE_CAPS.match(text) or _DATELINE_DATED.match(text) or _DATELINE_CREDITED.match(text)


def _month_day(text: str | None) -> tuple[int, int] | None:
    """(month, day) of a dateline's date such as `Feb 26` or `Sept. 3`; None if it is no calendar day.

    Datelines carry no year (`SALVADOR, Feb 26 - ...`), so this is never a published_date: a year would be
    a guess."""
    match = _MONTH_DAY.fullmatch(text.strip()) if text else None
    if match is None:
        return None
    return MONTHS.month_day(match.group(1), int(match.group(2)))


def read_dateline(text: str, table: Rules) -> tuple[str, str | None, str, tuple[int, int] | None] | None:
    """(place, agency, text after the dateline, its (month, day)) when a paragraph opens with a dateline."""
    match = dateline_match(text)
    if match is None:
        return None
    place, credit = match.group("place").strip(), match.group("agency")
    if place.upper() in table.story_labels:
        return None  # `EXCLUSIVE - ...`
    if not match.group("date") and credit is None and len(place.replace(".", "")) < 3:
        return None  # `US - China talks` is not a dateline
    agency = None
    if credit is not None:
        key = credit.strip().lower()
        agency = table.agencies.get(key)
        if agency is None and key not in table.outlets:
            return None  # `(the alliance)` is not a wire credit
    return place, agency, text[match.end() :].lstrip(), _month_day(match.group("date"))

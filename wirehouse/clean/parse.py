"""Raw article text -> title, header fields, dateline, agency, and classified paragraphs with body offsets.

One pass over blank-line blocks; lines inside a block are only looked at when there are several (hard-wrapped
wires like Reuters-21578), so the common one-line-per-paragraph article costs a few regex calls a paragraph.

Paragraph kinds: 'title', 'subtitle', 'header', 'body', 'caption', 'promo', 'heading', 'table', 'credit',
'boilerplate', 'embed', 'dateline' (a dateline alone on its line), 'separator' (`- - -`). Only 'body'
paragraphs make up `ParsedArticle.body`; every paragraph stays in `paragraphs`, so nothing is silently lost.
Which literal markers make a promo, caption, credit or boilerplate line, which agencies and outlets exist and
which header fields are known is data in `seeds/` (see wirehouse.clean.rules); the shapes (datelines,
wrapping, captions' picture descriptions) are here.
"""

import datetime
import re
from dataclasses import dataclass
from functools import cache

from wirehouse.clean.repair import repair_text
from wirehouse.clean.rules import MARKER_MAX_LEN, SHORT_KINDS_KEPT, SHORT_PARAGRAPH, Rules, rules


@dataclass(slots=True)
class Paragraph:
    kind: str  # 'body' | 'caption' | 'promo' | 'heading' | 'title' | 'table' | 'credit' | ... (see module doc)
    text: str  # cleaned text; hard-wrapped lines joined with single spaces (tables keep their lines)
    start: int | None  # offsets into ParsedArticle.body for kind == 'body', else None (end-exclusive)
    end: int | None


@dataclass(slots=True)
class ParsedArticle:
    title: str | None
    headers: dict[str, str]
    published_date: datetime.date | None
    dateline: str | None  # the place only: 'MOSCOW', 'COMMACK, N.Y.'
    agency: str | None  # canonical name from seeds/agencies.csv
    body: str  # body paragraphs joined with "\n\n"
    paragraphs: list[Paragraph]  # every paragraph, all kinds, in document order
    dateline_date: tuple[int, int] | None = None  # (month, day) of a dateline's date: `SALVADOR, Feb 26 -`


# The lookahead on the initials only saves time: re then rejects most positions with one class test
# instead of trying twelve alternatives (`(?i:[jfmasond])` accepts whatever `(?i:J)`, `(?i:F)`... do).
_MONTH_INITIAL = r"(?i:[jfmasond])"
_MONTH = (
    rf"(?={_MONTH_INITIAL})"
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_DAY = re.compile(r"([A-Za-z]+)\.?\s*(\d{1,2})")  # the date group of a dateline: `Feb 26`, `Sept. 3`
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # no year: February 29 may be real

# Blank lines separate blocks; the next block keeps its first line's indentation (it counts for wrapping).
_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")
_LIST_BULLETS = ("- ", "* ", "• ", "– ", "— ")
_BULLET_CHARS = "".join(bullet[0] for bullet in _LIST_BULLETS)  # a one-character test first: cheaper

# A header field at the start of the text: `date 2018-03-20 ...`, `Title: ...`.
_HEADER_FIELD = re.compile(r"[ \t\n]*([A-Za-z_]+)([ \t]*:)?[ \t]+")
_DATE_VALUE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|(\d{4})/(\d{1,2})/(\d{1,2})"
    rf"|(?i:({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}}))"
    rf"|(?i:(\d{{1,2}})\s+({_MONTH}),?\s+(\d{{4}}))"
)
_REST_OF_LINE = re.compile(r"[^\n]*")
# `By Jane Doe`, `By JANE DOE and JOHN ROE, Associated Press`: two name words at least, a short affiliation.
_BYLINE = re.compile(
    r"By:?\s+([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|de|van|von|der|da|al|bin))+)"
    r"\s*(?:[,|–—-][^.!?]{0,60})?$"
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

# Captions: a position marker for the people in a picture plus a caption's shape (ends with the date the
# picture was taken, or a present-tense picture verb follows the marker).
_POSITION = re.compile(
    r"\((?:L|R|C|CL|CR|L-R|R-L|C-L|C-R|L to R|left|right|centre|center|front|back|top|bottom"
    r"|(?:\d(?:st|nd|rd|th)|second|third) (?:from )?(?:L|R|left|right))\)"
)
_CAPTION_DATE_END = re.compile(rf"(?:(?i:{_MONTH})\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+(?i:{_MONTH})\s+\d{{4}})\.?$")
_CAPTION_VERB = re.compile(
    r",?\s*(?:and\b[^.]{0,80}?)?(?:chats?|speaks?|talks?|gestures?|poses?|arrives?|attends?|shakes?"
    r"|listens?|looks?|waves?|walks?|stands?|sits?|meets?|greets?|delivers?|holds?|smiles?|reacts?"
    r"|leaves?|addresses?|hugs?|embraces?|prepares?|enters?|visits?|votes?|is seen|are seen)\b"
)
_EMBED = re.compile(
    r"<(?:tweet|blockquote|iframe|img|figure|video|audio|div|script|embed|object|svg)(?:\s+[\w:-]+\s*=|\s*/?>)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_ALNUM = re.compile(r"[^\W_]")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
_SENTENCE_END = frozenset(".!?,;:…\"“”’'»")


@cache
def _agency_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
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
    """Lower-cased agency aliases without their outer `[\\W_]`, for _may_be_credit_line (None: not ASCII)."""
    names = rules().agencies
    if all(name.isascii() for name in names):
        return frozenset(name.strip(_ASCII_NON_WORD) for name in names)
    return None


def _may_be_credit_line(text: str) -> bool:
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
    """Lower-cased agency aliases and the longest one's length for _may_end_with_credit, or None when an
    alias would defeat its test."""
    names = tuple(rules().agencies)
    if names and all(name.isascii() and name and name[-1] not in _CREDIT_TAIL + ")" for name in names):
        return names, max(map(len, names))
    return None


def _may_end_with_credit(text: str) -> bool:
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


def _normalise(text: str) -> str:
    """Collapse whitespace runs; fast path for the usual clean line."""
    text = text.strip()
    if "  " in text or "\t" in text or "\n" in text:
        text = " ".join(text.split())
    return text


# The line break after a word split at its hyphen (`vice-` / `president`): the lines join without a space.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W_]-)\n")


def _unwrap(lines: list[str]) -> str:
    """Stripped, tab-free lines of one paragraph -> its text: a space for each line break except after a word
    split at its hyphen, whitespace runs collapsed. One join and a few scans, not a concatenation a line."""
    text = "\n".join(lines)
    if "-\n" in text:
        text = _HYPHEN_BREAK.sub("", text)
    if "  " in text:
        return " ".join(text.split())
    return text.replace("\n", " ")


def _split_block(block: str) -> list[tuple[str, bool]]:
    """Lines of one block -> (paragraph text, is_table).

    A new paragraph starts on indentation, a bullet, a change to or from column layout (three spaces or a
    tab inside the line), or after a line that ends short of the block's wrap width (lines wider than 100
    are never wrapped). One loop over the lines with the tests inline: it runs for every line of a
    hard-wrapped wire, so a function call or a string copy a line shows in the parser's total.
    """
    lines = [line.rstrip() for line in block.split("\n")]
    if "" in lines:
        lines = [line for line in lines if line]
    width = max(map(len, lines))
    # Wire wrappers are not exact (Reuters lines run 55-70 characters): allow 15 % slack.
    limit = width * 0.85 if width <= 100 else None
    has_tab = "\t" in block
    pieces: list[tuple[str, bool]] = []
    current: list[str] = []
    current_table = False
    previous = ""
    for line in lines:
        stripped = line.lstrip()
        table = "   " in stripped or (has_tab and "\t" in stripped)
        if current and table == current_table:
            if table:
                current.append(line)
                previous = line
                continue
            if (
                limit is not None
                and len(stripped) == len(line)  # not indented
                and not (stripped[0] in _BULLET_CHARS and stripped.startswith(_LIST_BULLETS))
                and (
                    # The next word would not have fitted on the line (any word does after a long line)...
                    (
                        (
                            len(previous) + 2 > limit
                            or len(previous) + 1 + (len(stripped) if (space := stripped.find(" ")) < 0 else space)
                            > limit
                        )
                        # ... unless an ALL-CAPS line (a title or heading) sits over a mixed-case one;
                        and (previous != previous.upper() or stripped == stripped.upper())
                    )
                    # or a word was split at its hyphen.
                    or (previous[-1] == "-" and not previous.endswith(" -"))
                )
            ):
                current.append(stripped)
                previous = line
                continue
        if current:
            pieces.append(("\n".join(current), True) if current_table else (_unwrap(current), False))
        current = [line if table else stripped]
        current_table = table
        previous = line
    pieces.append(("\n".join(current), True) if current_table else (_unwrap(current), False))
    return pieces


def _parse_date(value: str) -> datetime.date | None:
    match = _DATE_VALUE.match(value)
    if match is None:
        return None
    g = match.groups()
    try:
        if g[0]:
            return datetime.date(int(g[0]), int(g[1]), int(g[2]))
        if g[3]:
            return datetime.date(int(g[3]), int(g[4]), int(g[5]))
        if g[6]:
            return datetime.date(int(g[8]), _MONTH_NUMBER[g[6].lower().rstrip(".")], int(g[7]))
        return datetime.date(int(g[11]), _MONTH_NUMBER[g[10].lower().rstrip(".")], int(g[9]))
    except (ValueError, KeyError):
        return None


def _read_headers(text: str, table: Rules) -> tuple[dict[str, str], list[Paragraph], int, bool]:
    """Header fields at the very start (`date 2018-03-20`, `Title: ...`).

    A field name counts when written in lower case or followed by a colon, so that a title line like
    "Date set for vote" is not taken for one. Returns the headers, their paragraphs, where the text goes on,
    and whether it goes on in the middle of the last header's line (then that text is not a title).
    """
    headers: dict[str, str] = {}
    found: list[Paragraph] = []
    pos = 0
    inline = False
    while True:
        match = _HEADER_FIELD.match(text, pos)
        if match is None:
            break
        name, colon = match.group(1), match.group(2)
        known = table.header_fields.get(name.lower())
        if known is None or not (colon or name.islower()):
            break
        field_name, value_kind = known
        if value_kind == "date":
            value_match = _DATE_VALUE.match(text, match.end())
        else:
            value_match = _REST_OF_LINE.match(text, match.end())
        value = value_match.group(0).strip() if value_match else ""
        if not value:
            break
        headers.setdefault(field_name, value)
        found.append(Paragraph("header", f"{name}{':' if colon else ''} {value}", None, None))
        pos = value_match.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] != "\n":
            inline = True
            break
    return headers, found, pos, inline


def _dateline_match(text: str) -> re.Match[str] | None:
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
    month, day = _MONTH_NUMBER.get(match.group(1).lower()), int(match.group(2))
    if month is None or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    return month, day


def _dateline(text: str, table: Rules) -> tuple[str, str | None, str, tuple[int, int] | None] | None:
    """(place, agency, text after the dateline, its (month, day)) when a paragraph opens with a dateline."""
    match = _dateline_match(text)
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


def _is_caption(text: str) -> bool:
    """A picture description: position marker `(L)` plus a caption's date ending or a picture verb."""
    position = _POSITION.search(text)
    if position is None:
        return False
    return bool(_CAPTION_DATE_END.search(text) or _CAPTION_VERB.match(text, position.end()))


def _classify(text: str, table: Rules) -> tuple[str, str | None]:
    """Kind of a paragraph that is not the title, and the agency it names (credit lines only).

    Short paragraphs repeat across articles (a wire's `Reuter` credit, table labels like `Nine mths`), so
    their kinds are remembered in the rules object: a third of Reuters' short lines are then a dict lookup.
    """
    if len(text) > SHORT_PARAGRAPH:
        return _classify_text(text, table)
    memo = table.short_kinds
    found = memo.get(text)
    if found is None:
        found = _classify_text(text, table)
        if len(memo) < SHORT_KINDS_KEPT:
            memo[text] = found
    return found


def _classify_text(text: str, table: Rules) -> tuple[str, str | None]:
    """See _classify."""
    size = len(text)
    if size <= 60:
        kind = table.exact.get(text.lower())
        if kind is not None:
            return kind, None
        if size <= 40:
            match = _agency_patterns()[0].match(text) if _may_be_credit_line(text) else None
            if match is not None:
                return "credit", table.agencies[match.group(1).lower()]
            if text.strip(" .-–—()").lower() in table.outlets:
                return "credit", None
    if size <= MARKER_MAX_LEN:
        kind = table.marker_kind(text)
        if kind is not None:
            return kind, None
        if "(" in text and _is_caption(text):  # a position marker is in parentheses: memchr rules most out
            return "caption", None
    if text[0] == "<" and _EMBED.match(text):
        return "embed", None
    if size <= 80:
        if not (text[0].isalnum() or _ALNUM.search(text)):
            return "separator", None  # `- - - -`, `.`
        if text[-1] not in _SENTENCE_END and text.count(" ") < 10 and not text.startswith(_LIST_BULLETS):
            if _DIGIT.search(text):
                return "table", None
            if text[0].isupper():
                return "heading", None
    return "body", None


def _looks_like_title(text: str, table: Rules) -> bool:
    """A short first line that is not a byline, a marker line, or a dateline opening prose."""
    if len(text) > 200 or text.count(" ") > 30:
        return False
    if text.startswith("By") and _BYLINE.match(text):
        return False
    found = _dateline_match(text)
    if (
        found is not None
        and found.group("place").strip().upper() not in table.story_labels
        and _LOWER_WORD.search(text, found.end())
    ):
        return False  # a dateline opening prose; `ECONOMIC SPOTLIGHT - U.S. DEFICIT WITH NICs` is a title
    return _classify(text, table)[0] in ("body", "heading", "table")


def parse_article(raw_text: str) -> ParsedArticle:
    """Parse one decoded article (repair_text is applied here). See the module doc for the paragraph kinds."""
    table = rules()
    text = repair_text(raw_text)
    headers: dict[str, str] = {}
    paragraphs: list[Paragraph] = []
    inline = False
    match = _HEADER_FIELD.match(text)
    if match is not None and match.group(1).lower() in table.header_fields:
        headers, paragraphs, pos, inline = _read_headers(text, table)
        text = text[pos:]
    leading = _LEADING_BLANK_LINES.match(text)
    if leading is not None:
        text = text[leading.end() :]
    text = text.rstrip()

    title = headers.get("title")
    want_title = title is None and not inline
    subtitle_next = False
    dateline = dateline_date = None
    agency = None
    body_paragraphs: list[Paragraph] = []
    position = 0  # where the next body paragraph starts in the body
    last_table_block = -1
    for block_no, block in enumerate(_BLOCK_SPLIT.split(text) if text else ()):
        pieces = _split_block(block) if "\n" in block else [(_normalise(block), False)]
        for piece, is_table in pieces:
            if not piece:
                continue
            if want_title:
                want_title = False
                if not is_table and _looks_like_title(piece, table):
                    title = piece.lstrip("* ") or piece
                    paragraphs.append(Paragraph("title", piece, None, None))
                    subtitle_next = title.endswith((";", ":"))
                    continue
            if subtitle_next:
                subtitle_next = False
                if len(piece) <= 200 and not is_table:
                    paragraphs.append(Paragraph("subtitle", piece, None, None))
                    continue
            if is_table:
                kind, credit = "table", None
            else:
                kind, credit = _classify(piece, table)
            if kind == "table" and last_table_block == block_no and paragraphs[-1].kind == "table":
                paragraphs[-1].text += "\n" + piece
                continue
            last_table_block = block_no if kind == "table" else -1
            if credit is not None and agency is None:
                agency = credit
            if not body_paragraphs and kind in ("body", "heading", "table") and not is_table:
                # Still in the lead: a byline, or the dateline that opens the first body paragraph.
                if "author" not in headers and len(piece) <= 100 and piece.startswith("By"):
                    byline = _BYLINE.match(piece)
                    if byline is not None:
                        headers["author"] = byline.group(1)
                        paragraphs.append(Paragraph("header", piece, None, None))
                        continue
                found = _dateline(piece, table) if dateline is None else None
                if found is not None:
                    dateline, dateline_agency, piece, dateline_date = found
                    agency = dateline_agency or agency
                    if not piece:
                        paragraphs.append(Paragraph("dateline", dateline, None, None))
                        continue
                    kind = _classify(piece, table)[0]
            if kind == "body":  # offsets into the body: paragraphs joined with "\n\n"
                paragraph = Paragraph(kind, piece, position, position + len(piece))
                position += len(piece) + 2
                body_paragraphs.append(paragraph)
            else:
                paragraph = Paragraph(kind, piece, None, None)
            paragraphs.append(paragraph)

    if body_paragraphs:
        last = body_paragraphs[-1]
        trailing = None
        if _may_end_with_credit(last.text):
            trailing = _agency_patterns()[1].search(last.text, max(0, len(last.text) - 60))
        if trailing is not None:
            kept = last.text[: trailing.start()].rstrip()
            agency = agency or table.agencies[(trailing.group(1) or trailing.group(2)).lower()]
            if kept:
                last.text = kept
                last.end = last.start + len(kept)
            else:
                last.kind = "credit"
                last.start = last.end = None
                body_paragraphs.pop()
    body = "\n\n".join([paragraph.text for paragraph in body_paragraphs])

    published = _parse_date(headers["date"]) if "date" in headers else None
    return ParsedArticle(title, headers, published, dateline, agency, body, paragraphs, dateline_date)

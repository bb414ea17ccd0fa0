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

from wirehouse.clean.credits import agency_patterns, may_be_credit_line, may_end_with_credit
from wirehouse.clean.datelines import DATE_VALUE, dateline_match, parse_date, read_dateline
from wirehouse.clean.months import MONTHS
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


# Blank lines separate blocks; the next block keeps its first line's indentation (it counts for wrapping).
_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")
_LIST_BULLETS = ("- ", "* ", "• ", "– ", "— ")
_BULLET_CHARS = "".join(bullet[0] for bullet in _LIST_BULLETS)  # a one-character test first: cheaper

# A header field at the start of the text: `date 2018-03-20 ...`, `Title: ...`.
_HEADER_FIELD = re.compile(r"[ \t\n]*([A-Za-z_]+)([ \t]*:)?[ \t]+")
_REST_OF_LINE = re.compile(r"[^\n]*")
# `By Jane Doe`, `By JANE DOE and JOHN ROE, Associated Press`: two name words at least, a short affiliation.
_BYLINE = re.compile(
    r"By:?\s+([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|de|van|von|der|da|al|bin))+)"
    r"\s*(?:[,|–—-][^.!?]{0,60})?$"
)

# Captions: a position marker for the people in a picture plus a caption's shape (ends with the date the
# picture was taken, or a present-tense picture verb follows the marker).
_POSITION = re.compile(
    r"\((?:L|R|C|CL|CR|L-R|R-L|C-L|C-R|L to R|left|right|centre|center|front|back|top|bottom"
    r"|(?:\d(?:st|nd|rd|th)|second|third) (?:from )?(?:L|R|left|right))\)"
)
_MONTH = MONTHS.pattern  # any spelling in seeds/months.csv, any case, an optional dot
_CAPTION_DATE_END = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\.?$")
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
            value_match = DATE_VALUE.match(text, match.end())
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
            match = agency_patterns()[0].match(text) if may_be_credit_line(text) else None
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
    found = dateline_match(text)
    if (
        found is not None
        and found.group("place").strip().upper() not in table.story_labels
        and _LOWER_WORD.search(text, found.end())
    ):
        return False  # a dateline opening prose; `ECONOMIC SPOTLIGHT - U.S. DEFICIT WITH NICs` is a title
    return _classify(text, table)[0] in ("body", "heading", "table")


def _split_headers(text: str, table: Rules) -> tuple[dict[str, str], list[Paragraph], str, bool]:
    """Header fields at the start (see _read_headers), their paragraphs, the rest of the text without leading
    blank lines or trailing space, and whether that rest starts in the middle of the last header's line."""
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
    return headers, paragraphs, text.rstrip(), inline


def _strip_trailing_credit(body_paragraphs: list[Paragraph], table: Rules) -> str | None:
    """Cut a wire credit off the end of the last body paragraph (`... said. (AP)`): the agency it names.

    A last paragraph that is nothing but the credit becomes a 'credit' paragraph and leaves the body."""
    last = body_paragraphs[-1]
    trailing = None
    if may_end_with_credit(last.text):
        trailing = agency_patterns()[1].search(last.text, max(0, len(last.text) - 60))
    if trailing is None:
        return None
    kept = last.text[: trailing.start()].rstrip()
    if kept:
        last.text = kept
        last.end = last.start + len(kept)
    else:
        last.kind = "credit"
        last.start = last.end = None
        body_paragraphs.pop()
    return table.agencies[(trailing.group(1) or trailing.group(2)).lower()]


def parse_article(raw_text: str) -> ParsedArticle:
    """Parse one decoded article (repair_text is applied here). See the module doc for the paragraph kinds."""
    table = rules()
    headers, paragraphs, text, inline = _split_headers(repair_text(raw_text), table)

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
                found = read_dateline(piece, table) if dateline is None else None
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
        trailing_agency = _strip_trailing_credit(body_paragraphs, table)  # strips the credit in any case
        agency = agency or trailing_agency
    body = "\n\n".join([paragraph.text for paragraph in body_paragraphs])

    published = parse_date(headers["date"]) if "date" in headers else None
    return ParsedArticle(title, headers, published, dateline, agency, body, paragraphs, dateline_date)

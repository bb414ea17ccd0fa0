"""parse_article's fast paths pinned to the plain rules they replace: an inline loop for wrapped lines,
lookaheads in the dateline regexes, gates in front of regexes, remembered kinds. Each test holds one shortcut
to a plain definition on the same inputs, so a speed trick can never change a result unseen."""

import random
import re

import pytest

from wirehouse.clean.rules import rules
from wirehouse.reference import reference_rows


def _plain_split_block(block: str) -> list[tuple[str, bool]]:
    """The wrapped-line rules written plainly: a helper per question and a concatenation per line."""

    def normalise(text: str) -> str:
        text = text.strip()
        return " ".join(text.split()) if "  " in text or "\t" in text or "\n" in text else text

    def wrapped(previous: str, following: str, width: int) -> bool:
        if previous.endswith("-") and not previous.endswith(" -"):
            return True
        if previous == previous.upper() and following != following.upper():
            return False
        space = following.find(" ")
        return len(previous) + 1 + (len(following) if space < 0 else space) > width * 0.85

    def join(lines: list[str]) -> str:
        text = lines[0]
        for line in lines[1:]:
            joined = text.endswith("-") and len(text) > 1 and text[-2].isalnum()
            text += line if joined else " " + line
        return normalise(text)

    lines = [line for line in (line.rstrip() for line in block.split("\n")) if line]
    width = max(map(len, lines))
    pieces: list[tuple[str, bool]] = []
    current: list[str] = []
    current_table = False
    previous = ""
    for line in lines:
        stripped = line.lstrip()
        table = "   " in stripped or "\t" in stripped
        if current and table and current_table:
            current.append(line)
        elif (
            current
            and not table
            and not current_table
            and width <= 100
            and len(stripped) == len(line)
            and not stripped.startswith(("- ", "* ", "• ", "– ", "— "))
            and wrapped(previous, stripped, width)
        ):
            current.append(stripped)
        else:
            if current:
                pieces.append(("\n".join(current), True) if current_table else (join(current), False))
            current = [line if table else stripped]
            current_table = table
        previous = line
    pieces.append(("\n".join(current), True) if current_table else (join(current), False))
    return pieces


def test_split_block_matches_the_plain_rules() -> None:
    from wirehouse.clean.parse import _split_block

    words = ["the", "U.S.", "SAID", "vice-", "president", "-", "1,234", "Natl   Loan", "x\ty", "É", "a  b", "ß"]
    rng = random.Random(7)
    for _ in range(3000):
        width = rng.choice([20, 40, 65, 70, 120])
        lines = []
        for _ in range(rng.randint(2, 12)):
            line = rng.choice(["", "    ", "  ", "\t", "- ", "* ", "• "]) if rng.random() < 0.3 else ""
            while len(line) < rng.randint(1, width):
                line += rng.choice(words) + rng.choice([" ", " ", "", "  "])
            lines.append(line.upper() if rng.random() < 0.1 else line)
        block = "\n".join(lines).strip("\n")
        if block.strip() and "\n" in block:
            assert _split_block(block) == _plain_split_block(block), repr(block)


def test_dateline_lookaheads_change_no_match() -> None:
    """The dateline regexes with their pruning lookaheads against the same regexes without them."""
    from wirehouse.clean import datelines as parse

    # The months written out by hand: also pins the regex built from seeds/months.csv to these spellings.
    month = (
        r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
    )
    region = r"(?:\s*,\s*[A-Z][A-Za-z'’.\-]*(?:\s[A-Z][A-Za-z'’.\-]*){0,2}){0,2}"
    caps_word = r"[A-Z][A-Z'’.&\-]*"
    date = rf"\s*,?\s*(?P<date>(?i:{month})\s*\d{{1,2}})"
    agency, dash = parse._AGENCY_PART, parse._DASH
    plain = {
        "caps": re.compile(rf"\**(?P<place>{caps_word}(?:[ /]{caps_word}){{0,4}}{region})(?:{date})?,?{agency}{dash}"),
        "credited": re.compile(
            rf"\**(?P<place>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){{0,3}}{region})(?P<date>)"
            rf"\s*\((?P<agency>[^()\n]{{1,40}})\){dash}"
        ),
        "dated": re.compile(
            rf"\**(?P<place>[A-Za-z][\w'’.\-]*(?: [A-Za-z][\w'’.\-]*){{0,3}}{region})\s*,\s*"
            rf"(?P<date>(?i:{month})\s*\d{{1,2}}),?{agency}{dash}"
        ),
    }
    fast = {"caps": parse._DATELINE_CAPS, "credited": parse._DATELINE_CREDITED, "dated": parse._DATELINE_DATED}

    def plain_match(text: str) -> re.Match[str] | None:
        if re.search(r"[-—–]", text[:90]) is None:
            return None
        return plain["caps"].match(text) or plain["dated"].match(text) or plain["credited"].match(text)

    def shape(match: re.Match[str] | None) -> tuple | None:
        return None if match is None else (match.span(), match.groupdict())

    tokens = ["SALVADOR", "NEW", "YORK", "N.Y.", "Feb", "FEB", "March", "may", "Sept.", "26", "3", ",", ", "]
    tokens += [" ", " - "]
    tokens += ["-", "--", " -- ", "—", "–", "(AP)", "(", ")", "/", "*", "Iowa", "O'HARE", "D’Or", "A", "x", "J", "S"]
    tokens += ["\n", "é", "ſ", "K", "MayFeb", "FOO-", "-bar", "’", ".", "FEB26", "THREE-FOR-TWO", "Washington", "0"]
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(tokens) for _ in range(rng.randint(1, 12)))
        text += rng.choice(["", " - The rest", " -- text", " — Text", "- x", "-", " (AFP) - x", " text"])
        for name, pattern in fast.items():
            assert shape(pattern.match(text)) == shape(plain[name].match(text)), (name, text)
        assert shape(parse.dateline_match(text)) == shape(plain_match(text)), text


def test_start_gate_admits_every_start_marker() -> None:
    """A paragraph any start marker matches always gets past the two-character gate in front of them."""
    table = rules()
    assert table.start_gate is not None
    markers = [row["marker"] for row in reference_rows("paragraph_markers") if row["match"] in ("prefix", "regex")]
    markers += ["Follow him on Twitter", "Twitter: @abc", "Copyright 2019", "copyright ©", "Facebook: @x"]
    rng = random.Random(5)
    exotic = ["İ", "ı", "ſ", "K", "ß", "(", "©", " "]
    for _ in range(20_000):
        text = "".join(
            char.swapcase() if rng.random() < 0.3 else rng.choice(exotic) if rng.random() < 0.05 else char
            for char in rng.choice(markers)
        ) + rng.choice(["", " and more", ": x", " @x"])
        if table.start.match(text):
            assert table.start_gate.match(text[:2]), text
            assert table.marker_kind(text) == table.start.match(text).lastgroup


@pytest.mark.parametrize(
    ("pattern", "openings"),
    [
        (r"Follow\b.{1,60}", ["Follow"]),
        (r"(?:Twitter|Facebook): @\w+", ["Twitter", "Facebook"]),
        (r"Follows?x", ["Follow"]),  # the quantified letter may be missing
        (r"a|b", None),  # a top-level alternative
        (r"(?:a|b)?c", None),
        (r"x*", None),
        (r"[|]x", None),
        (r"\bword", None),
    ],
)
def test_regex_openings(pattern: str, openings: list[str] | None) -> None:
    from wirehouse.clean.rules import _regex_openings

    assert _regex_openings(pattern) == openings


def test_credit_tests_never_rule_out_a_match() -> None:
    """The standalone- and trailing-credit regexes run only when cheap tests say they could match."""
    from wirehouse.clean.credits import agency_patterns, may_be_credit_line, may_end_with_credit

    standalone, trailing = agency_patterns()
    names = list(rules().agencies)
    bits = [" ", ".", "..", ")", "(", "-", "--", "—", "|", "\n", "\t", "_", "^M", "^m", "said", "x", "’", '"', "!"]
    rng = random.Random(3)
    for _ in range(20_000):
        name = rng.choice(names)
        name = rng.choice([name, name.upper(), name.title(), "Reutersx"])
        text = "".join(rng.choice(bits) for _ in range(rng.randint(0, 4))) + name
        text += "".join(rng.choice(bits) for _ in range(rng.randint(0, 4)))
        if standalone.match(text):
            assert may_be_credit_line(text), text
        if trailing.search(text, max(0, len(text) - 60)):
            assert may_end_with_credit(text), text


def test_short_paragraph_kinds_are_remembered() -> None:
    from wirehouse.clean.parse import _classify, _classify_text

    table = rules()
    table.short_kinds.clear()  # earlier tests may have filled it
    for text in ["Reuter", "Nine mths", "Shr 1.20 dlrs vs 1.10 dlrs", "Advertisement", "HEADLINE"]:
        first = _classify(text, table)
        assert table.short_kinds[text] == first == _classify(text, table) == _classify_text(text, table)

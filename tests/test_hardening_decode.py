"""Honest decoding for what is not Western, HTML reduced to text, and what is not prose rejected up front."""

import json
import random
import time

import pandas as pd

from tests.test_transform import NOW, to_read
from wirehouse.batch import transform
from wirehouse.ingest.decode import Decoded, Rejected, decode_bytes
from wirehouse.ingest.prose import not_prose


def transform_files(paths: list[str]):
    return transform(to_read(paths), "run-1", NOW)


JAPANESE = "円相場が急落\n\n東京外国為替市場で円が急落した。「介入はない」と財務相は述べた。市場は混乱している。\n"
CHINESE = "央行降息\n\n中国人民银行周五宣布降息。行长表示：“经济需要支持。”市场反应积极，股市上涨。\n"
PAGE = """<!DOCTYPE html>
<html><head><title>Budget row deepens</title>
<script>var x = "said he"; document.write("<p>injected</p>");</script><style>p { color: red }</style></head>
<body><nav>Home | World</nav>
<h1>Budget row deepens</h1>
<p>The chancellor <b>said</b> on Monday: "We will balance the books."</p>
<p>Critics were unconvinced.</p>
</body></html>
"""


def test_shift_jis_and_gb18030_decode_to_their_own_text():
    assert decode_bytes((JAPANESE * 3).encode("shift_jis")) == Decoded(JAPANESE * 3, "cp932")
    assert decode_bytes((CHINESE * 3).encode("gb18030")) == Decoded(CHINESE * 3, "gb18030")


def test_gb18030_article_keeps_its_body_through_the_pipeline(tmp_path):
    path = tmp_path / "cn.txt"
    path.write_bytes((CHINESE * 3).encode("gb18030"))
    tables = transform_files([str(path)])
    assert tables.rejects.empty
    assert tables.files["encoding"].tolist() == ["gb18030"]
    assert tables.articles["title"].tolist() == ["央行降息"]
    assert "中国人民银行周五宣布降息" in tables.articles["body"].iloc[0]


def test_bytes_no_encoding_reads_cleanly_are_undecodable_with_the_guess():
    rng = random.Random(7)
    garbage = bytes(rng.choice([*range(0x80, 0x100), 0x20]) for _ in range(3000))
    assert decode_bytes(b"Title\n\n" + garbage) == Rejected(
        "undecodable", "not UTF-8, 99% of bytes above 0x7F, and no encoding decodes it"
    )
    sentence = "東京外国為替市場で円が急落した。「介入はない」と財務相は述べた。市場は混乱している。" * 6
    mixed = sentence.encode("shift_jis") + sentence.encode("gb18030") + "Москва".encode("koi8_r") * 20
    result = decode_bytes(mixed)
    assert result.reason == "undecodable"
    assert "best guess shift_jis" in result.detail and result.detail.endswith("keep mojibake out of the warehouse")


def test_western_text_stays_cp1252(shared_dir):
    text = "Chelsea sack Mutu\n\nIt cost £1,400, Hewitt’s plan said. “We will win,” he said.\n"
    assert decode_bytes(text.encode("cp1252")) == Decoded(text, "cp1252")
    assert decode_bytes((shared_dir / "corpora/bbc/sport/199.txt").read_bytes()).encoding == "cp1252"


def test_html_is_reduced_to_its_text_and_script_never_quotes(tmp_path):
    decoded = decode_bytes(PAGE.encode())
    assert decoded == Decoded(
        'Budget row deepens\n\nThe chancellor said on Monday: "We will balance the books."\n\n'
        "Critics were unconvinced.",
        "utf-8+html",
    )
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    quotes = transform_files([str(path)]).quotes
    assert quotes["text"].tolist() == ["We will balance the books."]


def test_not_prose_says_what_it_saw():
    export = json.dumps([{"id": i, "title": f"Story {i}", "quote": "he said", "by": "x"} for i in range(1500)])
    assert len(export) > 80_000
    clock = time.perf_counter()
    assert decode_bytes(export.encode()) == Rejected("not_prose", f"a JSON document ({len(export):,} characters)")
    assert time.perf_counter() - clock < 2.0  # rejected before any stage: far from the 129 s it used to cost
    lines = "\n".join(json.dumps({"id": i, "text": "said"}) for i in range(10))
    assert not_prose(lines).detail == "JSON lines (10 lines of objects)"
    table = "date,open,close\n" + "\n".join(f"2024-01-{d:02d},{d}.5,{d}.9" for d in range(1, 20))
    assert not_prose(table).detail == "a table: 20 of 20 lines have 2 ',' separators"
    tsv = "\n".join("a\tb\tc\td" for _ in range(6))
    assert not_prose(tsv).detail == "a table: 6 of 6 lines have 3 tab separators"
    xml = "<feed>" + "".join(f"<entry><id>{i}</id><title>Item {i}</title></entry>" for i in range(100)) + "</feed>"
    assert not_prose(xml).detail == f"markup-dense: 602 tags in {len(xml):,} characters"
    wall = "Note\n\n" + " ".join(f'"{w}"' for w in ["yes", "no", "maybe"] * 200)
    assert not_prose(wall).detail.startswith("1,200 quotation marks in")


def test_no_bbc_article_is_taken_for_something_else(shared_dir):
    paths = sorted((shared_dir / "corpora/bbc").glob("*/*.txt"))
    results = [decode_bytes(p.read_bytes()) for p in paths]
    rejected = [(p.name, r) for p, r in zip(paths, results, strict=True) if isinstance(r, Rejected)]
    assert rejected == []
    encodings = pd.Series([r.encoding for r in results]).value_counts().to_dict()
    assert set(encodings) <= {"utf-8", "cp1252"}

"""Throughput of `split_sentences` over every paragraph of every BBC article, on one core.

    .venv/bin/python bench/bench_sentences.py [--corpus ../shared/corpora/bbc] [--repeat 5]

Reading and decoding the files is outside the timing; finding the paragraphs (blank-line separated blocks,
here one line each) and splitting each one is inside. Prints the best of `--repeat` runs, since other
processes on the machine only ever make a run slower.
"""

import argparse
import re
import time
from pathlib import Path

from wirehouse.paths import PROJECT_ROOT
from wirehouse.segment.sentences import split_sentences

PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\S\n]*[^\s][^\n]*)*")  # a block of non-blank lines


def load_corpus(corpus: Path) -> list[str]:
    """Every article's text; BBC's one cp1252 file is decoded as such."""
    texts = []
    for path in sorted(corpus.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            texts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(raw.decode("cp1252"))
    return texts


def split_corpus(texts: list[str]) -> int:
    """Split every paragraph of every text; return the number of sentences."""
    sentences = 0
    finditer = PARAGRAPH.finditer
    for text in texts:
        for paragraph in finditer(text):
            sentences += len(split_sentences(text, paragraph.start(), paragraph.end()))
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=PROJECT_ROOT.parent / "shared" / "corpora" / "bbc")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    texts = load_corpus(args.corpus)
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    best = float("inf")
    sentences = 0
    for _ in range(args.repeat):
        began = time.perf_counter()
        sentences = split_corpus(texts)
        best = min(best, time.perf_counter() - began)
    print(f"{len(texts)} articles, {megabytes:.1f} MB, {sentences} sentences; best of {args.repeat}: {best:.3f} s")
    print(f"{len(texts) / best:,.0f} articles/s, {sentences / best:,.0f} sentences/s, {megabytes / best:.1f} MB/s")


if __name__ == "__main__":
    main()

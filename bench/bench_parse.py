"""Throughput of the parse + clean stage on the shared corpora, one core, files read into memory first.

    .venv/bin/python bench/bench_parse.py [--repeat N]

Prints articles/s and MB/s (of decoded text) for repair_text alone and for parse_article (which includes
repair_text), for BBC and Reuters-21578. Reading and decoding are not timed: that is the ingest stage's cost.
Each timed pass starts with the parser's memos empty (kinds of short paragraphs, entity values): a batch
sees each article once, and a pass over articles the memos already hold would flatter the figures.
"""

import argparse
import time
from pathlib import Path

from wirehouse.clean import repair
from wirehouse.clean.parse import parse_article
from wirehouse.clean.repair import repair_text
from wirehouse.clean.rules import rules
from wirehouse.paths import PROJECT_ROOT

CORPORA = {
    "bbc": ("corpora/bbc", "*/*.txt"),
    "reuters": ("corpora/reuters21578/articles", "*.txt"),
}


def read_corpus(root: Path, pattern: str) -> list[str]:
    """Decoded texts; a file that is not UTF-8 falls back to cp1252 as the ingest stage would."""
    texts = []
    for path in sorted(root.glob(pattern)):
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(data.decode("cp1252", errors="replace"))
    return texts


def forget_memos() -> None:
    """Empty what parse_article remembers across articles, so that a pass sees the corpus as a batch does."""
    table = rules()
    table.short_kinds.clear()
    table.start_openings.clear()
    repair._entity_cache.clear()


def best_rate(function, texts: list[str], repeat: int) -> float:
    """Seconds for one pass over the texts, best of `repeat` (the least disturbed by the shared machine)."""
    best = float("inf")
    for _ in range(repeat):
        forget_memos()
        start = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    parse_article("warm up the compiled rules")
    print(f"{'corpus':<8} {'stage':<14} {'articles':>8} {'MB':>6} {'articles/s':>11} {'MB/s':>7} {'us/article':>10}")
    for name, (folder, pattern) in CORPORA.items():
        texts = read_corpus(args.shared / folder, pattern)
        megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
        for stage, function in (("repair_text", repair_text), ("parse_article", parse_article)):
            seconds = best_rate(function, texts, args.repeat)
            print(
                f"{name:<8} {stage:<14} {len(texts):>8} {megabytes:>6.1f} "
                f"{len(texts) / seconds:>11,.0f} {megabytes / seconds:>7.1f} {seconds / len(texts) * 1e6:>10.1f}"
            )


if __name__ == "__main__":
    main()

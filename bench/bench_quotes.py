"""Throughput of `extract_quotes` on the BBC corpus, one core, texts read into memory first.

    .venv/bin/python bench/bench_quotes.py [--repeat N] [--profile]
    .venv/bin/python bench/bench_quotes.py --hostile     # seconds per MB of hostile text, per stage
    .venv/bin/python bench/bench_quotes.py --stage       # the batch's quotes stage, sentences given vs re-split

Paragraphs are the article's lines (BBC separates paragraphs by newlines), found inside the timed loop as
the pipeline would. Prints articles/s (wall clock, and CPU time, which a busy shared machine disturbs less),
MB/s and quotes found, with reported speech and with quote marks only (`RuleAttributor(indirect=False)`).
The target is >= 15,000 articles/s so that quote extraction does not dominate the pipeline.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from wirehouse.paths import PROJECT_ROOT
from wirehouse.quotes import RuleAttributor, extract_quotes


def read_bbc(root: Path) -> list[str]:
    """Decoded BBC texts; the one cp1252 file is decoded as cp1252."""
    texts = []
    for path in sorted(root.glob("*/*.txt")):
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(data.decode("cp1252", errors="replace"))
    return texts


def line_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of `text` as (start, end) spans: BBC's paragraphs."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def run(texts: list[str], attributor: RuleAttributor | None = None) -> int:
    found = 0
    for text in texts:
        found += len(extract_quotes(text, line_spans(text), attributor=attributor))
    return found


# one megabyte of each is a single paragraph: the worst cases found for each stage
HOSTILE = {
    "unbalanced marks": 'He said "x ',
    "mixed marks": '“x” "y, ',
    "speech verbs and marks": 'said "x said "x, ',
    "quotes with attribution": '"It is fine," he said. ',
    "reported speech": "The minister said the plan would work. ",
    "a. a. a.": "a. ",
    "bullets": "• a ",
    "a character per line": "x\n",
}


def hostile() -> None:
    """CPU seconds per MB of each hostile text for cleaning, sentence splitting and quote extraction."""
    from wirehouse.clean.parse import parse_article
    from wirehouse.segment.sentences import split_sentences

    stages = (("clean", parse_article), ("split", split_sentences), ("quotes", extract_quotes))
    print("seconds of CPU for 1 MB:", "  ".join(name for name, _ in stages))
    for label, unit in HOSTILE.items():
        text = unit * (1_000_000 // len(unit))
        times = []
        for _, stage in stages:
            start = time.process_time()
            stage(text)
            times.append(time.process_time() - start)
        print(f"{label:>24}: " + "  ".join(f"{t:5.2f}" for t in times))


def stage(shared: Path, repeat: int) -> None:
    """CPU time of the quotes stage over BBC as the batch runs it (parsed articles, the sentences table made
    first): handed the batch's sentences, against splitting the paragraphs again; alternated, best of `repeat`."""
    import pandas as pd

    from wirehouse.clean.stage import parse_articles
    from wirehouse.quotes.stage import extract_article_quotes
    from wirehouse.segment.stage import segment_sentences

    paths = sorted((shared / "corpora" / "bbc").glob("*/*.txt"))
    texts = read_bbc(shared / "corpora" / "bbc")
    frame = pd.DataFrame({"article_id": [str(p) for p in paths], "text": texts})
    frame["file_id"] = frame["source_path"] = frame["article_id"]
    articles, paragraphs = parse_articles(frame)
    sentences = segment_sentences(articles, paragraphs)
    best = {"sentences given": float("inf"), "re-split": float("inf")}
    for _ in range(repeat):
        for label, given in (("sentences given", sentences), ("re-split", None)):
            start = time.process_time()
            extract_article_quotes(articles, paragraphs, given)
            best[label] = min(best[label], time.process_time() - start)
    for label, seconds in best.items():
        print(f"quotes stage, bbc, {label}: {len(articles) / seconds:,.0f} articles/s CPU (best of {repeat})")
    print(f"given / re-split CPU time: {best['sentences given'] / best['re-split']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one pass instead")
    parser.add_argument("--hostile", action="store_true", help="seconds per MB of hostile text instead")
    parser.add_argument("--stage", action="store_true", help="the quotes stage, sentences given vs re-split")
    args = parser.parse_args()
    if args.hostile:
        hostile()
        return
    if args.stage:
        stage(args.shared, args.repeat)
        return
    texts = read_bbc(args.shared / "corpora" / "bbc")
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    run(texts[:50])  # warm up: seeds read, regexes compiled
    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("run(texts)", globals(), {"texts": texts, "run": run}, "/tmp/bench_quotes.prof")
        pstats.Stats("/tmp/bench_quotes.prof").sort_stats("tottime").print_stats(20)
        return
    for label, attributor in (("with reported speech", None), ("quote marks only", RuleAttributor(indirect=False))):
        best = best_cpu = float("inf")
        quotes = 0
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            quotes = run(texts, attributor)
            best = min(best, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - start_cpu)
        print(
            f"bbc, {label}: {len(texts)} articles, {megabytes:.1f} MB, {quotes} quotes: "
            f"{len(texts) / best:,.0f} articles/s wall, {len(texts) / best_cpu:,.0f} articles/s CPU, "
            f"{megabytes / best:.1f} MB/s (best of {args.repeat})"
        )


if __name__ == "__main__":
    main()

"""Per-stage cost compiled (mypyc) against interpreted, on the shared corpora, each side in its own process.

    .venv/bin/python bench/bench_compiled.py [--rounds N] [--repeat N] [--reuters-every N]

A round runs one process with WIREHOUSE_PURE=1 and one without, one after the other, so both see the same
load on a shared machine; each process times every stage over the same texts (CPU time, best of --repeat
passes) and the table keeps each side's best round. Prints µs per article per stage and the speed-up. The
stages as the pipeline calls them: cleaning + parsing (`parse_article`, memos emptied before each pass),
sentences (`split_sentences` per line), quotes with speakers (`extract_quotes`, lines as paragraphs), shingles
(`body_shingles` over all texts at once).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from wirehouse import compiled
from wirehouse.paths import PROJECT_ROOT

STAGES = ("clean", "sentences", "quotes", "shingles")


def read_texts(shared: Path, reuters_every: int) -> list[str]:
    paths = sorted((shared / "corpora/bbc").glob("*/*.txt"))
    paths += sorted((shared / "corpora/reuters21578/articles").glob("*.txt"))[::reuters_every]
    texts = []
    for path in paths:
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(data.decode("cp1252", errors="replace"))
    return texts


def line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def stage_functions() -> dict[str, Callable[[list[str]], object]]:
    from wirehouse.clean import repair
    from wirehouse.clean.parse import parse_article
    from wirehouse.clean.rules import rules
    from wirehouse.link.shingles import body_shingles
    from wirehouse.quotes import extract_quotes
    from wirehouse.segment.sentences import split_sentences

    def clean(texts: list[str]) -> None:
        table = rules()
        table.short_kinds.clear()
        table.start_openings.clear()
        repair._entity_cache.clear()
        for text in texts:
            parse_article(text)

    def sentences(texts: list[str]) -> None:
        for text in texts:
            for start, end in line_spans(text):
                split_sentences(text, start, end)

    def quotes(texts: list[str]) -> None:
        for text in texts:
            extract_quotes(text, line_spans(text))

    return {"clean": clean, "sentences": sentences, "quotes": quotes, "shingles": body_shingles}


def one_side(shared: Path, repeat: int, reuters_every: int) -> dict[str, float]:
    """µs per article of every stage in this process (compiled or not, as `import wirehouse` decided)."""
    texts = read_texts(shared, reuters_every)
    functions = stage_functions()
    for function in functions.values():
        function(texts[:50])  # warm up: lexicons, regexes, memos
    figures: dict[str, float] = {"articles": len(texts)}
    for stage in STAGES:
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            functions[stage](texts)
            best = min(best, time.process_time() - start)
        figures[stage] = best / len(texts) * 1e6
    figures["mode"] = compiled.loaded()  # type: ignore[assignment]
    return figures


def run_side(pure: bool, args: argparse.Namespace) -> dict:
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_ENV}
    if pure:
        env[compiled.PURE_ENV] = "1"
    command = [sys.executable, __file__, "--side", "--shared", str(args.shared), "--repeat", str(args.repeat)]
    command += ["--reuters-every", str(args.reuters_every)]
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reuters-every", type=int, default=4, help="every Nth Reuters-21578 article")
    parser.add_argument("--side", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        print(json.dumps(one_side(args.shared, args.repeat, args.reuters_every)))
        return
    best: dict[str, dict[str, float]] = {"interpreted": {}, "compiled": {}}
    for _ in range(args.rounds):
        for side, pure in (("interpreted", True), ("compiled", False)):
            figures = run_side(pure, args)
            modes = set(figures.pop("mode").values())
            if modes != {side}:
                sys.exit(f"bench_compiled: the {side} side ran {modes or 'nothing'}: run `make` to build the modules")
            n = figures.pop("articles")
            for stage in STAGES:
                best[side][stage] = min(best[side].get(stage, float("inf")), figures[stage])
    print(f"{int(n):,} articles (BBC + every {args.reuters_every}th Reuters-21578), CPU µs per article, best of")
    print(f"{args.rounds} alternating rounds x {args.repeat} passes")
    print(f"{'stage':<10} {'interpreted':>12} {'compiled':>10} {'speed-up':>9}")
    for stage in STAGES:
        slow, fast = best["interpreted"][stage], best["compiled"][stage]
        print(f"{stage:<10} {slow:>12.1f} {fast:>10.1f} {slow / fast:>8.2f}x")
    slow, fast = (sum(best[side][stage] for stage in STAGES) for side in ("interpreted", "compiled"))
    print(f"{'all four':<10} {slow:>12.1f} {fast:>10.1f} {slow / fast:>8.2f}x")


if __name__ == "__main__":
    main()

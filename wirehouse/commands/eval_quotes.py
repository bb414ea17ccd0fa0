"""`wirehouse eval-quotes GOLD.jsonl`: score quote extraction and speaker attribution on an annotated set."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval-quotes",
        help="score quote spans and speakers against annotated JSONL",
        description="Score quote spans (P/R/F1) and speaker accuracy against annotated JSONL "
        '(one article a line: {"id", "text", "quotes": [{"start", "end", "speaker"}]}). '
        "Only quote-mark kinds (direct, partial) are scored unless --kinds says otherwise.",
    )
    parser.add_argument("gold", type=Path, help="annotated JSONL file")
    parser.add_argument(
        "--errors",
        type=Path,
        help="where to write per-article errors: missed, spurious, wrong speaker "
        "(default: warehouse/eval/<gold name>.errors.jsonl)",
    )
    parser.add_argument("--predictions", type=Path, help="write predictions in the gold file's format")
    parser.add_argument(
        "--kinds",
        default="direct,partial",
        help="comma-separated predicted kinds that count (default: direct,partial)",
    )
    parser.add_argument(
        "--half",
        choices=("even", "odd"),
        help="score only the articles whose id's CRC-32 is even (or odd): check a rule change on both halves",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from wirehouse.quotes.evaluate import evaluate, half_of, read_gold, write_jsonl
    from wirehouse.settings import DEFAULT_WAREHOUSE

    kinds = frozenset(k.strip() for k in args.kinds.split(",") if k.strip())
    errors_path = args.errors or DEFAULT_WAREHOUSE / "eval" / f"{args.gold.stem}.errors.jsonl"
    rows = read_gold(args.gold)
    if args.half is not None:
        rows = (row for row in rows if half_of(str(row.get("id"))) == args.half)
    report = evaluate(
        rows,
        kinds=kinds,
        keep_errors=True,
        keep_predictions=args.predictions is not None,
    )
    text = report.format()
    if kinds != frozenset({"direct", "partial"}):
        text = text.replace("(scored kinds: direct, partial)", f"(scored kinds: {', '.join(sorted(kinds))})")
    print(text)
    errors_path.parent.mkdir(parents=True, exist_ok=True)
    write_jsonl(errors_path, report.errors)
    print(f"errors: {errors_path}")
    if args.predictions is not None:
        write_jsonl(args.predictions, report.predictions)
    return 0

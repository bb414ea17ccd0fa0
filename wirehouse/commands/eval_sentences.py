"""`wirehouse eval-sentences GOLD.jsonl [--predictions PATH]`: score the sentence splitter on golden rules."""

import argparse
import json
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `eval-sentences` sub-command."""
    parser = subparsers.add_parser(
        "eval-sentences",
        help="score the sentence splitter on a golden-rules JSONL file",
        description="Exact-match score per case, each failing rule, and boundary P/R/F1 by character offset.",
    )
    parser.add_argument("gold", type=Path, metavar="GOLD.jsonl", help="cases: id, rule, text, sentences")
    parser.add_argument(
        "--predictions", type=Path, metavar="PATH", help="write the cases with predicted sentences (JSONL)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the score; exit 0 (a low score is a result, not an error), 2 if the gold file is missing."""
    from wirehouse.segment.evaluate import evaluate_golden

    if not args.gold.is_file():
        print(f"eval-sentences: no such file: {args.gold}")
        return 2
    result = evaluate_golden(args.gold)
    print(f"passed {result['passed']}/{result['cases']}")
    for failure in result["failures"]:
        print(f"FAIL {failure['id']}: {failure['rule']}")
        print(f"  expected:  {failure['expected']}")
        print(f"  predicted: {failure['predicted']}")
    boundary = result["boundary"]
    print(
        "boundary P/R/F1 (internal sentence ends, by character offset): "
        f"{boundary['precision']:.3f}/{boundary['recall']:.3f}/{boundary['f1']:.3f} "
        f"(tp {boundary['tp']}, fp {boundary['fp']}, fn {boundary['fn']})"
    )
    if args.predictions is not None:
        args.predictions.parent.mkdir(parents=True, exist_ok=True)
        with args.predictions.open("w", encoding="utf-8") as handle:
            for case in result["predictions"]:
                handle.write(json.dumps(case, ensure_ascii=False) + "\n")
    return 0

"""The `wirehouse` console script: one sub-command per module in `wirehouse/commands/`.

Every module there is a command; each exposes `register(subparsers)`, which adds its parser and sets
`handler` to a function taking the parsed arguments and returning an exit code. Imports stay inside the
commands so that a quick `wirehouse sql` does not pay for importing Prefect.
"""

import argparse
import importlib
import os
import pkgutil
import sys

import wirehouse
import wirehouse.commands


def command_modules() -> list[str]:
    """Names of the command modules, sorted: a new file in wirehouse/commands/ is a new command."""
    return sorted(info.name for info in pkgutil.iter_modules(wirehouse.commands.__path__) if not info.ispkg)


DESCRIPTION = """Raw news-article text files in; a DuckDB warehouse of articles, paragraphs, sentences, quotes and
speakers out. `wirehouse run inbox/` loads what is new or changed, `wirehouse sql "SELECT ..."` asks the
warehouse. The warehouse is --warehouse, else $WIREHOUSE_DIR, else ./warehouse in the current folder."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wirehouse", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {wirehouse.__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in command_modules():
        importlib.import_module(f"wirehouse.commands.{name}").register(subparsers)
    return parser


PIPE_CLOSED = 141  # what a shell reports for a command stopped by SIGPIPE (128 + 13)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except BrokenPipeError:  # the reader went away (`wirehouse search ... | head`): stop quietly, as `cat` does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so exiting's flush cannot raise again
        return PIPE_CLOSED


if __name__ == "__main__":
    sys.exit(main())

"""Every default a run uses, in one place: the CLI, the flow's parameters and served deployments read them here."""

import os
from pathlib import Path

WAREHOUSE_ENV = "WIREHOUSE_DIR"  # where the warehouse is when --warehouse is not given
# Like `inbox`, relative to the current folder (as dbt's target/ or git's .git), unless WIREHOUSE_DIR says otherwise.
DEFAULT_WAREHOUSE = Path(os.environ.get(WAREHOUSE_ENV) or "warehouse")
WAREHOUSE_HELP = f"warehouse folder (default: ${WAREHOUSE_ENV} if set, else ./warehouse in the current folder)"
DEFAULT_INBOX = "inbox"
DEFAULT_BATCH_SIZE = 5000  # files per batch task: a task run costs ~17 ms, a batch of 5,000 about a second
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # larger files are rejected as `oversize`
DEFAULT_WORKERS = os.cpu_count() or 1  # processes for the batch work
# Threads listing the inbox's folders at once (the C listing's system calls run without the GIL): two let a
# no-op run's `stat` calls use both cores of a laptop.
LISTING_THREADS = 2
DEFAULT_FOLLOW_OUTSIDE_LINKS = False  # symlinks leading outside the folder given to `run` are rejected, not read
# What DuckDB may hold in memory in every connection of a run (the link step's joins, the DuckDB file's build,
# its checks and artifacts); past it, it spills to a temporary folder (wirehouse/scratch.py). Without a limit
# DuckDB takes up to 80 % of the machine's memory, and at 1,000,000 bench files the link step's peak was 17 GiB.
MEMORY_ENV = "WIREHOUSE_DUCKDB_MEMORY"
DUCKDB_MEMORY_LIMIT = os.environ.get(MEMORY_ENV) or "512MB"
# Bytes of text a batch's vectorised passes over whole texts (story and quote keys, search words) take at once:
# their numpy arrays are tens of bytes per byte of text. At 2 MB, a 5,000-article batch left a worker 154 MB
# larger after its story keys and the search words peaked 144 MB above their start; the output is the same at
# any size (tests pin it), the CPU the same from 128 KB up (story keys: 0.21 s at 2 MB, 0.19 s at 512 KB).
TEXT_CHUNK_BYTES = 1 << 19
CROSS_ARTICLE_ENV = "WIREHOUSE_CROSS_ARTICLE"  # "off": no story/quote keys, link step or search postings


def cross_article_enabled() -> bool:
    """The cross-article layer is on unless $WIREHOUSE_CROSS_ARTICLE is "off" (read at call time): switched off
    only to measure what it costs (bench/cross_article_scale.py); the warehouse then has no stories,
    quote clusters or search postings."""
    return os.environ.get(CROSS_ARTICLE_ENV, "on").lower() != "off"


def default_warehouse() -> Path:
    """The warehouse folder used when none is given: $WIREHOUSE_DIR, else ./warehouse (read at call time)."""
    return Path(os.environ.get(WAREHOUSE_ENV) or "warehouse")

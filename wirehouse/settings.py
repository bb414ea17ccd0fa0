"""Every default a run uses, in one place: the CLI, the flow's parameters and served deployments read them here."""

import os

from wirehouse.paths import PROJECT_ROOT

DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse"
DEFAULT_INBOX = "inbox"
DEFAULT_BATCH_SIZE = 5000  # files per batch task: a task run costs ~17 ms, a batch of 5,000 about a second
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # larger files are rejected as `oversize`
DEFAULT_WORKERS = os.cpu_count() or 1  # processes for the batch work
DEFAULT_FOLLOW_OUTSIDE_LINKS = False  # symlinks leading outside the folder given to `run` are rejected, not read

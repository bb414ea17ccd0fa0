"""Errors a user can act on: the CLI prints their message, not a traceback."""


class WirehouseError(Exception):
    """Base for errors with a message meant for the user."""


class InputError(WirehouseError):
    """The paths given to a run do not name any input."""


class WarehouseBusyError(WirehouseError):
    """Another run is writing to the same warehouse."""


class DiskFullError(WirehouseError):
    """The disk filled up during a run; the run was undone."""


class MemoryCapError(WirehouseError):
    """DuckDB needed more than the memory cap a run gives it (settings.DUCKDB_MEMORY_LIMIT); the run was undone."""

"""Prefect settings this project needs on an offline machine; applied before Prefect is first imported."""

import logging
import os

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",  # no network here
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",  # the ephemeral server takes 4-26 s to start
    "PREFECT_LOGGING_LEVEL": "INFO",  # run logs reach the Prefect UI ...
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",  # ... while the terminal shows only what is wrong
}


class _KnownFailures(logging.Filter):
    """Drops, from the terminal only, Prefect's tracebacks of failures the CLI reports in one line itself
    (a full disk, another run writing): 130-249 lines of tracebacks told the user less than that line."""

    def filter(self, record: logging.LogRecord) -> bool:
        from wirehouse.errors import WirehouseError
        from wirehouse.store.layout import is_disk_full

        error = record.exc_info[1] if record.exc_info else None
        if error is not None and (isinstance(error, WirehouseError) or is_disk_full(error)):
            return False
        message = record.getMessage()
        return not any(text in message for text in ("No space left on device", "DiskFullError", "WarehouseBusyError"))


def quiet_known_failures() -> None:
    """Add _KnownFailures to the console handlers Prefect has set up (the Prefect UI still gets every log)."""
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, logging.StreamHandler) and not any(
                isinstance(f, _KnownFailures) for f in handler.filters
            ):
                handler.addFilter(_KnownFailures())


def configure() -> None:
    """Set each default unless the user already chose a value."""
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)

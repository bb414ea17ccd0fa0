"""Prefect settings this project needs on an offline machine; applied before Prefect is first imported."""

import os

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",  # no network here
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",  # the ephemeral server takes 4-26 s to start
    "PREFECT_LOGGING_LEVEL": "INFO",  # run logs reach the Prefect UI ...
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",  # ... while the terminal shows only what is wrong
}


def configure() -> None:
    """Set each default unless the user already chose a value."""
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)

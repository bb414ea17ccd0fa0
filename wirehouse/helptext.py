"""Help texts that show defaults the way a user reads them: `(default: 5000)`, never `(default: None)`."""

import argparse


class DefaultsHelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Adds the default to an option's help when there is one worth showing (not None, not False, and not
    already said in the help text itself); a list default prints as its items."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if "default" in text or default in (None, False, argparse.SUPPRESS) or isinstance(default, bool):
            return text
        if isinstance(default, list | tuple):
            return f"{text} (default: {' '.join(str(item) for item in default)})"
        return text + " (default: %(default)s)"

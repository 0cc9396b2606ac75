"""What the command line's commands share (`rio-desktop run` in cli.py,
`rio-desktop build` in _build.py): so that neither imports the other."""

from __future__ import annotations

import sys
from pathlib import Path

from .app import App
from .reload import AppImportError, import_app


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


def load_app(path: str | Path) -> App:
    """Import the module at `path` and return the `App` it defines.

    Raises:
        CliError: with a one-line message; an import's traceback is printed
            to stderr first.
    """
    try:
        return import_app(path)
    except AppImportError as error:
        if error.details:
            print(error.details, file=sys.stderr, end="")
            raise CliError(
                f"{error} (traceback above). Fix the error and run again."
            ) from None
        raise CliError(str(error)) from None

"""The command line: ``rio-desktop run app.py``."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
import traceback
from pathlib import Path

from .app import App

__all__ = ["main", "load_app"]


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


def load_app(path: str | Path) -> App:
    """Import the module at `path` and return the `App` it defines."""
    file = Path(path)
    if not file.is_file():
        raise CliError(f"{file}: no such file. Give the path of your app's .py file.")
    module_name = f"_rio_desktop_app_{file.stem}"
    spec = importlib.util.spec_from_file_location(module_name, file)
    if spec is None or spec.loader is None:
        raise CliError(f"{file}: cannot be imported; is it a Python file?")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    sys.path.insert(0, str(file.resolve().parent))
    try:
        spec.loader.exec_module(module)
    except SystemExit:
        raise
    except BaseException as error:
        traceback.print_exc()
        raise CliError(
            f"{file}: importing it raised {type(error).__name__}: {error}"
            " (traceback above). Fix the error and run again."
        ) from None
    apps = [value for value in vars(module).values() if isinstance(value, App)]
    if not apps:
        raise CliError(
            f"{file}: defines no rio_desktop.App. Add for example"
            " `app = rio.App(build=MyComponent)` at module level."
        )
    if len(apps) > 1:
        preferred = getattr(module, "app", None)
        if isinstance(preferred, App):
            return preferred
        raise CliError(f"{file}: defines several Apps; name the one to run `app`.")
    return apps[0]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rio-desktop", description="Run rio-desktop apps."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run an app")
    run.add_argument("file", help="the app's Python file")
    run.add_argument("--website", action="store_true", help="serve to a browser")
    run.add_argument("--host", default="127.0.0.1", help="address to serve on")
    run.add_argument("--port", type=int, default=8000, help="port to serve on")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command == "run":
            app = load_app(args.file)
            app.run_as_web_server(args.host, args.port)
    except CliError as error:
        print(f"rio-desktop: {error}", file=sys.stderr)
        return 2
    return 0

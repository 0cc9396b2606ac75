"""The command line: ``rio-desktop run | new | build``.

- ``run app.py``: the app in a window (or as a website), reloading on changes.
- ``new NAME``: a small project that ``run`` starts as it is, with a test.
- ``build app.py``: a stand-alone executable made with PyInstaller.
"""

from __future__ import annotations

import argparse
import errno
import inspect
import logging
import os
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from ._cli_common import CliError, load_app
from .app import App
from .reload import Reloader

__all__ = ["CliError", "main", "load_app"]

log = logging.getLogger("rio_desktop.cli")


# --- argument parsing --------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rio-desktop",
        description="Run, start and package rio-desktop apps.",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log debug messages"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="run an app in a window (or as a website), reloading on changes",
        description="Run an app: in a window where one can be opened, else as"
        " a website. Saving a file in the app's folder reloads it in place.",
    )
    run.add_argument("file", help="the app's Python file")
    run.add_argument(
        "--website",
        action="store_true",
        help="serve to a browser instead of opening a window",
    )
    run.add_argument("--host", default="127.0.0.1", help="website: address to serve on")
    run.add_argument(
        "--port",
        type=int,
        default=None,
        help="website: port to serve on (default 8000; 0 picks a free one)",
    )
    run.add_argument(
        "--backend", default=None, help="window: pywebview GUI backend (qt, gtk...)"
    )
    run.add_argument(
        "--reload",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="re-render when a file in the app's folder changes (default: on)",
    )
    run.add_argument(
        "--single-instance",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="window: a second start of the app raises this window instead of"
        " opening another (default: on)",
    )
    run.add_argument(
        "--release",
        action="store_true",
        help="run as the shipped app would: no reload, and errors in the app's"
        " code show a short notice instead of their traceback",
    )

    new = commands.add_parser(
        "new",
        help="create a new project",
        description="Create a project folder NAME with an app, an assets"
        " folder and a test.",
    )
    new.add_argument("name", help="the project's name, e.g. my-app")
    new.add_argument(
        "--directory",
        default=".",
        help="where to create the project folder (default: here)",
    )

    build = commands.add_parser(
        "build",
        help="package an app as an executable with PyInstaller",
        description="Package an app with PyInstaller (pip install"
        " 'rio-desktop[build]'). The executable opens the app's window.",
    )
    build.add_argument("file", help="the app's Python file")
    build.add_argument("--name", help="the executable's name (default: the app's)")
    build.add_argument("--icon", help="an icon: .png (converted), .ico or .icns")
    build.add_argument(
        "--onefile",
        action="store_true",
        help="one self-extracting file (starts slower) instead of a folder",
    )
    build.add_argument(
        "--windowed",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="no console window on Windows and macOS (default: on)",
    )
    build.add_argument(
        "--dist", default="dist", help="where to put the result (default: dist)"
    )
    build.add_argument(
        "--work",
        default="build",
        help="PyInstaller's work folder (default: build)",
    )
    build.add_argument(
        "--clean", action="store_true", help="rebuild from scratch, no cache"
    )
    build.add_argument(
        "--version",
        help="the app's version for the .app and the .exe's details (default:"
        " __version__ of the app's module, else pyproject.toml's)",
    )
    build.add_argument(
        "--bundle-id",
        help="macOS bundle identifier (default: org.rio-desktop.NAME)",
    )
    build.add_argument("--company", help="Windows: the company in the .exe's details")
    build.add_argument(
        "--codesign-identity", help="macOS: sign the .app with this identity"
    )
    build.add_argument(
        "--entitlements", help="macOS: an entitlements .plist for the signature"
    )
    build.add_argument(
        "--backend",
        choices=["qt", "gtk"],
        help="Linux: the window backend to bundle (default: qt)",
    )
    build.add_argument(
        "--language",
        action="append",
        default=[],
        help="Linux, Qt: keep Qt WebEngine's texts in this language besides"
        " en-US (repeatable, e.g. --language de)",
    )
    build.add_argument(
        "--no-slim",
        dest="slim",
        action="store_false",
        help=(
            "Linux: bundle all that PyInstaller's hooks collect (Qt: all of"
            " Qt; GTK: icon themes and translations) and debug symbols"
        ),
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    try:
        if args.command == "run":
            _run(args)
        elif args.command == "new":
            _new(args.name, Path(args.directory))
        elif args.command == "build":
            from ._build import BuildOptions, build

            build(
                BuildOptions(
                    file=Path(args.file),
                    name=args.name,
                    icon=Path(args.icon) if args.icon else None,
                    onefile=args.onefile,
                    windowed=args.windowed,
                    dist=Path(args.dist),
                    work=Path(args.work),
                    clean=args.clean,
                    verbose=args.verbose,
                    version=args.version,
                    bundle_id=args.bundle_id,
                    company=args.company,
                    codesign_identity=args.codesign_identity,
                    entitlements=Path(args.entitlements) if args.entitlements else None,
                    backend=args.backend,
                    slim=args.slim,
                    languages=tuple(args.language),
                )
            )
    except CliError as error:
        print(f"rio-desktop: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


# --- run ---------------------------------------------------------------------


def _run(args: argparse.Namespace) -> None:
    from .runtime import DEVELOPMENT_ENV

    # Development: an exception in the app's code shows its traceback in the
    # page. Set before the app is imported, and inherited by the window.
    if args.release:
        os.environ.pop(DEVELOPMENT_ENV, None)
    else:
        os.environ[DEVELOPMENT_ENV] = "1"
    file = Path(args.file)
    app = load_app(file)
    reload = (not args.release) if args.reload is None else args.reload
    if args.release and args.reload:
        raise CliError("--release and --reload contradict each other; pick one.")
    reloader = Reloader(file, app) if reload else None
    watching = ""
    if reloader is not None:
        watching = f"; reloading on changes in {_shown_path(reloader.folder)}"

    from ._smoke import smoke_enabled

    # A smoke run (RIO_DESKTOP_SMOKE) checks the window: never a website.
    smoke = smoke_enabled() and not args.website
    fallback = None
    if not args.website and not smoke:
        fallback = _window_unavailable(args.backend)
    if args.website or fallback is not None:
        port = 8000 if args.port is None else args.port
        note = f" (no window: {fallback})" if fallback else ""
        import asyncio

        asyncio.run(_serve_website(app, args.host, port, watching + note, reloader))
        return

    from .desktop import run_in_window

    options: dict[str, Any] = {
        "backend": args.backend,
        "single_instance": args.single_instance,
    }
    accepted = inspect.signature(run_in_window).parameters
    for name in ("host", "port"):
        value = getattr(args, name)
        if (
            name in accepted
            and value is not None
            and (name, value)
            != (
                "host",
                "127.0.0.1",
            )
        ):
            options[name] = value

    def started() -> None:
        # Said once the window's process is up: a second start that hands
        # over to the running app (single instance) never gets here.
        if not smoke:  # its one line is the smoke run's
            print(f"{app.name} is running in a window{watching}", flush=True)
        if reloader is not None:
            reloader.start()  # now: a thread before the window rules out a fork

    options["on_window_started"] = started
    try:
        run_in_window(app, **options)
    finally:
        if reloader is not None:
            reloader.stop()


def _window_unavailable(backend: str | None) -> str | None:
    """Why no window can be opened, or None; never raises."""
    try:
        from .desktop import window_unavailable_reason
    except ImportError as error:
        return (
            f"the window runtime cannot be imported ({error}); install it with"
            " pip install 'rio-desktop[qt]'"
        )
    return window_unavailable_reason(backend)


async def _serve_website(
    app: App, host: str, port: int, note: str, reloader: Reloader | None
) -> None:
    import asyncio

    from .menu import note_website
    from .server import AppServer
    from .server.security import loopback_hosts

    note_website(app)
    server = AppServer(app)
    if host in ("127.0.0.1", "localhost", "::1"):
        # DNS rebinding: a loopback server answers only to loopback names.
        server.allowed_hosts = lambda: loopback_hosts(server.port)
    try:
        bound = await server.start(host, port)
    except OSError as error:
        await server.close()
        if error.errno == errno.EADDRINUSE:
            raise CliError(
                f"port {port} on {host} is in use; stop what uses it or pass"
                " --port 0 to pick a free port."
            ) from None
        raise CliError(f"cannot serve on {host}:{port}: {error.strerror}") from None
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    print(
        f"{app.name} is running as a website at http://{shown}:{bound}/{note}",
        flush=True,
    )
    if reloader is not None:
        reloader.start()
    try:
        await asyncio.Event().wait()
    finally:
        if reloader is not None:
            await asyncio.to_thread(reloader.stop)
        await server.close()


def _shown_path(path: Path) -> str:
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    return f"{relative}/" if str(relative) != "." else "./"


# --- new -----------------------------------------------------------------------

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _new(name: str, directory: Path) -> Path:
    """Create the project `name` under `directory`; returns its folder."""
    if not _NAME.match(name):
        raise CliError(
            f"{name!r} is not a usable project name: use letters, digits, '-'"
            " and '_', starting with a letter (e.g. my-app)."
        )
    target = directory / name
    if target.exists():
        raise CliError(f"{target} already exists; pick another name or remove it.")
    words = re.split(r"[-_]+", name)
    values = {
        "name": name.lower(),
        "title": " ".join(word.capitalize() for word in words if word),
        "component": "".join(word.capitalize() for word in words if word),
    }
    template = resources.files("rio_desktop") / "templates" / "project"
    _copy_template(template, target, values)
    print(
        f"Created {target}/. Run it with: rio-desktop run {target / 'app.py'};"
        f" test it with: cd {target} && python -m pytest",
        flush=True,
    )
    return target


def _copy_template(source: Any, target: Path, values: dict[str, str]) -> None:
    target.mkdir(parents=True)
    for entry in source.iterdir():
        name = entry.name
        if name == "__pycache__":
            continue
        if entry.is_dir():
            _copy_template(entry, target / name, values)
            continue
        if name.endswith(".tmpl"):
            text = entry.read_text("utf-8")
            for key, value in values.items():
                text = text.replace("{{" + key + "}}", value)
            (target / name.removesuffix(".tmpl")).write_text(text, "utf-8")
        else:
            (target / name).write_bytes(entry.read_bytes())

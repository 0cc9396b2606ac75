"""Hot reload for ``rio-desktop run``: watch the app's folder, re-import, re-render.

A `Reloader` polls the modification times of the files under the app's folder
(plain `os.scandir`, no dependency). When something changes it re-imports the
app module (and the modules it imported from that folder) in a worker thread
and hands the new `App` to every running `AppServer`, on the server's own event
loop. Each open page or window keeps its connection and URL and gets the new
tree as one full reset.

If the new code does not import, the pages show the traceback instead (an
`ErrorPlaceholder` as the root); the next good save brings the app back.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .app import App

if TYPE_CHECKING:
    from .server import AppServer

__all__ = ["AppImportError", "FileWatcher", "Reloader", "error_app", "import_app"]

log = logging.getLogger(__name__)

#: Folders that never hold the app's own source.
IGNORED_DIRS = frozenset(
    {
        "__pycache__",
        "node_modules",
        "build",
        "dist",
        "venv",
        ".venv",
        "site-packages",
    }
)
#: Stop scanning after this many files: a huge folder is not an app folder.
MAX_FILES = 5000


class AppImportError(Exception):
    """The app's file could not be imported or defines no usable `App`.

    Attributes:
        details: The traceback of the import, or "" when there was none.
    """

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def _module_name(file: Path) -> str:
    return f"_rio_desktop_app_{file.stem}"


def import_app(path: str | Path) -> App:
    """Import (or re-import) the module at `path` and return its `App`.

    A fresh module object is made on every call. Modules from the app's folder
    that it imported before are dropped from `sys.modules` first, so their new
    code is used too.

    Raises:
        AppImportError: No such file, an exception while importing (with the
            traceback in `details`), or no `App` in the module.
    """
    file = Path(path)
    if not file.is_file():
        raise AppImportError(
            f"{file}: no such file. Give the path of your app's .py file."
        )
    folder = str(file.resolve().parent)
    _forget_modules_in(Path(folder))
    module_name = _module_name(file)
    spec = importlib.util.spec_from_file_location(module_name, file)
    if spec is None or spec.loader is None:
        raise AppImportError(f"{file}: cannot be imported; is it a Python file?")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    if folder not in sys.path:
        sys.path.insert(0, folder)
    importlib.invalidate_caches()
    try:
        spec.loader.exec_module(module)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as error:
        raise AppImportError(
            f"{file}: importing it raised {type(error).__name__}: {error}",
            _user_traceback(error),
        ) from None
    apps = [value for value in vars(module).values() if isinstance(value, App)]
    if not apps:
        raise AppImportError(
            f"{file}: defines no rio_desktop.App. Add for example"
            " `app = rio.App(build=MyComponent)` at module level."
        )
    if len(apps) > 1:
        preferred = getattr(module, "app", None)
        if isinstance(preferred, App):
            return preferred
        raise AppImportError(
            f"{file}: defines several Apps; name the one to run `app`."
        )
    return apps[0]


def _user_traceback(error: BaseException) -> str:
    """The traceback without the frames of the import machinery."""
    tb = error.__traceback__
    while tb is not None and (
        tb.tb_frame.f_code.co_filename == __file__
        or tb.tb_frame.f_code.co_filename.startswith("<frozen")
    ):
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def _forget_modules_in(folder: Path) -> None:
    """Drop modules loaded from `folder` so the next import reads them anew."""
    for name, module in list(sys.modules.items()):
        if name.startswith("rio_desktop"):
            continue  # never the framework, even when run from its checkout
        filename = getattr(module, "__file__", None)
        if not filename or "site-packages" in filename:
            continue
        try:
            if Path(filename).resolve().is_relative_to(folder):
                del sys.modules[name]
        except (OSError, ValueError):
            continue


def error_app(previous: App, summary: str, details: str) -> App:
    """An app showing only an error: what pages show while the code is broken.

    It keeps `previous`'s name, theme and assets, so the window title and
    colours stay while the user fixes the error.
    """
    from .components import ErrorPlaceholder

    def build() -> ErrorPlaceholder:
        return ErrorPlaceholder(
            summary=f"{summary}. Fix it and save: the app reloads.", details=details
        )

    return App(
        build=build,
        name=previous.name,
        theme=previous.theme,
        assets_dir=previous.assets_dir,
        icon=previous.icon,
    )


class FileWatcher:
    """Tells whether any file under a folder changed since the last look.

    Polls modification times and sizes; ignores caches, virtual environments,
    build output and hidden folders.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._snapshot = self.snapshot()

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """path -> (mtime_ns, size) of every watched file."""
        result: dict[str, tuple[int, int]] = {}
        stack = [str(self.folder)]
        while stack and len(result) < MAX_FILES:
            current = stack.pop()
            try:
                entries = list(os.scandir(current))
            except OSError:
                continue
            for entry in entries:
                name = entry.name
                if name.startswith(".") or name in IGNORED_DIRS:
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                    elif not name.endswith((".pyc", ".pyo", "~", ".swp")):
                        stat = entry.stat()
                        result[entry.path] = (stat.st_mtime_ns, stat.st_size)
                except OSError:
                    continue
        return result

    def changed(self) -> bool:
        """True if a file was added, removed or modified since the last call."""
        snapshot = self.snapshot()
        if snapshot == self._snapshot:
            return False
        self._snapshot = snapshot
        return True


class Reloader:
    """Re-imports the app when its folder changes and updates running servers.

    Args:
        file: The app's Python file.
        app: The app imported from it at start.
        interval: Seconds between two looks at the folder.
        servers: Returns the servers to update; default: every `AppServer`
            this process started (`server.running_servers`).
        on_reload: Called (in the watcher thread) with the new app after each
            reload; an error app when the code is broken.
    """

    def __init__(
        self,
        file: str | Path,
        app: App,
        *,
        interval: float = 0.25,
        servers: Callable[[], Iterable[AppServer]] | None = None,
        on_reload: Callable[[App], None] | None = None,
    ) -> None:
        self.file = Path(file)
        self.app = app
        self.interval = interval
        self._servers = servers or _running_servers
        self._on_reload = on_reload
        self._watcher = FileWatcher(self.file.resolve().parent)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def folder(self) -> Path:
        return self._watcher.folder

    def start(self) -> None:
        """Start watching in a daemon thread."""
        self._thread = threading.Thread(
            target=self._run, name="rio-desktop reload", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop watching; returns once the thread has ended."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            if not self._watcher.changed():
                continue
            # Editors save in steps: wait until the folder is quiet.
            time.sleep(self.interval / 2)
            while self._watcher.changed():
                time.sleep(self.interval / 2)
            try:
                self.reload()
            except Exception:
                log.exception("Reloading %s failed", self.file)

    def reload(self) -> App:
        """Re-import the app now and show it in every running server's pages."""
        started = time.perf_counter()
        try:
            app = import_app(self.file)
        except AppImportError as error:
            log.error(
                "%s; the app shows the error until the next save.\n%s",
                error,
                error.details.rstrip(),
            )
            app = error_app(self.app, str(error), error.details)
        else:
            self.app = app
            log.info("Reloaded %s", self.file.name)
        import asyncio

        for server in self._servers():
            if server.loop is None or server.loop.is_closed():
                continue
            future = asyncio.run_coroutine_threadsafe(
                server.replace_app(app), server.loop
            )
            future.result(30)
        log.debug("Reload took %.0f ms", (time.perf_counter() - started) * 1000)
        if self._on_reload is not None:
            self._on_reload(app)
        return app


def _running_servers() -> Iterable[AppServer]:
    # Imported when needed: the window's process starts sooner when the
    # server's modules are not loaded before it.
    from .server import running_servers

    return running_servers()

"""App: the configuration of an application and its entry points."""

from __future__ import annotations

import copy
import datetime
import inspect
import logging
import os
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .component import Component
from .theme import Theme
from .user_settings import UserSettings

if TYPE_CHECKING:
    from aiohttp import web
    from yarl import URL

    from ._single_instance import SecondInstanceEvent
    from .menu import Menu, TrayIcon
    from .session import Session

__all__ = ["App"]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The description in the page's <head> when the app gives none.
DEFAULT_DESCRIPTION = "An app made with rio-desktop"


def _default_connection_lost_message() -> Component:
    from ._app_root import default_connection_lost_message

    return default_connection_lost_message()


class App:
    """A rio-desktop application.

    Args:
        build: A component class (or any function returning a component) that
            builds each session's root. Without it the app shows its pages:
            with one page just that page, with more a navigation sidebar
            next to a `PageView`.
        name: The app's name: the window title and the folder its settings
            are kept in. Defaults to the name of the file that creates the
            App (its folder's name for ``__init__.py``, ``main.py`` and
            ``__main__.py``): ``my_app.py`` -> "My App".
        description: A short description, for the page's
            ``<meta name="description">`` (search engines, link previews).
        icon: The window and tab icon: a path to an image file, the image's
            bytes, or a PIL image.
        pages: The pages of a multi-page app: `ComponentPage`s, `Redirect`s
            or ``@rio.page`` classes; or a folder to find ``@rio.page``
            classes in. By default they come from the ``pages`` package next
            to the module that creates the App.
        on_app_start, on_app_close: Called with the app.
        on_session_start, on_session_close: Called with the session.
        default_attachments: Values attached to every new session. The
            sessions share them (the same objects), except `UserSettings`,
            which each session gets its own copy of.
        ping_pong_interval: How often the server pings the page (seconds or
            a timedelta), so proxies keep an idle connection open and a dead
            one is noticed.
        assets_dir: The folder `session.assets` and `url_for_asset` use;
            relative paths are resolved against the calling module's folder.
        theme: A `Theme`, or a (light, dark) pair picked by the client's
            preference. Default: Rio's light theme.
        build_connection_lost_message: Builds the component the page shows
            while its connection to the server is lost (built in advance).
        meta_tags: More ``<meta name=... content=...>`` tags for the page's
            ``<head>``; they override the ones the app writes itself.
        max_upload_size: The most bytes one `session.pick_file()` may upload
            when the app runs as a website (default 1 GiB). Uploads are
            streamed to temporary files, so this bounds disk use, not memory.
        on_second_instance: In a window: called when the same user starts
            the app again while it runs. That start opens no window (this
            one is raised, focused and un-minimized) and exits; its command
            line and working directory come here as a `SecondInstanceEvent`
            (``event.argv``, ``event.cwd``, a `Path`). Sync or async, run on
            the app's event loop like the other handlers; an exception is
            logged. Turn single instance off with
            ``run_in_window(single_instance=False)``.
        menu: The window's native menu bar: a list of `rio.Menu`s (so that
            ``rio-desktop run`` shows it too); `run_in_window(menu=...)`
            overrides it. A website leaves it out.
        tray: A `rio.TrayIcon` in the desktop's tray while the window runs;
            `run_in_window(tray=...)` overrides it. A website leaves it out.

    Example:
        ```python
        app = rio.App(build=Counter, name="Counter")
        app.run_in_window()
        ```
    """

    def __init__(
        self,
        *,
        build: Callable[[], Component] | None = None,
        name: str | None = None,
        description: str | None = None,
        icon: str | os.PathLike[str] | bytes | Any | None = None,
        pages: Iterable[Any] | os.PathLike[str] | str | None = None,
        on_app_start: Callable[[App], Any] | None = None,
        on_app_close: Callable[[App], Any] | None = None,
        on_session_start: Callable[[Session], Any] | None = None,
        on_session_close: Callable[[Session], Any] | None = None,
        default_attachments: Iterable[Any] = (),
        ping_pong_interval: float | datetime.timedelta = datetime.timedelta(seconds=50),
        assets_dir: str | os.PathLike[str] | None = None,
        theme: Theme | tuple[Theme, Theme] | None = None,
        build_connection_lost_message: Callable[
            [], Component
        ] = _default_connection_lost_message,
        meta_tags: dict[str, str] | None = None,
        max_upload_size: int = 1024**3,
        on_second_instance: Callable[[SecondInstanceEvent], Any] | None = None,
        menu: list[Menu] | None = None,
        tray: TrayIcon | None = None,
    ) -> None:
        if build is not None and not callable(build):
            raise TypeError(
                "App(build=...) takes a component class or a function returning"
                f" a component, not {type(build).__name__}"
            )
        if not callable(build_connection_lost_message):
            raise TypeError(
                "App(build_connection_lost_message=...) takes a function"
                " returning a component"
            )
        self.default_attachments: list[Any] = []
        for attachment in default_attachments:
            self.add_default_attachment(attachment)
        caller = _calling_module()
        base_dir = _module_dir(caller)
        self.build = build
        self.name = name if name is not None else _name_from_module(caller)
        self.description = DEFAULT_DESCRIPTION if description is None else description
        self.meta_tags = {str(k): str(v) for k, v in (meta_tags or {}).items()}
        self.theme = theme if theme is not None else Theme.from_colors()
        assets = Path(assets_dir) if assets_dir is not None else Path("assets")
        self.assets_dir = assets if assets.is_absolute() else base_dir / assets
        self._icon_path, self._icon_bytes = _icon_from(icon)
        self._icon_file: Path | None = None
        self.on_session_start = on_session_start
        self.on_session_close = on_session_close
        self.on_app_start = on_app_start
        self.on_app_close = on_app_close
        self.on_second_instance = on_second_instance
        self.build_connection_lost_message = build_connection_lost_message
        if isinstance(ping_pong_interval, datetime.timedelta):
            self.ping_pong_interval = ping_pong_interval
        else:
            self.ping_pong_interval = datetime.timedelta(seconds=ping_pong_interval)
        if self.ping_pong_interval.total_seconds() <= 0:
            raise ValueError("App(ping_pong_interval=...) must be positive")
        self.max_upload_size = max_upload_size
        self.pages = _pages_from(pages, caller, base_dir)
        if menu is not None or tray is not None:
            from .menu import check_menu_bar, check_tray

            menu = check_menu_bar(menu, "App(menu=...)")
            tray = check_tray(tray, "App(tray=...)")
        self.menu = menu
        self.tray = tray

    # --- attachments ----------------------------------------------------------

    def add_default_attachment(self, attachment: Any, /) -> None:
        """Attach `attachment` to every session started from now on.

        Sessions share the object itself (a database pool, a lock...), except
        `UserSettings`, which each session gets its own copy of.

        Raises:
            TypeError: If `attachment` is a class rather than an instance.
        """
        if isinstance(attachment, type):
            raise TypeError(
                "Default attachments are instances, not classes: did you mean"
                f" {attachment.__name__}()?"
            )
        self.default_attachments.append(attachment)

    def __getitem__(self, key: type[T], /) -> T:
        """The default attachment of type `key` (KeyError if there is none)."""
        for attachment in self.default_attachments:
            if isinstance(attachment, key):
                return attachment
        raise KeyError(key)

    # --- pages ----------------------------------------------------------------

    def iter_page_urls(self, *, include_redirects: bool = False) -> Iterator[str]:
        """Every URL path (relative, without leading slash) that shows a page:
        for a sitemap, or to test that every page builds.

        Pages with path parameters are listed once per combination of values
        when each parameter has few (bool, Literal), else left out.
        """
        from .routing import iter_page_urls

        return iter_page_urls(self.pages, include_redirects=include_redirects)

    def _iter_page_urls(self, *, include_redirects: bool) -> Iterator[str]:
        # Rio's name for it.
        return self.iter_page_urls(include_redirects=include_redirects)

    # --- entry points ---------------------------------------------------------

    def as_aiohttp_app(self, **server_options: Any) -> web.Application:
        """Return an aiohttp `Application` serving this app as a website.

        Use it to deploy with an existing engine, e.g. gunicorn's aiohttp
        worker: ``gunicorn mymodule:web_app --worker-class
        aiohttp.GunicornWebWorker`` where ``web_app = app.as_aiohttp_app()``.
        Every worker (and machine) of the site needs the same secret in
        ``RIO_DESKTOP_SECRET_KEY``: it signs the page tokens, so that any
        worker can start the session of a page another one served.
        """
        from .menu import note_website
        from .server import AppServer
        from .server.security import deployment_key, shared_key

        note_website(self)
        server_options.setdefault("signing_key", deployment_key())
        # Workers sharing a key relay one-time URLs to each other.
        server_options.setdefault("relay", shared_key() is not None)
        return AppServer(self, **server_options).aiohttp_app

    def as_fastapi(self, *, base_url: URL | str | None = None) -> Any:
        """Not available: rio-desktop serves apps with aiohttp, not FastAPI.

        Raises:
            NotImplementedError: Always; it says to use `as_aiohttp_app()`.
        """
        raise NotImplementedError(
            "rio-desktop serves apps with aiohttp, not FastAPI: use"
            " `web_app = app.as_aiohttp_app()` instead of app.as_fastapi(), and"
            " deploy it with gunicorn's aiohttp worker:"
            " `gunicorn mymodule:web_app --worker-class aiohttp.GunicornWebWorker`"
            " (or `python -m aiohttp.web` / aiohttp.web.run_app(web_app))."
        )

    def run_as_web_server(
        self,
        *,
        host: str = "localhost",
        port: int = 8000,
        quiet: bool = False,
        base_url: URL | str | None = None,
    ) -> None:
        """Serve the app as a website until Ctrl+C. Blocks.

        Args:
            host: The address to listen on; "0.0.0.0" for every interface.
            port: The port to listen on.
            quiet: Print no routine messages (errors are still logged).
            base_url: The public URL the app is reached at, when a reverse
                proxy serves it under a sub-path and strips that prefix
                before forwarding (``"https://example.com/myapp/"``).
        """
        self._serve(host, port, quiet=quiet, base_url=base_url, open_browser=False)

    def run_in_browser(
        self,
        *,
        host: str = "localhost",
        port: int | None = None,
        quiet: bool = False,
    ) -> None:
        """Serve the app and open it in the default web browser. Blocks
        until Ctrl+C.

        Args:
            host: The address to listen on.
            port: The port; None picks a free one.
            quiet: Print no routine messages (errors are still logged).
        """
        self._serve(host, port or 0, quiet=quiet, base_url=None, open_browser=True)

    def _serve(
        self,
        host: str,
        port: int,
        *,
        quiet: bool,
        base_url: URL | str | None,
        open_browser: bool,
    ) -> None:
        import asyncio

        from .menu import note_website
        from .server import serve_forever

        note_website(self)
        try:
            asyncio.run(
                serve_forever(
                    self,
                    host,
                    port,
                    quiet=quiet,
                    base_url=base_url,
                    open_browser=open_browser,
                )
            )
        except KeyboardInterrupt:
            pass

    def run_in_window(
        self,
        *,
        quiet: bool = True,
        maximized: bool = False,
        fullscreen: bool = False,
        width: float | None = None,
        height: float | None = None,
        backend: str | None = None,
        single_instance: bool = True,
        **window_options: Any,
    ) -> None:
        """Open the app in a native window; returns when it is closed.

        Args:
            quiet: If False, print a line saying where the app is served.
            maximized: Start maximized.
            fullscreen: Start full screen.
            width, height: The first size, in font-heights (later starts
                restore the size the user left the window at).
            backend: "qt" or "gtk" on Linux; None picks the default.
            single_instance: One running copy per user (the default): a
                second start raises this window, hands its command line to
                `on_second_instance` and exits 0. False lets every start open
                its own window (they share the settings file).
            window_options: More options of `rio_desktop.desktop.run_in_window`
                (min_width, min_height, icon, title, debug, menu, tray).
        """
        try:
            from .desktop import run_in_window
        except ImportError as error:  # the window runtime is not installed
            raise SystemExit(
                f"Cannot open a window: {error}. Install the window extra:"
                " pip install 'rio-desktop[qt]'"
            ) from None
        run_in_window(
            self,
            quiet=quiet,
            maximized=maximized,
            fullscreen=fullscreen,
            width=width,
            height=height,
            backend=backend,
            single_instance=single_instance,
            **window_options,
        )

    # --- internals -----------------------------------------------------------

    @property
    def icon(self) -> Path | None:
        """The icon as an image file (icons given as bytes are written to a
        temporary file on first use)."""
        if self._icon_path is None and self._icon_bytes is not None:
            if self._icon_file is None:
                import atexit
                import tempfile

                with tempfile.NamedTemporaryFile(
                    prefix="rio-desktop-icon-", suffix=".png", delete=False
                ) as file:
                    file.write(self._icon_bytes)
                self._icon_file = Path(file.name)
                atexit.register(self._icon_file.unlink, missing_ok=True)
            return self._icon_file
        return self._icon_path

    def _build_content(self) -> Component:
        from ._app_root import DefaultRootComponent, RootContent, build_connection_lost

        content = self.build() if self.build is not None else DefaultRootComponent()
        return RootContent(
            content=content,
            connection_lost=build_connection_lost(self.build_connection_lost_message),
        )

    def _theme_for(self, *, prefers_dark: bool) -> Theme:
        if isinstance(self.theme, tuple):
            light, dark = self.theme
            return dark if prefers_dark else light
        return self.theme

    def _new_attachments(self) -> list[Any]:
        # Shared objects; UserSettings hold one session's (device's) values.
        return [
            copy.deepcopy(value) if isinstance(value, UserSettings) else value
            for value in self.default_attachments
        ]

    async def _call_hook(self, hook: Callable[..., Any] | None, arg: Any) -> None:
        if hook is None:
            return
        try:
            result = hook(arg)
            if inspect.isawaitable(result):
                await result
        except Exception:
            log.exception("%s raised", getattr(hook, "__name__", hook))


def _calling_module() -> types.ModuleType | None:
    """The module whose code created the App (rio_desktop's own frames skipped)."""
    frame = inspect.currentframe()
    try:
        while frame is not None:
            name = frame.f_globals.get("__name__", "")
            if not (name == "rio_desktop" or name.startswith("rio_desktop.")) and (
                name != "functools"
            ):
                module = sys.modules.get(name)
                if module is None or getattr(module, "__dict__", None) is not (
                    frame.f_globals
                ):
                    # Code run from a file without a module (exec, runpy).
                    module = types.ModuleType(name)
                    module.__file__ = frame.f_globals.get("__file__")
                return module
            frame = frame.f_back
        return None
    finally:
        del frame


def _module_dir(module: types.ModuleType | None) -> Path:
    filename = getattr(module, "__file__", None)
    if filename:
        return Path(filename).resolve().parent
    return Path.cwd()


def _name_from_module(module: types.ModuleType | None) -> str:
    filename = getattr(module, "__file__", None)
    if not filename:
        return "rio-desktop app"
    path = Path(filename).resolve()
    stem = path.stem
    if stem in ("main", "__main__", "__init__"):
        stem = path.parent.name
    return stem.replace("_", " ").title()


def _pages_from(
    pages: Iterable[Any] | os.PathLike[str] | str | None,
    caller: types.ModuleType | None,
    base_dir: Path,
) -> list[Any]:
    if pages is None:
        folder = base_dir / "pages"
        if not folder.is_dir():
            return []
        return _discover(folder, _pages_package(caller))
    if isinstance(pages, (str, os.PathLike)):
        folder = Path(pages)
        if not folder.is_absolute():
            folder = base_dir / folder
        if not folder.is_dir():
            raise FileNotFoundError(
                f"App(pages={str(pages)!r}): there is no folder {folder}"
            )
        package = _pages_package(caller) if folder == base_dir / "pages" else None
        return _discover(folder, package)
    pages = list(pages)
    if not pages:  # (routing's imports can wait until a session needs them)
        return []
    from .routing import as_pages

    return as_pages(pages)


def _discover(folder: Path, package: str | None) -> list[Any]:
    from ._page_discovery import discover_pages

    return discover_pages(folder, package)


def _pages_package(caller: types.ModuleType | None) -> str | None:
    """The module name the pages folder next to `caller` imports as: the
    caller's package + ".pages", so the pages' relative imports work."""
    if caller is None:
        return None
    package = getattr(caller, "__package__", None)
    if package is None:  # no import system information: derive it
        name = caller.__name__
        filename = getattr(caller, "__file__", None) or ""
        is_init = Path(filename).name == "__init__.py"
        package = name if is_init else name.rpartition(".")[0]
    return f"{package}.pages" if package else "pages"


def _icon_from(icon: Any) -> tuple[Path | None, bytes | None]:
    if icon is None:
        return None, None
    if isinstance(icon, (bytes, bytearray, memoryview)):
        return None, bytes(icon)
    if isinstance(icon, (str, os.PathLike)):
        text = os.fspath(icon)
        if "://" in str(text):
            raise ValueError(
                f"App(icon={text!r}): an icon URL is not fetched; download the"
                " image and pass its path or bytes"
            )
        return Path(text), None
    if hasattr(icon, "save"):  # a PIL image
        import io

        buffer = io.BytesIO()
        icon.save(buffer, format="PNG")
        return None, buffer.getvalue()
    raise TypeError(
        "App(icon=...) takes a path to an image, the image's bytes or a PIL"
        f" image, not {type(icon).__name__}"
    )

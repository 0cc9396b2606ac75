"""App: the configuration of an application and its entry points."""

from __future__ import annotations

import copy
import inspect
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .component import Component
from .theme import Theme

if TYPE_CHECKING:
    from aiohttp import web

    from .session import Session

__all__ = ["App"]

log = logging.getLogger(__name__)


class App:
    """A rio-desktop application.

    Args:
        build: A component class (or any function returning a component) that
            builds each session's root.
        name: The app's name: the window title and the folder its settings
            are kept in. Defaults to the name of `build`.
        pages: Pages for multi-page apps (see `ComponentPage`).
        theme: A `Theme`, or a (light, dark) pair picked by the client's
            preference.
        assets_dir: The folder `session.assets` and `url_for_asset` use;
            relative paths are resolved against the calling module's folder.
        icon: The window icon (a path to an image).
        default_attachments: Values attached to every new session (each
            session gets its own copy).
        on_session_start, on_session_close: Called with the session.
        on_app_start, on_app_close: Called with the app.
        max_upload_size: The most bytes one `session.pick_file()` may upload
            when the app runs as a website (default 1 GiB). Uploads are
            streamed to temporary files, so this bounds disk use, not memory.

    Example:
        ```python
        app = rio.App(build=Counter, name="Counter")
        app.run_in_window()
        ```
    """

    def __init__(
        self,
        build: Callable[[], Component] | None = None,
        *,
        name: str | None = None,
        pages: Iterable[Any] = (),
        theme: Theme | tuple[Theme, Theme] | None = None,
        assets_dir: str | Path | None = None,
        icon: str | Path | None = None,
        default_attachments: Iterable[Any] = (),
        on_session_start: Callable[[Session], Any] | None = None,
        on_session_close: Callable[[Session], Any] | None = None,
        on_app_start: Callable[[App], Any] | None = None,
        on_app_close: Callable[[App], Any] | None = None,
        max_upload_size: int = 1024**3,
    ) -> None:
        self.pages = _as_pages(pages)
        if build is None and not self.pages:
            raise TypeError(
                "App() needs something to show: pass build=YourComponent or pages=[...]"
            )
        if build is not None and not callable(build):
            raise TypeError(
                "App(build=...) takes a component class or a function returning"
                f" a component, not {type(build).__name__}"
            )
        self.build = build
        self.name = name or _name_from(build) or "rio-desktop app"
        self.theme = theme if theme is not None else Theme.pair_from_colors()
        caller_dir = _caller_dir()
        if assets_dir is None:
            assets = caller_dir / "assets"
        else:
            assets = Path(assets_dir)
            if not assets.is_absolute():
                assets = caller_dir / assets
        self.assets_dir = assets
        self.icon = Path(icon) if icon is not None else None
        self.default_attachments = tuple(default_attachments)
        self.on_session_start = on_session_start
        self.on_session_close = on_session_close
        self.on_app_start = on_app_start
        self.on_app_close = on_app_close
        self.max_upload_size = max_upload_size

    # --- entry points ---------------------------------------------------------

    def as_aiohttp_app(self, **server_options: Any) -> web.Application:
        """Return an aiohttp `Application` serving this app as a website.

        Use it to deploy with an existing engine, e.g. gunicorn's aiohttp
        worker: ``gunicorn mymodule:web_app --worker-class
        aiohttp.GunicornWebWorker`` where ``web_app = app.as_aiohttp_app()``.
        """
        from .server import AppServer

        return AppServer(self, **server_options).aiohttp_app

    def run_as_web_server(
        self, host: str = "127.0.0.1", port: int = 8000, *, quiet: bool = False
    ) -> None:
        """Serve the app as a website until Ctrl+C. Blocks."""
        import asyncio

        from .server import serve_forever

        try:
            asyncio.run(serve_forever(self, host, port, quiet=quiet))
        except KeyboardInterrupt:
            pass

    def run_in_window(self, **window_options: Any) -> None:
        """Open the app in a native window; returns when it is closed."""
        try:
            from .desktop import run_in_window
        except ImportError as error:  # the window runtime is not installed
            raise SystemExit(
                f"Cannot open a window: {error}. Install the window extra:"
                " pip install 'rio-desktop[qt]'"
            ) from None
        run_in_window(self, **window_options)

    # --- internals -----------------------------------------------------------

    def _build_content(self) -> Component:
        if self.build is not None:
            return self.build()
        from .routing import PageView

        return PageView()

    def _theme_for(self, *, prefers_dark: bool) -> Theme:
        if isinstance(self.theme, tuple):
            light, dark = self.theme
            return dark if prefers_dark else light
        return self.theme

    def _new_attachments(self) -> list[Any]:
        return [copy.deepcopy(value) for value in self.default_attachments]

    async def _call_hook(self, hook: Callable[..., Any] | None, arg: Any) -> None:
        if hook is None:
            return
        try:
            result = hook(arg)
            if inspect.isawaitable(result):
                await result
        except Exception:
            log.exception("%s raised", getattr(hook, "__name__", hook))


def _name_from(build: Any) -> str | None:
    name = getattr(build, "__name__", None)
    if not name or name == "<lambda>":
        return None
    # "MyCoolApp" -> "My Cool App"
    words = ""
    for index, char in enumerate(name):
        if char.isupper() and index and not name[index - 1].isupper():
            words += " "
        words += char
    return words.replace("_", " ").strip()


def _caller_dir() -> Path:
    frame = inspect.currentframe()
    try:
        caller = frame.f_back.f_back if frame and frame.f_back else None
        filename = caller.f_globals.get("__file__") if caller else None
    finally:
        del frame
    if filename:
        return Path(filename).resolve().parent
    return Path(sys.path[0] or ".").resolve()


def _as_pages(pages: Iterable[Any]) -> tuple[Any, ...]:
    pages = tuple(pages)
    if not pages:  # (routing's imports can wait until a session needs them)
        return ()
    from .routing import as_pages

    return as_pages(pages)

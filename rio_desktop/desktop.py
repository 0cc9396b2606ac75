"""The desktop runtime: a native pywebview window on a private loopback server.

Threads: the GUI toolkit's loop owns the main thread (pywebview requires it).
The aiohttp `AppServer` and every session run in one asyncio loop on a
background thread ("rio-desktop server"). Native calls made by sessions (file
dialogs, clipboard, title) go through `WindowHost`, which runs them in worker
threads and awaits them.

Security: the server binds 127.0.0.1 on a port the OS picks and keeps that
socket; a per-launch secret is required on every route (the window's first
URL carries it, then a cookie); `Host` and websocket `Origin` must be that
address. A second per-launch token, also carried only by the window's first
URL, marks the one session that gets a `WindowHost` (`running_in_window`).

Shutdown: when the GUI loop returns (window closed, `session.close()`,
Ctrl+C, SIGTERM), the server is closed on its loop: sessions close
(`on_session_close`), `on_app_close` runs, settings are flushed; then the
loop stops and its thread is joined.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import os
import secrets
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .hosts.browser import BrowserHost
from .hosts.window import WindowHost
from .user_settings import SettingsStore, settings_dir, write_json_atomically

if TYPE_CHECKING:
    from aiohttp import web

    from . import protocol
    from .app import App
    from .hosts.base import Host
    from .server import AppServer

__all__ = ["run_in_window", "window_unavailable_reason"]

log = logging.getLogger(__name__)

#: Pixels per font-height: the page's default 1rem.
UNIT_PIXELS = 16
WINDOW_COOKIE = "rio_desktop_window"
WINDOW_QUERY = "rio_window"
#: How long shutting down the server may take before we give up on it.
SHUTDOWN_TIMEOUT = 1.5
DEFAULT_SIZE = (800, 600)

_QT_INSTALL = "pip install 'rio-desktop[qt]'"
_GTK_INSTALL = (
    "pip install 'rio-desktop[gtk]' (and WebKitGTK: sudo apt install"
    " gir1.2-webkit2-4.1)"
)


def window_unavailable_reason(backend: str | None = None) -> str | None:
    """Why a native window cannot be opened here, or None if it can.

    Checks without opening anything or importing the GUI toolkit: that
    pywebview and the backend's packages are installed and, on Linux, that
    there is a display.

    Args:
        backend: "qt", "gtk", or None for the platform's default.

    Returns:
        None when a window can be opened; otherwise one sentence saying why
        and what to install or do.
    """
    if importlib.util.find_spec("webview") is None:
        return f"pywebview is not installed: {_QT_INSTALL}"
    if backend not in (None, "qt", "gtk", "cef", "edgechromium", "cocoa"):
        return (
            f"Unknown window backend {backend!r}: use 'qt' or 'gtk' (Linux),"
            " or leave it out for the platform's default."
        )
    if not sys.platform.startswith("linux"):
        return None
    headless_qt = os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    if not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or headless_qt
    ):
        return (
            "There is no display (neither DISPLAY nor WAYLAND_DISPLAY is set):"
            " run it in a desktop session, or serve it as a website."
        )
    chosen = backend or _default_linux_backend()
    if chosen == "qt" and not _has_qt():
        return f"The Qt window backend is not installed: {_QT_INSTALL}"
    if chosen == "gtk" and not _has_module("gi"):
        return f"The GTK window backend is not installed: {_GTK_INSTALL}"
    if chosen is None:
        return f"No window backend is installed: {_QT_INSTALL}"
    return None


def _has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _has_qt() -> bool:
    if not _has_module("qtpy"):
        return False
    return any(
        _has_module(f"{binding}.QtWebEngineWidgets")
        for binding in ("PyQt6", "PySide6", "PyQt5", "PySide2")
    )


def _default_linux_backend() -> str | None:
    if _has_qt():
        return "qt"
    if _has_module("gi"):
        return "gtk"
    return None


def run_in_window(
    app: App,
    *,
    width: float | None = None,
    height: float | None = None,
    min_width: float | None = None,
    min_height: float | None = None,
    maximized: bool = False,
    fullscreen: bool = False,
    icon: str | Path | None = None,
    title: str | None = None,
    backend: str | None = None,
    debug: bool = False,
) -> None:
    """Open `app` in a native window; return once it is closed.

    Sizes are in font-heights (1 = one line of default text, 16 pixels). The
    window's size, position and maximized state are remembered per app and
    restored on the next start; `width`/`height` only apply to the first.

    Args:
        app: The app to show.
        width, height: The initial size (default 50 x 37.5).
        min_width, min_height: The smallest size the user can make it.
        maximized: Start maximized.
        fullscreen: Start full screen.
        icon: The window icon; defaults to `App(icon=...)`.
        title: The window title; defaults to the app's name.
        backend: "qt" or "gtk" on Linux; None picks the platform's default.
        debug: Enable the web inspector.

    Raises:
        SystemExit: With one line saying what to install or do, when no
            window can be opened here (no display, backend missing).
    """
    reason = window_unavailable_reason(backend)
    if reason is not None:
        raise SystemExit(f"Cannot open a window: {reason}")
    runtime = _WindowRuntime(
        app,
        width=width,
        height=height,
        min_width=min_width,
        min_height=min_height,
        maximized=maximized,
        fullscreen=fullscreen,
        icon=icon,
        title=title,
        backend=backend or (_default_linux_backend() if _is_linux() else None),
        debug=debug,
    )
    runtime.run()


def _is_linux() -> bool:
    return sys.platform.startswith("linux")


class _Geometry:
    """The window's normal size and position, and whether it is maximized."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.width: int | None = None
        self.height: int | None = None
        self.x: int | None = None
        self.y: int | None = None
        self.maximized = False
        self.loaded = False
        try:
            data = json.loads(path.read_text("utf-8"))
            self.width, self.height = int(data["width"]), int(data["height"])
            if data.get("x") is not None and data.get("y") is not None:
                self.x, self.y = int(data["x"]), int(data["y"])
            self.maximized = bool(data.get("maximized", False))
            self.loaded = self.width > 0 and self.height > 0
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("Ignoring the saved window geometry in %s: %s", path, error)

    def resized(self, width: int, height: int) -> None:
        with self.lock:
            if not self.maximized:
                self.width, self.height = width, height

    def moved(self, x: int, y: int) -> None:
        with self.lock:
            if not self.maximized:
                self.x, self.y = x, y

    def set_maximized(self, maximized: bool) -> None:
        with self.lock:
            self.maximized = maximized

    def save(self) -> None:
        with self.lock:
            if self.width is None or self.height is None:
                return
            data = {
                "width": self.width,
                "height": self.height,
                "x": self.x,
                "y": self.y,
                "maximized": self.maximized,
            }
        try:
            write_json_atomically(self.path, data)
        except OSError as error:
            log.warning(
                "Could not save the window geometry to %s: %s", self.path, error
            )


class _WindowRuntime:
    """One run of `run_in_window`: server thread, window, shutdown."""

    def __init__(self, app: App, **options: Any) -> None:
        self.app = app
        self.options = options
        self.secret = secrets.token_urlsafe(32)
        self.window_token = secrets.token_urlsafe(24)
        data_dir = settings_dir(app.name)
        self.settings = SettingsStore(data_dir / "settings.json")
        self.geometry = _Geometry(data_dir / "window.json")
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(
            target=self._run_loop, name="rio-desktop server", daemon=True
        )
        self.server: AppServer | None = None
        self.window: Any = None
        self._closing = threading.Event()
        self._server_error: BaseException | None = None

    # --- the server thread ------------------------------------------------------

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def _call(self, coro: Any, timeout: float) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    async def _start_server(self, sock: socket.socket) -> int:
        from aiohttp import web

        from .server import AppServer

        port = sock.getsockname()[1]
        server = AppServer(
            self.app,
            secret=self.secret,
            allowed_hosts={f"127.0.0.1:{port}"},
            host_factory=self._make_host,
            host_types=(WindowHost, BrowserHost),
        )

        @web.middleware
        async def window_token_to_cookie(
            request: web.Request, handler: Callable[[web.Request], Any]
        ) -> web.StreamResponse:
            # Runs after the secret check: trade the window token in the URL
            # for a cookie; the page removes it from its address.
            token = request.query.get(WINDOW_QUERY)
            if token is None or request.path.endswith("/rio-desktop/ws"):
                return await handler(request)
            response = await handler(request)
            response.set_cookie(WINDOW_COOKIE, token, httponly=True, samesite="Strict")
            return response

        server.aiohttp_app.middlewares.append(window_token_to_cookie)
        server.credential_params.add(WINDOW_QUERY)
        self.server = server
        return await server.start(sock=sock)

    def _await_server(self, started: Any) -> None:
        """In a pywebview thread: make sure the server came up."""
        try:
            started.result(30)
        except BaseException as error:
            self._server_error = error
            log.error("The app's server did not start: %r", error)
            self.close_window()

    def _make_host(self, request: web.Request, hello: protocol.Hello) -> Host:
        import hmac

        token = request.cookies.get(WINDOW_COOKIE, "")
        if self.window is not None and hmac.compare_digest(token, self.window_token):
            return WindowHost(
                self.window, settings_store=self.settings, on_close=self.close_window
            )
        return BrowserHost()

    async def _stop_server(self) -> None:
        if self.server is not None:
            await self.server.close()
        self.settings.flush()
        # aiohttp reads files in the loop's default executor: end its threads.
        await asyncio.get_running_loop().shutdown_default_executor()

    # --- the window -----------------------------------------------------------

    def close_window(self) -> None:
        """Close the window (from any thread); the app then shuts down."""
        if self._closing.is_set():
            return
        self._closing.set()
        window = self.window
        if window is not None:
            threading.Thread(
                target=window.destroy, name="rio-desktop close", daemon=True
            ).start()

    def _window_size(self) -> tuple[int, int]:
        if self.geometry.loaded:
            return self.geometry.width or 0, self.geometry.height or 0
        width = self.options["width"]
        height = self.options["height"]
        return (
            round(width * UNIT_PIXELS) if width else DEFAULT_SIZE[0],
            round(height * UNIT_PIXELS) if height else DEFAULT_SIZE[1],
        )

    def _on_shown(self) -> None:
        """Move a window restored onto a screen that is gone to the centre."""
        import webview

        geometry = self.geometry
        if not geometry.loaded or geometry.x is None or geometry.y is None:
            return
        try:
            screens = webview.screens
        except Exception:  # the backend cannot list screens: trust the position
            return
        x, y = geometry.x, geometry.y
        for screen in screens:
            if (
                screen.x <= x < screen.x + screen.width
                and screen.y <= y < screen.y + screen.height
            ):
                return
        if screens:
            screen = screens[0]
            width, height = self._window_size()
            self.window.move(
                screen.x + max(0, (screen.width - width) // 2),
                screen.y + max(0, (screen.height - height) // 2),
            )

    def run(self) -> None:
        options = self.options
        # Bind and listen now, so that the window (whose start-up takes
        # longest) can be created at once; the page's first request waits in
        # the socket's backlog until the server, starting on its own thread
        # meanwhile, accepts it.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(128)
        port = sock.getsockname()[1]
        self.thread.start()
        started = asyncio.run_coroutine_threadsafe(self._start_server(sock), self.loop)
        url = (
            f"http://127.0.0.1:{port}/?secret={self.secret}"
            f"&{WINDOW_QUERY}={self.window_token}"
        )
        import webview

        width, height = self._window_size()
        min_size = (
            round(options["min_width"] * UNIT_PIXELS) if options["min_width"] else 200,
            round(options["min_height"] * UNIT_PIXELS)
            if options["min_height"]
            else 100,
        )
        geometry = self.geometry
        restore_position = geometry.loaded and geometry.x is not None
        with geometry.lock:
            geometry.width, geometry.height = width, height
        theme = self.app._theme_for(prefers_dark=False)
        background = _hex_color(getattr(theme, "background_color", None))
        self.window = webview.create_window(
            options["title"] or self.app.name,
            url,
            width=width,
            height=height,
            x=geometry.x if restore_position else None,
            y=geometry.y if restore_position else None,
            min_size=min_size,
            maximized=options["maximized"] or geometry.maximized,
            fullscreen=options["fullscreen"],
            background_color=background or "#FFFFFF",
            text_select=True,
        )
        events = self.window.events
        events.resized += geometry.resized
        events.moved += geometry.moved
        events.maximized += lambda: geometry.set_maximized(True)
        events.restored += lambda: geometry.set_maximized(False)
        events.shown += self._on_shown
        icon = options["icon"] or self.app.icon
        previous = self._install_signal_handlers()
        try:
            webview.start(
                self._await_server,
                (started,),
                gui=options["backend"],
                debug=options["debug"],
                private_mode=True,
                icon=str(icon) if icon else None,
            )
        finally:
            self._closing.set()
            self._restore_signal_handlers(previous)
            geometry.save()
            self._shutdown()
            sock.close()
        if self._server_error is not None:
            raise self._server_error

    # --- shutdown ----------------------------------------------------------------

    def _install_signal_handlers(self) -> dict[int, Any]:
        """Ctrl+C and SIGTERM close the window (and so the app)."""
        if threading.current_thread() is not threading.main_thread():
            return {}

        def handler(signum: int, frame: Any) -> None:
            self.close_window()

        previous: dict[int, Any] = {}
        for name in ("SIGINT", "SIGTERM"):
            number = getattr(signal, name, None)
            if number is not None:
                previous[number] = signal.signal(number, handler)
        return previous

    def _restore_signal_handlers(self, previous: dict[int, Any]) -> None:
        for number, old in previous.items():
            try:
                signal.signal(number, old)
            except (ValueError, TypeError):
                pass

    def _shutdown(self) -> None:
        started = time.monotonic()
        try:
            self._call(self._stop_server(), timeout=SHUTDOWN_TIMEOUT)
        except Exception as error:  # a hook hung or failed: still exit
            log.warning("The server did not shut down cleanly: %r", error)
            self.settings.flush()
        self._stop_loop()
        log.debug("Shut down in %.3f s", time.monotonic() - started)

    def _stop_loop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(2)
        if not self.thread.is_alive():
            self.loop.close()


def _hex_color(color: Any) -> str | None:
    """'#rrggbb' for a Color-like value (has .hex or .hex_rgb), else None."""
    for attribute in ("hex", "hex_rgb"):
        value = getattr(color, attribute, None)
        if isinstance(value, str):
            text = value if value.startswith("#") else "#" + value
            return text[:7] if len(text) >= 7 else None
    return None

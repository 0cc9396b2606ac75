"""The desktop runtime: a native pywebview window on a private loopback server.

Processes and threads: the window runs in its own process
(`window_process.WindowProcess`, started first), so that the GUI toolkit's
start-up and the server's run side by side. This process runs the aiohttp
`AppServer` and every session in one asyncio loop on a background thread
("rio-desktop server"); its main thread waits for the window to close. Native
calls made by sessions (file dialogs, title) go through `WindowHost`, which
sends them to the window's process from worker threads and awaits them.

Several windows: `session.open_window` opens another window of the app in
the same window process; each window's page is a session of its own, with a
`WindowHost` bound to that window. A window the user closes ends its
sessions; the app ends when its last window has closed.

Security: the server binds 127.0.0.1 on a port the OS picks and keeps that
socket; a per-launch secret is required on every route (each window's first
URL carries it, then a cookie); `Host` and websocket `Origin` must be that
address. Each window's first URL also carries a token of its own
(`?rio_window=`). The server answers a page loaded with a valid one with an
HttpOnly cookie that is the same for every window (`engine_token`: proof
that the page runs in our window engine); the page keeps its window's token
in sessionStorage (one per window, kept across reloads) and sends it in its
hello. Only a websocket with both gets a `WindowHost`, for the window its
token names; anything else (a browser with the secret) gets a `BrowserHost`.

Shutdown: when the last window closes (its close button, `session.close()`,
Ctrl+C, SIGTERM), the server is closed on its loop: sessions close
(`on_session_close`), `on_app_close` runs, settings are flushed; then the
loop stops, its thread is joined and the window's process is reaped.
"""

from __future__ import annotations

import functools
import hmac
import importlib.util
import logging
import os
import secrets
import signal
import socket
import sys
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._smoke import Smoke, report_failure, smoke_enabled, smoke_timeout
from ._window_failure import WindowUnavailableError, diagnose_failed_window, has_module
from .menu import AppShell
from .user_settings import SettingsStore, settings_dir
from .window_process import WindowOptions, WindowProcess, run_if_window_process

# What only the server needs (asyncio, aiohttp, the hosts) is imported after
# the window's process has been started, so that a forked window starts sooner.
if TYPE_CHECKING:
    import asyncio
    import concurrent.futures

    from aiohttp import web

    from . import protocol
    from ._single_instance import FirstInstance, SecondInstanceEvent
    from .app import App
    from .hosts.base import Host
    from .hosts.window import WindowHost
    from .menu import Menu, TrayIcon
    from .server import AppServer
    from .session import Session

__all__ = ["WindowUnavailableError", "run_in_window", "window_unavailable_reason"]

log = logging.getLogger(__name__)

#: Pixels per font-height: the page's default 1rem.
UNIT_PIXELS = 16
WINDOW_COOKIE = "rio_desktop_window"
WINDOW_QUERY = "rio_window"
#: How long shutting down the server may take before we give up on it.
SHUTDOWN_TIMEOUT = 1.5

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
        # A packaged app cannot be served as a website by its user.
        website = "" if getattr(sys, "frozen", False) else ", or serve it as a website"
        return (
            "There is no display (neither DISPLAY nor WAYLAND_DISPLAY is set):"
            f" run it in a desktop session{website}."
        )
    chosen = backend or _default_linux_backend()
    if chosen == "qt" and not _has_qt():
        return f"The Qt window backend is not installed: {_QT_INSTALL}"
    if chosen == "gtk" and not has_module("gi"):
        return f"The GTK window backend is not installed: {_GTK_INSTALL}"
    if chosen is None:
        return f"No window backend is installed: {_QT_INSTALL}"
    return None


def _has_qt() -> bool:
    if not has_module("qtpy"):
        return False
    return any(
        has_module(f"{binding}.QtWebEngineWidgets")
        for binding in ("PyQt6", "PySide6", "PyQt5", "PySide2")
    )


def _default_linux_backend() -> str | None:
    if _has_qt():
        return "qt"
    if has_module("gi"):
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
    on_window_started: Callable[[], None] | None = None,
    quiet: bool = True,
    single_instance: bool = True,
    menu: list[Menu] | None = None,
    tray: TrayIcon | None = None,
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
        on_window_started: Called once the window's process has started.
            Start threads there rather than before: where this process has
            threads, the window's process is a fresh interpreter (slower to
            start) instead of a fork.
        quiet: If False, print a line saying the app is running, and where
            its (secret-protected) server listens.
        single_instance: If True (the default), a second start of the app by
            the same user opens no window: it raises this one, hands its
            command line to `App(on_second_instance=...)` and exits 0.
        menu: The window's menu bar (`rio.Menu`s); defaults to `App(menu=...)`.
        tray: A `rio.TrayIcon`; defaults to `App(tray=...)`.

    With ``RIO_DESKTOP_SMOKE=1`` in the environment it is a start-up check
    (`_smoke`): it closes the window once the app is drawn, after printing
    ``smoke: first render after N ms``, or prints ``smoke: failed: <reason>``
    and exits non-zero. A smoke run never hands over to a running copy.

    Raises:
        WindowUnavailableError: A `SystemExit` with one line saying what to
            install or do, when no window can be opened here (no display,
            backend missing) or the window's process died before the window
            opened (a system library missing...).
        SystemExit: With status 0 when the app was running already and took
            the hand-over (status 1, with a message, when it did not
            answer); with status 1 when a smoke run saw nothing drawn.
    """
    # A frozen app started again to be the window (where it is not forked)
    # becomes it here, if its launcher did not check first.
    run_if_window_process()
    smoke = smoke_enabled()
    instance = None
    runtime = None
    if single_instance and not smoke:  # first: a second start stays cheap
        from ._single_instance import claim_or_exit

        instance = claim_or_exit(app.name, settings_dir(app.name))
    try:
        reason = window_unavailable_reason(backend)
        if reason is not None:
            raise WindowUnavailableError(reason)
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
            on_window_started=on_window_started,
            menu=menu,
            tray=tray,
        )
        runtime.instance = instance
        if not quiet:
            runtime.announce = True
        if smoke:
            runtime.smoke = Smoke(smoke_timeout(), runtime.quit)
        runtime.run()
    except BaseException as error:
        if smoke:
            report_failure(_failure_text(error))
        raise
    finally:
        if instance is not None:
            instance.close()
    if runtime is not None and runtime.smoke and runtime.smoke.failure is not None:
        report_failure(runtime.smoke.failure)
        raise SystemExit(1)


def _failure_text(error: BaseException) -> str:
    """What went wrong, in one line, for a failed smoke run."""
    if isinstance(error, WindowUnavailableError):
        return f"cannot open a window: {error.reason}"
    if isinstance(error, SystemExit) and isinstance(error.code, str):
        return error.code
    if isinstance(error, KeyboardInterrupt):
        return "interrupted"
    return f"{type(error).__name__}: {error}"


def _is_linux() -> bool:
    return sys.platform.startswith("linux")


class _WindowRuntime:
    """One run of `run_in_window`: server thread, window, shutdown."""

    def __init__(self, app: App, **options: Any) -> None:
        self.app = app
        self.options = options
        self.secret = secrets.token_urlsafe(32)
        #: The window cookie's value: pages loaded in our window engine (from
        #: a window's first URL) have it, nothing else.
        self.engine_token = secrets.token_urlsafe(32)
        #: The open windows' own tokens, by window id (0: the first).
        self._window_tokens: dict[int, str] = {0: secrets.token_urlsafe(24)}
        self._next_window_id = 1
        self._windows_lock = threading.Lock()
        #: The server's port (the windows' URLs), once bound.
        self.port: int | None = None
        self.data_dir = settings_dir(app.name)
        self.settings = SettingsStore(self.data_dir / "settings.json")
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread: threading.Thread | None = None
        self.server: AppServer | None = None
        self.window: WindowProcess | None = None
        self._closing = threading.Event()
        self._server_error: BaseException | None = None
        self._window_killed = False
        #: The hosts of the windows' sessions (a reload makes a new one).
        self._window_hosts: weakref.WeakSet[WindowHost] = weakref.WeakSet()
        #: Print a line once the app runs (run_in_window(quiet=False)).
        self.announce = False
        #: The single-instance lock and hand-over channel, when held.
        self.instance: FirstInstance | None = None
        self._hand_over_tasks: set[asyncio.Task[Any]] = set()
        self._started: concurrent.futures.Future[int] | None = None
        #: The menu bar and tray icon (menu.py), if the app has any.
        self.shell = AppShell.for_window(app, options.get("menu"), options.get("tray"))
        #: Set for a smoke run (RIO_DESKTOP_SMOKE): waits for the first render.
        self.smoke: Smoke | None = None
        #: Whether a window's page has connected (then the window did open).
        self._page_connected = False

    # --- the server thread ------------------------------------------------------

    def _start_loop(self) -> None:
        import asyncio

        loop = self.loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.run_forever()

        self.thread = threading.Thread(
            target=run, name="rio-desktop server", daemon=True
        )
        self.thread.start()

    def _submit(self, coro: Any) -> Any:
        """Run `coro` on the server's loop; a concurrent Future of its result."""
        import asyncio

        assert self.loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def _call(self, coro: Any, timeout: float) -> Any:
        return self._submit(coro).result(timeout)

    async def _start_server(self, sock: socket.socket) -> int:
        from aiohttp import web

        from .hosts.browser import BrowserHost
        from .hosts.window import WindowHost
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
            # Runs after the secret check: a page loaded with a window's token
            # (its first URL) gets the window engine's cookie. The page keeps
            # the token (boot.js) and removes it from its address.
            token = request.query.get(WINDOW_QUERY)
            if token is None or request.path.endswith("/rio-desktop/ws"):
                return await handler(request)
            response = await handler(request)
            if self._window_of(token) is not None:
                response.set_cookie(
                    WINDOW_COOKIE, self.engine_token, httponly=True, samesite="Strict"
                )
            return response

        server.aiohttp_app.middlewares.append(window_token_to_cookie)
        server.credential_params.add(WINDOW_QUERY)
        self.server = server
        return await server.start(sock=sock)

    def _make_host(self, request: web.Request, hello: protocol.Hello) -> Host:
        from .hosts.browser import BrowserHost
        from .hosts.window import WindowHost

        cookie = request.cookies.get(WINDOW_COOKIE, "")
        window_id = self._window_of(hello.window_token)
        if (
            self.window is None
            or window_id is None
            or not _same_token(cookie, self.engine_token)
        ):
            return BrowserHost()
        self._page_connected = True
        smoke_waits = self.smoke is not None and window_id == 0
        host = WindowHost(
            self.window.window(window_id),
            settings_store=self.settings,
            on_close=functools.partial(self.close_window, window_id),
            open_window=self.open_window,
            on_page_attached=self._await_first_paint if smoke_waits else None,
        )
        self._window_hosts.add(host)
        return host

    def _window_of(self, token: str) -> int | None:
        """The id of the open window whose token this is, if any."""
        if not token:
            return None
        with self._windows_lock:
            tokens = list(self._window_tokens.items())
        found = None
        for window_id, known in tokens:  # no early exit: the same time for all
            if _same_token(token, known):
                found = window_id
        return found

    def _hosts_of(self, window_id: int) -> list[WindowHost]:
        return [
            host
            for host in list(self._window_hosts)
            if getattr(host.window, "id", 0) == window_id
        ]

    async def _stop_server(self) -> None:
        if self.instance is not None:
            await self.instance.stop_serving()
        for task in list(self._hand_over_tasks):  # a handler still running
            task.cancel()
        if self.server is not None:
            await self.server.close()
        self.settings.flush()
        # aiohttp reads files in the loop's default executor: end its threads.
        import asyncio

        await asyncio.get_running_loop().shutdown_default_executor()

    def _await_first_paint(self, session: Session) -> None:
        """Smoke mode: the first window's page has its tree; wait (in a task)
        until it has drawn it."""
        session.create_task(self._first_paint(session), name="rio-desktop smoke")

    async def _first_paint(self, session: Session) -> None:
        smoke = self.smoke
        assert smoke is not None
        try:
            # Answered after the tree (the page handles messages in order),
            # once a frame showing it has been drawn.
            drawn = await session.channel.call("afterPaint", timeout=None)
        except Exception as error:
            smoke.fail(f"the page did not answer: {error!r}")
            return
        if drawn:
            smoke.rendered()
        else:
            smoke.fail("the app's page stayed empty")

    # --- the window -----------------------------------------------------------

    def _second_instance(self, event: SecondInstanceEvent) -> bool:
        """The app was started again (on the loop): raise and focus the
        window, run `App.on_second_instance`. False while closing: the second
        start then waits for this one to end and opens its own window."""
        if self._closing.is_set() or self.window is None:
            return False
        window = self.window

        def focus() -> None:
            try:
                window.focus_window()
            except Exception as error:  # the window closed meanwhile
                log.debug("Could not focus the window: %r", error)

        threading.Thread(target=focus, name="rio-desktop focus", daemon=True).start()
        import asyncio

        async def deliver() -> None:
            # After the server's start (and so `on_app_start`).
            if self._started is not None:
                try:
                    await asyncio.wrap_future(self._started)
                except Exception:
                    return  # it did not start: the window closes
            app = self.server.app if self.server is not None else self.app
            await app._call_hook(app.on_second_instance, event)

        task = asyncio.get_running_loop().create_task(deliver())
        self._hand_over_tasks.add(task)
        task.add_done_callback(self._hand_over_tasks.discard)
        return True

    def open_window(
        self, url: str, title: str | None, width: int | None, height: int | None
    ) -> int:
        """Open another window showing `url` (a path of the app, with its
        query); blocks until it is made (call it from a worker thread).
        Sizes in pixels, for a page whose geometry was not saved."""
        from yarl import URL

        if self.window is None or self.port is None:
            raise RuntimeError("the app's window process is not running")
        with self._windows_lock:
            if self._closing.is_set():
                raise RuntimeError("the app is closing")
            window_id = self._next_window_id
            self._next_window_id += 1
            token = self._window_tokens[window_id] = secrets.token_urlsafe(24)
        target = URL(f"http://127.0.0.1:{self.port}/").join(URL(url))
        target = target.update_query({"secret": self.secret, WINDOW_QUERY: token})
        try:
            self.window.open_window(
                window_id,
                str(target),
                title or self.options.get("title") or self.app.name,
                width,
                height,
            )
        except BaseException:
            with self._windows_lock:
                self._window_tokens.pop(window_id, None)
            raise
        return window_id

    def close_window(self, window_id: int) -> None:
        """Close one window (from any thread); the app shuts down once the
        last one has closed."""
        with self._windows_lock:
            if self._window_tokens.pop(window_id, None) is None:
                return  # closed already
            if not self._window_tokens:
                self._closing.set()
        if self.window is not None:
            self.window.window(window_id).destroy()

    def quit(self) -> None:
        """Close every window (from any thread): the app shuts down."""
        if self._closing.is_set():
            return
        self._closing.set()
        if self.window is not None:
            self.window.destroy()

    def _window_event(self, name: str, message: dict[str, Any]) -> None:
        """What the window process tells unasked (in its pipe's reader
        thread)."""
        if self.shell is not None and self.shell.handle(
            name, message, self.loop, self._window_session
        ):
            return
        window_id = message.get("window", 0)
        if isinstance(window_id, bool) or not isinstance(window_id, int):
            return
        if name == "closed":
            with self._windows_lock:
                self._window_tokens.pop(window_id, None)
                if not self._window_tokens:
                    self._closing.set()
            self._on_loop(self._window_closed, window_id)
        elif name == "close_requested":
            if not self._on_loop(self._close_requested, window_id):
                self.close_window(window_id)

    def _on_loop(self, callback: Callable[..., Any], *args: Any) -> bool:
        """Run `callback` on the server's loop; False if it is not running."""
        if self.loop is None or self.loop.is_closed():
            return False
        try:
            self.loop.call_soon_threadsafe(callback, *args)
        except RuntimeError:  # the loop just closed: we are shutting down
            return False
        return True

    def _window_session(self, index: int) -> Session | None:
        """A live session of window `index`, else of any open window (the
        tray's handlers: its window may have closed)."""
        hosts = self._hosts_of(index) or list(self._window_hosts)
        for host in hosts:
            session = getattr(host, "session", None)
            if session is not None and not session.is_closed:
                return session
        return None

    def _close_requested(self, window_id: int) -> None:
        """The user asked to close a window while its closes are held back:
        run its sessions' `on_window_close_request` handlers, or close it if
        none has any (any more)."""
        handled = False
        for host in self._hosts_of(window_id):
            if host.close_requested():
                handled = True
        if not handled:
            self.close_window(window_id)

    def _window_closed(self, window_id: int) -> None:
        """A window is gone: its sessions end (`on_session_close`)."""
        for host in self._hosts_of(window_id):
            host.window_closed()

    def _window_options(self, url: str) -> WindowOptions:
        options = self.options
        width, height = options["width"], options["height"]
        min_width, min_height = options["min_width"], options["min_height"]
        theme = self.app._theme_for(prefers_dark=False)
        dark_theme = self.app._theme_for(prefers_dark=True)
        icon = options["icon"] or self.app.icon
        return WindowOptions(
            url=url,
            title=options["title"] or self.app.name,
            width=round(width * UNIT_PIXELS) if width else None,
            height=round(height * UNIT_PIXELS) if height else None,
            min_size=(
                round(min_width * UNIT_PIXELS) if min_width else 200,
                round(min_height * UNIT_PIXELS) if min_height else 100,
            ),
            maximized=options["maximized"],
            fullscreen=options["fullscreen"],
            background_color=_hex_color(getattr(theme, "background_color", None))
            or "#FFFFFF",
            dark_background_color=None
            if dark_theme is theme
            else _hex_color(getattr(dark_theme, "background_color", None)),
            icon=str(icon) if icon else None,
            backend=options["backend"],
            debug=options["debug"],
            geometry_file=str(self.data_dir / "window.json"),
            shell=self.shell.window_spec(self.app) if self.shell else None,
        )

    def _server_started(self, started: Any) -> None:
        """When the server's start finished: a failure closes the window."""
        error = None if started.cancelled() else started.exception()
        if error is not None:
            self._server_error = error
            log.error("The app's server did not start: %r", error)
            self.quit()

    def run(self) -> None:
        # Bind and listen now, so that the window (whose start-up takes
        # longest) can be started at once; the page's first request waits in
        # the socket's backlog until the server, starting meanwhile, accepts it.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(128)
        port = self.port = sock.getsockname()[1]
        if self.announce:
            print(
                f"{self.app.name} is running in a window (server on"
                f" http://127.0.0.1:{port}/, for this window only)",
                flush=True,
            )
        url = (
            f"http://127.0.0.1:{port}/?secret={self.secret}"
            f"&{WINDOW_QUERY}={self._window_tokens[0]}"
        )
        window = WindowProcess(self._window_options(url))
        window.on_event = self._window_event
        # Start the window's process first: a fork must happen before this
        # process starts its server thread.
        lock = self.instance.child_closers() if self.instance is not None else ()
        window.start(close_in_child=(sock, *lock))
        self.window = window
        if self.options["on_window_started"] is not None:
            self.options["on_window_started"]()
        if self.smoke is not None:
            self.smoke.start()
        self._start_loop()
        if self.instance is not None:  # first: it answers before the server
            self._submit(self.instance.serve(self._second_instance))
        started = self._started = self._submit(self._start_server(sock))
        started.add_done_callback(self._server_started)
        previous = self._install_signal_handlers()
        try:
            # A timeout, so that signal handlers get to run meanwhile.
            while not window.wait_closed(0.25):
                if self.smoke is not None and self.smoke.overdue():
                    self._window_killed = True  # a smoke run must end
                    window.kill()
        finally:
            self._closing.set()
            self._restore_signal_handlers(previous)
            self._shutdown()
            sock.close()
            status = window.wait_exit(SHUTDOWN_TIMEOUT)
        if self._server_error is not None:
            raise self._server_error
        if self._window_killed:
            log.warning("The window did not close when asked; its process was ended.")
        elif status:
            if not self._page_connected:  # it never opened: say why, if known
                backend = self.options["backend"]
                raise WindowUnavailableError(diagnose_failed_window(backend, status))
            raise RuntimeError(
                f"The window's process ended with status {status};"
                " its messages are above."
            )
        if self.smoke is not None:
            self.smoke.ended_without_render(
                "the window closed before the app was drawn"
            )

    # --- shutdown ----------------------------------------------------------------

    def _install_signal_handlers(self) -> dict[int, Any]:
        """Ctrl+C and SIGTERM close the window (and so the app); asked again
        while the window has not closed, they end its process."""
        if threading.current_thread() is not threading.main_thread():
            return {}

        def handler(signum: int, frame: Any) -> None:
            if self._closing.is_set() and self.window is not None:
                self._window_killed = True
                self.window.kill()
            else:
                self.quit()

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
        if self.loop is None or self.thread is None:
            return
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(2)
        if not self.thread.is_alive():
            self.loop.close()


def _same_token(given: str, known: str) -> bool:
    """Whether a token someone gave is `known`, in constant time."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), known.encode())


def _hex_color(color: Any) -> str | None:
    """'#rrggbb' for a Color-like value (has .hex or .hex_rgb), else None."""
    for attribute in ("hex", "hex_rgb"):
        value = getattr(color, attribute, None)
        if isinstance(value, str):
            text = value if value.startswith("#") else "#" + value
            return text[:7] if len(text) >= 7 else None
    return None

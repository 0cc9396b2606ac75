"""The native windows' own process, and the app process's handle on it.

Why a second process: Qt and aiohttp both start with long stretches of Python
work that hold the GIL (importing, creating the web view). In one process they
take turns; in two they run side by side, and the window shows the app sooner
(bench/window_startup.py measures it; the figures are in README.md).

The window process runs pywebview and none of the app's code. It is started
with `fork` on Linux, where the modules it needs are already loaded, and as a
fresh interpreter elsewhere (macOS and Windows toolkits do not survive a fork)
or when the app process already runs threads, which a fork does not carry.
`RIO_DESKTOP_WINDOW_PROCESS=fork|spawn` picks one.

One window process holds all of the app's windows: the first, opened at its
start, and those the app opens later (`open_window`, a pywebview window made
after `webview.start`). Each has an id, 0 for the first; ids are never reused.

The two processes talk over a pair of pipes, one JSON object per line:

    app -> window:  {"id": 1, "method": "set_title", "args": [...], "kwargs": {...},
                     "window": 0}
    window -> app:  {"id": 1, "ok": true, "value": ..., "window": 0}
                    {"id": 1, "ok": false, "error": "...", "window": 0}
                    {"event": "close_requested", "window": 1}   (unsolicited)
                    {"event": "closed", "window": 1}
                    {"event": "menu", "item": 3, "window": 0, ...}  (see _window_shell)
                    {"event": "notification_clicked", "window": 0, ...}  (_os_notify)

A request's "window" (0 when left out) says which window it is for; a few
requests are about the process, not one window: `open_window` (the new
window's id in "window", its URL, title and size in pixels in "kwargs";
answers with the id), `focus_recent` (raise the window the user used last)
and `quit` (close every window).

"close_requested" is the user's close of a window (the title bar's button,
Alt+F4, the OS), held back because the app has `on_window_close_request`
handlers: the app process tells each window whether to hold closes back
(`set_close_veto`), since the toolkit's closing handler must decide at once.
A close the app asked for (`destroy`, `quit`), a signal, or the app
process's end always closes. "closed" says a window is gone.

A spawned window process first reads its `WindowOptions` as one such line.
The window process ends when its last window is closed; the app process sees
its pipe close. If the app process dies, the windows see that and close.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from . import _window_shell
from ._os_notify import Notifier
from ._window_control import _Control, _make_qt_runner, _pixels
from ._window_geometry import (
    _Geometry,
    _GeometryStore,
    _keep_on_a_screen,
)

if TYPE_CHECKING:
    import subprocess

__all__ = ["WindowClosedError", "WindowHandle", "WindowOptions", "WindowProcess"]

log = logging.getLogger(__name__)

#: The argument a frozen (PyInstaller) app is started with to be the window.
FROZEN_FLAG = "--rio-desktop-window-process"
START_METHOD_VARIABLE = "RIO_DESKTOP_WINDOW_PROCESS"
#: The window methods the app process may call (pywebview `Window` names).
CALLABLE_METHODS = frozenset(
    {"set_title", "create_file_dialog", "evaluate_js", "destroy"}
)
#: What the window process answers itself: the paths of dropped files.
OWN_METHODS = frozenset({"take_dropped_files"})
#: About the process, not one window: open a window, raise the one used
#: last, close them all.
PROCESS_METHODS = frozenset({"open_window", "focus_recent", "quit"})
#: Window control at run time (`_Control`); sizes and positions in pixels.
CONTROL_METHODS = frozenset(
    {
        "set_window_size",
        "set_window_min_size",
        "set_window_position",
        "center_window",
        "maximize_window",
        "minimize_window",
        "restore_window",
        "set_fullscreen",
        "set_always_on_top",
        "focus_window",
    }
)
#: Everything a request may ask of one window.
WINDOW_METHODS = CALLABLE_METHODS | OWN_METHODS | CONTROL_METHODS
WINDOW_METHODS |= {"set_close_veto", "notify"}
#: The minimum size of the windows opened after the first.
DEFAULT_MIN_SIZE = (200, 100)


class WindowClosedError(RuntimeError):
    """The window closed (or its process ended) before it answered."""


@dataclasses.dataclass
class WindowOptions:
    """Everything the window process needs: plain data, sent as JSON."""

    url: str
    title: str
    #: Pixels; None for the default. Only used when no geometry was saved.
    width: int | None = None
    height: int | None = None
    min_size: tuple[int, int] = (200, 100)
    maximized: bool = False
    fullscreen: bool = False
    background_color: str = "#FFFFFF"
    #: The dark theme's, used while the OS prefers a dark scheme (None: the
    #: app has one theme).
    dark_background_color: str | None = None
    icon: str | None = None
    backend: str | None = None
    debug: bool = False
    #: Where the window's size, position and maximized state are kept.
    geometry_file: str | None = None
    #: The menu bar and tray icon (`menu.AppShell.window_spec`), or None.
    shell: dict[str, Any] | None = None


# --- the app process's side ------------------------------------------------------


class WindowProcess:
    """The window process, seen from the app process.

    `window(id)` is one of its windows (0: the first), with the few pywebview
    `Window` methods the session uses; `open_window` opens another. Each call
    blocks until the window answers, so call them from worker threads, as
    one would pywebview's own.
    """

    def __init__(self, options: WindowOptions) -> None:
        self.options = options
        self._send_lock = threading.Lock()
        self._pending: dict[int, _Reply] = {}
        self._next_id = 0
        self._closed = threading.Event()
        self._to_window: IO[bytes] | None = None
        self._from_window: IO[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._pid: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        #: Called (in the pipe's reader thread: hand it over quickly) with the
        #: name and the message of what the window tells unasked, e.g.
        #: ("close_requested", {"event": ..., "window": 1}).
        self.on_event: Callable[[str, dict[str, Any]], None] | None = None

    # --- starting and ending ---------------------------------------------------

    def start(self, close_in_child: tuple[Any, ...] = ()) -> None:
        """Start the window's process.

        Args:
            close_in_child: Sockets or files a forked window process must not
                keep open (the server's listening socket).
        """
        if _start_method() == "fork":
            self._fork(close_in_child)
        else:
            self._spawn()
        self._reader = threading.Thread(
            target=self._read_replies, name="rio-desktop window replies", daemon=True
        )
        self._reader.start()

    def _fork(self, close_in_child: tuple[Any, ...]) -> None:
        to_child_read, to_child_write = os.pipe()
        to_parent_read, to_parent_write = os.pipe()
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()  # or the child would print the buffer again
        pid = os.fork()
        if pid == 0:  # the window process: never returns into the app's code
            try:
                os.close(to_child_write)
                os.close(to_parent_read)
                for item in close_in_child:
                    item.close()
                requests = os.fdopen(to_child_read, "rb")
                replies = os.fdopen(to_parent_write, "wb")
            except BaseException:
                os._exit(1)
            _be_the_window(self.options, requests, replies)
        os.close(to_child_read)
        os.close(to_parent_write)
        self._pid = pid
        self._to_window = os.fdopen(to_child_write, "wb")
        self._from_window = os.fdopen(to_parent_read, "rb")

    def _spawn(self) -> None:
        import subprocess

        if getattr(sys, "frozen", False):
            command = [sys.executable, FROZEN_FLAG]
        else:
            package_parent = str(Path(__file__).resolve().parent.parent)
            command = [
                sys.executable,
                "-c",
                "import sys; sys.path.insert(0, sys.argv[1]);"
                " from rio_desktop.window_process import main; main()",
                package_parent,
            ]
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=_stderr_for_child(),
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._to_window = self._process.stdin
        self._from_window = self._process.stdout
        self._write({"options": dataclasses.asdict(self.options)})

    def wait_closed(self, timeout: float | None = None) -> bool:
        """Wait until the window process has ended (its last window closed);
        True if it has."""
        return self._closed.wait(timeout)

    def wait_exit(self, timeout: float = 5) -> int | None:
        """Reap the window's process; its exit status, or None if it hangs
        (then it is killed)."""
        if self._reader is not None:
            self._reader.join(timeout)
        if self._process is not None:
            import subprocess

            try:
                return self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                return None
        if self._pid is not None:
            return _wait_pid(self._pid, timeout)
        return None

    def kill(self) -> None:
        """End the window's process at once (for a window that hangs)."""
        if self._process is not None:
            self._process.kill()
        elif self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    # --- the windows -------------------------------------------------------------

    def window(self, window_id: int) -> WindowHandle:
        """One of the windows (0: the first)."""
        return WindowHandle(self, window_id)

    def open_window(
        self,
        window_id: int,
        url: str,
        title: str,
        width: int | None = None,
        height: int | None = None,
    ) -> int:
        """Open another window showing `url`; returns once it is made.

        Args:
            window_id: Its id, chosen by the caller (so that the app knows
                it before the page connects): higher than any used before.
            width, height: Pixels; only used when no geometry was saved for
                the page's URL path.
        """
        kwargs = {"url": url, "title": title, "width": width, "height": height}
        return int(self._call("open_window", (), kwargs, window=window_id))

    def focus_window(self) -> None:
        """Show, raise and focus the window the user was in last."""
        self._call("focus_recent")

    def destroy(self) -> None:
        """Close every window (without waiting), even those whose closes are
        held back: the window process then ends."""
        try:
            self._send("quit")
        except WindowClosedError:
            pass

    # --- the pipe ----------------------------------------------------------------

    def _call(
        self,
        method: str,
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
        *,
        window: int | None = None,
    ) -> Any:
        return self._send(method, args, kwargs, window=window).wait()

    def _send(
        self,
        method: str,
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
        *,
        window: int | None = None,
    ) -> _Reply:
        reply = _Reply()
        with self._send_lock:
            if self._closed.is_set():
                raise WindowClosedError("The window is closed.")
            self._next_id += 1
            self._pending[self._next_id] = reply
            message = {"id": self._next_id, "method": method, "args": args}
            if window is not None:
                message["window"] = window
            try:
                self._write({**message, "kwargs": kwargs or {}})
            except OSError:
                del self._pending[self._next_id]
                raise WindowClosedError("The window is closed.") from None
        return reply

    def _write(self, message: dict[str, Any]) -> None:
        assert self._to_window is not None
        self._to_window.write(json.dumps(message).encode() + b"\n")
        self._to_window.flush()

    def _read_replies(self) -> None:
        assert self._from_window is not None
        try:
            for line in self._from_window:
                reply = json.loads(line)
                if not isinstance(reply, dict):
                    continue
                if isinstance(reply.get("event"), str):
                    self._dispatch_event(reply)
                    continue
                reply_id = reply.get("id")
                if reply_id is None:
                    continue
                with self._send_lock:
                    waiting = self._pending.pop(reply_id, None)
                if waiting is None:
                    continue
                if reply.get("ok"):
                    waiting.set(reply.get("value"))
                else:
                    waiting.fail(RuntimeError(reply.get("error")))
        except (OSError, ValueError) as error:
            log.debug("The window's pipe broke: %r", error)
        finally:
            with self._send_lock:
                self._closed.set()
                pending, self._pending = self._pending, {}
            for waiting in pending.values():
                waiting.fail(WindowClosedError("The window was closed."))

    def _dispatch_event(self, message: dict[str, Any]) -> None:
        handler = self.on_event
        if handler is None:
            return
        try:
            handler(message["event"], message)
        except Exception:
            log.exception("Handling the window's %r event failed", message["event"])


class WindowHandle:
    """One window of the window process, seen from the app process.

    It offers the few pywebview `Window` methods the session uses, with the
    same names and arguments, carried to that window; each call blocks until
    the window answers (`WindowClosedError` once it is closed).
    """

    def __init__(self, process: WindowProcess, window_id: int) -> None:
        self.process = process
        #: 0 for the first window; never reused.
        self.id = window_id

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return self.process._call(method, args, kwargs, window=self.id)

    def set_title(self, title: str) -> None:
        self._call("set_title", title)

    def create_file_dialog(self, dialog_type: int, **options: Any) -> Any:
        return self._call("create_file_dialog", dialog_type, **options)

    def evaluate_js(self, script: str) -> Any:
        return self._call("evaluate_js", script)

    def take_dropped_files(self, names: list[str]) -> list[str]:
        """The full paths of files just dropped on the window, by name (the
        page names them; the toolkit's drop event gave the paths)."""
        return list(self._call("take_dropped_files", list(names)) or [])

    def destroy(self) -> None:
        """Close the window (without waiting for it), even while closes are
        held back (`set_close_veto`)."""
        try:
            self.process._send("destroy", window=self.id)
        except WindowClosedError:
            pass

    def set_close_veto(self, on: bool) -> None:
        """Hold the user's closes back (and report each as a
        ``close_requested`` event) or not. Does not wait: the window applies
        these in the order they were sent."""
        try:
            self.process._send("set_close_veto", (bool(on),), window=self.id)
        except WindowClosedError:
            pass

    # Window control: sizes and positions in pixels; each returns once the
    # toolkit has applied it (the window manager may take a moment more).

    def set_window_size(self, width: int, height: int) -> None:
        self._call("set_window_size", int(width), int(height))

    def set_window_min_size(self, width: int, height: int) -> None:
        self._call("set_window_min_size", int(width), int(height))

    def set_window_position(self, x: int, y: int) -> None:
        self._call("set_window_position", int(x), int(y))

    def center_window(self) -> None:
        self._call("center_window")

    def maximize_window(self) -> None:
        self._call("maximize_window")

    def minimize_window(self) -> None:
        self._call("minimize_window")

    def restore_window(self) -> None:
        self._call("restore_window")

    def set_fullscreen(self, on: bool) -> None:
        self._call("set_fullscreen", bool(on))

    def set_always_on_top(self, on: bool) -> None:
        self._call("set_always_on_top", bool(on))

    def focus_window(self) -> None:
        """Show the window (restoring it if minimized), raise it and give it
        the keyboard focus."""
        self._call("focus_window")

    def notify(self, title: str, body: str, app_name: str = "") -> str:
        """Show a notification in the OS's notification centre unless the
        window is in front: "os" if it did, "page" for the page to show it."""
        return str(self._call("notify", str(title), str(body), str(app_name)))


class _Reply:
    """The window's answer to one call, once it has come."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self._value: Any = None
        self._error: BaseException | None = None

    def set(self, value: Any) -> None:
        self._value = value
        self._done.set()

    def fail(self, error: BaseException) -> None:
        self._error = error
        self._done.set()

    def wait(self) -> Any:
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value


def _start_method() -> str:
    chosen = os.environ.get(START_METHOD_VARIABLE, "").strip().lower()
    if chosen in ("fork", "spawn"):
        return chosen
    if chosen:
        log.warning(
            "Ignoring %s=%r: use 'fork' or 'spawn'.", START_METHOD_VARIABLE, chosen
        )
    can_fork = sys.platform.startswith("linux") and hasattr(os, "fork")
    return "fork" if can_fork and threading.active_count() == 1 else "spawn"


def _wait_pid(pid: int, timeout: float) -> int | None:
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None
        time.sleep(0.01)


def _stderr_for_child() -> int | None:
    """Where a spawned window process writes its errors: the app's stderr.

    A double-clicked packaged app has no console, and its launcher points
    sys.stderr at a log file; the process's own descriptor 2 is then missing
    or elsewhere, and a child that merely inherited it would lose its
    tracebacks. None (inherit) when sys.stderr is descriptor 2 or has none.
    """
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    if fd == 2:
        return None
    sys.stderr.flush()
    return fd


# --- the window process's side ---------------------------------------------------


def main() -> None:
    """The entry point of a spawned window process: options, then requests on
    stdin; replies on stdout (the toolkit's own prints go to stderr)."""
    # File descriptors, not sys.stdin/stdout: a windowed (no console) frozen
    # app may have no Python streams, while the pipes are there.
    requests = os.fdopen(0, "rb")
    replies = os.fdopen(os.dup(1), "wb")
    try:
        os.dup2(2, 1)
    except OSError:  # no stderr either: the toolkit's prints go nowhere
        os.close(1)
    first = json.loads(requests.readline() or b"{}")
    options = first.get("options")
    if not isinstance(options, dict):
        raise SystemExit("rio-desktop: this is the window's process; start the app.")
    if options.get("min_size") is not None:
        options["min_size"] = tuple(options["min_size"])
    _be_the_window(WindowOptions(**options), requests, replies)


def run_if_window_process() -> None:
    """In a frozen app: if this process was started to be the window, be it
    and exit (like `multiprocessing.freeze_support`)."""
    if getattr(sys, "frozen", False) and sys.argv[1:2] == [FROZEN_FLAG]:
        main()  # never returns


def _be_the_window(
    options: WindowOptions, requests: BinaryIO, replies: BinaryIO
) -> None:
    code = 0
    try:
        run_window(options, requests, replies)
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except Exception:
                pass
        # Never return into the app's code nor run its exit handlers (after a
        # fork), and do not wait for the request thread blocked on its pipe.
        os._exit(code)


def run_window(options: WindowOptions, requests: BinaryIO, replies: BinaryIO) -> None:
    """Open the first window, answer requests from the app process (which
    may open more), return once the last one is closed (geometry saved)."""
    import webview

    geometry_file = Path(options.geometry_file) if options.geometry_file else None
    store = _GeometryStore(geometry_file, first_key=_page_path(options.url))
    shell = _window_shell.Shell(options.shell, options.backend)
    channel = _Channel(replies, shell=shell)
    opener = _Opener(options, store, channel, shell)
    channel.opener = opener.open
    opener.open(0, options.url, options.title, options.width, options.height)
    threading.Thread(
        target=channel.serve, args=(requests,), name="rio-desktop requests", daemon=True
    ).start()
    _close_on_signals(channel)
    gui: Any = options.backend  # a name of pywebview's, which pywebview checks
    try:
        webview.start(
            gui=gui,
            debug=options.debug,
            private_mode=True,
            icon=options.icon,
            menu=shell.pywebview_menu() or [],
        )
    finally:
        store.save(channel.every_slot)


def _enable_pdf_viewer(window: Any) -> None:
    """Let QtWebEngine show PDFs (`rio.PdfViewer`): its viewer is a plugin,
    and plugins are off by default."""
    try:
        settings = window.native.webview.settings()
        settings.setAttribute(type(settings).WebAttribute.PluginsEnabled, True)
    except AttributeError:
        pass  # not the Qt backend: its engine has its own PDF support or none


def _page_path(url: str) -> str:
    """The URL path a window's geometry is kept under ("/settings")."""
    from urllib.parse import urlsplit

    return urlsplit(url).path or "/"


class _WindowSlot:
    """One window of the window process, and what is its alone.

    Attributes:
        id: 0 for the first window; never reused.
        window: pywebview's `Window`.
        key: The URL path of the page it opened with: its geometry's key.
        geometry: Its normal size and position, and whether it is maximized.
        guard: Holds the user's closes back (`set_close_veto`).
        drops: The paths of files dropped on it.
        control: Its size, position and state, as the app asks.
    """

    def __init__(
        self,
        window_id: int,
        window: Any,
        send: Callable[[dict[str, Any]], None],
        *,
        key: str = "/",
        geometry: _Geometry | None = None,
        fullscreen: bool = False,
    ) -> None:
        self.id = window_id
        self.window = window
        self.key = key
        self.geometry = geometry or _Geometry(None)
        self.guard = _CloseGuard(
            lambda: send({"event": "close_requested", "window": window_id})
        )
        self.drops = _Drops()
        self.control = _Control(window, fullscreen=fullscreen)
        self.notifier = Notifier(
            self.control, lambda message: send({**message, "window": window_id})
        )


class _Opener:
    """Makes the pywebview windows, the first before `webview.start` and the
    others after it (from a request's thread), and hooks each one's events
    to its `_WindowSlot`."""

    #: Seconds to wait for the GUI thread to take a window's creation.
    HOLD = 10.0

    def __init__(
        self,
        options: WindowOptions,
        store: _GeometryStore,
        channel: _Channel,
        shell: _window_shell.Shell | None = None,
    ) -> None:
        self.options = options
        self.store = store
        self.channel = channel
        #: The menu bar and tray icon: on the first window.
        self.shell = shell
        self._qt_runner: Any = None
        self._lock = threading.Lock()

    def open(
        self,
        window_id: int,
        url: str,
        title: str,
        width: int | None,
        height: int | None,
    ) -> _WindowSlot:
        import webview

        options = self.options
        first = window_id == 0
        key = _page_path(url)
        geometry = self.store.geometry(key)
        size = geometry.initial_size(width, height)
        restore_position = geometry.loaded and geometry.x is not None
        fullscreen = first and options.fullscreen
        # A list after the trip through JSON.
        min_size = (
            (options.min_size[0], options.min_size[1]) if first else DEFAULT_MIN_SIZE
        )
        with self._creating(first) as background:
            window = webview.create_window(
                title,
                url,
                width=size[0],
                height=size[1],
                x=geometry.x if restore_position else None,
                y=geometry.y if restore_position else None,
                min_size=min_size,
                maximized=(first and options.maximized) or geometry.maximized,
                fullscreen=fullscreen,
                background_color=background,
                text_select=True,
            )
            if window is None:
                raise RuntimeError("the toolkit did not make the window")
            slot = self.channel.add(
                window_id, window, key=key, geometry=geometry, fullscreen=fullscreen
            )
            slot.notifier.icon = options.icon
            self._watch(slot, size)
        return slot

    def _watch(self, slot: _WindowSlot, size: tuple[int, int]) -> None:
        from . import _window_view

        window, geometry = slot.window, slot.geometry
        light, dark = self.options.background_color, self.options.dark_background_color
        events = window.events
        events.resized += geometry.resized
        events.moved += geometry.moved
        events.maximized += lambda: geometry.set_maximized(True)
        events.restored += lambda: geometry.set_maximized(False)
        events.shown += lambda: _keep_on_a_screen(window, geometry, *size)
        events.before_show += lambda: _enable_pdf_viewer(window)
        events.before_show += lambda: _window_view.prepare(window, light, dark)
        events.before_show += lambda: _note_activation(
            window, lambda: self.channel.activated(slot.id)
        )
        events.loaded += lambda: slot.drops.watch(window)
        if slot.id == 0 and self.shell is not None:
            self.shell.attach(window, self.channel.send, slot.control._on_gui)
            self.shell.close_all = self.channel.close_all
            self.shell.recent_window = self.channel.recent_window
            events.closing += self.shell.closing(slot.guard)
        else:
            events.closing += slot.guard.closing
        events.closed += lambda: self._closed(slot)

    def _closed(self, slot: _WindowSlot) -> None:
        self.store.save([slot])
        self.channel.closed(slot)

    @contextlib.contextmanager
    def _creating(self, first: bool) -> Iterator[str]:
        """While a window is made: yields the background to make it with.

        pywebview makes a window asked for after its start on the GUI
        thread, soon after `create_window` returns, and runs `before_show`
        there at once: too soon, maybe, for the handlers added after it
        returned. So the GUI thread is held (it waits here) until they are.
        """
        from . import _window_view

        options = self.options
        light, dark = options.background_color, options.dark_background_color

        def background() -> str:
            return _window_view.initial_background(light, dark, options.backend)

        if first or options.backend not in ("qt", "gtk"):
            yield background()
            return
        taken, release = threading.Event(), threading.Event()
        chosen = [light]

        def hold() -> bool:
            try:
                chosen[0] = background()  # asked on the GUI thread, as Qt wants
            finally:
                taken.set()
                release.wait(self.HOLD)
            return False  # GLib: do not run again

        self._on_gui(hold)
        if not taken.wait(self.HOLD):
            log.warning("The window's GUI thread is busy; opening the window anyway")
        try:
            yield chosen[0]
        finally:
            release.set()

    def _on_gui(self, job: Callable[[], Any]) -> None:
        if self.options.backend == "gtk":
            from gi.repository import GLib

            GLib.idle_add(job)
            return
        with self._lock:
            if self._qt_runner is None:
                self._qt_runner = _make_qt_runner()
        self._qt_runner.run.emit(job)


def _note_activation(window: Any, activated: Callable[[], None]) -> None:
    """Call `activated` whenever the window becomes the active one (Qt; on
    the GUI thread, before it shows)."""
    native = getattr(window, "native", None)
    if native is None or not hasattr(native, "installEventFilter"):
        return
    from qtpy.QtCore import QEvent, QObject

    class Activation(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.WindowActivate:
                activated()
            return False

    native._rio_desktop_activation = Activation(native)
    native.installEventFilter(native._rio_desktop_activation)


class _Channel:
    """Runs the app process's requests on the windows, each in its own
    thread (a file dialog waits for the user; a title change must not wait
    for it). Holds the open windows' `_WindowSlot`s by id.

    `set_close_veto` is answered at once, in order, so that the last one sent
    is the one in force; a `destroy` lifts the veto before it closes.
    """

    def __init__(
        self,
        replies: BinaryIO,
        *,
        opener: Callable[[int, str, str, int | None, int | None], Any] | None = None,
        shell: _window_shell.Shell | None = None,
    ) -> None:
        self.replies = replies
        #: Makes a window and adds its slot: (id, url, title, width, height).
        self.opener = opener
        #: The menu bar and tray icon (of window 0), if any.
        self.shell = shell
        #: The open windows.
        self.slots: dict[int, _WindowSlot] = {}
        #: Every window this process had, open or closed (their geometry is
        #: saved at the end).
        self.every_slot: list[_WindowSlot] = []
        #: Window ids, the most recently active last.
        self.recent: list[int] = []
        self.highest_id = -1
        self.lock = threading.Lock()  # the reply pipe
        self.slots_lock = threading.Lock()

    # --- the windows -------------------------------------------------------------

    def add(self, window_id: int, window: Any, **slot_options: Any) -> _WindowSlot:
        """Hold a new window's slot (a new one counts as the active one)."""
        slot = _WindowSlot(window_id, window, self.send, **slot_options)
        with self.slots_lock:
            self.slots[window_id] = slot
            self.every_slot.append(slot)
            self.highest_id = max(self.highest_id, window_id)
            self.recent = [*(i for i in self.recent if i != window_id), window_id]
        return slot

    def activated(self, window_id: int) -> None:
        with self.slots_lock:
            self.recent = [*(i for i in self.recent if i != window_id), window_id]

    def closed(self, slot: _WindowSlot) -> None:
        """A window is gone: forget it and tell the app."""
        with self.slots_lock:
            if self.slots.get(slot.id) is slot:
                del self.slots[slot.id]
            self.recent = [i for i in self.recent if i != slot.id]
        self.send({"event": "closed", "window": slot.id})

    def slot(self, window_id: Any) -> _WindowSlot:
        if isinstance(window_id, bool) or not isinstance(window_id, int):
            raise ValueError(f"not a window id: {window_id!r}")
        with self.slots_lock:
            found = self.slots.get(window_id)
        if found is None:
            raise LookupError(f"there is no window {window_id} (closed?)")
        return found

    def recent_window(self) -> Any:
        """The pywebview window the user used last, or None if all closed."""
        with self.slots_lock:
            for window_id in reversed(self.recent):
                slot = self.slots.get(window_id)
                if slot is not None:
                    return slot.window
        return None

    def close_all(self) -> None:
        """Close every window, even those holding closes back."""
        with self.slots_lock:
            slots = list(self.slots.values())
        for slot in slots:
            slot.guard.force()
        for slot in slots:
            slot.window.destroy()

    # --- the requests ------------------------------------------------------------

    def serve(self, requests: BinaryIO) -> None:
        for line in requests:
            try:
                request = json.loads(line)
                if not isinstance(request.get("method"), str):
                    raise ValueError("no method named")
            except (ValueError, AttributeError) as error:
                log.warning("Ignoring a malformed request to the window: %r", error)
                continue
            method = request["method"]
            if method == "set_close_veto":
                self._answer(request)
                continue
            if method == "destroy":
                try:
                    self.slot(request.get("window", 0)).guard.force()
                except (LookupError, ValueError):
                    pass  # answered as an error below
            elif method == "quit":
                with self.slots_lock:
                    slots = list(self.slots.values())
                for slot in slots:
                    slot.guard.force()
            threading.Thread(target=self._answer, args=(request,), daemon=True).start()
        # The app process is gone: nothing can use the windows any more.
        self.close_all()

    def _answer(self, request: dict[str, Any]) -> None:
        method = request["method"]
        args = request.get("args", ())
        window_id = request.get("window", 0)
        try:
            if method in PROCESS_METHODS:
                value = self._process_method(method, window_id, request)
            elif method in _window_shell.METHODS and self.shell is not None:
                value = self.shell.call(method, *args)
            elif method not in WINDOW_METHODS:
                raise ValueError(f"not a window method: {method!r}")
            else:
                slot = self.slot(window_id)
                if method == "set_close_veto":
                    slot.guard.set_veto(*args)
                    value = None
                elif method in OWN_METHODS:
                    value = slot.drops.take(*args)
                elif method in CONTROL_METHODS:
                    value = getattr(slot.control, method)(*args)
                elif method == "notify":
                    value = slot.notifier.notify(*args)
                else:
                    kwargs = request.get("kwargs", {})
                    value = getattr(slot.window, method)(*args, **kwargs)
            reply = {"id": request.get("id"), "ok": True, "value": _plain(value)}
        except Exception as error:
            reply = {"id": request.get("id"), "ok": False, "error": repr(error)}
        if isinstance(window_id, int):
            reply["window"] = window_id
        self.send(reply)

    def _process_method(self, method: str, window_id: Any, request: dict) -> Any:
        if method == "quit":
            self.close_all()
            return None
        if method == "focus_recent":
            with self.slots_lock:
                order = [i for i in reversed(self.recent) if i in self.slots]
                order += sorted(self.slots, reverse=True)
            if not order:
                raise LookupError("no window is open")
            slot = self.slot(order[0])
            slot.control.focus_window()
            return slot.id
        # open_window
        kwargs = request.get("kwargs", {})
        url, title = kwargs.get("url"), kwargs.get("title")
        width, height = kwargs.get("width"), kwargs.get("height")
        if not isinstance(url, str) or not isinstance(title, str):
            raise ValueError("open_window wants a url and a title")
        for value in (width, height):
            if value is not None:
                _pixels(value, 1)
        with self.slots_lock:
            if isinstance(window_id, bool) or not isinstance(window_id, int):
                raise ValueError(f"not a window id: {window_id!r}")
            if window_id <= self.highest_id:
                raise ValueError(f"window id {window_id} was used already")
            self.highest_id = window_id  # taken, while the window is made
        if self.opener is None:
            raise RuntimeError("this window process cannot open windows")
        self.opener(window_id, url, title, width, height)
        return window_id

    def send(self, message: dict[str, Any]) -> None:
        """Write one line to the app process (from any thread)."""
        data = json.dumps(message).encode() + b"\n"
        with self.lock:
            try:
                self.replies.write(data)
                self.replies.flush()
            except (OSError, ValueError):
                pass  # the app process is gone


class _CloseGuard:
    """Holds the user's closes back while the app has close handlers.

    pywebview's `closing` handler must say at once whether the window may
    close (returning False cancels), so the app process keeps this one
    informed (`set_close_veto`) and hears of each held-back close
    (`notify`). A close the app asked for, a signal, or the app process's
    end call `force` first: nothing holds those back.
    """

    def __init__(self, notify: Callable[[], None]) -> None:
        self.notify = notify
        self.veto = False
        self.forced = False

    def set_veto(self, on: Any) -> None:
        if not isinstance(on, bool):
            raise ValueError("set_close_veto wants true or false")
        self.veto = on

    def force(self) -> None:
        self.forced = True

    def closing(self) -> bool:
        """pywebview's closing handler (in the GUI thread): False cancels."""
        if self.veto and not self.forced:
            self.notify()
            return False
        return True


class _Drops:
    """Paths of files dropped on the window, kept until the app process
    takes them for the `FilePickerArea` they were dropped on.

    pywebview gives a dropped file's full path only to a Python handler of
    the DOM's drop event (``pywebviewFullPath``, matched by the toolkit's
    own drop data); the page's drop handler sees names only. The page tells
    the app the names, the app asks here, and waits a moment if this
    handler has not run yet.
    """

    #: Seconds a dropped path waits to be taken.
    KEEP = 60.0
    #: Seconds `take` waits for a drop the page reported first.
    WAIT = 5.0

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._paths: list[tuple[float, str]] = []

    def watch(self, window: Any) -> None:
        """Handle drops on the page just loaded (each load is a new DOM)."""
        try:
            from webview.dom import DOMEventHandler

            window.dom.document.events.drop += DOMEventHandler(self.dropped)
        except Exception as error:  # a backend without DOM events
            log.warning("Dropped files will not have their paths: %r", error)

    def dropped(self, event: Any) -> None:
        transfer = event.get("dataTransfer") if isinstance(event, dict) else None
        files = transfer.get("files") if isinstance(transfer, dict) else None
        now = time.monotonic()
        paths = [
            file["pywebviewFullPath"]
            for file in files or ()
            if isinstance(file, dict) and isinstance(file.get("pywebviewFullPath"), str)
        ]
        with self._changed:
            self._paths = [(t, p) for t, p in self._paths if now - t < self.KEEP]
            self._paths += [(now, path) for path in paths if path]
            self._changed.notify_all()

    def take(self, names: Any) -> list[str]:
        """The paths of the dropped files with these names (each once)."""
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError("take_dropped_files wants a list of names")
        wanted = list(names)
        found: list[str] = []
        deadline = time.monotonic() + self.WAIT
        with self._changed:
            while True:
                for name in list(wanted):
                    for index, (_, path) in enumerate(self._paths):
                        if os.path.basename(path) == name:
                            found.append(path)
                            del self._paths[index]
                            wanted.remove(name)
                            break
                remaining = deadline - time.monotonic()
                if not wanted or remaining <= 0:
                    return found
                self._changed.wait(remaining)


def _plain(value: Any) -> Any:
    """A reply value JSON can carry (dialogs answer tuples of str)."""
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool, dict)):
        return value
    return str(value)


def _close_on_signals(channel: _Channel) -> None:
    """Ctrl+C and SIGTERM close the windows (the app process then ends),
    even while the app holds the user's closes back."""

    def handler(signum: int, frame: Any) -> None:
        threading.Thread(target=channel.close_all, daemon=True).start()

    for name in ("SIGINT", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, handler)

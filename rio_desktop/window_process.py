"""The native window's own process, and the app process's handle on it.

Why a second process: Qt and aiohttp both start with long stretches of Python
work that hold the GIL (importing, creating the web view). In one process they
take turns; in two they run side by side, and the window shows the app sooner
(bench/window_startup.py: from ~1.4x to ~1.1-1.2x the time of a bare
pywebview window).

The window process runs pywebview and none of the app's code. It is started
with `fork` on Linux, where the modules it needs are already loaded, and as a
fresh interpreter elsewhere (macOS and Windows toolkits do not survive a fork)
or when the app process already runs threads, which a fork does not carry.
`RIO_DESKTOP_WINDOW_PROCESS=fork|spawn` picks one.

The two talk over a pair of pipes, one JSON object per line:

    app -> window:  {"id": 1, "method": "set_title", "args": [...], "kwargs": {...}}
    window -> app:  {"id": 1, "ok": true, "value": ...}
                    {"id": 1, "ok": false, "error": "..."}

A spawned window process first reads its `WindowOptions` as one such line.
The window process ends when its window is closed; the app process sees its
pipe close. If the app process dies, the window sees that and closes.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .user_settings import write_json_atomically

if TYPE_CHECKING:
    import subprocess

__all__ = ["WindowClosedError", "WindowOptions", "WindowProcess"]

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
DEFAULT_SIZE = (800, 600)


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
    icon: str | None = None
    backend: str | None = None
    debug: bool = False
    #: Where the window's size, position and maximized state are kept.
    geometry_file: str | None = None


# --- the app process's side ------------------------------------------------------


class WindowProcess:
    """The window, seen from the app process.

    It offers the few pywebview `Window` methods the session uses, with the
    same names and arguments; each call blocks until the window answers, so
    call them from worker threads, as one would pywebview's own.
    """

    def __init__(self, options: WindowOptions) -> None:
        self.options = options
        self._send_lock = threading.Lock()
        self._pending: dict[int, _Reply] = {}
        self._next_id = 0
        self._closed = threading.Event()
        self._to_window: BinaryIO | None = None
        self._from_window: BinaryIO | None = None
        self._reader: threading.Thread | None = None
        self._pid: int | None = None
        self._process: subprocess.Popen[bytes] | None = None

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
        """Wait until the window is closed; True if it is."""
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

    # --- the window's methods --------------------------------------------------

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
        """Close the window (without waiting for it)."""
        try:
            self._send("destroy")
        except WindowClosedError:
            pass

    # --- the pipe ----------------------------------------------------------------

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return self._send(method, *args, **kwargs).wait()

    def _send(self, method: str, *args: Any, **kwargs: Any) -> _Reply:
        reply = _Reply()
        with self._send_lock:
            if self._closed.is_set():
                raise WindowClosedError("The window is closed.")
            self._next_id += 1
            self._pending[self._next_id] = reply
            message = {"id": self._next_id, "method": method, "args": args}
            try:
                self._write({**message, "kwargs": kwargs})
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
                with self._send_lock:
                    waiting = self._pending.pop(reply.get("id"), None)
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
        fd = sys.stderr.fileno()  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return None
    if fd == 2:
        return None
    sys.stderr.flush()  # type: ignore[union-attr]
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
    """Open the window, answer requests from the app process, return once it
    is closed (its geometry saved)."""
    import webview

    geometry = _Geometry(Path(options.geometry_file) if options.geometry_file else None)
    width, height = geometry.initial_size(options.width, options.height)
    restore_position = geometry.loaded and geometry.x is not None
    window = webview.create_window(
        options.title,
        options.url,
        width=width,
        height=height,
        x=geometry.x if restore_position else None,
        y=geometry.y if restore_position else None,
        min_size=tuple(options.min_size),
        maximized=options.maximized or geometry.maximized,
        fullscreen=options.fullscreen,
        background_color=options.background_color,
        text_select=True,
    )
    events = window.events
    events.resized += geometry.resized
    events.moved += geometry.moved
    events.maximized += lambda: geometry.set_maximized(True)
    events.restored += lambda: geometry.set_maximized(False)
    events.shown += lambda: _keep_on_a_screen(window, geometry, width, height)
    events.before_show += lambda: _enable_pdf_viewer(window)
    drops = _Drops()
    events.loaded += lambda: drops.watch(window)

    channel = _Channel(window, replies, drops)
    threading.Thread(
        target=channel.serve, args=(requests,), name="rio-desktop requests", daemon=True
    ).start()
    _close_on_signals(window)
    try:
        webview.start(
            gui=options.backend,
            debug=options.debug,
            private_mode=True,
            icon=options.icon,
        )
    finally:
        geometry.save()


def _enable_pdf_viewer(window: Any) -> None:
    """Let QtWebEngine show PDFs (`rio.PdfViewer`): its viewer is a plugin,
    and plugins are off by default."""
    try:
        settings = window.native.webview.settings()
        settings.setAttribute(type(settings).WebAttribute.PluginsEnabled, True)
    except AttributeError:
        pass  # not the Qt backend: its engine has its own PDF support or none


class _Channel:
    """Runs the app process's requests on the window, each in its own thread
    (a file dialog waits for the user; a title change must not wait for it)."""

    def __init__(
        self, window: Any, replies: BinaryIO, drops: _Drops | None = None
    ) -> None:
        self.window = window
        self.replies = replies
        self.drops = drops or _Drops()
        self.lock = threading.Lock()

    def serve(self, requests: BinaryIO) -> None:
        for line in requests:
            try:
                request = json.loads(line)
                if not isinstance(request.get("method"), str):
                    raise ValueError("no method named")
            except (ValueError, AttributeError) as error:
                log.warning("Ignoring a malformed request to the window: %r", error)
                continue
            threading.Thread(target=self._answer, args=(request,), daemon=True).start()
        # The app process is gone: nothing can use the window any more.
        self.window.destroy()

    def _answer(self, request: dict[str, Any]) -> None:
        method = request["method"]
        try:
            if method in OWN_METHODS:
                value = self.drops.take(*request.get("args", ()))
            elif method not in CALLABLE_METHODS:
                raise ValueError(f"not a window method: {method!r}")
            else:
                value = getattr(self.window, method)(
                    *request.get("args", ()), **request.get("kwargs", {})
                )
            reply = {"id": request.get("id"), "ok": True, "value": _plain(value)}
        except Exception as error:
            reply = {"id": request.get("id"), "ok": False, "error": repr(error)}
        data = json.dumps(reply).encode() + b"\n"
        with self.lock:
            try:
                self.replies.write(data)
                self.replies.flush()
            except (OSError, ValueError):
                pass  # the app process is gone


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


def _close_on_signals(window: Any) -> None:
    """Ctrl+C and SIGTERM close the window (the app process then ends)."""

    def handler(signum: int, frame: Any) -> None:
        threading.Thread(target=window.destroy, daemon=True).start()

    for name in ("SIGINT", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, handler)


def _keep_on_a_screen(
    window: Any, geometry: _Geometry, width: int, height: int
) -> None:
    """Move a window restored onto a screen that is gone to the centre."""
    import webview

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
        window.move(
            screen.x + max(0, (screen.width - width) // 2),
            screen.y + max(0, (screen.height - height) // 2),
        )


class _Geometry:
    """The window's normal size and position, and whether it is maximized."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.width: int | None = None
        self.height: int | None = None
        self.x: int | None = None
        self.y: int | None = None
        self.maximized = False
        self.loaded = False
        if path is None:
            return
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

    def initial_size(self, width: int | None, height: int | None) -> tuple[int, int]:
        """The saved size, else the one asked for, else the default."""
        if self.loaded:
            chosen = (self.width or 0, self.height or 0)
        else:
            chosen = (width or DEFAULT_SIZE[0], height or DEFAULT_SIZE[1])
        with self.lock:
            self.width, self.height = chosen
        return chosen

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
            if self.path is None or self.width is None or self.height is None:
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

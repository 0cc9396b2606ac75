"""Helpers for the window tests: an Xvfb display, and the example app in a
subprocess that we drive (remote-control commands, xdotool) and observe
(its report, the X server, the files it writes).

One GUI app per process: every `WindowApp` is its own `python` process.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "window_features.py"
APP_TITLE = "Window Features"
X_TOOLS = ("Xvfb", "xdotool", "xclip", "import", "identify")


@contextlib.contextmanager
def start_xvfb() -> Iterator[str]:
    """A private Xvfb (1280x800) while the block runs; yields its DISPLAY.

    Xvfb picks a free display number itself and writes it to a pipe once it
    accepts connections (-displayfd): choosing one here by looking for lock
    files raced with other test runs starting their own at the same moment.
    """
    missing = [tool for tool in X_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"window tests need {', '.join(missing)}: sudo apt install xvfb"
            " xdotool xclip imagemagick"
        )
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24"]
        + ["-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    try:
        number = _read_display_number(read_end, timeout=10)
    finally:
        os.close(read_end)
    if number is None:
        process.kill()
        process.wait()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()


def _read_display_number(fd: int, timeout: float) -> int | None:
    """The number Xvfb writes to `fd` (a line), or None if it exits or the
    time runs out first."""
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 16)
        if not chunk:  # Xvfb exited
            return None
        data += chunk
    return int(data)


@pytest.fixture(scope="session")
def xvfb() -> Iterator[str]:
    """Start a private Xvfb and return its DISPLAY (":N"); no window manager."""
    with start_xvfb() as display:
        yield display


@contextlib.contextmanager
def openbox(display: str) -> Iterator[subprocess.Popen]:
    """Run the openbox window manager on `display` while the block runs.

    Returns once it manages the display: the root window then names it in
    _NET_SUPPORTING_WM_CHECK (maximize, minimize, focus and the window's
    state need a window manager).
    """
    if shutil.which("openbox") is None or shutil.which("xprop") is None:
        pytest.fail(
            "these window tests need openbox and xprop:"
            " sudo apt install openbox x11-utils"
        )
    process = subprocess.Popen(
        ["openbox", "--sm-disable"],
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 10
        while "window id #" not in xprop(display, "-root", "_NET_SUPPORTING_WM_CHECK"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"openbox did not take display {display}")
            time.sleep(0.05)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def wm_display() -> Iterator[str]:
    """A private Xvfb with the openbox window manager, for one test module
    (the session-wide `xvfb` has none: the other tests' geometry expects
    that)."""
    with start_xvfb() as display, openbox(display):
        yield display


def xprop(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xprop", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
    )
    return done.stdout


def window_state(display: str, window: str) -> set[str]:
    """The window's _NET_WM_STATE, e.g. {"_NET_WM_STATE_MAXIMIZED_VERT"}."""
    out = xprop(display, "-id", window, "_NET_WM_STATE")
    if "=" not in out:
        return set()
    return {atom.strip() for atom in out.split("=", 1)[1].split(",") if atom.strip()}


def active_window(display: str) -> int | None:
    """The window the window manager says has the focus (_NET_ACTIVE_WINDOW)."""
    out = xprop(display, "-root", "_NET_ACTIVE_WINDOW")
    try:
        return int(out.rsplit("#", 1)[1].split(",")[0].strip(), 16) or None
    except (IndexError, ValueError):
        return None


def client_geometry(display: str, window: str) -> dict[str, int]:
    """Where the window's client area is on the screen, and its size (from
    xwininfo: `xdotool getwindowgeometry` adds a window manager's frame
    offset twice)."""
    out = subprocess.run(
        ["xwininfo", "-id", window],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
    ).stdout
    fields = {
        "Absolute upper-left X": "X",
        "Absolute upper-left Y": "Y",
        "Width": "WIDTH",
        "Height": "HEIGHT",
    }
    found = {}
    for line in out.splitlines():
        name, _, value = line.strip().partition(":")
        if name in fields:
            found[fields[name]] = int(value)
    return found


def frame_extents(display: str, window: str) -> tuple[int, int, int, int]:
    """The window manager's frame around the window: left, right, top, bottom."""
    out = xprop(display, "-id", window, "_NET_FRAME_EXTENTS")
    if "=" not in out:
        return (0, 0, 0, 0)
    left, right, top, bottom = (int(v) for v in out.split("=", 1)[1].split(","))
    return left, right, top, bottom


def wait_until(condition: Any, timeout: float = 10, message: Any = "") -> Any:
    """Poll `condition()` until it is truthy; return that value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(
                f"not within {timeout}s: {message() if callable(message) else message}"
            )
        time.sleep(0.05)


class WindowApp:
    """The example app running in its own process under Xvfb."""

    def __init__(
        self,
        display: str,
        work_dir: Path,
        data_dir: Path,
        env: dict[str, str] | None = None,
        script: Path = EXAMPLE,
    ) -> None:
        self.display = display
        self.dir = work_dir
        self.dir.mkdir(parents=True, exist_ok=True)
        self.report_file = self.dir / "report.jsonl"
        self.commands_file = self.dir / "commands.jsonl"
        self.report_file.unlink(missing_ok=True)
        self.commands_file.unlink(missing_ok=True)
        self.data_dir = data_dir
        self._ids = iter(range(1, 1_000_000))
        full_env = {
            **os.environ,
            "DISPLAY": display,
            # Qt's web engine refuses to start as root without this.
            "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox",
            "RIO_DESKTOP_TEST_DIR": str(self.dir),
            "RIO_DESKTOP_DATA_DIR": str(data_dir),
            # What it prints reaches output.txt at once, and SIGABRT makes
            # each Python process print every thread's stack there
            # (`diagnose`).
            "PYTHONUNBUFFERED": "1",
            "PYTHONFAULTHANDLER": "1",
            **(env or {}),
        }
        full_env.pop("WAYLAND_DISPLAY", None)
        full_env.pop("QT_QPA_PLATFORM", None)
        self.log = open(self.dir / "output.txt", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, str(script)],
            env=full_env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    # --- observing ---------------------------------------------------------

    def events(self) -> list[dict[str, Any]]:
        try:
            text = self.report_file.read_text("utf-8")
        except FileNotFoundError:
            return []
        return [json.loads(line) for line in complete_lines(text)]

    def wait_for(self, event: str, timeout: float = 20, **match: Any) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for entry in self.events():
                if entry["event"] == event and all(
                    entry.get(k) == v for k, v in match.items()
                ):
                    return entry
            if self.process.poll() is not None and event not in ("exit",):
                break
            time.sleep(0.05)
        raise AssertionError(
            f"no {event!r} {match or ''} within {timeout}s; process"
            f" {self.process.poll()}; output:\n{self.output()[-3000:]}"
        )

    def wait_started(self, timeout: float = 30) -> dict:
        """The app's ``session_start`` report, once its window's page has
        connected. If it does not come in time, the failure says why it may
        not have (see `diagnose`)."""
        try:
            return self.wait_for("session_start", timeout)
        except AssertionError:
            if self.process.poll() is not None:
                raise  # it ended: wait_for's message has its output
        raise AssertionError(self.diagnose(f"no session_start within {timeout}s"))

    def diagnose(self, what: str) -> str:
        """A report for a test that waited in vain on a running app: what it
        reported, its processes (state, kernel wait channel, command line)
        and every Python thread's stack, then its output. Ends the app: each
        of its Python processes gets SIGABRT (faulthandler prints the
        stacks)."""
        processes = session_processes(self.process.pid)
        table = "\n".join(
            f"  {pid} {state} {wchan or '-'}: {command[:150]}"
            for pid, state, wchan, command in processes
        )
        pythons = [p[0] for p in processes if "python" in p[3].split(" ")[0]]
        # The app's children first (the app's end may end them), one at a
        # time, each stack under its pid (output.txt is shared).
        for pid in sorted(pythons, key=lambda pid: pid == self.process.pid):
            self.log.write(f"\n--- SIGABRT to pid {pid} ---\n")
            self.log.flush()
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGABRT)
            deadline = time.monotonic() + 5
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        events = "\n".join(f"  {event}" for event in self.events()) or "  (none)"
        return (
            f"{what}; the app (pid {self.process.pid}) was still running.\n"
            f"What it reported:\n{events}\n"
            f"Its processes (pid, state, wait channel, command):\n{table}\n"
            f"Its output, with each Python thread's stack at the end:\n"
            f"{self.output()[-12000:]}"
        )

    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return (self.dir / "output.txt").read_text(errors="replace")

    # --- the remote control ---------------------------------------------------

    def send(self, cmd: str, **args: Any) -> int:
        """Send a command; returns its id (see `result`)."""
        command_id = next(self._ids)
        line = json.dumps({"id": command_id, "cmd": cmd, **args})
        with open(self.commands_file, "a", encoding="utf-8") as file:
            file.write(line + "\n")
        return command_id

    def result(self, command_id: int, timeout: float = 15) -> dict[str, Any]:
        return self.wait_for("result", timeout, id=command_id)

    def call(self, cmd: str, timeout: float = 15, **args: Any) -> Any:
        """Run a command and return its value; fails if it raised."""
        answer = self.result(self.send(cmd, **args), timeout)
        assert answer["ok"], answer["error"]
        return answer["value"]

    # --- the X side -------------------------------------------------------------

    def xdotool(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env={**os.environ, "DISPLAY": self.display},
            capture_output=True,
            text=True,
            timeout=20,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"xdotool {args} failed: {done.stderr}")
        return done.stdout.strip()

    def find_windows(self, name: str) -> list[str]:
        out = self.xdotool("search", "--onlyvisible", "--name", name, check=False)
        return out.split()

    def wait_window(self, name: str, timeout: float = 20) -> str:
        """The id of a visible X window whose title matches `name` (regex)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find_windows(name)
            if found:
                return found[-1]
            time.sleep(0.05)
        raise AssertionError(f"no window named {name!r} within {timeout}s")

    def window_name(self, window: str) -> str:
        return self.xdotool("getwindowname", window)

    def geometry(self, window: str) -> dict[str, int]:
        out = self.xdotool("getwindowgeometry", "--shell", window)
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        keys = ("X", "Y", "WIDTH", "HEIGHT")
        return {k: int(v) for k, v in values.items() if k in keys}

    def screenshot(self, path: Path) -> Path:
        subprocess.run(
            ["import", "-window", "root", str(path)],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
            timeout=20,
        )
        return path

    def type_into_dialog(self, dialog: str, text: str | None, key: str) -> None:
        """Focus the dialog, type `text` (if any) and press `key`."""
        self.xdotool("windowfocus", "--sync", dialog, check=False)
        time.sleep(0.3)  # the dialog lists the folder and focuses its field
        if text is not None:
            self.xdotool("key", "--clearmodifiers", "ctrl+a")
            self.xdotool("type", "--delay", "10", text)
            time.sleep(0.2)
        self.xdotool("key", key)

    def request_close(self, window: str) -> None:
        """Ask the window to close the way a window manager's X button does."""
        send_wm_delete(self.display, int(window))

    # --- the end -------------------------------------------------------------

    def wait_exit(self, timeout: float = 10) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"the app did not exit within {timeout}s:\n{self.output()[-3000:]}"
            ) from None

    def kill(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(5)
        self.log.close()


def complete_lines(text: str) -> list[str]:
    """The lines of a JSON-lines file another process appends to, without a
    last one it is still writing (a line is complete once its newline is
    there: a part of one may well end with "}")."""
    return text.split("\n")[:-1]


def session_processes(session_id: int) -> list[tuple[int, str, str, str]]:
    """The processes of a session (a process started with
    start_new_session=True and what it started): pid, state, the kernel
    function it waits in, command line."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) != session_id:
                continue
            wchan = (entry / "wchan").read_text().strip()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, ValueError, IndexError):
            continue  # it ended meanwhile
        found.append((int(entry.name), fields[0], wchan, command.decode().strip()))
    return sorted(found)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def start_app(
    display: str, work_dir: Path, data_dir: Path, *, script: Path = EXAMPLE, **env: str
) -> tuple[WindowApp, dict]:
    """Start the example (or `script`) and wait until its window's session
    has started."""
    app = WindowApp(display, work_dir, data_dir, env, script=script)
    try:
        started = app.wait_started()
    except BaseException:
        app.kill()
        raise
    return app, started


# --- what the page shows (apps with a "js" command) -------------------------------


def page_text(app: WindowApp) -> str:
    return app.call("js", code="document.body.innerText") or ""


def wait_page_text(app: WindowApp, text: str, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while text not in (shown := page_text(app)):
        assert time.monotonic() < deadline, f"{text!r} not in the window: {shown!r}"
        time.sleep(0.05)
    return shown


def click_button(app: WindowApp, window: str, label: str) -> None:
    """A real mouse click (X events) on the button labelled `label`."""
    code = f"""(() => {{
      const el = [...document.querySelectorAll("button")].find(
        (b) => b.getAttribute("aria-label") === {json.dumps(label)}
          && b.getClientRects().length > 0);
      if (!el) return null;
      el.scrollIntoView({{ block: "nearest" }});
      const r = el.getBoundingClientRect();
      return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
    }})()"""
    centre = wait_until(
        lambda: app.call("js", code=code), message=f"no {label!r} button in the window"
    )
    app.xdotool("mousemove", "--window", window, str(centre[0]), str(centre[1]))
    app.xdotool("click", "1")


# --- WM_DELETE_WINDOW through Xlib (xdotool can only destroy windows) ---------


class _XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _XClientMessageEvent), ("pad", ctypes.c_long * 24)]


#: Xlib's default error handler exits the process (here: pytest, leaving its
#: Xvfb behind): errors are noted instead, and raised as AssertionError.
_X_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_x_errors: list[int] = []
_note_x_error = _X_ERROR_HANDLER(lambda display, event: _x_errors.append(1) or 0)


def send_wm_delete(display_name: str, window: int) -> None:
    """Send WM_DELETE_WINDOW to `window`: what the close button does."""
    xlib = ctypes.CDLL("libX11.so.6")
    xlib.XSetErrorHandler.argtypes = [_X_ERROR_HANDLER]
    xlib.XSetErrorHandler.restype = ctypes.c_void_p
    xlib.XSetErrorHandler(_note_x_error)
    _x_errors.clear()
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XSendEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_long,
        ctypes.POINTER(_XEvent),
    ]
    xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = xlib.XOpenDisplay(display_name.encode())
    if not display:
        raise AssertionError(f"cannot open X display {display_name}")
    try:
        event = _XEvent()
        event.xclient.type = 33  # ClientMessage
        event.xclient.send_event = 1
        event.xclient.display = display
        event.xclient.window = window
        event.xclient.message_type = xlib.XInternAtom(display, b"WM_PROTOCOLS", 0)
        event.xclient.format = 32
        event.xclient.data[0] = xlib.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
        event.xclient.data[1] = 0  # CurrentTime
        xlib.XSendEvent(display, window, 0, 0, ctypes.byref(event))
        xlib.XSync(display, 0)
    finally:
        xlib.XCloseDisplay(display)
    if _x_errors:
        raise AssertionError(f"X refused WM_DELETE_WINDOW for window {window}")


def unique_colors(png: Path) -> int:
    """How many different colours an image has (1 = blank)."""
    out = subprocess.run(
        ["identify", "-format", "%k", str(png)],
        capture_output=True,
        text=True,
        check=True,
        timeout=20,
    ).stdout
    return int(out.strip())


def listening_port(pid: int) -> int:
    """The TCP port process `pid` listens on (127.0.0.1)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, state, inode = fields[1], fields[3], fields[9]
        if state == "0A" and inode in inodes:  # LISTEN
            address, port = local.split(":")
            if address == "0100007F":  # 127.0.0.1
                return int(port, 16)
    raise AssertionError(f"process {pid} listens on no 127.0.0.1 port")


BUS_CONFIG = """<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@contextlib.contextmanager
def private_session_bus(folder: Path) -> Iterator[str]:
    """A private D-Bus session bus (no services to activate) while the block
    runs; yields its address. Its config and socket go in `folder`."""
    if shutil.which("dbus-daemon") is None:
        pytest.fail("these window tests need dbus-daemon: sudo apt install dbus-daemon")
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(dir=folder), encoding="utf-8")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--nofork", "--print-address=1", f"--config-file={config}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address.startswith("unix:"), address
        yield address
    finally:
        daemon.terminate()
        daemon.wait(5)

"""Helpers for the window tests: an Xvfb display, and the example app in a
subprocess that we drive (remote-control commands, xdotool) and observe
(its report, the X server, the files it writes).

One GUI app per process: every `WindowApp` is its own `python` process.
"""

from __future__ import annotations

import ctypes
import json
import os
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


def _free_display() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise RuntimeError("no free X display number between :90 and :199")


@pytest.fixture(scope="session")
def xvfb() -> Iterator[str]:
    """Start a private Xvfb and return its DISPLAY (":N")."""
    missing = [tool for tool in X_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"window tests need {', '.join(missing)}: sudo apt install xvfb"
            " xdotool xclip imagemagick"
        )
    number = _free_display()
    process = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"Xvfb :{number} did not start")
        time.sleep(0.05)
    yield f":{number}"
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()


class WindowApp:
    """The example app running in its own process under Xvfb."""

    def __init__(
        self,
        display: str,
        work_dir: Path,
        data_dir: Path,
        env: dict[str, str] | None = None,
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
            **(env or {}),
        }
        full_env.pop("WAYLAND_DISPLAY", None)
        full_env.pop("QT_QPA_PLATFORM", None)
        self.log = open(self.dir / "output.txt", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, str(EXAMPLE)],
            env=full_env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    # --- observing ---------------------------------------------------------

    def events(self) -> list[dict[str, Any]]:
        try:
            lines = self.report_file.read_text("utf-8").splitlines()
        except FileNotFoundError:
            return []
        return [json.loads(line) for line in lines if line.endswith("}")]

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

    def output(self) -> str:
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


def start_app(
    display: str, work_dir: Path, data_dir: Path, **env: str
) -> tuple[WindowApp, dict]:
    """Start the example and wait until its window's session has started."""
    app = WindowApp(display, work_dir, data_dir, env)
    try:
        started = app.wait_for("session_start", timeout=30)
    except BaseException:
        app.kill()
        raise
    return app, started


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


def send_wm_delete(display_name: str, window: int) -> None:
    """Send WM_DELETE_WINDOW to `window`: what the close button does."""
    xlib = ctypes.CDLL("libX11.so.6")
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
    xlib.XFlush.argtypes = [ctypes.c_void_p]
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
        xlib.XFlush(display)
    finally:
        xlib.XCloseDisplay(display)


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

"""The window runs in its own process: both ways of starting it, what happens
when either process dies, and the pipe between them.

The window tests in test_window.py run with the platform's default (fork on
Linux); here the spawned window gets the same basic checks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import io
import json
import os
import signal
import struct
import termios
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from window_support import APP_TITLE, WindowApp, start_app, xvfb  # noqa: F401

from rio_desktop.window_process import WindowOptions, WindowProcess, _Channel

pytestmark = [pytest.mark.window, pytest.mark.timeout(90)]


@contextlib.contextmanager
def _app_with_window(display: str, tmp_path: Path) -> Iterator[tuple[WindowApp, int]]:
    """The example app, its window shown; yields it and the window's pid."""
    app, _ = start_app(display, tmp_path / "run", tmp_path / "data")
    try:
        yield app, _window_pid(app, app.wait_window(f"^{APP_TITLE}$"))
    finally:
        app.kill()


def _hooks_ran(app: WindowApp) -> bool:
    names = [entry["event"] for entry in app.events()]
    return "session_close" in names and "app_close" in names


def _window_pid(app: WindowApp, window: str) -> int:
    return int(app.xdotool("getwindowpid", window))


def _parent_pid(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1])


def _wait_until(condition, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_the_window_is_a_child_process_started_either_way(
    xvfb: str,  # noqa: F811
    tmp_path: Path,
    method: str,
) -> None:
    data = tmp_path / "data"
    app, _ = start_app(xvfb, tmp_path / "run", data, RIO_DESKTOP_WINDOW_PROCESS=method)
    try:
        window = app.wait_window(f"^{APP_TITLE}$")
        pid = _window_pid(app, window)
        assert pid != app.process.pid
        assert _parent_pid(pid) == app.process.pid
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
        assert (b"rio_desktop.window_process" in command) == (method == "spawn")

        # A call crosses to the window's process and back.
        app.call("set_title", title=f"Started by {method}")
        assert _wait_until(lambda: app.window_name(window) == f"Started by {method}")
        assert app.call("js", code="1 + 1") == 2

        app.request_close(window)
        assert app.wait_exit(10) == 0
    finally:
        app.kill()
    assert not Path(f"/proc/{pid}").exists()  # reaped, not a zombie
    saved = json.loads((data / "window.json").read_text())["windows"]["/"]
    assert saved["width"] > 0 and saved["height"] > 0


def test_killing_the_app_process_closes_its_window(
    xvfb: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    with _app_with_window(xvfb, tmp_path) as (app, pid):
        os.kill(app.process.pid, signal.SIGKILL)  # the app alone, not its group
        assert _wait_until(lambda: not app.find_windows(f"^{APP_TITLE}$")), (
            "the window outlived its app"
        )
        assert _wait_until(lambda: _gone(pid))


def _pipes(pid: int) -> dict[str, Path]:
    """The pipes process `pid` holds: their names ("pipe:[inode]"), each with
    a /proc path to open it by."""
    found = {}
    for entry in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            name = os.readlink(entry)
            if name.startswith("pipe:"):
                found[name] = entry
    return found


def _unread_from_app(window_pid: int, app_pid: int) -> int:
    """How many bytes the app wrote into the pipes it shares with its window
    process that the window has not read (a stopped process reads nothing)."""
    shared = set(_pipes(app_pid))
    unread = 0
    for name, path in _pipes(window_pid).items():
        if name not in shared:
            continue
        try:
            reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            count = fcntl.ioctl(reader, termios.FIONREAD, bytes(4))
            unread += struct.unpack("i", count)[0]
        finally:
            os.close(reader)
    return unread


def _all_threads_stopped(pid: int) -> bool:
    states = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            stat = (task / "stat").read_text()
            states.append(stat.rsplit(")", 1)[1].split()[0])
    return bool(states) and all(state in ("T", "t") for state in states)


def _gone(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"  # exited, not yet reaped


def test_a_crashed_window_ends_the_app_cleanly_with_a_message(
    xvfb: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    with _app_with_window(xvfb, tmp_path) as (app, pid):
        os.kill(pid, signal.SIGKILL)
        assert app.wait_exit(10) == 1
        assert "The window's process ended with status -9" in app.output()
    assert _hooks_ran(app)  # nothing skipped


def test_a_second_ctrl_c_ends_a_window_that_hangs(
    xvfb: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    with _app_with_window(xvfb, tmp_path) as (app, pid):
        # The page's session runs: the app's Ctrl+C then asks the window to
        # close (before that, the start is still under way).
        app.wait_started()
        os.kill(pid, signal.SIGSTOP)  # the window stops answering
        # kill() returns before every thread has stopped: one still reading
        # would take the close request out of the pipe.
        assert _wait_until(lambda: _all_threads_stopped(pid))
        before = _unread_from_app(pid, app.process.pid)
        app.process.send_signal(signal.SIGINT)
        # The app has handled the first Ctrl+C once its request to close
        # waits, unread, in the stopped window's pipe; then it waits.
        assert _wait_until(
            lambda: _unread_from_app(pid, app.process.pid) > before, timeout=30
        ), "the app wrote no close request to its stopped window"
        assert app.process.poll() is None
        app.process.send_signal(signal.SIGINT)
        assert app.wait_exit(10) == 0
        assert "its process was ended" in app.output()
    assert _wait_until(lambda: _gone(pid))
    assert _hooks_ran(app)  # nothing skipped


# --- the pipe, with a stand-in window ------------------------------------------


class _RecordingWindow:
    def __init__(self) -> None:
        self.titles: list[str] = []
        self.destroyed = threading.Event()

    def set_title(self, title: str) -> None:
        self.titles.append(title)

    def create_file_dialog(self, dialog_type: int, **options: object) -> tuple:
        return ("/tmp/a.txt", "/tmp/b.txt")

    def destroy(self) -> None:
        self.destroyed.set()


class _Replies(io.BytesIO):
    def lines(self) -> list[dict]:
        return [json.loads(line) for line in self.getvalue().splitlines()]


def test_the_window_answers_only_its_own_methods_and_survives_garbage(
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = _RecordingWindow()
    replies = _Replies()
    requests = io.BytesIO(
        b"not json\n"
        b"[1, 2]\n"
        b'{"id": 1}\n'
        b'{"id": 2, "method": "__class__"}\n'
        b'{"id": 3, "method": "set_title", "args": ["Hi"], "kwargs": {}}\n'
        b'{"id": 4, "method": "set_title", "args": [], "kwargs": 5}\n'
        b'{"id": 5, "method": "create_file_dialog", "args": [10]}\n'
    )
    channel = _Channel(replies)
    channel.add(0, window)
    channel.serve(requests)

    assert window.destroyed.is_set()  # the app's end of the pipe closed
    assert _wait_until(lambda: len(replies.lines()) == 4, timeout=5)
    answers = {reply["id"]: reply for reply in replies.lines()}
    assert not answers[2]["ok"] and "not a window method" in answers[2]["error"]
    assert answers[3] == {"id": 3, "ok": True, "value": None, "window": 0}
    assert not answers[4]["ok"]
    assert answers[5]["value"] == ["/tmp/a.txt", "/tmp/b.txt"]
    assert window.titles == ["Hi"]
    assert caplog.text.count("malformed request") == 3


@dataclasses.dataclass
class _OptionsFromANewerRelease(WindowOptions):
    """Options the window process does not know: it fails at once, with a
    traceback, before any window exists."""

    not_an_option: bool = True


def test_a_spawned_window_writes_its_errors_where_the_app_writes_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A double-clicked packaged app has no console: its launcher points
    # sys.stderr at a log file, and descriptor 2 is not that file.
    monkeypatch.setenv("RIO_DESKTOP_WINDOW_PROCESS", "spawn")
    log_file = tmp_path / "last-run.log"
    with open(log_file, "w", encoding="utf-8", buffering=1) as log:
        monkeypatch.setattr("sys.stderr", log)
        window = WindowProcess(_OptionsFromANewerRelease(url="http://x/", title="T"))
        window.start()
        assert window.wait_closed(timeout=30)
        assert window.wait_exit() == 1
    text = log_file.read_text("utf-8")
    assert "Traceback" in text and "not_an_option" in text

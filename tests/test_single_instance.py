"""Single instance in window mode (`rio_desktop._single_instance`).

Most tests drive the lock and the hand-over channel in this process (fast,
no window). The last two run `tests/single_instance_app.py` in real Qt
windows under Xvfb with openbox (minimize and focus need a window manager):
a second launch from another folder exits 0, the first app's handler gets
its argv and cwd, and its window is un-minimized and focused; a first
instance killed with SIGKILL does not block the next start; and
``single_instance=False`` opens a second window.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from window_support import (
    WindowApp,
    active_window,
    wait_until,
    window_state,
    wm_display,  # noqa: F401  (fixture)
)

import rio_desktop as rio
from rio_desktop import _single_instance as si

APP = Path(__file__).resolve().parent / "single_instance_app.py"
TITLE = "Single Instance Test"


# --- helpers ----------------------------------------------------------------------


class LoopThread:
    """An asyncio loop in a thread, as the app's server runs one."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def call(self, coro: Any, timeout: float = 10) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def loop() -> Iterator[LoopThread]:
    thread = LoopThread()
    yield thread
    thread.stop()


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short private XDG_RUNTIME_DIR (a socket path must stay < 100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="si-", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


class Receiver:
    """The first instance's side: records the events, answers `accept`."""

    def __init__(self, accept: bool = True) -> None:
        self.accept = accept
        self.events: list[si.SecondInstanceEvent] = []
        self.called = threading.Event()

    def __call__(self, event: si.SecondInstanceEvent) -> bool:
        self.events.append(event)
        self.called.set()
        return self.accept


def serve(loop: LoopThread, first: si.FirstInstance, receiver: Receiver) -> None:
    loop.call(first.serve(receiver))


def close(loop: LoopThread, first: si.FirstInstance) -> None:
    loop.call(first.stop_serving())
    first.close()


# --- the lock and the hand-over -------------------------------------------------


def test_second_claim_hands_over_argv_and_cwd_then_the_lock_is_free(
    tmp_path: Path, runtime_dir: Path, loop: LoopThread
) -> None:
    first = si.claim("My App", tmp_path)
    assert isinstance(first, si.FirstInstance)
    address = Path(first.info["address"])
    assert address.parent == runtime_dir / "rio-desktop"
    assert stat.S_IMODE(address.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(address.stat().st_mode) == 0o600
    receiver = Receiver()
    serve(loop, first, receiver)
    try:
        handed = si.claim("My App", tmp_path, argv=["app.py", "a b.txt"], cwd="/srv")
        assert handed is None
        assert receiver.events == [
            si.SecondInstanceEvent(argv=["app.py", "a b.txt"], cwd=Path("/srv"))
        ]
        # Defaults: this process's own command line and folder.
        assert si.claim("My App", tmp_path) is None
        assert receiver.events[1].argv == sys.argv
        assert receiver.events[1].cwd == Path.cwd()
    finally:
        close(loop, first)
    assert not address.exists()
    again = si.claim("My App", tmp_path)
    assert isinstance(again, si.FirstInstance)
    again.close()


def test_the_lock_is_per_app_name_and_per_data_dir(
    tmp_path: Path, runtime_dir: Path
) -> None:
    held = [
        si.claim("My App", tmp_path / "a"),
        si.claim("Other App", tmp_path / "a"),
        si.claim("My App", tmp_path / "b"),  # RIO_DESKTOP_DATA_DIR isolates
        si.claim("../My App?*", tmp_path / "a"),  # sanitized, not a path
    ]
    try:
        assert all(isinstance(first, si.FirstInstance) for first in held)
        assert len({first.info["address"] for first in held}) == 4
        assert all(
            Path(first.info["address"]).parent == runtime_dir / "rio-desktop"
            for first in held
        )
    finally:
        for first in held:
            first.close()


_HOLDER = """
import sys
from pathlib import Path
from rio_desktop import _single_instance as si
first = si.claim("Killed App", Path(sys.argv[1]))
print(first.info["address"], flush=True)
sys.stdin.read()
"""


def test_a_first_instance_killed_with_sigkill_never_blocks(
    tmp_path: Path, runtime_dir: Path
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        address = Path(holder.stdout.readline().strip())
        assert address.exists()
    finally:
        holder.kill()
        holder.wait(10)
    # Its socket and its info file are left behind; the lock is not.
    assert address.exists()
    started = time.monotonic()
    first = si.claim("Killed App", tmp_path)
    assert isinstance(first, si.FirstInstance)
    assert time.monotonic() - started < 1
    assert first.info["pid"] == os.getpid()
    first.close()


def test_a_hung_first_instance_fails_the_second_start_clearly(
    tmp_path: Path, runtime_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rio_desktop.desktop import run_in_window

    monkeypatch.setenv("RIO_DESKTOP_DATA_DIR", str(tmp_path))
    app = rio.App(build=lambda: rio.Text("x"), name="Hung App")
    first = si.claim(app.name, tmp_path)  # holds the lock, never answers
    assert first is not None
    try:
        with pytest.raises(si.HandOverError, match="did not answer within 0.3 s"):
            si.claim(app.name, tmp_path, timeout=0.3)
        # What a second start of the app shows: exit status 1, one line.
        monkeypatch.setattr(si, "HAND_OVER_TIMEOUT", 0.3)
        with pytest.raises(SystemExit) as exited:
            run_in_window(app)
        message = str(exited.value.code)
        assert message.startswith("rio-desktop: Hung App is already running")
        assert f"(process {os.getpid()})" in message
        assert "no second window" in message
    finally:
        first.close()


def test_a_second_start_while_the_first_closes_waits_and_becomes_first(
    tmp_path: Path, runtime_dir: Path, loop: LoopThread
) -> None:
    first = si.claim("Closing App", tmp_path)
    assert first is not None
    receiver = Receiver(accept=False)  # its window is closing
    serve(loop, first, receiver)
    result: dict[str, Any] = {}

    def second_start() -> None:
        # A long deadline: on a busy machine the first may take seconds to
        # close, and this test is about waiting for it, not about how long.
        try:
            result["claimed"] = si.claim("Closing App", tmp_path, timeout=60)
        except BaseException as error:
            result["claimed"] = error

    second = threading.Thread(target=second_start)
    second.start()
    try:
        assert receiver.called.wait(30)
    finally:
        close(loop, first)
    second.join(60)
    assert not second.is_alive(), "the second start still waits"
    claimed = result["claimed"]
    assert isinstance(claimed, si.FirstInstance)
    claimed.close()


def test_run_in_window_hands_over_and_exits_0_without_opening_anything(
    tmp_path: Path,
    runtime_dir: Path,
    loop: LoopThread,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from rio_desktop.desktop import run_in_window

    monkeypatch.setenv("RIO_DESKTOP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DISPLAY", raising=False)  # no window could open anyway
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    app = rio.App(build=lambda: rio.Text("x"), name="Handing App")
    first = si.claim(app.name, tmp_path)
    assert first is not None
    receiver = Receiver()
    serve(loop, first, receiver)
    try:
        with pytest.raises(SystemExit) as exited:
            app.run_in_window()
        assert exited.value.code == 0
        assert len(receiver.events) == 1
        assert "Handing App is already running" in capsys.readouterr().out
        # Turned off, the start goes on to open its window (here: none).
        with pytest.raises(SystemExit, match="Cannot open a window"):
            run_in_window(app, single_instance=False)
        assert len(receiver.events) == 1
    finally:
        close(loop, first)


def test_rio_desktop_run_has_no_single_instance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rio_desktop import cli, desktop

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        desktop, "run_in_window", lambda app, **options: calls.append(options)
    )
    monkeypatch.setattr(cli, "_window_unavailable", lambda backend: None)
    assert cli.main(["run", "--release", str(APP)]) == 0
    assert cli.main(["run", "--release", "--no-single-instance", str(APP)]) == 0
    assert [call["single_instance"] for call in calls] == [True, False]


# --- who may hand over ------------------------------------------------------------


def test_the_socket_folder_must_be_private_and_the_users_own(tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    os.chmod(loose, 0o755)
    assert si.private_dir_problem(loose) is None
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700  # tightened

    link = tmp_path / "link"
    link.symlink_to(loose)
    assert "is not a folder" in si.private_dir_problem(link)

    if os.getuid() == 0:
        theirs = tmp_path / "theirs"
        theirs.mkdir(mode=0o700)
        os.chown(theirs, 65534, 65534)
        assert "belongs to another user" in si.private_dir_problem(theirs)


def test_an_unusable_runtime_dir_falls_back_to_a_private_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = Path(tempfile.mkdtemp(prefix="si-", dir="/tmp"))
    try:
        (runtime / "rio-desktop").symlink_to(tmp_path)  # planted by someone
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        path = si.socket_path("My App", tmp_path)
        assert runtime not in path.parents
        assert si.private_dir_problem(path.parent) is None
        # Too long for an AF_UNIX address: skipped too.
        monkeypatch.setenv("XDG_RUNTIME_DIR", "/tmp/" + "x" * 90)
        path = si.socket_path("My App", tmp_path)
        assert len(os.fsencode(path)) <= si.MAX_SOCKET_PATH
    finally:
        shutil.rmtree(runtime)


_OTHER_USER_CLIENT = """
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
try:
    s.connect(sys.argv[1])
except OSError as error:
    print(type(error).__name__)
    raise SystemExit
try:
    s.sendall(b'{"argv": ["evil"], "cwd": "/"}\\n')
    answer = s.recv(100)
except OSError:
    answer = b""
print("answer", answer)
"""


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to act as another user")
def test_another_user_cannot_hand_over(runtime_dir: Path, loop: LoopThread) -> None:
    python = shutil.which("python3", path="/usr/bin:/bin")
    if python is None:
        pytest.skip("no system python3 another user can run")
    data = runtime_dir / "data"
    first = si.claim("My App", data)
    assert first is not None
    receiver = Receiver()
    serve(loop, first, receiver)
    address = first.info["address"]

    def as_nobody() -> str:
        done = subprocess.run(
            [python, "-I", "-S", "-c", _OTHER_USER_CLIENT, address],
            user=65534,
            group=65534,
            extra_groups=[],
            capture_output=True,
            text=True,
            timeout=20,
        )
        return done.stdout.strip() + done.stderr.strip()

    try:
        os.chmod(runtime_dir, 0o711)  # XDG_RUNTIME_DIR itself: enterable
        # The folder the socket is in is 0700: nobody gets to it.
        assert as_nobody() == "PermissionError"
        # Even with the folder and the socket opened up, the first instance
        # asks the kernel who connected (SO_PEERCRED) and refuses.
        os.chmod(Path(address).parent, 0o711)
        os.chmod(address, 0o666)
        assert as_nobody() == "answer b''"
        assert receiver.events == []
    finally:
        close(loop, first)


def test_the_windows_channel_over_af_unix(tmp_path: Path, loop: LoopThread) -> None:
    """The Windows hand-over (multiprocessing.connection with an authkey) is
    the same code with family AF_PIPE; here it runs over AF_UNIX."""
    channel = si._ConnectionChannel(str(tmp_path / "pipe"), "AF_UNIX")
    receiver = Receiver()
    loop.call(channel.serve(receiver))
    try:
        info = channel.info()
        data = json.dumps({"argv": ["app.exe", "x"], "cwd": str(tmp_path)}).encode()
        reply = si._send_connection(info, data + b"\n", time.monotonic() + 5)
        assert reply == {"ok": True, "pid": os.getpid()}
        assert receiver.events == [
            si.SecondInstanceEvent(argv=["app.exe", "x"], cwd=tmp_path)
        ]
        wrong = {**info, "authkey": "00" * 32}
        with pytest.raises(si.HandOverError, match="key did not match"):
            si._send_connection(wrong, data, time.monotonic() + 5)
        assert len(receiver.events) == 1
    finally:
        loop.call(channel.stop())
        channel.close()
    assert channel._thread is not None and not channel._thread.is_alive()


@pytest.mark.parametrize(
    "line",
    [
        b"not json\n",
        b'{"argv": "app.py", "cwd": "/"}\n',
        b'{"argv": ["app.py"], "cwd": "relative"}\n',
        b"[1, 2]\n",
    ],
)
def test_a_malformed_message_is_ignored(
    tmp_path: Path, runtime_dir: Path, loop: LoopThread, line: bytes
) -> None:
    first = si.claim("My App", tmp_path)
    assert first is not None
    receiver = Receiver()
    serve(loop, first, receiver)
    try:
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(5)
            client.connect(first.info["address"])
            client.sendall(line)
            assert client.recv(100) == b""  # closed without an answer
        assert receiver.events == []
    finally:
        close(loop, first)


# --- the app's side: focus and on_second_instance ------------------------------


class FakeWindow:
    def __init__(self) -> None:
        self.focused = threading.Event()

    def focus_window(self) -> None:
        self.focused.set()


def test_the_runtime_focuses_the_window_and_runs_the_handler(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from rio_desktop.desktop import _WindowRuntime

    monkeypatch.setenv("RIO_DESKTOP_DATA_DIR", str(tmp_path))
    seen: list[tuple[str, Any]] = []

    def sync_handler(event: rio.SecondInstanceEvent) -> None:
        seen.append(("sync", event))

    async def async_handler(event: rio.SecondInstanceEvent) -> None:
        await asyncio.sleep(0)
        seen.append(("async", event))

    def failing_handler(event: rio.SecondInstanceEvent) -> None:
        raise ValueError("on purpose")

    event = rio.SecondInstanceEvent(argv=["app"], cwd=Path("/"))

    async def hand_over(runtime: _WindowRuntime) -> bool:
        accepted = runtime._second_instance(event)
        await asyncio.gather(*runtime._hand_over_tasks)
        return accepted

    for handler in (sync_handler, async_handler, failing_handler, None):
        app = rio.App(build=lambda: rio.Text("x"), on_second_instance=handler)
        runtime = _WindowRuntime(app)
        window = FakeWindow()
        runtime.window = window  # type: ignore[assignment]
        with caplog.at_level(logging.ERROR):
            assert asyncio.run(hand_over(runtime)) is True
        assert window.focused.wait(5)
    assert seen == [("sync", event), ("async", event)]
    assert "failing_handler raised" in caplog.text
    assert "ValueError: on purpose" in caplog.text

    # While the window closes, the hand-over is refused (the second start
    # then waits for the lock).
    runtime._closing.set()
    assert asyncio.run(hand_over(runtime)) is False


# --- in real windows ----------------------------------------------------------------


def _env(display: str, data_dir: Path, work_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox",
        "RIO_DESKTOP_TEST_DIR": str(work_dir),
        "RIO_DESKTOP_DATA_DIR": str(data_dir),
    }
    env.pop("WAYLAND_DISPLAY", None)
    return env


def _second_start(
    display: str, data_dir: Path, cwd: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    work = cwd / "report"
    work.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, str(APP), *args],
        cwd=cwd,
        env=_env(display, data_dir, work),
        capture_output=True,
        text=True,
        timeout=30,
    )


def _lock_holders(data_dir: Path) -> set[int]:
    """The processes that have the app's lock file open (Linux /proc)."""
    (lock,) = data_dir.glob("instance-*.lock")
    holders = set()
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            if os.readlink(fd) == str(lock):
                holders.add(int(fd.parts[2]))
        except OSError:
            continue
    return holders


@pytest.fixture(scope="module")
def first(
    wm_display: str,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, Any]]:
    base = tmp_path_factory.mktemp("single")
    app = WindowApp(wm_display, base / "first", base / "data", script=APP)
    try:
        app.wait_started()
        window = app.wait_window(f"^{TITLE}$")
        yield {"app": app, "window": window, "base": base, "display": wm_display}
    finally:
        app.kill()


@pytest.mark.window
@pytest.mark.timeout(90)
def test_a_second_start_raises_the_window_and_hands_over(first: dict) -> None:
    app: WindowApp = first["app"]
    window, display = first["window"], first["display"]
    base: Path = first["base"]
    app.xdotool("windowminimize", window)
    wait_until(
        lambda: "_NET_WM_STATE_HIDDEN" in window_state(display, window),
        message=lambda: window_state(display, window),
    )
    assert active_window(display) != int(window)

    elsewhere = base / "elsewhere"
    done = _second_start(display, base / "data", elsewhere, "--open", "notes 1.txt")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{TITLE} is already running" in done.stdout
    received = app.wait_for("second_instance")
    assert received["argv"] == [str(APP), "--open", "notes 1.txt"]
    assert received["cwd"] == str(elsewhere)
    # Un-minimized and focused.
    wait_until(
        lambda: active_window(display) == int(window),
        message=lambda: (active_window(display), window_state(display, window)),
    )
    assert "_NET_WM_STATE_HIDDEN" not in window_state(display, window)
    assert app.find_windows(f"^{TITLE}$") == [window]  # no second window

    # A handler that raises is logged; the app keeps taking hand-overs.
    done = _second_start(display, base / "data", elsewhere, "--raise")
    assert done.returncode == 0, done.stdout + done.stderr
    wait_until(lambda: "the handler failed on purpose" in app.output())
    assert "ValueError" in app.output()
    done = _second_start(display, base / "data", base, "after")
    assert done.returncode == 0, done.stdout + done.stderr
    app.wait_for("second_instance", argv=[str(APP), "after"])
    assert app.process.poll() is None


@pytest.mark.window
@pytest.mark.timeout(120)
def test_after_sigkill_the_next_start_opens_and_single_instance_false_opens_another(
    first: dict,
) -> None:
    app: WindowApp = first["app"]
    display, base = first["display"], first["base"]
    data = base / "data"
    # The window's (forked) process does not keep the lock file open.
    assert _lock_holders(data) == {app.process.pid}
    # Only the app's process: its window's process notices and closes.
    os.kill(app.process.pid, signal.SIGKILL)
    app.process.wait(10)
    wait_until(lambda: not app.find_windows(f"^{TITLE}$"), timeout=20)
    again = WindowApp(display, base / "again", data, script=APP)
    other = None
    try:
        # Once it holds the lock, start one without single instance.
        wait_until(lambda: _lock_holders(data) == {again.process.pid})
        other = WindowApp(
            display,
            base / "other",
            data,
            env={"RIO_DESKTOP_TEST_SINGLE_INSTANCE": "0"},
            script=APP,
        )
        again.wait_started()
        other.wait_started()
        wait_until(lambda: len(again.find_windows(f"^{TITLE}$")) == 2, timeout=20)
        assert _lock_holders(data) == {again.process.pid}  # the other took none
        for started in (again, other):
            started.process.send_signal(signal.SIGTERM)
            assert started.wait_exit(10) == 0
    finally:
        again.kill()
        if other is not None:
            other.kill()

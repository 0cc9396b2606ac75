"""`rio-desktop build`: the packaged counter opens its window, counts, exits 0;
its smoke run prints the first render; with no display, its log says why.
One build for the module (`built_counter`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import pytest
from window_support import send_wm_delete, xvfb  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.build, pytest.mark.window]


def xdotool(display: str, *args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
    )
    return result.stdout.strip()


def screen_pixels(display: str, path: Path) -> tuple[int, int, bytes]:
    """A screenshot of the whole screen: width, height, RGB bytes."""
    subprocess.run(
        ["import", "-window", "root", str(path)],
        env={**os.environ, "DISPLAY": display},
        check=True,
        timeout=20,
    )
    size = subprocess.run(
        ["identify", "-format", "%w %h", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    raw = subprocess.run(
        ["convert", str(path), "-depth", "8", "rgb:-"], capture_output=True, check=True
    ).stdout
    return int(size[0]), int(size[1]), raw


def colored_box(width: int, height: int, raw: bytes) -> tuple[int, int, int, int]:
    """The bounding box of strongly coloured pixels: the filled button."""
    xs, ys = [], []
    for y in range(0, height, 2):
        row = y * width * 3
        for x in range(0, width, 2):
            i = row + x * 3
            r, g, b = raw[i], raw[i + 1], raw[i + 2]
            if max(r, g, b) - min(r, g, b) > 100:
                xs.append(x)
                ys.append(y)
    if not xs:
        return (0, 0, 0, 0)
    return min(xs), min(ys), max(xs), max(ys)


def region_pixels(width: int, raw: bytes, box: tuple[int, int, int, int]) -> bytes:
    """The pixels of `box` (for comparing what a region shows)."""
    left, top, right, bottom = box
    rows = [
        raw[(y * width + left) * 3 : (y * width + right) * 3]
        for y in range(top, bottom)
    ]
    return b"".join(rows)


class Built(NamedTuple):
    executable: Path
    output: str


@pytest.fixture(scope="module")
def built_counter(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """examples/counter.py built one-folder, once for this module."""
    folder = tmp_path_factory.mktemp("built")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "rio_desktop",
            "build",
            str(ROOT / "examples" / "counter.py"),
        ]
        + ["--dist", str(folder / "dist"), "--work", str(folder / "build")],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=500,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return Built(folder / "dist" / "Counter" / "Counter", build.stdout)


def app_env(tmp_path: Path, display: str | None) -> dict[str, str]:
    """As a double click starts it: no PYTHONPATH, no Wayland, own data."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH", "DISPLAY")
        and not key.startswith("RIO_DESKTOP_")
    }
    env.update(
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",  # root in CI
        RIO_DESKTOP_DATA_DIR=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),  # where last-run.log goes
    )
    if display is not None:
        env["DISPLAY"] = display
    return env


@pytest.mark.timeout(600)
def test_build_says_where_the_app_is_and_how_big(built_counter: Built) -> None:
    last = built_counter.output.strip().splitlines()[-1]
    executable = built_counter.executable
    assert re.fullmatch(
        rf"Built Counter: {re.escape(str(executable))} \(folder .*/dist/Counter/\),"
        r" \d+ MB, in \d+ s",
        last,
    ), last
    assert "[1/6] analysing imports" in built_counter.output


@pytest.mark.timeout(600)
def test_a_smoke_run_prints_its_first_render_and_exits_zero(
    tmp_path,
    built_counter: Built,
    xvfb,  # noqa: F811
) -> None:
    done = subprocess.run(
        [str(built_counter.executable)],
        cwd=tmp_path,
        env={**app_env(tmp_path, xvfb), "RIO_DESKTOP_SMOKE": "1"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [line] = done.stdout.splitlines()
    assert re.fullmatch(r"smoke: first render after \d+ ms", line), line


@pytest.mark.timeout(600)
def test_without_a_display_the_logs_first_line_says_why(
    tmp_path, built_counter: Built
) -> None:
    done = subprocess.run(
        [str(built_counter.executable)],
        cwd=tmp_path,
        env=app_env(tmp_path, None),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    line = (
        "Counter: cannot open a window. There is no display (neither DISPLAY"
        " nor WAYLAND_DISPLAY is set): run it in a desktop session."
    )
    [log] = (tmp_path / "state").rglob("last-run.log")
    assert log.read_text("utf-8").splitlines()[0] == line
    assert done.stderr.splitlines()[0] == line


@pytest.mark.timeout(600)
def test_built_counter_opens_counts_and_exits_zero(
    tmp_path,
    built_counter: Built,
    xvfb,  # noqa: F811
) -> None:
    """Start the built counter bare, click, close."""
    executable = built_counter.executable
    # Started the way a double click does: no arguments, no terminal, elsewhere.
    env = app_env(tmp_path, xvfb)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    started = time.monotonic()
    process = subprocess.Popen(
        [str(executable)],
        cwd=elsewhere,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "app-output.txt", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    try:
        window = ""
        while not window and time.monotonic() - started < 60:
            assert process.poll() is None, (tmp_path / "app-output.txt").read_text()
            window = xdotool(xvfb, "search", "--name", "^Counter$").split("\n")[0]
            time.sleep(0.2)
        assert window, "no window titled Counter appeared within 60 s"

        # Wait until the page has drawn the button: the screen is not blank.
        box = (0, 0, 0, 0)
        while time.monotonic() - started < 60:
            width, height, raw = screen_pixels(xvfb, tmp_path / "shot.png")
            box = colored_box(width, height, raw)
            if box[2] - box[0] > 40 and box[3] - box[1] > 15:
                break
            time.sleep(0.3)
        else:
            raise AssertionError("the window stayed blank: no button was drawn")
        print(f"window shown and drawn {time.monotonic() - started:.1f} s after start")
        left, top, right, bottom = box
        label_area = (left, max(0, top - 60), right, top - 5)
        before = region_pixels(width, raw, label_area)

        xdotool(
            xvfb,
            "mousemove",
            "--sync",
            str((left + right) // 2),
            str((top + bottom) // 2),
        )
        xdotool(xvfb, "click", "1")
        deadline = time.monotonic() + 10
        while True:
            width, height, raw = screen_pixels(xvfb, tmp_path / "shot-after.png")
            if region_pixels(width, raw, label_area) != before:
                break  # "Clicked 0 times" became "Clicked 1 times"
            assert time.monotonic() < deadline, "clicking the button changed nothing"
            time.sleep(0.2)

        # Qt may own more than one X window with the title (e.g. a hidden
        # group leader); the close button's message goes to each of them.
        for candidate in xdotool(xvfb, "search", "--name", "^Counter$").split():
            send_wm_delete(xvfb, int(candidate))
        assert process.wait(20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)

    # Where the window's process is not forked (macOS, Windows), the app
    # starts its own executable again to be the window: the packaged
    # launcher must recognise that start and open only the window.
    process = subprocess.Popen(
        [str(executable)],
        cwd=elsewhere,
        env={**env, "RIO_DESKTOP_WINDOW_PROCESS": "spawn"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "spawned-output.txt", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        windows: list[str] = []
        pids: set[str] = set()
        # A new window may not carry its _NET_WM_PID yet: wait for both.
        while not pids:
            assert process.poll() is None, (tmp_path / "spawned-output.txt").read_text()
            assert time.monotonic() < deadline, "no window from the spawned start"
            windows = xdotool(xvfb, "search", "--name", "^Counter$").split()
            pids = {xdotool(xvfb, "getwindowpid", w) for w in windows} - {""}
            time.sleep(0.2)
        assert len(pids) == 1, pids
        cmdline = Path(f"/proc/{pids.pop()}/cmdline").read_bytes().split(b"\0")
        assert cmdline[1:2] == [b"--rio-desktop-window-process"], cmdline
        for candidate in windows:
            send_wm_delete(xvfb, int(candidate))
        assert process.wait(20) == 0, (tmp_path / "spawned-output.txt").read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)

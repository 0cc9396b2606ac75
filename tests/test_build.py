"""`rio-desktop build`: the packaged counter (tests/packaged_counter_app.py,
examples/counter.py plus a file dialog and the clipboard) opens its window,
counts, copies, opens a file, and exits 0; its smoke run prints the first
render; with no display, its log says why; the slim Linux build leaves out
the parts of Qt the window never loads. A `--backend gtk` build runs its
smoke mode where a Python with PyGObject and WebKitGTK is at hand.

The Qt tests share one build (it takes about a minute).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaged_counter_app import COPIED_TEXT
from window_support import send_wm_delete, xvfb  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parent.parent
#: Files the slim build must not hold (the start of their names).
LEFT_OUT = ("qtwebengine_devtools_resources", "libqpdf", "libcups", "libQt6Quick3D")
APP = Path(__file__).resolve().parent / "packaged_counter_app.py"

# The buttons' fill colours (the default theme's secondary, success and
# danger colours): each button is found on a screenshot by its own.
CLICK_ME = (0x00, 0x83, 0xFF)
COPY = (0x1E, 0x8E, 0x3E)
OPEN = (0xB3, 0x26, 0x1E)

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


def box_of_colour(
    width: int, height: int, raw: bytes, colour: tuple[int, int, int]
) -> tuple[int, int, int, int]:
    """The bounding box of the pixels of about `colour`: one button's fill."""
    xs, ys = [], []
    for y in range(0, height, 2):
        row = y * width * 3
        for x in range(0, width, 2):
            i = row + x * 3
            if all(abs(raw[i + c] - colour[c]) < 40 for c in range(3)):
                xs.append(x)
                ys.append(y)
    if not xs:
        return (0, 0, 0, 0)
    return min(xs), min(ys), max(xs), max(ys)


def is_button(box: tuple[int, int, int, int]) -> bool:
    return box[2] - box[0] > 30 and box[3] - box[1] > 15


def click_middle_of(display: str, box: tuple[int, int, int, int]) -> None:
    left, top, right, bottom = box
    x, y = str((left + right) // 2), str((top + bottom) // 2)
    xdotool(display, "mousemove", "--sync", x, y)
    xdotool(display, "click", "1")


def wait_for(condition: Callable[[], object], what: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def region_pixels(width: int, raw: bytes, box: tuple[int, int, int, int]) -> bytes:
    """The pixels of `box` (for comparing what a region shows)."""
    left, top, right, bottom = box
    rows = [
        raw[(y * width + left) * 3 : (y * width + right) * 3]
        for y in range(top, bottom)
    ]
    return b"".join(rows)


@dataclass
class Built:
    folder: Path
    executable: Path
    output: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """tests/packaged_counter_app.py built one-folder, as a user would."""
    base = tmp_path_factory.mktemp("build")
    build = subprocess.run(
        [sys.executable, "-m", "rio_desktop", "build", str(APP)]
        + ["--dist", str(base / "dist"), "--work", str(base / "build")],
        cwd=base,
        capture_output=True,
        text=True,
        timeout=500,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    folder = base / "dist" / "Counter"
    return Built(folder, folder / "Counter", build.stdout)


def double_click_env(display: str | None, tmp_path: Path) -> dict[str, str]:
    """Started the way a double click does: no PYTHONPATH, no terminal, its
    own data and log folders (last-run.log under tmp_path/state)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH", "DISPLAY")
        and not key.startswith("RIO_DESKTOP_")
    }
    env.update(
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",  # root in CI
        RIO_DESKTOP_DATA_DIR=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    if display is not None:
        env["DISPLAY"] = display
    return env


@pytest.mark.timeout(600)
def test_the_build_shows_its_progress_and_ends_with_where_and_how_big(
    built: Built,
) -> None:
    last = built.output.strip().splitlines()[-1]
    assert re.fullmatch(
        rf"Built Counter: {re.escape(str(built.executable))}"
        r" \(folder .*/dist/Counter/\), \d+ MB, in \d+ s",
        last,
    ), last
    assert "[1/6] analysing imports" in built.output


@pytest.mark.timeout(600)
def test_the_slim_build_leaves_out_what_the_window_never_loads(built: Built) -> None:
    files = [path.relative_to(built.folder) for path in built.folder.rglob("*")]
    locales = [path.name for path in files if path.parent.name == "qtwebengine_locales"]
    assert locales == ["en-US.pak"]
    assert not [path for path in files if path.suffix == ".qm"]
    assert not [path for path in files if path.name.startswith(LEFT_OUT)]


@pytest.mark.timeout(600)
def test_a_smoke_run_prints_its_first_render_and_exits_zero(
    built: Built,
    tmp_path: Path,
    xvfb: str,  # noqa: F811
) -> None:
    done = subprocess.run(
        [str(built.executable)],
        cwd=tmp_path,
        env={**double_click_env(xvfb, tmp_path), "RIO_DESKTOP_SMOKE": "1"},
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
    built: Built, tmp_path: Path
) -> None:
    done = subprocess.run(
        [str(built.executable)],
        cwd=tmp_path,
        env=double_click_env(None, tmp_path),
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
def test_the_built_app_counts_copies_opens_a_file_and_exits_zero(
    built: Built,
    tmp_path: Path,
    xvfb: str,  # noqa: F811
) -> None:
    """Started bare: a click counts, Copy fills the clipboard, Open shows the
    file dialog, and the window's close button ends it with status 0."""
    picked = tmp_path / "report.txt"
    picked.write_text("contents of the picked file")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    started = time.monotonic()
    process = subprocess.Popen(
        [str(built.executable)],
        cwd=elsewhere,
        env=double_click_env(xvfb, tmp_path),
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

        # Wait until the page has drawn its buttons.
        while time.monotonic() - started < 60:
            width, height, raw = screen_pixels(xvfb, tmp_path / "shot.png")
            boxes = [
                box_of_colour(width, height, raw, c) for c in (CLICK_ME, COPY, OPEN)
            ]
            if all(is_button(box) for box in boxes):
                break
            time.sleep(0.3)
        else:
            raise AssertionError(f"the window stayed blank: no buttons drawn {boxes}")
        print(f"window shown and drawn {time.monotonic() - started:.1f} s after start")
        click_me, copy, open_ = boxes

        # A click counts: "Clicked 0 times" above the button changes.
        left, top, right, _ = click_me
        label_area = (left, max(0, top - 60), right, top - 5)
        before = region_pixels(width, raw, label_area)
        click_middle_of(xvfb, click_me)

        def label_changed() -> bool:
            width, _, raw = screen_pixels(xvfb, tmp_path / "shot-after.png")
            return region_pixels(width, raw, label_area) != before

        wait_for(label_changed, "clicking the button changed nothing")

        # Copy: another X client pastes the app's text.
        click_middle_of(xvfb, copy)

        def pasted() -> str:
            return subprocess.run(
                ["xclip", "-o", "-selection", "clipboard"],
                env={**os.environ, "DISPLAY": xvfb},
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout

        wait_for(lambda: pasted() == COPIED_TEXT, f"the clipboard holds {pasted()!r}")

        # Open: Qt's file dialog; the app shows the file's text in its title.
        click_middle_of(xvfb, open_)
        picked_title = f"^Picked report.txt: {picked.read_text()}$"

        typed_at = [0.0]

        def pick_in_dialog() -> bool:
            if xdotool(xvfb, "search", "--name", picked_title):
                return True
            dialogs = xdotool(xvfb, "search", "--onlyvisible", "--name", "^Open file$")
            # Typed too early (the dialog was still listing its folder) and
            # the keys were lost: type again.
            if dialogs and time.monotonic() - typed_at[0] > 5:
                typed_at[0] = time.monotonic()
                xdotool(xvfb, "windowfocus", "--sync", dialogs.split()[-1])
                xdotool(xvfb, "key", "--clearmodifiers", "ctrl+a")
                xdotool(xvfb, "type", "--delay", "10", str(picked))
                xdotool(xvfb, "key", "Return")
            return False

        wait_for(pick_in_dialog, "the file dialog did not give the app the file", 30)

        # Qt may own more than one X window with the title (e.g. a hidden
        # group leader); the close button's message goes to each of them.
        for title in ("^Counter$", picked_title):
            for candidate in xdotool(xvfb, "search", "--name", title).split():
                send_wm_delete(xvfb, int(candidate))
        assert process.wait(20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)


@pytest.mark.timeout(600)
def test_a_spawned_start_of_the_built_app_opens_only_the_window(
    built: Built,
    tmp_path: Path,
    xvfb: str,  # noqa: F811
) -> None:
    """Where the window's process is not forked (macOS, Windows), the app
    starts its own executable again to be the window: the packaged launcher
    must recognise that start and open only the window."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    process = subprocess.Popen(
        [str(built.executable)],
        cwd=elsewhere,
        env={**double_click_env(xvfb, tmp_path), "RIO_DESKTOP_WINDOW_PROCESS": "spawn"},
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


def python_with_webkitgtk() -> str | None:
    """A Python that can make a GTK build: PyGObject, WebKitGTK and
    PyInstaller. This one, or RIO_DESKTOP_GTK_PYTHON's (PyGObject in the
    test environment would make pywebview prefer GTK in every window test)."""
    python = os.environ.get("RIO_DESKTOP_GTK_PYTHON", sys.executable)
    check = (
        "import gi, PyInstaller\n"
        "try:\n"
        "    gi.require_version('WebKit2', '4.1')\n"
        "except ValueError:\n"
        "    gi.require_version('WebKit2', '4.0')\n"
        "from gi.repository import WebKit2\n"
    )
    found = subprocess.run([python, "-c", check], capture_output=True, timeout=60)
    return python if found.returncode == 0 else None


@pytest.mark.timeout(900)
def test_a_gtk_build_opens_its_window_without_qt(
    tmp_path: Path,
    xvfb: str,  # noqa: F811
) -> None:
    """`--backend gtk`: the window is WebKitGTK's; Qt stays out."""
    python = python_with_webkitgtk()
    if python is None:
        pytest.skip("no PyGObject with WebKitGTK (set RIO_DESKTOP_GTK_PYTHON)")
    build = subprocess.run(
        [python, "-m", "rio_desktop", "build", str(APP), "--backend", "gtk"]
        + ["--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "build")],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    folder = tmp_path / "dist" / "Counter"
    files = [path.relative_to(folder) for path in folder.rglob("*")]
    assert not [path for path in files if "Qt6" in path.name or path.name == "PyQt6"]
    assert [path for path in files if path.name.startswith("WebKit2-")]

    done = subprocess.run(
        [str(folder / "Counter")],
        cwd=tmp_path,
        env={**double_click_env(xvfb, tmp_path), "RIO_DESKTOP_SMOKE": "1"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [line] = done.stdout.splitlines()
    assert re.fullmatch(r"smoke: first render after \d+ ms", line), line

"""Hot reload: a saved change re-renders the same page; broken code shows its error."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from window_support import send_wm_delete, xvfb  # noqa: F401 - a fixture
from wire_client import run

import rio_desktop as rio
from rio_desktop.reload import FileWatcher, Reloader, import_app

ROOT = Path(__file__).resolve().parent.parent


class Hello(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("old text")


class Goodbye(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(rio.Text("new text"), rio.Button("Press"))


async def test_replace_app_rebuilds_the_same_session():
    """AppServer.replace_app shows the new app in the open session, in place."""
    async with run(rio.App(build=Hello, name="Old")) as client:
        assert client.texts() == ["old text"]
        session = client.session
        await client.server.replace_app(rio.App(build=Goodbye, name="New"))
        await client.settle()
        assert client.texts() == ["new text", "Press"]
        assert client.session is session
        assert client.title == "New"
        assert session.app.name == "New"


async def test_replace_app_unmounts_the_old_tree():
    """The old tree's on_unmount handlers run and its timers stop."""
    events: list[str] = []

    class Ticking(rio.Component):
        @rio.event.on_unmount
        def _gone(self) -> None:
            events.append("unmounted")

        @rio.event.periodic(0.01)
        def _tick(self) -> None:
            events.append("tick")

        def build(self) -> rio.Component:
            return rio.Text("ticking")

    class Tocking(rio.Component):
        @rio.event.periodic(0.01)
        def _tock(self) -> None:
            events.append("tock")

        def build(self) -> rio.Component:
            return rio.Text("old text")

    async def until(condition: Callable[[], bool], what: str) -> None:
        deadline = asyncio.get_running_loop().time() + 10
        while not condition():
            assert asyncio.get_running_loop().time() < deadline, what
            await asyncio.sleep(0.005)

    async with run(rio.App(build=Ticking)) as client:
        await until(lambda: "tick" in events, "the old timer never ticked")
        await client.server.replace_app(rio.App(build=Tocking))
        await client.settle()
        assert "unmounted" in events
        ticks = events.count("tick")
        # The new tree's timer has the same interval on the same loop: while
        # it fires three times, a live old timer would have fired too.
        await until(lambda: events.count("tock") >= 3, "the new timer never ran")
        assert events.count("tick") == ticks
        assert client.texts() == ["old text"]


APP_SOURCE = """
import rio_desktop as rio

class Page(rio.Component):
    def build(self):
        return rio.Text({text!r})

app = rio.App(build=Page, name="Reloading")
"""


async def test_reloader_shows_import_errors_and_recovers(tmp_path):
    """A syntax error shows the traceback in the page; the next good save heals."""
    file = tmp_path / "reloading.py"
    file.write_text(APP_SOURCE.format(text="first"))
    app = import_app(file)
    async with run(app) as client:
        reloader = Reloader(file, app, servers=lambda: [client.server])
        file.write_text(APP_SOURCE.format(text="second"))
        await asyncio.to_thread(reloader.reload)
        await client.settle()
        assert client.texts() == ["second"]

        file.write_text("import rio_desktop as rio\n\ndef broken(:\n")
        await asyncio.to_thread(reloader.reload)
        await client.settle()
        [error] = client.find("ErrorPlaceholder")
        assert "SyntaxError" in error["summary"]
        assert "Fix it and save" in error["summary"]
        assert "reloading.py" in error["details"]
        assert "line 3" in error["details"]
        assert client.title == "Reloading"

        file.write_text(APP_SOURCE.format(text="third"))
        await asyncio.to_thread(reloader.reload)
        await client.settle()
        assert client.texts() == ["third"]


def test_reloader_reimports_helper_modules(tmp_path):
    """A module next to the app is re-imported too, not taken from the cache."""
    (tmp_path / "helper_for_reload.py").write_text("WORD = 'one'\n")
    file = tmp_path / "uses_helper.py"
    file.write_text(
        "import rio_desktop as rio\nfrom helper_for_reload import WORD\n"
        "app = rio.App(build=lambda: rio.Text(WORD), name=WORD)\n"
    )
    assert import_app(file).name == "one"
    (tmp_path / "helper_for_reload.py").write_text("WORD = 'two'\n")
    assert import_app(file).name == "two"


def test_file_watcher_sees_changes_and_ignores_caches(tmp_path):
    """Edits, new and removed files count; __pycache__ and hidden folders do not."""
    (tmp_path / "app.py").write_text("x = 1\n")
    watcher = FileWatcher(tmp_path)
    assert not watcher.changed()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "app.cpython-311.pyc").write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "index").write_bytes(b"x")
    assert not watcher.changed()
    (tmp_path / "app.py").write_text("x = 22\n")
    assert watcher.changed()
    assert not watcher.changed()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.svg").write_text("<svg/>")
    assert watcher.changed()
    (tmp_path / "assets" / "logo.svg").unlink()
    assert watcher.changed()


# --- the real thing: rio-desktop run --website, and Chromium ------------------


def start_cli(*args: str, cwd: Path, env: dict[str, str] | None = None):
    """Start `rio-desktop ...`; returns the process and its first stdout line."""
    process = subprocess.Popen(
        [sys.executable, "-m", "rio_desktop", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    line = process.stdout.readline()
    if not line:
        process.kill()
        raise AssertionError(f"rio-desktop printed nothing: {process.stderr.read()}")
    return process, line.strip()


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.browser
def test_reload_in_the_browser_keeps_the_page(tmp_path, page):
    """Saving the example re-renders the open tab in place, URL and page kept."""
    shutil.copy(ROOT / "examples" / "counter.py", tmp_path / "counter.py")
    process, line = start_cli(
        "run", "--website", "--port", "0", "counter.py", cwd=tmp_path
    )
    try:
        assert line.startswith("Counter is running as a website at http://127.0.0.1:")
        assert line.endswith("; reloading on changes in ./")
        url = re.search(r"http://\S+/", line).group(0)
        page.goto(url + "?tab=2")
        page.get_by_text("Clicked 0 times").wait_for()
        page.get_by_role("button", name="Click me").click()
        page.get_by_text("Clicked 1 times").wait_for()
        page.evaluate("window.sameDocument = true")

        source = (tmp_path / "counter.py").read_text()
        (tmp_path / "counter.py").write_text(source.replace("Clicked", "Pressed"))
        page.get_by_text("Pressed 0 times").wait_for()
        assert page.evaluate("window.sameDocument") is True
        assert page.url == url + "?tab=2"
        page.get_by_role("button", name="Click me").click()
        page.get_by_text("Pressed 1 times").wait_for()

        (tmp_path / "counter.py").write_text(source + "\ndef broken(:\n")
        page.get_by_text("SyntaxError", exact=False).first.wait_for()
        assert "counter.py" in page.inner_text("body")

        (tmp_path / "counter.py").write_text(source.replace("Clicked", "Tapped"))
        page.get_by_text("Tapped 0 times").wait_for()
        assert page.evaluate("window.sameDocument") is True
    finally:
        stop(process)


def test_run_without_display_falls_back_to_a_website(tmp_path):
    """No display: `run` serves a website and says why in its one line."""
    shutil.copy(ROOT / "examples" / "counter.py", tmp_path / "counter.py")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    process, line = start_cli(
        "run", "--port", "0", "--release", "counter.py", cwd=tmp_path, env=env
    )
    try:
        assert line.startswith("Counter is running as a website at http://127.0.0.1:")
        assert "(no window: There is no display" in line
        assert "reloading" not in line
    finally:
        stop(process)


def test_port_in_use_is_one_clear_line(tmp_path):
    """A busy port gives one line saying what to do, exit code 2."""
    import socket

    shutil.copy(ROOT / "examples" / "counter.py", tmp_path / "counter.py")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "rio_desktop", "run", "--website"]
            + ["--port", str(port), "counter.py"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"rio-desktop: port {port} on 127.0.0.1 is in use; stop what uses it or"
        " pass --port 0 to pick a free port."
    )


def window_ids(display: str) -> list[str]:
    from test_build import xdotool

    return xdotool(display, "search", "--name", "^Counter$").split()


@pytest.mark.window
@pytest.mark.timeout(180)
def test_reload_in_the_window_keeps_the_window(tmp_path, xvfb):  # noqa: F811
    """Saving the example re-renders the open window: same X window, new text."""
    from test_build import colored_box, region_pixels, screen_pixels, xdotool

    shutil.copy(ROOT / "examples" / "counter.py", tmp_path / "counter.py")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(
        DISPLAY=xvfb,
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",
        RIO_DESKTOP_DATA_DIR=str(tmp_path / "data"),
    )
    process, line = start_cli("run", "counter.py", cwd=tmp_path, env=env)
    try:
        assert line == "Counter is running in a window; reloading on changes in ./"
        started = time.monotonic()
        window = ""
        # Qt's first window can take long on a busy machine: up to a minute.
        while not window and time.monotonic() - started < 60:
            if process.poll() is not None:
                break
            window = xdotool(xvfb, "search", "--name", "^Counter$").split("\n")[0]
            time.sleep(0.2)
        if not window:
            process.kill()
            said = process.communicate()[1][-3000:]
            raise AssertionError(f"no window titled Counter; rio-desktop said: {said}")
        # The watcher thread starts after the window's process, which can
        # then be a fork of this one (quicker than a fresh interpreter).
        pids = {xdotool(xvfb, "getwindowpid", w) for w in window_ids(xvfb)} - {""}
        cmdline = Path(f"/proc/{pids.pop()}/cmdline").read_bytes()
        assert cmdline == Path(f"/proc/{process.pid}/cmdline").read_bytes()
        while time.monotonic() - started < 60:
            width, height, raw = screen_pixels(xvfb, tmp_path / "before.png")
            box = colored_box(width, height, raw)
            if box[2] - box[0] > 40:
                break
            time.sleep(0.3)
        left, top, right, _ = box
        label = (left - 100, max(0, top - 60), right + 100, top - 5)
        before = region_pixels(width, raw, label)

        source = (tmp_path / "counter.py").read_text()
        (tmp_path / "counter.py").write_text(
            source.replace('f"Clicked {self.count} times"', '"Reloaded!"')
        )
        deadline = time.monotonic() + 15
        while region_pixels(width, raw, label) == before:
            assert time.monotonic() < deadline, "the window did not change"
            time.sleep(0.3)
            width, height, raw = screen_pixels(xvfb, tmp_path / "after.png")
        assert xdotool(xvfb, "search", "--name", "^Counter$").split("\n")[0] == window
        assert process.poll() is None
        send_wm_delete(xvfb, int(window))
        assert process.wait(20) == 0
        assert "Reloaded counter.py" in process.stderr.read()
    finally:
        stop(process)

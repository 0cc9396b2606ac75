"""A file dropped on the window anywhere but on a FilePickerArea leaves the
app where it is (an engine may open the file in its place).

The drop is real, as from a file manager: a tiny Qt window (PyQt6, there for
pywebview's Qt backend) starts an XDND drag of a file's URL when pressed, and
xdotool presses it, moves the pointer onto the app's window and lets go (as
in test_window_drop.py). First onto the page's FilePickerArea, which takes
it, then onto the page's text, where the page must cancel the drag's events,
then onto the FilePickerArea again, which must get its own file, not the
refused one of the same name.

What this checks is the page's part (app.js): outside a FilePickerArea it
cancels every dragover and drop that carries files, so an engine that would
open the file in place of the app (browsers, WebView2 by default, QtWebEngine
with its NavigateOnDropEnabled on) has nothing to do. QtWebEngine 6.11 here does
not navigate on such a drop even when nothing cancels it, so the window's
own part, turning NavigateOnDropEnabled off (_window_view.py), is not seen
here; nor is what the drag source is told (pywebview's Qt view accepts every
drag of files for itself, so it may hear CopyAction for a refused drop).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from window_support import WindowApp, start_app, wait_until, xvfb  # noqa: F401
from window_view_app import TEXT

pytestmark = [pytest.mark.window, pytest.mark.timeout(120)]

APP = Path(__file__).resolve().parent / "window_view_app.py"

DRAG_SOURCE = textwrap.dedent(
    """
    import sys
    from PyQt6.QtCore import QMimeData, Qt, QUrl
    from PyQt6.QtGui import QDrag
    from PyQt6.QtWidgets import QApplication, QLabel

    class Source(QLabel):
        def mousePressEvent(self, event):
            # The file to drag: named in the file given as the argument.
            with open(sys.argv[1], encoding="utf-8") as listed:
                path = listed.read().strip()
            mime = QMimeData()
            mime.setUrls([QUrl.fromLocalFile(path)])
            drag = QDrag(self)
            drag.setMimeData(mime)
            print("drag start", flush=True)
            action = drag.exec(Qt.DropAction.CopyAction)
            print("drag end", action.name, flush=True)

    app = QApplication(sys.argv[:1])
    source = Source("drag me")
    source.setWindowTitle("rio-desktop drag source")
    source.setGeometry(0, 0, 200, 200)
    source.show()
    print("ready", flush=True)
    app.exec()
    """
)

#: Notes the drag events the page saw, after its own handlers (on window).
SPY = """(() => {
  window.rioTestDragEvents = [];
  for (const type of ["dragenter", "dragover", "dragleave", "drop"]) {
    window.addEventListener(type, (event) => window.rioTestDragEvents.push({
      type, prevented: event.defaultPrevented, effect: event.dataTransfer.dropEffect,
    }));
  }
  return true;
})()"""

#: Where the page is, what it shows, and the FilePickerArea's centre.
PAGE = """(() => {
  const area = document.querySelector(".rio-fpa");
  const box = area?.getBoundingClientRect();
  const centre = box && [box.x + box.width / 2, box.y + box.height / 2];
  return {
    href: location.href,
    text: document.body.innerText,
    area: centre && centre.map(Math.round),
  };
})()"""


class DragSource:
    def __init__(self, display: str, tmp_path: Path) -> None:
        script = tmp_path / "drag_source.py"
        script.write_text(DRAG_SOURCE, encoding="utf-8")
        self.listed = tmp_path / "dragged.txt"
        self.listed.write_text("", encoding="utf-8")
        env = {**os.environ, "DISPLAY": display}
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
        self.display = display
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(self.listed)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def drag_to(self, app: WindowApp, path: Path, x: int, y: int) -> str:
        """Press on the source, drag `path` to (x, y) on the screen, let go;
        the drop action the target took (what pywebview's Qt view said)."""
        self.listed.write_text(str(path), encoding="utf-8")
        app.xdotool("mousemove", "--sync", "100", "100")
        app.xdotool("mousedown", "1")
        assert self._line() == "drag start"
        steps = 8
        for step in range(1, steps + 1):
            app.xdotool(
                "mousemove",
                "--sync",
                str(100 + (x - 100) * step // steps),
                str(100 + (y - 100) * step // steps),
            )
        app.xdotool("mousemove", "--sync", str(x + 1), str(y))
        app.xdotool("mouseup", "1")
        line = self._line()
        assert line.startswith("drag end"), line
        return line.split()[-1]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(10)


@pytest.fixture
def running(xvfb: str, tmp_path: Path) -> Iterator[tuple[WindowApp, str]]:  # noqa: F811
    app, _ = start_app(xvfb, tmp_path / "run", tmp_path / "data", script=APP)
    try:
        yield app, app.wait_window("^Window View Test$")
    finally:
        app.kill()


def test_a_drop_elsewhere_does_not_navigate(
    running: tuple[WindowApp, str], tmp_path: Path
) -> None:
    app, window = running
    # Three files of one name, in three folders.
    first, stray, last = (tmp_path / name / "same name.txt" for name in "abc")
    for path in (first, stray, last):
        path.parent.mkdir()
        path.write_text(f"from {path.parent.name}", encoding="utf-8")
    box = app.geometry(window)
    page = wait_until(
        lambda: (shown := app.call("js", code=PAGE)).get("area") and shown
    )
    assert TEXT in page["text"]
    area_x, area_y = box["X"] + page["area"][0], box["Y"] + page["area"][1]
    source = DragSource(app.display, tmp_path)

    def drop_on_the_area(path: Path) -> dict:
        # (pywebview takes a dropped file's path from the page's drop event:
        # a drop while it is still hooking that up is missed, and the
        # window's first drop may be refused; try again.)
        picks = len([e for e in app.events() if e["event"] == "picked"])
        for _ in range(3):
            source.drag_to(app, path, area_x, area_y)
            try:
                return wait_until(
                    lambda: [e for e in app.events() if e["event"] == "picked"][picks:],
                    5,
                )[0]
            except AssertionError:
                continue
        raise AssertionError("the FilePickerArea got no file:\n" + app.output())

    try:
        # A drop on the FilePickerArea arrives.
        assert drop_on_the_area(first)["path"] == str(first)

        # A file onto the text at the top of the page: the page cancels the
        # drag's events there (dropEffect "none": the no-drop cursor), so
        # the engine does nothing with it, and no drop reaches the page as
        # one to act on.
        app.call("js", code=SPY)
        action = source.drag_to(app, stray, box["X"] + box["WIDTH"] // 2, box["Y"] + 40)
        seen = app.call("js", code="window.rioTestDragEvents")
        overs = [e for e in seen if e["type"] == "dragover"]
        assert overs, seen
        assert all(e["prevented"] and e["effect"] == "none" for e in overs), seen
        assert all(e["prevented"] for e in seen if e["type"] == "drop"), seen
        print(f"stray drop: {action}, page events {[e['type'] for e in seen]}")

        # The next drop on the area delivers its own file, not the refused
        # one of the same name (pywebview's Qt view noted that one's path).
        assert drop_on_the_area(last)["path"] == str(last)
    finally:
        source.stop()
    after = app.call("js", code=PAGE)
    assert after["href"] == page["href"]
    assert TEXT in after["text"]
    assert len([e for e in app.events() if e["event"] == "picked"]) == 2
    app.send("close")
    assert app.wait_exit(10) == 0

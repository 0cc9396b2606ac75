"""A real file drop (and a click) on a FilePickerArea in the app's window,
and the window's PDF viewer.

The drag comes from another X client, as from a file manager: a tiny Qt
window (PyQt6, already there for pywebview's Qt backend) starts an XDND
drag of a file's URL when pressed, and xdotool presses it, moves the
pointer onto the app's window and lets go. The app's handler must get a
`FileInfo` of the user's own file: its real path, not a copy.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from helpers import wait_for
from window_support import complete_lines, xvfb  # noqa: F401

pytestmark = [pytest.mark.window, pytest.mark.timeout(120)]

ROOT = Path(__file__).resolve().parent.parent

APP = textwrap.dedent(
    """
    import json, sys
    import rio_desktop as rio

    REPORT = sys.argv[1]

    def report(**entry):
        with open(REPORT, "a", encoding="utf-8") as file:
            file.write(json.dumps(entry) + "\\n")

    class Root(rio.Component):
        async def on_pick(self, event):
            data = await event.file.read_bytes()
            report(
                name=event.file.name,
                path=str(event.file.path),
                data=data.decode(),
                size=event.file.size_in_bytes,
            )

        @rio.event.on_mount
        def mounted(self):
            report(mounted=True)

        def build(self):
            return rio.FilePickerArea(
                on_pick_file=self.on_pick, multiple=True, grow_x=True, grow_y=True
            )

    rio.App(build=Root, name="Drop Target").run_in_window(width=40, height=30)
    """
)

DRAG_SOURCE = textwrap.dedent(
    """
    import sys
    from PyQt6.QtCore import QMimeData, Qt, QUrl
    from PyQt6.QtGui import QDrag
    from PyQt6.QtWidgets import QApplication, QLabel

    class Source(QLabel):
        def mousePressEvent(self, event):
            mime = QMimeData()
            mime.setUrls([QUrl.fromLocalFile(path) for path in sys.argv[1:]])
            drag = QDrag(self)
            drag.setMimeData(mime)
            print("drag start", flush=True)
            drag.exec(Qt.DropAction.CopyAction)
            print("drag end", flush=True)

    app = QApplication(sys.argv[:1])
    source = Source("drag me")
    source.setWindowTitle("rio-desktop drag source")
    source.setGeometry(0, 0, 200, 200)
    source.show()
    print("ready", flush=True)
    app.exec()
    """
)


def _lines(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in complete_lines(text)]


def _window_env(display: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a process shown on the Xvfb `display`, with its
    data under `tmp_path`."""
    env = {
        **os.environ,
        "DISPLAY": display,
        "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox",
        "RIO_DESKTOP_DATA_DIR": str(tmp_path / "data"),
    }
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    return env


def _xdotool(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, check=False
    ).stdout


def _stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


def test_a_dropped_file_keeps_its_real_path(
    xvfb: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    dropped = tmp_path / "my files" / "notes 1.txt"
    dropped.parent.mkdir()
    dropped.write_text("dropped content", encoding="utf-8")
    report = tmp_path / "report.jsonl"
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    (tmp_path / "source.py").write_text(DRAG_SOURCE, encoding="utf-8")
    env = _window_env(xvfb, tmp_path)
    app_log = open(tmp_path / "app.txt", "w")  # noqa: SIM115
    app = subprocess.Popen(
        [sys.executable, str(tmp_path / "app.py"), str(report)],
        env=env,
        cwd=ROOT,
        stdout=app_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    source = subprocess.Popen(
        [sys.executable, str(tmp_path / "source.py"), str(dropped)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        assert source.stdout is not None
        assert source.stdout.readline().strip() == "ready"
        wait_for(lambda: any(e.get("mounted") for e in _lines(report)), 60, "app")
        window = wait_for(
            lambda: _xdotool(env, "search", "--name", "^Drop Target$").split(),
            30,
            "the app's window",
        )[0]
        geometry = _xdotool(env, "getwindowgeometry", "--shell", window)
        values = dict(line.split("=") for line in geometry.split())
        target_x = int(values["X"]) + int(values["WIDTH"]) // 2
        target_y = int(values["Y"]) + int(values["HEIGHT"]) // 2

        # pywebview starts collecting dropped paths once the page has
        # loaded: a drop just before that is not seen, so try again.
        picked: list[dict[str, Any]] = []
        for _ in range(5):
            _xdotool(env, "mousemove", "--sync", "100", "100")
            _xdotool(env, "mousedown", "1")
            assert source.stdout.readline().strip() == "drag start"
            steps = 8
            for step in range(1, steps + 1):
                x = 100 + (target_x - 100) * step // steps
                y = 100 + (target_y - 100) * step // steps
                _xdotool(env, "mousemove", "--sync", str(x), str(y))
            _xdotool(env, "mousemove", "--sync", str(target_x + 1), str(target_y))
            _xdotool(env, "mouseup", "1")
            assert source.stdout.readline().strip() == "drag end"
            try:
                picked = wait_for(
                    lambda: [e for e in _lines(report) if "path" in e], 10, "a pick"
                )
                break
            except AssertionError:
                continue
        assert picked, (tmp_path / "app.txt").read_text(errors="replace")[-3000:]
        assert picked == [
            {
                "name": "notes 1.txt",
                "path": str(dropped),
                "data": "dropped content",
                "size": len("dropped content"),
            }
        ]

        # A click opens the native dialog (session.pick_file), not the page's.
        chosen = tmp_path / "chosen.txt"
        chosen.write_text("chosen content", encoding="utf-8")
        _xdotool(env, "mousemove", "--sync", str(target_x), str(target_y))
        _xdotool(env, "click", "1")
        dialog = wait_for(
            lambda: _xdotool(env, "search", "--name", "^Open files$").split(),
            30,
            "the native file dialog",
        )[0]
        for _ in range(5):
            # The dialog focuses its file name field once it has listed the
            # folder: type again until it took the path.
            _xdotool(env, "windowfocus", "--sync", dialog)
            _xdotool(env, "key", "--clearmodifiers", "ctrl+a")
            _xdotool(env, "type", "--delay", "10", str(chosen))
            _xdotool(env, "key", "Return")
            try:
                wait_for(lambda: len(_lines(report)) >= 3, 5, "the dialog's pick")
                break
            except AssertionError:
                continue
        assert _lines(report)[-1] == {
            "name": "chosen.txt",
            "path": str(chosen),
            "data": "chosen content",
            "size": len("chosen content"),
        }
    finally:
        _stop(source)
        _stop(app)
        app_log.close()


PDF_APP = textwrap.dedent(
    """
    import json, sys
    import rio_desktop as rio

    def report(value):
        with open(sys.argv[1], "a", encoding="utf-8") as file:
            file.write(json.dumps({"pdf_viewer": value}) + "\\n")

    SCRIPT = "<script>rioSendMessage(navigator.pdfViewerEnabled)</script>"

    class Root(rio.Component):
        def build(self):
            return rio.Webview(SCRIPT, on_message=report)

    rio.App(build=Root, name="PDF").run_in_window(width=40, height=30)
    """
)


def test_the_window_can_show_pdfs(xvfb: str, tmp_path: Path) -> None:  # noqa: F811
    """rio.PdfViewer uses the engine's PDF viewer: QtWebEngine has it off
    unless plugins are on (a page sees it as navigator.pdfViewerEnabled)."""
    report = tmp_path / "report.jsonl"
    (tmp_path / "app.py").write_text(PDF_APP, encoding="utf-8")
    env = _window_env(xvfb, tmp_path)
    app = subprocess.Popen(
        [sys.executable, str(tmp_path / "app.py"), str(report)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert wait_for(lambda: _lines(report), 60, "the page's answer") == [
            {"pdf_viewer": True}
        ]
    finally:
        _stop(app)

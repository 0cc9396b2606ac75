"""The launcher `rio-desktop build` writes (packaging/launcher.py.in), without
building: where a double-clicked app's output goes, and what it says when
the window cannot open (no display; on Windows, no WebView2 runtime)."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import platformdirs  # noqa: F401 - imported before a test patches sys.platform
import pytest

from rio_desktop._build import _fill, packaging_dir


def _launcher() -> types.ModuleType:
    source = _fill(
        (packaging_dir() / "launcher.py.in").read_text("utf-8"),
        title="Log Test",
        module="app",
        attribute="app",
        icon=None,
        backend=None,
    )
    module = types.ModuleType("launcher_under_test")
    exec(compile(source, "launcher.py", "exec"), module.__dict__)
    return module


def test_each_start_appends_to_the_log_so_a_second_start_keeps_the_firsts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second start that only hands over to the running app (single
    instance) must not empty the running app's log."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    launcher = _launcher()
    opened = []
    for words in ("first start's message", "second start's message"):
        monkeypatch.setattr(sys, "stdout", None)
        monkeypatch.setattr(sys, "stderr", None)
        launcher._give_streams_somewhere()
        print(words, file=sys.stderr)
        opened.append(sys.stderr)
    for stream in opened:
        stream.close()
    [log] = tmp_path.rglob("last-run.log")
    text = log.read_text("utf-8")
    assert "first start's message" in text and "second start's message" in text
    assert text.count("--- started, process") == 2


def _write_counter_launcher(tmp_path: Path) -> Path:
    """The launcher `rio-desktop build` writes for examples/counter.py, as a
    script (not frozen)."""
    launcher = tmp_path / "Counter.py"
    launcher.write_text(
        _fill(
            (packaging_dir() / "launcher.py.in").read_text("utf-8"),
            title="Counter",
            module="counter",
            attribute="app",
            icon=None,
            backend=None,
        ),
        "utf-8",
    )
    return launcher


def _bare_env(tmp_path: Path, **more: str) -> dict[str, str]:
    """No display; the log under tmp_path (XDG_STATE_HOME)."""
    root = Path(__file__).resolve().parent.parent
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        and not key.startswith("RIO_DESKTOP_")
    }
    env.update(
        PYTHONPATH=os.pathsep.join([str(root), str(root / "examples")]),
        XDG_STATE_HOME=str(tmp_path / "state"),
        RIO_DESKTOP_DATA_DIR=str(tmp_path / "data"),
        **more,
    )
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is X11's")
def test_without_a_display_the_logs_first_line_says_so_and_the_exit_is_1(
    tmp_path: Path,
) -> None:
    launcher = _write_counter_launcher(tmp_path)
    done = subprocess.run(
        [sys.executable, str(launcher)],
        env=_bare_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    line = (
        "Counter: cannot open a window. There is no display (neither DISPLAY"
        " nor WAYLAND_DISPLAY is set): run it in a desktop session, or serve it"
        " as a website."
    )
    [log] = (tmp_path / "state").rglob("last-run.log")
    assert log.read_text("utf-8").splitlines()[0] == line
    assert done.stderr.splitlines()[0] == line  # started from a terminal
    assert done.stdout == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is X11's")
def test_a_smoke_run_without_a_display_prints_one_failure_line(
    tmp_path: Path,
) -> None:
    launcher = _write_counter_launcher(tmp_path)
    done = subprocess.run(
        [sys.executable, str(launcher)],
        env=_bare_env(tmp_path, RIO_DESKTOP_SMOKE="1"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "smoke: failed: cannot open a window: There is no display (neither"
        " DISPLAY nor WAYLAND_DISPLAY is set): run it in a desktop session, or"
        " serve it as a website."
    ]
    [log] = (tmp_path / "state").rglob("last-run.log")
    assert log.read_text("utf-8").startswith("Counter: cannot open a window.")


def test_without_webview2_a_windows_start_says_what_to_install_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No WebView2 runtime: a message box and a log line naming it and where
    to get it, exit status 1, and the app's code is never imported."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.delenv("WEBVIEW2_BROWSER_EXECUTABLE_FOLDER", raising=False)
    launcher = _launcher()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "rio_desktop._start_report.show_message_box",
        lambda title, text: shown.append((title, text)) or True,
    )
    monkeypatch.setattr("rio_desktop._webview2._read_registry", lambda *key: None)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)

    status = launcher.main()
    log_stream = sys.stderr
    monkeypatch.undo()
    log_stream.close()

    assert status == 1
    [(title, text)] = shown
    assert title == "Log Test"
    assert "Microsoft Edge WebView2 Runtime" in text
    assert "https://developer.microsoft.com/microsoft-edge/webview2/" in text
    [log] = tmp_path.rglob("last-run.log")
    first = log.read_text("utf-8").splitlines()[0]
    assert first.startswith("Log Test: cannot open a window. Log Test needs the")
    assert text.startswith(first)

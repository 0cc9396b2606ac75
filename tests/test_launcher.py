"""The launcher `rio-desktop build` writes (packaging/launcher.py.in), without
building: where a double-clicked app's output goes, and a Windows start
without the WebView2 runtime."""

from __future__ import annotations

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
        "rio_desktop._native_message.show_error",
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
    lines = log.read_text("utf-8").splitlines()
    assert lines[1] == f"Cannot open a window: {text}"

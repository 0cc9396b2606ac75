"""The launcher `rio-desktop build` writes (packaging/launcher.py.in), without
building: where a double-clicked app's output goes."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from rio_desktop._build import _fill, packaging_dir


def _launcher() -> types.ModuleType:
    source = _fill(
        (packaging_dir() / "launcher.py.in").read_text("utf-8"),
        title="Log Test",
        module="app",
        attribute="app",
        icon=None,
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

"""Smoke mode (RIO_DESKTOP_SMOKE=1): the window opens, the app is drawn, one
line says after how long, exit 0; or one line says why not, exit non-zero."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from window_support import xvfb  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parent.parent
COUNTER = ROOT / "examples" / "counter.py"

pytestmark = [
    pytest.mark.window,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb"),
]

SUCCESS = re.compile(r"smoke: first render after \d+ ms")


def smoke_env(tmp_path: Path, display: str | None, **more: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        and not key.startswith("RIO_DESKTOP_")
    }
    env.update(
        RIO_DESKTOP_SMOKE="1",
        RIO_DESKTOP_DATA_DIR=str(tmp_path / "data"),
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",  # root in CI
        PYTHONPATH=str(ROOT),
        **more,
    )
    if display is not None:
        env["DISPLAY"] = display
    return env


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=90, cwd=ROOT
    )


def test_run_in_window_prints_the_first_render_and_exits_zero(
    tmp_path,
    xvfb,  # noqa: F811
) -> None:
    done = run([sys.executable, str(COUNTER)], smoke_env(tmp_path, xvfb))
    assert done.returncode == 0, done.stdout + done.stderr
    [line] = done.stdout.splitlines()
    assert SUCCESS.fullmatch(line), line


def test_rio_desktop_run_prints_only_the_smoke_line(
    tmp_path,
    xvfb,  # noqa: F811
) -> None:
    done = run(
        [sys.executable, "-m", "rio_desktop", "run", str(COUNTER)],
        smoke_env(tmp_path, xvfb),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [line] = done.stdout.splitlines()
    assert SUCCESS.fullmatch(line), line


def test_an_app_that_never_draws_fails_at_the_timeout(
    tmp_path,
    xvfb,  # noqa: F811
) -> None:
    script = tmp_path / "stuck.py"
    script.write_text(
        "import threading\n"
        "import rio_desktop as rio\n"
        "def build():\n"
        "    threading.Event().wait()  # never returns: nothing is drawn\n"
        "app = rio.App(build=build, name='Stuck')\n"
        "app.run_in_window()\n"
    )
    env = smoke_env(tmp_path, xvfb, RIO_DESKTOP_SMOKE_TIMEOUT="2")
    done = run([sys.executable, str(script)], env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.splitlines() == ["smoke: failed: nothing was drawn within 2 s"]


def test_a_window_process_that_dies_is_diagnosed(tmp_path) -> None:
    """DISPLAY names no X server: Qt gives up in the window's process; the
    app says what is wrong (one line), not a traceback."""
    done = run([sys.executable, str(COUNTER)], smoke_env(tmp_path, ":987"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        "smoke: failed: cannot open a window: There is no X server at"
        " DISPLAY=:987: start the app in a desktop session (or check that"
        " DISPLAY names a running X server)."
    ]
    assert done.stderr.splitlines()[-1] == (
        "Cannot open a window: There is no X server at DISPLAY=:987: start the"
        " app in a desktop session (or check that DISPLAY names a running X"
        " server)."
    )

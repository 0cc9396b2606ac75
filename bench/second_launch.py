"""Second launch: process start to exit 0, and to the first window focused.

Run by hand (not a test)::

    .venv/bin/python bench/second_launch.py [--runs 10]

Starts ``tests/single_instance_app.py`` once in a window (its own Xvfb and
openbox unless DISPLAY is set: focus needs a window manager), then, per run:
minimizes that window, notes the time, starts the app again with an argument
from another folder, and polls the window manager until the first window is
the active one (_NET_ACTIVE_WINDOW) and no longer minimized, and the second
process until it has exited. Both
figures count from just before the second process is started (interpreter
start-up and the app's imports included).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from display import start_xvfb, stop_xvfb

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "tests" / "single_instance_app.py"
TITLE = "Single Instance Test"


def _x(env: dict[str, str], *command: str) -> str:
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=20
    ).stdout.strip()


def _active(env: dict[str, str]) -> int | None:
    out = _x(env, "xprop", "-root", "_NET_ACTIVE_WINDOW")
    try:
        return int(out.rsplit("#", 1)[1].split(",")[0].strip(), 16) or None
    except (IndexError, ValueError):
        return None


def _hidden(env: dict[str, str], window: int) -> bool:
    """Minimized: _NET_WM_STATE_HIDDEN (openbox sets it when iconified)."""
    state = _x(env, "xprop", "-id", str(window), "_NET_WM_STATE")
    return "_NET_WM_STATE_HIDDEN" in state


def _wait(condition, what: str, timeout: float = 30) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.02)


def _reap(process: subprocess.Popen[bytes], exited: dict[str, float]) -> None:
    exited["code"] = process.wait()
    exited["at"] = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    work = Path(tempfile.mkdtemp(prefix="second-launch-"))
    env = {
        **os.environ,
        "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox",
        "RIO_DESKTOP_TEST_DIR": str(work),
        "RIO_DESKTOP_DATA_DIR": str(work / "data"),
    }
    xvfb = start_xvfb(env)
    openbox = None
    if xvfb is not None:
        openbox = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait(
            lambda: "#" in _x(env, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK"),
            "openbox",
        )
    first = subprocess.Popen(
        [sys.executable, str(APP)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    report = work / "report.jsonl"
    exits: list[float] = []
    focuses: list[float] = []
    try:
        _wait(
            lambda: report.exists() and "session_start" in report.read_text(),
            "the first window's session",
        )
        window = _x(env, "xdotool", "search", "--onlyvisible", "--name", f"^{TITLE}$")
        window_id = int(window.split()[-1])
        elsewhere = work / "elsewhere"
        elsewhere.mkdir()
        second_env = {**env, "RIO_DESKTOP_TEST_DIR": str(elsewhere)}
        for run in range(runs):
            _x(env, "xdotool", "windowminimize", str(window_id))
            _wait(
                lambda: _hidden(env, window_id) and _active(env) != window_id,
                "the window to be minimized",
            )
            exited: dict[str, float] = {}
            started = time.perf_counter()
            second = subprocess.Popen(
                [sys.executable, str(APP), f"file-{run}.txt"],
                cwd=elsewhere,
                env=second_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

            reaper = threading.Thread(target=_reap, args=(second, exited))
            reaper.start()
            while _active(env) != window_id or _hidden(env, window_id):
                if time.perf_counter() - started > 30:
                    raise SystemExit("the window was not focused")
            focused = time.perf_counter() - started
            reaper.join(30)
            if exited.get("code") != 0:
                raise SystemExit(f"the second launch exited {exited.get('code')}")
            exits.append(exited["at"] - started)
            focuses.append(focused)
            print(
                f"run {run + 1}: exit 0 after {exits[-1] * 1000:.0f} ms,"
                f" window focused after {focused * 1000:.0f} ms",
                flush=True,
            )
        handed = [
            json.loads(line)
            for line in report.read_text().splitlines()
            if '"second_instance"' in line
        ]
        assert len(handed) == runs, handed
    finally:
        first.terminate()
        first.wait(10)
        if openbox is not None:
            openbox.terminate()
            openbox.wait(10)
        stop_xvfb(xvfb)
    for name, values in (("exit 0", exits), ("focused", focuses)):
        print(
            f"{name}: median {statistics.median(values) * 1000:.0f} ms,"
            f" max {max(values) * 1000:.0f} ms over {len(values)} runs"
        )


if __name__ == "__main__":
    main()

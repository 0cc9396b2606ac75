"""Run a built app in smoke mode and check its one line (CI's last step; by
hand too).

Usage: python scripts/smoke_built_app.py [DIST] [NAME]   (default: dist Counter)

Finds the executable `rio-desktop build` made in DIST for this OS (on macOS
the .app bundle's when there is one, else the one-folder build's), starts it
with RIO_DESKTOP_SMOKE=1 and passes (exit 0) only if it exited 0 having
printed ``smoke: first render after N ms``. On Linux it needs a display: run
it under ``xvfb-run -a`` where there is none.

A windowed app on Windows may have no stdout: its output then goes to its
``last-run.log`` (platformdirs' log folder), where the line is looked for.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

SUCCESS = re.compile(r"^smoke: first render after \d+ ms$", re.MULTILINE)
#: The app's own timeout is RIO_DESKTOP_SMOKE_TIMEOUT (60 s); this is for a hang.
TIMEOUT = 240


def executable(dist: Path, name: str) -> Path:
    """The built app's executable in `dist`, for this OS."""
    candidates = [dist / name / name]
    if sys.platform == "win32":
        candidates = [dist / name / f"{name}.exe"]
    elif sys.platform == "darwin":
        candidates.insert(0, dist / f"{name}.app" / "Contents" / "MacOS" / name)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    shown = ", ".join(str(c) for c in candidates)
    raise SystemExit(f"smoke_built_app: no executable at {shown}; build it first")


def log_file(name: str) -> Path | None:
    try:
        from platformdirs import user_log_dir
    except ImportError:
        return None
    return Path(user_log_dir(name, appauthor=False)) / "last-run.log"


def main() -> int:
    dist = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    name = sys.argv[2] if len(sys.argv) > 2 else "Counter"
    program = executable(dist, name)
    log = log_file(name)
    env = dict(os.environ, RIO_DESKTOP_SMOKE="1")
    print(f"smoke_built_app: starting {program}", flush=True)
    started = time.time()
    try:
        done = subprocess.run(
            [str(program)],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        print(f"smoke_built_app: FAILED: still running after {TIMEOUT} s")
        return 1
    print(done.stdout, end="")
    print(done.stderr, end="", file=sys.stderr)
    output = done.stdout
    # Only a log this start wrote.
    if (
        not SUCCESS.search(output)
        and log is not None
        and log.is_file()
        and log.stat().st_mtime >= started - 1
    ):
        text = log.read_text("utf-8", errors="replace")
        print(f"smoke_built_app: {log}:\n{text[-6000:]}", end="")
        # This start's part: from the last start marker on.
        output += text.rpartition("--- started, process")[2]
    if done.returncode != 0 or not SUCCESS.search(output):
        print(
            f"smoke_built_app: FAILED: exit status {done.returncode},"
            f" {'with' if SUCCESS.search(output) else 'without'} the smoke line"
        )
        return 1
    print("smoke_built_app: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

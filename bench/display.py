"""An X display for the window benchmarks: a private Xvfb when there is none."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path


def start_xvfb(env: dict[str, str]) -> subprocess.Popen[bytes] | None:
    """Start Xvfb on a free display if `env` has none, and set env["DISPLAY"].

    Returns the Xvfb process (give it to `stop_xvfb`), or None if `env`
    already had a display.
    """
    if env.get("DISPLAY"):
        return None
    number = next(
        n
        for n in range(150, 300)
        if not Path(f"/tmp/.X{n}-lock").exists()
        and not Path(f"/tmp/.X11-unix/X{n}").exists()
    )
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if xvfb.poll() is not None or time.monotonic() > deadline:
            xvfb.kill()
            raise RuntimeError(f"Xvfb :{number} did not start")
        time.sleep(0.05)
    env["DISPLAY"] = f":{number}"
    return xvfb


def stop_xvfb(xvfb: subprocess.Popen[bytes] | None) -> None:
    if xvfb is not None:
        xvfb.terminate()
        xvfb.wait(10)

"""Smoke mode: open the window, wait for the app's first render, say so, exit.

``RIO_DESKTOP_SMOKE=1`` makes `run_in_window` (and so `rio-desktop run`, an
app's own ``app.run_in_window()`` and a packaged executable) a start-up check
for CI: it opens the window, waits until the page has drawn the app's first
tree, prints exactly one line ``smoke: first render after N ms`` (N counted
from the process's start) to stdout, closes the window and returns normally
(exit status 0). If the window cannot open, its process dies, or nothing is
drawn within ``RIO_DESKTOP_SMOKE_TIMEOUT`` seconds (60 by default), it prints
``smoke: failed: <reason>`` instead and the process exits non-zero.

The signal is the page's: after the first delta (the whole tree) it answers
an ``afterPaint`` call once a frame with it has been drawn (webui/app.js).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable

__all__ = ["Smoke", "smoke_enabled", "smoke_timeout", "process_age"]

SMOKE_VARIABLE = "RIO_DESKTOP_SMOKE"
TIMEOUT_VARIABLE = "RIO_DESKTOP_SMOKE_TIMEOUT"
DEFAULT_TIMEOUT = 60.0

#: Where the process's start time cannot be read: the first import of this
#: module (early: the window runtime imports it) stands in for it.
_IMPORTED = time.time()


def smoke_enabled() -> bool:
    """Whether this run is a smoke check (``RIO_DESKTOP_SMOKE`` set, not 0)."""
    return os.environ.get(SMOKE_VARIABLE, "").strip() not in ("", "0")


def smoke_timeout() -> float:
    """Seconds to wait for the first render (``RIO_DESKTOP_SMOKE_TIMEOUT``)."""
    text = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    try:
        value = float(text)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def process_age() -> float:
    """Seconds since this process started (as the OS counts), or since the
    window runtime was imported where that cannot be read."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_process_age()
        if sys.platform == "win32":
            return _windows_process_age()
        if sys.platform == "darwin":
            return _macos_process_age()
    except (OSError, ValueError, AttributeError, IndexError):
        pass
    return time.time() - _IMPORTED


def _linux_process_age() -> float:
    # Both counted from boot: the process's start in clock ticks, the
    # machine's uptime in seconds (hundredths).
    with open("/proc/self/stat", encoding="ascii") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
    with open("/proc/uptime", encoding="ascii") as file:
        uptime = float(file.read().split()[0])
    return max(0.0, uptime - started)


def _windows_process_age() -> float:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    created, exited, kernel, user, now = (wintypes.FILETIME() for _ in range(5))
    if not kernel32.GetProcessTimes(
        kernel32.GetCurrentProcess(),
        ctypes.byref(created),
        ctypes.byref(exited),
        ctypes.byref(kernel),
        ctypes.byref(user),
    ):
        raise OSError("GetProcessTimes failed")
    kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

    def ticks(value: wintypes.FILETIME) -> int:  # 100 ns since 1601
        return (value.dwHighDateTime << 32) | value.dwLowDateTime

    return max(0.0, (ticks(now) - ticks(created)) / 10_000_000)


def _macos_process_age() -> float:
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    # sysctl(CTL_KERN, KERN_PROC, KERN_PROC_PID, pid): a kinfo_proc, which
    # begins with the start time as a struct timeval.
    mib = (ctypes.c_int * 4)(1, 14, 1, os.getpid())
    buffer = ctypes.create_string_buffer(1024)
    size = ctypes.c_size_t(len(buffer))
    if libc.sysctl(mib, 4, buffer, ctypes.byref(size), None, 0) != 0:
        raise OSError("sysctl failed")
    seconds = ctypes.c_int64.from_buffer(buffer, 0).value
    microseconds = ctypes.c_int32.from_buffer(buffer, 8).value
    return max(0.0, time.time() - (seconds + microseconds / 1e6))


class Smoke:
    """One smoke run: the first render ends it well, a failure or the
    timeout badly. The first ending closes the app's windows (`finish`).

    Args:
        timeout: Seconds from `start` to wait for the first render.
        finish: Closes the app's windows (from any thread).
    """

    #: Seconds the windows get to close once the run has ended.
    CLOSE_GRACE = 10.0

    def __init__(self, timeout: float, finish: Callable[[], None]) -> None:
        self.timeout = timeout
        self._finish = finish
        self._lock = threading.Lock()
        self._ended = threading.Event()
        self._ended_at: float | None = None
        #: Why the run failed, once it has; None while it has not.
        self.failure: str | None = None

    def start(self) -> None:
        """Start waiting (a daemon thread fails the run at the timeout)."""
        threading.Thread(
            target=self._watch, name="rio-desktop smoke", daemon=True
        ).start()

    def _watch(self) -> None:
        if not self._ended.wait(self.timeout):
            self.fail(f"nothing was drawn within {self.timeout:g} s")

    def rendered(self) -> None:
        """The app's first tree is on screen: say so, close the window."""
        if self._end(None):
            age = process_age() * 1000
            print(f"smoke: first render after {age:.0f} ms", flush=True)
            self._finish()

    def fail(self, reason: str) -> None:
        """The run failed (`report_failure` says so later); close the window."""
        if self._end(reason):
            self._finish()

    def ended_without_render(self, reason: str) -> None:
        """The app's run is over (its window closed) without a render."""
        self._end(reason)

    def overdue(self) -> bool:
        """Whether the run ended and the windows are slow to close."""
        ended = self._ended_at
        return ended is not None and time.monotonic() - ended > self.CLOSE_GRACE

    def _end(self, failure: str | None) -> bool:
        """End the run (False if it had ended)."""
        with self._lock:
            if self._ended.is_set():
                return False
            self.failure = failure
            self._ended_at = time.monotonic()
            self._ended.set()
        return True


def report_failure(reason: str) -> None:
    """Print the one line a failed smoke run prints, to stdout."""
    print(f"smoke: failed: {_one_line(reason)}", flush=True)


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "unknown error"

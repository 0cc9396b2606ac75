"""A native error message box, for a packaged app that cannot open its window.

Used before any GUI toolkit is running (or when none can run): Windows gets
`MessageBoxW` through ctypes, macOS an AppleScript dialog through `osascript`.
Elsewhere nothing is shown and the caller relies on its log line.
"""

from __future__ import annotations

import subprocess
import sys

__all__ = ["show_error"]

# MessageBoxW's style: an OK button, the error icon, in front of other windows.
_MB_ICONERROR = 0x10
_MB_SETFOREGROUND = 0x10000

# `on run argv` takes the text and title as arguments: no quoting of them.
_APPLESCRIPT = (
    "on run argv",
    'display dialog (item 1 of argv) with title (item 2 of argv) buttons {"OK"}'
    " default button 1 with icon stop",
    "end run",
)


def show_error(title: str, text: str) -> bool:
    """Show `text` in a native error message box titled `title` and wait
    until the user dismisses it.

    Returns:
        True if a box was shown; False where none can be (Linux, or the
        system call failed).
    """
    try:
        if sys.platform == "win32":
            return _show_windows(title, text)
        if sys.platform == "darwin":
            return _show_macos(title, text)
    except Exception:
        return False
    return False


if sys.platform == "win32":

    def _show_windows(title: str, text: str) -> bool:
        import ctypes

        style = _MB_ICONERROR | _MB_SETFOREGROUND
        return bool(ctypes.windll.user32.MessageBoxW(None, text, title, style))

else:

    def _show_windows(title: str, text: str) -> bool:
        return False


def _show_macos(title: str, text: str) -> bool:
    command = ["osascript"]
    for line in _APPLESCRIPT:
        command += ["-e", line]
    done = subprocess.run([*command, text, title], capture_output=True)
    return done.returncode == 0

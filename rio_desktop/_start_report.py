"""A packaged app that could not start says why, where its user looks.

A double-clicked app that fails has no console: its launcher calls
`report_start_failure`, which makes one clear sentence the first line of the
app's `last-run.log` (what is missing, what to install), prints it on
stderr where there is one, and shows it in a native message box where one
can be shown: Windows' MessageBoxW, macOS's osascript alert, and on Linux a
Tk message box if tkinter is importable, else zenity or kdialog if
installed. No box in smoke mode (`_smoke`): nobody is there to close it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ._smoke import smoke_enabled

__all__ = ["log_file", "report_start_failure", "show_message_box"]

LOG_NAME = "last-run.log"
#: What begins each start's part of the log (the launcher writes it).
START_MARKER = "--- started, process {pid}"


def log_file(app_title: str) -> Path:
    """The app's `last-run.log`, in its log folder (platformdirs)."""
    from platformdirs import user_log_dir

    return Path(user_log_dir(app_title, appauthor=False)) / LOG_NAME


def report_start_failure(
    app_title: str, line: str, details: str = "", *, log: Path | None = None
) -> None:
    """Tell the user why the app could not start.

    Args:
        app_title: The app's name (the box's title, the log's folder).
        line: One sentence: what is wrong and what to do.
        details: More for the log (a traceback), after the first line.
        log: The log file; `log_file(app_title)` if None.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    path = log if log is not None else log_file(app_title)
    written = _put_first_in_log(path, line, details)
    if not _is_log(sys.stderr, path):
        try:
            print(line, file=sys.stderr, flush=True)
        except (OSError, ValueError):
            pass
    if smoke_enabled():
        return
    where = f"\n\nMore in {path}" if written else ""
    show_message_box(app_title, line + where)


def _put_first_in_log(path: Path, line: str, details: str) -> bool:
    """Make `line` the log's first line, this start's part of the log (from
    its start marker on) and `details` after it; earlier starts' parts move
    to last-run.log.old. True if the log could be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            old = path.read_text("utf-8", errors="replace")
        except FileNotFoundError:
            old = ""
        marker = START_MARKER.format(pid=os.getpid()) + "\n"
        earlier, found, this_start = old.rpartition(marker)
        if not found:
            earlier, this_start = old, ""
        if earlier.strip():
            Path(str(path) + ".old").write_text(earlier, "utf-8")
        text = line + "\n" + (marker + this_start if found else "")
        if details:
            text += details if details.endswith("\n") else details + "\n"
        path.write_text(text, "utf-8")
        return True
    except OSError:
        return False


def _is_log(stream: object, path: Path) -> bool:
    """Whether `stream` writes to the log already (or nowhere: None)."""
    if stream is None:
        return True
    name = getattr(stream, "name", None)
    if not isinstance(name, str):
        return False
    try:
        return os.path.samefile(name, path)
    except OSError:
        return False


def show_message_box(title: str, text: str) -> bool:
    """Show `text` in a native error box and wait for the user to close it.
    False where none can be shown (no display, no tool for it)."""
    try:
        if sys.platform == "win32":
            return _windows_box(title, text)
        if sys.platform == "darwin":
            return _macos_box(title, text)
        if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
            return _tk_box(title, text) or _tool_box(title, text)
    except Exception:  # a box is a courtesy: never fail the report for it
        return False
    return False


def _windows_box(title: str, text: str) -> bool:
    import ctypes

    error_icon, topmost = 0x10, 0x40000
    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    return bool(user32.MessageBoxW(None, text, title, error_icon | topmost))


def _macos_box(title: str, text: str) -> bool:
    # The texts go as arguments, never into the script: no quoting to get wrong.
    script = [
        "on run argv",
        "display alert (item 1 of argv) message (item 2 of argv) as critical",
        "end run",
    ]
    command = ["osascript"]
    for line in script:
        command += ["-e", line]
    done = subprocess.run(command + [title, text], capture_output=True)
    return done.returncode == 0


def _tk_box(title: str, text: str) -> bool:
    try:
        import tkinter
        from tkinter import messagebox
    except ImportError:  # left out of packaged apps
        return False
    try:
        root = tkinter.Tk()
    except tkinter.TclError:  # the display cannot be reached
        return False
    try:
        root.withdraw()
        messagebox.showerror(title, text, parent=root)
    finally:
        root.destroy()
    return True


def _tool_box(title: str, text: str) -> bool:
    if shutil.which("zenity"):
        command = ["zenity", "--error", "--no-markup", "--title", title, "--text", text]
    elif shutil.which("kdialog"):
        command = ["kdialog", "--title", title, "--error", text]
    else:
        return False
    return subprocess.run(command, capture_output=True).returncode in (0, 1)

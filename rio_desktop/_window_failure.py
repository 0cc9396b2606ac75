"""Why the window could not open, in one sentence a user can act on.

`WindowUnavailableError` is what `run_in_window` raises when no window can
be opened: before trying (no display, no backend installed:
`desktop.window_unavailable_reason`) or after the window's process died
before its page connected. For the latter, `diagnose_failed_window` looks
for the usual causes, after the fact so that a good start pays nothing for
it: the display cannot be reached, a system library the GUI toolkit needs is
missing (found by loading the toolkit the way it failed: importing Qt
WebEngine, loading Qt's xcb platform plugin), WebKitGTK is missing.

A packaged app's launcher turns the error into the first line of
`last-run.log` and a message box (`_start_report`).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import socket
import sys
from pathlib import Path

__all__ = [
    "WindowUnavailableError",
    "diagnose_failed_window",
    "has_module",
    "display_problem",
    "missing_library_problem",
]


class WindowUnavailableError(SystemExit):
    """No window can be opened here. A `SystemExit` (status 1, the message
    on stderr) for a script; a packaged app's launcher reports it.

    Attributes:
        reason: One sentence: what is missing and what to install or do.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"Cannot open a window: {reason}")
        self.reason = reason


#: A shared library (its soname's start) -> the Debian/Ubuntu package that
#: has it: what Qt WebEngine and its xcb plugin load (.ci/apt-packages.txt)
#: and what the GTK backend needs.
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so": "libxcb-cursor0",
    "libxcb-icccm.so": "libxcb-icccm4",
    "libxcb-keysyms.so": "libxcb-keysyms1",
    "libxcb-image.so": "libxcb-image0",
    "libxcb-randr.so": "libxcb-randr0",
    "libxcb-render-util.so": "libxcb-render-util0",
    "libxcb-render.so": "libxcb-render0",
    "libxcb-shape.so": "libxcb-shape0",
    "libxcb-shm.so": "libxcb-shm0",
    "libxcb-sync.so": "libxcb-sync1",
    "libxcb-xfixes.so": "libxcb-xfixes0",
    "libxcb-xinerama.so": "libxcb-xinerama0",
    "libxcb-xinput.so": "libxcb-xinput0",
    "libxcb-xkb.so": "libxcb-xkb1",
    "libxcb-util.so": "libxcb-util1",
    "libxcb.so": "libxcb1",
    "libX11-xcb.so": "libx11-xcb1",
    "libX11.so": "libx11-6",
    "libxkbcommon-x11.so": "libxkbcommon-x11-0",
    "libxkbcommon.so": "libxkbcommon0",
    "libxkbfile.so": "libxkbfile1",
    "libnss3.so": "libnss3",
    "libnssutil3.so": "libnss3",
    "libsmime3.so": "libnss3",
    "libnspr4.so": "libnspr4",
    "libEGL.so": "libegl1",
    "libGL.so": "libgl1",
    "libOpenGL.so": "libopengl0",
    "libgbm.so": "libgbm1",
    "libXcomposite.so": "libxcomposite1",
    "libXdamage.so": "libxdamage1",
    "libXext.so": "libxext6",
    "libXfixes.so": "libxfixes3",
    "libXrandr.so": "libxrandr2",
    "libXrender.so": "libxrender1",
    "libxshmfence.so": "libxshmfence1",
    "libXtst.so": "libxtst6",
    "libasound.so": "libasound2",
    "libdbus-1.so": "libdbus-1-3",
    "libfontconfig.so": "libfontconfig1",
    "libfreetype.so": "libfreetype6",
    "libglib-2.0.so": "libglib2.0-0",
    "libgtk-3.so": "libgtk-3-0",
    "libwebkit2gtk-4.1.so": "libwebkit2gtk-4.1-0",
}

#: How a missing shared library shows in a loader's error (dlopen, Python's
#: import of an extension module).
_MISSING_LIBRARY = re.compile(
    r"(lib[\w.+-]+?\.so(?:\.[\d.]+)?): cannot open shared object file"
)
#: Qt's own words when its xcb plugin lacks xcb-cursor (Qt 6.5 and later).
_QT_XCB_CURSOR = re.compile(r"xcb-cursor0 or libxcb-cursor0 is needed")


def missing_library_problem(error_text: str, needed_by: str) -> str | None:
    """One sentence naming the shared library an error says is missing and
    the package to install, or None if the text names none.

    Args:
        error_text: What the loader or the toolkit printed.
        needed_by: Who needs it, e.g. 'the Qt platform plugin "xcb"'.
    """
    found = _MISSING_LIBRARY.search(error_text)
    if found is not None:
        library = found.group(1)
    elif _QT_XCB_CURSOR.search(error_text):
        library = "libxcb-cursor.so.0"
    else:
        return None
    package = _debian_package(library)
    if package is None:
        return (
            f"{needed_by} needs {library}, which is not installed: install"
            f" the package that has it with your package manager"
            f" (Debian/Ubuntu: apt-file search {library})."
        )
    return (
        f"{needed_by} needs {library}, which is not installed: install"
        f" {package} with your package manager (apt install {package})."
    )


def _debian_package(library: str) -> str | None:
    stem = re.sub(r"(\.so)(\.[\d.]+)?$", r"\1", library)
    return DEBIAN_PACKAGES.get(stem)


def display_problem() -> str | None:
    """Why the X display named by DISPLAY cannot be reached, or None if it
    can (or another display is used: Wayland, not Linux)."""
    display = os.environ.get("DISPLAY", "")
    if not sys.platform.startswith("linux") or not display:
        return None
    if os.environ.get("WAYLAND_DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "xcb":
        return None
    if _x_display_reachable(display):
        return None
    return (
        f"There is no X server at DISPLAY={display}: start the app in a"
        " desktop session (or check that DISPLAY names a running X server)."
    )


def _x_display_reachable(display: str) -> bool:
    host, _, rest = display.rpartition(":")
    number_text = rest.split(".", 1)[0]
    if not number_text.isdigit():
        return True  # a form we do not know: let the toolkit judge
    number = int(number_text)
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        return any(_unix_connects(name) for name in (path, "\0" + path))
    if host.startswith("/"):  # macOS XQuartz's launchd socket
        return True
    try:
        with socket.create_connection((host, 6000 + number), timeout=2):
            return True
    except OSError:
        return False


def _unix_connects(address: str) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        try:
            sock.connect(address)
        except OSError:
            return False
    return True


def diagnose_failed_window(backend: str | None, status: int | None) -> str:
    """Why the window's process died before its window showed the app: one
    sentence, naming what is missing and what to install when it can tell.

    Runs after the failure (in the app's process): it may load the toolkit.
    """
    reason = display_problem()
    if reason is None and sys.platform.startswith("linux"):
        if backend == "gtk":
            reason = _gtk_problem()
        else:
            reason = _qt_problem()
    if reason is not None:
        return reason
    ended = "was ended" if status is not None and status < 0 else "stopped"
    if sys.platform == "win32":
        return (
            f"The window's process {ended} (status {status}) before it opened."
            " If the Microsoft Edge WebView2 Runtime is not installed,"
            " install it: https://developer.microsoft.com/microsoft-edge/webview2/"
        )
    return (
        f"The window's process {ended} (status {status}) before it opened;"
        " the lines before this one say why."
    )


def _qt_problem() -> str | None:
    binding = next(
        (name for name in ("PyQt6", "PySide6", "PyQt5", "PySide2") if has_module(name)),
        None,
    )
    if binding is None:
        return None
    try:
        importlib.import_module(f"{binding}.QtWebEngineWidgets")
    except ImportError as error:
        found = missing_library_problem(str(error), "Qt WebEngine")
        if found is not None:
            return found
    platform = os.environ.get("QT_QPA_PLATFORM", "xcb").split(":", 1)[0]
    if platform != "xcb" or not os.environ.get("DISPLAY"):
        return None
    return _xcb_plugin_problem(binding)


def _xcb_plugin_problem(binding: str) -> str | None:
    """Load Qt's xcb platform plugin as Qt would: the library it lacks."""
    import ctypes

    for plugin in _xcb_plugins(binding)[:1]:
        try:
            ctypes.CDLL(str(plugin))
        except OSError as error:
            return missing_library_problem(str(error), 'The Qt platform plugin "xcb"')
    return None


def _xcb_plugins(binding: str) -> list[Path]:
    """Qt's xcb platform plugin wherever the binding keeps it (installed or
    bundled by PyInstaller)."""
    spec = importlib.util.find_spec(binding)
    folders = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(Path(bundle) / binding)
    found = []
    for folder in folders:
        for qt in ("Qt6", "Qt", "Qt5", ""):
            plugin = folder / qt / "plugins" / "platforms" / "libqxcb.so"
            if plugin.is_file():
                found.append(plugin)
    return found


def _gtk_problem() -> str | None:
    try:
        import gi

        gi.require_version("WebKit2", "4.1")
    except ImportError as error:
        return missing_library_problem(str(error), "GTK")
    except ValueError:
        return (
            "WebKitGTK is not installed: install gir1.2-webkit2-4.1 with your"
            " package manager (apt install gir1.2-webkit2-4.1)."
        )
    return None


def has_module(name: str) -> bool:
    """Whether `name` can be imported here, without importing it."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False

"""Whether the Microsoft Edge WebView2 Runtime is installed (Windows).

pywebview's default window on Windows is a WebView2 control. Without the
runtime (Windows 10 may lack it; Windows 11 ships it) the window cannot open,
so a packaged app checks first and says what to install. The check reads the
registry keys Microsoft documents for detecting the Evergreen runtime: the
`pv` (version) value of the runtime's EdgeUpdate client key, per machine
(under WOW6432Node on 64-bit Windows) or per user.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

__all__ = [
    "DOWNLOAD_URL",
    "RUNTIME_NAME",
    "installed_version",
    "missing_runtime_message",
]

RUNTIME_NAME = "Microsoft Edge WebView2 Runtime"
DOWNLOAD_URL = "https://developer.microsoft.com/microsoft-edge/webview2/"

_CLIENT = r"Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

#: (hive, key) pairs holding the runtime's `pv` value, in the order looked at.
REGISTRY_KEYS: tuple[tuple[str, str], ...] = tuple(
    (hive, rf"SOFTWARE\{node}{_CLIENT}")
    for hive in ("HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER")
    for node in ("WOW6432Node\\", "")
)

#: Reads one registry value: (hive name, key path, value name) -> the value
#: as a string, or None when the key or the value does not exist.
RegistryReader = Callable[[str, str, str], "str | None"]


def installed_version(read: RegistryReader | None = None) -> str | None:
    """The installed runtime's version (e.g. "131.0.2903.70"), or None.

    Args:
        read: Reads a registry value; the real registry when None (tests
            pass their own).
    """
    read = read or _read_registry
    for hive, key in REGISTRY_KEYS:
        version = read(hive, key, "pv")
        # An uninstalled runtime may leave its key behind with 0.0.0.0.
        if version and version.strip() not in ("", "0.0.0.0"):
            return version.strip()
    return None


def missing_runtime_message(
    app_name: str, read: RegistryReader | None = None
) -> str | None:
    """None where the runtime is installed (or a fixed-version runtime is
    given); else what the user sees: what is missing and where to get it."""
    # WebView2's own variable for a fixed-version runtime shipped with an app.
    if os.environ.get("WEBVIEW2_BROWSER_EXECUTABLE_FOLDER"):
        return None
    if installed_version(read) is not None:
        return None
    return (
        f"{app_name} needs the {RUNTIME_NAME}, which is not installed."
        f" Install it from {DOWNLOAD_URL} (the Evergreen Bootstrapper),"
        f" then start {app_name} again."
    )


if sys.platform == "win32":

    def _read_registry(hive: str, key: str, name: str) -> str | None:
        import winreg

        try:
            with winreg.OpenKey(getattr(winreg, hive), key) as handle:
                value, _kind = winreg.QueryValueEx(handle, name)
        except OSError:
            return None
        return str(value)

else:

    def _read_registry(hive: str, key: str, name: str) -> str | None:
        return None

"""The window's web view, in the window's process: colours that follow the
OS's light or dark scheme, and no navigation when a file is dropped on it.

Dark mode, in three steps:

- Before the window exists, `initial_background` asks the OS which scheme it
  prefers and returns the app's dark theme's background or its light one; the
  window is created with it. With Qt the answer is Qt's own
  (`QStyleHints.colorScheme()`), which is also what QtWebEngine tells the
  page (`prefers-color-scheme`), so the window and the page agree. Qt's
  GNOME platform theme reads it from the desktop portal asynchronously: right
  after the `QApplication` is made it is still "unknown". When the portal has
  a preference, we wait for Qt to learn it (a few milliseconds; at most
  `SCHEME_WAIT`).
- `prepare` (pywebview's `before_show`, on the GUI thread) gives the same
  colour to the web view's page, which QtWebEngine otherwise paints white
  until the page does; the page's own first paint uses the theme's
  backgrounds from `index.html`, before the session sends the theme.
- A live switch: QtWebEngine reads the OS's scheme only when it applies its
  settings, so on `colorSchemeChanged` we apply them again; the page's
  `prefers-color-scheme` then changes, the page tells the session
  (`color_scheme`) and the session re-themes. The window's and the page's
  backgrounds follow too.

Dropped files: an engine may open a file dropped on the page in place of
the app, unless the page cancels the drop. The page does, outside a
FilePickerArea (app.js), but not while it loads, nor over an iframe
(`rio.Webview`); so `prepare` also turns QtWebEngine's NavigateOnDropEnabled
off. (QtWebEngine 6.11 under Xvfb did not navigate even with both off;
browsers, and WebView2 by default, do.) A refused drop must not leave its
paths behind in pywebview for a later drop: `_forget_refused_drops`.

Other toolkits (untested here): GTK reads `gtk-application-prefer-dark-theme`
or a theme ending in "dark" (Adwaita-dark, GTK_THEME=Adwaita:dark), Windows
the registry's `AppsUseLightTheme`, macOS `AppleInterfaceStyle`. Their
engines follow the OS's scheme live by themselves; their window's background
does not.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

__all__ = ["initial_background", "prepare"]

log = logging.getLogger(__name__)

#: Seconds to wait for Qt to learn the scheme that the desktop portal has.
SCHEME_WAIT = 0.1
#: The QApplication made to ask Qt for the scheme, before pywebview's start.
_qt_app: Any = None
_PORTAL = (
    "org.freedesktop.portal.Desktop",
    "/org/freedesktop/portal/desktop",
    "org.freedesktop.portal.Settings",
)


def initial_background(light: str, dark: str | None, backend: str | None) -> str:
    """The colour to create the window with: `dark` if the OS prefers a dark
    scheme (and the app has a dark theme), else `light`."""
    if not dark or dark.lower() == light.lower():
        return light
    try:
        prefers_dark = os_prefers_dark(backend)
    except Exception as error:  # a toolkit that cannot tell: light, as before
        log.debug("Could not read the OS's colour scheme: %r", error)
        prefers_dark = None
    return dark if prefers_dark else light


def os_prefers_dark(backend: str | None) -> bool | None:
    """Whether the OS prefers a dark scheme; None if it does not say."""
    if backend == "qt":
        return _qt_prefers_dark()
    if backend == "gtk":
        return _gtk_prefers_dark()
    if sys.platform == "win32":
        return _windows_prefers_dark()
    if sys.platform == "darwin":
        return _macos_prefers_dark()
    return None


def prepare(window: Any, light: str, dark: str | None) -> None:
    """Set up the Qt web view before the window shows (on the GUI thread):
    its page's background, colours that follow the OS's scheme, no navigation
    on a drop, and no paths kept from refused drops. Does nothing for other
    toolkits."""
    native: Any = getattr(window, "native", None)  # pywebview's Qt window
    view = getattr(native, "webview", None)
    if view is None:
        return
    from qtpy.QtGui import QColor
    from qtpy.QtWidgets import QApplication

    page = view.page()
    settings = page.settings()
    attributes = type(settings).WebAttribute
    navigate_on_drop = getattr(attributes, "NavigateOnDropEnabled", None)  # Qt 6.4
    if navigate_on_drop is not None:
        settings.setAttribute(navigate_on_drop, False)
    _forget_refused_drops(view)
    page.setBackgroundColor(QColor(native.background_color))
    hints = QApplication.styleHints()
    if hints is None or not hasattr(hints, "colorSchemeChanged"):  # Qt < 6.5
        return

    def follow(scheme: Any) -> None:
        dark_now = bool(dark) and scheme == _qt_dark()
        color = QColor(dark if dark_now else light)
        palette = native.palette()
        palette.setColor(native.backgroundRole(), color)
        native.setPalette(palette)
        page.setBackgroundColor(color)
        # QtWebEngine reads the scheme when it applies its settings: change
        # one and back (applied once, on the next turn of the event loop).
        attribute = (
            attributes.JavascriptEnabled
            if navigate_on_drop is None
            else navigate_on_drop
        )
        value = settings.testAttribute(attribute)
        settings.setAttribute(attribute, not value)
        settings.setAttribute(attribute, value)
        log.debug("The OS's colour scheme is now %s", scheme)

    hints.colorSchemeChanged.connect(follow)

    def forget() -> None:
        # A closed window's page is deleted while the app's other windows
        # live on: it must not hear of the next switch (a slot raising on a
        # deleted object would abort the process).
        try:
            hints.colorSchemeChanged.disconnect(follow)
        except (TypeError, RuntimeError):
            pass

    page.destroyed.connect(forget)


# --- Qt ----------------------------------------------------------------------------


def _forget_refused_drops(view: Any) -> None:
    """pywebview's Qt view notes the paths of each drop of files it accepts,
    and hands them to the page's next drop event of a file of that name,
    oldest first. A drop the page refused (outside a FilePickerArea) leaves
    its paths there, for a later drop of another file of the same name: so
    forget them when the next drag comes in."""
    from qtpy.QtCore import QEvent, QObject
    from webview.dom import _dnd_state

    class Forget(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
            paths = _dnd_state["paths"]
            if event.type() == QEvent.Type.DragEnter and isinstance(paths, list):
                paths.clear()
            return False

    view._rio_desktop_forget_drops = Forget(view)
    view.installEventFilter(view._rio_desktop_forget_drops)


def _qt_dark() -> Any:
    from qtpy.QtCore import Qt

    return Qt.ColorScheme.Dark


def _qt_prefers_dark() -> bool | None:
    # pywebview's Qt module first: it loads QtWebEngine, which must come
    # before the QApplication, and sets the environment Qt reads then.
    import webview.platforms.qt  # noqa: F401
    from qtpy.QtCore import Qt
    from qtpy.QtWidgets import QApplication

    global _qt_app
    # Kept: pywebview uses this one. (Dropped, PyQt would destroy it, and a
    # second QApplication's platform theme no longer hears the portal.)
    _qt_app = QApplication.instance() or QApplication(sys.argv)
    hints = QApplication.styleHints()
    if hints is None or not hasattr(hints, "colorScheme"):  # Qt < 6.5
        return None
    scheme = hints.colorScheme()
    if scheme == Qt.ColorScheme.Unknown and _portal_color_scheme() in (1, 2):
        scheme = _wait_for_scheme(hints)
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return None


def _wait_for_scheme(hints: Any) -> Any:
    """Run Qt's event loop until it has the colour scheme, or SCHEME_WAIT."""
    from qtpy.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    hints.colorSchemeChanged.connect(loop.quit)
    timer.start(int(SCHEME_WAIT * 1000))
    loop.exec()
    timer.stop()
    hints.colorSchemeChanged.disconnect(loop.quit)
    return hints.colorScheme()


def _portal_color_scheme() -> int | None:
    """The desktop portal's org.freedesktop.appearance color-scheme (0 no
    preference, 1 dark, 2 light), or None without a session bus or portal."""
    runtime_dir = os.environ.get("XDG_RUNTIME_DIR")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not (
        runtime_dir and Path(runtime_dir, "bus").exists()
    ):
        return None  # else Qt would try to launch a bus
    from qtpy.QtDBus import QDBus, QDBusConnection, QDBusMessage

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    for method in ("ReadOne", "Read"):  # ReadOne: portal version 2
        message = QDBusMessage.createMethodCall(*_PORTAL, method)
        message.setArguments(["org.freedesktop.appearance", "color-scheme"])
        reply = bus.call(message, QDBus.CallMode.Block, 200)
        if reply.type() == QDBusMessage.MessageType.ReplyMessage:
            return _unwrap(reply.arguments()[0] if reply.arguments() else None)
    return None


def _unwrap(value: Any) -> int | None:
    """An int from a D-Bus reply's variant (Read wraps it twice)."""
    for _ in range(3):
        if hasattr(value, "variant"):  # QDBusVariant
            value = value.variant()
        elif hasattr(value, "asVariant"):  # QDBusArgument
            value = value.asVariant()
    return value if isinstance(value, int) else None


# --- the other toolkits (untested here) ----------------------------------------------


def _gtk_prefers_dark() -> bool | None:
    import gi

    gi.require_version("Gtk", "3.0")
    from gi.repository import Gtk

    settings = Gtk.Settings.get_default()
    if settings is None:
        return None
    if settings.props.gtk_application_prefer_dark_theme:
        return True
    name = (settings.props.gtk_theme_name or "").lower()
    return name.endswith("dark") or os.environ.get("GTK_THEME", "").endswith(":dark")


def _windows_prefers_dark() -> bool | None:
    import winreg

    key = r"Software\Microsoft\Windows\CurrentVersion\Themes\Personalize"
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as opened:  # type: ignore[attr-defined]
        value, _ = winreg.QueryValueEx(opened, "AppsUseLightTheme")  # type: ignore[attr-defined]
    return value == 0


def _macos_prefers_dark() -> bool | None:
    from Foundation import NSUserDefaults

    style = NSUserDefaults.standardUserDefaults().stringForKey_("AppleInterfaceStyle")
    return str(style or "").lower() == "dark"

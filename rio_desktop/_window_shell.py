"""The window's menu bar and the tray icon, in the window's process.

`menu.AppShell.window_spec` (app process) sends plain data: menus of items
with ids. Here:

- Qt: the menu bar is built on the window's QMainWindow (`window.native`) in
  pywebview's `before_show`, on the GUI thread, before the first paint (a few
  QActions: far under a millisecond; building it later would shift the page
  down once shown). Shortcuts (`QKeySequence`, portable text), check marks
  and the enabled state are QAction's own. On macOS Qt's menu bar is the
  global one, and QAction's default menu role moves items named like
  Quit/About/Preferences into the app menu (untested here).
- The tray icon (Qt's QSystemTrayIcon) is made after the window is shown,
  through the GUI thread's job queue, so it costs the start-up nothing. Qt
  speaks StatusNotifierItem over D-Bus where the desktop has a watcher for
  it, and XEmbed (a tray window such as trayer's) otherwise; no new
  dependency, and the same process and thread as the window.
- Other backends (GTK, Cocoa, WinForms): pywebview's `webview.menu`, passed
  to `webview.start(menu=...)`: no shortcuts, no check marks, no changes at
  run time, no tray (a warning).

What comes back to the app process (`_Channel.send`):
``{"event": "menu", "item": <id>, "window": 0, "checked": <bool or null>}``,
``{"event": "tray_press", "window": 0}`` (a click when the app has a tray
`on_press`) and ``{"event": "shell_warning", "message": "..."}``.

`close_to_tray`: the window's closing handler (`closing`, wrapping the close
guard's) hides the window instead while the tray is up; a close the app asks
for (`destroy`, signals) is not held back. The tray menu's Quit closes the
window as its close button would: the app's `on_window_close_request`
handlers are asked (the window is shown first, so their dialogs can be seen).
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from typing import Any

__all__ = ["METHODS", "Shell"]

log = logging.getLogger(__name__)

#: What the app process may ask of the shell over the pipe.
METHODS = frozenset({"set_menu_item"})
#: Pixels of a tray icon rendered from SVG.
ICON_SIZE = 64
#: Rio's logo is 1000 x 1500: a square view box keeps its proportions.
_LOGO_VIEWBOX = 'viewBox="-250 0 1500 1500"'


class Shell:
    """The menu bar and tray icon of one window (index `window_index`)."""

    def __init__(
        self, spec: dict[str, Any] | None, backend: str | None, window_index: int = 0
    ) -> None:
        spec = spec or {}
        self.menu: list[dict[str, Any]] = spec.get("menu") or []
        self.tray_spec: dict[str, Any] | None = spec.get("tray")
        self.qt = backend == "qt"
        self.index = window_index
        self.window: Any = None
        self.send: Callable[[dict[str, Any]], None] = lambda message: None
        self.on_gui: Callable[[Callable[[], Any]], Any] = lambda job: job()
        #: Item id -> its QActions (one item may be in the bar and the tray).
        self.actions: dict[int, list[Any]] = {}
        #: Item id -> its latest state (label, enabled, checked).
        self.items: dict[int, dict[str, Any]] = {}
        self._index_items(self.menu)
        self._index_items((self.tray_spec or {}).get("menu") or [])
        self.tray: Any = None
        self._tray_menu: Any = None
        self._tray_started = False
        #: While the tray is up with close_to_tray: a user's close hides.
        self.hide_on_close = False
        self._quitting = False
        self._guard: Any = None
        #: Set by the window process: close every window; the window the
        #: user used last (the tray's target once the first has closed).
        self.close_all: Callable[[], None] | None = None
        self.recent_window: Callable[[], Any] | None = None
        self._first_open = True
        #: The tray's Quit closes the other windows once the first has closed
        #: (its close handlers may hold it back).
        self._quit_pending = False

    @property
    def active(self) -> bool:
        return bool(self.menu) or self.tray_spec is not None

    def _index_items(self, entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            if entry.get("type") == "item":
                self.items.setdefault(entry["id"], dict(entry))
            elif entry.get("type") == "menu":
                self._index_items(entry.get("items") or [])

    # --- wiring ---------------------------------------------------------------

    def attach(
        self,
        window: Any,
        send: Callable[[dict[str, Any]], None],
        on_gui: Callable[[Callable[[], Any]], Any],
    ) -> None:
        """Hook into the pywebview window before `webview.start`."""
        self.window, self.send, self.on_gui = window, send, on_gui
        if not self.active:
            return
        window.events.closed += self._first_closed
        if self.qt:
            if self.menu:
                window.events.before_show += self._build_menu_bar
            if self.tray_spec is not None:
                window.events.shown += self._start_tray
        elif self.tray_spec is not None:
            self._warn(
                "The tray icon needs the Qt window backend (pip install"
                " 'rio-desktop[qt]'); the app runs without it."
            )

    def pywebview_menu(self) -> list[Any] | None:
        """For backends other than Qt: the menu bar as pywebview's menus."""
        if self.qt or not self.menu:
            return None
        from webview.menu import Menu, MenuAction, MenuSeparator

        def convert(entries: list[dict[str, Any]]) -> list[Any]:
            found: list[Any] = []
            for entry in entries:
                kind = entry.get("type")
                if kind == "separator":
                    found.append(MenuSeparator())
                elif kind == "menu":
                    found.append(Menu(entry["label"], convert(entry["items"])))
                elif kind == "item":
                    number = entry["id"]
                    choose = functools.partial(self._chosen, number, None)
                    found.append(MenuAction(entry["label"], choose))
            return found

        return convert(self.menu)

    def closing(self, guard: Any) -> Callable[[], bool]:
        """pywebview's closing handler: hides the window while it closes to
        the tray, else the close guard decides."""
        self._guard = guard

        def decide() -> bool:
            if self.hide_on_close and not guard.forced and not self._quitting:
                native = getattr(self.window, "native", None)
                if native is not None:
                    native.hide()
                    return False
            return guard.closing()

        return decide

    def call(self, method: str, *args: Any) -> Any:
        """A request of the app process (`METHODS`)."""
        if method != "set_menu_item":
            raise ValueError(f"not a shell method: {method!r}")
        number, changes = args
        if not isinstance(number, int) or not isinstance(changes, dict):
            raise ValueError("set_menu_item wants an item id and its changes")
        if not self.qt:
            raise NotImplementedError("menus change at run time with the Qt backend")
        state = self.items.get(number)
        if state is None:
            return False
        state.update(
            {k: v for k, v in changes.items() if k in ("label", "enabled", "checked")}
        )
        self.on_gui(lambda: self._apply(number))
        return True

    # --- events to the app process --------------------------------------------

    def _warn(self, message: str) -> None:
        self.send({"event": "shell_warning", "message": message})

    def _chosen(self, number: int, checked: bool | None) -> None:
        state = self.items.get(number)
        if (
            state is not None
            and state.get("checked") is not None
            and checked is not None
        ):
            state["checked"] = checked
            for action in self.actions.get(number, ()):  # its twin in the other menu
                if action.isChecked() != checked:
                    action.setChecked(checked)
        self.send(
            {"event": "menu", "item": number, "window": self.index, "checked": checked}
        )

    # --- Qt: menus ------------------------------------------------------------

    def _build_menu_bar(self) -> None:
        """In before_show, on the GUI thread."""
        native = getattr(self.window, "native", None)
        if native is None or not hasattr(native, "menuBar"):
            return
        try:
            self._fill(native.menuBar(), self.menu)
        except Exception:  # never keep the window from showing
            log.exception("Could not build the window's menu bar")

    def _fill(self, menu: Any, entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            kind = entry.get("type")
            if kind == "separator":
                menu.addSeparator()
            elif kind == "menu":
                self._fill(menu.addMenu(_qt_text(entry["label"])), entry["items"])
            elif kind == "item":
                self._add_action(menu, entry["id"])

    def _add_action(self, menu: Any, number: int) -> Any:
        from qtpy.QtGui import QKeySequence

        state = self.items[number]
        action = menu.addAction(_qt_text(state["label"]))
        if state.get("shortcut"):
            action.setShortcut(
                QKeySequence.fromString(
                    state["shortcut"], QKeySequence.SequenceFormat.PortableText
                )
            )
        if state.get("checked") is not None:
            action.setCheckable(True)
            action.setChecked(bool(state["checked"]))
        action.setEnabled(bool(state.get("enabled", True)))
        action.triggered.connect(
            lambda checked=False, n=number: self._chosen(
                n, bool(checked) if self.items[n].get("checked") is not None else None
            )
        )
        self.actions.setdefault(number, []).append(action)
        return action

    def _apply(self, number: int) -> None:
        """On the GUI thread: show an item's new state."""
        state = self.items[number]
        for action in self.actions.get(number, ()):
            action.setText(_qt_text(state["label"]))
            action.setEnabled(bool(state.get("enabled", True)))
            if state.get("checked") is not None:
                action.setChecked(bool(state["checked"]))

    # --- Qt: the tray icon ----------------------------------------------------

    def _start_tray(self) -> None:
        """After the window is shown (pywebview calls this in a thread)."""
        if self._tray_started:  # `shown` comes again after each hide
            return
        self._tray_started = True
        try:
            self.on_gui(self._make_tray)
        except Exception:
            log.exception("Could not make the tray icon")

    def _make_tray(self) -> None:
        from qtpy.QtWidgets import QApplication, QMenu, QSystemTrayIcon

        spec = self.tray_spec or {}
        if not QSystemTrayIcon.isSystemTrayAvailable():
            ending = (
                " and closing the window ends the app (close_to_tray is off)"
                if spec.get("close_to_tray")
                else ""
            )
            self._warn(
                "This desktop has no system tray: the app runs without its tray"
                f" icon{ending}."
            )
            return
        application = QApplication.instance()
        tray = QSystemTrayIcon(self._tray_icon(spec), application)
        if spec.get("tooltip"):
            tray.setToolTip(spec["tooltip"])
        entries = spec.get("menu") or []
        if entries or spec.get("close_to_tray"):
            menu = QMenu()
            self._fill(menu, entries)
            if spec.get("close_to_tray"):
                if entries:
                    menu.addSeparator()
                menu.addAction(_qt_text(spec.get("quit_label") or "Quit"), self._quit)
            tray.setContextMenu(menu)
            self._tray_menu = menu
        tray.activated.connect(self._activated)
        tray.show()
        self.tray = tray
        if spec.get("close_to_tray"):
            # A tray menu closing while the window is hidden must not end the
            # app; pywebview quits by itself when its window closes.
            QApplication.setQuitOnLastWindowClosed(False)
            self.hide_on_close = True

    def _tray_icon(self, spec: dict[str, Any]) -> Any:
        from qtpy.QtGui import QIcon

        icon = spec.get("icon")
        if icon:
            if spec.get("icon_is_path") or os.path.isfile(icon):
                found = QIcon(icon)
                if not found.isNull():
                    return found
                self._warn(f"TrayIcon(icon={icon!r}): Qt cannot read that image")
            else:
                svg = _icon_svg(icon)
                if svg is not None:
                    return _svg_icon(svg, spec.get("color"))
                self._warn(
                    f"TrayIcon(icon={icon!r}) is neither an image file nor a Rio"
                    " icon name ('material/castle'); using the default icon"
                )
        if spec.get("app_icon"):
            found = QIcon(spec["app_icon"])
            if not found.isNull():
                return found
        logo = _icon_svg("rio/logo") or ""
        return _svg_icon(
            logo.replace('viewBox="0 0 1000 1500"', _LOGO_VIEWBOX), spec.get("color")
        )

    def _activated(self, reason: Any) -> None:
        from qtpy.QtWidgets import QSystemTrayIcon

        if reason != QSystemTrayIcon.ActivationReason.Trigger:
            return
        if (self.tray_spec or {}).get("press"):
            self.send({"event": "tray_press", "window": self.index})
        else:
            self._show_window()

    def _first_closed(self) -> None:
        self._first_open = False
        if self._quit_pending and self.close_all is not None:
            self.close_all()

    def _target(self) -> Any:
        """The window the tray shows: the first while it is open (it may be
        hidden), else the one used last."""
        if self._first_open:
            return self.window
        return self.recent_window() if self.recent_window is not None else None

    def _show_window(self) -> None:
        """Show (un-hide, un-minimize), raise and focus the window."""
        from qtpy.QtCore import Qt

        native = getattr(self._target(), "native", None)
        if native is None:
            return
        state = native.windowState()
        if state & Qt.WindowState.WindowMinimized:
            native.setWindowState(state & ~Qt.WindowState.WindowMinimized)
        native.show()
        native.raise_()
        native.activateWindow()

    def _quit(self) -> None:
        """The tray menu's Quit: close the first window as its close button
        does (its close handlers may ask), then every other window."""
        if not self._first_open:
            if self.close_all is not None:
                self.close_all()
            return
        native = getattr(self.window, "native", None)
        if native is None:
            return
        self._quit_pending = True
        if self._guard is not None and self._guard.veto and not self._guard.forced:
            self._show_window()  # the app's close handlers may ask something
        self._quitting = True
        try:
            native.close()
        finally:
            self._quitting = False


def _qt_text(label: str) -> str:
    """A label as Qt shows it: "&" would mark a mnemonic."""
    return str(label).replace("&", "&&")


def _icon_svg(name: str) -> str | None:
    try:
        from .components._icon_registry import icon_svg

        return icon_svg(name)
    except Exception:  # not an icon name at all
        return None


def _svg_icon(svg: str, color: str | None) -> Any:
    """A QIcon drawn from SVG markup at ICON_SIZE, its shapes in `color`."""
    from qtpy.QtCore import QBuffer, QByteArray, QSize
    from qtpy.QtGui import QIcon, QImageReader, QPixmap

    if color and "<svg" in svg:
        svg = svg.replace("<svg", f'<svg fill="{color}"', 1)
    buffer = QBuffer()
    buffer.setData(QByteArray(svg.encode("utf-8")))
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(ICON_SIZE, ICON_SIZE))
    image = reader.read()
    if image.isNull():
        log.warning("Could not draw the tray icon: %s", reader.errorString())
        return QIcon()
    return QIcon(QPixmap.fromImage(image))

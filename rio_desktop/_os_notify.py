"""`session.show_notification` in the window: the page's toast while the
window is in front, the OS's notification centre while it is not.

Runs in the window's process (`window_process._Channel` answers the app
process's ``notify`` request with `Notifier.notify`). Where the user looks is
decided from the Qt widget when the request comes: a window that is visible,
not minimized and the active window shows the toast in its page ("page");
a minimized, hidden (e.g. to a tray) or background window hands the message
to the OS ("os"). Clicking the OS's notification raises and focuses the
window (restoring it if minimized or hidden) and tells the app process with
an event line ``{"event": "notification_clicked", ...}``.

- Linux and the BSDs: ``org.freedesktop.Notifications`` on the session bus,
  through Qt's own D-Bus module (no extra dependency). The call is made
  without waiting on the GUI thread; the request's thread waits for the
  answer, at most `DBUS_TIMEOUT_MS`. No bus or no service: "page", with one
  info line in the log for the whole run.
- Windows and macOS, with the Qt backend only: `QSystemTrayIcon.showMessage`
  where there is a system tray (a tray icon appears with the first message).
  Untested.
- Other backends (GTK, Edge, Cocoa): always "page".
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["Notifier"]

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
#: The most a notification service may take to answer Notify.
DBUS_TIMEOUT_MS = 2000
#: After a service that did not answer, the page shows notifications for so
#: many seconds before the service is asked again.
BACK_OFF_SECONDS = 60.0
#: Errors that mean "there is no notification service": the page shows it.
_NO_SERVICE_ERRORS = frozenset(
    {
        "org.freedesktop.DBus.Error.ServiceUnknown",
        "org.freedesktop.DBus.Error.NameHasNoOwner",
        "org.freedesktop.DBus.Error.Disconnected",
    }
)


class _Outcome:
    """Whether the OS took a notification; set on the GUI thread, awaited
    in the request's thread."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.shown = False

    def settle(self, shown: bool) -> None:
        self.shown = shown
        self.done.set()


class Notifier:
    """Where the window's notifications go, and what a click on one does.

    Args:
        control: The window's `_Control` (its Qt widget, its GUI thread,
            `focus_window`).
        send: Writes an event line to the app process (from any thread).
        icon: The app's icon file, shown with the notification.
    """

    def __init__(
        self,
        control: Any,
        send: Callable[[dict[str, Any]], None],
        icon: str | None = None,
    ) -> None:
        self.control = control
        self.send = send
        self.icon = icon
        self._dbus: Any = None  # _DBusClient, made on the GUI thread
        self._tray: Any = None
        self._told_unavailable = False
        self._skip_until = 0.0

    def notify(self, title: Any, body: Any, app_name: Any = "") -> str:
        """Show a notification: "os" if the OS's notification centre took
        it, "page" if the page is to show it (the window is in front, or
        there is no notification service)."""
        title, body, app_name = str(title), str(body), str(app_name or "")
        widget = self.control._qt_widget()
        if widget is None:
            return "page"  # GTK and the other backends: the page's toast
        outcome = self.control._on_gui(
            lambda: self._hand_over(widget, title, body, app_name)
        )
        if outcome is None:
            return "page"
        if not outcome.done.wait(DBUS_TIMEOUT_MS / 1000 + 1):
            return "page"
        return "os" if outcome.shown else "page"

    # --- on the GUI thread ------------------------------------------------------

    def _hand_over(
        self, widget: Any, title: str, body: str, app_name: str
    ) -> _Outcome | None:
        """None: the page shows it; else what the OS will answer."""
        in_front = (
            widget.isVisible() and not widget.isMinimized() and widget.isActiveWindow()
        )
        if in_front:
            return None
        if sys.platform in ("win32", "darwin"):
            return self._tray_message(widget, title, body)
        if time.monotonic() < self._skip_until:
            return None
        if self._dbus is None:
            try:
                self._dbus = _make_dbus_client(self)
            except Exception as error:  # a Qt binding without a usable QtDBus
                self._dbus = False
                self.unavailable(repr(error))
        if not self._dbus:
            return None
        if not self._dbus.connected():
            self.unavailable("there is no D-Bus session bus")
            return None
        outcome = _Outcome()
        self._dbus.notify(app_name, self._icon_uri(), title, body, outcome)
        return outcome

    def unavailable(self, why: str, back_off: bool = False) -> None:
        """Notifications go to the page: say why once in the run."""
        if back_off:
            self._skip_until = time.monotonic() + BACK_OFF_SECONDS
        if not self._told_unavailable:
            self._told_unavailable = True
            log.info("Notifications are shown in the window: %s", why)

    def clicked(self, title: str, body: str, data: dict[str, Any]) -> None:
        """The user clicked one of our notifications: bring the window back
        and tell the app process. (On the GUI thread: `focus_window` waits
        for it, so it runs in a thread of its own.)"""

        def focus() -> None:
            try:
                self.control.focus_window()
            except Exception as error:  # the window is closing
                log.debug("Could not focus the window: %r", error)

        threading.Thread(target=focus, name="rio-desktop focus", daemon=True).start()
        self.send(
            {"event": "notification_clicked", "title": title, "body": body, **data}
        )

    def _icon_uri(self) -> str:
        if not self.icon:
            return ""
        path = Path(self.icon)
        return path.resolve().as_uri() if path.is_file() else ""

    def _tray_message(self, widget: Any, title: str, body: str) -> _Outcome | None:
        # Windows shows a tray icon's message as a toast; macOS in its
        # notification centre. Untested: no Windows or macOS here.
        from qtpy.QtWidgets import QSystemTrayIcon

        if not (
            QSystemTrayIcon.isSystemTrayAvailable()
            and QSystemTrayIcon.supportsMessages()
        ):
            return None
        if self._tray is None:
            self._tray = QSystemTrayIcon(widget.windowIcon(), widget)
            self._tray.setToolTip(widget.windowTitle())
            self._tray.messageClicked.connect(lambda: self.clicked("", "", {}))
            self._tray.show()
        self._tray.showMessage(title, body, widget.windowIcon(), 10_000)
        outcome = _Outcome()
        outcome.settle(True)
        return outcome


def _make_dbus_client(notifier: Notifier) -> Any:
    """The session bus's notification service, seen from the GUI thread (a
    QObject there receives its signals)."""
    from qtpy import API_NAME
    from qtpy.QtCore import QMetaType, QObject, Slot

    if not API_NAME.startswith("PyQt"):  # PySide marshals D-Bus types otherwise
        raise RuntimeError(f"OS notifications need PyQt, not {API_NAME}")
    from qtpy.QtDBus import (
        QDBusArgument,
        QDBusConnection,
        QDBusMessage,
        QDBusPendingCallWatcher,
        QDBusPendingReply,
    )

    types: Any = getattr(QMetaType, "Type", QMetaType)  # PyQt6 or PyQt5
    uint_type = getattr(types.UInt, "value", types.UInt)
    strings_type = getattr(types.QStringList, "value", types.QStringList)

    def typed(value: Any, kind: int) -> Any:
        argument = QDBusArgument()
        argument.add(value, kind)
        return argument

    class DBusClient(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.bus = QDBusConnection.sessionBus()
            #: Our notifications still open: id -> (title, body).
            self.ours: dict[int, tuple[str, str]] = {}
            self.tokens: dict[int, str] = {}
            self.watchers: set[Any] = set()
            self.listening = False

        def connected(self) -> bool:
            if not self.bus.isConnected():
                return False
            if not self.listening:
                for name, slot in (
                    ("ActionInvoked", self._action_invoked),
                    ("NotificationClosed", self._closed),
                    ("ActivationToken", self._activation_token),
                ):
                    self.bus.connect(SERVICE, PATH, INTERFACE, name, slot)
                self.listening = True
            return True

        def notify(
            self, app_name: str, icon: str, title: str, body: str, outcome: _Outcome
        ) -> None:
            call = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "Notify")
            call.setArguments(
                [
                    app_name,
                    typed(0, uint_type),  # replaces nothing
                    icon,
                    title,
                    body,
                    # "default": what a click on the notification invokes.
                    typed(["default", "Open"], strings_type),
                    {},
                    -1,  # the service's own timeout
                ]
            )
            watcher = QDBusPendingCallWatcher(
                self.bus.asyncCall(call, DBUS_TIMEOUT_MS), self
            )
            self.watchers.add(watcher)

            def answered(done: Any) -> None:
                self.watchers.discard(watcher)
                watcher.deleteLater()
                reply = QDBusPendingReply(done)
                if reply.isError():
                    self._failed(reply.error().name(), reply.error().message())
                    outcome.settle(False)
                    return
                values = reply.reply().arguments()
                if values and isinstance(values[0], int):
                    self.ours[int(values[0])] = (title, body)
                outcome.settle(True)

            watcher.finished.connect(answered)

        def _failed(self, name: str, message: str) -> None:
            if name in _NO_SERVICE_ERRORS:
                notifier.unavailable(f"no notification service ({SERVICE})")
            elif name == "org.freedesktop.DBus.Error.NoReply":
                notifier.unavailable(f"{SERVICE} did not answer", back_off=True)
            else:
                log.debug("Notify failed: %s: %s", name, message)

        @Slot(QDBusMessage)
        def _action_invoked(self, message: Any) -> None:
            arguments = message.arguments()
            if len(arguments) < 2 or arguments[0] not in self.ours:
                return  # another app's notification
            identifier = int(arguments[0])
            title, body = self.ours[identifier]
            token = self.tokens.pop(identifier, None)
            if token and os.environ.get("WAYLAND_DISPLAY"):
                # Qt's Wayland plugin activates the window with this token
                # (xdg-activation). Untested: no Wayland compositor here.
                os.environ["XDG_ACTIVATION_TOKEN"] = token
            notifier.clicked(title, body, {"id": identifier})

        @Slot(QDBusMessage)
        def _closed(self, message: Any) -> None:
            arguments = message.arguments()
            if arguments:
                self.ours.pop(arguments[0], None)
                self.tokens.pop(arguments[0], None)

        @Slot(QDBusMessage)
        def _activation_token(self, message: Any) -> None:
            arguments = message.arguments()
            if len(arguments) >= 2 and arguments[0] in self.ours:
                self.tokens[int(arguments[0])] = str(arguments[1])

    return DBusClient()

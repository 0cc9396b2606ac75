"""A stand-in for the desktop's notification service, for the notification
tests: it serves org.freedesktop.Notifications on the session bus (what
GNOME Shell, KDE Plasma, dunst or notification-daemon serve) and shows
nothing; it reports what it was asked instead.

Run: ``python fake_notification_service.py`` on a session bus
(DBUS_SESSION_BUS_ADDRESS). It prints one JSON object a line on stdout:

    {"ready": true}                                   once it serves
    {"notify": {"id": 1, "app_name": ..., "summary": ..., "body": ...,
                "app_icon": ..., "actions": [...], "hints": {...},
                "expire_timeout": -1, "replaces_id": 0}}
    {"closed": 1, "reason": 3}                        NotificationClosed sent
    {"clicked": 1}                                    ActionInvoked sent

Each line on its stdin is an id: the user "clicks" that notification
(ActionInvoked(id, "default"), then NotificationClosed(id, 2), as the
services do). When stdin closes it gives up its name on the bus and ends.

Written with PyQt6's QtDBus (installed with the Qt window backend), so the
tests need no D-Bus library of their own.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from PyQt6.QtCore import (
    QCoreApplication,
    QMetaType,
    QObject,
    QSocketNotifier,
    pyqtClassInfo,
    pyqtSlot,
)
from PyQt6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
CLOSED_BY_CALL, DISMISSED = 3, 2


def _uint32(value: int) -> QDBusArgument:
    argument = QDBusArgument()
    argument.add(value, QMetaType.Type.UInt.value)
    return argument


def _say(**data: Any) -> None:
    print(json.dumps(data, default=str), flush=True)


def _signal(name: str, *arguments: Any) -> None:
    message = QDBusMessage.createSignal(PATH, INTERFACE, name)
    message.setArguments(list(arguments))
    QDBusConnection.sessionBus().send(message)


@pyqtClassInfo("D-Bus Interface", INTERFACE)
class Notifications(QDBusAbstractAdaptor):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.last_id = 0
        self.open: set[int] = set()

    @pyqtSlot(
        str, "uint", str, str, str, "QStringList", "QVariantMap", int, QDBusMessage
    )
    def Notify(  # noqa: N802
        self,
        app_name: str,
        replaces_id: int,
        app_icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, Any],
        expire_timeout: int,
        message: QDBusMessage,
    ) -> None:
        self.last_id += 1
        self.open.add(self.last_id)
        _say(
            notify={
                "id": self.last_id,
                "app_name": app_name,
                "replaces_id": replaces_id,
                "app_icon": app_icon,
                "summary": summary,
                "body": body,
                "actions": list(actions),
                "hints": {key: str(value) for key, value in hints.items()},
                "expire_timeout": expire_timeout,
            }
        )
        bus = QDBusConnection.sessionBus()
        bus.send(message.createReply([_uint32(self.last_id)]))

    @pyqtSlot("uint")
    def CloseNotification(self, notification: int) -> None:  # noqa: N802
        if notification in self.open:
            self.close(notification, CLOSED_BY_CALL)

    @pyqtSlot(QDBusMessage)
    def GetCapabilities(self, message: QDBusMessage) -> None:  # noqa: N802
        reply = message.createReply([["actions", "body"]])
        QDBusConnection.sessionBus().send(reply)

    @pyqtSlot(QDBusMessage)
    def GetServerInformation(self, message: QDBusMessage) -> None:  # noqa: N802
        reply = message.createReply(["fake", "rio-desktop tests", "1.0", "1.2"])
        QDBusConnection.sessionBus().send(reply)

    def close(self, notification: int, reason: int) -> None:
        self.open.discard(notification)
        _signal("NotificationClosed", _uint32(notification), _uint32(reason))
        _say(closed=notification, reason=reason)

    def click(self, notification: int) -> None:
        _signal("ActionInvoked", _uint32(notification), "default")
        _say(clicked=notification)
        self.close(notification, DISMISSED)


def main() -> None:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    root = QObject()
    service = Notifications(root)
    if not bus.registerObject(PATH, root) or not bus.registerService(SERVICE):
        raise SystemExit(f"cannot serve {SERVICE}: {bus.lastError().message()}")

    def read_stdin() -> None:
        data = os.read(sys.stdin.fileno(), 4096)
        if not data:
            # Gone from the bus before it exits: a Notify sent after that
            # finds no service.
            bus.unregisterService(SERVICE)
            app.quit()
            return
        for word in data.decode().split():
            service.click(int(word))

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(read_stdin)
    _say(ready=True)
    app.exec()


if __name__ == "__main__":
    main()

"""A stand-in for the desktop portal's Settings interface, for the dark-mode
tests: it says which colour scheme "the OS" prefers, and announces changes.

Qt's GNOME platform theme (QT_QPA_PLATFORMTHEME=gnome) reads
org.freedesktop.appearance color-scheme from org.freedesktop.portal.Settings
on the session bus (ReadAll) and follows its SettingChanged signal, as it does
on a GNOME desktop; GNOME's own portal answers from the desktop's settings.

Run: ``python fake_desktop_portal.py SCHEME`` on a session bus
(DBUS_SESSION_BUS_ADDRESS), SCHEME 0 (no preference), 1 (dark) or 2 (light).
It prints "ready" once it serves; each line "N" on its stdin switches to N,
emits SettingChanged and prints "switched N". It ends when stdin closes.

Written with PyQt6's QtDBus (installed with the Qt window backend), so the
tests need no D-Bus library of their own.
"""

from __future__ import annotations

import os
import sys

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
    QDBusVariant,
)

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.Settings"
NAMESPACE, KEY = "org.freedesktop.appearance", "color-scheme"

scheme = int(sys.argv[1]) if len(sys.argv) > 1 else 0


def _uint32(value: int) -> QDBusArgument:
    argument = QDBusArgument()
    argument.add(value, QMetaType.Type.UInt.value)
    return argument


@pyqtClassInfo("D-Bus Interface", INTERFACE)
class Settings(QDBusAbstractAdaptor):
    @pyqtSlot("QStringList", QDBusMessage)
    def ReadAll(self, namespaces: list[str], message: QDBusMessage) -> None:  # noqa: N802
        # a{sa{sv}}: {namespace: {key: value}}
        found = QDBusArgument()
        found.beginMap(QMetaType.Type.QString.value, QMetaType.Type.QVariantMap.value)
        if not namespaces or NAMESPACE in namespaces:
            found.beginMapEntry()
            found.add(NAMESPACE, QMetaType.Type.QString.value)
            found.add({KEY: _uint32(scheme)}, QMetaType.Type.QVariantMap.value)
            found.endMapEntry()
        found.endMap()
        QDBusConnection.sessionBus().send(message.createReply([found]))

    @pyqtSlot(str, str, QDBusMessage)
    def ReadOne(self, namespace: str, key: str, message: QDBusMessage) -> None:  # noqa: N802
        self._read(namespace, key, message, wrap=False)

    @pyqtSlot(str, str, QDBusMessage)
    def Read(self, namespace: str, key: str, message: QDBusMessage) -> None:  # noqa: N802
        self._read(namespace, key, message, wrap=True)  # the old call: v in v

    def _read(
        self, namespace: str, key: str, message: QDBusMessage, wrap: bool
    ) -> None:
        bus = QDBusConnection.sessionBus()
        if (namespace, key) != (NAMESPACE, KEY):
            error = "org.freedesktop.portal.Error.NotFound"
            bus.send(message.createErrorReply(error, "Requested setting not found"))
            return
        value = QDBusVariant(_uint32(scheme))
        bus.send(message.createReply([QDBusVariant(value) if wrap else value]))


def main() -> None:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    root = QObject()
    Settings(root)
    if not bus.registerObject(PATH, root) or not bus.registerService(SERVICE):
        raise SystemExit(f"cannot serve the portal: {bus.lastError().message()}")

    def switch() -> None:
        global scheme
        data = os.read(sys.stdin.fileno(), 4096)
        if not data:
            app.quit()
            return
        for line in data.decode().split():
            scheme = int(line)
            signal = QDBusMessage.createSignal(PATH, INTERFACE, "SettingChanged")
            signal.setArguments([NAMESPACE, KEY, QDBusVariant(_uint32(scheme))])
            bus.send(signal)
            print(f"switched {scheme}", flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(switch)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()

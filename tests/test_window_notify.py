"""OS notifications from the window: `session.show_notification` shows the
page's toast while the window is in front and goes to the OS's notification
centre while it is minimized or behind another app's window; clicking the
OS's notification brings the window back. Without a notification service the
page shows every notification.

A real Qt window under Xvfb with the openbox window manager, a private D-Bus
session bus and a stand-in notification service (fake_notification_service.py)
that reports each Notify and "clicks" on command. What the page showed is
recorded by a MutationObserver in the page; the window's state and focus come
from the X server. One app process serves the module; the tests run in order.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from window_notify_app import ICON
from window_support import (
    WindowApp,
    active_window,
    private_session_bus,
    start_app,
    wait_until,
    window_state,
    wm_display,  # noqa: F401  (fixture)
)

from rio_desktop.hosts.window import WindowHost
from rio_desktop.window_process import WindowClosedError, _Channel

HERE = Path(__file__).resolve().parent
APP = HERE / "window_notify_app.py"
SERVICE = HERE / "fake_notification_service.py"
TITLE = "^Notify Test$"
HIDDEN = "_NET_WM_STATE_HIDDEN"
NO_SERVICE_LOG = "Notifications are shown in the window"

pytestmark = pytest.mark.timeout(120)
in_window = pytest.mark.window


#: Records the title and body of every toast the page adds (they leave after
#: five seconds; the record stays).
RECORD_TOASTS = """(() => {
  if (!window.__toasts) {
    window.__toasts = [];
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node.classList && node.classList.contains("rio-notification"))
            window.__toasts.push(
              node.querySelector(".rio-notification-title").textContent + "|" +
              node.querySelector(".rio-notification-body").textContent);
    }).observe(document.body, { childList: true, subtree: true });
  }
  return true;
})()"""


@pytest.fixture(scope="module")
def session_bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private D-Bus session bus for the module; its address."""
    with private_session_bus(tmp_path_factory.mktemp("bus")) as address:
        yield address


class NotificationService:
    """The fake service, and what it reported."""

    def __init__(self, bus: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(SERVICE)],
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[dict[str, Any]] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        wait_until(lambda: {"ready": True} in self.lines, message=self._text)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                self.lines.append(json.loads(line))
            except ValueError:
                self.lines.append({"output": line})

    def _text(self) -> str:
        return repr(self.lines)

    def notifications(self) -> list[dict[str, Any]]:
        return [line["notify"] for line in list(self.lines) if "notify" in line]

    def wait_notification(self, summary: str) -> dict[str, Any]:
        return wait_until(
            lambda: next(
                (n for n in self.notifications() if n["summary"] == summary), None
            ),
            message=self._text,
        )

    def click(self, notification: int) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{notification}\n")
        self.process.stdin.flush()
        wait_until(lambda: {"clicked": notification} in self.lines, message=self._text)

    def stop(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


@pytest.fixture(scope="module")
def shown(
    wm_display: str,  # noqa: F811
    session_bus: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, Any]]:
    service = NotificationService(session_bus)
    base = tmp_path_factory.mktemp("notify")
    try:
        app, _ = start_app(
            wm_display,
            base / "run",
            base / "data",
            script=APP,
            DBUS_SESSION_BUS_ADDRESS=session_bus,
        )
        try:
            window = app.wait_window(TITLE)
            wait_until(lambda: app.call("js", code=RECORD_TOASTS))
            yield {
                "app": app,
                "window": window,
                "display": wm_display,
                "service": service,
            }
            app.send("close")
            assert app.wait_exit(10) == 0
        finally:
            app.kill()
    finally:
        service.stop()


def _toasts(app: WindowApp) -> list[str]:
    return app.call("js", code="window.__toasts") or []


def _wait_toast(app: WindowApp, start: str) -> list[str]:
    """Wait for a toast whose "title|body" starts so; all toasts so far."""
    return wait_until(
        lambda: (
            (found := _toasts(app))
            and any(t.startswith(start) for t in found)
            and found
        ),
        message=lambda: _toasts(app),
    )


def _toasts_so_far(app: WindowApp, marker: str) -> list[str]:
    """Every toast the page was sent before now: a toast sent to the page
    past the window's choice comes after them on the same socket."""
    app.call("page_toast", title=marker)
    return _wait_toast(app, f"{marker}|")


def _bring_to_front(shown: dict[str, Any]) -> None:
    app: WindowApp = shown["app"]
    app.call("focus_window")
    wait_until(
        lambda: (
            active_window(shown["display"]) == int(shown["window"])
            and HIDDEN not in window_state(shown["display"], shown["window"])
        ),
        message=lambda: active_window(shown["display"]),
    )


def _minimize(shown: dict[str, Any]) -> None:
    app: WindowApp = shown["app"]
    app.call("minimize_window")
    wait_until(lambda: HIDDEN in window_state(shown["display"], shown["window"]))
    wait_until(lambda: active_window(shown["display"]) != int(shown["window"]))


def _clicked_events(app: WindowApp) -> list[dict[str, Any]]:
    return [
        entry["message"]
        for entry in app.events()
        if entry["event"] == "window_event" and entry["name"] == "notification_clicked"
    ]


@in_window
def test_in_front_the_page_shows_it(shown: dict[str, Any]) -> None:
    app: WindowApp = shown["app"]
    _bring_to_front(shown)
    app.call("notify", title="Saved", body="The window is in front")
    assert "Saved|The window is in front" in _wait_toast(app, "Saved|")
    assert shown["service"].notifications() == []


@in_window
def test_minimized_it_goes_to_the_os_and_a_click_brings_the_window_back(
    shown: dict[str, Any],
) -> None:
    app: WindowApp = shown["app"]
    service: NotificationService = shown["service"]
    _minimize(shown)

    app.call("notify", title="Build done", body="While minimized")
    sent = service.wait_notification("Build done")
    assert sent["body"] == "While minimized"
    assert sent["app_name"] == "Notify Test"
    assert sent["app_icon"] == ICON.as_uri()
    assert sent["actions"][0] == "default"
    # The first test's notification went to the page only.
    assert [n["summary"] for n in service.notifications()] == ["Build done"]
    assert not any(t.startswith("Build done") for t in _toasts_so_far(app, "mark1"))
    assert HIDDEN in window_state(shown["display"], shown["window"])

    service.click(sent["id"])
    wait_until(
        lambda: (
            HIDDEN not in window_state(shown["display"], shown["window"])
            and active_window(shown["display"]) == int(shown["window"])
        ),
        message=lambda: (
            window_state(shown["display"], shown["window"]),
            active_window(shown["display"]),
        ),
    )
    # The app process is told.
    clicked = wait_until(lambda: _clicked_events(app))
    assert clicked[-1]["title"] == "Build done"
    assert clicked[-1]["id"] == sent["id"]


OTHER_WINDOW = textwrap.dedent(
    """
    import sys
    from PyQt6.QtWidgets import QApplication, QLabel

    application = QApplication(sys.argv)
    label = QLabel("another app")
    label.setWindowTitle("Another App")
    label.resize(300, 200)
    label.show()
    application.exec()
    """
)


@in_window
def test_behind_another_window_it_goes_to_the_os(
    shown: dict[str, Any], tmp_path: Path
) -> None:
    app: WindowApp = shown["app"]
    service: NotificationService = shown["service"]
    display, window = shown["display"], int(shown["window"])
    _bring_to_front(shown)

    script = tmp_path / "other.py"
    script.write_text(OTHER_WINDOW)
    other = subprocess.Popen(
        [sys.executable, str(script)],
        env={"DISPLAY": display, "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        other_window = int(app.wait_window("^Another App$"))
        wait_until(lambda: active_window(display) == other_window)
        assert HIDDEN not in window_state(display, shown["window"])
        # Qt learns it lost the focus a moment later (its X11 plugin waits
        # 0.1 s for the focus to come back to another of its windows).
        wait_until(lambda: app.call("js", code="document.hasFocus()") is False)

        app.call("notify", title="Mail", body="In the background")
        sent = service.wait_notification("Mail")
        assert sent["body"] == "In the background"
        assert not any(t.startswith("Mail|") for t in _toasts_so_far(app, "mark2"))

        service.click(sent["id"])
        wait_until(
            lambda: active_window(display) == window,
            message=lambda: (active_window(display), window, other_window),
        )
        assert [c["title"] for c in _clicked_events(app)][-1] == "Mail"
    finally:
        other.kill()
        other.wait(5)


@in_window
def test_without_a_service_the_page_shows_them(shown: dict[str, Any]) -> None:
    app: WindowApp = shown["app"]
    service: NotificationService = shown["service"]
    service.stop()  # it leaves the bus first
    count = len(service.notifications())
    _minimize(shown)

    app.call("notify", title="First", body="No service")
    app.call("notify", title="Second", body="Still none")
    _wait_toast(app, "Second|Still none")
    assert "First|No service" in _toasts(app)
    assert len(service.notifications()) == count
    # The app goes on working; the log says it once, not per notification.
    assert app.call("state") == {"running_in_window": True}
    assert app.output().count(NO_SERVICE_LOG) == 1, app.output()[-3000:]

    _bring_to_front(shown)
    app.call("notify", title="Third", body="In front")
    _wait_toast(app, "Third|In front")
    assert app.output().count(NO_SERVICE_LOG) == 1


# --- without a window ------------------------------------------------------------


class _GtkLikeWindow:
    """A pywebview window whose toolkit is not Qt."""

    native = object()


def test_other_backends_leave_it_to_the_page() -> None:
    replies = io.BytesIO()
    channel = _Channel(replies)
    channel.add(0, _GtkLikeWindow())
    channel._answer({"id": 1, "method": "notify", "args": ["T", "B", "App"]})
    assert json.loads(replies.getvalue()) == {
        "id": 1,
        "ok": True,
        "value": "page",
        "window": 0,
    }


class _Window:
    def __init__(self, answer: str | BaseException) -> None:
        self.answer = answer
        self.asked: list[tuple[str, ...]] = []

    def notify(self, title: str, body: str, app_name: str = "") -> str:
        self.asked.append((title, body, app_name))
        if isinstance(self.answer, BaseException):
            raise self.answer
        return self.answer


async def test_the_window_host_shows_it_in_the_page_unless_the_os_took_it() -> None:
    for answer, by_the_os in (
        ("os", True),
        ("page", False),
        (WindowClosedError("The window is closed."), False),
        (RuntimeError("TimeoutError('the window did not answer')"), False),
    ):
        window = _Window(answer)
        assert await WindowHost(window).show_notification("T", "B") is by_the_os
        assert window.asked == [("T", "B", "")]
    assert await WindowHost(object()).show_notification("T", "B") is False

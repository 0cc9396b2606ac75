"""The app of test_window_notify.py: shows notifications on command.

Run by the tests in its own process (tests/window_support.py `WindowApp`),
with ``RIO_DESKTOP_TEST_DIR`` naming a folder: it reads commands (JSON lines)
from ``commands.jsonl`` there and appends what it observed to
``report.jsonl``, including what the window's process tells the app process
unasked (``window_event``). It logs at INFO level to its output.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from pathlib import Path
from typing import Any

from window_app_remote import remote_control, report

import rio_desktop as rio

ICON = Path(__file__).parent / "rio_apps" / "backdrop_picker" / "assets" / "checker.png"
WINDOW_METHODS = {"minimize_window", "restore_window", "focus_window"}


class Root(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("Notifications are tested here.", margin=1)


async def _run_command(session: rio.Session, command: dict[str, Any]) -> Any:
    name = command["cmd"]
    if name == "notify":  # returns the seconds it took
        started = time.perf_counter()
        await session.show_notification(title=command["title"], body=command["body"])
        return time.perf_counter() - started
    if name == "page_toast":  # the page's own toast, past the window's choice
        session.channel.notify("showNotification", command["title"], "")
        return None
    if name in WINDOW_METHODS:
        await getattr(session, name)()
        return None
    if name == "state":
        return {"running_in_window": session.running_in_window}
    if name == "js":  # what the window shows, asked of the window's process
        window = session.host.window  # type: ignore[attr-defined]
        return await asyncio.to_thread(window.evaluate_js, command["code"])
    if name == "close":
        session.close()
        return None
    raise ValueError(f"unknown command {name!r}")


def _watch_window_events(session: rio.Session) -> None:
    """Report the window process's unasked lines (a test's peek)."""
    # The window process, which the session's window handle talks through.
    window = session.host.window.process  # type: ignore[attr-defined]
    previous = window.on_event

    def on_event(name: str, message: dict[str, Any]) -> None:
        report("window_event", name=name, message=message)
        if previous is not None:
            previous(name, message)

    window.on_event = on_event


def _on_session_start(session: rio.Session) -> None:
    _watch_window_events(session)
    report("session_start", running_in_window=session.running_in_window)
    session.create_task(remote_control(session, _run_command))


app = rio.App(
    build=Root,
    name="Notify Test",
    on_session_start=_on_session_start,
)


if __name__ == "__main__":
    logging.basicConfig(
        level=logging.INFO, format="%(levelname)s %(name)s: %(message)s"
    )
    app.run_in_window(width=40, height=25, icon=ICON)
    report("exit")
    sys.stdout.flush()

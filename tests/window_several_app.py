"""The app of test_window_several.py: a main page that opens a settings page
in a second window, a click counter on each, close handlers on the main page
and on a guarded settings page, and a remote control for each window.

Run by the tests in its own process (tests/window_support.py `WindowApp`),
with the environment variable ``RIO_DESKTOP_TEST_DIR`` naming a folder: it
reads commands (JSON lines) from ``commands.jsonl`` there and appends what it
observed to ``report.jsonl``. A command's ``"window"`` (default 0) says
which window's session runs it; each command runs once. With
``RIO_TEST_THEMES=1`` it has a light and a dark theme (window_view_app's
backgrounds).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import sys
from typing import Any

from window_app_remote import TEST_DIR, answer, report

import rio_desktop as rio

LIGHT_BACKGROUND = "#f4efe1"
DARK_BACKGROUND = "#14283c"
_numbers = itertools.count(1)
#: Ids of the commands some session took (each runs in one session only).
_taken: set[int] = set()


def window_of(session: rio.Session) -> int:
    return session.host.window.id  # type: ignore[attr-defined]  # a test's peek


class Guard(rio.Component):
    """Reports the close request, then closes its own window."""

    page: str = ""

    @rio.event.on_window_close_request
    def _asked(self) -> None:
        report(
            "close_request",
            page=self.page,
            window=window_of(self.session),
            session=self.session._number,  # type: ignore[attr-defined]
        )
        self.session.close()

    def build(self) -> rio.Component:
        return rio.Text(f"Closing {self.page} asks first.")


class Main(rio.Component):
    clicks: int = 0

    def _count(self) -> None:
        self.clicks += 1

    async def _open(self) -> None:
        await self.session.open_window(
            "/settings", title="Settings", width=30, height=20
        )

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"Main clicks: {self.clicks}"),
            rio.Button("Count", on_press=self._count),
            rio.Button("Open settings", on_press=self._open),
            Guard(page="main"),
            spacing=1,
            margin=1,
            align_y=0,
        )


class SettingsPage(rio.Component):
    guarded: rio.QueryParameter[int] = 0
    clicks: int = 0

    def _bump(self) -> None:
        self.clicks += 1

    def build(self) -> rio.Component:
        children: list[rio.Component] = [
            rio.Text(f"Settings clicks: {self.clicks}"),
            rio.Button("Bump", on_press=self._bump),
            rio.Button("Close me", on_press=self.session.close),
        ]
        if self.guarded:
            children.append(Guard(page="settings"))
        return rio.Column(*children, spacing=1, margin=1, align_y=0)


async def _run_command(session: rio.Session, command: dict[str, Any]) -> Any:
    name = command["cmd"]
    if name == "js":  # what the window shows, asked of the window's process
        window = session.host.window  # type: ignore[attr-defined]
        return await asyncio.to_thread(window.evaluate_js, command["code"])
    if name == "open_window":
        await session.open_window(command["url"], **command.get("kwargs", {}))
        return None
    if name == "set_window_size":
        await session.set_window_size(*command["args"])
        return None
    if name == "close":
        session.close()
        return None
    raise ValueError(f"unknown command {name!r}")


async def _remote_control(session: rio.Session) -> None:
    commands = TEST_DIR / "commands.jsonl"
    window = window_of(session)
    while True:
        await asyncio.sleep(0.02)
        try:
            text = commands.read_text("utf-8")
        except FileNotFoundError:
            continue
        # Complete lines only: the last one may still be being written.
        for line in text.split("\n")[:-1]:
            command = json.loads(line)
            if command["id"] in _taken or command.get("window", 0) != window:
                continue
            _taken.add(command["id"])
            session.create_task(answer(session, command, _run_command))


def _on_session_start(session: rio.Session) -> None:
    session._number = next(_numbers)  # type: ignore[attr-defined]
    report(
        "session_start",
        session=session._number,  # type: ignore[attr-defined]
        running_in_window=session.running_in_window,
        window=window_of(session) if session.running_in_window else None,
        path=session.active_page_url.path,
    )
    if session.running_in_window:
        session.create_task(_remote_control(session))


def _on_session_close(session: rio.Session) -> None:
    report(
        "session_close",
        session=session._number,  # type: ignore[attr-defined]
        window=window_of(session) if session.running_in_window else None,
    )


themes = (
    rio.Theme.from_colors(background_color=rio.Color.from_hex(LIGHT_BACKGROUND)),
    rio.Theme.from_colors(
        background_color=rio.Color.from_hex(DARK_BACKGROUND), mode="dark"
    ),
)
app = rio.App(
    name="Several Main",
    theme=themes if os.environ.get("RIO_TEST_THEMES") == "1" else None,
    pages=[
        rio.ComponentPage(name="Main", url_segment="", build=Main),
        rio.ComponentPage(name="Settings", url_segment="settings", build=SettingsPage),
    ],
    on_session_start=_on_session_start,
    on_session_close=_on_session_close,
    on_app_close=lambda app: report("app_close"),
)


if __name__ == "__main__":
    app.run_in_window(width=40, height=25)
    report("exit")
    sys.stdout.flush()

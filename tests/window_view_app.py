"""The app of test_window_theme.py and test_window_drop_elsewhere.py: a light
and a dark theme with backgrounds a screenshot can tell apart, some text, and
a FilePickerArea at the bottom.

Run by the tests in its own process (tests/window_support.py `WindowApp`),
with ``RIO_DESKTOP_TEST_DIR`` naming a folder: it reads commands (JSON lines)
from ``commands.jsonl`` there and appends what it observed to
``report.jsonl``. With ``RIO_TEST_HOLD=1`` it holds its start twice, so that
a test can look at the window before the page exists and at the page before
the session has sent the theme: `on_app_start` waits for a file ``go-app``
in that folder (the server only listens after it), `on_session_start` for
``go-session``.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from window_app_remote import TEST_DIR, remote_control, report

import rio_desktop as rio

HOLD = os.environ.get("RIO_TEST_HOLD") == "1"
LIGHT_BACKGROUND = "#f4efe1"
DARK_BACKGROUND = "#14283c"
TEXT = "The app is here: drop files only on the area below."


async def _hold(name: str) -> None:
    report("held", at=name)
    while not (TEST_DIR / name).exists():
        await asyncio.sleep(0.02)


class Root(rio.Component):
    async def _picked(self, event: rio.FilePickEvent) -> None:
        report("picked", name=event.file.name, path=str(event.file.path))

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(TEXT, grow_y=True, align_y=0),
            rio.FilePickerArea(on_pick_file=self._picked, multiple=True),
            margin=1,
        )


async def _run_command(session: rio.Session, command: dict[str, Any]) -> Any:
    name = command["cmd"]
    if name == "state":
        return {"background": session.theme.background_color.hex}
    if name == "js":  # what the window shows, asked of the window's process
        window = session.host.window  # type: ignore[attr-defined]
        return await asyncio.to_thread(window.evaluate_js, command["code"])
    if name == "close":
        session.close()
        return None
    raise ValueError(f"unknown command {name!r}")


async def _on_app_start(app: rio.App) -> None:
    if HOLD:
        await _hold("go-app")


async def _on_session_start(session: rio.Session) -> None:
    if HOLD:
        # The page has loaded and said hello; the theme is not sent yet.
        window = session.host.window  # type: ignore[attr-defined]
        script = (
            "[document.readyState, getComputedStyle(document.body).backgroundColor]"
        )
        while (found := await asyncio.to_thread(window.evaluate_js, script))[0] != (
            "complete"
        ):
            await asyncio.sleep(0.02)
        report("page_before_theme", body_background=found[1])
        await _hold("go-session")
    report("session_start", background=session.theme.background_color.hex)
    session.create_task(remote_control(session, _run_command))


app = rio.App(
    build=Root,
    name="Window View Test",
    theme=(
        rio.Theme.from_colors(background_color=rio.Color.from_hex(LIGHT_BACKGROUND)),
        rio.Theme.from_colors(
            background_color=rio.Color.from_hex(DARK_BACKGROUND), mode="dark"
        ),
    ),
    on_app_start=_on_app_start,
    on_session_start=_on_session_start,
)


if __name__ == "__main__":
    app.run_in_window(width=40, height=25)
    report("exit")
    sys.stdout.flush()

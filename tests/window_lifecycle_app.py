"""The app of test_window_close.py and test_window_control.py: an editor that
asks before its window closes with unsaved text, and a remote control for the
Session's window methods.

Run by the tests in its own process (tests/window_support.py `WindowApp`),
with the environment variable ``RIO_DESKTOP_TEST_DIR`` naming a folder: it
reads commands (JSON lines) from ``commands.jsonl`` there and appends what it
observed to ``report.jsonl``. ``RIO_TEST_GUARDED=0`` starts it without the
editor (no close handler mounted).
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from window_app_remote import remote_control, report

import rio_desktop as rio


class Editor(rio.Component):
    """Asks whether to discard unsaved text when the window is to close."""

    text: str = ""
    saved_text: str = ""

    @rio.event.on_window_close_request
    async def _on_close_request(self) -> None:
        report("close_request", handler="async", text=self.text)
        if self.text != self.saved_text:
            discard = await self.session.show_yes_no_dialog(
                "You have unsaved changes. Close anyway?", title="Unsaved changes"
            )
            report("close_answer", answer=discard)
            if not discard:
                return
        self.session.close()

    def build(self) -> rio.Component:
        return rio.MultiLineTextInput(
            self.bind().text, label="Notes", auto_focus=True, min_height=8
        )


class CloseCounter(rio.Component):
    """A second, plain (not async) close handler: both run."""

    @rio.event.on_window_close_request
    def _counted(self) -> None:
        report("close_request", handler="sync")

    def build(self) -> rio.Component:
        return rio.Text("Closing asks first.")


class Root(rio.Component):
    guarded: bool = os.environ.get("RIO_TEST_GUARDED", "1") == "1"

    def __post_init__(self) -> None:
        _state["root"] = self

    @rio.event.on_window_size_change
    def _size_changed(self) -> None:
        report(
            "size_change",
            width=self.session.window_width,
            height=self.session.window_height,
        )

    def build(self) -> rio.Component:
        size = f"{self.session.window_width:.2f} x {self.session.window_height:.2f}"
        children: list[rio.Component] = [rio.Text(f"Size: {size}")]
        if self.guarded:
            children += [CloseCounter(), Editor(key="editor")]
        return rio.Column(*children, spacing=1, margin=1, align_y=0)


_state: dict[str, Any] = {}

WINDOW_METHODS = {
    "set_window_size",
    "set_window_min_size",
    "set_window_position",
    "center_window",
    "maximize_window",
    "minimize_window",
    "restore_window",
    "set_fullscreen",
    "set_always_on_top",
    "focus_window",
}


def _editor(session: rio.Session) -> Editor | None:
    for component in session.runtime.tree.components.values():  # a test's peek
        if isinstance(component, Editor):
            return component
    return None


async def _run_command(session: rio.Session, command: dict[str, Any]) -> Any:
    name = command["cmd"]
    if name == "state":
        editor = _editor(session)
        return {
            "window_width": session.window_width,
            "window_height": session.window_height,
            "text": None if editor is None else editor.text,
            "guarded": _state["root"].guarded,
        }
    if name == "guard":
        _state["root"].guarded = bool(command["on"])
        return None
    if name in WINDOW_METHODS:
        await getattr(session, name)(*command.get("args", ()))
        return None
    if name == "js":  # what the window shows, asked of the window's process
        window = session.host.window
        return await asyncio.to_thread(window.evaluate_js, command["code"])
    if name == "close":
        session.close()
        return None
    raise ValueError(f"unknown command {name!r}")


def _on_session_start(session: rio.Session) -> None:
    report("session_start", running_in_window=session.running_in_window)
    session.create_task(remote_control(session, _run_command))


app = rio.App(
    build=Root,
    name="Lifecycle Test",
    on_session_start=_on_session_start,
    on_session_close=lambda session: report("session_close"),
    on_app_close=lambda app: report("app_close"),
)


if __name__ == "__main__":
    app.run_in_window(width=40, height=25)
    report("exit")
    sys.stdout.flush()

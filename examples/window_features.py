"""Window features: file dialogs, clipboard, title, live size, saved settings,
pages, dialogs and links to other sites.

Run it with ``python examples/window_features.py`` (or ``rio-desktop run``).

For the window tests it also has a remote control: with the environment
variable ``RIO_DESKTOP_TEST_DIR`` set, the app reads commands (JSON lines)
from ``commands.jsonl`` in that folder, runs each on the session, and appends
what it observed to ``report.jsonl``. Everything goes through the public
Session API, the same calls the buttons make.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import rio_desktop as rio

TEST_DIR = os.environ.get("RIO_DESKTOP_TEST_DIR")


class Settings(rio.UserSettings):
    clicks: int = 0
    note: str = ""


def report(event: str, **data: Any) -> None:
    """Append one observation to the test's report (test mode only)."""
    if not TEST_DIR:
        return
    line = json.dumps({"event": event, "time": time.time(), **data})
    with open(Path(TEST_DIR) / "report.jsonl", "a", encoding="utf-8") as file:
        file.write(line + "\n")


class Features(rio.Component):
    ticks: int = 0
    message: str = "Pick a file, save one, or copy some text."

    @rio.event.periodic(0.1)
    def _tick(self) -> None:
        self.ticks += 1
        _state["ticks"] = self.ticks

    async def _pick(self) -> None:
        try:
            file = await self.session.pick_file()
        except rio.NoFileSelectedError:
            self.message = "No file picked."
            return
        self.message = f"Picked {file.name} ({file.size_in_bytes} bytes)"

    async def _save(self) -> None:
        await self.session.save_file(b"Hello from rio-desktop\n", "hello.txt")
        self.message = "Saved (or cancelled)."

    async def _copy(self) -> None:
        await self.session.set_clipboard(f"Ticks: {self.ticks}")
        self.message = "Copied."

    def _click(self) -> None:
        self.session[Settings].clicks += 1
        self.message = f"Clicked {self.session[Settings].clicks} times (remembered)"

    async def _ask(self) -> None:
        answer = await self.session.show_yes_no_dialog(
            "Do you like *windows*?", title="A question"
        )
        self.message = f"You answered {answer}."

    def build(self) -> rio.Component:
        size = f"{self.session.window_width:.1f} x {self.session.window_height:.1f}"
        return rio.Column(
            rio.Text("Window features", style="heading1"),
            rio.Text(f"Window size: {size} font-heights"),
            rio.Text(f"Running for {self.ticks / 10:.1f} s"),
            rio.Text(self.message),
            rio.Row(
                rio.Button("Pick a file", on_press=self._pick),
                rio.Button("Save a file", on_press=self._save),
                rio.Button("Copy to clipboard", on_press=self._copy),
                spacing=1,
                align_x=0,
            ),
            rio.Row(
                rio.Button("Count (remembered)", on_press=self._click),
                rio.Button("Ask a question", on_press=self._ask),
                rio.Button("Close", on_press=self.session.close),
                spacing=1,
                align_x=0,
            ),
            rio.Row(
                rio.Button(
                    "Another page",
                    on_press=lambda: self.session.navigate_to("/other"),
                ),
                rio.Button(
                    "rio.dev (opens your browser)",
                    on_press=lambda: self.session.navigate_to("https://rio.dev/"),
                ),
                spacing=1,
                align_x=0,
            ),
            spacing=1,
            margin=2,
            align_y=0,
        )


class OtherPage(rio.Component):
    """A second page: in the window there is no browser chrome, so it offers
    its own way back."""

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("The other page", style="heading1"),
            rio.Text(f"You are at {self.session.active_page_url.path}"),
            rio.Button("Back", on_press=lambda: self.session.navigate_to("/")),
            spacing=1,
            margin=2,
            align_y=0,
        )


# Plain module state that the remote control reads (the component owns ticks).
_state: dict[str, Any] = {"ticks": 0}


# --- the remote control (test mode) ---------------------------------------------


async def _run_command(session: rio.Session, command: dict[str, Any]) -> Any:
    name = command["cmd"]
    if name == "state":
        return {
            "ticks": _state["ticks"],
            "window_width": session.window_width,
            "window_height": session.window_height,
            "running_in_window": session.running_in_window,
            "clicks": session[Settings].clicks,
        }
    if name == "set_title":
        await session.set_title(command["title"])
        return None
    if name == "pick_file":
        file = await session.pick_file(file_types=command.get("file_types"))
        return {
            "name": file.name,
            "path": str(file.path),
            "size": file.size_in_bytes,
            "media_type": file.media_type,
            "text": await file.read_text(),
        }
    if name == "pick_folder":
        return str(await session.pick_folder())
    if name == "save_file":
        contents: Any = command["contents"]
        if command.get("as_bytes"):
            contents = contents.encode("utf-8")
        await session.save_file(
            contents,
            command["file_name"],
            directory=Path(command["directory"]),
        )
        return None
    if name == "set_clipboard":
        await session.set_clipboard(command["text"])
        return None
    if name == "get_clipboard":
        return await session.get_clipboard()
    if name == "click":
        session[Settings].clicks += 1
        return session[Settings].clicks
    if name == "website_only":
        errors = {}
        for attribute in ("client_ip", "client_port", "base_url"):
            try:
                getattr(session, attribute)
                errors[attribute] = None
            except rio.WebsiteOnlyError as error:
                errors[attribute] = str(error)
        return errors
    if name == "cookies":  # what the window's own requests carry
        jar = SimpleCookie(session.http_headers.get("Cookie", ""))
        return {key: morsel.value for key, morsel in jar.items()}
    if name == "close":
        session.close()
        return None
    if name == "navigate":
        session.navigate_to(command["url"], replace=command.get("replace", False))
        return None
    if name == "page":
        return {
            "url": str(session.active_page_url),
            "pages": [page.name for page in session.active_page_instances],
        }
    if name == "yes_no":
        return await session.show_yes_no_dialog(command["text"], title="A question")
    if name == "js":  # what the window shows, asked of the window's process
        window = session.host.window  # a test's peek behind the Session
        return await asyncio.to_thread(window.evaluate_js, command["code"])
    raise ValueError(f"unknown command {name!r}")


async def _answer(session: rio.Session, command: dict[str, Any]) -> None:
    try:
        value = await _run_command(session, command)
    except Exception as error:
        report(
            "result",
            id=command.get("id"),
            ok=False,
            error=f"{type(error).__name__}: {error}",
        )
    else:
        report("result", id=command.get("id"), ok=True, value=value)


async def _remote_control(session: rio.Session) -> None:
    commands = Path(TEST_DIR or ".") / "commands.jsonl"
    done = 0
    while True:
        await asyncio.sleep(0.05)
        try:
            lines = commands.read_text("utf-8").splitlines()
        except FileNotFoundError:
            continue
        for line in lines[done:]:
            if not line.endswith("}"):
                break  # still being written
            done += 1
            session.create_task(_answer(session, json.loads(line)))


def _on_session_start(session: rio.Session) -> None:
    report(
        "session_start",
        running_in_window=session.running_in_window,
        timezone=str(session.timezone),
        languages=list(session.preferred_languages),
        clicks=session[Settings].clicks,
    )
    if TEST_DIR:
        session.create_task(_remote_control(session))


app = rio.App(
    pages=[
        rio.ComponentPage(name="Features", url_segment="", build=Features),
        rio.ComponentPage(name="Other", url_segment="other", build=OtherPage),
    ],
    name="Window Features",
    default_attachments=[Settings()],
    on_session_start=_on_session_start,
    on_session_close=lambda session: report("session_close"),
    on_app_start=lambda app: report("app_start"),
    on_app_close=lambda app: report("app_close"),
)


def main() -> None:
    width = float(os.environ.get("RIO_DESKTOP_TEST_WIDTH", "0")) or None
    app.run_in_window(width=width, height=30)
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    report("exit", threads=others)
    sys.stdout.flush()


if __name__ == "__main__":
    main()

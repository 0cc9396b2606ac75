"""The app of test_window_menu.py and test_window_tray.py: a native menu bar
and a tray icon whose handlers change what the page shows.

Run by the tests in its own process (tests/window_support.py `WindowApp`),
with ``RIO_DESKTOP_TEST_DIR`` naming a folder: it reads commands (JSON lines)
from ``commands.jsonl`` there and appends what it observed to
``report.jsonl``. ``RIO_TEST_SHELL`` picks what it has:

- ``menu``: a menu bar given as ``App(menu=...)`` (File, Edit, View);
- ``tray_press``: ``run_in_window(tray=...)`` with an ``on_press`` handler;
- ``tray_hide``: a tray icon with ``close_to_tray=True`` and no
  ``on_press`` (a click shows the window); ``RIO_TEST_VETO=1`` adds an
  ``on_window_close_request`` handler that reports and closes.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from window_app_remote import remote_control, report

import rio_desktop as rio

MODE = os.environ.get("RIO_TEST_SHELL", "menu")


class Model(rio.Dataclass):
    opened: int = 0
    recent: str = "-"
    saved: int = 0
    pasted: int = 0
    grid: bool = False
    pressed: int = 0
    count: int = 0


MODEL = Model()


# --- the handlers -------------------------------------------------------------


def _ran(session: rio.Session, name: str, **data: Any) -> None:
    report("handler", name=name, in_window=session.running_in_window, **data)


def open_file(session: rio.Session) -> None:
    MODEL.opened += 1
    _ran(session, "open")


def open_recent(name: str) -> Any:
    def handler(session: rio.Session) -> None:
        MODEL.recent = name
        _ran(session, f"recent {name}")

    return handler


def crash(session: rio.Session) -> None:
    _ran(session, "crash")
    raise ValueError("menu boom")


def paste(session: rio.Session) -> None:
    MODEL.pasted += 1
    _ran(session, "paste")


async def slow_save(session: rio.Session) -> None:
    await asyncio.sleep(0.05)  # an async handler that awaits
    MODEL.saved += 1
    _ran(session, "save")


def toggle_grid(session: rio.Session) -> None:
    MODEL.grid = bool(GRID.checked)  # the new state, stored before this runs
    _ran(session, "grid", checked=GRID.checked)


def tray_pressed(session: rio.Session) -> None:
    MODEL.pressed += 1
    _ran(session, "tray")


def count(session: rio.Session) -> None:
    MODEL.count += 1
    _ran(session, "count")


def reset(session: rio.Session) -> None:
    MODEL.count = 0
    _ran(session, "reset")


OPEN = rio.MenuItem("Open…", on_press=open_file, shortcut="Ctrl+O")
PASTE = rio.MenuItem("Paste special", paste, shortcut="ctrl+shift+v", enabled=False)
GRID = rio.MenuItem("Show grid", toggle_grid, shortcut="F6", checked=False)
ITEMS = {"open": OPEN, "paste": PASTE, "grid": GRID}

MENU = [
    rio.Menu(
        "File",
        [
            OPEN,
            rio.MenuSeparator(),
            rio.Menu(
                "Recent",
                [
                    rio.MenuItem("alpha.txt", open_recent("alpha.txt")),
                    rio.MenuItem("beta.txt", open_recent("beta.txt")),
                ],
            ),
            rio.MenuSeparator(),
            rio.MenuItem("Crash", crash, shortcut="Ctrl+Shift+K"),
        ],
    ),
    rio.Menu(
        "Edit",
        [PASTE, rio.MenuItem("Slow save", slow_save, shortcut="Ctrl+S")],
    ),
    rio.Menu("View", [GRID]),
]

TRAY_MENU = [
    rio.MenuItem("Count", count),
    rio.Menu("More", [rio.MenuItem("Reset", reset)]),
]


# --- the page -----------------------------------------------------------------


class Guard(rio.Component):
    """Reports a close request and closes (RIO_TEST_VETO=1)."""

    @rio.event.on_window_close_request
    def _asked(self) -> None:
        report("close_request")
        self.session.close()

    def build(self) -> rio.Component:
        return rio.Text("Closing asks first.")


class Root(rio.Component):
    clicks: int = 0

    def _click(self) -> None:
        self.clicks += 1

    def build(self) -> rio.Component:
        lines = [
            f"Opened {MODEL.opened}",
            f"Recent {MODEL.recent}",
            f"Saved {MODEL.saved}",
            f"Pasted {MODEL.pasted}",
            f"Grid {MODEL.grid}",
            f"Pressed {MODEL.pressed}",
            f"Count {MODEL.count}",
            f"Clicks {self.clicks}",
        ]
        children: list[rio.Component] = [rio.Text(line) for line in lines]
        children.append(rio.Button("Click", on_press=self._click))
        if os.environ.get("RIO_TEST_VETO") == "1":
            children.append(Guard())
        return rio.Column(*children, spacing=0.5, margin=1, align_y=0)


# --- the remote control -------------------------------------------------------


async def _run_command(session: rio.Session, command: dict[str, Any]) -> Any:
    name = command["cmd"]
    if name == "js":  # what the window shows, asked of the window's process
        window = session.host.window
        return await asyncio.to_thread(window.evaluate_js, command["code"])
    if name == "set_menu_item":
        item = ITEMS[command["item"]]
        changes = {
            k: command[k] for k in ("label", "enabled", "checked") if k in command
        }
        await session.set_menu_item(item, **changes)
        return {"label": item.label, "enabled": item.enabled, "checked": item.checked}
    if name == "close":
        session.close()
        return None
    raise ValueError(f"unknown command {name!r}")


def _on_session_start(session: rio.Session) -> None:
    report("session_start", running_in_window=session.running_in_window)
    session.create_task(remote_control(session, _run_command))


app = rio.App(
    build=Root,
    name="Shell Test",
    on_session_start=_on_session_start,
    on_session_close=lambda session: report("session_close"),
    on_app_close=lambda app: report("app_close"),
    menu=MENU if MODE == "menu" else None,
)


if __name__ == "__main__":
    if MODE == "tray_press":
        tray = rio.TrayIcon(
            "material/castle",
            tooltip="Shell Test tray",
            menu=TRAY_MENU,
            on_press=tray_pressed,
        )
    elif MODE == "tray_hide":
        tray = rio.TrayIcon(menu=TRAY_MENU, close_to_tray=True, quit_label="Quit app")
    else:
        tray = None
    app.run_in_window(width=40, height=30, tray=tray)
    report("exit")
    sys.stdout.flush()

"""The window's native menu bar (rio.Menu, rio.MenuItem, rio.MenuSeparator).

The window tests run one app (`window_shell_app.py`, its menu given as
``App(menu=...)``) in a real Qt window under Xvfb with openbox, in order.
Menus are opened with a real click on the menu bar and walked with the
keyboard (xdotool); shortcuts are real key presses; what the handlers did is
read from the page's text. The rest needs no window: shortcut checking, the
data sent to the window's process, the event dispatch, and a website that
must not load Qt, pywebview or a tray library.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from window_support import (
    WindowApp,
    client_geometry,
    start_app,
    wait_page_text,
    wait_until,
    wm_display,  # noqa: F401  (fixture)
    xprop,
)

import rio_desktop as rio
from rio_desktop.menu import AppShell, normalize_shortcut

APP = Path(__file__).with_name("window_shell_app.py")
TITLE = "^Shell Test$"
ERROR = "Error in the menu item 'Crash' handler crash: ValueError: menu boom"

pytestmark = pytest.mark.timeout(120)
in_window = pytest.mark.window


# --- shortcuts, classes, the data sent to the window ---------------------------------


@pytest.mark.parametrize(
    ("given", "portable"),
    [
        ("Ctrl+O", "Ctrl+O"),
        ("ctrl+shift+s", "Ctrl+Shift+S"),
        ("Shift+Ctrl+S", "Ctrl+Shift+S"),
        ("Cmd+Q", "Ctrl+Q"),
        ("F5", "F5"),
        ("shift+f12", "Shift+F12"),
        ("Alt+Left", "Alt+Left"),
        ("Ctrl+PageDown", "Ctrl+PgDown"),
        ("Ctrl+Delete", "Ctrl+Del"),
        ("Ctrl+Enter", "Ctrl+Return"),
        ("Ctrl++", "Ctrl++"),
        ("Ctrl+plus", "Ctrl++"),
        ("Meta+1", "Meta+1"),
        ("Ctrl + ,", "Ctrl+,"),
    ],
)
def test_shortcuts_are_normalized_to_qt_portable_text(given: str, portable: str):
    assert normalize_shortcut(given) == portable


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("Ctrl+Foo", "'Foo' is not a key"),
        ("Hyper+O", "'Hyper' is not a modifier"),
        ("O", "without Ctrl, Alt or Cmd it would take the key 'O'"),
        ("Shift+A", "without Ctrl, Alt or Cmd"),
        ("Delete", "without Ctrl, Alt or Cmd"),
        ("Ctrl+Ctrl+O", "named twice"),
        ("Ctrl+", "is not a key"),
        ("", "not a key combination"),
        ("F36", "is not a key"),
    ],
)
def test_a_bad_shortcut_is_a_clear_error(given: str, message: str):
    with pytest.raises(ValueError, match="MenuItem\\('Open'\\): shortcut=") as error:
        rio.MenuItem("Open", shortcut=given)
    assert message in str(error.value)


def test_the_classes_check_what_they_are_given():
    with pytest.raises(TypeError, match="not a MenuItem, MenuSeparator or Menu"):
        rio.Menu("File", ["Open"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="a list of MenuItem"):
        rio.Menu("File", rio.MenuItem("Open"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="checked=...\\) takes None, True or False"):
        rio.MenuItem("Grid", checked=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="on_press=...\\) must be callable"):
        rio.MenuItem("Open", on_press="open")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="the menu bar holds Menus"):
        rio.App(build=lambda: rio.Text("x"), menu=[rio.MenuItem("Open")])
    with pytest.raises(TypeError, match="takes a rio.TrayIcon"):
        rio.App(build=lambda: rio.Text("x"), tray="icon.png")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="image file's path or a Rio icon name"):
        rio.TrayIcon(icon=b"png")  # type: ignore[arg-type]


def test_the_window_gets_plain_data_with_ids():
    grid = rio.MenuItem("Grid", shortcut="f6", checked=True, enabled=False)
    open_ = rio.MenuItem("Open", lambda s: None, shortcut="ctrl+o")
    app = rio.App(
        build=lambda: rio.Text("x"),
        name="Data",
        menu=[rio.Menu("File", [open_, rio.MenuSeparator(), rio.Menu("V", [grid])])],
    )
    tray = rio.TrayIcon("material/castle", menu=[open_], close_to_tray=True)
    shell = AppShell.for_window(app, None, tray)
    assert shell is not None
    spec = json.loads(json.dumps(shell.window_spec(app)))  # JSON as sent
    assert spec["menu"] == [
        {
            "type": "menu",
            "label": "File",
            "items": [
                {
                    "type": "item",
                    "id": open_._id,
                    "label": "Open",
                    "shortcut": "Ctrl+O",
                    "enabled": True,
                    "checked": None,
                },
                {"type": "separator"},
                {
                    "type": "menu",
                    "label": "V",
                    "items": [
                        {
                            "type": "item",
                            "id": grid._id,
                            "label": "Grid",
                            "shortcut": "F6",
                            "enabled": False,
                            "checked": True,
                        }
                    ],
                },
            ],
        }
    ]
    tray_spec = spec["tray"]
    assert tray_spec["icon"] == "material/castle"
    assert tray_spec["icon_is_path"] is False
    assert tray_spec["tooltip"] == "Data"  # the app's name by default
    assert tray_spec["press"] is False and tray_spec["close_to_tray"] is True
    assert tray_spec["menu"][0]["id"] == open_._id
    assert tray_spec["color"].startswith("#") and len(tray_spec["color"]) == 7
    assert set(shell.items) == {open_._id, grid._id}

    # run_in_window's own arguments win over the App's; [] means none.
    assert AppShell.for_window(app, [], None) is None
    other = rio.Menu("Other", [rio.MenuItem("X")])
    assert AppShell.for_window(app, [other], None).menu == [other]  # type: ignore[union-attr]
    assert AppShell.for_window(rio.App(build=lambda: rio.Text("x")), None, None) is None


class _FakeSession:
    running_in_window = True

    def __init__(self) -> None:
        self.calls: list[tuple[Any, tuple[Any, ...], str | None]] = []
        self.runtime = self

    def call_handler(self, handler: Any, *args: Any, kind: str | None = None) -> None:
        self.calls.append((handler, args, kind))


def test_events_run_the_handler_of_the_windows_session_and_toggle_checks():
    seen: list[bool | None] = []
    grid = rio.MenuItem("Grid", lambda s: seen.append(grid.checked), checked=False)
    off = rio.MenuItem("Off", lambda s: None, enabled=False)
    shell = AppShell([rio.Menu("View", [grid, off])], rio.TrayIcon(on_press=print))
    session = _FakeSession()
    windows: list[int] = []

    def session_for(index: int) -> Any:
        windows.append(index)
        return session

    shell._run("menu", {"item": grid._id, "window": 0, "checked": True}, session_for)
    assert grid.checked is True  # stored before the handler runs
    ((handler, args, kind),) = session.calls
    assert handler is grid.on_press and args == (session,)
    assert kind == "menu item 'Grid'"
    # A backend without check marks sends no state: the item toggles.
    shell._run("menu", {"item": grid._id, "window": 0}, session_for)
    assert grid.checked is False
    shell._run("menu", {"item": off._id, "window": 0}, session_for)  # disabled
    shell._run("menu", {"item": 12345, "window": 0}, session_for)  # unknown
    assert len(session.calls) == 2
    shell._run("tray_press", {"window": 0}, session_for)
    assert session.calls[-1] == (print, (session,), "tray icon's on_press")
    assert windows == [0, 0, 0]
    # Not the shell's: the caller handles it.
    assert not shell.handle("close_requested", {}, None, session_for)


class _Handlers(list):
    """A stand-in for a pywebview event: `+=` adds one handler."""

    def __iadd__(self, handler: Any) -> _Handlers:  # type: ignore[override]
        self.append(handler)
        return self


class _Events:
    def __init__(self) -> None:
        self.before_show = _Handlers()
        self.shown = _Handlers()
        self.closed = _Handlers()


class _Guard:
    forced = False
    veto = False

    def closing(self) -> bool:
        return True


def test_other_backends_get_pywebview_menus_and_no_tray():
    """GTK, Cocoa, WinForms (not run here): pywebview's own menus, whose
    actions send the same event; the tray is refused with one warning, and
    run-time changes say they are not possible."""
    from webview.menu import Menu, MenuAction, MenuSeparator

    from rio_desktop._window_shell import Shell

    open_ = rio.MenuItem("Open", shortcut="Ctrl+O")
    app = rio.App(build=lambda: rio.Text("x"), name="Gtk")
    menu = [rio.Menu("File", [open_, rio.MenuSeparator(), rio.Menu("Sub", [])])]
    spec = AppShell.for_window(app, menu, rio.TrayIcon()).window_spec(app)  # type: ignore[union-attr]
    shell = Shell(json.loads(json.dumps(spec)), "gtk")
    sent: list[dict[str, Any]] = []
    window = type("Window", (), {"events": _Events(), "native": None})()
    shell.attach(window, sent.append, lambda job: job())
    assert sent == [
        {
            "event": "shell_warning",
            "message": "The tray icon needs the Qt window backend (pip install"
            " 'rio-desktop[qt]'); the app runs without it.",
        }
    ]
    assert window.events.before_show == [] and window.events.shown == []
    (file,) = shell.pywebview_menu() or []
    assert isinstance(file, Menu) and file.title == "File"
    action, separator, sub = file.items
    assert isinstance(action, MenuAction) and action.title == "Open"
    assert isinstance(separator, MenuSeparator)
    assert isinstance(sub, Menu) and sub.items == []
    action.function()
    assert sent[-1] == {
        "event": "menu",
        "item": open_._id,
        "window": 0,
        "checked": None,
    }
    with pytest.raises(NotImplementedError):
        shell.call("set_menu_item", open_._id, {"enabled": False})
    # No tray up: the close guard decides a close alone.
    assert shell.closing(_Guard())() is True
    assert Shell(spec, "qt").pywebview_menu() is None  # Qt builds its own


WEBSITE_SCRIPT = textwrap.dedent(
    """
    import asyncio
    import importlib.abc
    import logging
    import sys

    BLOCKED = {"PyQt6", "PyQt5", "PySide6", "PySide2", "qtpy", "webview", "pystray"}

    class Blocker(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, Blocker())
    logging.basicConfig(level=logging.INFO, format="LOG %(name)s %(message)s")

    import aiohttp
    from aiohttp import web

    import rio_desktop as rio
    from rio_desktop.testing import run

    ITEM = rio.MenuItem("Grid", lambda session: None, shortcut="F6", checked=False)

    class Page(rio.Component):
        async def _press(self):
            await self.session.set_menu_item(ITEM, checked=True, label="Grid!")

        def build(self):
            return rio.Column(
                rio.Text("hello website"), rio.Button("Press", on_press=self._press)
            )

    app = rio.App(
        build=Page,
        name="Shell Website",
        menu=[rio.Menu("View", [ITEM])],
        tray=rio.TrayIcon("material/castle", menu=[ITEM], close_to_tray=True),
    )

    async def main():
        runner = web.AppRunner(app.as_aiohttp_app())
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/") as response:
                body = await response.text()
                print("GET", response.status, "rio-config" in body)
        await runner.cleanup()
        async with run(app) as client:
            print("TEXT", client.has_text("hello website"))
            await client.click("Press")
            print("ITEM", ITEM.checked, ITEM.label)

    asyncio.run(main())
    loaded = sorted(
        name for name in sys.modules if name.split(".")[0] in BLOCKED
    )
    print("LOADED", loaded, "rio_desktop._window_shell" in sys.modules)
    """
)


def test_a_website_with_a_menu_and_tray_loads_no_gui_toolkit():
    """A deployment without Qt, pywebview or a tray library installed (here:
    blocked) serves an app that has menu= and tray=, says once that they are
    left out, and never tries to import those libraries."""
    done = subprocess.run(
        [sys.executable, "-c", WEBSITE_SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "GET 200 True" in lines
    assert "TEXT True" in lines
    assert "ITEM True Grid!" in lines  # set_menu_item keeps the state
    assert "LOADED [] False" in lines
    notes = [line for line in done.stderr.splitlines() if "website leaves them" in line]
    assert notes == [
        "LOG rio_desktop.menu Shell Website has a menu bar or tray icon: they are"
        " for its window, and a website leaves them out."
    ]
    assert "is blocked" not in done.stderr


# --- in the window -------------------------------------------------------------------


@pytest.fixture(scope="module")
def shown(
    wm_display: str,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict]:
    base = tmp_path_factory.mktemp("menu")
    app, _ = start_app(
        wm_display,
        base / "run",
        base / "data",
        script=APP,
        RIO_TEST_SHELL="menu",
        RIO_DESKTOP_DEV="1",  # a failing handler's traceback shows in the page
    )
    try:
        window = app.wait_window(TITLE)
        wait_page_text(app, "Opened 0")
        yield {"app": app, "window": window, "display": wm_display}
        app.send("close")
        assert app.wait_exit(10) == 0
    finally:
        app.kill()


def _open_menu(shown: dict, index: int) -> dict[str, int]:
    """Click the menu bar's first title (a real click), then Right to the
    `index`th menu; returns where its popup is, once it is on screen."""
    app: WindowApp = shown["app"]
    _focus_page(shown)
    app.xdotool("mousemove", "--window", shown["window"], "15", "10")
    app.xdotool("click", "1")
    popup = wait_until(lambda: menu_popup(app), message="the File menu did not open")
    for _ in range(index):
        app.xdotool("key", "Right")
        popup = wait_until(
            lambda left=popup["X"]: (
                (found := menu_popup(app)) and found["X"] > left and found
            ),
            message="the next menu did not open",
        )
    return popup


def menu_popup(app: WindowApp) -> dict[str, int] | None:
    """Where the app's open menu (a Qt popup: _NET_WM_WINDOW_TYPE_POPUP_MENU)
    is on the screen, or None."""
    out = app.xdotool("search", "--onlyvisible", "--classname", APP.name, check=False)
    for window in out.split():
        kind = xprop(app.display, "-id", window, "_NET_WM_WINDOW_TYPE")
        if "_NET_WM_WINDOW_TYPE_POPUP_MENU" in kind:
            return client_geometry(app.display, window)
    return None


def _focus_page(shown: dict) -> None:
    """A real click on an empty part of the page: the window has the focus,
    the page the keyboard."""
    app: WindowApp = shown["app"]
    app.xdotool("mousemove", "--window", shown["window"], "500", "90")
    app.xdotool("click", "1")


def _key(shown: dict, *keys: str) -> None:
    """Real key presses (XTEST), to the window that has the focus."""
    shown["app"].xdotool("key", *keys)


def _handlers(app: WindowApp, name: str) -> list[dict]:
    return [e for e in app.events() if e["event"] == "handler" and e["name"] == name]


@in_window
def test_an_item_chosen_in_the_menu_runs_its_handler_with_the_session(
    shown: dict,
) -> None:
    app: WindowApp = shown["app"]
    _open_menu(shown, 0)
    app.xdotool("key", "Down", "Return")  # File > Open…
    wait_page_text(app, "Opened 1")
    (ran,) = _handlers(app, "open")
    assert ran["in_window"] is True  # the window's own session
    wait_until(lambda: menu_popup(app) is None, message="the menu stayed open")

    _open_menu(shown, 0)
    app.xdotool("key", "Down", "Down", "Right", "Down", "Return")  # Recent > beta
    wait_page_text(app, "Recent beta.txt")


@in_window
def test_a_shortcut_runs_the_item(shown: dict) -> None:
    app: WindowApp = shown["app"]
    _focus_page(shown)
    _key(shown, "ctrl+o")
    wait_page_text(app, "Opened 2")


@in_window
def test_a_check_item_toggles_and_its_handler_sees_the_new_state(
    shown: dict,
) -> None:
    app: WindowApp = shown["app"]
    _focus_page(shown)
    _key(shown, "F6")
    wait_page_text(app, "Grid True")
    _open_menu(shown, 2)  # View
    app.xdotool("key", "Down", "Return")
    wait_page_text(app, "Grid False")
    _key(shown, "F6")  # the menu's check mark and the item agree
    wait_page_text(app, "Grid True")


@in_window
def test_a_disabled_item_does_nothing_and_an_async_handler_runs(
    shown: dict,
) -> None:
    app: WindowApp = shown["app"]
    _focus_page(shown)
    _key(shown, "ctrl+shift+v")  # Paste special: disabled
    popup = _open_menu(shown, 1)  # Edit
    # A real click on the menu's first row: the disabled item.
    app.xdotool("mousemove", str(popup["X"] + 30), str(popup["Y"] + 10))
    app.xdotool("click", "1")
    app.xdotool("key", "Escape")
    wait_until(lambda: menu_popup(app) is None, message="the menu stayed open")
    # Handlers run in the order chosen: once the async one has shown its
    # effect, the disabled one would have shown its own.
    _key(shown, "ctrl+s")
    text = wait_page_text(app, "Saved 1")
    assert "Pasted 0" in text
    assert _handlers(app, "paste") == []


@in_window
def test_a_failing_handler_shows_the_error_and_the_app_goes_on(
    shown: dict,
) -> None:
    app: WindowApp = shown["app"]
    _focus_page(shown)
    _key(shown, "ctrl+shift+k")
    wait_page_text(app, ERROR)
    wait_until(lambda: ERROR in app.output(), message="the error was not logged")
    _key(shown, "ctrl+o")
    wait_page_text(app, "Opened 3")


@in_window
def test_set_menu_item_changes_the_menu_while_it_runs(shown: dict) -> None:
    app: WindowApp = shown["app"]
    value = app.call("set_menu_item", item="open", enabled=False, label="Open (off)")
    assert value == {"label": "Open (off)", "enabled": False, "checked": None}
    _focus_page(shown)
    _key(shown, "ctrl+o")
    _key(shown, "F6")  # chosen after it: once it shows, ctrl+o would have
    text = wait_page_text(app, "Grid False")
    assert "Opened 3" in text

    app.call("set_menu_item", item="open", enabled=True, label="Open…")
    _key(shown, "ctrl+o")
    wait_page_text(app, "Opened 4")

    ran = len(_handlers(app, "grid"))
    app.call("set_menu_item", item="grid", checked=True)
    _key(shown, "F6")  # the check mark was set: choosing it clears it
    wait_until(lambda: len(_handlers(app, "grid")) > ran)
    assert _handlers(app, "grid")[-1]["checked"] is False

    refused = app.result(app.send("set_menu_item", item="open", checked=True))
    assert refused["error"].startswith("ValueError: MenuItem('Open…'")
    assert "is not a check item" in refused["error"]

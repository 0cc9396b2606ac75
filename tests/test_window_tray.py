"""The tray icon (rio.TrayIcon) of a real Qt window under Xvfb.

How it is tested: the tray host is Debian's `trayer`, a real X11 system tray
(XEmbed: it owns the `_NET_SYSTEM_TRAY_S0` selection and embeds icons as
child windows of its panel); there is no D-Bus session bus, so Qt's
QSystemTrayIcon uses XEmbed and its icon becomes a window inside trayer's
panel, found with xwininfo. It is clicked with real X events (xdotool): a
left click is Qt's "Trigger" activation, a right click opens the icon's
context menu (a Qt popup, walked with the keyboard). What handlers did is
read from the page's text; the window's state from the X server (map state,
_NET_ACTIVE_WINDOW). Without a tray host (the plain `xvfb` display), the app
logs one warning and runs as without a tray.

Three app processes (`window_shell_app.py`): with an `on_press` handler;
with `close_to_tray` (and an `on_window_close_request` handler); and one on a
display without a tray.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_window_menu import menu_popup
from window_support import (
    WindowApp,
    active_window,
    click_button,
    start_app,
    wait_page_text,
    wait_until,
    wm_display,  # noqa: F401  (fixture)
    xvfb,  # noqa: F401  (fixture)
)

APP = Path(__file__).with_name("window_shell_app.py")
TITLE = "^Shell Test$"
NO_TRAY = "This desktop has no system tray: the app runs without its tray icon"

pytestmark = [pytest.mark.timeout(120), pytest.mark.window]


def _selection_owner(display_name: str, selection: str) -> int:
    """The X window owning `selection` (0: none)."""
    xlib = ctypes.CDLL("libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XGetSelectionOwner.restype = ctypes.c_ulong
    xlib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = xlib.XOpenDisplay(display_name.encode())
    if not display:
        raise AssertionError(f"cannot open X display {display_name}")
    try:
        atom = xlib.XInternAtom(display, selection.encode(), 0)
        return int(xlib.XGetSelectionOwner(display, atom))
    finally:
        xlib.XCloseDisplay(display)


@contextlib.contextmanager
def trayer(display: str) -> Iterator[None]:
    """Run the trayer system tray on `display` while the block runs."""
    if shutil.which("trayer") is None:
        pytest.fail("the tray tests need trayer: sudo apt install trayer")
    process = subprocess.Popen(
        ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel"]
        + ["--width", "100", "--height", "32", "--SetDockType", "true"],
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until(
            lambda: (
                _selection_owner(display, "_NET_SYSTEM_TRAY_S0")
                or process.poll() is not None
            ),
            message="trayer did not take the system tray",
        )
        assert process.poll() is None, "trayer ended"
        yield
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def tray_display(wm_display: str) -> Iterator[str]:  # noqa: F811
    """A display with openbox and a system tray."""
    with trayer(wm_display):
        yield wm_display


def _tray_icon(display: str) -> dict[str, int] | None:
    """Where the app's icon is embedded in trayer's panel, or None."""
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
    ).stdout
    _, panel, rest = tree.partition('"panel": ("panel" "trayer")')
    if not panel:
        return None
    for line in rest.splitlines():
        if '"window_shell_app.py"' in line:
            found = re.search(r"(\d+)x(\d+)[+-]\d+[+-]\d+\s+\+(-?\d+)\+(-?\d+)", line)
            if found:
                width, height, x, y = (int(v) for v in found.groups())
                return {"x": x, "y": y, "width": width, "height": height}
    return None


#: When each mouse button last clicked the icon.
_last_click: dict[str, float] = {}
#: Qt's double-click interval is 400 ms: a second press of the same button
#: within it is a double click, which the tray icon does not take as a click
#: (a person's two separate clicks are further apart).
DOUBLE_CLICK = 0.5
#: Seconds after a window is hidden until Qt has taken its focus loss in.
FOCUS_SETTLES = 0.5


def _click_icon(app: WindowApp, button: str) -> None:
    icon = wait_until(lambda: _tray_icon(app.display), message="no tray icon")
    centre = (icon["x"] + icon["width"] // 2, icon["y"] + icon["height"] // 2)
    last = _last_click.get(button, 0.0)
    wait_until(lambda: time.monotonic() - last > DOUBLE_CLICK)
    app.xdotool("mousemove", str(centre[0]), str(centre[1]))
    app.xdotool("click", button)
    _last_click[button] = time.monotonic()


def _open_tray_menu(app: WindowApp) -> None:
    """A right click on the icon; returns once its menu is on screen."""
    wait_until(lambda: menu_popup(app) is None, message="a menu is open")
    _click_icon(app, "3")
    wait_until(lambda: menu_popup(app), message="the tray menu did not open")


def _map_state(app: WindowApp, window: str) -> str:
    info = subprocess.run(
        ["xwininfo", "-id", window],
        env={**os.environ, "DISPLAY": app.display},
        capture_output=True,
        text=True,
        timeout=20,
    ).stdout
    return info.split("Map State: ", 1)[1].split()[0]


def _handlers(app: WindowApp, name: str) -> list[dict]:
    return [e for e in app.events() if e["event"] == "handler" and e["name"] == name]


def _start(display: str, base: Path, mode: str, **env: str) -> WindowApp:
    app, _ = start_app(
        display,
        base / "run",
        base / "data",
        script=APP,
        RIO_TEST_SHELL=mode,
        # No session bus: Qt's tray is the XEmbed one, trayer's kind.
        DBUS_SESSION_BUS_ADDRESS="",
        **env,
    )
    return app


def test_a_click_runs_on_press_and_the_menu_runs_its_items(
    tray_display: str, tmp_path: Path
) -> None:
    app = _start(tray_display, tmp_path, "tray_press")
    try:
        window = app.wait_window(TITLE)
        wait_page_text(app, "Pressed 0")
        icon = wait_until(lambda: _tray_icon(tray_display), message="no tray icon")
        assert icon["width"] > 0 and icon["height"] > 0

        _click_icon(app, "1")
        wait_page_text(app, "Pressed 1")
        (ran,) = _handlers(app, "tray")
        assert ran["in_window"] is True  # the window's session

        _open_tray_menu(app)
        app.xdotool("key", "Down", "Return")  # Count
        wait_page_text(app, "Count 1")
        _open_tray_menu(app)
        app.xdotool("key", "Down", "Down", "Right", "Return")  # More > Reset
        wait_page_text(app, "Count 0")

        # Without close_to_tray, the window's close button ends the app.
        app.request_close(window)
        assert app.wait_exit(10) == 0
        assert "no system tray" not in app.output()
    finally:
        app.kill()


def test_close_to_tray_hides_the_window_and_quit_ends_the_app(
    tray_display: str, tmp_path: Path
) -> None:
    app = _start(tray_display, tmp_path, "tray_hide", RIO_TEST_VETO="1")
    try:
        window = app.wait_window(TITLE)
        click_button(app, window, "Click")  # page state: a component's field
        wait_page_text(app, "Clicks 1")
        wait_until(lambda: _tray_icon(tray_display), message="no tray icon")

        app.request_close(window)
        wait_until(lambda: _map_state(app, window) == "IsUnMapped")
        # Qt takes the hidden window's loss of the focus in a little later
        # (measured ~0.1 s); a menu opened before that is closed by it. A
        # person's next click comes later than that, and so does ours.
        hidden = time.monotonic()
        wait_until(lambda: time.monotonic() - hidden > FOCUS_SETTLES)
        # The session lives on: the tray's items still reach it. The app
        # handles that item after the close, which asked no close handler.
        _open_tray_menu(app)
        app.xdotool("key", "Down", "Return")  # Count
        wait_page_text(app, "Count 1")
        assert _map_state(app, window) == "IsUnMapped"
        assert app.process.poll() is None  # still running
        assert not [e for e in app.events() if e["event"] == "close_request"]

        # A click on the icon (no on_press) shows and raises the same window,
        # its page as it was.
        _click_icon(app, "1")
        wait_until(lambda: _map_state(app, window) == "IsViewable")
        wait_until(
            lambda: active_window(tray_display) == int(window),
            message=lambda: (active_window(tray_display), window),
        )
        text = wait_page_text(app, "Clicks 1")
        assert "Count 1" in text
        assert app.find_windows(TITLE) == [window]

        # Quit: the close handler is asked (it closes), the app exits 0.
        _open_tray_menu(app)
        app.xdotool("key", "Up", "Return")  # the last item: "Quit app"
        app.wait_for("close_request")
        assert app.wait_exit(10) == 0
        assert [e["event"] for e in app.events()][-3:] == [
            "session_close",
            "app_close",
            "exit",
        ]
    finally:
        app.kill()


def test_without_a_tray_host_one_warning_and_closing_quits(
    xvfb: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    assert not _selection_owner(xvfb, "_NET_SYSTEM_TRAY_S0")
    app = _start(xvfb, tmp_path, "tray_hide")
    try:
        window = app.wait_window(TITLE)
        wait_until(lambda: NO_TRAY in app.output(), message=app.output)
        app.request_close(window)  # close_to_tray is off: the app ends
        assert app.wait_exit(10) == 0
        output = app.output()
        assert output.count("no system tray") == 1
        assert (
            f"{NO_TRAY} and closing the window ends the app (close_to_tray is off)."
            in output
        )
    finally:
        app.kill()


class _Event:
    """A stand-in for a pywebview event: `+=` adds a handler."""

    def __init__(self) -> None:
        self.handlers: list[Any] = []

    def __iadd__(self, handler: Any) -> _Event:
        self.handlers.append(handler)
        return self

    def fire(self) -> None:
        for handler in self.handlers:
            handler()


class _Events:
    def __init__(self) -> None:
        self.closed = _Event()
        self.before_show = _Event()
        self.shown = _Event()


class _StandInWindow:
    def __init__(self) -> None:
        self.events = _Events()


def test_once_the_first_window_closed_the_tray_shows_the_last_used_and_quits_all() -> (
    None
):
    from rio_desktop import _window_shell

    shell = _window_shell.Shell({"tray": {"menu": []}}, "gtk")
    first, other = _StandInWindow(), _StandInWindow()
    shell.attach(first, lambda message: None, lambda job: job())
    closed_all: list[bool] = []
    shell.close_all = lambda: closed_all.append(True)
    shell.recent_window = lambda: other
    assert shell._target() is first
    first.events.closed.fire()  # the first window closed; another is open
    assert shell._target() is other
    shell._quit()
    assert closed_all == [True]

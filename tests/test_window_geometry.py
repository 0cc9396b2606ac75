"""The window's remembered geometry at its edges, in the real Qt window under
Xvfb: a position on a screen that is gone (a monitor unplugged), and a
window closed maximized.

The app is examples/window_features.py (tests/window_support.py); its
geometry is kept in window.json in its data folder (RIO_DESKTOP_DATA_DIR),
which the tests write and read. Maximizing needs a window manager: that test
runs under openbox (`wm_display`), and asks it the way a taskbar does (an
EWMH _NET_WM_STATE message to the root window).
"""

from __future__ import annotations

import ctypes
import json
from pathlib import Path

import pytest
from window_support import (
    APP_TITLE,
    start_app,
    wait_until,
    window_state,
    wm_display,  # noqa: F401  (fixture)
    xvfb,  # noqa: F401  (fixture)
)

pytestmark = [pytest.mark.window, pytest.mark.timeout(120)]

SCREEN = (1280, 800)  # the Xvfb screens of window_support
MAXIMIZED = {"_NET_WM_STATE_MAXIMIZED_VERT", "_NET_WM_STATE_MAXIMIZED_HORZ"}


def _saved(data_dir: Path) -> dict:
    """The first window's saved geometry (kept under its page's path)."""
    return json.loads((data_dir / "window.json").read_text("utf-8"))["windows"]["/"]


def _on_screen(box: dict[str, int]) -> bool:
    return (
        box["X"] >= 0
        and box["Y"] >= 0
        and box["X"] + box["WIDTH"] <= SCREEN[0]
        and box["Y"] + box["HEIGHT"] <= SCREEN[1]
    )


def test_a_position_on_a_screen_that_is_gone_opens_on_the_screen(
    xvfb: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Saved on a second monitor, right of this one, that is unplugged now.
    No window manager here: nothing but the app moves the window. (Saved by
    a release with one window: its window.json is read as the first
    window's.)"""
    data = tmp_path / "data"
    data.mkdir()
    saved = {"width": 640, "height": 400, "x": 1500, "y": 900, "maximized": False}
    (data / "window.json").write_text(json.dumps(saved), encoding="utf-8")
    app, _ = start_app(xvfb, tmp_path / "run", data)
    try:
        window = app.wait_window(f"^{APP_TITLE}$")
        box = wait_until(
            lambda: _on_screen(shown := app.geometry(window)) and shown,
            10,
            lambda: f"the window stayed at {app.geometry(window)}",
        )
        assert (box["WIDTH"], box["HEIGHT"]) == (640, 400)  # the size is kept
        app.send("close")
        assert app.wait_exit(10) == 0
    finally:
        app.kill()
    # ... and where it is now is what the next start uses.
    after = _saved(data)
    assert 0 <= after["x"] < SCREEN[0] and 0 <= after["y"] < SCREEN[1], after
    assert (after["width"], after["height"]) == (640, 400)


def test_a_maximized_window_reopens_maximized(
    wm_display: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    app, _ = start_app(wm_display, tmp_path / "run1", data)
    try:
        window = app.wait_window(f"^{APP_TITLE}$")
        normal = wait_until(lambda: (box := app.geometry(window))["WIDTH"] and box)
        assert (normal["WIDTH"], normal["HEIGHT"]) == (800, 480), normal
        set_wm_state(wm_display, int(window), add=True, states=sorted(MAXIMIZED))
        wait_until(lambda: MAXIMIZED <= window_state(wm_display, window), 10)
        # The page has the maximized size too (the app saw the change).
        wait_until(lambda: app.call("state")["window_width"] * 16 > 1000, 10)
        app.request_close(window)  # the title bar's close button
        assert app.wait_exit(10) == 0
    finally:
        app.kill()
    saved = _saved(data)
    assert saved["maximized"] is True, saved
    # The normal size is kept, for when the user restores the window.
    assert (saved["width"], saved["height"]) == (800, 480), saved

    app, _ = start_app(wm_display, tmp_path / "run2", data)
    try:
        window = app.wait_window(f"^{APP_TITLE}$")
        wait_until(
            lambda: MAXIMIZED <= window_state(wm_display, window),
            10,
            lambda: f"not maximized: {window_state(wm_display, window)}",
        )
        assert app.geometry(window)["WIDTH"] == SCREEN[0]
        # Restored, it has its remembered normal size.
        set_wm_state(wm_display, int(window), add=False, states=sorted(MAXIMIZED))
        wait_until(
            lambda: (
                (
                    (box := app.geometry(window))["WIDTH"],
                    box["HEIGHT"],
                )
                == (800, 480)
            ),
            10,
            lambda: f"restored to {app.geometry(window)}",
        )
        app.request_close(window)
        assert app.wait_exit(10) == 0
    finally:
        app.kill()
    assert _saved(data)["maximized"] is False


# --- _NET_WM_STATE through Xlib (xdotool 3.2016 has no windowstate) ----------


class _XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _XClientMessageEvent), ("pad", ctypes.c_long * 24)]


def set_wm_state(
    display_name: str, window: int, *, add: bool, states: list[str]
) -> None:
    """Ask the window manager to add or remove (up to two) _NET_WM_STATE
    atoms of `window`, as a taskbar or pager does (EWMH)."""
    xlib = ctypes.CDLL("libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XSendEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_long,
        ctypes.POINTER(_XEvent),
    ]
    xlib.XFlush.argtypes = [ctypes.c_void_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = xlib.XOpenDisplay(display_name.encode())
    if not display:
        raise AssertionError(f"cannot open X display {display_name}")
    try:
        event = _XEvent()
        event.xclient.type = 33  # ClientMessage
        event.xclient.send_event = 1
        event.xclient.display = display
        event.xclient.window = window
        event.xclient.message_type = xlib.XInternAtom(display, b"_NET_WM_STATE", 0)
        event.xclient.format = 32
        event.xclient.data[0] = 1 if add else 0  # _NET_WM_STATE_ADD / _REMOVE
        for index, state in enumerate(states[:2], start=1):
            event.xclient.data[index] = xlib.XInternAtom(display, state.encode(), 0)
        event.xclient.data[3] = 2  # the request comes from a pager
        mask = (1 << 19) | (1 << 20)  # SubstructureNotify | SubstructureRedirect
        root = xlib.XDefaultRootWindow(display)
        xlib.XSendEvent(display, root, 0, mask, ctypes.byref(event))
        xlib.XFlush(display)
    finally:
        xlib.XCloseDisplay(display)

"""Window control at run time: the Session's window methods on a real Qt
window under Xvfb with the openbox window manager, checked against what the
X server says (the client area's geometry, _NET_WM_STATE, the active window)
and against what the page reports (`window_width`, `on_window_size_change`).

One app process (`window_lifecycle_app.py`, its editor not mounted) serves
the whole module; the tests run in order, each leaving the window normal.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from test_protocol import PageClient
from window_support import (
    WindowApp,
    active_window,
    client_geometry,
    frame_extents,
    start_app,
    wait_until,
    window_state,
    wm_display,  # noqa: F401  (fixture)
    xprop,
)

import rio_desktop as rio
from rio_desktop.server import AppServer

APP = Path(__file__).with_name("window_lifecycle_app.py")
TITLE = "^Lifecycle Test$"
PX = 16  # pixels per font-height
SCREEN = (1280, 800)
MAXIMIZED = {"_NET_WM_STATE_MAXIMIZED_VERT", "_NET_WM_STATE_MAXIMIZED_HORZ"}

pytestmark = pytest.mark.timeout(120)
in_window = pytest.mark.window


@pytest.fixture(scope="module")
def shown(
    wm_display: str,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict]:
    base = tmp_path_factory.mktemp("control")
    app, _ = start_app(
        wm_display, base / "run", base / "data", script=APP, RIO_TEST_GUARDED="0"
    )
    try:
        window = app.wait_window(TITLE)
        yield {"app": app, "window": window, "display": wm_display}
        app.send("close")
        assert app.wait_exit(10) == 0
    finally:
        app.kill()


def _page_size(app: WindowApp) -> tuple[float, float]:
    state = app.call("state")
    return state["window_width"], state["window_height"]


def _wait_page_size(app: WindowApp, width: float, height: float) -> None:
    """window_width/height, and the last on_window_size_change, reach it."""
    wait_until(
        lambda: _page_size(app) == pytest.approx((width, height), abs=0.07),
        message=lambda: _page_size(app),
    )
    changes = [e for e in app.events() if e["event"] == "size_change"]
    assert changes, "on_window_size_change never ran"
    last = changes[-1]
    assert (last["width"], last["height"]) == pytest.approx((width, height), abs=0.07)


def _wait_client(shown: dict, **expected: int) -> dict[str, int]:
    def matches() -> dict[str, int] | None:
        found = client_geometry(shown["display"], shown["window"])
        return found if all(found[k] == v for k, v in expected.items()) else None

    return wait_until(
        matches,
        message=lambda: (expected, client_geometry(shown["display"], shown["window"])),
    )


def _wait_state(
    shown: dict, has: set[str] = frozenset(), lacks: set[str] = frozenset()
):
    def matches() -> bool:
        state = window_state(shown["display"], shown["window"])
        return has <= state and not (lacks & state)

    wait_until(
        matches,
        message=lambda: (has, lacks, window_state(shown["display"], shown["window"])),
    )


@in_window
def test_size_and_minimum_size(shown: dict) -> None:
    app: WindowApp = shown["app"]
    app.call("set_window_size", args=[50, 30])
    _wait_client(shown, WIDTH=50 * PX, HEIGHT=30 * PX)
    _wait_page_size(app, 50, 30)

    # A minimum above the current size grows the window to it...
    app.call("set_window_min_size", args=[55, 35])
    _wait_client(shown, WIDTH=55 * PX, HEIGHT=35 * PX)
    _wait_page_size(app, 55, 35)
    # ...and the window manager is told the user cannot make it smaller.
    hints = xprop(shown["display"], "-id", shown["window"], "WM_NORMAL_HINTS")
    assert f"minimum size: {55 * PX} by {35 * PX}" in hints

    app.call("set_window_min_size", args=[10, 8])
    app.call("set_window_size", args=[40.5, 25.25])
    _wait_client(shown, WIDTH=648, HEIGHT=404)
    _wait_page_size(app, 40.5, 25.25)

    errors = [
        app.result(app.send("set_window_size", args=[-1, 30])),
        app.result(app.send("set_window_size", args=["wide", 30])),
        app.result(app.send("set_fullscreen", args=[1])),
    ]
    assert [e["error"].split(":")[0] for e in errors] == [
        "ValueError",
        "TypeError",
        "TypeError",
    ]


@in_window
def test_position_and_centre(shown: dict) -> None:
    app: WindowApp = shown["app"]
    left, _, top, _ = frame_extents(shown["display"], shown["window"])
    assert top > 0  # openbox draws a title bar
    # The position is the frame's top left corner.
    app.call("set_window_position", args=[2, 3])
    _wait_client(shown, X=2 * PX + left, Y=3 * PX + top)

    app.call("center_window")
    left, right, top, bottom = frame_extents(shown["display"], shown["window"])
    geometry = client_geometry(shown["display"], shown["window"])
    frame_width = geometry["WIDTH"] + left + right
    frame_height = geometry["HEIGHT"] + top + bottom
    _wait_client(
        shown,
        X=(SCREEN[0] - frame_width) // 2 + left,
        Y=(SCREEN[1] - frame_height) // 2 + top,
    )


@in_window
def test_maximize_and_restore(shown: dict) -> None:
    app: WindowApp = shown["app"]
    before = client_geometry(shown["display"], shown["window"])
    app.call("maximize_window")
    _wait_state(shown, has=MAXIMIZED)
    geometry = _wait_client(shown, WIDTH=SCREEN[0])
    assert geometry["HEIGHT"] > before["HEIGHT"]
    _wait_page_size(app, SCREEN[0] / PX, geometry["HEIGHT"] / PX)

    app.call("restore_window")
    _wait_state(shown, lacks=MAXIMIZED)
    _wait_client(shown, **before)
    _wait_page_size(app, before["WIDTH"] / PX, before["HEIGHT"] / PX)


@in_window
def test_fullscreen_on_and_off(shown: dict) -> None:
    app: WindowApp = shown["app"]
    before = client_geometry(shown["display"], shown["window"])
    app.call("set_fullscreen", args=[True])
    _wait_state(shown, has={"_NET_WM_STATE_FULLSCREEN"})
    _wait_client(shown, X=0, Y=0, WIDTH=SCREEN[0], HEIGHT=SCREEN[1])
    _wait_page_size(app, SCREEN[0] / PX, SCREEN[1] / PX)
    app.call("set_fullscreen", args=[True])  # already: nothing changes

    app.call("set_fullscreen", args=[False])
    _wait_state(shown, lacks={"_NET_WM_STATE_FULLSCREEN"})
    _wait_client(shown, **before)
    _wait_page_size(app, before["WIDTH"] / PX, before["HEIGHT"] / PX)


@in_window
def test_always_on_top(shown: dict) -> None:
    app: WindowApp = shown["app"]
    app.call("set_always_on_top", args=[True])
    _wait_state(shown, has={"_NET_WM_STATE_ABOVE"})
    app.call("set_always_on_top", args=[False])
    _wait_state(shown, lacks={"_NET_WM_STATE_ABOVE"})
    assert app.find_windows(TITLE) == [shown["window"]]  # the same X window


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
def test_minimize_then_focus_brings_it_back_over_another_app(
    shown: dict, tmp_path: Path
) -> None:
    app: WindowApp = shown["app"]
    display, window = shown["display"], shown["window"]
    app.call("minimize_window")
    _wait_state(shown, has={"_NET_WM_STATE_HIDDEN"})
    wait_until(lambda: active_window(display) != int(window))

    # Another app's window opens and takes the focus meanwhile.
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

        app.call("focus_window")
        _wait_state(shown, lacks={"_NET_WM_STATE_HIDDEN"})
        wait_until(
            lambda: active_window(display) == int(window),
            message=lambda: (active_window(display), window, other_window),
        )
    finally:
        other.kill()
        other.wait(5)


# --- as a website ------------------------------------------------------------------


class _Guarded(rio.Component):
    @rio.event.on_window_close_request
    def _asked(self) -> None:  # mounted as a website: nothing to hold back
        pass

    def build(self) -> rio.Component:
        return rio.Text("website")


async def test_as_a_website_the_window_methods_raise_window_only_error() -> None:
    server = AppServer(rio.App(build=_Guarded))
    await server.start("127.0.0.1", 0)
    http = aiohttp.ClientSession()
    try:
        client = PageClient(http, f"http://127.0.0.1:{server.port}/")
        await client.connect()
        for _ in range(100):
            if "website" in client.texts():
                break
            await client.receive_delta()
        (session,) = server.sessions
        calls = {
            "set_window_size": (40, 30),
            "set_window_min_size": (10, 10),
            "set_window_position": (0, 0),
            "center_window": (),
            "maximize_window": (),
            "minimize_window": (),
            "restore_window": (),
            "set_fullscreen": (True,),
            "set_always_on_top": (True,),
            "focus_window": (),
        }
        for name, args in calls.items():
            with pytest.raises(rio.WindowOnlyError, match=f"session.{name}"):
                await getattr(session, name)(*args)
        assert session.running_as_website
    finally:
        await http.close()
        await server.close()

"""Dark mode in the real Qt window: the window starts in the OS's scheme (no
white flash on a dark desktop), and follows a live switch of it.

"The OS" is a private D-Bus session bus with a stand-in for the desktop
portal's Settings interface (fake_desktop_portal.py), and Qt's GNOME platform
theme (QT_QPA_PLATFORMTHEME=gnome), which reads the colour scheme from the
portal and follows its SettingChanged signal, as on a GNOME desktop. What the
window shows is read from screenshots of the X server.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from window_support import (  # noqa: F401  (xvfb: a fixture)
    WindowApp,
    private_session_bus,
    wait_until,
    xvfb,
)
from window_view_app import DARK_BACKGROUND, LIGHT_BACKGROUND

pytestmark = [pytest.mark.timeout(120)]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP = HERE / "window_view_app.py"
PORTAL = HERE / "fake_desktop_portal.py"
DARK, LIGHT = 1, 2  # the portal's color-scheme values
WHITE = "#ffffff"


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    """A private D-Bus session bus; its address."""
    with private_session_bus(tmp_path) as address:
        yield address


class Portal:
    """The fake desktop portal: the colour scheme "the OS" prefers."""

    def __init__(self, bus: str, scheme: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(PORTAL), str(scheme)],
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def switch(self, scheme: int) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{scheme}\n")
        self.process.stdin.flush()
        assert self._line() == f"switched {scheme}"

    def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def portal(session_bus: str) -> Iterator[Portal]:
    started = Portal(session_bus, DARK)
    yield started
    started.stop()


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _near(color: str, expected: str) -> bool:
    return all(
        abs(a - b) <= 3 for a, b in zip(_rgb(color), _rgb(expected), strict=True)
    )


def pixel(display: str, x: int, y: int) -> str:
    """'#rrggbb' of the screen at (x, y)."""
    out = subprocess.run(
        ["import", "-window", "root", "-crop", f"1x1+{x}+{y}", "-depth", "8", "txt:-"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=True,
        timeout=20,
    ).stdout
    return "#" + out.split("#")[2][:6].lower()


def _corners(app: WindowApp, window: str) -> list[tuple[int, int]]:
    """Two points of the page's margin (inside the window, outside the text
    and the FilePickerArea)."""
    box = app.geometry(window)
    right, bottom = box["X"] + box["WIDTH"] - 6, box["Y"] + box["HEIGHT"] - 6
    return [(box["X"] + 6, box["Y"] + 6), (right, bottom)]


def _wait_background(
    app: WindowApp, window: str, expected: str, never: tuple[str, ...] = ()
) -> None:
    """Wait until the window's background is `expected`; fail if a screenshot
    meanwhile shows white, or a colour of `never`, there."""
    seen: list[str] = []

    def shows_expected() -> bool:
        colors = [pixel(app.display, x, y) for x, y in _corners(app, window)]
        seen.extend(colors)
        bad = [c for c in colors if any(_near(c, n) for n in (WHITE, *never))]
        assert not bad, f"the window showed {bad} (wanted {expected}): {seen}"
        return all(_near(c, expected) for c in colors)

    wait_until(shows_expected, 30, lambda: f"wanted {expected}, saw {seen[-6:]}")


@pytest.mark.window
def test_the_scheme_is_known_before_the_window_exists(
    xvfb: str,  # noqa: F811
    portal: Portal,
    session_bus: str,
) -> None:
    """Qt's GNOME theme learns the scheme from the portal asynchronously: just
    after the QApplication is made it is still unknown. The window's process
    waits for it (a few ms) before it creates the window."""
    script = textwrap.dedent(
        """
        import sys, time
        import webview.platforms.qt
        from qtpy.QtWidgets import QApplication
        from rio_desktop import _window_view

        app = QApplication(sys.argv)
        print(app.styleHints().colorScheme().name)
        started = time.perf_counter()
        print(_window_view.initial_background("#ffffff", "#102030", "qt"))
        print(round((time.perf_counter() - started) * 1000, 1))
        """
    )
    env = {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": session_bus,
        "DISPLAY": xvfb,
        "QT_QPA_PLATFORMTHEME": "gnome",
        "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox",
    }
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    for scheme, expected in ((DARK, "#102030"), (LIGHT, "#ffffff")):
        portal.switch(scheme)
        done = subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        lines = done.stdout.split()
        assert lines[:2] == ["Unknown", expected], done.stdout + done.stderr
        assert float(lines[2]) < 100, lines  # Qt had it before SCHEME_WAIT


@pytest.mark.window
def test_the_window_starts_dark_and_follows_the_os(
    xvfb: str,  # noqa: F811
    portal: Portal,
    session_bus: str,
    tmp_path: Path,
) -> None:
    app = WindowApp(
        xvfb,
        tmp_path / "run",
        tmp_path / "data",
        {
            "DBUS_SESSION_BUS_ADDRESS": session_bus,
            # Qt's GTK theme knows the scheme at once (from GTK's theme, dark
            # here), and follows the portal's changes.
            "QT_QPA_PLATFORMTHEME": "gtk3",
            "GTK_THEME": "Adwaita:dark",
            "RIO_TEST_HOLD": "1",
        },
        script=APP,
    )
    try:
        # 1. The window, before there is a page: the server is not listening
        # yet (on_app_start holds), so all there is is the window's own
        # background and the web view's.
        app.wait_for("held", at="go-app", timeout=60)
        window = app.wait_window("^Window View Test$", timeout=30)
        _wait_background(app, window, DARK_BACKGROUND, never=(LIGHT_BACKGROUND,))

        # 2. The page before the session has sent the theme (on_session_start
        # holds): index.html's own background rule, by prefers-color-scheme.
        (app.dir / "go-app").touch()
        before_theme = app.wait_for("page_before_theme", timeout=30)
        assert before_theme["body_background"] == "rgb(20, 40, 60)"  # #14283c
        _wait_background(app, window, DARK_BACKGROUND, never=(LIGHT_BACKGROUND,))

        # 3. The app, in its dark theme.
        (app.dir / "go-session").touch()
        started = app.wait_started()
        assert started["background"] == DARK_BACKGROUND.lstrip("#")
        _wait_background(app, window, DARK_BACKGROUND, never=(LIGHT_BACKGROUND,))
        assert "The app is here" in app.call("js", code="document.body.innerText")

        # 4. The OS switches to light, and back: the page's
        # prefers-color-scheme follows, the session re-themes.
        switched = time.monotonic()
        portal.switch(LIGHT)
        _wait_background(app, window, LIGHT_BACKGROUND)
        light_after = time.monotonic() - switched
        assert app.call("state") == {"background": LIGHT_BACKGROUND.lstrip("#")}
        dark_query = "matchMedia('(prefers-color-scheme: dark)').matches"
        assert app.call("js", code=dark_query) is False

        portal.switch(DARK)
        _wait_background(app, window, DARK_BACKGROUND)
        assert app.call("state") == {"background": DARK_BACKGROUND.lstrip("#")}
        print(f"live switch to light shown after {light_after:.2f} s")

        app.send("close")
        assert app.wait_exit(10) == 0
    finally:
        app.kill()


def test_the_page_paints_the_theme_before_the_session_sends_it(
    serve: Any, page: Any
) -> None:
    """In a browser too: index.html carries the themes' backgrounds, by
    prefers-color-scheme, for the paints before the session's theme arrives
    (here it never does: on_session_start holds)."""
    import rio_desktop as rio

    released = False

    async def hold(session: Any) -> None:
        while not released:
            await asyncio.sleep(0.02)

    light = rio.Theme.from_colors(background_color=rio.Color.from_hex(LIGHT_BACKGROUND))
    dark = rio.Theme.from_colors(
        background_color=rio.Color.from_hex(DARK_BACKGROUND), mode="dark"
    )
    server = serve(
        rio.App(build=rio.Spacer, theme=(light, dark), on_session_start=hold)
    )
    try:
        for scheme, expected in (
            ("dark", DARK_BACKGROUND),
            ("light", LIGHT_BACKGROUND),
        ):
            page.emulate_media(color_scheme=scheme)
            page.goto(server.url)
            page.wait_for_function("document.readyState === 'complete'")
            shown = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert shown == "rgb({}, {}, {})".format(*_rgb(expected)), scheme
    finally:
        released = True

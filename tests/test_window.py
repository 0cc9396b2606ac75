"""The desktop runtime in a real pywebview (Qt) window under Xvfb.

Each test drives `examples/window_features.py` in its own process: through
its remote control (the same Session calls its buttons make), through the X
server (xdotool, xclip, screenshots), and through plain HTTP.
"""

from __future__ import annotations

import asyncio
import json
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from window_support import (
    APP_TITLE,
    WindowApp,
    listening_port,
    start_app,
    unique_colors,
    wait_until,
    xvfb,  # noqa: F401  (fixture)
)

pytestmark = [pytest.mark.window, pytest.mark.timeout(90)]

OPEN_DIALOG = "^Open file$"
SAVE_DIALOG = "^Save file$"


@pytest.fixture(scope="module")
def shared(xvfb: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:  # noqa: F811
    """One app process for the tests that leave it running."""
    base = tmp_path_factory.mktemp("shared")
    app, started = start_app(xvfb, base / "run", base / "data")
    window = app.wait_window(f"^{APP_TITLE}$")
    yield {"app": app, "started": started, "window": window, "dir": base}
    app.send("close")
    try:
        app.wait_exit(10)
    finally:
        app.kill()


def _escape_dialogs(app: WindowApp) -> None:
    for name in (OPEN_DIALOG, SAVE_DIALOG):
        for dialog in app.find_windows(name):
            app.xdotool("windowfocus", dialog, check=False)
            app.xdotool("key", "Escape", check=False)


# --- it opens, renders, is the app's window ------------------------------------


def test_window_shows_the_app(shared: dict) -> None:
    app: WindowApp = shared["app"]
    assert shared["started"]["running_in_window"] is True
    assert app.window_name(shared["window"]) == APP_TITLE
    # A blank (or black) screen has 1-2 colours; rendered text has hundreds.
    # The session starts before the page paints its first delta: wait for it.
    deadline = time.monotonic() + 10
    while (colours := unique_colors(app.screenshot(shared["dir"] / "shot.png"))) < 50:
        assert time.monotonic() < deadline, f"the window stayed blank ({colours})"
        time.sleep(0.2)
    # The periodic handler runs and the size came from the real window.
    state = app.call("state")
    assert state["running_in_window"] is True
    assert state["window_width"] == pytest.approx(50, abs=0.5)  # width=None: 800 px
    assert state["window_height"] == pytest.approx(30, abs=0.5)  # height=30


def test_set_title_changes_the_x_window_title(shared: dict) -> None:
    app: WindowApp = shared["app"]
    app.call("set_title", title="Renamed by the session")
    deadline = time.monotonic() + 5
    while app.window_name(shared["window"]) != "Renamed by the session":
        assert time.monotonic() < deadline, app.window_name(shared["window"])
        time.sleep(0.05)
    app.call("set_title", title=APP_TITLE)


def test_website_only_attributes_raise_in_the_window(shared: dict) -> None:
    errors = shared["app"].call("website_only")
    for attribute in ("client_ip", "client_port", "base_url"):
        assert errors[attribute] is not None, attribute
        assert "running_as_website" in errors[attribute]


def test_timezone_and_languages_come_from_the_os(shared: dict) -> None:
    import tzlocal

    started = shared["started"]
    assert started["timezone"] == tzlocal.get_localzone_name()
    assert started["languages"] and "POSIX" not in " ".join(started["languages"])


# --- resize -------------------------------------------------------------------


def test_resizing_the_x_window_updates_window_width(shared: dict) -> None:
    app: WindowApp = shared["app"]
    before = app.call("state")
    app.xdotool("windowsize", shared["window"], "960", "640")
    deadline = time.monotonic() + 10
    while True:
        state = app.call("state")
        if state["window_width"] == pytest.approx(60, abs=0.5):
            break
        assert time.monotonic() < deadline, (before, state)
        time.sleep(0.1)
    assert state["window_height"] == pytest.approx(40, abs=0.5)
    app.xdotool("windowsize", shared["window"], "800", "480")


# --- clipboard ------------------------------------------------------------------


def test_clipboard_round_trip_with_xclip(shared: dict) -> None:
    """The app's clipboard and another X client's meet both ways.

    Setting a selection is asynchronous for its reader: xclip (the app's,
    through pyperclip, and ours) takes the selection in a request that reaches
    the X server only when its forked child flushes it, and the app's reader
    learns of a new owner when it next asks. So each side is polled until the
    value arrives, within a deadline; our xclip runs in the foreground
    (-quiet) as our own child, ended when done, not as a background owner
    left behind.
    """
    app: WindowApp = shared["app"]
    env = {"DISPLAY": app.display, "PATH": "/usr/bin:/bin"}
    app.call("set_clipboard", text="from the app: grüße")

    def pasted_by_xclip() -> str:
        pasted = subprocess.run(
            ["xclip", "-o", "-selection", "clipboard"],
            env=env,
            capture_output=True,
            timeout=10,
        )
        return pasted.stdout.decode(errors="replace")

    wait_until(
        lambda: pasted_by_xclip() == "from the app: grüße",
        message=lambda: f"xclip pastes {pasted_by_xclip()!r}",
    )

    owner = subprocess.Popen(
        ["xclip", "-i", "-quiet", "-selection", "clipboard"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        assert owner.stdin is not None
        owner.stdin.write(b"from another X client")
        owner.stdin.close()
        wait_until(
            lambda: app.call("get_clipboard") == "from another X client",
            message=lambda: (
                f"the app reads {app.call('get_clipboard')!r};"
                f" xclip {'running' if owner.poll() is None else owner.returncode}"
            ),
        )
    finally:
        owner.terminate()
        owner.wait(10)


# --- file dialogs ---------------------------------------------------------------


def test_pick_file_through_the_native_dialog(shared: dict, tmp_path: Path) -> None:
    app: WindowApp = shared["app"]
    chosen = tmp_path / "report.txt"
    chosen.write_text("contents of the picked file")
    (tmp_path / "other.bin").write_bytes(b"\0")
    command = app.send("pick_file", file_types=["txt", "application/pdf"])
    try:
        dialog = app.wait_window(OPEN_DIALOG)
        # While the dialog is open the event loop keeps running: commands are
        # answered and the periodic handler keeps counting.
        first = app.call("state")["ticks"]
        wait_until(
            lambda: app.call("state")["ticks"] >= first + 3,
            message=lambda: f"ticks stayed near {first}: {app.call('state')}",
        )
        assert not [e for e in app.events() if e.get("id") == command]
        app.type_into_dialog(dialog, str(chosen), "Return")
        answer = app.result(command)
    finally:
        _escape_dialogs(app)
    assert answer["ok"], answer
    assert answer["value"] == {
        "name": "report.txt",
        "path": str(chosen),
        "size": len("contents of the picked file"),
        "media_type": "text/plain",
        "text": "contents of the picked file",
    }


def test_cancelled_pick_file_raises_no_file_selected(shared: dict) -> None:
    app: WindowApp = shared["app"]
    command = app.send("pick_file")
    try:
        dialog = app.wait_window(OPEN_DIALOG)
        app.type_into_dialog(dialog, None, "Escape")
        answer = app.result(command)
    finally:
        _escape_dialogs(app)
    assert answer["ok"] is False
    assert answer["error"].startswith("NoFileSelectedError")


def test_save_file_writes_where_the_user_chose(shared: dict, tmp_path: Path) -> None:
    app: WindowApp = shared["app"]
    # The proposed name in the proposed folder: just confirm.
    command = app.send(
        "save_file",
        contents="saved text\n",
        file_name="out.txt",
        directory=str(tmp_path),
    )
    try:
        dialog = app.wait_window(SAVE_DIALOG)
        app.type_into_dialog(dialog, None, "Return")
        assert app.result(command)["ok"]
    finally:
        _escape_dialogs(app)
    assert (tmp_path / "out.txt").read_text() == "saved text\n"

    # A path typed by the user, bytes contents.
    typed = tmp_path / "sub" / "typed.bin"
    typed.parent.mkdir()
    command = app.send(
        "save_file",
        contents="bytes ünd more",
        as_bytes=True,
        file_name="ignored.bin",
        directory=str(tmp_path),
    )
    try:
        dialog = app.wait_window(SAVE_DIALOG)
        app.type_into_dialog(dialog, str(typed), "Return")
        assert app.result(command)["ok"]
    finally:
        _escape_dialogs(app)
    assert typed.read_bytes() == "bytes ünd more".encode()
    assert not (tmp_path / "ignored.bin").exists()


def test_cancelled_save_file_writes_nothing(shared: dict, tmp_path: Path) -> None:
    app: WindowApp = shared["app"]
    command = app.send(
        "save_file", contents="x", file_name="never.txt", directory=str(tmp_path)
    )
    try:
        dialog = app.wait_window(SAVE_DIALOG)
        app.type_into_dialog(dialog, None, "Escape")
        answer = app.result(command)
    finally:
        _escape_dialogs(app)
    assert answer["ok"], answer
    assert list(tmp_path.iterdir()) == []


# --- security -------------------------------------------------------------------


def _http(coro):  # run one aiohttp client coroutine
    return asyncio.run(coro)


def test_the_server_refuses_requests_without_the_secret(shared: dict) -> None:
    app: WindowApp = shared["app"]
    port = listening_port(app.process.pid)
    base = f"http://127.0.0.1:{port}"

    async def probe() -> dict[str, int]:
        statuses = {}
        async with aiohttp.ClientSession() as client:
            for path in (
                "/",
                "/some/page",
                "/rio-desktop/static/app.js",
                "/rio-desktop/assets/logo.png",
                "/rio-desktop/ws?token=x",
                "/?secret=wrong",
            ):
                async with client.get(base + path, allow_redirects=False) as response:
                    statuses[path] = response.status
            try:
                async with client.ws_connect(
                    base + "/rio-desktop/ws?token=x", origin=base
                ):
                    statuses["websocket"] = 101
            except aiohttp.WSServerHandshakeError as error:
                statuses["websocket"] = error.status
        return statuses

    statuses = _http(probe())
    assert set(statuses.values()) == {403}, statuses


def test_host_and_origin_are_checked_and_only_the_window_is_a_window(
    shared: dict,
) -> None:
    app: WindowApp = shared["app"]
    port = listening_port(app.process.pid)
    base = f"http://127.0.0.1:{port}"
    # The window's own requests carry the secret (as a cookie, after the
    # first URL): take it from there, as if it had leaked.
    secret = app.call("cookies")["rio_desktop_secret"]
    cookies = {"rio_desktop_secret": secret}

    async def probe() -> dict[str, object]:
        seen: dict[str, object] = {}
        async with aiohttp.ClientSession(cookies=cookies) as client:
            async with client.get(base + "/") as response:
                seen["right host"] = response.status
                page = await response.text()
            for host in (f"localhost:{port}", f"evil.example:{port}", "127.0.0.1"):
                async with client.get(base + "/", headers={"Host": host}) as response:
                    seen[f"host {host}"] = response.status
            token = json.loads(
                re.search(r'id="rio-config"[^>]*>(.*?)</script>', page).group(1)
            )["token"]
            ws_url = f"{base}/rio-desktop/ws?token={token}"
            for origin in ("http://evil.example", f"http://localhost:{port}", None):
                try:
                    async with client.ws_connect(ws_url, origin=origin):
                        seen[f"origin {origin}"] = 101
                except aiohttp.WSServerHandshakeError as error:
                    seen[f"origin {origin}"] = error.status
            # The right origin: a session, but a browser's, not the window's.
            async with client.ws_connect(ws_url, origin=base) as ws:
                seen["right origin"] = 101
                await ws.send_json(
                    {
                        "type": "hello",
                        "timezone": "UTC",
                        "languages": ["en"],
                        "width": 40,
                        "height": 30,
                        "pixel_ratio": 1,
                        "prefers_dark": False,
                        "url": base + "/",
                        "user_settings": {},
                    }
                )
                seen["first message"] = (await ws.receive_json(timeout=10))["type"]
        return seen

    seen = _http(probe())
    assert seen.pop("right host") == 200
    assert seen.pop("right origin") == 101
    assert seen.pop("first message") in ("theme", "delta")
    assert set(seen.values()) == {403}, seen
    sessions = [e for e in app.events() if e["event"] == "session_start"]
    assert [s["running_in_window"] for s in sessions] == [True, False]


# --- lifecycle, settings, geometry ----------------------------------------------


def test_closing_the_window_exits_cleanly_and_restart_restores(
    xvfb: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    app, started = start_app(xvfb, tmp_path / "first", data)
    try:
        assert started["clicks"] == 0
        window = app.wait_window(f"^{APP_TITLE}$")
        assert app.call("click") == 1
        assert app.call("click") == 2
        # Moved, then resized: once the page has the new width the window has
        # handled both (its X events arrive in order), so it knows where it is.
        app.xdotool("windowmove", window, "50", "70")
        app.xdotool("windowsize", window, "900", "560")
        wait_until(
            lambda: app.call("state")["window_width"] == pytest.approx(56.25),
            message=lambda: app.call("state"),
        )
        moved = app.geometry(window)
        app.request_close(window)
        closed_at = time.monotonic()
        assert app.wait_exit(10) == 0
        assert time.monotonic() - closed_at < 2.0
    finally:
        app.kill()
    names = [e["event"] for e in app.events()]
    assert names.index("session_close") < names.index("app_close") < names.index("exit")
    leftover = app.wait_for("exit")["threads"]
    assert not [t for t in leftover if t.startswith(("rio-desktop", "asyncio"))]
    settings = json.loads((data / "settings.json").read_text())
    assert settings["Settings"]["clicks"] == 2

    again, started = start_app(xvfb, tmp_path / "second", data)
    try:
        assert started["clicks"] == 2  # loaded from settings.json
        window = again.wait_window(f"^{APP_TITLE}$")
        restored = again.geometry(window)
        assert (restored["WIDTH"], restored["HEIGHT"]) == (900, 560)
        assert (restored["X"], restored["Y"]) == (moved["X"], moved["Y"])
        again.send("close")
        assert again.wait_exit(10) == 0
    finally:
        again.kill()


def _stored_settings(data: Path) -> Any:
    """The "Settings" section of data/settings.json; None while it is not
    valid JSON (the corrupt file, before the app replaces it)."""
    try:
        return json.loads((data / "settings.json").read_text())["Settings"]
    except (OSError, ValueError, KeyError):
        return None


def test_a_corrupt_settings_file_is_kept_aside(xvfb: str, tmp_path: Path) -> None:  # noqa: F811
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text("{not json")
    app, started = start_app(xvfb, tmp_path / "run", data)
    try:
        assert started["clicks"] == 0
        assert app.call("click") == 1
        # Written soon after the change (atomically: never half a file).
        wait_until(
            lambda: _stored_settings(data) == {"clicks": 1, "note": ""},
            message=lambda: (data / "settings.json").read_text(),
        )
        assert (data / "settings.json.bak").read_text() == "{not json"
        assert "corrupt" in app.output()
        app.send("close")
        assert app.wait_exit(10) == 0
    finally:
        app.kill()


@pytest.mark.parametrize("how", ["ctrl+c", "session.close"])
def test_closing_with_a_dialog_open_exits_0(
    xvfb: str,  # noqa: F811
    tmp_path: Path,
    how: str,
) -> None:
    app, _ = start_app(xvfb, tmp_path / "run", tmp_path / "data")
    try:
        app.send("pick_file")
        app.wait_window(OPEN_DIALOG)
        if how == "ctrl+c":
            app.process.send_signal(signal.SIGINT)
        else:
            app.send("close")
        closed_at = time.monotonic()
        assert app.wait_exit(10) == 0
        assert time.monotonic() - closed_at < 2.0
    finally:
        app.kill()
    names = [e["event"] for e in app.events()]
    assert "session_close" in names and "app_close" in names and "exit" in names

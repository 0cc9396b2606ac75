"""Several windows of one app (`session.open_window`): real Qt windows under
Xvfb, each its own session in one window process; closing one (the title
bar's button, `session.close()`) leaves the others; the last one ends the
app. Also: geometry remembered under the page's path, the close veto per
window, which websocket gets which window's host, and the website's side.

One app process (`window_several_app.py`) serves the real-window tests; they
run in order, each leaving the main window open and only it.
"""

from __future__ import annotations

import io
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from test_protocol import HELLO, PageClient
from test_window_theme import DARK, LIGHT, Portal, _wait_background, session_bus  # noqa: F401
from window_several_app import DARK_BACKGROUND, LIGHT_BACKGROUND
from window_support import (
    WindowApp,
    client_geometry,
    send_wm_delete,
    start_app,
    wait_until,
    xvfb,  # noqa: F401  (fixture)
)

import rio_desktop as rio
from rio_desktop.desktop import WINDOW_COOKIE, WINDOW_QUERY, _WindowRuntime
from rio_desktop.server import AppServer
from rio_desktop.window_process import _Channel, _GeometryStore

APP = Path(__file__).with_name("window_several_app.py")
MAIN = "^Several Main$"
PX = 16  # pixels per font-height

pytestmark = pytest.mark.timeout(120)
in_window = pytest.mark.window


@pytest.fixture(scope="module")
def several(
    xvfb: str,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict]:
    base = tmp_path_factory.mktemp("several")
    app, started = start_app(xvfb, base / "run", base / "data", script=APP)
    try:
        main = app.wait_window(MAIN)
        yield {"app": app, "main": main, "data": base / "data", "first": started}
    finally:
        app.kill()


def _text(app: WindowApp, window: int) -> str:
    answer = app.result(
        app.send("js", window=window, code="document.body.innerText"), timeout=15
    )
    assert answer["ok"], answer["error"]
    return answer["value"] or ""


def _wait_text(app: WindowApp, window: int, text: str) -> None:
    wait_until(
        lambda: text in _text(app, window),
        message=lambda: f"{text!r} not in window {window}: {_text(app, window)!r}",
    )


def _call(app: WindowApp, cmd: str, window: int = 0, **args: object) -> object:
    answer = app.result(app.send(cmd, window=window, **args), timeout=20)
    assert answer["ok"], answer["error"]
    return answer["value"]


def _starts(app: WindowApp) -> list[dict]:
    return [e for e in app.events() if e["event"] == "session_start"]


def _closes(app: WindowApp) -> list[dict]:
    return [e for e in app.events() if e["event"] == "session_close"]


def _new_window(app: WindowApp, before: int) -> dict:
    """The session_start of the next window (the first after `before` starts)."""
    return wait_until(
        lambda: len(starts := _starts(app)) > before and starts[before],
        20,
        lambda: (_starts(app), app.output()[-2000:]),
    )


def _saved(data: Path) -> dict:
    return json.loads((data / "window.json").read_text("utf-8"))["windows"]


@in_window
def test_a_button_opens_a_second_window_with_a_session_of_its_own(
    several: dict,
) -> None:
    app: WindowApp = several["app"]
    first = several["first"]
    assert first["window"] == 0 and first["path"] == "/" and first["running_in_window"]

    click_button_in(app, 0, several["main"], "Open settings")
    started = _new_window(app, 1)
    assert started["running_in_window"] is True
    assert started["path"] == "/settings"
    assert started["window"] == 1
    assert started["session"] != first["session"]
    settings = app.wait_window("^Settings$")
    assert settings != several["main"]
    # Its size is the one asked for (none was saved for /settings).
    box = client_geometry(app.display, settings)
    assert (box["WIDTH"], box["HEIGHT"]) == (30 * PX, 20 * PX), box

    # Each window is its own page and session: a click changes only its own.
    _wait_text(app, 1, "Settings clicks: 0")
    click_button_in(app, 1, settings, "Bump")
    _wait_text(app, 1, "Settings clicks: 1")
    click_button_in(app, 0, several["main"], "Count")
    _wait_text(app, 0, "Main clicks: 1")
    click_button_in(app, 0, several["main"], "Count")
    _wait_text(app, 0, "Main clicks: 2")
    assert "Settings clicks: 1" in _text(app, 1)
    assert "Main clicks" not in _text(app, 1)
    several["settings"] = settings


def click_button_in(app: WindowApp, window_id: int, window: str, label: str) -> None:
    """`click_button` for the window with this id (its page is asked where
    the button is)."""
    code = f"""(() => {{
      const el = [...document.querySelectorAll("button")].find(
        (b) => b.getAttribute("aria-label") === {json.dumps(label)}
          && b.getClientRects().length > 0);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
    }})()"""
    centre = wait_until(
        lambda: _call(app, "js", window_id, code=code),
        message=f"no {label!r} button in window {window_id}",
    )
    # The windows overlap (no window manager places them): this one on top.
    app.xdotool("windowraise", window)
    app.xdotool("mousemove", "--window", window, str(centre[0]), str(centre[1]))
    app.xdotool("click", "1")


@in_window
def test_a_reloaded_second_window_is_still_that_window(several: dict) -> None:
    app: WindowApp = several["app"]
    before = len(_starts(app))
    # No await: the page goes away while the call returns.
    app.send("js", window=1, code="setTimeout(() => location.reload(), 50); 1")
    started = _new_window(app, before)
    # The page kept its window's token (sessionStorage): a window session
    # again, of window 1, not a browser's.
    assert started["running_in_window"] is True
    assert started["window"] == 1
    assert started["path"] == "/settings"
    _wait_text(app, 1, "Settings clicks: 0")


@in_window
def test_the_user_closing_the_second_window_ends_its_session_only(
    several: dict,
) -> None:
    app: WindowApp = several["app"]
    settings_sessions = {e["session"] for e in _starts(app) if e["window"] == 1}
    send_wm_delete(app.display, int(several["settings"]))
    wait_until(lambda: not app.find_windows("^Settings$"), 10, "it did not close")
    wait_until(
        lambda: settings_sessions <= {e["session"] for e in _closes(app)},
        10,
        lambda: (settings_sessions, _closes(app)),
    )
    # Only its sessions ended, and the main window's close handler never ran.
    assert {e["window"] for e in _closes(app)} == {1}
    assert not [e for e in app.events() if e["event"] == "close_request"]
    # The first window goes on.
    assert app.process.poll() is None
    click_button_in(app, 0, several["main"], "Count")
    _wait_text(app, 0, "Main clicks: 3")
    # Its geometry is kept under its page's path.
    saved = wait_until(lambda: _saved(several["data"]).get("/settings"))
    assert (saved["width"], saved["height"]) == (30 * PX, 20 * PX), saved


@in_window
def test_a_close_veto_holds_back_only_its_own_window(several: dict) -> None:
    app: WindowApp = several["app"]
    before = len(_starts(app))
    _call(app, "open_window", url="settings?guarded=1", kwargs={"title": "Guarded"})
    started = _new_window(app, before)
    assert started["window"] == 2 and started["path"] == "/settings"
    guarded = app.wait_window("^Guarded$")
    _wait_text(app, 2, "Closing settings asks first.")

    send_wm_delete(app.display, int(guarded))
    request = app.wait_for("close_request")
    # Window 2's handler ran, not the main window's (it has one too).
    assert (request["page"], request["window"]) == ("settings", 2)
    wait_until(lambda: not app.find_windows("^Guarded$"), 10, "it did not close")
    app.wait_for("session_close", session=started["session"])
    requests = [e for e in app.events() if e["event"] == "close_request"]
    assert [(e["page"], e["window"]) for e in requests] == [("settings", 2)]
    assert app.process.poll() is None
    _wait_text(app, 0, "Main clicks: 3")


@in_window
def test_session_close_closes_its_window_and_the_geometry_is_remembered(
    several: dict,
) -> None:
    app: WindowApp = several["app"]
    before = len(_starts(app))
    click_button_in(app, 0, several["main"], "Open settings")
    started = _new_window(app, before)
    window_id = started["window"]
    assert window_id == 3  # ids are never reused
    settings = app.wait_window("^Settings$")
    _call(app, "set_window_size", window_id, args=[40, 25])
    wait_until(
        lambda: (
            (
                (box := client_geometry(app.display, settings))["WIDTH"],
                box["HEIGHT"],
            )
            == (40 * PX, 25 * PX)
        ),
        10,
        lambda: client_geometry(app.display, settings),
    )

    click_button_in(app, window_id, settings, "Close me")  # session.close()
    wait_until(lambda: not app.find_windows("^Settings$"), 10, "it did not close")
    app.wait_for("session_close", session=started["session"])
    assert app.process.poll() is None
    _wait_text(app, 0, "Main clicks: 3")
    wait_until(
        lambda: (
            (
                (saved := _saved(several["data"])["/settings"])["width"],
                saved["height"],
            )
            == (40 * PX, 25 * PX)
        ),
        10,
        lambda: _saved(several["data"]),
    )

    # Opened again for /settings: the remembered size, not the one asked for.
    before = len(_starts(app))
    click_button_in(app, 0, several["main"], "Open settings")
    started = _new_window(app, before)
    assert started["window"] == 4
    settings = app.wait_window("^Settings$")
    wait_until(
        lambda: (
            (
                (box := client_geometry(app.display, settings))["WIDTH"],
                box["HEIGHT"],
            )
            == (40 * PX, 25 * PX)
        ),
        10,
        lambda: client_geometry(app.display, settings),
    )
    _call(app, "close", 4)
    wait_until(lambda: not app.find_windows("^Settings$"), 10, "it did not close")
    app.wait_for("session_close", session=started["session"])


@in_window
def test_open_window_refuses_another_site(several: dict) -> None:
    app: WindowApp = several["app"]
    for url in ("https://example.com/settings", "//example.com/x"):
        answer = app.result(app.send("open_window", url=url), timeout=15)
        assert not answer["ok"]
        assert answer["error"].startswith("ValueError: open_window shows a page")
    assert len(app.find_windows(".")) >= 1
    assert not app.find_windows("^Settings$")


@in_window
def test_closing_the_last_window_ends_the_app(several: dict) -> None:
    app: WindowApp = several["app"]
    send_wm_delete(app.display, int(several["main"]))
    # The main page has a close handler: it ran (and closed its window).
    request = app.wait_for("close_request", page="main")
    assert request["window"] == 0
    assert app.wait_exit(15) == 0
    names = [e["event"] for e in app.events()]
    assert names[-3:] == ["session_close", "app_close", "exit"], names
    started = {e["session"] for e in _starts(app)}
    assert started == {e["session"] for e in _closes(app)}


@in_window
def test_each_window_opens_in_the_os_scheme_and_follows_it(
    xvfb: str,  # noqa: F811
    session_bus: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    portal = Portal(session_bus, DARK)
    app = WindowApp(
        xvfb,
        tmp_path / "run",
        tmp_path / "data",
        {
            "DBUS_SESSION_BUS_ADDRESS": session_bus,
            "QT_QPA_PLATFORMTHEME": "gtk3",  # follows the portal (test_window_theme)
            "GTK_THEME": "Adwaita:dark",
            "RIO_TEST_THEMES": "1",
        },
        script=APP,
    )
    try:
        main = app.wait_window(MAIN, timeout=30)
        app.wait_started()
        _wait_background(app, main, DARK_BACKGROUND, never=(LIGHT_BACKGROUND,))
        # A later window: dark from its first paint (no white, no light).
        _call(
            app,
            "open_window",
            url="/settings",
            kwargs={"title": "Themed", "width": 30, "height": 20},
        )
        second = app.wait_window("^Themed$")
        _wait_background(app, second, DARK_BACKGROUND, never=(LIGHT_BACKGROUND,))

        # (A switch before app.js listens for it would be missed: the page's
        # own race, not the window's.)
        _wait_text(app, 1, "Settings clicks: 0")
        portal.switch(LIGHT)  # both windows follow
        _wait_background(app, second, LIGHT_BACKGROUND)
        _wait_background(app, main, LIGHT_BACKGROUND)

        # A switch after a window closed: the others follow, nothing breaks.
        send_wm_delete(app.display, int(second))
        wait_until(lambda: not app.find_windows("^Themed$"), 10, "it did not close")
        app.wait_for("session_close", window=1)
        portal.switch(DARK)
        _wait_background(app, main, DARK_BACKGROUND)
        assert app.process.poll() is None
        _wait_text(app, 0, "Main clicks: 0")
        _call(app, "close")
        assert app.wait_exit(10) == 0
    finally:
        app.kill()
        portal.stop()


# --- as a website --------------------------------------------------------------------


class _Opener(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("website")


async def test_as_a_website_open_window_raises_window_only_error() -> None:
    server = AppServer(rio.App(build=_Opener))
    await server.start("127.0.0.1", 0)
    http = aiohttp.ClientSession()
    try:
        client = PageClient(http, f"http://127.0.0.1:{server.port}/")
        await client.connect()
        (session,) = server.sessions
        with pytest.raises(rio.WindowOnlyError, match=r"session.open_window\(\)"):
            await session.open_window("/settings", title="Settings")
        # Another site is refused before anything else.
        with pytest.raises(ValueError, match="another origin"):
            await session.open_window("https://example.com/")
        with pytest.raises(TypeError, match="font-heights"):
            await session.open_window("/x", width="wide")  # type: ignore[arg-type]
    finally:
        await http.close()
        await server.close()


# --- which websocket gets which window's host ------------------------------------


class _FakeHandle:
    def __init__(self, window_id: int) -> None:
        self.id = window_id


class _FakeProcess:
    """Stands in for the window process: only the handles are used."""

    def window(self, window_id: int) -> _FakeHandle:
        return _FakeHandle(window_id)


async def test_only_a_page_of_our_window_engine_gets_its_window_s_host() -> None:
    runtime = _WindowRuntime(rio.App(build=lambda: rio.Text("x")))
    runtime.window = _FakeProcess()  # type: ignore[assignment]
    runtime._window_tokens[1] = "token-of-window-1-" + "x" * 20
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    port = await runtime._start_server(sock)
    server = runtime.server
    assert server is not None
    base = f"http://127.0.0.1:{port}/"
    secret, zero, one = (
        runtime.secret,
        runtime._window_tokens[0],
        runtime._window_tokens[1],
    )

    async def host_of(
        jar: aiohttp.CookieJar, first_url: str, window_token: str | None
    ) -> object:
        """Load the page as `first_url`, connect with this hello; the new
        session's host."""
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            page = await (await http.get(first_url)).text()
            config = page.split('id="rio-config" type="application/json">')[1]
            token = json.loads(config.split("</script>")[0])["token"]
            before = set(map(id, server.sessions))
            ws = await http.ws_connect(
                f"{base}rio-desktop/ws?token={token}",
                headers={"Origin": f"http://127.0.0.1:{port}"},
            )
            hello = dict(HELLO)
            if window_token is not None:
                hello["window_token"] = window_token
            await ws.send_json(hello)
            await ws.receive_json(timeout=5)
            (session,) = [s for s in server.sessions if id(s) not in before]
            await ws.close()
            return session.host

    def window_of(host: object) -> int | None:
        return host.window.id if host.running_in_window else None  # type: ignore[attr-defined]

    try:
        engine = aiohttp.CookieJar(unsafe=True)  # unsafe: cookies of an IP
        # Each window's first URL: the engine's cookie, and the host of the
        # window whose token the page sends.
        first = f"{base}?secret={secret}&{WINDOW_QUERY}={zero}"
        assert window_of(await host_of(engine, first, zero)) == 0
        assert window_of(await host_of(engine, first, one)) == 1
        # With the cookie: no token, or a wrong one, is a browser.
        assert window_of(await host_of(engine, f"{base}", None)) is None
        assert window_of(await host_of(engine, f"{base}", zero[:-1] + "?")) is None
        assert window_of(await host_of(engine, f"{base}", "")) is None

        # A browser with the secret and a window's token, but not the
        # engine's cookie, is a browser.
        browser = aiohttp.CookieJar(unsafe=True)
        assert window_of(await host_of(browser, f"{base}?secret={secret}", one)) is None
        assert WINDOW_COOKIE not in {c.key for c in browser}
        # A wrong window token in the first URL gets no engine cookie.
        wrong = f"{base}?secret={secret}&{WINDOW_QUERY}=guessed"
        assert window_of(await host_of(browser, wrong, one)) is None
        assert WINDOW_COOKIE not in {c.key for c in browser}
        # A closed window's token gives nothing, even to the engine.
        runtime._window_tokens.pop(1)
        assert window_of(await host_of(engine, f"{base}", one)) is None
    finally:
        await server.close()
        sock.close()


# --- the window process's side, with stand-in windows ----------------------------


class _Window:
    def __init__(self) -> None:
        self.focused = threading.Event()
        self.destroyed = threading.Event()
        self.native = None

    def show(self) -> None:
        self.focused.set()

    def restore(self) -> None:
        pass

    def destroy(self) -> None:
        self.destroyed.set()


def _lines(replies: io.BytesIO) -> list[dict]:
    return [json.loads(line) for line in replies.getvalue().splitlines()]


def test_requests_reach_their_own_window_and_ids_are_never_reused() -> None:
    replies = io.BytesIO()
    opened: list[tuple] = []
    channel = _Channel(replies)

    def opener(window_id: int, url: str, title: str, width, height) -> None:
        opened.append((window_id, url, title, width, height))
        channel.add(window_id, _Window())

    channel.opener = opener
    first = channel.add(0, _Window())
    requests = [
        {
            "id": 1,
            "method": "open_window",
            "window": 1,
            "kwargs": {"url": "u", "title": "T", "width": 300, "height": 200},
        },
        {
            "id": 2,
            "method": "open_window",
            "window": 1,
            "kwargs": {"url": "u", "title": "T"},
        },
        {"id": 3, "method": "set_close_veto", "args": [True], "window": 1},
        {"id": 4, "method": "set_title", "args": ["x"], "window": 7},
        {"id": 5, "method": "destroy", "window": 1},
    ]
    data = b"".join(json.dumps(r).encode() + b"\n" for r in requests)
    channel.serve(io.BytesIO(data))
    wait_until(lambda: len([r for r in _lines(replies) if "id" in r]) == 5, 5)
    answers = {r["id"]: r for r in _lines(replies) if "id" in r}
    assert answers[1] == {"id": 1, "ok": True, "value": 1, "window": 1}
    assert opened == [(1, "u", "T", 300, 200)]
    assert not answers[2]["ok"] and "used already" in answers[2]["error"]
    assert answers[3]["ok"] and answers[3]["window"] == 1
    assert not answers[4]["ok"] and "no window 7" in answers[4]["error"]
    second = channel.slots[1]
    # The veto was window 1's only; its destroy (and the pipe's end) forced it.
    assert first.guard.veto is False and second.guard.veto is True
    assert second.window.destroyed.is_set() and first.window.destroyed.is_set()


def test_the_window_used_last_is_the_one_focused() -> None:
    channel = _Channel(io.BytesIO())
    windows = [_Window(), _Window(), _Window()]
    for window_id, window in enumerate(windows):
        channel.add(window_id, window)
    channel.activated(1)
    assert channel._process_method("focus_recent", None, {}) == 1
    assert windows[1].focused.is_set() and not windows[2].focused.is_set()
    channel.closed(channel.slots[1])
    # Closed: the newest one left counts as the last used.
    assert channel._process_method("focus_recent", None, {}) == 2


def test_window_json_of_one_window_is_read_as_the_first_window_s(
    tmp_path: Path,
) -> None:
    path = tmp_path / "window.json"
    path.write_text(json.dumps({"width": 640, "height": 400, "x": 5, "y": 6}))
    store = _GeometryStore(path, first_key="/")
    geometry = store.geometry("/")
    assert (geometry.width, geometry.height, geometry.x, geometry.y) == (640, 400, 5, 6)
    assert not store.geometry("/settings").loaded
    assert store.geometry("/settings").initial_size(300, 200) == (300, 200)

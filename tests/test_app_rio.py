"""App as in Rio 0.12.3: every parameter accepted and honoured, default
attachments shared, the page's <head>, the websocket heartbeat, the
connection-lost component, base_url, run_in_browser and as_fastapi."""

from __future__ import annotations

import asyncio
import inspect
import json
import threading
import webbrowser

import aiohttp
import pytest
from test_protocol import HELLO

import rio_desktop as rio
from rio_desktop.server import AppServer, serve_forever
from rio_desktop.testing import run

#: inspect.signature of Rio 0.12.3's App and its entry points (keyword names).
RIO_PARAMETERS = {
    "__init__": [
        "build",
        "name",
        "description",
        "icon",
        "pages",
        "on_app_start",
        "on_app_close",
        "on_session_start",
        "on_session_close",
        "default_attachments",
        "ping_pong_interval",
        "assets_dir",
        "theme",
        "build_connection_lost_message",
        "meta_tags",
    ],
    "run_as_web_server": ["host", "port", "quiet", "base_url"],
    "run_in_browser": ["host", "port", "quiet"],
    "run_in_window": ["quiet", "maximized", "fullscreen", "width", "height", "backend"],
    "as_fastapi": ["base_url"],
}


def test_every_rio_parameter_is_accepted():
    for method, names in RIO_PARAMETERS.items():
        ours = inspect.signature(getattr(rio.App, method)).parameters
        assert [n for n in names if n not in ours] == [], method
    web = inspect.signature(rio.App.run_as_web_server).parameters
    assert (web["host"].default, web["port"].default) == ("localhost", 8000)
    assert inspect.signature(rio.App.run_in_window).parameters["quiet"].default


class Label(rio.Component):
    text: str = "hello"

    def build(self) -> rio.Component:
        return rio.Text(self.text)


class Pool:
    """Something sessions share and cannot copy: it holds a lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()


class Prefs(rio.UserSettings):
    volume: int = 3


class PoolUser(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text(f"pool {id(self.session[Pool])}")


async def test_default_attachments_are_shared_but_user_settings_are_not():
    """A lock-holding attachment no longer stops sessions from starting: the
    sessions share it (as in Rio); each gets its own copy of UserSettings."""
    pool, prefs = Pool(), Prefs()
    app = rio.App(build=PoolUser, default_attachments=[pool])
    app.add_default_attachment(prefs)
    assert app[Pool] is pool and app[Prefs] is prefs
    seen = []
    for _ in range(2):
        async with run(app) as client:
            await client.wait_for_text(f"pool {id(pool)}")
            seen.append(client.session[Prefs])
            assert client.session[Pool] is pool
    assert seen[0] is not prefs and seen[1] is not prefs and seen[0] is not seen[1]
    with pytest.raises(TypeError, match=r"did you mean Pool\(\)"):
        app.add_default_attachment(Pool)
    with pytest.raises(TypeError, match="not classes"):
        rio.App(build=Label, default_attachments=[Pool])


def test_as_fastapi_names_the_aiohttp_alternative():
    with pytest.raises(NotImplementedError) as raised:
        rio.App(build=Label).as_fastapi()
    message = str(raised.value)
    assert "as_aiohttp_app()" in message
    assert "aiohttp.GunicornWebWorker" in message


def test_default_theme_and_name_are_rios():
    """No theme: Rio's light theme, not a pair following the OS. No name: the
    calling file's name in words."""
    app = rio.App(build=Label)
    assert isinstance(app.theme, rio.Theme)
    assert app.name == "Test App Rio"
    assert rio.App(build=Label, ping_pong_interval=2).ping_pong_interval.seconds == 2


async def get_index(server: AppServer, path: str = "/") -> str:
    async with aiohttp.ClientSession() as http:
        response = await http.get(f"http://127.0.0.1:{server.port}{path}")
        return await response.text()


async def test_description_meta_tags_and_icon_in_the_head():
    app = rio.App(
        build=Label,
        name="Shop <1>",
        description='Fresh "fruit" & more',
        meta_tags={"keywords": "fruit", "og:title": "Custom title"},
        icon=b"\x89PNG\r\n\x1a\n-not-really",
    )
    server = AppServer(app)
    await server.start("127.0.0.1", 0)
    try:
        html = await get_index(server)
        head = html.split("</head>")[0]
        assert "<title>Shop &lt;1&gt;</title>" in head
        assert (
            '<meta name="description" content="Fresh &quot;fruit&quot; &amp; more">'
            in head
        )
        assert '<meta name="keywords" content="fruit">' in head
        # meta_tags override the app's own tags.
        assert '<meta name="og:title" content="Custom title">' in head
        assert "Shop &lt;1&gt;" not in head.split("</title>")[1]
        assert '<link rel="icon" href="/favicon.ico">' in head
        async with aiohttp.ClientSession() as http:
            icon = await http.get(f"http://127.0.0.1:{server.port}/favicon.ico")
            assert await icon.read() == b"\x89PNG\r\n\x1a\n-not-really"
    finally:
        await server.close()


async def test_ping_pong_interval_is_the_websocket_heartbeat():
    server = AppServer(rio.App(build=Label, ping_pong_interval=0.2))
    await server.start("127.0.0.1", 0)
    base = f"http://127.0.0.1:{server.port}/"
    try:
        async with aiohttp.ClientSession() as http:
            page = await (await http.get(base)).text()
            config = page.split('id="rio-config" type="application/json">')[1]
            token = json.loads(config.split("</script>")[0])["token"]
            ws = await http.ws_connect(
                f"{base}rio-desktop/ws?token={token}", autoping=False
            )
            await ws.send_json(HELLO)
            kinds = []
            while aiohttp.WSMsgType.PING not in kinds:
                kinds.append((await ws.receive(timeout=10)).type)
            await ws.close()
    finally:
        await server.close()


async def test_base_url_serves_the_page_under_the_public_path():
    """Behind a proxy that strips /shop/, the page and the session still use
    the public URL."""
    app = rio.App(build=Label)
    server = AppServer(app, base_url="https://example.com/shop")
    await server.start("127.0.0.1", 0)
    try:
        html = await get_index(server)
        assert '"base": "/shop/"' in html
        assert 'href="/shop/rio-desktop/static/' in html
    finally:
        await server.close()
    with pytest.raises(ValueError, match="absolute http"):
        AppServer(app, base_url="/shop/")


async def test_run_in_browser_opens_the_served_url(monkeypatch):
    loop = asyncio.get_running_loop()
    opened: asyncio.Future[str] = loop.create_future()
    monkeypatch.setattr(
        webbrowser,
        "open",
        lambda url: loop.call_soon_threadsafe(opened.set_result, url),
    )
    app = rio.App(build=Label)
    task = asyncio.create_task(
        serve_forever(app, "127.0.0.1", 0, quiet=True, open_browser=True)
    )
    try:
        url = await asyncio.wait_for(opened, 10)
        assert url.startswith("http://127.0.0.1:")
        async with aiohttp.ClientSession() as http:
            assert (await http.get(url)).status == 200
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


class Offline(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("The server has gone away", margin_top=2, align_y=0)


@pytest.mark.browser
def test_connection_lost_component_is_shown_when_the_server_stops(serve, page):
    app = rio.App(build=Label, build_connection_lost_message=Offline)
    server = serve(app)
    page.goto(server.url)
    page.get_by_text("hello").wait_for()
    message = page.get_by_text("The server has gone away")
    assert not message.is_visible()
    server.call(server.server.close())
    message.wait_for()

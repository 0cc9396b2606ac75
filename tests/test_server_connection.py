"""A page's connection over a real websocket: its states from hello to close,
take-over by a reconnecting page, and `async with AppServer(...)`."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Callable

import aiohttp
import pytest
from test_protocol import HELLO, PageClient

import rio_desktop as rio
from rio_desktop.server import AppServer, running_servers
from rio_desktop.server.connection import Connection, ConnectionState


@dataclasses.dataclass
class Profile:
    name: str


class ProfileView(rio.Component):
    def build(self) -> rio.Component:
        try:
            name = self.session[Profile].name
        except KeyError:
            name = "nobody"
        return rio.Column(
            rio.Text(f"user={name}"), rio.Button("close", on_press=self._close)
        )

    def _close(self) -> None:
        self.session.close()


async def wait_until(condition: Callable[[], bool], timeout: float = 5) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("the condition was not met in time")
        await asyncio.sleep(0.01)


async def reconnect(client: PageClient) -> aiohttp.ClientWebSocketResponse:
    """A second socket with the page's token, as a reloading boot.js opens."""
    ws = await client.http.ws_connect(
        f"{client.base}rio-desktop/ws?token={client.token}"
    )
    await ws.send_json(HELLO)
    return ws


async def full_resend(ws: aiohttp.ClientWebSocketResponse) -> dict:
    while True:
        message = await ws.receive_json(timeout=5)
        if message["type"] == "delta" and message.get("reset"):
            return message


def texts_of(delta: dict) -> list[str]:
    return [
        props["text"]
        for props in delta["components"].values()
        if props.get("_type") == "Text" and "user=" in props.get("text", "")
    ]


def only_connection(server: AppServer) -> Connection:
    (connection,) = server.connections
    return connection


@pytest.fixture
async def page():
    """A page connected to a server whose sessions wait 60 s for a reconnect."""
    closed: list[rio.Session] = []
    app = rio.App(build=ProfileView, on_session_close=closed.append)
    async with AppServer(app) as server, aiohttp.ClientSession() as http:
        client = PageClient(http, f"http://127.0.0.1:{server.port}/")
        client.server = server
        client.closed = closed
        await client.connect()
        yield client


async def test_a_connected_page_is_open(page):
    connection = only_connection(page.server)
    assert connection.state is ConnectionState.OPEN
    assert connection.session is page.server.sessions[0]


async def test_a_dropped_socket_detaches_and_the_page_takes_the_session_back(page):
    """While detached, what the session sends is dropped; the page that comes
    back gets everything afresh, in the same session."""
    connection = only_connection(page.server)
    session = connection.session
    await page.ws.close()  # code 1000: the page may come back
    await wait_until(lambda: connection.state is ConnectionState.DETACHED)
    session.attach(Profile("ada"))  # its rebuild has no page to go to
    await wait_until(lambda: connection.outbox.empty())
    ws = await reconnect(page)
    assert texts_of(await full_resend(ws)) == ["user=ada"]
    assert connection.state is ConnectionState.OPEN
    assert page.server.sessions == [session]
    assert page.closed == []
    await ws.close()


async def test_a_second_socket_takes_over_an_open_session():
    """The replaced socket is closed (1001) and its end does not start the
    reconnect grace: the session lives on, served by the new socket."""
    app = rio.App(build=ProfileView)
    async with (
        AppServer(app, reconnect_grace=0) as server,
        aiohttp.ClientSession() as http,
    ):
        client = PageClient(http, f"http://127.0.0.1:{server.port}/")
        await client.connect()
        connection = only_connection(server)
        ws = await reconnect(client)
        await full_resend(ws)
        closing = await client.ws.receive(timeout=5)
        assert closing.type == aiohttp.WSMsgType.CLOSE
        assert closing.data == aiohttp.WSCloseCode.GOING_AWAY
        # With no grace, a wrongly started timer would close the session on
        # the loop's next pass; two round trips give it that time.
        for name in ("bob", "eve"):
            connection.session.attach(Profile(name))
            message = await ws.receive_json(timeout=5)
            assert message["type"] == "delta"
        assert connection.state is ConnectionState.OPEN
        assert server.sessions == [connection.session]


async def test_a_page_that_leaves_closes_its_session_at_once(page):
    connection = only_connection(page.server)
    await page.ws.close(code=aiohttp.WSCloseCode.GOING_AWAY)
    await wait_until(lambda: connection.state is ConnectionState.CLOSED)
    assert page.closed == [connection.session]
    assert page.server.sessions == []


async def test_session_close_closes_the_socket_and_runs_the_hook_once(page):
    """session.close() from a handler: CLOSING, on_session_close once, CLOSED."""
    connection = only_connection(page.server)
    await page.ws.send_json(
        {"type": "event", "id": page.find("Button"), "name": "press"}
    )
    while (await page.ws.receive(timeout=5)).type != aiohttp.WSMsgType.CLOSE:
        pass
    await wait_until(lambda: connection.state is ConnectionState.CLOSED)
    assert connection.session.is_closed
    assert page.closed == [connection.session]
    assert page.server.sessions == []


async def test_a_session_that_closes_as_it_starts_closes_its_socket():
    """Closed in on_session_start: the socket is closed with 1001, not 4001
    (which would make the page reload, and start again)."""
    closed: list[rio.Session] = []

    async def close_at_once(session: rio.Session) -> None:
        session.close()
        await asyncio.sleep(0)  # the session shuts down meanwhile

    app = rio.App(
        build=ProfileView,
        on_session_start=close_at_once,
        on_session_close=closed.append,
    )
    async with AppServer(app) as server, aiohttp.ClientSession() as http:
        client = PageClient(http, f"http://127.0.0.1:{server.port}/")
        page = await (await http.get(client.base)).text()
        client.token = page.split('"token": "')[1].split('"')[0]
        ws = await reconnect(client)
        while (message := await ws.receive(timeout=5)).type is aiohttp.WSMsgType.TEXT:
            assert json.loads(message.data)["type"] != "delta"  # never started
        assert message.type == aiohttp.WSMsgType.CLOSE
        assert message.data == aiohttp.WSCloseCode.GOING_AWAY
        assert len(closed) == 1
        assert server.sessions == []


async def test_a_message_sent_once_closed_is_dropped_not_raised(page):
    connection = only_connection(page.server)
    await page.ws.close(code=aiohttp.WSCloseCode.GOING_AWAY)
    await wait_until(lambda: connection.state is ConnectionState.CLOSED)
    connection.send({"type": "theme", "vars": {}})
    assert connection.outbox.empty()
    with pytest.raises(RuntimeError, match="expected the connection to be"):
        await connection.take_over(page.ws)


async def test_a_closed_sessions_token_does_not_reconnect(page):
    """A page coming back after its session closed is told to reload."""
    await page.ws.close(code=aiohttp.WSCloseCode.GOING_AWAY)
    await wait_until(lambda: page.server.sessions == [])
    ws = await reconnect(page)
    message = await ws.receive(timeout=5)
    assert message.type == aiohttp.WSMsgType.CLOSE
    assert ws.close_code == 4001


async def test_closing_the_server_closes_its_sessions_and_sockets():
    closed: list[rio.Session] = []
    app = rio.App(build=ProfileView, on_session_close=closed.append)
    async with aiohttp.ClientSession() as http:
        async with AppServer(app) as server:
            client = PageClient(http, f"http://127.0.0.1:{server.port}/")
            await client.connect()
            connection = only_connection(server)
        assert connection.state is ConnectionState.CLOSED
        assert closed == [connection.session]
        while (message := await client.ws.receive(timeout=5)).type is (
            aiohttp.WSMsgType.TEXT
        ):
            pass
        assert message.type == aiohttp.WSMsgType.CLOSE
        assert message.data == aiohttp.WSCloseCode.GOING_AWAY


async def test_async_with_starts_and_stops_the_server():
    events: list[str] = []
    app = rio.App(
        build=ProfileView,
        on_app_start=lambda app: events.append("start"),
        on_app_close=lambda app: events.append("close"),
    )
    async with AppServer(app) as server:
        assert server.port > 0
        assert server in running_servers()
        assert events == ["start"]
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{server.port}/") as response,
        ):
            assert response.status == 200
    assert events == ["start", "close"]
    assert server not in running_servers()
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.ClientConnectionError):
            await http.get(f"http://127.0.0.1:{server.port}/")


async def test_async_with_keeps_a_started_server_where_it_listens():
    server = AppServer(rio.App(build=ProfileView))
    port = await server.start("127.0.0.1", 0)
    async with server:
        assert server.port == port
    assert server.runner is None

"""The websocket protocol: validation of everything the page sends."""

from __future__ import annotations

import json
import logging

import aiohttp
import pytest

import rio_desktop as rio
from rio_desktop import protocol
from rio_desktop.server import AppServer


class Counter(rio.Component):
    count: int = 0

    def _increment(self) -> None:
        self.count += 1

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"count={self.count}"),
            rio.Button("add", on_press=self._increment),
        )


HELLO = {
    "type": "hello",
    "timezone": "Asia/Tokyo",
    "languages": ["ja-JP", "en"],
    "width": 50,
    "height": 40,
    "pixel_ratio": 1,
    "prefers_dark": False,
    "url": "http://127.0.0.1/",
}


class PageClient:
    """Speaks the page's side of the protocol over a real websocket."""

    def __init__(self, http: aiohttp.ClientSession, base: str) -> None:
        self.http = http
        self.base = base
        self.components: dict[int, dict] = {}

    async def connect(self, hello: dict | None = None) -> None:
        page = await (await self.http.get(self.base)).text()
        config = page.split('id="rio-config" type="application/json">')[1]
        self.token = json.loads(config.split("</script>")[0])["token"]
        self.ws = await self.http.ws_connect(
            f"{self.base}rio-desktop/ws?token={self.token}"
        )
        await self.ws.send_json(hello or HELLO)
        await self.receive_delta()

    async def receive_delta(self) -> dict:
        while True:
            message = await self.ws.receive_json(timeout=5)
            if message["type"] == "delta":
                for key, props in message["components"].items():
                    self.components.setdefault(int(key), {}).update(props)
                for gone in message.get("removed", []):
                    self.components.pop(gone, None)
                return message

    def find(self, kind: str, **props) -> int:
        for cid, values in self.components.items():
            if values.get("_type") == kind and all(
                values.get(k) == v for k, v in props.items()
            ):
                return cid
        raise LookupError(f"no {kind} with {props}")

    def texts(self) -> list[str]:
        """The Texts, except the connection-lost message's (shown offline)."""
        hidden = self._offscreen()
        return [
            p.get("text", "")
            for cid, p in self.components.items()
            if p["_type"] == "Text" and cid not in hidden
        ]

    def _offscreen(self) -> set[int]:
        from rio_desktop.testing import _child_fields

        stack = [
            p["connection_lost"]
            for p in self.components.values()
            if p.get("_type") == "RootContent" and p.get("connection_lost")
        ]
        seen: set[int] = set()
        while stack:
            cid = stack.pop()
            props = self.components.get(cid, {})
            seen.add(cid)
            kind = props.get("_type", "")
            for name in ("child",) if kind == "HighLevel" else _child_fields(kind):
                value = props.get(name)
                stack.extend(value if isinstance(value, list) else [value])
            stack = [c for c in stack if isinstance(c, int) and c not in seen]
        return seen

    async def press(self, button_id: int) -> dict:
        await self.ws.send_json({"type": "event", "id": button_id, "name": "press"})
        return await self.receive_delta()


@pytest.fixture
async def client():
    async with (
        AppServer(rio.App(build=Counter)) as server,
        aiohttp.ClientSession() as http,
    ):
        page = PageClient(http, f"http://127.0.0.1:{server.port}/")
        page.server = server
        yield page


async def test_hello_fills_the_session(client):
    """Timezone and languages of the hello arrive in the session."""
    await client.connect()
    (session,) = client.server.sessions
    assert str(session.timezone) == "Asia/Tokyo"
    assert session.preferred_languages == ("ja-JP", "en")
    assert session.window_width == 50
    assert client.texts() == ["count=0"]


@pytest.mark.parametrize(
    "bad",
    [
        "this is not json",
        "[1, 2, 3]",
        '{"type": "launch_missiles"}',
        '{"type": "event", "id": 999999, "name": "press"}',
        '{"type": "event", "id": "1", "name": "press"}',
        '{"type": "event", "name": "press"}',
        '{"type": "resize", "width": "wide", "height": 3}',
        '{"type": "resize", "width": -1, "height": 3}',
        '{"type": "reply", "call_id": 77, "ok": true}',
        '{"type": "hello", "width": 1, "height": 1, "url": "x"}',
    ],
)
async def test_malformed_messages_are_dropped_and_session_survives(client, bad, caplog):
    """A bad message is logged with its reason; the next click still works."""
    await client.connect()
    button = client.find("Button", content="add")
    with caplog.at_level(logging.WARNING, logger="rio_desktop.server"):
        await client.ws.send_str(bad)
        await client.press(button)
    assert client.texts() == ["count=1"]
    assert any("Dropped a message" in r.message for r in caplog.records)


async def test_event_for_component_without_events_is_dropped(client, caplog):
    """Events aimed at a Text (which takes none) are refused with a reason."""
    await client.connect()
    text = client.find("Text")
    with caplog.at_level(logging.WARNING, logger="rio_desktop.server"):
        await client.ws.send_json({"type": "event", "id": text, "name": "press"})
        await client.press(client.find("Button"))
    assert client.texts() == ["count=1"]
    assert any("has no event 'press'" in r.message for r in caplog.records)


async def test_unknown_token_is_closed_with_4001(client):
    """A websocket with a token the server never issued is closed: the page
    then asks for a new token."""
    ws = await client.http.ws_connect(f"{client.base}rio-desktop/ws?token=nope")
    message = await ws.receive(timeout=5)
    assert message.type == aiohttp.WSMsgType.CLOSE
    assert ws.close_code == 4001


async def test_first_message_must_be_hello(client):
    """A socket that starts with anything but hello gets no session."""
    page = await (await client.http.get(client.base)).text()
    token = json.loads(page.split('type="application/json">')[1].split("</script>")[0])[
        "token"
    ]
    ws = await client.http.ws_connect(f"{client.base}rio-desktop/ws?token={token}")
    await ws.send_json({"type": "event", "id": 1, "name": "press"})
    await ws.receive(timeout=5)
    assert ws.closed
    assert client.server.sessions == []


async def test_reconnect_with_token_reuses_the_session(client):
    """A used token reconnects to its session; it never makes a second one."""
    await client.connect()
    # The same token now means "reconnect to that session", not a new one.
    ws = await client.http.ws_connect(
        f"{client.base}rio-desktop/ws?token={client.token}"
    )
    await ws.send_json(HELLO)
    message = await ws.receive_json(timeout=5)
    assert message["type"] in ("theme", "delta", "call")
    assert len(client.server.sessions) == 1


def test_decode_reports_reasons():
    with pytest.raises(protocol.ProtocolError, match="must be an integer"):
        protocol.decode('{"type": "event", "id": 1.5, "name": "x"}')
    with pytest.raises(protocol.ProtocolError, match="finite number"):
        protocol.decode('{"type": "resize", "width": NaN, "height": 1}')
    with pytest.raises(protocol.ProtocolError, match="larger than allowed"):
        protocol.decode(" " * (protocol.MAX_MESSAGE_BYTES + 1))


def test_outgoing_messages_keep_the_wire_form_of_webui():
    """What the server sends, as webui/app.js reads it, byte for byte."""
    encode = protocol.encode
    patch = protocol.ComponentDelta({3: {"text": "hi"}})
    assert encode(patch) == '{"type":"delta","components":{"3":{"text":"hi"}}}'
    new = protocol.ComponentDelta({1: {"_type": "Text"}}, removed=[2], root=1)
    assert encode(new) == (
        '{"type":"delta","components":{"1":{"_type":"Text"}},"removed":[2],"root":1}'
    )
    empty = protocol.ComponentDelta({}, root=None, reset=True)
    assert encode(empty) == '{"type":"delta","components":{},"root":null,"reset":true}'
    assert encode(protocol.SetTheme({"--a": "#fff"})) == (
        '{"type":"theme","vars":{"--a":"#fff"}}'
    )
    assert encode(protocol.CallPage("setTitle", ("Tür",))) == (
        '{"type":"call","call_id":0,"method":"setTitle","args":["Tür"]}'
    )
    assert encode(protocol.CallPage("getClipboard", call_id=7)) == (
        '{"type":"call","call_id":7,"method":"getClipboard","args":[]}'
    )


async def test_favicon_is_not_the_page(client):
    """Browsers ask for /favicon.ico on every load: it must not mint a token."""
    before = client.server.page_tokens.minted
    async with client.http.get(f"{client.base}favicon.ico") as response:
        assert response.status == 204
        assert await response.read() == b""
    assert client.server.page_tokens.minted == before


async def test_page_loads_that_never_connect_keep_nothing(client):
    """Page tokens are signed, not stored: page loads that never connect do
    not grow the server (taken tokens are capped, see test_server_workers)."""
    for _ in range(20):
        async with client.http.get(client.base) as response:
            assert response.status == 200
    assert client.server.page_tokens.minted >= 20
    assert len(client.server.page_tokens) == 0

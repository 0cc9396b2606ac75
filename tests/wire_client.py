"""A page over a real socket, for the tests of the server itself.

`run(app)` serves the app with `AppServer` on a free loopback port and
connects a small websocket client that speaks the page's protocol: it sends
the page's ``hello``, applies every ``delta`` to its own copy of the
component tree, and can press buttons. Tests of app behaviour use the
in-process `rio_desktop.testing` instead; this one is for what only a server
does (hot reload's `AppServer.replace_app`, messages the server drops, the
connection's error handling).

`click()` and `settle()` return once the server has handled everything and
its messages have arrived, so assertions right after them see the new tree.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import aiohttp

from rio_desktop import protocol
from rio_desktop.testing._page import PageMirror

if TYPE_CHECKING:
    from rio_desktop.app import App
    from rio_desktop.server import AppServer
    from rio_desktop.session import Session

__all__ = ["TestClient", "run"]

_CONFIG = re.compile(
    r'<script[^>]*id="rio-config"[^>]*>(.*?)</script>', re.DOTALL | re.IGNORECASE
)


class TestClient:
    """A headless page connected to an app; made by `run()`.

    Attributes:
        server: The `AppServer` serving the app.
        components: id -> the properties the page knows, with "_type".
        root: The id of the root component.
        title: The page title the app asked for.
    """

    __test__ = False  # not a pytest test class

    def __init__(self, server: AppServer, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.server = server
        self._ws = ws
        # The tree, title and theme, kept as the in-process client keeps them.
        self.mirror = PageMirror()
        self._reader: asyncio.Task[None] | None = None
        self._received = asyncio.Condition()
        self._count = 0
        self._sent = 0
        self._handled = 0

    # --- what is shown ---------------------------------------------------------

    @property
    def components(self) -> dict[int, dict[str, Any]]:
        return self.mirror.components

    @property
    def root(self) -> int | None:
        return self.mirror.root

    @property
    def title(self) -> str:
        return self.mirror.title

    @property
    def theme(self) -> dict[str, str]:
        return self.mirror.theme

    @property
    def session(self) -> Session:
        """The server-side session of this client."""
        sessions = self.server.sessions
        if not sessions:
            raise RuntimeError("the session has closed")
        return sessions[-1]

    def walk(self) -> Iterator[dict[str, Any]]:
        """Every component on screen, parents before children, in order."""
        for cid, _ in self.mirror.walk():
            yield {"id": cid, **self.components[cid]}

    def texts(self) -> list[str]:
        """The texts on screen (Text components and button labels), in order."""
        result: list[str] = []
        for props in self.walk():
            if props["_type"] == "Text":
                result.append(props.get("text", ""))
            elif props["_type"] == "Button" and isinstance(props.get("content"), str):
                result.append(props["content"])
        return result

    def has_text(self, text: str) -> bool:
        """True if a Text or button shows exactly `text`."""
        return text in self.texts()

    def find(self, type_name: str, **props: Any) -> list[dict[str, Any]]:
        """Components of a type ("Button", "Text"...) whose props match."""
        return [
            c
            for c in self.walk()
            if c["_type"] == type_name
            and all(c.get(name) == value for name, value in props.items())
        ]

    # --- acting ------------------------------------------------------------------

    async def click(self, text: str, *, timeout: float = 5) -> None:
        """Press the button labelled `text` and wait for the app to settle."""
        buttons = [b for b in self.find("Button") if self._label_of(b) == text]
        if not buttons:
            labels = [self._label_of(b) for b in self.find("Button")]
            raise LookupError(f"no button labelled {text!r}; the buttons: {labels}")
        await self.send_event(buttons[0]["id"], "press", None, timeout=timeout)

    async def send_event(
        self, component_id: int, name: str, payload: Any, *, timeout: float = 5
    ) -> None:
        """Send a raw page event and wait for the app to settle."""
        self._sent += 1
        await self._ws.send_str(
            protocol.encode(
                {"type": "event", "id": component_id, "name": name, "payload": payload}
            )
        )
        await self.settle(timeout=timeout)

    async def settle(self, *, timeout: float = 5) -> None:
        """Wait until the server is idle and its messages have arrived.

        Idle: every event sent was handled, no refresh pending, no handler
        task running (`periodic` timers do not count), nothing queued for
        the socket.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            session = self.session
            queued = any(
                not c.outbox.empty() for c in self.server._connections.values()
            )
            runtime = session.runtime
            timers = {t for ts in runtime.periodic_tasks.values() for t in ts}
            busy = (
                self._handled < self._sent
                or runtime.refresh_pending
                or bool(runtime.tasks - timers)
                or queued
            )
            if not busy:
                break
            if loop.time() > deadline:
                raise TimeoutError(f"the app did not settle within {timeout} s")
            await asyncio.sleep(0.005)
        await self._drain(deadline)

    async def wait_for_text(self, text: str, *, timeout: float = 5) -> None:
        """Wait until `text` is shown (for timers and background tasks)."""
        async with self._received:
            try:
                await asyncio.wait_for(
                    self._received.wait_for(lambda: self.has_text(text)), timeout
                )
            except asyncio.TimeoutError:
                raise AssertionError(
                    f"{text!r} was not shown within {timeout} s; shown: {self.texts()}"
                ) from None

    # --- internals -----------------------------------------------------------

    async def _drain(self, deadline: float) -> None:
        """Wait until the server's socket queue is empty and the wire is quiet."""
        loop = asyncio.get_running_loop()
        while any(not c.outbox.empty() for c in self.server._connections.values()):
            if loop.time() > deadline:
                raise TimeoutError("the server's messages did not go out in time")
            await asyncio.sleep(0.002)
        # What was written has to cross loopback: wait for a quiet moment.
        before = self._count
        for _ in range(50):
            await asyncio.sleep(0.005)
            if self._count == before:
                break
            before = self._count

    def _count_handled(self, session: Session) -> None:
        """Count the messages the session handled, so settle() knows."""
        handle = session.connection.handle_message

        def counted(message: protocol.IncomingMessage) -> None:
            try:
                handle(message)
            finally:
                self._handled += 1

        session.connection.handle_message = counted  # type: ignore[method-assign]

    async def _read(self) -> None:
        async for message in self._ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            self._apply(data)
            async with self._received:
                self._count += 1
                self._received.notify_all()

    def _apply(self, message: dict[str, Any]) -> None:
        call = self.mirror.apply(message)
        if call is not None and call.call_id:
            # A real page would do something; tell the app we cannot.
            asyncio.ensure_future(
                self._ws.send_str(
                    protocol.encode(
                        {
                            "type": "reply",
                            "call_id": call.call_id,
                            "ok": False,
                            "error": "not available in rio_desktop.testing",
                        }
                    )
                )
            )

    def _label_of(self, button: dict[str, Any]) -> str:
        content = button.get("content")
        if isinstance(content, str):
            return content
        if isinstance(content, int):
            inner = self.components.get(content, {})
            return " ".join(
                t for t in self._texts_under(content, inner) if t
            )  # a component as label: its texts
        return ""

    def _texts_under(self, cid: int, props: dict[str, Any]) -> Iterator[str]:
        if props.get("_type") == "Text":
            yield props.get("text", "")
        for child in self.mirror.children(cid) if props else ():
            yield from self._texts_under(child, self.components.get(child, {}))


@contextlib.asynccontextmanager
async def run(
    app: App,
    *,
    width: float = 60,
    height: float = 40,
    path: str = "/",
    timezone: str = "UTC",
    languages: tuple[str, ...] = ("en-US",),
    prefers_dark: bool = False,
    timeout: float = 10,
) -> AsyncIterator[TestClient]:
    """Serve `app` and connect a headless client to it.

    Args:
        app: The app to test.
        width, height: The window size the client reports, in font-heights.
        path: The URL path the client opens.
        timezone, languages, prefers_dark: What the client says about its user.
        timeout: Seconds to wait for the first full tree.

    Yields:
        A `TestClient` showing the app's first tree. On exit the client
        disconnects and the server closes (on_session_close, on_app_close).
    """
    from rio_desktop.server import AppServer

    server = AppServer(app)
    port = await server.start("127.0.0.1", 0)
    base = f"http://127.0.0.1:{port}"
    http = aiohttp.ClientSession()
    client: TestClient | None = None
    try:
        async with http.get(base + path) as response:
            response.raise_for_status()
            page = await response.text()
        match = _CONFIG.search(page)
        if match is None:
            raise RuntimeError("the page has no rio-config; is webui/ complete?")
        token = json.loads(match.group(1))["token"]
        ws = await http.ws_connect(f"{base}/rio-desktop/ws?token={token}", origin=base)
        client = TestClient(server, ws)
        client._reader = asyncio.ensure_future(client._read())
        await ws.send_str(
            protocol.encode(
                {
                    "type": "hello",
                    "timezone": timezone,
                    "languages": list(languages),
                    "width": width,
                    "height": height,
                    "pixel_ratio": 1,
                    "prefers_dark": prefers_dark,
                    "url": base + path,
                    "user_settings": {},
                }
            )
        )
        async with client._received:
            await asyncio.wait_for(
                client._received.wait_for(lambda: client.root is not None), timeout
            )
        client._count_handled(client.session)
        await client.settle(timeout=timeout)
        yield client
    finally:
        if client is not None:
            await client._ws.close()
            if client._reader is not None:
                with contextlib.suppress(Exception):
                    await client._reader
        await http.close()
        await server.close()

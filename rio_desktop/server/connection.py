"""A page's websocket and the session it serves, from hello to close.

``GET /rio-desktop/ws?token=...`` (`Connections.websocket`): the page sends
`hello` first. A token from a page load (signed, unexpired, not taken in
this process before) makes a new session; the token of a session still open
here means the page reconnected, and its new socket takes the session over.
Any other token is closed with 4001: the page fetches a new token and starts
a fresh session (its process died, or the grace ran out). One `Connection`
per session holds the socket that serves it now, and its state:

    OPENING --> OPEN <--> DETACHED
       |         |          |
       +-----> CLOSING <----+
                 |
               CLOSED

- OPENING: the session is made, `on_session_start` runs; what it sends
  waits for the socket's writer.
- OPEN: a socket serves the session: its messages go to the session, the
  session's go out through the socket's writer.
- DETACHED: the socket dropped; the page has `reconnect_grace` seconds to
  come back with the token (then it gets everything afresh).
- CLOSING: the session shuts down and `on_session_close` runs; the socket,
  if still open, still carries what the session sends.
- CLOSED: the socket is closed; whatever the session still sends is dropped.

A page that closes or navigates away (close code 1001), the grace running
out, `session.close()` and the server's shutdown all end in the same
closing (`Connections.close`, or `_close_soon` from a callback), which
runs once per connection.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import logging
import weakref
from collections.abc import Callable, Coroutine, Iterator
from typing import TYPE_CHECKING, Any

from aiohttp import WSCloseCode, WSMsgType, web
from yarl import URL

from .. import protocol
from ..hosts.base import Host
from ..session import Session
from .security import Guard, PageTokens

if TYPE_CHECKING:
    from ..app import App

log = logging.getLogger(__name__)

#: How long a session waits for its page to reconnect after the socket drops.
RECONNECT_GRACE = 60.0
#: How long a new socket may take to send its hello.
HELLO_TIMEOUT = 15.0
#: The close code of a token with no session here: the page asks for a new
#: token (`PageFiles.page_token`) and starts a fresh session in place.
UNKNOWN_SESSION = 4001

Send = Callable[[dict[str, Any]], None]
HostFactory = Callable[[web.Request, protocol.Hello], Host]


class ConnectionState(enum.Enum):
    OPENING = "opening"
    OPEN = "open"
    DETACHED = "detached"
    CLOSING = "closing"
    CLOSED = "closed"


class _Socket:
    """One websocket serving a connection, with what waits to be written to it."""

    def __init__(self, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        #: Encoded messages; None ends the writer.
        self.outbox: asyncio.Queue[str | None] = asyncio.Queue()

    async def write(self) -> None:
        """Send what the outbox gets, in order, until it gets None."""
        while (text := await self.outbox.get()) is not None:
            if self.ws.closed:
                continue
            try:
                await self.ws.send_str(text)
            except (ConnectionError, RuntimeError):
                log.debug("Socket closed while sending")


class Connection:
    """A session, the socket serving it (if any) and the state they are in.

    `make_session` makes the session, given the function that sends its
    messages to the page.
    """

    def __init__(
        self,
        token: str,
        ws: web.WebSocketResponse,
        make_session: Callable[[Send], Session],
    ) -> None:
        self.token = token
        self.state = ConnectionState.OPENING
        self._socket: _Socket | None = _Socket(ws)
        self._expiry: asyncio.TimerHandle | None = None
        self.session = make_session(self.send)

    @property
    def outbox(self) -> asyncio.Queue[str | None]:
        """What waits to be written to the page; empty without a socket
        (`rio_desktop.testing` waits for it to empty)."""
        return self._socket.outbox if self._socket is not None else asyncio.Queue()

    def send(self, message: dict[str, Any]) -> None:
        """Queue `message` for the page. Without a socket (DETACHED, or the
        socket gone while closing, CLOSED) it is dropped: a page that comes
        back is sent everything afresh."""
        socket = self._socket
        if socket is None:
            log.debug("Dropped a %r message: no page is connected", message["type"])
            return
        socket.outbox.put_nowait(protocol.encode(message))

    async def serve(self, ws: web.WebSocketResponse) -> bool:
        """Hand the page's messages on `ws` to the session until it closes.

        Returns whether the connection is DETACHED by this socket's end
        (False: another socket took over, or the connection is closing).
        """
        socket = self._socket
        if socket is None or socket.ws is not ws:  # taken over before it began
            return False
        if self.state is ConnectionState.OPENING:
            self.state = ConnectionState.OPEN
        writer = asyncio.create_task(socket.write())
        session = self.session
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    log.warning("Dropped a non-text websocket message")
                    continue
                try:
                    session.connection.handle_message(protocol.decode(message.data))
                except protocol.ProtocolError as error:
                    # Only for what the page sent: user code's errors are
                    # reported by the session's runner, with their traceback.
                    log.warning("Dropped a message from the page: %s", error)
                except Exception as error:
                    # A bug behind the message (not the page's fault): the
                    # error policy, and the connection lives on.
                    session.runtime.report_exception(
                        error,
                        kind="page message",
                        handler=session.connection.handle_message,
                    )
                if session.is_closed:
                    break
        finally:
            socket.outbox.put_nowait(None)
            await writer
        if self._socket is not socket:
            return False
        self._socket = None  # its writer is gone: nothing more can go out
        if self.state is not ConnectionState.OPEN:
            return False
        self.state = ConnectionState.DETACHED
        return True

    def expire_after(self, delay: float, expire: Callable[[], None]) -> None:
        """Call `expire` unless a page takes the session over within `delay`."""
        self._expect(ConnectionState.DETACHED)
        self._expiry = asyncio.get_running_loop().call_later(delay, expire)

    async def take_over(self, ws: web.WebSocketResponse) -> None:
        """A page reconnected with the token: `ws` serves the session from
        now on, starting with everything the page shows (a full resend)."""
        self._expect(
            ConnectionState.OPENING, ConnectionState.OPEN, ConnectionState.DETACHED
        )
        self._cancel_expiry()
        old, self._socket = self._socket, _Socket(ws)
        self.state = ConnectionState.OPEN
        if old is not None and not old.ws.closed:
            await old.ws.close(code=WSCloseCode.GOING_AWAY, message=b"replaced")
        if self.state is ConnectionState.OPEN:
            self.session.connection.attach_transport(self.send)

    def begin_closing(self) -> bool:
        """Enter CLOSING; False if it is closing or closed already."""
        if self.state in (ConnectionState.CLOSING, ConnectionState.CLOSED):
            return False
        self._cancel_expiry()
        self.state = ConnectionState.CLOSING
        return True

    async def finish_closing(self) -> None:
        """Close the socket, if still open; CLOSED."""
        self._expect(ConnectionState.CLOSING)
        socket, self._socket = self._socket, None
        self.state = ConnectionState.CLOSED
        if socket is not None and not socket.ws.closed:
            await socket.ws.close(code=WSCloseCode.GOING_AWAY)

    def _cancel_expiry(self) -> None:
        if self._expiry is not None:
            self._expiry.cancel()
            self._expiry = None

    def _expect(self, *states: ConnectionState) -> None:
        if self.state not in states:
            expected = " or ".join(state.value for state in states)
            raise RuntimeError(
                f"expected the connection to be {expected}, not {self.state.value}"
            )


class Connections:
    """The websocket route, and the connections it made, by token.

    `current_app` returns the app served now (hot reload replaces it);
    `on_session_closed` is called after each session has closed.
    """

    def __init__(
        self,
        current_app: Callable[[], App],
        *,
        guard: Guard,
        tokens: PageTokens,
        host_factory: HostFactory,
        reconnect_grace: float,
        base_url: URL | None,
        on_session_closed: Callable[[], None],
    ) -> None:
        self._current_app = current_app
        self._guard = guard
        self._tokens = tokens
        self._host_factory = host_factory
        self._reconnect_grace = reconnect_grace
        self._base_url = base_url
        self._on_session_closed = on_session_closed
        #: The connections not closing yet.
        self.by_token: dict[str, Connection] = {}
        self._shutting_down = False
        #: Every socket accepted, to close at shutdown (also before hello).
        self._sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()
        self._closing_tasks: set[asyncio.Task[None]] = set()

    def __iter__(self) -> Iterator[Connection]:
        return iter(list(self.by_token.values()))

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        """``GET /rio-desktop/ws?token=...``: a page's socket, from hello to close."""
        if not self._guard.origin_allowed(request):
            return web.Response(status=403, text="This origin is not allowed.")
        token = request.query.get("token", "")
        ws = web.WebSocketResponse(
            heartbeat=self._current_app().ping_pong_interval.total_seconds(),
            max_msg_size=protocol.MAX_MESSAGE_BYTES,
        )
        await ws.prepare(request)
        self._sockets.add(ws)
        if token not in self.by_token and not self._tokens.is_valid(token):
            await ws.close(code=UNKNOWN_SESSION, message=b"unknown session")
            return ws
        hello = await _receive_hello(ws)
        if hello is None:
            return ws
        connection = self.by_token.get(token)
        if connection is not None:
            connection.session.connection.page_resized(hello.width, hello.height)
            await connection.take_over(ws)
        elif self._tokens.take(token):
            connection = await self._open(request, ws, token, hello)
        else:  # taken here before: its session closed, or it is a replay
            await ws.close(code=UNKNOWN_SESSION, message=b"unknown session")
            return ws
        if await connection.serve(ws):
            # 1001 from the page: it was closed or navigated away (Chromium
            # sends it on unload). A reload gets a new token, so nobody will
            # come back for this session: drop it now, not after the grace.
            page_left = ws.close_code == WSCloseCode.GOING_AWAY
            if self._shutting_down or page_left:
                await self.close(connection)
            else:
                expire = functools.partial(self._close_soon, connection)
                connection.expire_after(self._reconnect_grace, expire)
        return ws

    async def _open(
        self,
        request: web.Request,
        ws: web.WebSocketResponse,
        token: str,
        hello: protocol.Hello,
    ) -> Connection:
        """A new session for a page, started unless it closed meanwhile."""
        transport = request.transport
        peer = transport.get_extra_info("peername") if transport else None
        if self._base_url is not None:
            base_url = self._base_url
        else:
            base_url = request.url.origin().join(URL(_base_path_of_ws(request)))
        app = self._current_app()
        host = self._host_factory(request, hello)
        connection = Connection(
            token,
            ws,
            lambda send: Session(
                app,
                host,
                hello,
                http_headers=request.headers,
                client_ip=request.remote,
                client_port=peer[1] if peer else None,
                base_url=base_url,
                send=send,
            ),
        )
        session = connection.session
        self.by_token[token] = connection
        session.connection.on_closed = functools.partial(self._close_soon, connection)
        for value in app._new_attachments():
            session.attach(value)
        await app._call_hook(app.on_session_start, session)
        if connection.state not in (ConnectionState.CLOSING, ConnectionState.CLOSED):
            session.connection.start()
        return connection

    async def close(self, connection: Connection) -> None:
        """Shut the session down, run `on_session_close`, close its socket.

        Does nothing if the connection is closing already.
        """
        if self._begin_closing(connection):
            await self._finish_closing(connection)

    async def close_all(self) -> None:
        """The server shuts down: close every session and socket."""
        self._shutting_down = True
        for connection in self:
            await self.close(connection)
        for ws in list(self._sockets):
            await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutdown")

    def shrink(self) -> None:
        """Let go of the table the connections grew once none is left."""
        # An emptied dict keeps the table it grew to amid the sessions;
        # clear() drops it.
        if not self.by_token:
            self.by_token.clear()

    def _close_soon(self, connection: Connection) -> None:
        """The session shut down (`session.close()`), or the grace ran out."""
        if self._begin_closing(connection):
            self._spawn(self._finish_closing(connection))

    def _begin_closing(self, connection: Connection) -> bool:
        if not connection.begin_closing():
            return False
        self.by_token.pop(connection.token, None)
        return True

    async def _finish_closing(self, connection: Connection) -> None:
        session = connection.session
        if not session.is_closed:
            session.connection.shutdown()
        app = self._current_app()
        await app._call_hook(app.on_session_close, session)
        await connection.finish_closing()
        self._on_session_closed()

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coroutine)
        self._closing_tasks.add(task)
        task.add_done_callback(self._closing_tasks.discard)


async def _receive_hello(ws: web.WebSocketResponse) -> protocol.Hello | None:
    """The socket's first message; None (and the socket closed) if it is not
    a valid hello in time."""
    try:
        message = await ws.receive(timeout=HELLO_TIMEOUT)
        if message.type != WSMsgType.TEXT:
            raise protocol.ProtocolError("the first message must be text")
        hello = protocol.decode(message.data)
        if not isinstance(hello, protocol.Hello):
            raise protocol.ProtocolError("the first message must be 'hello'")
    except asyncio.TimeoutError:
        log.warning("Refused a websocket: no 'hello' within %ss", HELLO_TIMEOUT)
        await ws.close(code=WSCloseCode.POLICY_VIOLATION, message=b"no hello")
        return None
    except protocol.ProtocolError as error:
        log.warning("Refused a websocket: %s", error)
        await ws.close(code=WSCloseCode.UNSUPPORTED_DATA, message=b"bad hello")
        return None
    return hello


def _base_path_of_ws(request: web.Request) -> str:
    """The app's base path, from the websocket's own URL."""
    path = request.path
    suffix = "rio-desktop/ws"
    return path[: -len(suffix)] if path.endswith(suffix) else "/"

"""PageChannel: a session's line to its page.

It sends the typed messages of `protocol` through the transport the server
gives it (replaced when the page reconnects) and calls the page's methods:
`notify` for calls that want no answer, `call` to await the page's `Reply`.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from typing import Any

from . import protocol

__all__ = ["PageCallError", "PageChannel", "Transport"]

#: What the server hands the session: sends one message's JSON form.
Transport = Callable[[dict[str, Any]], None]


class PageCallError(RuntimeError):
    """The page could not do what the server asked of it."""


class PageChannel:
    """Sends messages to one session's page and awaits its replies.

    Args:
        transport: Sends a message's JSON form to the page (the server's
            connection); `attach` replaces it when the page reconnects.
    """

    def __init__(self, transport: Transport) -> None:
        self._transport = transport
        self._loop = asyncio.get_running_loop()
        self._pending: dict[int, asyncio.Future[Any]] = {}
        self._call_ids = itertools.count(1)
        self._closed = False
        #: Counts the page's connections: state kept per connection (the
        #: icons a page has had) starts afresh when it changes.
        self.connection = 0

    @property
    def closed(self) -> bool:
        return self._closed

    def attach(self, transport: Transport) -> None:
        """A (re)connected page: send through `transport` from now on."""
        self._transport = transport
        self.connection += 1

    def send(self, message: protocol.OutgoingMessage) -> None:
        self._transport(message.to_json())

    def notify(self, method: protocol.PageMethod, *args: Any) -> None:
        """Call a method of the page without waiting for an answer."""
        self.send(protocol.CallPage(method, args))

    async def call(
        self, method: protocol.PageMethod, *args: Any, timeout: float | None = 60
    ) -> Any:
        """Call a method of the page and return its answer.

        Raises:
            PageCallError: The page could not do it.
            RuntimeError: The session is closed.
        """
        if self._closed:
            raise RuntimeError("the session is closed")
        call_id = next(self._call_ids)
        future: asyncio.Future[Any] = self._loop.create_future()
        self._pending[call_id] = future
        self.send(protocol.CallPage(method, args, call_id))
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._pending.pop(call_id, None)

    def receive_reply(self, reply: protocol.Reply) -> None:
        """The page answered a `call`."""
        future = self._pending.pop(reply.call_id, None)
        if future is None or future.done():
            raise protocol.ProtocolError(f"reply to unknown call {reply.call_id}")
        if reply.ok:
            future.set_result(reply.value)
        else:
            future.set_exception(PageCallError(reply.error or "failed"))

    def close(self) -> None:
        """The session ended: cancel the calls still waiting; refuse new ones."""
        self._closed = True
        for future in self._pending.values():
            if not future.done():
                future.cancel()
        self._pending.clear()

"""PageChannel: a session's calls to its page and the page's replies."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from rio_desktop import protocol
from rio_desktop._page_channel import PageCallError, PageChannel


def _channel() -> tuple[PageChannel, list[dict[str, Any]]]:
    sent: list[dict[str, Any]] = []
    return PageChannel(sent.append), sent


async def test_a_call_returns_the_pages_answer() -> None:
    channel, sent = _channel()
    call = asyncio.ensure_future(channel.call("getClipboard"))
    await asyncio.sleep(0)
    [message] = sent
    assert message["method"] == "getClipboard" and message["call_id"] != 0
    channel.receive_reply(protocol.Reply(message["call_id"], True, "copied", ""))
    assert await call == "copied"


async def test_a_refusal_raises_page_call_error() -> None:
    channel, sent = _channel()
    call = asyncio.ensure_future(channel.call("setClipboard", "x"))
    await asyncio.sleep(0)
    channel.receive_reply(protocol.Reply(sent[0]["call_id"], False, None, "denied"))
    with pytest.raises(PageCallError, match="denied"):
        await call


async def test_a_reply_to_no_call_is_a_protocol_error() -> None:
    channel, _ = _channel()
    with pytest.raises(protocol.ProtocolError, match="unknown call 5"):
        channel.receive_reply(protocol.Reply(5, True, None, ""))


async def test_closing_cancels_waiting_calls_and_refuses_new_ones() -> None:
    channel, _ = _channel()
    call = asyncio.ensure_future(channel.call("getClipboard"))
    await asyncio.sleep(0)
    channel.close()
    with pytest.raises(asyncio.CancelledError):
        await call
    with pytest.raises(RuntimeError, match="closed"):
        await channel.call("getClipboard")


async def test_a_reconnected_page_gets_the_messages() -> None:
    channel, old = _channel()
    new: list[dict[str, Any]] = []
    connection = channel.connection
    channel.attach(new.append)
    channel.notify("setTitle", "T")
    assert not old
    assert new == [{"type": "call", "call_id": 0, "method": "setTitle", "args": ["T"]}]
    assert channel.connection != connection

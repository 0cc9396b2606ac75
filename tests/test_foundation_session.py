"""Session basics: attachments and events (in process, with `rio_client`);
tasks, close and read-only attributes over a real websocket."""

from __future__ import annotations

import asyncio
import dataclasses

import aiohttp
import pytest
from test_protocol import PageClient

import rio_desktop as rio
from rio_desktop.server import AppServer


@dataclasses.dataclass
class Profile:
    name: str


class ProfileView(rio.Component):
    def build(self) -> rio.Component:
        try:
            name = self.session[Profile].name
        except KeyError:
            name = "nobody"
        return rio.Text(f"user={name}")


class Ticker(rio.Component):
    ticks: int = 0
    mounted: bool = False

    @rio.event.on_mount
    def _mounted(self) -> None:
        self.mounted = True

    @rio.event.periodic(0.05)
    def _tick(self) -> None:
        self.ticks += 1

    def build(self) -> rio.Component:
        return rio.Text(f"mounted={self.mounted} ticks={self.ticks > 2}")


async def start(app: rio.App):
    server = AppServer(app, reconnect_grace=0.2)
    await server.start("127.0.0.1", 0)
    http = aiohttp.ClientSession()
    client = PageClient(http, f"http://127.0.0.1:{server.port}/")
    await client.connect()
    return server, http, client


async def until(client: PageClient, text: str) -> None:
    for _ in range(100):
        if text in client.texts():
            return
        await client.receive_delta()
    raise AssertionError(f"{text!r} never shown; have {client.texts()}")


async def test_attachment_readers_rebuild_on_attach_and_detach(rio_client):
    """Components reading session[T] rebuild when T is attached or detached."""
    client = await rio_client(rio.App(build=ProfileView))
    session = client.session
    assert client.texts() == ["user=nobody"]
    session.attach(Profile("ada"))
    await client.settle()
    assert client.texts() == ["user=ada"]
    assert session[Profile].name == "ada"
    del session[Profile]
    await client.settle()
    assert client.texts() == ["user=nobody"]
    with pytest.raises(KeyError, match="session.attach"):
        session[Profile]


async def test_default_attachments_reach_the_session(rio_client):
    """The app's default attachments are attached to each session."""
    client = await rio_client(
        rio.App(build=ProfileView, default_attachments=[Profile("grace")])
    )
    assert client.texts() == ["user=grace"]


async def test_on_mount_and_periodic_run(rio_client):
    """on_mount runs once mounted; periodic keeps running while mounted."""
    client = await rio_client(rio.App(build=Ticker))
    await client.wait_for_text("mounted=True ticks=True")


async def test_close_cancels_tasks_and_runs_on_session_close():
    """session.close() cancels its tasks and on_session_close runs."""
    closed: list[object] = []
    server, http, client = await start(
        rio.App(build=ProfileView, on_session_close=closed.append)
    )
    try:
        (session,) = server.sessions
        task = session.create_task(asyncio.sleep(60), name="sleeper")
        session.close()
        for _ in range(50):
            if closed:
                break
            await asyncio.sleep(0.05)
        assert task.cancelled()
        assert closed == [session]
        assert server.sessions == []
    finally:
        await http.close()
        await server.close()


async def test_read_only_attributes_refuse_assignment():
    server, http, client = await start(rio.App(build=ProfileView))
    try:
        (session,) = server.sessions
        for name in ("app", "timezone", "window_width", "client_ip", "base_url"):
            with pytest.raises(AttributeError, match="read-only"):
                setattr(session, name, None)
    finally:
        await http.close()
        await server.close()


async def test_dropped_socket_closes_session_after_grace():
    """Without a reconnect, the session is closed after the grace period."""
    closed: list[object] = []
    server, http, client = await start(
        rio.App(build=ProfileView, on_session_close=closed.append)
    )
    try:
        await client.ws.close()
        for _ in range(40):
            if closed:
                break
            await asyncio.sleep(0.05)
        assert len(closed) == 1
    finally:
        await http.close()
        await server.close()

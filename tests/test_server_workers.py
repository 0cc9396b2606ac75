"""Several server processes of one site, in process: signed page tokens, a
page that lands on another process, the affinity cookie and one-time links
that reached the wrong process."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
import time

import aiohttp
import pytest
from test_protocol import HELLO, Counter, PageClient

import rio_desktop as rio
from rio_desktop.server import AppServer, security
from rio_desktop.server.affinity import AFFINITY_COOKIE
from rio_desktop.server.security import PageTokens, deployment_key

KEY = b"the deployment's secret"


# --- the tokens themselves ------------------------------------------------------


def test_a_token_is_taken_once_per_process():
    worker_a, worker_b = PageTokens(KEY), PageTokens(KEY)
    token = worker_a.mint()
    assert worker_a.take(token)
    assert not worker_a.take(token)  # a replay in the same process
    assert worker_b.take(token)  # another worker of the site: its first use
    assert not worker_b.take(token)


def test_a_token_signed_with_another_key_is_refused():
    token = PageTokens(b"another site").mint()
    assert not PageTokens(KEY).is_valid(token)
    assert not PageTokens(KEY).take(token)


@pytest.mark.parametrize(
    "forge",
    [
        lambda t: t.replace(t.split(".")[1], str(int(t.split(".")[1]) + 3600)),
        lambda t: "A" + t[1:] if t[0] != "A" else "B" + t[1:],
        lambda t: t.rsplit(".", 1)[0] + ".",
        lambda t: t.rsplit(".", 1)[0],
        lambda t: t + ".x",
        lambda t: "",
    ],
    ids=[
        "later expiry",
        "other nonce",
        "empty signature",
        "no signature",
        "extra",
        "empty",
    ],
)
def test_a_forged_token_is_refused(forge):
    tokens = PageTokens(KEY)
    token = tokens.mint()
    assert not tokens.take(forge(token))
    assert tokens.take(token)


def test_an_expired_token_is_refused(monkeypatch):
    tokens = PageTokens(KEY)
    token = tokens.mint()
    later = time.time() + security.TOKEN_LIFETIME + 5
    monkeypatch.setattr(security.time, "time", lambda: later)
    assert not tokens.is_valid(token)
    assert not tokens.take(token)


def test_taken_tokens_are_remembered_until_they_expire_and_capped(monkeypatch):
    tokens = PageTokens(KEY)
    for _ in range(3):
        assert tokens.take(tokens.mint())
    later = time.time() + security.TOKEN_LIFETIME + 5
    monkeypatch.setattr(security.time, "time", lambda: later)
    assert tokens.take(tokens.mint())
    assert len(tokens) == 1  # the expired ones were forgotten
    monkeypatch.setattr(security, "MAX_TAKEN_TOKENS", 5)
    for _ in range(20):
        assert tokens.take(tokens.mint())
    assert len(tokens) <= 5


def test_a_token_with_other_characters_is_refused():
    tokens = PageTokens(KEY)
    assert not tokens.take(tokens.mint() + "é")
    assert not tokens.take("é.1.é")


def test_taking_tokens_leaves_no_small_objects_behind():
    """A session's token is taken while other sessions run; what remembers
    it must not be a small object that pins their memory for its lifetime
    (bench B5 measures what such objects keep after the sessions closed)."""
    tokens = PageTokens(KEY)
    minted = [tokens.mint() for _ in range(200)]
    gc.collect()
    before = sys.getallocatedblocks()
    for token in minted:
        assert tokens.take(token)
    gc.collect()
    assert sys.getallocatedblocks() - before < 50
    assert len(tokens) == 200
    assert not any(tokens.take(token) for token in minted)


def test_the_deployment_key_comes_from_the_environment(monkeypatch, caplog):
    monkeypatch.setenv("RIO_DESKTOP_SECRET_KEY", "s3cret")
    with caplog.at_level(logging.WARNING, logger="rio_desktop.server"):
        assert deployment_key() == b"s3cret"
    assert caplog.records == []


def test_without_a_deployment_key_one_is_generated_with_a_warning(monkeypatch, caplog):
    monkeypatch.delenv("RIO_DESKTOP_SECRET_KEY", raising=False)
    monkeypatch.setattr(security, "_generated_key", None)
    with caplog.at_level(logging.WARNING, logger="rio_desktop.server"):
        key = deployment_key()
        assert deployment_key() == key  # the same for the whole process
    (record,) = caplog.records
    assert "one worker" in record.message
    assert "export RIO_DESKTOP_SECRET_KEY=" in record.message


# --- two processes of one site, as two servers ---------------------------------


@pytest.fixture
async def site():
    """Two servers sharing a key, as two gunicorn workers, and a browser."""
    app = rio.App(build=Counter)
    async with (
        AppServer(app, signing_key=KEY) as worker_a,
        AppServer(app, signing_key=KEY) as worker_b,
        # unsafe: keep cookies for 127.0.0.1, as a browser does.
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http,
    ):
        yield worker_a, worker_b, http


def base_of(server: AppServer) -> str:
    return f"http://127.0.0.1:{server.port}/"


async def open_socket(http: aiohttp.ClientSession, server: AppServer, token: str):
    ws = await http.ws_connect(f"{base_of(server)}rio-desktop/ws?token={token}")
    await ws.send_json(HELLO)
    return ws


async def first_delta(ws: aiohttp.ClientWebSocketResponse) -> dict:
    while True:
        message = await ws.receive_json(timeout=5)
        if message["type"] == "delta":
            return message


async def test_a_page_from_one_worker_starts_its_session_on_another(site):
    worker_a, worker_b, http = site
    page = PageClient(http, base_of(worker_a))
    page.ws = None
    html = await (await http.get(base_of(worker_a))).text()
    page.token = html.split('"token": "')[1].split('"')[0]
    page.ws = await open_socket(http, worker_b, page.token)
    await page.receive_delta()
    await page.press(page.find("Button"))
    assert page.texts() == ["count=1"]
    assert len(worker_b.sessions) == 1
    assert worker_a.sessions == []
    await page.ws.close()


async def test_a_token_from_another_key_is_closed_with_4001(site):
    worker_a, _, http = site
    token = PageTokens(b"another site").mint()
    ws = await http.ws_connect(f"{base_of(worker_a)}rio-desktop/ws?token={token}")
    message = await ws.receive(timeout=5)
    assert message.type == aiohttp.WSMsgType.CLOSE
    assert ws.close_code == 4001
    assert worker_a.sessions == []


async def test_a_page_that_lands_on_another_worker_gets_a_fresh_session(site):
    """The page's session is on A; its socket comes back on B (A died, or
    the load balancer moved it): B has no such session, so the token (not
    taken on B yet) starts a new one there, with the app's initial state."""
    worker_a, worker_b, http = site
    page = PageClient(http, base_of(worker_a))
    await page.connect()
    await page.press(page.find("Button"))
    assert page.texts() == ["count=1"]
    moved = PageClient(http, base_of(worker_b))
    moved.ws = await open_socket(http, worker_b, page.token)
    await moved.receive_delta()
    assert moved.texts() == ["count=0"]
    assert len(worker_b.sessions) == 1
    await moved.ws.close()
    await page.ws.close()


async def test_a_token_whose_session_is_gone_gets_4001_then_a_new_token(site):
    """Back after its session closed (or a replay): the token was taken
    here, so 4001; the page asks for a new token and starts afresh."""
    worker_a, _, http = site
    page = PageClient(http, base_of(worker_a))
    await page.connect()
    (connection,) = worker_a.connections
    await worker_a.connections.close(connection)
    again = await open_socket(http, worker_a, page.token)
    message = await again.receive(timeout=5)
    assert message.type == aiohttp.WSMsgType.CLOSE
    assert again.close_code == 4001
    async with http.get(f"{base_of(worker_a)}rio-desktop/page-token") as response:
        assert response.status == 200
        assert response.headers["Cache-Control"] == "no-store"
        answer = await response.json()
    assert answer["version"] == worker_a.page.version
    fresh = PageClient(http, base_of(worker_a))
    fresh.ws = await open_socket(http, worker_a, answer["token"])
    await fresh.receive_delta()
    assert fresh.texts() == ["count=0"]
    assert len(worker_a.sessions) == 1
    await fresh.ws.close()


async def test_the_page_sets_an_affinity_cookie_once(site):
    worker_a, worker_b, http = site
    async with http.get(base_of(worker_a)) as response:
        cookie = response.cookies[AFFINITY_COOKIE]
        assert cookie.value
        assert cookie["httponly"]
        assert cookie["path"] == "/"
    async with http.get(base_of(worker_b)) as response:
        # The browser has it (same host): nobody changes it, so a load
        # balancer hashing it keeps sending this visitor to one place.
        assert AFFINITY_COOKIE not in response.cookies


async def test_a_download_link_on_another_worker_says_421(site):
    worker_a, worker_b, http = site
    token = worker_a.transfers.add_download(b"data", "a.txt", "text/plain")
    async with http.get(f"{base_of(worker_b)}rio-desktop/download/{token}") as r:
        assert r.status == 421
        assert "another server process" in await r.text()
    async with http.get(f"{base_of(worker_a)}rio-desktop/download/{token}") as r:
        assert r.status == 200
        assert await r.read() == b"data"
    async with http.get(f"{base_of(worker_a)}rio-desktop/download/{token}") as r:
        assert r.status == 404  # used: its own process says so


async def test_an_upload_link_on_another_worker_says_421(site, tmp_path):
    worker_a, worker_b, http = site
    token, result = worker_a.transfers.add_upload(
        tmp_path, multiple=False, size_limit=1000
    )
    form = aiohttp.FormData()
    form.add_field("file", b"hello", filename="a.txt")
    async with http.post(
        f"{base_of(worker_b)}rio-desktop/upload/{token}", data=form
    ) as response:
        assert response.status == 421
    assert not result.done()
    form = aiohttp.FormData()
    form.add_field("file", b"hello", filename="a.txt")
    async with http.post(
        f"{base_of(worker_a)}rio-desktop/upload/{token}", data=form
    ) as response:
        assert response.status == 200
    (info,) = await asyncio.wait_for(result, 5)
    assert info.name == "a.txt"


async def test_a_settings_cookie_link_on_another_worker_says_421(site):
    worker_a, worker_b, http = site
    token = worker_a.settings_cookie.grant({"token": "x"})
    url = "rio-desktop/settings-cookie/" + token
    async with http.post(base_of(worker_b) + url) as response:
        assert response.status == 421
    async with http.post(base_of(worker_a) + url) as response:
        assert response.status == 204


# --- workers on one machine relay one-time URLs to each other ---------------------


@pytest.fixture
async def machine():
    """Two servers sharing a key and relaying, as gunicorn's workers do."""
    app = rio.App(build=Counter)
    async with (
        AppServer(app, signing_key=KEY, relay=True) as worker_a,
        AppServer(app, signing_key=KEY, relay=True) as worker_b,
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http,
    ):
        yield worker_a, worker_b, http


async def test_a_download_reaching_another_worker_is_relayed(machine, tmp_path):
    worker_a, worker_b, http = machine
    big = tmp_path / "big.bin"
    big.write_bytes(bytes(range(256)) * 4096)  # 1 MiB, streamed through
    token = worker_a.transfers.add_download(big, "big.bin", "application/x-test")
    async with http.get(f"{base_of(worker_b)}rio-desktop/download/{token}") as r:
        assert r.status == 200
        assert r.headers["Content-Type"] == "application/x-test"
        assert "big.bin" in r.headers["Content-Disposition"]
        assert await r.read() == big.read_bytes()
    async with http.get(f"{base_of(worker_b)}rio-desktop/download/{token}") as r:
        assert r.status == 404  # used up: the owner says so


async def test_an_upload_reaching_another_worker_is_relayed(machine, tmp_path):
    worker_a, worker_b, http = machine
    token, result = worker_a.transfers.add_upload(
        tmp_path, multiple=True, size_limit=10_000_000
    )
    form = aiohttp.FormData()
    form.add_field("file", b"x" * 3_000_000, filename="a.bin")
    form.add_field("file", b"second", filename="b.txt")
    async with http.post(
        f"{base_of(worker_b)}rio-desktop/upload/{token}", data=form
    ) as response:
        assert response.status == 200
    first, second = await asyncio.wait_for(result, 5)
    assert (first.name, first.size_in_bytes) == ("a.bin", 3_000_000)
    assert second.name == "b.txt"


async def test_a_settings_cookie_reaching_another_worker_is_relayed(machine):
    worker_a, worker_b, http = machine
    token = worker_a.settings_cookie.grant({"token": "x"})
    url = f"{base_of(worker_b)}rio-desktop/settings-cookie/{token}"
    async with http.post(url) as response:
        assert response.status == 204
        assert response.cookies["rio_desktop_settings"]["httponly"]


async def test_a_link_of_a_worker_that_is_gone_says_421(machine):
    worker_a, worker_b, http = machine
    token = worker_a.transfers.add_download(b"data", "a.txt", "text/plain")
    await worker_a.close()
    async with http.get(f"{base_of(worker_b)}rio-desktop/download/{token}") as r:
        assert r.status == 421

"""Assets over HTTP: url_for_asset, and no way out of the assets folder."""

from __future__ import annotations

import asyncio
import http.client
import os
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from yarl import URL

import rio_desktop as rio


class Empty(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("empty")


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """An assets folder with a file, next to a secret that must stay private."""
    assets = tmp_path / "assets"
    (assets / "img").mkdir(parents=True)
    (assets / "img" / "logo.txt").write_text("logo")
    (assets / "a b.txt").write_text("spaced")
    (tmp_path / "secret.txt").write_text("SECRET")
    os.symlink(tmp_path / "secret.txt", assets / "link-out.txt")
    os.symlink(tmp_path, assets / "dir-out")
    os.symlink(assets / "img" / "logo.txt", assets / "link-in.txt")
    return assets, tmp_path


@pytest.fixture
def get(folders, serve):
    """A running server for the assets folder; get(raw_path) -> (status, body)."""
    assets, _ = folders
    server = serve(rio.App(build=Empty, assets_dir=assets))
    return lambda raw_path: raw_get(server.server.port, raw_path)


def raw_get(port: int, raw_path: str) -> tuple[int, str]:
    """GET a path exactly as written: no client normalises or re-encodes it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", raw_path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_asset_is_served(get):
    """A file inside the folder is served, also through an inner symlink."""
    assert get("/rio-desktop/assets/img/logo.txt") == (200, "logo")
    assert get("/rio-desktop/assets/a%20b.txt") == (200, "spaced")
    assert get("/rio-desktop/assets/link-in.txt") == (200, "logo")


@pytest.mark.parametrize(
    "attack",
    [
        "/rio-desktop/assets/../secret.txt",
        "/rio-desktop/assets/img/../../secret.txt",
        "/rio-desktop/assets/%2e%2e/secret.txt",
        "/rio-desktop/assets/%2E%2E%2Fsecret.txt",
        "/rio-desktop/assets/img/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/rio-desktop/assets/..%5csecret.txt",
        "/rio-desktop/assets/%2fetc%2fpasswd",
        "/rio-desktop/assets//etc/passwd",
        "/rio-desktop/assets/link-out.txt",
        "/rio-desktop/assets/dir-out/secret.txt",
        "/rio-desktop/assets/img/logo.txt%00.png",
        "/rio-desktop/assets/img",
        "/rio-desktop/static/../../pyproject.toml",
        "/rio-desktop/static/%2e%2e/%2e%2e/pyproject.toml",
    ],
)
def test_paths_out_of_the_folder_are_refused(get, attack):
    """.., %2e%2e, encoded slashes, absolute paths, NUL and symlinks out."""
    status, body = get(attack)
    assert "SECRET" not in body and "root:" not in body and "[project]" not in body
    # aiohttp may normalise "/assets/../x" to "/x", which is the page itself.
    assert status == 404 or (status == 200 and "rio-config" in body), (status, body)


def session_for(assets: Path, base: str = "http://127.0.0.1:8000/") -> rio.Session:
    """A session object for checking url_for_asset, without a page."""
    from rio_desktop.session import Session

    session = Session.__new__(Session)
    object.__setattr__(session, "_app", rio.App(build=Empty, assets_dir=assets))
    object.__setattr__(session, "navigator", SimpleNamespace(base_url=URL(base)))
    return session


def test_url_for_asset(folders):
    """Paths inside assets_dir (absolute or relative) get URLs below the base."""
    assets, outside = folders
    session = session_for(assets, "http://example.com/sub/")
    assert session.url_for_asset(assets / "img" / "logo.txt") == URL(
        "http://example.com/sub/rio-desktop/assets/img/logo.txt"
    )
    assert str(session.url_for_asset(Path("a b.txt"))).endswith("/assets/a%20b.txt")
    assert session.url_for_asset(session.assets / "img/logo.txt").is_absolute()


@pytest.mark.parametrize(
    "bad", ["../secret.txt", "/etc/passwd", "link-out.txt", "dir-out/secret.txt", "."]
)
def test_url_for_asset_refuses_paths_outside(folders, bad):
    """A path that is (or resolves to) outside assets_dir raises ValueError."""
    assets, _ = folders
    with pytest.raises(ValueError, match="not inside the app's assets folder"):
        session_for(assets).url_for_asset(Path(bad))


def test_url_for_asset_loads_in_a_sub_path_app(folders):
    """Mounted under /sub/, the URL url_for_asset returns serves the file."""
    assets, _ = folders
    from aiohttp import web

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start() -> tuple[web.AppRunner, int]:
        root = web.Application()
        app = rio.App(build=Empty, assets_dir=assets)
        root.add_subapp("/sub/", app.as_aiohttp_app())
        runner = web.AppRunner(root)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    runner, port = asyncio.run_coroutine_threadsafe(start(), loop).result(10)
    try:
        session = session_for(assets, f"http://127.0.0.1:{port}/sub/")
        url = session.url_for_asset("img/logo.txt")
        assert url.path == "/sub/rio-desktop/assets/img/logo.txt"
        assert raw_get(port, url.raw_path) == (200, "logo")
        assert raw_get(port, "/sub/rio-desktop/assets/%2e%2e/x")[0] == 404
        assert "SECRET" not in raw_get(port, "/sub/rio-desktop/assets/link-out.txt")[1]
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)

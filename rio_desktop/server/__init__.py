"""The aiohttp server of an app: its routes, its parts, its start and stop.

Routes, relative to where the app is mounted, and the part serving each:

- ``GET /{anything}``: the page itself, with a one-time session token,
  ``GET /rio-desktop/static/{file}``: its ES modules and CSS,
  ``GET /rio-desktop/page-token``: a new token for a page whose session is
  gone, and ``GET /favicon.ico`` (`page.PageFiles`),
- ``GET /rio-desktop/ws?token=...``: one websocket per tab, from hello to
  close (`connection.Connections`),
- ``GET /rio-desktop/assets/{file}``, ``/blob/{id}``, ``/plotly.min.js``,
  ``/download/{token}`` and ``POST /rio-desktop/upload/{token}``: the app's
  files and one-time transfers (`app_files.AppFiles`),
- ``POST /rio-desktop/settings-cookie/{token}``: sets the HttpOnly cookie of
  `HttpOnly` settings (`settings_cookie.SettingsCookie`).

Every request first passes `security.Guard`: the optional per-launch
secret, and the `Host` (and a websocket's `Origin`) against the allowed
hosts. Memory is given back once sessions close (`memory.MemoryRelease`).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import weakref
from typing import TYPE_CHECKING

from aiohttp import web
from yarl import URL

from .. import memory, protocol
from ..files import Transfers
from ..hosts.base import Host
from ..hosts.browser import BrowserHost
from ..session import Session
from .affinity import ProcessLinks
from .app_files import AppFiles
from .connection import RECONNECT_GRACE, Connection, Connections, HostFactory
from .page import PageFiles, webui_dir
from .relay import Handler, Relay
from .security import AllowedHosts, Guard, PageTokens, loopback_hosts, shared_key
from .settings_cookie import SettingsCookie

if TYPE_CHECKING:
    from ..app import App

__all__ = ["AppServer", "running_servers", "serve_forever", "webui_dir"]

log = logging.getLogger(__name__)


class AppServer:
    """Serves one `App` over HTTP and websockets.

    ``async with AppServer(app) as server:`` starts it on a free loopback
    port (unless `start()` was called already) and closes it at the end.

    Args:
        app: The app to serve.
        secret: If set, every request must carry it (query `secret=` once,
            then a cookie). The desktop runtime sets a fresh one per launch.
        allowed_hosts: If set, requests whose Host header is not one of these
            ("127.0.0.1:8000") are refused, and websocket upgrades must come
            from one of these origins. Guards loopback servers against DNS
            rebinding. A callable is asked on every request.
        host_factory: Makes the `Host` for a new session; default: browser.
        host_types: The `Host` classes `host_factory` makes; each one's
            `warm_up()` runs once the server listens.
        reconnect_grace: How long a session waits for its page to come back
            after its socket dropped.
        base_url: The public URL of the app behind a proxy that strips its
            sub-path; None: taken from each request.
        signing_key: Signs page tokens; every process serving the app
            behind one address needs the same (`security.deployment_key`).
            None: a random key of this process.
        relay: Pass one-time URLs that belong to another process of the
            same `signing_key` on this machine on to it (`relay.Relay`):
            gunicorn's workers on one port.
    """

    def __init__(
        self,
        app: App,
        *,
        secret: str | None = None,
        allowed_hosts: AllowedHosts = None,
        host_factory: HostFactory | None = None,
        host_types: tuple[type[Host], ...] = (BrowserHost,),
        reconnect_grace: float = RECONNECT_GRACE,
        base_url: URL | str | None = None,
        signing_key: bytes | None = None,
        relay: bool = False,
    ) -> None:
        self.app = app
        #: The public URL of the app behind a proxy that strips its sub-path
        #: (App.run_as_web_server(base_url=...)); None: taken from requests.
        self.base_url = _checked_base_url(base_url)
        #: Query parameters that carry credentials: the page removes them
        #: from its address bar and history once loaded.
        self.credential_params: set[str] = {"secret"}
        #: Names this process in its one-time URLs (see `affinity`).
        self.links = ProcessLinks()
        #: One-time upload and download URLs (pick_file / save_file).
        self.transfers = Transfers(self.links.new_token)
        self.guard = Guard(secret, allowed_hosts)
        self.page_tokens = PageTokens(signing_key)
        self.settings_cookie = SettingsCookie(self.base_url, self.links)
        self.page = PageFiles(
            self._current_app,
            self.page_tokens,
            credential_params=self.credential_params,
            base_url=self.base_url,
        )
        self.files = AppFiles(self._current_app, self.transfers, links=self.links)
        self.connections = Connections(
            self._current_app,
            guard=self.guard,
            tokens=self.page_tokens,
            host_factory=host_factory or self._browser_host,
            reconnect_grace=reconnect_grace,
            base_url=self.base_url,
            on_session_closed=self._session_closed,
        )
        self.memory_release = memory.MemoryRelease(shrink=self.connections.shrink)
        if relay and signing_key is not None:
            self.links.relay = Relay(signing_key, self.links.process_id, self._routes())
        self._host_types = host_types
        self._started = False
        self.runner: web.AppRunner | None = None
        #: The port `start()` bound.
        self.port = 0
        #: The event loop `start()` ran on; call the server on it.
        self.loop: asyncio.AbstractEventLoop | None = None
        self.aiohttp_app = self._make_aiohttp_app()

    def _make_aiohttp_app(self) -> web.Application:
        aiohttp_app = web.Application(middlewares=[self.guard.middleware])
        routes = aiohttp_app.router
        routes.add_get("/rio-desktop/ws", self.connections.websocket)
        routes.add_get("/rio-desktop/static/{path:.+}", self.page.static)
        routes.add_get("/rio-desktop/assets/{path:.+}", self.files.asset)
        routes.add_get("/rio-desktop/blob/{id}", self.files.blob)
        routes.add_get("/rio-desktop/plotly.min.js", self.files.plotly_js)
        for method, path, handler in self._routes():
            routes.add_route(method, "/" + path, handler)
        routes.add_get("/rio-desktop/page-token", self.page.page_token)
        routes.add_get("/favicon.ico", self.page.favicon)
        routes.add_get("/{tail:.*}", self.page.index)
        aiohttp_app.on_startup.append(self._on_startup)
        aiohttp_app.on_shutdown.append(self._on_shutdown)
        aiohttp_app.on_cleanup.append(self._on_cleanup)
        return aiohttp_app

    def _routes(self) -> list[tuple[str, str, Handler]]:
        """The one-time URLs, redeemed by the process that made them."""
        return [
            ("POST", "rio-desktop/upload/{token}", self.files.upload),
            ("GET", "rio-desktop/download/{token}", self.files.download),
            (
                "POST",
                "rio-desktop/settings-cookie/{token}",
                self.settings_cookie.set_cookie,
            ),
        ]

    # --- start and stop -------------------------------------------------------

    async def start(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        sock: socket.socket | None = None,
    ) -> int:
        """Bind and start serving; returns the bound port (use port 0).

        `sock`: an already bound (and listening) socket to serve on instead;
        the desktop runtime binds it early so the window can load meanwhile.
        """
        self.runner = web.AppRunner(
            self.aiohttp_app, handle_signals=False, access_log=None
        )
        await self.runner.setup()
        self.loop = asyncio.get_running_loop()
        _running_servers.add(self)
        memory.fill_free_lists(self.loop)
        # Gzip the page's files in a worker thread (zlib lets go of the GIL).
        # This also starts the loop's default executor now: aiohttp compresses
        # big websocket messages there, and made amid the first session, the
        # executor and its thread would keep that session's arenas.
        self.loop.run_in_executor(None, self.page.compress_page_files)
        site: web.BaseSite = (
            web.SockSite(self.runner, sock)
            if sock is not None
            else web.TCPSite(self.runner, host, port)
        )
        await site.start()
        self.port = self.runner.addresses[0][1]
        self.loop.call_soon(self._warm_up_hosts)
        return self.port

    async def close(self) -> None:
        """Stop serving, closing every session; idempotent."""
        _running_servers.discard(self)
        if self.runner is not None:
            runner, self.runner = self.runner, None
            await runner.cleanup()

    async def __aenter__(self) -> AppServer:
        if self.runner is None:
            await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _on_startup(self, _: web.Application) -> None:
        self._started = True
        if self.links.relay is not None:
            await self.links.relay.start()
        await self.app._call_hook(self.app.on_app_start, self.app)

    async def _on_shutdown(self, _: web.Application) -> None:
        await self.connections.close_all()
        await self.app._call_hook(self.app.on_app_close, self.app)

    async def _on_cleanup(self, _: web.Application) -> None:
        if self.links.relay is not None:
            await self.links.relay.close()

    def _warm_up_hosts(self) -> None:
        """Load now, while idle, what the first session would wait for."""
        for host_type in self._host_types:
            try:
                host_type.warm_up()
            except Exception:  # the first session then tries (and logs) itself
                log.debug("Warming up %s failed", host_type.__name__, exc_info=True)

    # --- sessions ---------------------------------------------------------------

    @property
    def sessions(self) -> list[Session]:
        return [connection.session for connection in self.connections]

    @property
    def _connections(self) -> dict[str, Connection]:
        """The open connections by token (`rio_desktop.testing` waits for
        their outboxes to empty)."""
        return self.connections.by_token

    @property
    def allowed_hosts(self) -> AllowedHosts:
        """See the class; may be set until the server is started."""
        return self.guard.allowed_hosts

    @allowed_hosts.setter
    def allowed_hosts(self, allowed: AllowedHosts) -> None:
        self.guard.allowed_hosts = allowed

    async def replace_app(self, app: App) -> None:
        """Serve `app` from now on, and show it in every open page (hot reload).

        Each live session keeps its page, URL and connection; its tree is
        rebuilt from `app` and sent as a full reset. The new app's
        `on_app_start` and each session's `on_session_start` run again; the
        old app's close hooks do not (its code was replaced, not closed).
        Call it on the server's event loop (`AppServer.loop`).
        """
        self.app = app
        if self._started:
            await app._call_hook(app.on_app_start, app)
        for connection in self.connections:
            session = connection.session
            if session.is_closed:
                continue
            session.connection.replace_app(app)
            await app._call_hook(app.on_session_start, session)

    def _current_app(self) -> App:
        return self.app

    def _browser_host(self, request: web.Request, hello: protocol.Hello) -> Host:
        return BrowserHost(
            self.transfers,
            upload_limit=self.app.max_upload_size,
            settings_cookie=self.settings_cookie.read(request),
            grant_cookie=self.settings_cookie.grant,
        )

    def _session_closed(self) -> None:
        self.memory_release.session_closed()


#: Servers started in this process and not closed yet (see `running_servers`).
_running_servers: weakref.WeakSet[AppServer] = weakref.WeakSet()


def running_servers() -> list[AppServer]:
    """The `AppServer`s this process started and has not closed.

    The CLI's hot reload uses it to reach the server the window runtime
    started; each server's `loop` is the event loop to call it on.
    """
    return list(_running_servers)


async def serve_forever(
    app: App,
    host: str,
    port: int,
    *,
    quiet: bool = False,
    base_url: URL | str | None = None,
    open_browser: bool = False,
) -> None:
    """Serve `app` as a website until cancelled (Ctrl+C)."""
    loopback = host in ("127.0.0.1", "localhost", "::1")
    # One process: its own key unless several share RIO_DESKTOP_SECRET_KEY.
    server = AppServer(app, base_url=base_url, signing_key=shared_key())
    if loopback and base_url is None:
        server.allowed_hosts = lambda: loopback_hosts(server.port)
    bound = await server.start(host, port)
    async with server:
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
        url = f"http://{shown}:{bound}/"
        if not quiet:
            public = f" (public URL {server.base_url})" if server.base_url else ""
            print(f"{app.name} is running as a website at {url}{public}", flush=True)
        if open_browser:
            import webbrowser

            await asyncio.to_thread(webbrowser.open, url)
        await asyncio.Event().wait()


def _checked_base_url(base_url: URL | str | None) -> URL | None:
    if base_url is None:
        return None
    url = URL(str(base_url))
    if not url.is_absolute() or url.scheme not in ("http", "https"):
        raise ValueError(
            f"base_url {str(base_url)!r} must be an absolute http(s) URL, like"
            " 'https://example.com/myapp/'"
        )
    if url.query_string or url.fragment:
        raise ValueError(f"base_url {str(base_url)!r} may not have a query or fragment")
    return url.with_path(url.path.rstrip("/") + "/")

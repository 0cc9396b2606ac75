"""The aiohttp server: the page, its files, the app's assets and the websocket.

Routes, relative to where the app is mounted:

- ``GET /rio-desktop/static/{file}``: the page's own ES modules and CSS,
- ``GET /rio-desktop/assets/{file}``: files of ``App(assets_dir=...)``,
- ``GET /rio-desktop/ws?token=...``: one websocket per tab,
- ``POST /rio-desktop/upload/{token}``: files picked in the page (one-time),
- ``GET /rio-desktop/download/{token}``: a file the app saves (one-time),
- ``POST /rio-desktop/settings-cookie/{token}``: sets the HttpOnly cookie of
  `HttpOnly` settings (one-time, same origin only),
- ``GET /{anything}``: the page itself, with a one-time session token.

Security (see ARCHITECTURE.md): an optional per-launch secret required on
every route, `Host` and `Origin` checks against the loopback address, asset
paths resolved (symlinks too) before the containment check.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import gzip
import hashlib
import hmac
import html
import json
import logging
import mimetypes
import re
import secrets
import tempfile
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiohttp import BodyPartReader, WSCloseCode, WSMsgType, hdrs, web
from yarl import URL

from . import memory, protocol
from ._slim import slim
from .files import FileInfo, FileUploadError, Transfers, guess_media_type
from .hosts.base import Host
from .hosts.browser import BrowserHost
from .session import Session

if TYPE_CHECKING:
    from .app import App

__all__ = ["AppServer", "running_servers", "serve_forever", "webui_dir"]

log = logging.getLogger(__name__)

SECRET_COOKIE = "rio_desktop_secret"
#: The HttpOnly cookie of `HttpOnly` settings (plus a hash of the base path).
SETTINGS_COOKIE = "rio_desktop_settings"
#: How long the browser keeps it: 400 days, the most Chromium allows.
SETTINGS_COOKIE_MAX_AGE = 400 * 24 * 3600
#: Browsers drop bigger cookies.
SETTINGS_COOKIE_MAX_BYTES = 4000
#: How long a page may take to open its websocket after loading.
TOKEN_LIFETIME = 300.0
#: How long a session waits for its page to reconnect after the socket drops.
RECONNECT_GRACE = 60.0
HELLO_TIMEOUT = 15.0
#: Page loads whose websocket has not come yet; the oldest go first.
MAX_PENDING_TOKENS = 10_000
#: Uploads are read and written in pieces of this size.
UPLOAD_CHUNK = 1024 * 1024
#: Memory is released once no session has closed for this long (seconds)...
RELEASE_QUIET = 1.0
#: ... or at the latest this long after the first close of a burst.
RELEASE_MAX_WAIT = 10.0

HostFactory = Callable[[web.Request, protocol.Hello], Host]


def webui_dir() -> Path:
    """Where the page's files are: inside the package once installed."""
    installed = Path(__file__).parent / "webui"
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent / "webui"


class _Connection:
    """A session plus the socket currently serving it (if any)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ws: web.WebSocketResponse | None = None
        self.outbox: asyncio.Queue[str | None] = asyncio.Queue()
        self.expiry: asyncio.TimerHandle | None = None

    def send(self, message: dict[str, Any]) -> None:
        self.outbox.put_nowait(protocol.encode(message))


class AppServer:
    """Serves one `App` over HTTP and websockets.

    Args:
        app: The app to serve.
        secret: If set, every request must carry it (query `secret=` once,
            then a cookie). The desktop runtime sets a fresh one per launch.
        allowed_hosts: If set, requests whose Host header is not one of these
            ("127.0.0.1:8000") are refused, and websocket upgrades must come
            from one of these origins. Guards loopback servers against DNS
            rebinding.
        host_factory: Makes the `Host` for a new session; default: browser.
        host_types: The `Host` classes `host_factory` makes; each one's
            `warm_up()` runs once the server listens.
    """

    def __init__(
        self,
        app: App,
        *,
        secret: str | None = None,
        allowed_hosts: Callable[[], set[str]] | set[str] | None = None,
        host_factory: HostFactory | None = None,
        host_types: tuple[type[Host], ...] = (BrowserHost,),
        reconnect_grace: float = RECONNECT_GRACE,
        base_url: URL | str | None = None,
    ) -> None:
        self.app = app
        #: The public URL of the app behind a proxy that strips its sub-path
        #: (App.run_as_web_server(base_url=...)); None: taken from requests.
        self.base_url = _checked_base_url(base_url)
        self.secret = secret
        self._allowed_hosts = allowed_hosts
        #: One-time upload and download URLs (pick_file / save_file).
        self.transfers = Transfers()
        self._host_factory = host_factory or (
            lambda request, hello: BrowserHost(
                self.transfers,
                upload_limit=self.app.max_upload_size,
                settings_cookie=self._read_settings_cookie(request),
                grant_cookie=self._grant_settings_cookie,
            )
        )
        self._host_types = host_types
        self._reconnect_grace = reconnect_grace
        self._pending_tokens: dict[str, float] = {}
        #: One-time settings-cookie URLs: token -> (cookie value, created).
        self._cookie_grants: dict[str, tuple[str, float]] = {}
        #: Query parameters that carry credentials: the page removes them
        #: from its address bar and history once loaded.
        self.credential_params: set[str] = {"secret"}
        self._connections: dict[str, _Connection] = {}
        self._release_handle: asyncio.TimerHandle | None = None
        self._last_close = 0.0
        self._release_due = 0.0
        self._gzip_cache: dict[tuple[Path, int], bytes] = {}
        self._sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()
        self._webui = webui_dir()
        # boot.js is inlined: it opens the websocket before the modules load.
        self._index_template = (
            (self._webui / "index.html")
            .read_text("utf-8")
            .replace("{{boot}}", slim((self._webui / "boot.js").read_text("utf-8")))
        )
        version, preloads = _webui_version_and_modules(self._webui)
        self._asset_version, self._preloads = version, preloads
        self._started = False
        self._closing = False
        self.runner: web.AppRunner | None = None
        #: The event loop `start()` ran on; call the server on it.
        self.loop: asyncio.AbstractEventLoop | None = None
        self.aiohttp_app = self._make_aiohttp_app()

    # --- lifecycle ----------------------------------------------------------

    def _make_aiohttp_app(self) -> web.Application:
        aiohttp_app = web.Application(middlewares=[self._security_middleware])
        aiohttp_app.router.add_get("/rio-desktop/ws", self._websocket)
        aiohttp_app.router.add_get("/rio-desktop/static/{path:.+}", self._static)
        aiohttp_app.router.add_get("/rio-desktop/assets/{path:.+}", self._asset)
        aiohttp_app.router.add_get("/rio-desktop/blob/{id}", self._blob)
        aiohttp_app.router.add_get("/rio-desktop/plotly.min.js", self._plotly_js)
        aiohttp_app.router.add_post("/rio-desktop/upload/{token}", self._upload)
        aiohttp_app.router.add_get("/rio-desktop/download/{token}", self._download)
        aiohttp_app.router.add_post(
            "/rio-desktop/settings-cookie/{token}", self._settings_cookie
        )
        aiohttp_app.router.add_get("/favicon.ico", self._favicon)
        aiohttp_app.router.add_get("/{tail:.*}", self._index)
        aiohttp_app.on_startup.append(self._on_startup)
        aiohttp_app.on_shutdown.append(self._on_shutdown)
        return aiohttp_app

    async def _on_startup(self, _: web.Application) -> None:
        self._started = True
        await self.app._call_hook(self.app.on_app_start, self.app)

    async def _on_shutdown(self, _: web.Application) -> None:
        self._closing = True
        for token in list(self._connections):
            await self._close_session(token)
        for ws in list(self._sockets):
            await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutdown")
        await self.app._call_hook(self.app.on_app_close, self.app)

    async def start(
        self, host: str = "127.0.0.1", port: int = 0, *, sock: Any = None
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
        self.loop.run_in_executor(None, self._compress_page_files)
        site: web.BaseSite = (
            web.SockSite(self.runner, sock)
            if sock is not None
            else web.TCPSite(self.runner, host, port)
        )
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[union-attr]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.loop.call_soon(self._warm_up_hosts)
        return self.port

    def _warm_up_hosts(self) -> None:
        """Load now, while idle, what the first session would wait for."""
        for host_type in self._host_types:
            try:
                host_type.warm_up()
            except Exception:  # the first session then tries (and logs) itself
                log.debug("Warming up %s failed", host_type.__name__, exc_info=True)

    def _compress_page_files(self) -> None:
        try:
            for name in ("style.css", "app.js", *self._preloads):
                self._gzipped(self._webui / name)
        except OSError:  # the request for the file will say what is wrong
            log.debug("Compressing the page's files failed", exc_info=True)

    async def close(self) -> None:
        """Stop serving, closing every session; idempotent."""
        _running_servers.discard(self)
        if self.runner is not None:
            runner, self.runner = self.runner, None
            await runner.cleanup()

    async def __aenter__(self) -> AppServer:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def sessions(self) -> list[Session]:
        return [c.session for c in self._connections.values()]

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
        for connection in list(self._connections.values()):
            session = connection.session
            if session.is_closed:
                continue
            session.connection.replace_app(app)
            await app._call_hook(app.on_session_start, session)

    # --- security -------------------------------------------------------------

    @web.middleware
    async def _security_middleware(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        allowed = self._allowed_host_set()
        if allowed is not None and request.host not in allowed:
            log.warning("Refused a request for host %r", request.host)
            return web.Response(status=403, text="This host is not served here.")
        if self.secret is not None:
            given = request.query.get("secret") or request.cookies.get(SECRET_COOKIE)
            if not given or not hmac.compare_digest(given, self.secret):
                return web.Response(status=403, text="Forbidden.")
            is_socket = request.path.endswith("/rio-desktop/ws")
            if "secret" in request.query and request.method == "GET" and not is_socket:
                # Trade the secret in the URL for a cookie; the page drops it
                # from its address (no redirect: the window starts sooner).
                response = await handler(request)
                response.set_cookie(
                    SECRET_COOKIE, self.secret, httponly=True, samesite="Strict"
                )
                return response
        return await handler(request)

    def _allowed_host_set(self) -> set[str] | None:
        allowed = self._allowed_hosts
        if callable(allowed):
            return allowed()
        return allowed

    # --- handlers -----------------------------------------------------------

    async def _index(self, request: web.Request) -> web.Response:
        tail = request.match_info.get("tail", "")
        if self.base_url is not None:
            base_path = self.base_url.path
        else:
            base_path = request.path[: len(request.path) - len(tail)] or "/"
        if not base_path.endswith("/"):
            base_path += "/"
        self._expire_tokens()
        token = secrets.token_urlsafe(24)
        self._pending_tokens[token] = time.monotonic()
        # The address the page shows, without one-time credentials in it.
        query = request.rel_url.query.copy()
        for name in self.credential_params:
            query.popall(name, None)
        shown_url = str(request.rel_url.with_query(query))
        config = json.dumps({"token": token, "base": base_path, "url": shown_url})
        values = {
            "title": html.escape(self.app.name),
            "meta": self._meta_tags(base_path) + _background_style(self.app),
            "base": html.escape(base_path),
            "version": self._asset_version,
            "preloads": "".join(
                f'<link rel="modulepreload" href="{html.escape(base_path)}'
                f'rio-desktop/static/{self._asset_version}/{name}">'
                for name in self._preloads
            ),
            "config": config.replace("</", "<\\/"),
        }
        # One pass: text from the app (its name, meta tags) is never scanned
        # for placeholders.
        page = re.sub(
            r"\{\{(\w+)\}\}",
            lambda found: values.get(found[1], found[0]),
            self._index_template,
        )
        headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
        body = page.encode()
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            # Safe from BREACH-style guessing: the only secret in the page is
            # its token, new in every response.
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers.update({"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return web.Response(
            body=body, content_type="text/html", charset="utf-8", headers=headers
        )

    def _meta_tags(self, base_path: str) -> str:
        """The app's <meta> tags (description, link previews, meta_tags=) and
        its icon link."""
        app = self.app
        tags = {
            "description": app.description,
            "og:title": app.name,
            "og:description": app.description,
            **app.meta_tags,
        }
        lines = [
            f'<meta name="{html.escape(k)}" content="{html.escape(v)}">'
            for k, v in tags.items()
        ]
        if app._icon_bytes is not None or app.icon is not None:
            lines.append(
                f'<link rel="icon" href="{html.escape(base_path)}favicon.ico">'
            )
        return "\n".join(lines)

    async def _static(self, request: web.Request) -> web.StreamResponse:
        # Paths carry the webui's content hash ("v-1a2b.../app.js"), and so do
        # the modules they import relatively: a new release is a new URL.
        version, _, relative = request.match_info["path"].partition("/")
        if not version.startswith("v-"):
            version, relative = "", request.match_info["path"]
        path = _contained(self._webui, relative)
        if path is None:
            raise web.HTTPNotFound()
        cache = (
            "public, max-age=31536000, immutable"
            if version == self._asset_version
            else "no-cache"
        )
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            # The page's modules are text: gzipped, a fraction of the bytes.
            body = self._gzipped(path)
            return web.Response(
                body=body,
                content_type=mimetypes.guess_type(path.name)[0]
                or "application/octet-stream",
                headers={
                    "Cache-Control": cache,
                    "Content-Encoding": "gzip",
                    "Vary": "Accept-Encoding",
                },
            )
        if path.suffix in _SLIMMED:
            return web.Response(
                body=_page_file_bytes(path),
                content_type=mimetypes.guess_type(path.name)[0],
                headers={"Cache-Control": cache},
            )
        return web.FileResponse(path, headers={"Cache-Control": cache})

    def _gzipped(self, path: Path) -> bytes:
        """The file gzipped, compressed once per file version."""
        key = (path, path.stat().st_mtime_ns)
        body = self._gzip_cache.get(key)
        if body is None:
            body = gzip.compress(_page_file_bytes(path), compresslevel=9, mtime=0)
            self._gzip_cache[key] = body
        return body

    async def _blob(self, request: web.Request) -> web.StreamResponse:
        """Images and media (Image, MediaPlayer, PdfViewer...) given as bytes or
        a path (see _image.py)."""
        from .components._image import lookup_blob

        found = lookup_blob(request.match_info["id"])
        if found is None:
            raise web.HTTPNotFound()
        data, content_type = found
        headers = {
            "Cache-Control": "private, max-age=3600",
            # An uploaded SVG opened directly must not run scripts here.
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
            "X-Content-Type-Options": "nosniff",
        }
        if isinstance(data, Path):
            if not data.is_file():
                raise web.HTTPNotFound()
            # FileResponse answers Range requests itself (media seeking).
            headers["Content-Type"] = content_type
            return web.FileResponse(data, headers=headers)
        # Media players ask for byte ranges (seeking; some engines need them
        # to play video at all).
        headers["Accept-Ranges"] = "bytes"
        if request.method == "GET" and hdrs.RANGE in request.headers:
            span = _byte_range(request.headers[hdrs.RANGE], len(data))
            if span is None:
                headers["Content-Range"] = f"bytes */{len(data)}"
                raise web.HTTPRequestRangeNotSatisfiable(headers=headers)
            start, end = span
            headers["Content-Range"] = f"bytes {start}-{end - 1}/{len(data)}"
            return web.Response(
                status=206,
                body=data[start:end],
                content_type=content_type,
                headers=headers,
            )
        return web.Response(body=data, content_type=content_type, headers=headers)

    async def _plotly_js(self, request: web.Request) -> web.StreamResponse:
        """plotly.js for rio.Plot: the copy inside the installed `plotly`
        package (a fixed file, never a CDN); 404 without plotly."""
        from .components._plot import plotly_js

        found = await asyncio.get_running_loop().run_in_executor(None, plotly_js)
        if found is None:
            raise web.HTTPNotFound(text="plotly is not installed: pip install plotly")
        path, gzipped = found
        # The page asks with ?v=<plotly's version>: a new version is a new URL.
        headers = {"Cache-Control": "private, max-age=31536000, immutable"}
        if "gzip" not in request.headers.get("Accept-Encoding", ""):
            return web.FileResponse(path, headers=headers)
        headers.update({"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return web.Response(
            body=gzipped, content_type="text/javascript", headers=headers
        )

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        path = _contained(self.app.assets_dir, request.match_info["path"])
        if path is None:
            raise web.HTTPNotFound()
        return web.FileResponse(path, headers={"Cache-Control": "no-cache"})

    async def _download(self, request: web.Request) -> web.StreamResponse:
        """A file `save_file` offers, at its one-time URL."""
        download = self.transfers.take_download(request.match_info["token"])
        if download is None:
            raise web.HTTPNotFound(text="This download link was used or expired.")
        headers = {
            "Content-Disposition": _attachment_header(download.file_name),
            "Content-Type": download.media_type,
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
        if isinstance(download.contents, Path):
            return web.FileResponse(download.contents, headers=headers)
        return web.Response(body=download.contents, headers=headers)

    async def _upload(self, request: web.Request) -> web.StreamResponse:
        """Files the user picked, streamed into temporary files."""
        upload = self.transfers.take_upload(request.match_info["token"])
        if upload is None:
            raise web.HTTPNotFound(text="This upload link was used or expired.")
        try:
            files = await _receive_files(request, upload.directory, upload.size_limit)
        except FileUploadError as error:
            if not upload.result.done():
                upload.result.set_exception(error)
            raise web.HTTPRequestEntityTooLarge(
                max_size=upload.size_limit, actual_size=request.content_length or 0
            ) from None
        except (ConnectionError, asyncio.CancelledError, ValueError) as error:
            if not upload.result.done():
                upload.result.set_exception(
                    FileUploadError(f"The upload was interrupted ({error}).")
                )
            raise
        if not upload.multiple:
            files = files[:1]
        if not upload.result.done():
            upload.result.set_result(files)
        return web.json_response({"files": len(files)})

    # --- HttpOnly settings: a cookie the page's scripts cannot read ----------

    def _app_base_path(self, request: web.Request, route: str) -> str:
        if self.base_url is not None:
            return self.base_url.path.rstrip("/") + "/"
        path = request.path
        return path[: -len(route)] if path.endswith(route) else "/"

    def _read_settings_cookie(self, request: web.Request) -> dict[str, Any]:
        """The HttpOnly settings the websocket handshake carries."""
        name = _settings_cookie_name(self._app_base_path(request, "rio-desktop/ws"))
        text = request.cookies.get(name)
        if not text:
            return {}
        try:
            data = json.loads(base64.urlsafe_b64decode(text.encode("ascii")))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeError) as error:
            log.warning("Ignoring a corrupt settings cookie: %s", error)
            return {}
        return data

    def _grant_settings_cookie(self, data: dict[str, Any]) -> str:
        """A one-time token whose URL sets the settings cookie to `data`."""
        value = base64.urlsafe_b64encode(
            json.dumps(data, separators=(",", ":")).encode("utf-8")
        ).decode("ascii")
        if len(value) > SETTINGS_COOKIE_MAX_BYTES:
            log.warning(
                "The HttpOnly settings take %d bytes as a cookie; browsers keep"
                " at most about %d, so they may not be stored",
                len(value),
                SETTINGS_COOKIE_MAX_BYTES,
            )
        now = time.monotonic()
        for old, (_, created) in list(self._cookie_grants.items()):
            if now - created > TOKEN_LIFETIME:
                del self._cookie_grants[old]
        while len(self._cookie_grants) >= MAX_PENDING_TOKENS:
            del self._cookie_grants[next(iter(self._cookie_grants))]
        token = secrets.token_urlsafe(24)
        self._cookie_grants[token] = (value, now)
        return token

    async def _settings_cookie(self, request: web.Request) -> web.StreamResponse:
        """Set the settings cookie granted to this one-time URL."""
        # Only the app's own page: a cross-site request is refused before
        # its token is looked at (so it cannot use one up either).
        site = request.headers.get("Sec-Fetch-Site")
        origin = request.headers.get("Origin")
        if (site is not None and site != "same-origin") or (
            origin is not None and URL(origin).host_port_subcomponent != request.host
        ):
            log.warning("Refused a settings cookie request from %r", origin)
            return web.Response(status=403, text="Forbidden.")
        token = request.match_info["token"]
        grant = self._cookie_grants.pop(token, None)
        if grant is None or time.monotonic() - grant[1] > TOKEN_LIFETIME:
            raise web.HTTPNotFound(text="This link was used or expired.")
        base_path = self._app_base_path(request, f"rio-desktop/settings-cookie/{token}")
        secure = (
            request.secure
            or request.headers.get("X-Forwarded-Proto", "").lower() == "https"
            or (self.base_url is not None and self.base_url.scheme == "https")
        )
        response = web.Response(status=204, headers={"Cache-Control": "no-store"})
        response.set_cookie(
            _settings_cookie_name(base_path),
            grant[0],
            path=base_path,
            max_age=SETTINGS_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Strict",
            secure=secure,
        )
        return response

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        allowed = self._allowed_host_set()
        origin = request.headers.get("Origin")
        if allowed is not None and (
            origin is None or URL(origin).host_port_subcomponent not in allowed
        ):
            log.warning("Refused a websocket from origin %r", origin)
            return web.Response(status=403, text="This origin is not allowed.")
        token = request.query.get("token", "")
        ws = web.WebSocketResponse(
            heartbeat=self.app.ping_pong_interval.total_seconds(),
            max_msg_size=protocol.MAX_MESSAGE_BYTES,
        )
        await ws.prepare(request)
        self._sockets.add(ws)
        connection = self._connections.get(token)
        if connection is None and token not in self._pending_tokens:
            await ws.close(code=4001, message=b"unknown session; reload")
            return ws
        hello = await self._receive_hello(ws)
        if hello is None:
            return ws
        if connection is None:
            if self._pending_tokens.pop(token, None) is None:
                await ws.close(code=4001, message=b"unknown session; reload")
                return ws
            connection = await self._new_session(request, ws, token, hello)
        else:
            connection.session.connection.page_resized(hello.width, hello.height)
            await self._take_over(connection, ws)
        await self._serve(connection, ws, token)
        return ws

    async def _receive_hello(self, ws: web.WebSocketResponse) -> protocol.Hello | None:
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

    async def _new_session(
        self,
        request: web.Request,
        ws: web.WebSocketResponse,
        token: str,
        hello: protocol.Hello,
    ) -> _Connection:
        transport = request.transport
        peer = transport.get_extra_info("peername") if transport else None
        if self.base_url is not None:
            base_url = self.base_url
        else:
            base_url = request.url.origin().join(URL(_base_path_of_ws(request)))
        holder: list[_Connection] = []
        session = Session(
            self.app,
            self._host_factory(request, hello),
            hello,
            http_headers=request.headers,
            client_ip=request.remote,
            client_port=peer[1] if peer else None,
            base_url=base_url,
            send=lambda message: holder[0].send(message),
        )
        connection = _Connection(session)
        holder.append(connection)
        connection.ws = ws
        self._connections[token] = connection
        session.connection.on_closed = lambda: asyncio.ensure_future(
            self._close_session(token)
        )
        for value in self.app._new_attachments():
            session.attach(value)
        await self.app._call_hook(self.app.on_session_start, session)
        session.connection.start()
        return connection

    async def _take_over(
        self, connection: _Connection, ws: web.WebSocketResponse
    ) -> None:
        """A page reconnected with its token: same session, full resend."""
        if connection.expiry is not None:
            connection.expiry.cancel()
            connection.expiry = None
        old = connection.ws
        connection.ws = ws
        if old is not None and not old.closed:
            await old.close(code=WSCloseCode.GOING_AWAY, message=b"replaced")
        connection.outbox = asyncio.Queue()
        connection.session.connection.attach_transport(connection.send)

    async def _serve(
        self, connection: _Connection, ws: web.WebSocketResponse, token: str
    ) -> None:
        writer = asyncio.create_task(self._write(connection.outbox, ws))
        session = connection.session
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
            connection.outbox.put_nowait(None)
            await writer
        if connection.ws is ws:
            connection.ws = None
            # 1001 from the page: it was closed or navigated away (Chromium
            # sends it on unload). A reload gets a new token, so nobody will
            # come back for this session: drop it now, not after the grace.
            page_left = ws.close_code == WSCloseCode.GOING_AWAY
            if session.is_closed or self._closing or page_left:
                await self._close_session(token)
            else:
                loop = asyncio.get_running_loop()
                connection.expiry = loop.call_later(
                    self._reconnect_grace,
                    lambda: asyncio.ensure_future(self._close_session(token)),
                )

    async def _write(
        self, outbox: asyncio.Queue[str | None], ws: web.WebSocketResponse
    ) -> None:
        while (text := await outbox.get()) is not None:
            if ws.closed:
                continue
            try:
                await ws.send_str(text)
            except (ConnectionError, RuntimeError):
                log.debug("Socket closed while sending")

    async def _close_session(self, token: str) -> None:
        connection = self._connections.pop(token, None)
        if connection is None:
            return
        if connection.expiry is not None:
            connection.expiry.cancel()
        connection.session.connection.on_closed = None
        connection.session.connection.shutdown()
        await self.app._call_hook(self.app.on_session_close, connection.session)
        if connection.ws is not None and not connection.ws.closed:
            await connection.ws.close(code=WSCloseCode.GOING_AWAY)
        self._schedule_memory_release()

    def _schedule_memory_release(self) -> None:
        """Once sessions have closed, give their memory back to the OS.

        A session's tree is full of reference cycles (component <-> parent),
        which only the cycle collector frees, and freed heap stays in the
        process unless it is trimmed. Python's small-object allocator returns
        a 1 MiB arena only once nothing in it is alive, so one leftover of a
        session (a cache entry, a free-list block) keeps its arena: see
        `memory.py`.

        Debounced: one pass once no session has closed for a second (at
        most `RELEASE_MAX_WAIT` after the first close of a burst), so that
        the pass comes after the connections have been torn down.
        """
        loop = asyncio.get_running_loop()
        self._last_close = loop.time()
        if self._release_handle is None:
            self._release_due = self._last_close + RELEASE_MAX_WAIT
            self._release_handle = loop.call_later(RELEASE_QUIET, self._release_memory)

    def _release_memory(self) -> None:
        loop = asyncio.get_running_loop()
        quiet_at = self._last_close + RELEASE_QUIET
        if loop.time() < min(quiet_at, self._release_due):
            self._release_handle = loop.call_at(
                min(quiet_at, self._release_due), self._release_memory
            )
            return
        self._release_handle = None
        # Floats made amid the sessions: not needed until the next close.
        self._last_close = self._release_due = 0.0
        # An emptied dict keeps the table it grew to amid the sessions;
        # clear() drops it.
        if not self._connections:
            self._connections.clear()
        memory.drop_caches()
        # Collect on the loop's next pass, not in this timer callback. asyncio
        # drops cancelled timers from the front of its queue at the start of
        # a pass, so the ones queued behind this timer (aiohttp's keep-alive
        # timers of the closed connections, due in an hour) go first, with
        # the contexts they copied while the sessions were open; collecting
        # after that empties the free list those contexts went to.
        loop.call_soon(memory.collect_garbage)

    def _expire_tokens(self) -> None:
        now = time.monotonic()
        for token, created in list(self._pending_tokens.items()):
            if now - created > TOKEN_LIFETIME:
                del self._pending_tokens[token]
        # Page loads that never connect must not grow this without bound.
        while len(self._pending_tokens) >= MAX_PENDING_TOKENS:
            del self._pending_tokens[next(iter(self._pending_tokens))]

    async def _favicon(self, request: web.Request) -> web.StreamResponse:
        """The app's icon, or nothing (not the page: it would mint a token)."""
        data = self.app._icon_bytes
        if data is not None:
            content_type = mimetypes.guess_type(f"icon.{_image_kind(data)}")[0]
            return web.Response(
                body=data,
                content_type=content_type or "application/octet-stream",
                headers={"Cache-Control": "no-cache"},
            )
        icon = self.app.icon
        if icon is not None and icon.is_file():
            return web.FileResponse(icon, headers={"Cache-Control": "no-cache"})
        return web.Response(status=204, headers={"Cache-Control": "max-age=86400"})


#: Servers started in this process and not closed yet (see `running_servers`).
_running_servers: weakref.WeakSet[AppServer] = weakref.WeakSet()


def running_servers() -> list[AppServer]:
    """The `AppServer`s this process started and has not closed.

    The CLI's hot reload uses it to reach the server the window runtime
    started; each server's `loop` is the event loop to call it on.
    """
    return list(_running_servers)


def _settings_cookie_name(base_path: str) -> str:
    """One cookie per app: apps under one host have different base paths."""
    if base_path == "/":
        return SETTINGS_COOKIE
    digest = hashlib.sha256(base_path.encode("utf-8")).hexdigest()[:12]
    return f"{SETTINGS_COOKIE}_{digest}"


def _base_path_of_ws(request: web.Request) -> str:
    """The app's base path, from the websocket's own URL."""
    path = request.path
    suffix = "rio-desktop/ws"
    return path[: -len(suffix)] if path.endswith(suffix) else "/"


async def _receive_files(
    request: web.Request, directory: Path, size_limit: int
) -> list[FileInfo]:
    """Stream the files of a multipart upload to disk, chunk by chunk."""
    reader = await request.multipart()
    files: list[FileInfo] = []
    total = 0
    while True:
        part = await reader.next()
        if part is None:
            break
        if not isinstance(part, BodyPartReader) or part.filename is None:
            continue
        name = Path(part.filename.replace("\\", "/")).name or "upload"
        fd, raw_path = await asyncio.to_thread(
            tempfile.mkstemp, dir=directory, suffix="-" + name[-80:]
        )
        target = Path(raw_path)
        size = 0
        with open(fd, "wb") as out:
            while chunk := await part.read_chunk(UPLOAD_CHUNK):
                size += len(chunk)
                total += len(chunk)
                if total > size_limit:
                    out.close()
                    target.unlink(missing_ok=True)
                    raise FileUploadError(
                        f"The upload is larger than the limit of {size_limit} bytes."
                        " Pick a smaller file, or raise App(max_upload_size=...)."
                    )
                await asyncio.to_thread(out.write, chunk)
        media_type = part.headers.get("Content-Type") or guess_media_type(name)
        files.append(FileInfo(name, size, media_type, target))
    return files


def _attachment_header(file_name: str) -> str:
    """Content-Disposition for a download, safe for any file name."""
    ascii_name = "".join(
        c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in file_name
    )
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name)}"


@functools.cache
def _webui_version_and_modules(webui: Path) -> tuple[str, tuple[str, ...]]:
    """A content hash of the page's files, and the modules app.js imports."""
    digest = hashlib.sha256()
    for file in sorted(webui.iterdir()):
        if file.is_file():
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    modules: list[str] = []
    pending = ["app.js"]
    while pending:
        name = pending.pop()
        source = (webui / name).read_text("utf-8")
        pattern = r'^import [^;]*? from "\./([\w-]+\.js)"'
        for imported in re.findall(pattern, source, re.M):
            if imported not in modules:
                modules.append(imported)
                pending.append(imported)
    return f"v-{digest.hexdigest()[:12]}", tuple(modules)


#: The page's files sent without comment lines and indentation.
_SLIMMED = (".js", ".css")


def _page_file_bytes(path: Path) -> bytes:
    if path.suffix in _SLIMMED:
        return slim(path.read_text("utf-8")).encode()
    return path.read_bytes()


_BYTE_RANGE = re.compile(r"bytes=(\d{0,18})-(\d{0,18})")


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """One `Range: bytes=a-b` (or `a-`, `-n`) as [start, end), or None when
    it is not satisfiable; several ranges get the first one only."""
    match = _BYTE_RANGE.fullmatch(header.split(",")[0].strip())
    if match is None or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        start, end = max(size - int(last), 0), size
    else:
        start = int(first)
        end = size if last == "" else min(int(last) + 1, size)
    if start >= end:
        return None
    return start, end


def _contained(root: Path, relative: str) -> Path | None:
    """`root / relative` if that is a file inside `root` (links resolved)."""
    if "\x00" in relative:
        return None
    try:
        root = root.resolve(strict=True)
        candidate = (root / relative).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


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
    server = AppServer(app, base_url=base_url)
    if loopback and base_url is None:
        server._allowed_hosts = lambda: _loopback_hosts(server.port)
    bound = await server.start(host, port)
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    url = f"http://{shown}:{bound}/"
    if not quiet:
        public = f" (public URL {server.base_url})" if server.base_url else ""
        print(f"{app.name} is running as a website at {url}{public}", flush=True)
    if open_browser:
        import webbrowser

        await asyncio.to_thread(webbrowser.open, url)
    try:
        await asyncio.Event().wait()
    finally:
        await server.close()


def _image_kind(data: bytes) -> str:
    """The file extension of an image, from its first bytes."""
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8"):
        return "jpg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.lstrip()[:5] in (b"<svg ", b"<?xml"):
        return "svg"
    return "ico"


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


def _loopback_hosts(port: int) -> set[str]:
    return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}


def _background_style(app: Any) -> str:
    """The theme's background for the page's first paint, before the session
    sends the theme: the dark theme's while the browser (or the window's OS)
    prefers dark. `html:root` outranks style.css's `:root`."""
    rules: list[str] = []
    for media, prefers_dark in (("", False), ("(prefers-color-scheme: dark)", True)):
        theme = app._theme_for(prefers_dark=prefers_dark)
        css = getattr(getattr(theme, "background_color", None), "css", None)
        if not isinstance(css, str) or "<" in css:
            continue
        rule = f"html:root{{--rio-background:{css}}}"
        if not rules:
            rules.append(rule)
        elif rule != rules[0]:
            rules.append(f"@media {media}{{{rule}}}")
    return f"\n<style>{''.join(rules)}</style>" if rules else ""

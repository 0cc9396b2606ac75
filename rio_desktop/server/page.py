"""The page itself: index.html with its one-time token, its modules and the favicon.

- ``GET /{anything}``: index.html, with a fresh page token, the app's title
  and meta tags, and `boot.js` inlined (it opens the websocket before the
  modules load),
- ``GET /rio-desktop/static/{version}/{file}``: the page's ES modules and
  CSS from webui/, without comment lines and indentation (`_slim.py`),
  gzipped once per file version; the version is a hash of webui/, so they
  are cached for good,
- ``GET /rio-desktop/page-token``: a new token for a page whose session is
  gone (it starts a fresh one in place),
- ``GET /favicon.ico``: the app's icon, or nothing (never the page, which
  would mint a token).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import html
import json
import logging
import mimetypes
import re
from collections.abc import Callable, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiohttp import web
from yarl import URL

from .._slim import slim
from .affinity import set_affinity_cookie
from .app_files import contained
from .security import PageTokens

if TYPE_CHECKING:
    from ..app import App

log = logging.getLogger(__name__)

#: The page's files sent without comment lines and indentation.
_SLIMMED = (".js", ".css")


def webui_dir() -> Path:
    """Where the page's files are: inside the package once installed."""
    package = Path(__file__).parent.parent
    installed = package / "webui"
    if installed.is_dir():
        return installed
    return package.parent / "webui"


class PageFiles:
    """Serves the page and its own files.

    `current_app` returns the app served now (hot reload replaces it);
    `credential_params` are query parameters left out of the address the
    page shows; `base_url` is the app's public URL behind a proxy that
    strips its sub-path (None: taken from each request).
    """

    def __init__(
        self,
        current_app: Callable[[], App],
        tokens: PageTokens,
        *,
        credential_params: Set[str],
        base_url: URL | None,
    ) -> None:
        self._current_app = current_app
        self._tokens = tokens
        self._credential_params = credential_params
        self._base_url = base_url
        self.webui = webui_dir()
        # boot.js is inlined: it opens the websocket before the modules load.
        self._index_template = (
            (self.webui / "index.html")
            .read_text("utf-8")
            .replace("{{boot}}", slim((self.webui / "boot.js").read_text("utf-8")))
        )
        self.version, self.preloads = _webui_version_and_modules(self.webui)
        self.gzip_cache: dict[tuple[Path, int], bytes] = {}

    async def index(self, request: web.Request) -> web.Response:
        tail = request.match_info.get("tail", "")
        if self._base_url is not None:
            base_path = self._base_url.path
        else:
            base_path = request.path[: len(request.path) - len(tail)] or "/"
        if not base_path.endswith("/"):
            base_path += "/"
        token = self._tokens.mint()
        # The address the page shows, without one-time credentials in it.
        query = request.rel_url.query.copy()
        for name in self._credential_params:
            query.popall(name, None)
        shown_url = str(request.rel_url.with_query(query))
        config = json.dumps(
            {
                "token": token,
                "base": base_path,
                "url": shown_url,
                "version": self.version,
            }
        )
        app = self._current_app()
        values = {
            "title": html.escape(app.name),
            "meta": _meta_tags(app, base_path) + _background_style(app),
            "base": html.escape(base_path),
            "version": self.version,
            "preloads": "".join(
                f'<link rel="modulepreload" href="{html.escape(base_path)}'
                f'rio-desktop/static/{self.version}/{name}">'
                for name in self.preloads
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
        response = web.Response(
            body=body, content_type="text/html", charset="utf-8", headers=headers
        )
        set_affinity_cookie(request, response, base_path)
        return response

    async def page_token(self, request: web.Request) -> web.Response:
        """``GET /rio-desktop/page-token``: a new token for a page whose
        session is gone (its process ended, or it came back too late), with
        the version of the page's files: an outdated page reloads instead."""
        response = web.json_response(
            {"token": self._tokens.mint(), "version": self.version},
            headers={"Cache-Control": "no-store"},
        )
        base_path = request.path[: -len("rio-desktop/page-token")] or "/"
        if self._base_url is not None:
            base_path = self._base_url.path
        set_affinity_cookie(request, response, base_path)
        return response

    async def static(self, request: web.Request) -> web.StreamResponse:
        # Paths carry the webui's content hash ("v-1a2b.../app.js"), and so do
        # the modules they import relatively: a new release is a new URL.
        version, _, relative = request.match_info["path"].partition("/")
        if not version.startswith("v-"):
            version, relative = "", request.match_info["path"]
        path = contained(self.webui, relative)
        if path is None:
            raise web.HTTPNotFound()
        cache = (
            "public, max-age=31536000, immutable"
            if version == self.version
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

    def compress_page_files(self) -> None:
        """Gzip the files every page loads now (run in a worker thread)."""
        try:
            for name in ("style.css", "app.js", *self.preloads):
                self._gzipped(self.webui / name)
        except OSError:  # the request for the file will say what is wrong
            log.debug("Compressing the page's files failed", exc_info=True)

    def _gzipped(self, path: Path) -> bytes:
        """The file gzipped, compressed once per file version."""
        key = (path, path.stat().st_mtime_ns)
        body = self.gzip_cache.get(key)
        if body is None:
            body = gzip.compress(_page_file_bytes(path), compresslevel=9, mtime=0)
            self.gzip_cache[key] = body
        return body

    async def favicon(self, request: web.Request) -> web.StreamResponse:
        """The app's icon, or nothing (not the page: it would mint a token)."""
        app = self._current_app()
        data = app._icon_bytes
        if data is not None:
            content_type = mimetypes.guess_type(f"icon.{_image_kind(data)}")[0]
            return web.Response(
                body=data,
                content_type=content_type or "application/octet-stream",
                headers={"Cache-Control": "no-cache"},
            )
        icon = app.icon
        if icon is not None and icon.is_file():
            return web.FileResponse(icon, headers={"Cache-Control": "no-cache"})
        return web.Response(status=204, headers={"Cache-Control": "max-age=86400"})


def _meta_tags(app: App, base_path: str) -> str:
    """The app's <meta> tags (description, link previews, meta_tags=) and
    its icon link."""
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
        lines.append(f'<link rel="icon" href="{html.escape(base_path)}favicon.ico">')
    return "\n".join(lines)


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


def _page_file_bytes(path: Path) -> bytes:
    if path.suffix in _SLIMMED:
        return slim(path.read_text("utf-8")).encode()
    return path.read_bytes()


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

"""The HttpOnly cookie of `HttpOnly` user settings (page scripts cannot read it).

The session asks for a one-time URL (`grant`); the page POSTs to it, same
origin only, and the response sets the cookie. The websocket handshake
carries the cookie back (`read`), to whichever process of a deployment
it reaches: the cookie is the visitor's own data, read as it is (not signed).
The one-time URL is redeemed by the process that granted it (another passes
it on, or answers 421: `affinity.ProcessLinks`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import time
from typing import Any

from aiohttp import web
from yarl import URL

from .affinity import ProcessLinks
from .security import MAX_PENDING_TOKENS, TOKEN_LIFETIME

log = logging.getLogger(__name__)

#: The cookie's name (plus a hash of the base path).
SETTINGS_COOKIE = "rio_desktop_settings"
#: How long the browser keeps it: 400 days, the most Chromium allows.
SETTINGS_COOKIE_MAX_AGE = 400 * 24 * 3600
#: Browsers drop bigger cookies.
SETTINGS_COOKIE_MAX_BYTES = 4000


class SettingsCookie:
    """Grants, sets and reads the settings cookie of one app.

    `base_url`: the app's public URL when a proxy strips its sub-path;
    None: the base path is taken from each request.
    """

    def __init__(self, base_url: URL | None, links: ProcessLinks) -> None:
        self._base_url = base_url
        self._links = links
        #: One-time URLs: token -> (cookie value, created).
        self.grants: dict[str, tuple[str, float]] = {}

    def read(self, request: web.Request) -> dict[str, Any]:
        """The HttpOnly settings the websocket handshake carries."""
        name = cookie_name(self._app_base_path(request, "rio-desktop/ws"))
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

    def grant(self, data: dict[str, Any]) -> str:
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
        for old, (_, created) in list(self.grants.items()):
            if now - created > TOKEN_LIFETIME:
                del self.grants[old]
        while len(self.grants) >= MAX_PENDING_TOKENS:
            del self.grants[next(iter(self.grants))]
        token = self._links.new_token()
        self.grants[token] = (value, now)
        return token

    async def set_cookie(self, request: web.Request) -> web.StreamResponse:
        """`POST /rio-desktop/settings-cookie/{token}`: set the cookie granted
        to this one-time URL."""
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
        grant = self.grants.pop(token, None)
        if grant is None or time.monotonic() - grant[1] > TOKEN_LIFETIME:
            elsewhere = await self._links.elsewhere(request, token)
            if grant is None and elsewhere is not None:
                return elsewhere
            raise web.HTTPNotFound(text="This link was used or expired.")
        base_path = self._app_base_path(request, f"rio-desktop/settings-cookie/{token}")
        secure = (
            request.secure
            or request.headers.get("X-Forwarded-Proto", "").lower() == "https"
            or (self._base_url is not None and self._base_url.scheme == "https")
        )
        response = web.Response(status=204, headers={"Cache-Control": "no-store"})
        response.set_cookie(
            cookie_name(base_path),
            grant[0],
            path=base_path,
            max_age=SETTINGS_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Strict",
            secure=secure,
        )
        return response

    def _app_base_path(self, request: web.Request, route: str) -> str:
        if self._base_url is not None:
            return self._base_url.path.rstrip("/") + "/"
        path = request.path
        return path[: -len(route)] if path.endswith(route) else "/"


def cookie_name(base_path: str) -> str:
    """One cookie per app: apps under one host have different base paths."""
    if base_path == "/":
        return SETTINGS_COOKIE
    digest = hashlib.sha256(base_path.encode("utf-8")).hexdigest()[:12]
    return f"{SETTINGS_COOKIE}_{digest}"

"""Who may talk to the server: the secret, allowed hosts and origins, page tokens.

- The secret (`AppServer(secret=...)`, set per launch by the window runtime):
  every request carries it, first as `?secret=`, then as an HttpOnly cookie.
- Allowed hosts: a request for another `Host` is refused, and a websocket
  must come from an allowed `Origin` (DNS rebinding on loopback servers).
- Page tokens: each page load gets a one-time token its websocket presents
  to make a session; unused ones expire and are capped.
"""

from __future__ import annotations

import hmac
import logging
import secrets
import time
from collections.abc import Awaitable, Callable

from aiohttp import web
from yarl import URL

log = logging.getLogger(__name__)

SECRET_COOKIE = "rio_desktop_secret"
#: How long a page may take to open its websocket after loading (also the
#: lifetime of the other one-time tokens).
TOKEN_LIFETIME = 300.0
#: Page loads whose websocket has not come yet; the oldest go first.
MAX_PENDING_TOKENS = 10_000

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
AllowedHosts = Callable[[], set[str]] | set[str] | None


class Guard:
    """Checks the secret and the Host of every request, and websocket origins.

    `allowed_hosts`: a set, or a callable asked on every request (for a set
    that depends on the port, known once the server listens); None allows
    any host.
    """

    def __init__(self, secret: str | None, allowed_hosts: AllowedHosts) -> None:
        self.secret = secret
        self.allowed_hosts = allowed_hosts

    def allowed_host_set(self) -> set[str] | None:
        allowed = self.allowed_hosts
        if callable(allowed):
            return allowed()
        return allowed

    @web.middleware
    async def middleware(
        self, request: web.Request, handler: Handler
    ) -> web.StreamResponse:
        allowed = self.allowed_host_set()
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

    def origin_allowed(self, request: web.Request) -> bool:
        """Whether a websocket upgrade comes from an allowed origin."""
        allowed = self.allowed_host_set()
        origin = request.headers.get("Origin")
        if allowed is not None and (
            origin is None or URL(origin).host_port_subcomponent not in allowed
        ):
            log.warning("Refused a websocket from origin %r", origin)
            return False
        return True


class PageTokens:
    """One-time tokens, one per page load, that its websocket trades for a session."""

    def __init__(self) -> None:
        self._created: dict[str, float] = {}

    def __len__(self) -> int:
        return len(self._created)

    def __contains__(self, token: str) -> bool:
        return token in self._created

    def mint(self) -> str:
        self._expire()
        token = secrets.token_urlsafe(24)
        self._created[token] = time.monotonic()
        return token

    def take(self, token: str) -> bool:
        """Use `token` up; False if it was never minted, used or expired."""
        return self._created.pop(token, None) is not None

    def _expire(self) -> None:
        now = time.monotonic()
        for token, created in list(self._created.items()):
            if now - created > TOKEN_LIFETIME:
                del self._created[token]
        # Page loads that never connect must not grow this without bound.
        while len(self._created) >= MAX_PENDING_TOKENS:
            del self._created[next(iter(self._created))]


def loopback_hosts(port: int) -> set[str]:
    """The Host values of a loopback server on `port`."""
    return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}

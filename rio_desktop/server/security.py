"""Who may talk to the server: the secret, allowed hosts and origins, page tokens.

- The secret (`AppServer(secret=...)`, set per launch by the window runtime):
  every request carries it, first as `?secret=`, then as an HttpOnly cookie.
- Allowed hosts: a request for another `Host` is refused, and a websocket
  must come from an allowed `Origin` (DNS rebinding on loopback servers).
- Page tokens: each page load gets a signed token its websocket presents
  to make a session, once per process; they expire. Any worker of a
  deployment that shares the secret key (``RIO_DESKTOP_SECRET_KEY``)
  accepts it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
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
#: One-time URLs not used yet (uploads, settings cookies); the oldest go first.
MAX_PENDING_TOKENS = 10_000
#: Page tokens a process remembers as taken until they expire.
MAX_TAKEN_TOKENS = 100_000
#: Random bytes in a page token's nonce, and the nonce's length in base64.
NONCE_BYTES = 16
NONCE_LENGTH = 22
#: The environment variable with the deployment's secret (website mode).
SECRET_KEY_VARIABLE = "RIO_DESKTOP_SECRET_KEY"

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
    """Signed one-time tokens, one per page load, that a websocket trades for
    a session.

    A token is self-contained: a random nonce and an expiry, signed with
    HMAC-SHA256 under `key`. Every process that has the same key (the
    workers of a deployment, see `deployment_key`) accepts it, once each:
    a process remembers the nonces it took until they expire.
    """

    def __init__(self, key: bytes | None = None) -> None:
        #: The signing key; without one, a random key of this process.
        self.key = key if key is not None else secrets.token_bytes(32)
        #: Nonces taken here, until they expire.
        self._taken = TakenNonces()
        #: How many tokens were minted (tests: a favicon mints none).
        self.minted = 0

    def __len__(self) -> int:
        """The nonces remembered as taken."""
        return len(self._taken)

    def mint(self) -> str:
        """A new token, valid for `TOKEN_LIFETIME` seconds."""
        self.minted += 1
        nonce = secrets.token_urlsafe(NONCE_BYTES)
        expiry = str(int(time.time() + TOKEN_LIFETIME))
        return f"{nonce}.{expiry}.{self._sign(nonce, expiry)}"

    def is_valid(self, token: str) -> bool:
        """Whether `token` is signed with this key and unexpired (used or not)."""
        return self._nonce_if_valid(token) is not None

    def take(self, token: str) -> bool:
        """Use `token` up in this process; False if it is forged, expired
        or was taken here before."""
        nonce = self._nonce_if_valid(token)
        if nonce is None:
            return False
        return self._taken.add(nonce.encode("ascii"), int(token.split(".")[1]))

    def _nonce_if_valid(self, token: str) -> str | None:
        if not token.isascii():  # compare_digest takes ASCII text only
            return None
        parts = token.split(".")
        if len(parts) != 3:
            return None
        nonce, expiry, signature = parts
        if len(nonce) != NONCE_LENGTH:
            return None
        if not hmac.compare_digest(signature, self._sign(nonce, expiry)):
            return None
        if not expiry.isdigit() or int(expiry) < time.time():
            return None
        return nonce

    def _sign(self, nonce: str, expiry: str) -> str:
        message = f"rio-desktop page token\0{nonce}\0{expiry}".encode()
        digest = hmac.new(self.key, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class TakenNonces:
    """The nonces of the page tokens a process took, each until its token
    expires; the oldest go beyond `MAX_TAKEN_TOKENS`.

    They live in one buffer of fixed-size records (expiry, nonce), not as a
    str per session: a small object made while sessions run would stay for
    the token's lifetime in an arena full of a session's components and keep
    that memory in the process after the session closed (see `memory`).
    """

    _EXPIRY = 8
    _RECORD = _EXPIRY + NONCE_LENGTH

    def __init__(self) -> None:
        # Made large enough for the system allocator, not the small-object
        # one; `_used` bytes of it hold records, in the order they came.
        self._buffer = bytearray(64 * self._RECORD)
        self._used = 0

    def __len__(self) -> int:
        return self._used // self._RECORD

    def add(self, nonce: bytes, expiry: int) -> bool:
        """Remember `nonce` until `expiry` (Unix time); False if it is
        remembered already."""
        if self._holds(nonce):
            return False
        self._forget_expired()
        self._drop_oldest(len(self) + 1 - MAX_TAKEN_TOKENS)
        if self._used + self._RECORD > len(self._buffer):
            self._buffer.extend(bytes(len(self._buffer)))
        end = self._used + self._RECORD
        self._buffer[self._used : end] = expiry.to_bytes(self._EXPIRY, "big") + nonce
        self._used = end
        return True

    def _holds(self, nonce: bytes) -> bool:
        start = 0
        while (found := self._buffer.find(nonce, start, self._used)) >= 0:
            if found % self._RECORD == self._EXPIRY:  # a nonce, not a straddle
                return True
            start = found + 1
        return False

    def _forget_expired(self) -> None:
        now = time.time()
        expired = 0
        for start in range(0, self._used, self._RECORD):
            expiry = int.from_bytes(self._buffer[start : start + self._EXPIRY], "big")
            if expiry >= now:
                break  # taken in expiry order, give or take clock steps
            expired += 1
        self._drop_oldest(expired)

    def _drop_oldest(self, count: int) -> None:
        if count > 0:
            cut = count * self._RECORD
            self._buffer[: self._used - cut] = self._buffer[cut : self._used]
            self._used -= cut


def shared_key() -> bytes | None:
    """``RIO_DESKTOP_SECRET_KEY``, if set: the key a deployment's processes share."""
    configured = os.environ.get(SECRET_KEY_VARIABLE, "")
    return configured.encode("utf-8") if configured else None


def deployment_key() -> bytes:
    """The key that signs page tokens in website mode, from
    ``RIO_DESKTOP_SECRET_KEY``.

    Without it, a random key for this process, and a warning: each worker
    would have its own, so a page loaded from one could not start its session
    on another.
    """
    configured = shared_key()
    if configured is not None:
        return configured
    global _generated_key
    if _generated_key is None:
        _generated_key = secrets.token_bytes(32)
        log.warning(
            "%s is not set: page tokens are signed with a key generated for this"
            " process only, which is safe with one worker. With several workers"
            " or machines, give them all the same secret, e.g."
            " `export %s=$(python -c 'import secrets;"
            " print(secrets.token_urlsafe(32))')`.",
            SECRET_KEY_VARIABLE,
            SECRET_KEY_VARIABLE,
        )
    return _generated_key


_generated_key: bytes | None = None


def loopback_hosts(port: int) -> set[str]:
    """The Host values of a loopback server on `port`."""
    return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}

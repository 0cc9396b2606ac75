"""Several server processes behind one address: the affinity cookie and
links that reached the wrong process.

A session lives in the process that holds its websocket, and so do its
one-time download, upload and settings-cookie URLs. Any process of a
deployment can start a session (page tokens are signed, see
`security.PageTokens`), but these URLs only work in their own process.

- The affinity cookie (`AFFINITY_COOKIE`): a random value per visitor, set
  on the page's response when the browser has none. A load balancer that
  hashes it (nginx: ``hash $cookie_rio_desktop_affinity consistent;``)
  sends every request of a visitor to the same upstream.
- One-time URLs name their process (`ProcessLinks`): a process that gets
  another's passes it on when that one is on the same machine (`relay`),
  else answers 421 Misdirected Request, saying how to route, rather than
  404 "used or expired".
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from .relay import Relay

#: The cookie a load balancer can route by (nginx: $cookie_rio_desktop_affinity).
AFFINITY_COOKIE = "rio_desktop_affinity"

MISDIRECTED_TEXT = (
    "This link belongs to another server process of this site: a session and"
    " its downloads and uploads live in one process. Route each visitor to one"
    " process, e.g. by the rio_desktop_affinity cookie (see 'Deploying' in"
    " rio-desktop's README)."
)


class ProcessLinks:
    """One-time tokens that name this process, and the answer to a request
    with another process's: relayed to it on this machine (`relay`), else
    421 Misdirected Request."""

    def __init__(self) -> None:
        #: A short random name of this process, the start of its tokens.
        self.process_id = secrets.token_hex(4)
        #: Set by the server when this machine's workers relay to each other.
        self.relay: Relay | None = None

    def new_token(self) -> str:
        """A one-time token naming this process."""
        return f"{self.process_id}.{secrets.token_urlsafe(24)}"

    async def elsewhere(
        self, request: web.Request, token: str
    ) -> web.StreamResponse | None:
        """The answer when `token` names another process; None when it names
        this one (or none): then it was merely used or expired."""
        owner, dot, _ = token.partition(".")
        if not dot or owner == self.process_id:
            return None
        if self.relay is not None:
            relayed = await self.relay.forward(request, owner)
            if relayed is not None:
                return relayed
        return web.Response(status=421, text=MISDIRECTED_TEXT)


def set_affinity_cookie(
    request: web.Request, response: web.StreamResponse, base_path: str
) -> None:
    """Give the browser its affinity cookie, unless it has one."""
    if request.cookies.get(AFFINITY_COOKIE):
        return
    response.set_cookie(
        AFFINITY_COOKIE,
        secrets.token_urlsafe(12),
        path=base_path,
        httponly=True,
        samesite="Lax",
    )

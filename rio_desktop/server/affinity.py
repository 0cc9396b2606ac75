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
- One-time URLs name their process (`owned_token`): a process that gets
  another's answers 421 Misdirected Request, saying how to route, rather
  than 404 "used or expired".
"""

from __future__ import annotations

import secrets

from aiohttp import web

#: The cookie a load balancer can route by (nginx: $cookie_rio_desktop_affinity).
AFFINITY_COOKIE = "rio_desktop_affinity"

MISDIRECTED_TEXT = (
    "This link belongs to another server process of this site: a session and"
    " its downloads and uploads live in one process. Route each visitor to one"
    " process, e.g. by the rio_desktop_affinity cookie (see 'Deploying' in"
    " rio-desktop's README)."
)


def new_process_id() -> str:
    """A short random name for this server process, put in its one-time URLs."""
    return secrets.token_hex(4)


def owned_token(process_id: str) -> str:
    """A one-time token naming the process that can redeem it."""
    return f"{process_id}.{secrets.token_urlsafe(24)}"


def misdirected(token: str, process_id: str) -> web.Response | None:
    """421 if `token` names another process; None if it names this one (or
    none: then it was merely used or expired)."""
    owner, dot, _ = token.partition(".")
    if dot and owner != process_id:
        return web.Response(status=421, text=MISDIRECTED_TEXT)
    return None


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

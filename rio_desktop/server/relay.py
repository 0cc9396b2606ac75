"""Several worker processes on one machine: one-time URLs relayed to the
process that owns them.

gunicorn's workers share one port, and the kernel picks the worker of each
connection: a download, upload or settings-cookie URL often reaches another
worker than the session's, which has the file or the waiting upload in its
memory. So each process of a deployment also listens on a Unix socket,
``<tempdir>/rio-desktop-<hash of the key>/<process id>.sock`` (in a folder
only this user may enter), and a process that gets another's URL passes the
request on to that socket, streaming both ways. The owner is named by the
URL (`affinity.owned_token`). A process on another machine, or one that has
died, has no socket here: then the answer is 421 (see `affinity`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import stat
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from aiohttp import web

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: Headers of one hop, not passed on (RFC 9110, section 7.6.1).
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}
_CHUNK = 256 * 1024


def relay_folder(key: bytes) -> Path:
    """The folder of a deployment's sockets on this machine."""
    digest = hashlib.sha256(b"rio-desktop relay\0" + key).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"rio-desktop-{digest}"


class Relay:
    """This process's socket for the others, and the way to theirs.

    `routes`: (method, path pattern, handler) of the one-time URLs, served
    on the socket as on the site (the pattern may start with any prefix: a
    site mounted under a sub-path relays its full path).
    """

    def __init__(
        self, key: bytes, process_id: str, routes: list[tuple[str, str, Handler]]
    ) -> None:
        self.folder = relay_folder(key)
        self.path = self.folder / f"{process_id}.sock"
        self._routes = routes
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Listen on this process's socket; a failure only logs (the site
        then answers 421 for misrouted URLs, as without a relay)."""
        if sys.platform == "win32":  # no Unix sockets (nor gunicorn)
            return
        try:
            _make_private_folder(self.folder)
            _remove_dead_sockets(self.folder)
            app = web.Application()
            for method, pattern, handler in self._routes:
                app.router.add_route(method, "/{prefix:.*}" + pattern, handler)
            self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
            await self._runner.setup()
            await web.UnixSite(self._runner, str(self.path)).start()
        except OSError as error:
            log.warning("No relay between this machine's workers: %s", error)

    async def close(self) -> None:
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
        self.path.unlink(missing_ok=True)

    async def forward(
        self, request: web.Request, owner: str
    ) -> web.StreamResponse | None:
        """Pass `request` on to process `owner`; None if it has no socket here."""
        path = self.folder / f"{owner}.sock"
        if not owner.isalnum() or not path.exists():
            return None
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() not in _HOP_BY_HOP
        }
        if request.secure and "X-Forwarded-Proto" not in headers:
            headers["X-Forwarded-Proto"] = "https"  # the cookie stays Secure
        body = request.content.iter_chunked(_CHUNK) if request.body_exists else None
        connector = aiohttp.UnixConnector(path=str(path))
        async with aiohttp.ClientSession(
            connector=connector, auto_decompress=False
        ) as client:
            try:
                answer = await client.request(
                    request.method,
                    f"http://relay{request.rel_url}",
                    headers=headers,
                    data=body,
                    allow_redirects=False,
                )
            except (aiohttp.ClientConnectionError, OSError) as error:
                # A worker that died leaves its socket file behind.
                log.debug("Relay to %s failed: %s", owner, error)
                return None
            async with answer:
                response = web.StreamResponse(
                    status=answer.status, reason=answer.reason
                )
                for name, value in answer.headers.items():
                    lowered = name.lower()
                    if lowered not in _HOP_BY_HOP and lowered != "content-length":
                        response.headers.add(name, value)
                if answer.content_length is not None:
                    response.content_length = answer.content_length
                await response.prepare(request)
                async for chunk in answer.content.iter_chunked(_CHUNK):
                    await response.write(chunk)
                await response.write_eof()
                return response


def _make_private_folder(folder: Path) -> None:
    """The folder, made if missing; refused unless it is ours and private."""
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    if (
        not stat.S_ISDIR(info.st_mode)
        or info.st_uid != getattr(os, "getuid", lambda: info.st_uid)()
        or info.st_mode & 0o077
    ):
        raise OSError(f"{folder} is not a private folder of this user")


def _remove_dead_sockets(folder: Path) -> None:
    """Sockets of processes that died without closing them (SIGKILL)."""
    for path in folder.glob("*.sock"):
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(str(path))
            except ConnectionRefusedError:
                path.unlink(missing_ok=True)
            except OSError:
                pass

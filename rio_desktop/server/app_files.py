"""The app's files over HTTP: assets, blobs, plotly.js, downloads and uploads.

- ``GET /rio-desktop/assets/{file}``: files of ``App(assets_dir=...)``, the
  path resolved (symlinks too) and kept inside the folder (`contained`),
- ``GET /rio-desktop/blob/{id}``: images and media given as bytes or a path,
  with byte ranges for media players,
- ``GET /rio-desktop/plotly.min.js``: the copy of the installed `plotly`,
- ``GET /rio-desktop/download/{token}``: a file the app saves (one-time),
- ``POST /rio-desktop/upload/{token}``: files picked in the page (one-time),
  streamed to disk.

Downloads and uploads are served by the process whose session made them;
another passes them on or answers 421 (`affinity.ProcessLinks`).
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from aiohttp import BodyPartReader, hdrs, web

from ..files import FileInfo, FileUploadError, Transfers, guess_media_type
from .affinity import ProcessLinks

if TYPE_CHECKING:
    from ..app import App

#: Uploads are read and written in pieces of this size.
UPLOAD_CHUNK = 1024 * 1024


class AppFiles:
    """The routes of the app's own files and of one-time transfers.

    `current_app` returns the app served now (hot reload replaces it).
    """

    def __init__(
        self,
        current_app: Callable[[], App],
        transfers: Transfers,
        *,
        links: ProcessLinks,
    ) -> None:
        self._current_app = current_app
        self._transfers = transfers
        self._links = links

    async def asset(self, request: web.Request) -> web.StreamResponse:
        path = contained(self._current_app().assets_dir, request.match_info["path"])
        if path is None:
            raise web.HTTPNotFound()
        return web.FileResponse(path, headers={"Cache-Control": "no-cache"})

    async def blob(self, request: web.Request) -> web.StreamResponse:
        """Images and media (Image, MediaPlayer, PdfViewer...) given as bytes or
        a path (see _image.py)."""
        from ..components._image import lookup_blob

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
            span = byte_range(request.headers[hdrs.RANGE], len(data))
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

    async def plotly_js(self, request: web.Request) -> web.StreamResponse:
        """plotly.js for rio.Plot: the copy inside the installed `plotly`
        package (a fixed file, never a CDN); 404 without plotly."""
        from ..components._plot import plotly_js

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

    async def download(self, request: web.Request) -> web.StreamResponse:
        """A file `save_file` offers, at its one-time URL."""
        token = request.match_info["token"]
        download = self._transfers.take_download(token)
        if download is None:
            elsewhere = await self._links.elsewhere(request, token)
            if elsewhere is not None:
                return elsewhere
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

    async def upload(self, request: web.Request) -> web.StreamResponse:
        """Files the user picked, streamed into temporary files."""
        token = request.match_info["token"]
        upload = self._transfers.take_upload(token)
        if upload is None:
            elsewhere = await self._links.elsewhere(request, token)
            if elsewhere is not None:
                return elsewhere
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


def contained(root: Path, relative: str) -> Path | None:
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


_BYTE_RANGE = re.compile(r"bytes=(\d{0,18})-(\d{0,18})")


def byte_range(header: str, size: int) -> tuple[int, int] | None:
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

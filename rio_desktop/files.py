"""FileInfo: a file the user picked, and the errors of picking.

Also the server's one-time transfer URLs: in website mode a picked file is
uploaded to a one-time URL and streamed into a temporary file; a saved file
waits at a one-time download URL that the page opens.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import mimetypes
import secrets
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, Literal

__all__ = [
    "FileInfo",
    "FileUploadError",
    "NoFileSelectedError",
    "NoFolderSelectedError",
]


class NoFileSelectedError(Exception):
    """The user closed the file dialog without choosing a file."""

    def __init__(self) -> None:
        super().__init__("No file was selected: the user cancelled the dialog")


class NoFolderSelectedError(NoFileSelectedError):
    """The user closed the folder dialog without choosing a folder.

    A `NoFileSelectedError` too, so code written for either catches it.
    """

    def __init__(self) -> None:
        Exception.__init__(
            self, "No folder was selected: the user cancelled the dialog"
        )


class FileInfo:
    """A file the user picked: its name, size, type and contents.

    Args:
        name: The file's name, without folders.
        size_in_bytes: Its size.
        media_type: Its MIME type, e.g. "application/pdf".
        contents: The file: a `pathlib.Path` (what `pick_file` gives: the
            user's own file in window mode, a temporary copy of the upload in
            website mode), its bytes, or a binary file object.

    Attributes:
        path: Where the file is on disk, or None if it was given as bytes or a
            file object.
    """

    def __init__(
        self,
        name: str,
        size_in_bytes: int,
        media_type: str,
        contents: bytes | IO[bytes] | Path,
    ) -> None:
        self.name = name
        self.size_in_bytes = size_in_bytes
        self.media_type = media_type
        self.path: Path | None = contents if isinstance(contents, Path) else None
        self._contents = contents

    async def read_bytes(self) -> bytes:
        """The file's contents (read in a worker thread)."""
        contents = self._contents
        if isinstance(contents, Path):
            return await asyncio.to_thread(contents.read_bytes)
        if isinstance(contents, (bytes, bytearray, memoryview)):
            return bytes(contents)
        data = await asyncio.to_thread(_read_all, contents)
        self._contents = data  # a stream reads once; keep what it gave
        return data

    async def read_text(self, *, encoding: str = "utf-8") -> str:
        """The file's contents as text."""
        return (await self.read_bytes()).decode(encoding)

    async def open(
        self, type: Literal["r", "rb"] = "r", *, encoding: str = "utf-8"
    ) -> IO[Any]:
        """The file as a file object: text for "r", bytes for "rb".

        Raises:
            ValueError: `type` is neither "r" nor "rb".
        """
        if type not in ("r", "rb"):
            raise ValueError(f'FileInfo.open() takes "r" or "rb", not {type!r}')
        if isinstance(self._contents, Path):
            path = self._contents
            if type == "rb":
                return await asyncio.to_thread(path.open, "rb")
            return await asyncio.to_thread(path.open, "r", encoding=encoding)
        data = await self.read_bytes()
        if type == "rb":
            return io.BytesIO(data)
        return io.StringIO(data.decode(encoding))

    def __repr__(self) -> str:
        return f"<FileInfo {self.name!r} {self.size_in_bytes} bytes>"


def _read_all(stream: IO[bytes]) -> bytes:
    try:
        return stream.read()
    finally:
        stream.close()


class FileUploadError(Exception):
    """A file the user picked could not be uploaded (too large, interrupted)."""


@dataclasses.dataclass
class Download:
    """A file waiting at a one-time download URL."""

    contents: bytes | Path
    file_name: str
    media_type: str
    expires: float


@dataclasses.dataclass
class Upload:
    """A one-time upload URL waiting for the files the user picks."""

    directory: Path
    multiple: bool
    size_limit: int
    result: asyncio.Future[list[FileInfo]]
    expires: float


class Transfers:
    """The one-time upload and download URLs of one server.

    A token is handed to the page in a call; the first request with it takes
    the entry out, so every URL works exactly once. Unused entries expire.
    """

    #: Seconds a download or upload URL stays valid.
    LIFETIME = 600.0

    def __init__(self, new_token: Callable[[], str] | None = None) -> None:
        self._downloads: dict[str, Download] = {}
        self._uploads: dict[str, Upload] = {}
        #: Makes a token; the server's name its process (see server.affinity).
        self._new_token = new_token or (lambda: secrets.token_urlsafe(24))

    def add_download(
        self, contents: bytes | Path, file_name: str, media_type: str
    ) -> str:
        self._expire()
        token = self._new_token()
        self._downloads[token] = Download(
            contents, file_name, media_type, time.monotonic() + self.LIFETIME
        )
        return token

    def take_download(self, token: str) -> Download | None:
        self._expire()
        return self._downloads.pop(token, None)

    def add_upload(
        self, directory: Path, *, multiple: bool, size_limit: int
    ) -> tuple[str, asyncio.Future[list[FileInfo]]]:
        """Register an upload; the future gets the files once they arrived."""
        self._expire()
        token = self._new_token()
        future: asyncio.Future[list[FileInfo]] = (
            asyncio.get_running_loop().create_future()
        )
        self._uploads[token] = Upload(
            directory, multiple, size_limit, future, time.monotonic() + 86400.0
        )
        return token, future

    def take_upload(self, token: str) -> Upload | None:
        self._expire()
        return self._uploads.pop(token, None)

    def cancel_upload(self, token: str) -> None:
        upload = self._uploads.pop(token, None)
        if upload is not None and not upload.result.done():
            upload.result.cancel()

    def _expire(self) -> None:
        now = time.monotonic()
        for token, entry in list(self._downloads.items()):
            if entry.expires < now:
                del self._downloads[token]
        for token, upload in list(self._uploads.items()):
            if upload.expires < now:
                self.cancel_upload(token)


def guess_media_type(file_name: str) -> str:
    """The MIME type for a file name: "report.pdf" -> "application/pdf"."""
    guessed, _ = mimetypes.guess_type(file_name, strict=False)
    return guessed or "application/octet-stream"


def accept_attribute(file_types: Iterable[str] | None) -> str:
    """`pick_file(file_types=...)` as an `<input accept>`: "pdf" -> ".pdf"."""
    if file_types is None:
        return ""
    accepted: list[str] = []
    for file_type in file_types:
        value = file_type.strip()
        if "/" in value:  # a MIME type such as "image/*"
            accepted.append(value)
        elif value:
            accepted.append("." + value.lstrip("*").lstrip("."))
    return ",".join(accepted)

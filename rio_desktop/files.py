"""FileInfo: a file the user picked, and the errors of picking."""

from __future__ import annotations

import asyncio
from pathlib import Path

__all__ = ["FileInfo", "NoFileSelectedError"]


class NoFileSelectedError(Exception):
    """The user closed the file dialog without choosing a file."""

    def __init__(self) -> None:
        super().__init__("No file was selected: the user cancelled the dialog")


class FileInfo:
    """A file the user picked: its name, size, type and contents.

    Args:
        name: The file's name, without folders.
        size_in_bytes: Its size.
        media_type: Its MIME type, e.g. "application/pdf".
        path: Where it is on disk: the user's own file in window mode, a
            temporary copy of the upload in website mode.
    """

    def __init__(
        self, name: str, size_in_bytes: int, media_type: str, path: Path
    ) -> None:
        self.name = name
        self.size_in_bytes = size_in_bytes
        self.media_type = media_type
        self.path = path

    async def read_bytes(self) -> bytes:
        """The file's contents (read in a worker thread)."""
        return await asyncio.to_thread(self.path.read_bytes)

    async def read_text(self, *, encoding: str = "utf-8") -> str:
        """The file's contents as text."""
        return await asyncio.to_thread(self.path.read_text, encoding)

    def __repr__(self) -> str:
        return f"<FileInfo {self.name!r} {self.size_in_bytes} bytes>"

"""TestHost: the platform of a session under test, answered from memory.

What a browser or the OS would do for the app (the clipboard, the file
dialogs, saving a download, opening another site) the test host does in
memory, and remembers, so a test can arrange the answers and check what the
app asked for.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from ..files import FileInfo, guess_media_type
from ..hosts.base import Host

if TYPE_CHECKING:
    from ._page import PageMirror

__all__ = ["FileToPick", "FilePick", "SavedFile", "TestHost"]

#: A file a test hands to the app's file dialog: a path, (name, contents), or
#: a ready `FileInfo`.
FileToPick = Union[Path, str, tuple[str, bytes], FileInfo]  # noqa: UP007


@dataclass(frozen=True)
class SavedFile:
    """A file the app saved (`session.save_file`).

    Attributes:
        name: The file name the app offered.
        contents: Its bytes.
        media_type: Its MIME type.
    """

    name: str
    contents: bytes
    media_type: str


@dataclass(frozen=True)
class FilePick:
    """The app opened a file dialog (`session.pick_file`).

    Attributes:
        file_types: The types the app asked for; None for any.
        multiple: Whether the app takes several files.
        chosen: The names of the files the dialog gave; empty if cancelled.
    """

    file_types: list[str] | None
    multiple: bool
    chosen: list[str]


class TestHost(Host):
    """A browser tab that exists only in memory (website mode).

    Attributes:
        clipboard: The clipboard's text (None when empty).
        saved_files: What the app saved, in order.
        file_picks: Every file dialog the app opened, in order.
        opened_urls: URLs the app opened outside itself, in order.
        closed: True once the app closed the tab (`session.close()`).
    """

    __test__ = False  # not a pytest test class
    running_in_window = False

    def __init__(self, page: PageMirror) -> None:
        self._page = page
        self.clipboard: str | None = None
        self.saved_files: list[SavedFile] = []
        self.file_picks: list[FilePick] = []
        self.opened_urls: list[str] = []
        self.closed = False
        self._picks: collections.deque[list[FileInfo]] = collections.deque()

    def queue_pick(self, files: Iterable[FileToPick]) -> None:
        """The next file dialog gives these files (none: the user cancels)."""
        self._picks.append([_file_info(f) for f in files])

    async def set_title(self, title: str) -> None:
        self._page.title = title

    async def pick_files(
        self, file_types: list[str] | None, multiple: bool
    ) -> list[FileInfo]:
        files = self._picks.popleft() if self._picks else []
        if not multiple:
            files = files[:1]
        self.file_picks.append(
            FilePick(file_types, multiple, [file.name for file in files])
        )
        return files  # empty: the session raises NoFileSelectedError

    async def save_file(
        self,
        contents: bytes | Path,
        file_name: str,
        media_type: str,
        directory: Path | None,
    ) -> None:
        data = contents.read_bytes() if isinstance(contents, Path) else contents
        self.saved_files.append(SavedFile(file_name, data, media_type))

    async def set_clipboard(self, text: str) -> None:
        self.clipboard = text

    async def get_clipboard(self) -> str | None:
        return self.clipboard

    async def open_url(self, url: str) -> None:
        self.opened_urls.append(url)

    def close(self) -> None:
        self.closed = True


def _file_info(file: FileToPick) -> FileInfo:
    if isinstance(file, FileInfo):
        return file
    if isinstance(file, tuple):
        name, data = file
        return FileInfo(name, len(data), guess_media_type(name), bytes(data))
    path = Path(file)
    if not path.is_file():
        raise FileNotFoundError(f"files_to_pick(): there is no file at {path}")
    return FileInfo(path.name, path.stat().st_size, guess_media_type(path.name), path)

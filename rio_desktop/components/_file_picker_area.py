"""FilePickerArea: a dashed area the user drops files on, or clicks to pick.

Where the files come from depends on the host, never on the page's word:

- in the app's window a click opens the native file dialog
  (`session.pick_file`) and a drop hands over the dropped files' own paths,
  which the window's process took from the toolkit's drop event
  (`WindowHost.dropped_files`); the page only names the files;
- as a website the page holds the chosen or dropped files and uploads them
  to a one-time URL of the session's upload route, streamed to temporary
  files with `App(max_upload_size=...)` as the limit, as `pick_file` does
  (`BrowserHost.upload_page_files`).
"""

from __future__ import annotations

import dataclasses
import inspect
import logging
import warnings
from typing import Any

from ..component import Component, FundamentalComponent
from ..files import FileInfo, FileUploadError, NoFileSelectedError
from ._input_common import payload_field

__all__ = ["FilePickEvent", "FilePickerArea", "FilePressEvent"]

log = logging.getLogger(__name__)

#: The most files one drop may hand over (a sanity limit on the payload).
_MAX_DROPPED = 1000


@dataclasses.dataclass
class FilePickEvent:
    """A file was picked in (or removed from) a `FilePickerArea`.

    Attributes:
        file: The file.
    """

    file: FileInfo


@dataclasses.dataclass
class FilePressEvent:
    """The user clicked a picked file shown in a `FilePickerArea`.

    Attributes:
        file: The file.
    """

    file: FileInfo


class FilePickerArea(FundamentalComponent):
    """An area to drop files on, or to click for a file dialog.

    It lists the files picked so far; each can be removed (a cross on
    hover) and, with `on_press_file`, clicked.

    Args:
        content: What the area shows: None for its own look (an icon, a
            title, the accepted types and a Browse button), a text for
            another title, or a component to show instead.
        file_types: The file types to offer: extensions ("pdf", ".pdf",
            "*.pdf") or MIME types. A hint for the dialog; users can still
            give any file.
        multiple: Keep any number of files; otherwise a new file replaces
            the one picked before.
        files: The files picked so far (shown in the area).
        on_pick_file: Called with a `FilePickEvent` for every new file.
        on_remove_file: Called with a `FilePickEvent` for every file the
            user removed, or that a new one replaced.
        on_press_file: Called with a `FilePressEvent` when the user clicks
            a listed file.

    In the app's window the `FileInfo`s are the user's own files
    (`FileInfo.path`); as a website they are uploaded copies, limited to
    `App(max_upload_size=...)` (a larger upload is logged as a
    `FileUploadError` and picks nothing).

    Example:
        ```python
        rio.FilePickerArea(
            file_types=["csv"],
            on_pick_file=self.on_csv,
        )
        ```
    """

    _fundamental_type = "FilePickerArea"
    _child_fields = ("child_component",)
    _positional_fields = ()

    file_types: list[str] | None = None
    multiple: bool = False
    files: list[FileInfo] = dataclasses.field(default_factory=list)
    on_pick_file: Any = None
    on_remove_file: Any = None
    on_press_file: Any = None
    child_text: str | None = dataclasses.field(default=None, init=False)
    child_component: Component | None = dataclasses.field(default=None, init=False)

    def __init__(
        self,
        content: str | Component | None = None,
        *,
        file_types: list[str] | None = None,
        multiple: bool = False,
        files: list[FileInfo] | None = None,
        on_pick_file: Any = None,
        on_remove_file: Any = None,
        on_press_file: Any = None,
        **kwargs: Any,
    ) -> None:
        if "on_choose_file" in kwargs:
            warnings.warn(
                "FilePickerArea(on_choose_file=...) was renamed; use on_pick_file=...",
                DeprecationWarning,
                stacklevel=2,
            )
            chosen = kwargs.pop("on_choose_file")
            if on_pick_file is None:
                on_pick_file = chosen
        if content is not None and not isinstance(content, (str, Component)):
            raise TypeError(
                "FilePickerArea content must be a text, a component or None,"
                f" not {type(content).__name__}"
            )
        # The settings always follow the creator's build; the files only when
        # given: picked files survive a rebuild of a parent that does not
        # pass them (see Component._update).
        kwargs["file_types"] = None if file_types is None else list(file_types)
        kwargs["multiple"] = multiple
        if files is not None:
            kwargs["files"] = files
        kwargs["on_pick_file"] = on_pick_file
        kwargs["on_remove_file"] = on_remove_file
        kwargs["on_press_file"] = on_press_file
        super().__init__(**kwargs)
        values = self._values
        values["child_text"] = content if isinstance(content, str) else None
        values["child_component"] = content if isinstance(content, Component) else None
        # The content is always the creator's: a rebuild without content
        # clears an earlier one.
        self.__dict__["_explicit"] = self._explicit | {"child_text", "child_component"}

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "files":
            return [
                {"id": _file_id(file), "name": file.name}
                for file in sorted(value, key=lambda file: file.name.lower())
            ]
        if name == "file_types":
            return None if value is None else _normalized_types(value)
        return super()._serialize_field(name, value)

    # --- what the page sends ---------------------------------------------------

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name == "pick":
            return self._pick()
        if name == "drop":
            names = payload_field(self, payload, "names", list)
            if not names or len(names) > _MAX_DROPPED:
                raise ValueError(f"a drop of {len(names)} files")
            if not all(isinstance(n, str) for n in names):
                raise ValueError("file names must be strings")
            upload = payload_field(self, payload, "upload", int)
            return self._receive_drop(upload, names)
        if name == "remove":
            file = self._file_by_id(payload_field(self, payload, "file", str))
            return None if file is None else self._update_files([], file)
        if name == "press":
            file = self._file_by_id(payload_field(self, payload, "file", str))
            if file is None:
                return None  # removed meanwhile
            return self._call(self.on_press_file, FilePressEvent(file))
        return super()._on_page_event(name, payload)

    def _file_by_id(self, file_id: str) -> FileInfo | None:
        for file in self.files:
            if _file_id(file) == file_id:
                return file
        return None

    async def _pick(self) -> None:
        """A click in the window: the native dialog, as `pick_file`."""
        try:
            picked = await self.session.pick_file(
                file_types=self.file_types, multiple=self.multiple
            )
        except NoFileSelectedError:
            return
        await self._update_files(picked if isinstance(picked, list) else [picked])

    async def _receive_drop(self, upload: int, names: list[str]) -> None:
        """Files dropped (or, as a website, chosen with the page's own file
        input): from the window's drop, or uploaded by the page."""
        host = self.session.host
        try:
            files = await host.dropped_files(self, upload, names)
        except NoFileSelectedError:
            return  # the page no longer had them (reloaded meanwhile)
        except FileUploadError as error:
            log.error("FilePickerArea: %s", error)
            return
        if files:
            await self._update_files(files)

    async def _update_files(
        self, added: list[FileInfo], removed: FileInfo | None = None
    ) -> None:
        files = self.files
        gone: list[FileInfo] = []
        new: list[FileInfo] = []
        if self.multiple:
            new = list(added)
            files.extend(new)
        elif added:
            new = [added[0]]
            gone = list(files)
            files[:] = new
        if removed is not None and removed in files:
            files.remove(removed)
            gone.append(removed)
        if not new and not gone:
            return
        self.mark_mutated("files")
        calls = [(self.on_pick_file, FilePickEvent(file)) for file in new]
        calls += [(self.on_remove_file, FilePickEvent(file)) for file in gone]
        for handler, event in calls:
            result = self._call(handler, event)
            if inspect.isawaitable(result):
                try:
                    await result
                except Exception as error:  # the app's bug: the rest still run
                    self.session.runtime.report_exception(error)


def _file_id(file: FileInfo) -> str:
    # A string: the page's numbers cannot hold every Python id.
    return str(id(file))


def _normalized_types(file_types: list[str]) -> list[str]:
    """ "*.PDF", ".pdf", "pdf" -> "pdf"; MIME types stay as they are."""
    normalized: set[str] = set()
    for file_type in file_types:
        value = str(file_type).strip()
        if "/" not in value:
            value = value.lstrip("*").lstrip(".").lower()
        if value:
            normalized.add(value)
    return sorted(normalized)

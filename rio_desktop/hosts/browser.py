"""BrowserHost: the session's platform when the app is a website.

Everything goes through the page: the title is `document.title`, the
clipboard is `navigator.clipboard`, files travel over HTTP.
"""

from __future__ import annotations

from pathlib import Path

from ..files import FileInfo
from .base import Host

__all__ = ["BrowserHost"]


class BrowserHost(Host):
    """A tab in any browser."""

    running_in_window = False

    async def set_title(self, title: str) -> None:
        await self.session._call_page("setTitle", title)

    async def pick_files(
        self, file_types: list[str] | None, multiple: bool
    ) -> list[FileInfo]:
        raise NotImplementedError("picking files in website mode is not built yet")

    async def save_file(
        self,
        contents: bytes | Path,
        file_name: str,
        media_type: str,
        directory: Path | None,
    ) -> None:
        raise NotImplementedError("saving files in website mode is not built yet")

    async def set_clipboard(self, text: str) -> None:
        from ..session import ClipboardError, PageCallError

        try:
            await self.session._call_page("setClipboard", text)
        except PageCallError as error:
            raise ClipboardError(
                f"The browser refused to write the clipboard: {error}. Browsers"
                " allow it only on https:// or localhost pages, after a click."
            ) from None

    async def get_clipboard(self) -> str | None:
        from ..session import ClipboardError, PageCallError

        try:
            return await self.session._call_page("getClipboard")
        except PageCallError as error:
            raise ClipboardError(
                f"The browser refused to read the clipboard: {error}. Browsers"
                " allow it only on https:// or localhost pages, with permission."
            ) from None

    async def open_url(self, url: str) -> None:
        await self.session._call_page("openUrl", url)

    def close(self) -> None:
        self.session._send(
            {"type": "call", "call_id": 0, "method": "closeTab", "args": []}
        )

"""BrowserHost: the session's platform when the app is a website.

Everything goes through the page: the title is `document.title`, the
clipboard is `navigator.clipboard`, files travel over HTTP:

- picking: the page opens an ``<input type=file>`` and POSTs the chosen files
  to a one-time upload URL; the server streams them into temporary files
  (deleted when the session ends), so large files never sit in memory;
- saving: the file waits at a one-time download URL that the page opens.

`UserSettings` live in the browser's ``localStorage``: the page sends them in
its hello and stores what the session sends back (`BrowserSettingsStore`).
Fields annotated `HttpOnly[...]` live in an HttpOnly cookie instead: read
from the websocket handshake; to change it, the server grants a one-time URL
(`grant_cookie`) that the page POSTs to, and the response sets the cookie.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .._page_channel import PageCallError
from ..files import (
    FileInfo,
    FileUploadError,
    NoFileSelectedError,
    Transfers,
    accept_attribute,
)
from ..user_settings import BrowserSettingsStore
from .base import Host

if TYPE_CHECKING:
    from .. import protocol
    from ..session import Session

__all__ = ["BrowserHost", "DEFAULT_UPLOAD_LIMIT"]

#: The default of `App(max_upload_size=...)`: 1 GiB.
DEFAULT_UPLOAD_LIMIT = 1024**3


class BrowserHost(Host):
    """A tab in any browser.

    Args:
        transfers: The server's one-time upload/download URLs.
        upload_limit: The most bytes one `pick_file` may upload.
        settings_cookie: The HttpOnly settings from the handshake's cookie.
        grant_cookie: Registers the HttpOnly settings to store and returns
            the token of the one-time URL that sets the cookie; None: they
            last as long as the session.
    """

    running_in_window = False

    def __init__(
        self,
        transfers: Transfers | None = None,
        *,
        upload_limit: int = DEFAULT_UPLOAD_LIMIT,
        settings_cookie: Mapping[str, Any] | None = None,
        grant_cookie: Callable[[dict[str, Any]], str] | None = None,
    ) -> None:
        self._transfers = transfers or Transfers()
        self._settings_cookie = settings_cookie
        self._grant_cookie = grant_cookie
        self._upload_limit = upload_limit
        self._upload_dir: Path | None = None
        self.settings_store: BrowserSettingsStore | None = None

    def bind(self, session: Session, hello: protocol.Hello) -> None:
        super().bind(session, hello)
        self.settings_store = BrowserSettingsStore(
            hello.user_settings,
            save=self._save_settings,
            cookie=self._settings_cookie,
            save_cookie=None if self._grant_cookie is None else self._save_cookie,
        )

    def on_page_attached(self) -> None:
        # A save sent while the socket was down is lost: store everything again.
        if self.settings_store is not None:
            self.settings_store.resend()

    def _save_settings(self, data: dict[str, Any]) -> None:
        if self.session.is_closed:
            return
        self.session.channel.notify("saveSettings", data)

    def _save_cookie(self, data: dict[str, Any]) -> None:
        if self.session.is_closed or self._grant_cookie is None:
            return
        token = self._grant_cookie(data)
        url = self.session.navigator.base_url.joinpath(
            "rio-desktop/settings-cookie", token
        )
        self.session.channel.notify("setSettingsCookie", str(url))

    async def set_title(self, title: str) -> None:
        await self.session.channel.call("setTitle", title)

    async def pick_files(
        self, file_types: list[str] | None, multiple: bool
    ) -> list[FileInfo]:
        return await self._upload_through_page(
            multiple, "pickFiles", accept_attribute(file_types), multiple
        )

    async def dropped_files(
        self, component: Any, upload: int, names: list[str]
    ) -> list[FileInfo]:
        # The page holds the dropped files; it uploads them to the same
        # one-time route as pick_file's, with the same limit.
        return await self._upload_through_page(
            True, "uploadHeldFiles", component._id, upload
        )

    async def _upload_through_page(
        self,
        multiple: bool,
        method: Literal["pickFiles", "uploadHeldFiles"],
        *args: Any,
    ) -> list[FileInfo]:
        """Ask the page (`method(url, *args)`) to POST files to a one-time
        upload URL; the files, streamed to temporary files."""
        if self._upload_dir is None:
            self._upload_dir = Path(tempfile.mkdtemp(prefix="rio-desktop-upload-"))
        token, uploaded = self._transfers.add_upload(
            self._upload_dir, multiple=multiple, size_limit=self._upload_limit
        )
        url = self.session.navigator.base_url.joinpath("rio-desktop/upload", token)
        try:
            outcome = await self.session.channel.call(
                method, str(url), *args, timeout=None
            )
            if outcome == "cancelled":
                raise NoFileSelectedError()
            if outcome != "uploaded" and not uploaded.done():
                raise FileUploadError(f"The upload failed: {outcome}")
            return await uploaded
        except PageCallError as error:
            if uploaded.done() and not uploaded.cancelled():
                return await uploaded  # raises the server's reason
            raise FileUploadError(f"The upload failed: {error}") from None
        finally:
            self._transfers.cancel_upload(token)

    async def save_file(
        self,
        contents: bytes | Path,
        file_name: str,
        media_type: str,
        directory: Path | None,
    ) -> None:
        # `directory` has no meaning here: the browser decides where
        # downloads go.
        token = self._transfers.add_download(contents, file_name, media_type)
        url = self.session.navigator.base_url.joinpath("rio-desktop/download", token)
        await self.session.channel.call("download", str(url), file_name)

    async def set_clipboard(self, text: str) -> None:
        from ..session import ClipboardError

        try:
            await self.session.channel.call("setClipboard", text)
        except PageCallError as error:
            raise ClipboardError(
                f"The browser refused to write the clipboard: {error}. Browsers"
                " allow it only on https:// or localhost pages, after a click."
            ) from None

    async def get_clipboard(self) -> str | None:
        from ..session import ClipboardError

        try:
            return await self.session.channel.call("getClipboard")  # type: ignore[no-any-return]
        except PageCallError as error:
            raise ClipboardError(
                f"The browser refused to read the clipboard: {error}. Browsers"
                " allow it only on https:// or localhost pages, with permission."
            ) from None

    async def open_url(self, url: str) -> None:
        await self.session.channel.call("openUrl", url)

    def close(self) -> None:
        self.session.channel.notify("closeTab")

    def on_session_closed(self) -> None:
        if self._upload_dir is not None:
            shutil.rmtree(self._upload_dir, ignore_errors=True)
            self._upload_dir = None

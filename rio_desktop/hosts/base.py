"""The Host: what differs between a browser tab and a native window.

The Session calls these methods; `BrowserHost` answers them through the page
(file input, download URL, `navigator.clipboard`), `WindowHost` through
pywebview and the OS. Everything else about a session is the same in both.
"""

from __future__ import annotations

import datetime
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .. import protocol
    from ..files import FileInfo
    from ..session import Session
    from ..user_settings import SettingsStore

__all__ = ["Host"]


class Host(ABC):
    """One client's platform: a tab in a browser or the app's own window."""

    #: True for the window the desktop runtime opened.
    running_in_window: bool = False
    #: Where `UserSettings` attached to the session are kept (None: nowhere).
    settings_store: SettingsStore | None = None

    @classmethod
    def warm_up(cls) -> None:
        """Load what `timezone()` needs before the first session asks.

        The server calls this once, right after it starts listening: the
        imports and the timezone database then cost idle time instead of the
        first page's start-up.
        """
        import zoneinfo

        zoneinfo.ZoneInfo("UTC")

    def bind(self, session: Session, hello: protocol.Hello) -> None:
        """Called once, when the session this host serves is created (with
        the page's first message)."""
        self.session = session

    # --- what the platform knows about the user --------------------------------

    def timezone(self, reported: str) -> datetime.tzinfo | str | None:
        """The user's timezone: a tzinfo or an IANA name; None means UTC.

        `reported` is the IANA name the page said.
        """
        return reported

    def languages(self, reported: Sequence[str]) -> Sequence[str]:
        """The user's preferred languages, most preferred first."""
        return reported

    # --- what the session asks of the platform -------------------------------

    @abstractmethod
    async def set_title(self, title: str) -> None: ...

    @abstractmethod
    async def pick_files(
        self, file_types: list[str] | None, multiple: bool
    ) -> list[FileInfo]:
        """Let the user choose files; raise NoFileSelectedError on cancel."""

    async def dropped_files(
        self, component: Any, upload: int, names: list[str]
    ) -> list[FileInfo]:
        """The files the user dropped on (or, in a page, chose for) a
        `FilePickerArea`: `names` as the page saw them, `upload` the page's
        number for the files it holds. Empty if none can be had."""
        return []

    async def pick_folder(self) -> Path:
        raise NotImplementedError(
            "Picking a folder needs the local file system: it works when the"
            " app runs in a window (session.running_in_window)."
        )

    @abstractmethod
    async def save_file(
        self,
        contents: bytes | Path,
        file_name: str,
        media_type: str,
        directory: Path | None,
    ) -> None: ...

    @abstractmethod
    async def set_clipboard(self, text: str) -> None: ...

    @abstractmethod
    async def get_clipboard(self) -> str | None: ...

    @abstractmethod
    async def open_url(self, url: str) -> None:
        """Open a URL outside the app (a new tab, or the system browser)."""

    @abstractmethod
    def close(self) -> None:
        """Close the tab or the window."""

    # --- the window (window mode only) ------------------------------------------

    async def control_window(self, action: str, *args: Any) -> None:
        """Change the window's size, position or state: `action` is the
        Session method's name, sizes and positions are in font-heights."""
        from ..session import WindowOnlyError

        raise WindowOnlyError(f"session.{action}() works only in the app's window")

    async def open_window(
        self,
        url: str,
        title: str | None,
        width: float | None,
        height: float | None,
    ) -> None:
        """Open another window of the app showing `url` (a path of the app,
        with its query); sizes in font-heights, None for the default."""
        from ..session import WindowOnlyError

        raise WindowOnlyError(
            "session.open_window() works only when the app runs in its own"
            " window; check session.running_in_window before calling it"
        )

    async def show_notification(self, title: str, body: str) -> bool:
        """Show a notification outside the page (the OS's notification
        centre) if that is where the user will see it: True if it did;
        False, and the session shows it in the page."""
        return False

    def set_close_veto(self, on: bool) -> None:  # noqa: B027 - optional hook
        """Whether the user's closes are held back for the app's
        `on_window_close_request` handlers (called on the loop when that
        changes). A browser tab cannot be kept open: ignored there."""

    def close_requested(self) -> bool:
        """The user asked to close the window: run the session's close
        handlers; False if it has none."""
        session = getattr(self, "session", None)
        return session is not None and session.runtime.window_close_requested()

    def on_page_attached(self) -> None:  # noqa: B027 - optional hook
        """A page (first, or back after its socket dropped) is connected."""

    def on_session_closed(self) -> None:  # noqa: B027 - optional hook
        """Called once the session is closed; release what the host holds."""

    def describe(self) -> dict[str, Any]:
        return {"running_in_window": self.running_in_window}

"""WindowHost: the session's platform in the app's own native window.

Native calls (file dialogs, clipboard, the title) block, and some of them
(a dialog) for as long as the user likes. Each runs in a worker thread and is
awaited, so the event loop, and with it every other handler, timer and
refresh, keeps running meanwhile. The worker threads are daemon threads: a
dialog still open when the app quits cannot keep the process alive.
"""

from __future__ import annotations

import asyncio
import datetime
import locale
import logging
import mimetypes
import os
import shutil
import sys
import threading
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..files import FileInfo, NoFileSelectedError, NoFolderSelectedError
from .base import Host

if TYPE_CHECKING:
    from ..user_settings import SettingsStore

__all__ = ["WindowHost", "file_dialog_filter"]

T = TypeVar("T")
log = logging.getLogger(__name__)

# pywebview's FileDialog values (webview.FileDialog), without importing it.
_OPEN, _FOLDER, _SAVE = 10, 20, 30


async def run_in_worker(function: Callable[..., T], *args: Any) -> T:
    """Run a blocking call in a daemon thread and await its result."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(ok: bool, value: Any) -> None:
        if future.done():
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def work() -> None:
        try:
            result = function(*args)
        except BaseException as error:  # handed to the awaiting coroutine
            outcome: tuple[bool, Any] = (False, error)
        else:
            outcome = (True, result)
        try:
            loop.call_soon_threadsafe(settle, *outcome)
        except RuntimeError:  # the loop is closed: nobody waits any more
            pass

    name = f"rio-desktop {getattr(function, '__name__', 'call')}"
    threading.Thread(target=work, name=name, daemon=True).start()
    return await future


class WindowHost(Host):
    """One of the native windows the desktop runtime opened: everything it
    does (title, dialogs, control, close) acts on that window alone.

    Args:
        window: The window (`window_process.WindowHandle`: pywebview
            `Window` methods, carried to the window's process).
        settings_store: Where `UserSettings` of this app are kept.
        on_close: Called (on the event loop) to close this window (the app
            ends with its last one).
        open_window: Opens another window of the app (blocking): the page's
            path and query, a title or None, width and height in pixels or
            None.
        on_page_attached: Called with the session each time its page has
            been sent everything it needs to render (smoke mode waits there
            for the first render).
    """

    running_in_window = True

    def on_page_attached(self) -> None:
        # No browser chrome: let Alt+Left/Right and the mouse's back and
        # forward buttons walk the history, as in a browser.
        self.session.channel.notify("enableHistoryKeys")
        if self._on_page_attached is not None:
            self._on_page_attached(self.session)

    def __init__(
        self,
        window: Any,
        *,
        settings_store: SettingsStore | None = None,
        on_close: Callable[[], None] | None = None,
        open_window: Callable[[str, str | None, int | None, int | None], Any]
        | None = None,
        on_page_attached: Callable[[Any], None] | None = None,
    ) -> None:
        self.window = window
        self.settings_store = settings_store
        self._on_close = on_close
        self._open_window = open_window
        self._on_page_attached = on_page_attached

    # --- what the platform knows ------------------------------------------------

    @classmethod
    def warm_up(cls) -> None:
        super().warm_up()
        zone = _os_timezone()
        if zone:
            import zoneinfo

            zoneinfo.ZoneInfo(zone)

    def timezone(self, reported: str) -> datetime.tzinfo | str | None:
        return _os_timezone() or reported

    def languages(self, reported: Sequence[str]) -> Sequence[str]:
        # Qt reports "en-POSIX" under the C locale: not a language.
        engine = [tag for tag in reported if not tag.upper().endswith("POSIX")]
        return [*os_languages(), *engine]

    # --- what the session asks --------------------------------------------------

    async def set_title(self, title: str) -> None:
        await run_in_worker(self.window.set_title, title)

    async def pick_files(
        self, file_types: list[str] | None, multiple: bool
    ) -> list[FileInfo]:
        filters = file_dialog_filter(file_types)
        result = await run_in_worker(
            lambda: self.window.create_file_dialog(
                _OPEN, allow_multiple=multiple, file_types=filters
            )
        )
        paths = _paths_of(result)
        if not paths:
            raise NoFileSelectedError()
        return [await run_in_worker(_file_info, path) for path in paths]

    async def dropped_files(
        self, component: Any, upload: int, names: list[str]
    ) -> list[FileInfo]:
        # The paths come from the window's process, which took them from the
        # toolkit's own drop event: the page only names the files, so it
        # cannot make the app open a file the user did not drop.
        take = getattr(self.window, "take_dropped_files", None)
        if take is None:
            return []
        paths = await run_in_worker(take, names)
        return [await run_in_worker(_file_info, Path(path)) for path in paths]

    async def pick_folder(self) -> Path:
        result = await run_in_worker(lambda: self.window.create_file_dialog(_FOLDER))
        paths = _paths_of(result)
        if not paths:
            raise NoFolderSelectedError()
        return paths[0]

    async def save_file(
        self,
        contents: bytes | str | Path,
        file_name: str,
        media_type: str,
        directory: Path | None,
    ) -> None:
        start = Path(directory) if directory is not None else _default_directory()
        result = await run_in_worker(
            lambda: self.window.create_file_dialog(
                _SAVE, directory=str(start), save_filename=file_name
            )
        )
        paths = _paths_of(result)
        if not paths:
            return  # cancelled: nothing is written
        await run_in_worker(_write, paths[0], contents)

    async def set_clipboard(self, text: str) -> None:
        await run_in_worker(_clipboard_call, "copy", text)

    async def get_clipboard(self) -> str | None:
        return await run_in_worker(_clipboard_call, "paste")

    async def open_url(self, url: str) -> None:
        await run_in_worker(webbrowser.open, url)

    def close(self) -> None:
        if self._on_close is not None:
            self._on_close()

    def window_closed(self) -> None:
        """The window is gone (the user closed it): end the session."""
        session = getattr(self, "session", None)
        if session is not None and not session.is_closed:
            session.connection.shutdown()

    # --- window control -----------------------------------------------------------

    #: Actions whose arguments are font-heights, carried as pixels.
    _LENGTHS = frozenset(
        {"set_window_size", "set_window_min_size", "set_window_position"}
    )

    async def control_window(self, action: str, *args: Any) -> None:
        from ..desktop import UNIT_PIXELS

        method = getattr(self.window, action, None)
        if method is None:
            raise NotImplementedError(f"this window cannot {action}")
        if action in self._LENGTHS:
            args = tuple(round(value * UNIT_PIXELS) for value in args)
        await run_in_worker(method, *args)

    async def open_window(
        self,
        url: str,
        title: str | None,
        width: float | None,
        height: float | None,
    ) -> None:
        from ..desktop import UNIT_PIXELS

        if self._open_window is None:
            raise NotImplementedError("this window cannot open other windows")

        def pixels(value: float | None) -> int | None:
            return None if value is None else max(1, round(value * UNIT_PIXELS))

        await run_in_worker(
            self._open_window, url, title, pixels(width), pixels(height)
        )

    async def show_notification(self, title: str, body: str) -> bool:
        # The window's process decides: the page's toast while the window is
        # in front, else the OS's notification centre if there is one.
        notify = getattr(self.window, "notify", None)
        if notify is None:
            return False
        app_name = self.session.app.name if hasattr(self, "session") else ""
        try:
            return await run_in_worker(notify, title, body, app_name) == "os"
        except Exception as error:  # the window is closing: the page shows it
            log.debug("No OS notification: %r", error)
            return False

    def set_close_veto(self, on: bool) -> None:
        # Sent at once (a short write, no waiting) so that the window gets
        # these in order: the last one is in force.
        set_veto = getattr(self.window, "set_close_veto", None)
        if set_veto is not None:
            set_veto(on)

    def on_session_closed(self) -> None:
        if self.settings_store is not None:
            self.settings_store.flush()


# --- file dialogs ---------------------------------------------------------------


def file_dialog_filter(file_types: Sequence[str] | None) -> tuple[str, ...]:
    """pywebview's dialog filter for `file_types`.

    Accepts extensions ("pdf", ".pdf", "*.pdf") and MIME types
    ("application/pdf", "image/*"); returns e.g. ``("Files (*.pdf;*.png)",)``,
    or ``()`` (any file) when nothing was given.
    """
    if not file_types:
        return ()
    patterns: list[str] = []
    for entry in file_types:
        for extension in _extensions_of(entry.strip()):
            pattern = "*." + extension
            if pattern not in patterns:
                patterns.append(pattern)
    if not patterns:
        return ()
    return (f"Files ({';'.join(patterns)})",)


def _extensions_of(entry: str) -> list[str]:
    if "/" in entry:  # a MIME type
        mimetypes.init()
        if entry.endswith("/*"):
            prefix = entry[:-1]
            found = [
                ext
                for ext, typ in mimetypes.types_map.items()
                if typ.startswith(prefix)
            ]
        else:
            found = mimetypes.guess_all_extensions(entry)
        return sorted({ext.lstrip(".").lower() for ext in found if ext})
    extension = entry.removeprefix("*").removeprefix(".")
    if not extension or not all(c.isalnum() or c in "_-" for c in extension):
        raise ValueError(
            f"file_types: {entry!r} is neither a file extension ('pdf', '.pdf',"
            " '*.pdf') nor a MIME type ('application/pdf')"
        )
    return [extension.lower()]


def _paths_of(result: Any) -> list[Path]:
    """pywebview returns None, a str, or a tuple/list of str."""
    if not result:
        return []
    if isinstance(result, (str, os.PathLike)):
        return [Path(result)]
    return [Path(item) for item in result if item]


def _file_info(path: Path) -> FileInfo:
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return FileInfo(path.name, path.stat().st_size, media_type, path)


def _write(target: Path, contents: bytes | str | Path) -> None:
    if isinstance(contents, Path):
        shutil.copyfile(contents, target)
    elif isinstance(contents, str):
        target.write_text(contents, encoding="utf-8")
    else:
        target.write_bytes(bytes(contents))


def _default_directory() -> Path:
    try:
        import platformdirs

        downloads = Path(platformdirs.user_downloads_dir())
        if downloads.is_dir():
            return downloads
    except Exception:  # no downloads folder known: the home folder will do
        pass
    return Path.home()


# --- clipboard -----------------------------------------------------------------


def _clipboard_call(action: str, text: str = "") -> Any:
    from ..session import ClipboardError

    try:
        import pyperclip  # type: ignore[import-untyped]
    except ImportError:
        raise ClipboardError(
            "The clipboard needs pyperclip: pip install pyperclip"
        ) from None
    if sys.platform.startswith("linux"):
        _check_linux_clipboard_tool()
    try:
        if action == "copy":
            pyperclip.copy(text)
            return None
        return pyperclip.paste()
    except pyperclip.PyperclipException as error:
        raise ClipboardError(
            f"The clipboard is not available: {error}. On Linux install xclip"
            " (X11: sudo apt install xclip) or wl-clipboard (Wayland)."
        ) from None


def _check_linux_clipboard_tool() -> None:
    from ..session import ClipboardError

    if os.environ.get("WAYLAND_DISPLAY") and shutil.which("wl-copy"):
        return
    if os.environ.get("DISPLAY") and (shutil.which("xclip") or shutil.which("xsel")):
        return
    if os.environ.get("WAYLAND_DISPLAY"):
        raise ClipboardError(
            "No clipboard tool found: install wl-clipboard (sudo apt install"
            " wl-clipboard) or xclip."
        )
    if not os.environ.get("DISPLAY"):
        raise ClipboardError("There is no clipboard without a display (DISPLAY).")
    raise ClipboardError(
        "No clipboard tool found: install xclip (sudo apt install xclip)."
    )


# --- languages -----------------------------------------------------------------


def _os_timezone() -> str | None:
    """The OS's IANA timezone name, or None if tzlocal cannot tell."""
    try:
        import tzlocal

        return tzlocal.get_localzone_name()
    except Exception:  # tzlocal raises on broken setups; the page knows too
        return None


def os_languages() -> list[str]:
    """The OS's preferred languages as BCP 47 tags, most preferred first."""
    found: list[str] = []
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        for part in value.split(":"):
            tag = part.split(".")[0].split("@")[0].replace("_", "-").strip()
            if tag and tag.upper() not in ("C", "POSIX") and tag not in found:
                found.append(tag)
        if found:
            break
    if not found:
        try:
            name = locale.getlocale()[0]
        except ValueError:
            name = None
        if name and name.upper() not in ("C", "POSIX"):
            found.append(name.replace("_", "-"))
    return found

"""Session: one client connection, as specified by shared/seed/session.md.

The session owns the component tree of one tab or window, runs event
handlers, schedules one refresh per event-loop tick, and forwards what only
the platform can do (files, clipboard, title) to its `Host`.
"""

from __future__ import annotations

import asyncio
import datetime
import itertools
import logging
import warnings
import weakref
from collections.abc import Callable, Coroutine, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from . import dialog, protocol, routing
from .component import Component, FundamentalComponent
from .files import FileInfo, guess_media_type
from .refresh import ComponentTree
from .runtime import ComponentRuntime
from .user_settings import UserSettings

if TYPE_CHECKING:
    from .app import App
    from .hosts.base import Host
    from .menu import MenuItem

__all__ = ["Session", "ClipboardError", "WebsiteOnlyError", "WindowOnlyError"]

log = logging.getLogger(__name__)
T = TypeVar("T")


class ClipboardError(Exception):
    """The clipboard could not be read or written (no permission, no tool)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)

    @property
    def message(self) -> str:
        """What went wrong, for people."""
        return self.args[0]


class WebsiteOnlyError(RuntimeError):
    """The attribute exists only when the app runs as a website."""


class WindowOnlyError(RuntimeError):
    """The method works only when the app runs in its own window."""


class PageCallError(RuntimeError):
    """The page could not do what the server asked of it."""


class _AppRoot(FundamentalComponent):
    """The top of every session's tree: the app's content plus open dialogs."""

    _fundamental_type = "AppRoot"
    _child_fields = ("content", "dialogs")

    content: Component | None = None
    dialogs: list[Component] | None = None


class Session(ComponentRuntime):
    """Represents a single client connection to the app.

    Sessions are created by the app for each tab or window; don't create them
    yourself. Components reach theirs as `self.session`.

    In window mode every window is a session of its own: the first window's,
    and one for each window opened with `open_window` (`App(on_session_start=)`
    runs for each). A session's window methods (`set_title`, the file
    dialogs, `set_window_size` ..., `close`) act on its own window.
    """

    def __init__(
        self,
        app: App,
        host: Host,
        hello: protocol.Hello,
        *,
        http_headers: Mapping[str, str],
        client_ip: str | None,
        client_port: int | None,
        base_url: URL,
        send: Callable[[dict[str, Any]], None],
    ) -> None:
        self._app = app
        self._host = host
        self._send = send
        self._loop = asyncio.get_running_loop()
        self._closed = False
        self._refresh_pending = False
        self._tasks: set[asyncio.Task[Any]] = set()
        self._attachments: dict[type, Any] = {}
        self._readers: dict[str, weakref.WeakSet[Component]] = {}
        self._pending_calls: dict[int, asyncio.Future[Any]] = {}
        self._call_ids = itertools.count(1)
        self._periodic_tasks: dict[int, list[asyncio.Task[Any]]] = {}
        #: Set by the server: called once when the session has shut down.
        self._on_closed: Callable[[], None] | None = None
        # aiohttp's request headers already are a read-only, case-insensitive
        # view: keep it rather than a copy for every session.
        self._http_headers = (
            http_headers
            if isinstance(http_headers, CIMultiDictProxy)
            else CIMultiDictProxy(CIMultiDict(http_headers))
        )
        self._client_ip = client_ip
        self._client_port = client_port
        self._base_url = base_url.with_query(None).with_fragment(None)
        self._window_width = hello.width
        self._window_height = hello.height
        self._pixel_ratio = hello.pixel_ratio
        self._screen_width = hello.screen_width
        self._screen_height = hello.screen_height
        self._font_px = hello.font_px
        self._scroll_bar_size = hello.scroll_bar_size
        self._primary_pointer_type = hello.primary_pointer_type
        self._prefers_dark = hello.prefers_dark
        self._active_url = self._absolute_url(hello.url)
        self._active_pages: tuple[routing.ComponentPage, ...] = ()
        self._page_error: str | None = None
        self._dialogs: list[dialog.Dialog[Any]] = []
        self._timezone = _resolve_timezone(host.timezone(hello.timezone))
        self._languages = _normalise_languages(host.languages(hello.languages))
        self._theme = app._theme_for(prefers_dark=hello.prefers_dark)
        self._title = app.name
        #: What the page had stored for `UserSettings` (website mode).
        self._stored_settings = hello.user_settings
        self._root = _AppRoot()
        self._tree = ComponentTree(
            self,
            self._build_root,
            build_context=self._build_context,
            error_component=self._build_failed,
        )
        host.bind(self)

    # --- attributes of the seed ---------------------------------------------

    @property
    def app(self) -> App:
        """The `App` this session belongs to."""
        return self._app

    @property
    def assets(self) -> Path:
        """The app's asset directory: `self.session.assets / "logo.png"`."""
        return self._app.assets_dir

    @property
    def timezone(self) -> datetime.tzinfo:
        """The timezone the client is in (UTC when it is not known)."""
        return self._timezone

    @property
    def preferred_languages(self) -> Sequence[str]:
        """The client's languages, most preferred first, e.g. ("en-US",)."""
        return self._languages

    @property
    def window_width(self) -> float:
        """The width of the client's window, in font-heights."""
        self._track_read("window_width")
        return self._window_width

    @property
    def window_height(self) -> float:
        """The height of the client's window, in font-heights."""
        self._track_read("window_height")
        return self._window_height

    @property
    def screen_width(self) -> float:
        """The width of the client's screen (not window), in font-heights."""
        return self._screen_width

    @property
    def screen_height(self) -> float:
        """The height of the client's screen (not window), in font-heights."""
        return self._screen_height

    @property
    def pixels_per_font_height(self) -> float:
        """How many physical pixels one font-height is on the client's screen."""
        return self._font_px * self._pixel_ratio

    @property
    def scroll_bar_size(self) -> float:
        """The width of a scroll bar, in font-heights (0 where scroll bars
        float over the content, as on phones and macOS)."""
        return self._scroll_bar_size

    @property
    def primary_pointer_type(self) -> Literal["mouse", "touch"]:
        """How the user mostly points: "mouse" (precise, can hover) or
        "touch". Other devices may be in use as well."""
        return self._primary_pointer_type  # type: ignore[return-value]

    @property
    def theme(self) -> Any:
        """The theme in use; assign a `Theme` to re-theme the page live."""
        self._track_read("theme")
        return self._theme

    @theme.setter
    def theme(self, theme: Any) -> None:
        self._theme = theme
        self._send_theme()
        self._changed("theme")

    @property
    def http_headers(self) -> Mapping[str, str]:
        """The client's HTTP headers: read-only and case-insensitive."""
        return self._http_headers

    @property
    def running_in_window(self) -> bool:
        """True if the app runs in its own local window."""
        return self._host.running_in_window

    @property
    def running_as_website(self) -> bool:
        """True if the app is served as a website to a browser."""
        return not self._host.running_in_window

    @property
    def base_url(self) -> URL:
        """Where the app is hosted: absolute, no query, no fragment."""
        self._require_website("base_url")
        return self._base_url

    @property
    def active_page_url(self) -> URL:
        """The absolute URL of the page being shown."""
        self._track_read("active_page_url")
        return self._active_url

    @property
    def active_page_instances(self) -> tuple[routing.ComponentPage, ...]:
        """The pages being shown, outermost first: on ``/foo/bar`` the pages
        for ``foo`` and ``bar``. Change them with `navigate_to`."""
        self._track_read("active_page_url")
        return self._active_pages

    @property
    def client_ip(self) -> str:
        """The client's IP address (website mode only)."""
        self._require_website("client_ip")
        return self._client_ip or ""

    @property
    def client_port(self) -> int:
        """The client's port (website mode only)."""
        self._require_website("client_port")
        return self._client_port or 0

    @property
    def user_agent(self) -> str:
        """The client's user agent string."""
        return self._http_headers.get("user-agent", "")

    # --- attachments -----------------------------------------------------------

    def attach(self, value: Any) -> None:
        """Attach a value; get it back later with `session[type(value)]`."""
        typ = type(value)
        previous = self._attachments.get(typ)
        self._attachments[typ] = value
        if isinstance(value, UserSettings):
            store = getattr(self._host, "settings_store", None)
            if isinstance(previous, UserSettings) and store is not None:
                store.detach(previous)
            if store is not None:
                # Attached before the first build (default_attachments): load
                # the stored values; attached later: store the new values.
                store.attach(value, load=self._tree.root is None)
        self._changed(_attachment_key(typ))

    def detach(self, typ: type, /) -> None:
        """Remove the attachment of type `typ`."""
        if typ not in self._attachments:
            raise KeyError(f"nothing of type {typ.__name__} is attached")
        del self._attachments[typ]
        self._changed(_attachment_key(typ))

    def __getitem__(self, typ: type[T]) -> T:
        self._track_read(_attachment_key(typ))
        try:
            return self._attachments[typ]
        except KeyError:
            raise KeyError(
                f"no {typ.__name__} is attached to this session; call"
                f" session.attach({typ.__name__}(...)) first"
            ) from None

    def __delitem__(self, typ: type) -> None:
        self.detach(typ)

    # --- tasks and life ----------------------------------------------------

    def create_task(
        self, coro: Coroutine[Any, None, T], *, name: str | None = None
    ) -> asyncio.Task[T]:
        """Like `asyncio.create_task`, but cancelled when the session closes."""
        task = self._loop.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self._report_exception(task.exception(), task=task)  # type: ignore[arg-type]

    def close(self) -> None:
        """End the session, closing the window or browser tab."""
        if self._closed:
            return
        self._host.close()
        self._loop.call_soon(self._shutdown)

    @property
    def is_closed(self) -> bool:
        return self._closed

    async def set_title(self, title: str) -> None:
        """Change the window (or tab) title."""
        self._title = title
        await self._host.set_title(title)

    async def set_clipboard(self, text: str) -> None:
        """Copy text to the client's clipboard.

        Raises:
            ClipboardError: The browser or the OS refused (website mode: the
                page must be https:// or localhost, and focused).
        """
        await self._host.set_clipboard(text)

    async def get_clipboard(self) -> str | None:
        """The text on the client's clipboard.

        Raises:
            ClipboardError: The browser or the OS refused (website mode: the
                user must grant the page permission to read the clipboard).
        """
        return await self._host.get_clipboard()

    # --- the window (window mode only) ------------------------------------------

    async def set_window_size(self, width: float, height: float) -> None:
        """Resize the window so that its content is `width` x `height`
        font-heights: the size `window_width` and `window_height` then report.

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window(
            "set_window_size",
            _length(width, "width", 0.01),
            _length(height, "height", 0.01),
        )

    async def set_window_min_size(self, width: float, height: float) -> None:
        """Stop the user from making the window's content smaller than `width`
        x `height` font-heights; a smaller window grows to that size.

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window(
            "set_window_min_size",
            _length(width, "width", 0),
            _length(height, "height", 0),
        )

    async def set_window_position(self, x: float, y: float) -> None:
        """Move the window's top left corner (its frame's, where the system
        draws one) to `x`, `y` font-heights from the top left of the desktop.

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window(
            "set_window_position", _length(x, "x", None), _length(y, "y", None)
        )

    async def center_window(self) -> None:
        """Move the window to the middle of the screen it is on.

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window("center_window")

    async def maximize_window(self) -> None:
        """Make the window fill the screen, beside the system's panels.

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window("maximize_window")

    async def minimize_window(self) -> None:
        """Hide the window in the task bar (or dock).

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window("minimize_window")

    async def restore_window(self) -> None:
        """Bring the window back to its normal size and place from maximized,
        minimized or full screen.

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window("restore_window")

    async def set_fullscreen(self, on: bool) -> None:
        """Show the window full screen (no frame, no panels), or not.

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window("set_fullscreen", _flag(on, "on"))

    async def set_always_on_top(self, on: bool) -> None:
        """Keep the window above all others, or not.

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window("set_always_on_top", _flag(on, "on"))

    async def focus_window(self) -> None:
        """Bring the window to the front and give it the keyboard focus,
        restoring it first if it is minimized. (The system may only flash it
        in the task bar if another app has the user's attention.)

        Raises:
            WindowOnlyError: The app runs as a website.
        """
        await self._control_window("focus_window")

    async def open_window(
        self,
        url: URL | str,
        *,
        title: str | None = None,
        width: float | None = None,
        height: float | None = None,
    ) -> None:
        """Open another window of the app, showing the page at `url`.

        The new window is a session of its own (`App(on_session_start=...)`
        runs for it; its components do not share state with this one's) in
        the same app process. Returns once the window is made; its page then
        loads. The user can close each window on its own; the app ends when
        the last one is closed. A window's size, position and maximized state
        are remembered under its page's path, like the first window's.

        Args:
            url: A page of this app: ``"/settings"`` from the app's root,
                ``"details?id=3"`` relative to this session's page.
            title: The window's title; default: the app's.
            width, height: The window's size in font-heights, used when no
                size is remembered for this page (default 50 x 37.5).

        Raises:
            WindowOnlyError: The app runs as a website (open a link in a new
                tab there instead).
            ValueError: `url` is not a page of this app (another site's).
        """
        target = self._target_url(url)
        if not routing.is_inside(target, self._base_url):
            raise ValueError(
                f"open_window shows a page of this app; {str(url)!r} is outside"
                " it (another origin or path). Use session.open_url_in_browser()"
                " for other sites."
            )
        if title is not None and not isinstance(title, str):
            raise TypeError(f"title is a string, not {title!r}")
        size = [
            None if value is None else _length(value, name, 1)
            for name, value in (("width", width), ("height", height))
        ]
        await self._host.open_window(str(target.relative()), title, *size)

    async def _control_window(self, action: str, *args: Any) -> None:
        if not self._host.running_in_window:
            raise WindowOnlyError(
                f"session.{action}() works only when the app runs in its own"
                " window; check session.running_in_window before calling it"
            )
        await self._host.control_window(action, *args)

    async def set_menu_item(
        self,
        item: MenuItem,
        *,
        label: str | None = None,
        enabled: bool | None = None,
        checked: bool | None = None,
    ) -> None:
        """Change an item of the window's menu bar or tray menu while it runs
        (the `MenuItem` too). As a website, only the `MenuItem` changes.

        Raises:
            ValueError: `checked` for an item made with ``checked=None``.
        """
        from .menu import set_menu_item

        await set_menu_item(self, item, label=label, enabled=enabled, checked=checked)

    def _update_close_veto(self) -> None:
        """Tell the host whether a mounted component handles close requests
        (`rio.event.on_window_close_request`): then the window holds the
        user's closes back."""
        on = bool(self._watchers().get("on_window_close_request"))
        if on != getattr(self, "_close_veto", False):
            self._close_veto = on
            self._host.set_close_veto(on)

    def _window_close_requested(self) -> bool:
        """The user asked to close the window: run the close handlers.

        Returns:
            False if no mounted component has one (the window should close).
        """
        if self._closed:
            return False
        watching = self._watchers().get("on_window_close_request", {})
        components = [c for c in watching.values() if c._id is not None]
        for component in components:
            self._fire(component, "on_window_close_request")
        return bool(components)

    # --- assets and navigation ------------------------------------------------

    def url_for_asset(self, asset: Path | str) -> URL:
        """The URL at which the page can load a file of the app's assets_dir.

        Args:
            asset: A path inside `App(assets_dir=...)`: absolute, or relative
                to that folder (``"logo.png"``).

        Raises:
            ValueError: The path is not inside the assets folder.
            FileNotFoundError: There is no file at the path.
        """
        root = self._app.assets_dir.resolve()
        path = Path(asset)
        if not path.is_absolute():
            path = root / path
        resolved = path.resolve()
        if not resolved.is_relative_to(root) or resolved == root:
            raise ValueError(
                f"{asset} is not inside the app's assets folder {root}. Move the"
                " file there, or pass App(assets_dir=...) the folder it is in."
            )
        if not resolved.is_file():
            raise FileNotFoundError(f"url_for_asset(): there is no file at {path}")
        relative = resolved.relative_to(root).parts
        return self._base_url.joinpath("rio-desktop", "assets", *relative)

    def navigate_to(self, target_url: URL | str, *, replace: bool = False) -> None:
        """Show the page at `target_url`.

        Args:
            target_url: ``"/about"`` is relative to where the app is served,
                ``"details"`` or ``"?tab=2"`` to the current page, and an
                absolute URL of another site opens in the browser (a new tab
                in website mode, the system browser in window mode).
            replace: If True, replace the browser's current history entry, so
                the back button does not return to the current page.
        """
        target = self._target_url(target_url)
        if not routing.is_inside(target, self._base_url):
            self.create_task(self._host.open_url(str(target)), name=f"open {target}")
            return
        resolution = routing.resolve(self, target, self._target_url)
        if resolution.url == self._active_url and not replace:
            # No new history entry, but "#part" scrolls to its target again.
            history = "replaceState" if target.fragment else None
        else:
            history = "replaceState" if replace else "pushState"
        self._show_pages(resolution, history)

    async def open_url_in_browser(self, url: URL | str) -> None:
        """Open `url` in a new browser tab (window mode: the system browser)."""
        await self._host.open_url(str(self._target_url(url)))

    # --- files ---------------------------------------------------------------

    async def pick_file(
        self, *, file_types: Iterable[str] | None = None, multiple: bool = False
    ) -> FileInfo | list[FileInfo]:
        """Let the user pick a file (or several) and return it.

        Args:
            file_types: Hints for the file dialog: extensions ("pdf", ".pdf",
                "*.pdf") or MIME types ("image/*"). The user can still pick
                anything, so check what you get.
            multiple: Return a list of any number of files.

        Raises:
            NoFileSelectedError: The user closed the dialog without choosing.
            FileUploadError: Website mode: the upload was larger than
                `App(max_upload_size=...)` or did not finish.
        """
        types = None if file_types is None else [str(t) for t in file_types]
        files = await self._host.pick_files(types, multiple)
        if not files:
            from .files import NoFileSelectedError

            raise NoFileSelectedError()
        return files if multiple else files[0]

    async def file_chooser(
        self, *, file_types: Iterable[str] | None = None, multiple: bool = False
    ) -> FileInfo | list[FileInfo]:
        """Deprecated: renamed to `pick_file`."""
        warnings.warn(
            "Session.file_chooser() was renamed; use session.pick_file()",
            DeprecationWarning,
            stacklevel=2,
        )
        return await self.pick_file(file_types=file_types, multiple=multiple)

    async def pick_folder(self) -> Path:
        """Let the user pick a folder and return its path.

        Only in window mode: a browser does not tell a page where a folder is.

        Raises:
            NoFolderSelectedError: The user closed the dialog without choosing.
            NotImplementedError: The app runs as a website.
        """
        return await self._host.pick_folder()

    async def save_file(
        self,
        file_contents: Path | str | bytes,
        file_name: str = "Unnamed File",
        *,
        media_type: str | None = None,
        directory: Path | None = None,
    ) -> None:
        """Save a file to the user's device.

        Args:
            file_contents: Text (saved as UTF-8), bytes, or the path of a file
                on the server.
            file_name: The name offered to the user.
            media_type: The MIME type; guessed from `file_name` if None.
            directory: Where the save dialog starts (window mode). Browsers
                choose the download folder themselves, so a website ignores it.
        """
        if isinstance(file_contents, str):
            contents: bytes | Path = file_contents.encode("utf-8")
        elif isinstance(file_contents, (bytes, bytearray, memoryview)):
            contents = bytes(file_contents)
        elif isinstance(file_contents, Path):
            if not file_contents.is_file():
                raise FileNotFoundError(
                    f"save_file() was given {file_contents}, which is not a file"
                )
            contents = file_contents
        else:
            raise TypeError(
                "save_file() takes str, bytes or a pathlib.Path, not"
                f" {type(file_contents).__name__}"
            )
        if media_type is None:
            media_type = guess_media_type(file_name)
        await self._host.save_file(contents, file_name, media_type, directory)

    # --- notifications and dialogs ---------------------------------------

    async def show_notification(self, *, title: str, body: str) -> None:
        """Show a short message in the page's top right corner.

        It slides in, stays about five seconds and slides out; several stack
        up. Use it for news that needs no answer ("Saved").

        In the app's window, while the window is minimized, hidden or behind
        another app's, the message goes to the OS's notification centre
        instead, where the user sees it; clicking it brings the window back.
        Where the OS has no notification service, the page shows it.

        Args:
            title: The heading of the message.
            body: The text below the heading.
        """
        if self._closed:
            return
        if await self._host.show_notification(str(title), str(body)):
            return  # the OS shows it
        if self._closed:
            return
        self._send(
            {
                "type": "call",
                "call_id": 0,
                "method": "showNotification",
                "args": [str(title), str(body)],
            }
        )

    async def show_custom_dialog(
        self,
        build: Callable[[], Component],
        *,
        modal: bool = True,
        user_closable: bool = True,
        on_close: Callable[[], Any] | None = None,
        owning_component: Component | None = None,
        style: Literal["default", "custom"] = "default",
        user_closeable: bool | None = None,
    ) -> dialog.Dialog[Any]:
        """Show a dialog whose content `build` returns; see `rio.Dialog`.

        Args:
            build: A function (or component class) returning the content. It
                gets the whole screen; position it with align and margin.
            modal: Darken the app and block it while the dialog is open.
            user_closable: Let the user close the dialog by clicking outside
                it or pressing Escape; `wait_for_close()` then returns None.
            on_close: Called when the dialog closes without `dialog.close()`.
            owning_component: Close the dialog when this component goes away.
            style: "default" puts the content on a card-like surface in the
                middle of the screen; "custom" shows it as it is, over the
                whole screen (align it yourself).
            user_closeable: The older spelling of `user_closable`.
        """
        if user_closeable is not None:
            if not user_closable and user_closeable:
                raise TypeError(
                    "show_custom_dialog() got user_closable=False and"
                    " user_closeable=True; pass only user_closable"
                )
            user_closable = user_closeable
        if style not in ("default", "custom"):
            raise ValueError(
                f'show_custom_dialog(style=...) is "default" or "custom", not {style!r}'
            )
        return dialog.show(
            self,
            build,
            modal=modal,
            user_closeable=user_closable,
            on_close=on_close,
            owning_component=owning_component,
            style=style,
        )

    async def show_yes_no_dialog(
        self,
        text: str,
        *,
        title: str | None = None,
        icon: str | None = None,
        default: bool | None = None,
        yes_text: str = "Yes",
        no_text: str = "No",
        yes_color: Any = "keep",
        no_color: Any = "keep",
        owning_component: Component | None = None,
    ) -> bool | None:
        """Ask a yes/no question: True, False, or None if dismissed.

        Args:
            text: Markdown explaining what the question is about.
            title: A heading above the text.
            icon: An icon next to the title.
            default: The likely answer, whose button is highlighted.
            yes_text, no_text: The button labels.
            yes_color, no_color: The button colours.
            owning_component: Close the dialog when this component goes away.
        """
        return await dialog.show_yes_no(
            self,
            text,
            title=title,
            icon=icon,
            default=default,
            yes_text=yes_text,
            no_text=no_text,
            yes_color=yes_color,
            no_color=no_color,
            owning_component=owning_component,
        )

    async def show_simple_dialog(
        self,
        *,
        title: str | None = None,
        content: str | Component,
        options: Mapping[str, T] | Sequence[T],
        default_option: T | None = None,
        owning_component: Component | None = None,
    ) -> T | None:
        """Show a message with one button per option; return the chosen one.

        Args:
            title: A heading.
            content: Markdown text, or a component.
            options: The choices: {"Label": value} or values labelled by
                `str(value)`.
            default_option: The value whose button is highlighted.
            owning_component: Close the dialog when this component goes away.

        Returns:
            The chosen value, or None if the user dismissed the dialog.
        """
        return await dialog.show_simple(
            self,
            title=title,
            content=content,
            options=options,
            default_option=default_option,
            owning_component=owning_component,
        )

    # --- internals: building ----------------------------------------------------

    def _build_root(self) -> Component:
        # Dialogs opened before the first build (on_session_start) carry over.
        dialogs = [d._container for d in self._dialogs if d._container is not None]
        self._root = _AppRoot(content=self._app._build_content(), dialogs=dialogs)
        return self._root

    # --- internals: messages from the page ------------------------------------

    def _handle_message(self, message: protocol.IncomingMessage) -> None:
        """Act on one validated message from the page."""
        if isinstance(message, protocol.Event):
            self._handle_event(message)
        elif isinstance(message, protocol.Reply):
            future = self._pending_calls.pop(message.call_id, None)
            if future is None or future.done():
                raise protocol.ProtocolError(f"reply to unknown call {message.call_id}")
            if message.ok:
                future.set_result(message.value)
            else:
                future.set_exception(PageCallError(message.error or "failed"))
        elif isinstance(message, protocol.Resize):
            self._set_window_size(message.width, message.height)
        elif isinstance(message, protocol.ColorScheme):
            self._set_prefers_dark(message.prefers_dark)
        elif isinstance(message, protocol.Navigate):
            self._on_page_navigated(message.url)
        elif isinstance(message, protocol.Hello):
            raise protocol.ProtocolError("'hello' was already received")

    def _set_window_size(self, width: float, height: float) -> None:
        if width != self._window_width:
            self._window_width = width
            self._changed("window_width")
        if height != self._window_height:
            self._window_height = height
            self._changed("window_height")

    def _set_prefers_dark(self, prefers_dark: bool) -> None:
        if prefers_dark == self._prefers_dark:
            return
        self._prefers_dark = prefers_dark
        theme = self._app._theme_for(prefers_dark=prefers_dark)
        if theme is not self._theme:
            self.theme = theme

    def _on_page_navigated(self, url: str) -> None:
        """The user went back or forward in the browser's history."""
        target = self._absolute_url(url)
        resolution = routing.resolve(self, target, self._target_url)
        redirected = resolution.url != target
        self._show_pages(resolution, "replaceState" if redirected else None)

    def _show_pages(self, resolution: routing.Resolution, history: str | None) -> None:
        """Make `resolution` the active page; update the browser's history."""
        self._active_url = resolution.url
        self._active_pages = resolution.pages
        self._page_error = resolution.error
        self._changed("active_page_url")
        if history is not None:
            self._send(
                {
                    "type": "call",
                    "call_id": 0,
                    "method": history,
                    "args": [str(resolution.url)],
                }
            )

    def _absolute_url(self, url: str) -> URL:
        target = URL(url)
        if not target.is_absolute():
            target = self._base_url.join(target)
        return target

    def _target_url(self, url: URL | str) -> URL:
        """A navigation target as an absolute URL.

        "/x" is relative to the app's base URL (not the server's root, which
        differs when the app is mounted under a sub-path); "x" and "?q=1" are
        relative to the active page.
        """
        target = URL(str(url)) if not isinstance(url, URL) else url
        if target.is_absolute() or target.scheme:
            return target
        if target.path.startswith("/"):
            base = self._base_url.path.rstrip("/")
            return self._base_url.join(URL(base + str(target), encoded=True))
        return self._active_url.join(target)

    # --- internals: talking to the page ---------------------------------------

    async def _call_page(self, method: str, *args: Any, timeout: float = 60) -> Any:
        """Ask the page to do something and wait for its reply."""
        if self._closed:
            raise RuntimeError("the session is closed")
        call_id = next(self._call_ids)
        future: asyncio.Future[Any] = self._loop.create_future()
        self._pending_calls[call_id] = future
        self._send(
            {"type": "call", "call_id": call_id, "method": method, "args": list(args)}
        )
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._pending_calls.pop(call_id, None)

    def _send_theme(self) -> None:
        if self._theme is not None:
            self._send({"type": "theme", "vars": self._theme._css_variables()})

    def _attach_transport(self, send: Callable[[dict[str, Any]], None]) -> None:
        """A (re)connected page: send it everything it needs to render."""
        self._send = send
        self._send_theme()
        if self._title:
            self._send(
                {
                    "type": "call",
                    "call_id": 0,
                    "method": "setTitle",
                    "args": [self._title],
                }
            )
        if self._tree.root is None:
            self._refresh_pending = False
            self._refresh()
        else:
            self._send(self._tree.full_state())
        self._host.on_page_attached()

    def _start(self) -> None:
        """Build the first tree and send it with the theme."""
        self._resolve_first_page()
        self._attach_transport(self._send)

    def _resolve_first_page(self) -> None:
        if self._app.pages:
            requested = self._active_url
            resolution = routing.resolve(self, requested, self._target_url)
            redirected = resolution.url != requested
            self._show_pages(resolution, "replaceState" if redirected else None)

    def _replace_app(self, app: App) -> None:
        """Hot reload: show `app` in this session's page, in place of the old tree.

        The session, its page and its URL stay; open dialogs close (their
        waiters get None), every component of the old tree is unmounted
        (on_unmount runs, periodic tasks stop) and the new app's tree is sent
        as a full reset. Attachments are made afresh from the new app's
        `default_attachments` (their classes were re-imported).
        """
        dialog.close_all(self)
        for component in list(self._tree.components.values()):
            self._on_unmounted(component)
            component._id = None
        self._app = app
        self._readers.clear()
        self._attachments.clear()
        self._theme = app._theme_for(prefers_dark=self._prefers_dark)
        self._root = _AppRoot()
        self._tree = ComponentTree(
            self,
            self._build_root,
            build_context=self._build_context,
            error_component=self._build_failed,
        )
        # With the new tree not built yet, UserSettings load the stored values
        # (rather than overwrite them with the new instances' defaults).
        for value in app._new_attachments():
            self.attach(value)
        self._refresh_pending = False
        self._send_theme()
        self._title = app.name
        self._send(
            {"type": "call", "call_id": 0, "method": "setTitle", "args": [app.name]}
        )
        if self.running_in_window:  # the window's own title too
            self.create_task(self._host.set_title(app.name), name="reload title")
        self._resolve_first_page()
        delta = self._tree.refresh()
        self._send(self._tree.full_state())
        for component in delta.mounted:
            if component._id is not None:
                self._on_mounted(component)

    def _require_website(self, name: str) -> None:
        if self._host.running_in_window:
            raise WebsiteOnlyError(
                f"session.{name} is only available when the app runs as a"
                " website; check session.running_as_website before using it"
            )

    def _shutdown(self) -> None:
        """Cancel tasks and pending calls; idempotent."""
        if self._closed:
            return
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for future in self._pending_calls.values():
            if not future.done():
                future.cancel()
        self._pending_calls.clear()
        dialog.close_all(self)
        self._host.on_session_closed()
        if self._on_closed is not None:
            self._on_closed()

    def __setattr__(self, name: str, value: Any) -> None:
        if not name.startswith("_") and name != "theme":
            raise AttributeError(
                f"session.{name} is read-only"
                + (
                    "; use session.navigate_to() to change the page"
                    if name.startswith("active_page")
                    else ""
                )
            )
        object.__setattr__(self, name, value)


def _length(value: Any, name: str, minimum: float | None) -> float:
    """A window size or position in font-heights, checked."""
    import math

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} is a number of font-heights, not {value!r}")
    if not math.isfinite(value) or (minimum is not None and value < minimum):
        raise ValueError(f"{name} {value!r} is not a usable number of font-heights")
    return float(value)


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} is True or False, not {value!r}")
    return value


def _attachment_key(typ: type) -> str:
    return f"attachment:{typ.__module__}.{typ.__qualname__}"


def _resolve_timezone(zone: Any) -> datetime.tzinfo:
    if isinstance(zone, datetime.tzinfo):
        return zone
    if isinstance(zone, str) and zone:
        try:
            import zoneinfo

            return zoneinfo.ZoneInfo(zone)
        except (ValueError, KeyError, OSError):
            log.warning("Unknown timezone %r from the client; using UTC", zone)
    return datetime.timezone.utc


def _normalise_languages(languages: Sequence[str]) -> tuple[str, ...]:
    result: list[str] = []
    for language in languages:
        tag = language.replace("_", "-").split(".")[0].strip()
        if tag and tag not in result and tag.lower() not in ("c", "posix"):
            result.append(tag)
    return tuple(result) or ("en-US",)

"""Session: one client connection, as specified by shared/seed/session.md.

The session is the user's view of one tab or window. It is made of a few
collaborators, each with one job, that the framework's modules use directly:

- `session.channel` (`PageChannel`): sends messages to the page and awaits
  the page's replies;
- `session.runtime` (`ComponentRuntime`): the component tree, its refresh,
  running user code and the error policy;
- `session.navigator` (`Navigator`): the base URL and the active page;
- `session.dialog_stack` (`DialogStack`): the open dialogs;
- `session.host` (`Host`): what only the platform can do (files, clipboard,
  title, the window);
- `session.connection` (`SessionConnection`): what the server calls (start,
  messages from the page, a reconnected page, hot reload, shutdown).
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import math
import warnings
from collections.abc import Callable, Coroutine, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from . import dialog, protocol, routing
from ._app_root import SessionRoot
from ._navigator import Navigator
from ._page_channel import PageCallError, PageChannel, Transport
from .component import Component
from .files import FileInfo, guess_media_type
from .runtime import ComponentRuntime
from .user_settings import UserSettings

if TYPE_CHECKING:
    from .app import App
    from .hosts.base import Host
    from .menu import MenuItem

__all__ = [
    "ClipboardError",
    "PageCallError",
    "Session",
    "SessionConnection",
    "WebsiteOnlyError",
    "WindowOnlyError",
]

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


class Session:
    """Represents a single client connection to the app.

    Sessions are created by the app for each tab or window; don't create them
    yourself. Components reach theirs as `self.session`.

    In window mode every window is a session of its own: the first window's,
    and one for each window opened with `open_window` (`App(on_session_start=)`
    runs for each). A session's window methods (`set_title`, the file
    dialogs, `set_window_size` ..., `close`) act on its own window.
    """

    # The collaborators the framework uses (read-only, not for apps).
    #: Sends messages to the page and awaits its replies.
    channel: PageChannel
    #: The component tree, its refresh, running user code, the error policy.
    runtime: ComponentRuntime
    #: The base URL, the active page and navigation.
    navigator: Navigator
    #: The open dialogs.
    dialog_stack: dialog.DialogStack
    #: What only the platform does: files, clipboard, title, the window.
    host: Host
    #: What the server calls as the page connects, talks and goes away.
    connection: SessionConnection

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
        send: Transport,
    ) -> None:
        self._app = app
        self._loop = asyncio.get_running_loop()
        self._attachments: dict[type, Any] = {}
        # aiohttp's request headers already are a read-only, case-insensitive
        # view: keep it rather than a copy for every session.
        self._http_headers = (
            http_headers
            if isinstance(http_headers, CIMultiDictProxy)
            else CIMultiDictProxy(CIMultiDict(http_headers))
        )
        self._client_ip = client_ip
        self._client_port = client_port
        self._window_width = hello.width
        self._window_height = hello.height
        self._pixel_ratio = hello.pixel_ratio
        self._screen_width = hello.screen_width
        self._screen_height = hello.screen_height
        self._font_px = hello.font_px
        self._scroll_bar_size = hello.scroll_bar_size
        self._primary_pointer_type = hello.primary_pointer_type
        self._prefers_dark = hello.prefers_dark
        self._timezone = _resolve_timezone(host.timezone(hello.timezone))
        self._languages = _normalise_languages(host.languages(hello.languages))
        self._theme = app._theme_for(prefers_dark=hello.prefers_dark)
        self._title = app.name
        channel = PageChannel(send)
        runtime = ComponentRuntime(
            self,
            host,
            channel,
            client_ip=client_ip,
            on_unmounted=self._component_left,
        )
        collaborators = {
            "channel": channel,
            "runtime": runtime,
            "navigator": Navigator(
                self,
                channel,
                runtime,
                pages=lambda: self._app.pages,
                base_url=base_url,
                url=hello.url,
            ),
            "dialog_stack": dialog.DialogStack(runtime),
            "host": host,
            "connection": SessionConnection(self),
        }
        for name, collaborator in collaborators.items():
            object.__setattr__(self, name, collaborator)
        runtime.new_tree(self._build_root)
        host.bind(self, hello)

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
        self.runtime.track_read("window_width")
        return self._window_width

    @property
    def window_height(self) -> float:
        """The height of the client's window, in font-heights."""
        self.runtime.track_read("window_height")
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
        self.runtime.track_read("theme")
        return self._theme

    @theme.setter
    def theme(self, theme: Any) -> None:
        self._theme = theme
        self._send_theme()
        self.runtime.changed("theme")

    @property
    def http_headers(self) -> Mapping[str, str]:
        """The client's HTTP headers: read-only and case-insensitive."""
        return self._http_headers

    @property
    def running_in_window(self) -> bool:
        """True if the app runs in its own local window."""
        return self.host.running_in_window

    @property
    def running_as_website(self) -> bool:
        """True if the app is served as a website to a browser."""
        return not self.host.running_in_window

    @property
    def base_url(self) -> URL:
        """Where the app is hosted: absolute, no query, no fragment."""
        self._require_website("base_url")
        return self.navigator.base_url

    @property
    def active_page_url(self) -> URL:
        """The absolute URL of the page being shown."""
        self.runtime.track_read("active_page_url")
        return self.navigator.active_url

    @property
    def active_page_instances(self) -> tuple[routing.ComponentPage, ...]:
        """The pages being shown, outermost first: on ``/foo/bar`` the pages
        for ``foo`` and ``bar``. Change them with `navigate_to`."""
        self.runtime.track_read("active_page_url")
        return self.navigator.active_pages

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
            store = self.host.settings_store
            if isinstance(previous, UserSettings) and store is not None:
                store.detach(previous)
            if store is not None:
                # Attached before the first build (default_attachments): load
                # the stored values; attached later: store the new values.
                store.attach(value, load=self.runtime.tree.root is None)
        self.runtime.changed(_attachment_key(typ))

    def detach(self, typ: type, /) -> None:
        """Remove the attachment of type `typ`."""
        if typ not in self._attachments:
            raise KeyError(f"nothing of type {typ.__name__} is attached")
        del self._attachments[typ]
        self.runtime.changed(_attachment_key(typ))

    def __getitem__(self, typ: type[T]) -> T:
        self.runtime.track_read(_attachment_key(typ))
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
        return self.runtime.create_task(coro, name=name)

    def close(self) -> None:
        """End the session, closing the window or browser tab."""
        if self.runtime.closed:
            return
        self.host.close()
        self._loop.call_soon(self.connection.shutdown)

    @property
    def is_closed(self) -> bool:
        """True once the session has ended."""
        return self.runtime.closed

    async def set_title(self, title: str) -> None:
        """Change the window (or tab) title."""
        self._title = title
        await self.host.set_title(title)

    async def set_clipboard(self, text: str) -> None:
        """Copy text to the client's clipboard.

        Raises:
            ClipboardError: The browser or the OS refused (website mode: the
                page must be https:// or localhost, and focused).
        """
        await self.host.set_clipboard(text)

    async def get_clipboard(self) -> str | None:
        """The text on the client's clipboard.

        Raises:
            ClipboardError: The browser or the OS refused (website mode: the
                user must grant the page permission to read the clipboard).
        """
        return await self.host.get_clipboard()

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
        target = self.navigator.target_url(url)
        if not self.navigator.is_inside(target):
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
        await self.host.open_window(str(target.relative()), title, *size)

    async def _control_window(self, action: str, *args: Any) -> None:
        if not self.host.running_in_window:
            raise WindowOnlyError(
                f"session.{action}() works only when the app runs in its own"
                " window; check session.running_in_window before calling it"
            )
        await self.host.control_window(action, *args)

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
        return self.navigator.base_url.joinpath("rio-desktop", "assets", *relative)

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
        target = self.navigator.target_url(target_url)
        if not self.navigator.is_inside(target):
            self.create_task(self.host.open_url(str(target)), name=f"open {target}")
            return
        self.navigator.go(target, replace=replace)

    async def open_url_in_browser(self, url: URL | str) -> None:
        """Open `url` in a new browser tab (window mode: the system browser)."""
        await self.host.open_url(str(self.navigator.target_url(url)))

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
        files = await self.host.pick_files(types, multiple)
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
        return await self.host.pick_folder()

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
        await self.host.save_file(contents, file_name, media_type, directory)

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
        if self.is_closed:
            return
        if await self.host.show_notification(str(title), str(body)):
            return  # the OS shows it
        if self.is_closed:
            return
        self.channel.notify("showNotification", str(title), str(body))

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
        return self.dialog_stack.show(
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

    # --- internals ---------------------------------------------------------------

    def _build_root(self) -> Component:
        # Dialogs opened before the first build (on_session_start) carry over.
        root = SessionRoot(
            content=self._app._build_content(),
            dialogs=self.dialog_stack.containers(),
        )
        self.dialog_stack.root = root
        return root

    def _component_left(self, component: Component) -> None:
        if self.dialog_stack:
            self.dialog_stack.close_owned_by(component)

    def _set_window_size(self, width: float, height: float) -> None:
        if width != self._window_width:
            self._window_width = width
            self.runtime.changed("window_width")
        if height != self._window_height:
            self._window_height = height
            self.runtime.changed("window_height")

    def _set_prefers_dark(self, prefers_dark: bool) -> None:
        if prefers_dark == self._prefers_dark:
            return
        self._prefers_dark = prefers_dark
        theme = self._app._theme_for(prefers_dark=prefers_dark)
        if theme is not self._theme:
            self.theme = theme

    def _send_theme(self) -> None:
        if self._theme is not None:
            self.channel.send(protocol.SetTheme(self._theme._css_variables()))

    def _page_attached(self) -> None:
        """A (re)connected page: send it everything it needs to render."""
        self._send_theme()
        if self._title:
            self.channel.notify("setTitle", self._title)
        self.runtime.send_tree()
        self.host.on_page_attached()

    def _replace_app(self, app: App) -> None:
        """See `SessionConnection.replace_app`."""
        self.dialog_stack.close_all()
        self.runtime.unmount_all()
        self._app = app
        self._attachments.clear()
        self._theme = app._theme_for(prefers_dark=self._prefers_dark)
        self.dialog_stack.root = SessionRoot()
        self.runtime.new_tree(self._build_root)
        # With the new tree not built yet, UserSettings load the stored values
        # (rather than overwrite them with the new instances' defaults).
        for value in app._new_attachments():
            self.attach(value)
        self.runtime.refresh_pending = False
        self._send_theme()
        self._title = app.name
        self.channel.notify("setTitle", app.name)
        if self.running_in_window:  # the window's own title too
            self.create_task(self.host.set_title(app.name), name="reload title")
        self.navigator.show_first_page()
        self.runtime.build_and_send_all()

    def _require_website(self, name: str) -> None:
        if self.host.running_in_window:
            raise WebsiteOnlyError(
                f"session.{name} is only available when the app runs as a"
                " website; check session.running_as_website before using it"
            )

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


class SessionConnection:
    """The server's side of a session: what the server (and the test client)
    call as the page connects, talks and goes away.

    Every session has one, `session.connection`.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        #: Set by the server: called once when the session has shut down.
        self.on_closed: Callable[[], object] | None = None

    def start(self) -> None:
        """The first page is connected: resolve its URL, build the first tree
        and send it with the theme and title."""
        self._session.navigator.show_first_page()
        self._session._page_attached()

    def attach_transport(self, send: Transport) -> None:
        """The page reconnected: send through `send` from now on, starting
        with everything it needs to render."""
        self._session.channel.attach(send)
        self._session._page_attached()

    def handle_message(self, message: protocol.IncomingMessage) -> None:
        """Act on one validated message from the page.

        Raises:
            protocol.ProtocolError: The message does not fit the session (a
                reply to no call, an event for no component...).
        """
        session = self._session
        if isinstance(message, protocol.Event):
            session.runtime.handle_event(message)
        elif isinstance(message, protocol.Reply):
            session.channel.receive_reply(message)
        elif isinstance(message, protocol.Resize):
            session._set_window_size(message.width, message.height)
        elif isinstance(message, protocol.ColorScheme):
            session._set_prefers_dark(message.prefers_dark)
        elif isinstance(message, protocol.Navigate):
            session.navigator.page_navigated(message.url)
        elif isinstance(message, protocol.Hello):
            raise protocol.ProtocolError("'hello' was already received")

    def page_resized(self, width: float, height: float) -> None:
        """The page's window size (font-heights), e.g. from a reconnect's hello."""
        self._session._set_window_size(width, height)

    def replace_app(self, app: App) -> None:
        """Hot reload: show `app` in this session's page, in place of the old tree.

        The session, its page and its URL stay; open dialogs close (their
        waiters get None), every component of the old tree is unmounted
        (on_unmount runs, periodic tasks stop) and the new app's tree is sent
        as a full reset. Attachments are made afresh from the new app's
        `default_attachments` (their classes were re-imported).
        """
        self._session._replace_app(app)

    def shutdown(self) -> None:
        """End the session: cancel its tasks and pending page calls, wake
        dialog waiters, release the host; idempotent."""
        session = self._session
        if session.runtime.closed:
            return
        session.runtime.close()
        session.channel.close()
        session.dialog_stack.close_all()
        session.host.on_session_closed()
        if self.on_closed is not None:
            self.on_closed()


def _length(value: Any, name: str, minimum: float | None) -> float:
    """A window size or position in font-heights, checked."""
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

"""Session: one client connection, as specified by shared/seed/session.md.

The session owns the component tree of one tab or window, runs event
handlers, schedules one refresh per event-loop tick, and forwards what only
the platform can do (files, clipboard, title) to its `Host`.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import inspect
import itertools
import logging
import traceback
import weakref
from collections.abc import Callable, Coroutine, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from . import _context, protocol
from .component import Component, FundamentalComponent
from .components import ErrorPlaceholder
from .refresh import ComponentTree

if TYPE_CHECKING:
    from .app import App
    from .hosts.base import Host

__all__ = ["Session", "ClipboardError", "WebsiteOnlyError"]

log = logging.getLogger(__name__)
T = TypeVar("T")


class ClipboardError(Exception):
    """The clipboard could not be read or written (no permission, no tool)."""


class WebsiteOnlyError(RuntimeError):
    """The attribute exists only when the app runs as a website."""


class PageCallError(RuntimeError):
    """The page could not do what the server asked of it."""


class _AppRoot(FundamentalComponent):
    """The top of every session's tree: the app's content plus open dialogs."""

    _fundamental_type = "AppRoot"
    _child_fields = ("content", "dialogs")

    content: Component | None = None
    dialogs: list[Component] | None = None


class Session:
    """Represents a single client connection to the app.

    Sessions are created by the app for each tab or window; don't create them
    yourself. Components reach theirs as `self.session`.
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
        self._http_headers = CIMultiDictProxy(CIMultiDict(http_headers))
        self._client_ip = client_ip
        self._client_port = client_port
        self._base_url = base_url.with_query(None).with_fragment(None)
        self._window_width = hello.width
        self._window_height = hello.height
        self._pixel_ratio = hello.pixel_ratio
        self._prefers_dark = hello.prefers_dark
        self._active_url = self._absolute_url(hello.url)
        self._timezone = _resolve_timezone(host.timezone(hello.timezone))
        self._languages = _normalise_languages(host.languages(hello.languages))
        self._theme = app._theme_for(prefers_dark=hello.prefers_dark)
        self._title = app.name
        self._root = _AppRoot()
        self._tree = ComponentTree(
            self,
            self._build_root,
            build_context=self._build_context,
            error_component=_error_component,
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
        self._attachments[typ] = value
        self._changed(_attachment_key(typ))

    def detach(self, typ: type) -> None:
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
            self._report_exception(task.exception())  # type: ignore[arg-type]

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
        """Copy text to the client's clipboard (raises `ClipboardError`)."""
        await self._host.set_clipboard(text)

    async def get_clipboard(self) -> str | None:
        """The text on the client's clipboard (raises `ClipboardError`)."""
        return await self._host.get_clipboard()

    # --- internals: building ----------------------------------------------------

    def _build_root(self) -> Component:
        self._root = _AppRoot(content=self._app._build_content(), dialogs=[])
        return self._root

    @contextlib.contextmanager
    def _build_context(self, builder: Component | None) -> Iterator[None]:
        session_token = _context.current_session.set(self)
        builder_token = _context.current_builder.set(builder)
        try:
            yield
        finally:
            _context.current_builder.reset(builder_token)
            _context.current_session.reset(session_token)

    def _track_read(self, attribute: str) -> None:
        builder = _context.current_builder.get()
        if builder is not None and builder._session is self:
            self._readers.setdefault(attribute, weakref.WeakSet()).add(builder)

    def _changed(self, attribute: str) -> None:
        """A session attribute changed: rebuild the components that read it."""
        for component in list(self._readers.get(attribute, ())):
            if component._id is not None:
                self._mark_dirty(component, None)

    def _mark_dirty(self, component: Component, name: str | None) -> None:
        self._tree.mark_dirty(component, name)
        if not self._refresh_pending and not self._closed:
            self._refresh_pending = True
            self._loop.call_soon(self._refresh)

    def _refresh(self) -> None:
        self._refresh_pending = False
        if self._closed or not self._tree.has_work:
            return
        delta = self._tree.refresh()
        if not delta.is_empty():
            self._send(delta.to_message())
        for component in delta.unmounted:
            self._on_unmounted(component)
        for component in delta.mounted:
            if component._id is not None:
                self._on_mounted(component)
        for component in delta.repopulated:
            if component._id is not None:
                self._fire(component, "on_populate")

    def _on_mounted(self, component: Component) -> None:
        handlers = type(component)._event_handlers
        if not handlers:
            return
        self._fire(component, "on_populate")
        self._fire(component, "on_mount")
        for attr, seconds in handlers.get("periodic", ()):
            task = self.create_task(
                self._run_periodic(component, attr, seconds),
                name=f"periodic {type(component).__name__}.{attr}",
            )
            self._periodic_tasks.setdefault(id(component), []).append(task)

    def _on_unmounted(self, component: Component) -> None:
        for task in self._periodic_tasks.pop(id(component), ()):
            task.cancel()
        self._fire(component, "on_unmount")

    def _fire(self, component: Component, kind: str) -> None:
        for attr, _ in type(component)._event_handlers.get(kind, ()):
            self._call_handler(getattr(component, attr))

    async def _run_periodic(
        self, component: Component, attr: str, seconds: float
    ) -> None:
        method = getattr(component, attr)
        while component._id is not None and not self._closed:
            await asyncio.sleep(seconds)
            try:
                with self._build_context(None):
                    result = method()
                if inspect.isawaitable(result):
                    await result
            except Exception as error:
                self._report_exception(error)

    # --- internals: events from the page --------------------------------------

    def _call_handler(self, handler: Callable[..., Any], *args: Any) -> None:
        """Run a user event handler, sync or async; errors are logged."""
        try:
            with self._build_context(None):
                result = handler(*args)
        except Exception as error:
            self._report_exception(error)
            return
        if inspect.isawaitable(result):
            self.create_task(_await(result), name=f"handler {handler!r}")

    def _report_exception(self, error: BaseException) -> None:
        log.error(
            "An event handler raised an exception:\n%s",
            "".join(traceback.format_exception(error)),
        )

    def _handle_message(self, message: protocol.IncomingMessage) -> None:
        """Act on one validated message from the page."""
        if isinstance(message, protocol.Event):
            self._handle_event(message)
        elif isinstance(message, protocol.Reply):
            future = self._pending_calls.pop(message.call_id, None)
            if future is None or future.done():
                raise protocol.ProtocolError(
                    f"reply to unknown call {message.call_id}"
                )
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

    def _handle_event(self, event: protocol.Event) -> None:
        component = self._tree.components.get(event.component_id)
        if component is None:
            raise protocol.ProtocolError(
                f"event {event.name!r} for unknown component {event.component_id}"
            )
        if not isinstance(component, FundamentalComponent):
            raise protocol.ProtocolError(
                f"component {event.component_id} does not take events"
            )
        try:
            with self._build_context(None):
                result = component._on_page_event(event.name, event.payload)
        except (ValueError, TypeError) as error:
            raise protocol.ProtocolError(str(error)) from None
        except Exception as error:
            self._report_exception(error)
            return
        if inspect.isawaitable(result):
            self.create_task(_await(result), name=f"event {event.name}")

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
        self._active_url = self._absolute_url(url)
        self._changed("active_page_url")

    def _absolute_url(self, url: str) -> URL:
        target = URL(url)
        if not target.is_absolute():
            target = self._base_url.join(target)
        return target

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
            self._send({"type": "call", "call_id": 0, "method": "setTitle",
                        "args": [self._title]})
        if self._tree.root is None:
            self._refresh_pending = False
            self._refresh()
        else:
            self._send(self._tree.full_state())

    def _start(self) -> None:
        """Build the first tree and send it with the theme."""
        self._attach_transport(self._send)

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
        self._host.on_session_closed()

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


async def _await(awaitable: Any) -> Any:
    return await awaitable


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


def _error_component(component: Component, error: BaseException) -> Component:
    return ErrorPlaceholder(
        summary=f"{type(component).__name__}.build() raised"
        f" {type(error).__name__}: {error}",
        details="".join(traceback.format_exception(error)),
    )

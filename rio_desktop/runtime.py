"""ComponentRuntime: runs one session's component tree.

Every `Session` holds one (`session.runtime`). It schedules one refresh per
event-loop tick (`mark_dirty` -> `loop.call_soon(_refresh)`) and sends its
delta through the session's `PageChannel`; the lifecycle decorators of
`rio_desktop.event` fire after it. It keeps the session's tasks, the
components that read session attributes (`track_read` / `changed`) and those
watching session events.

User code runs through one method, `run_user`: event handlers (sync or
async) of built-in and user components, `rio.event` handlers, `periodic`,
input `on_change`s, dialog callbacks. It runs the code inside the session's
context and sends every exception to `report_exception` (background tasks
and `build()` end there too), which applies the one error policy:

- the log gets the traceback, the component (class and key) and the handler
  (qualified name), as an ERROR of `rio_desktop.session`;
- the page shows the traceback in a dismissible panel in development
  (`rio-desktop run` without `--release`, which sets RIO_DESKTOP_DEV=1), to
  local clients only; otherwise a short "Something went wrong" notice, in the
  window with the log file's path when there is one;
- the app keeps running. A failing `build()` shows an `ErrorPlaceholder` in
  place of its component instead (with the traceback in development only).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import inspect
import ipaddress
import logging
import os
import traceback
import weakref
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from . import _context, protocol
from .component import Component, ComponentResizeEvent, FundamentalComponent
from .refresh import ComponentTree

if TYPE_CHECKING:
    from ._page_channel import PageChannel
    from .hosts.base import Host
    from .session import Session

__all__ = ["ComponentRuntime", "DEVELOPMENT_ENV", "development_mode"]

log = logging.getLogger("rio_desktop.session")
T = TypeVar("T")

#: Set to "1" by `rio-desktop run` (not with --release): errors in user code
#: show their traceback in the page. Scripts calling `run_in_window` or
#: `run_as_web_server` themselves, and built apps, run as released.
DEVELOPMENT_ENV = "RIO_DESKTOP_DEV"


def development_mode() -> bool:
    """Whether the app runs in development (`rio-desktop run`)."""
    return os.environ.get(DEVELOPMENT_ENV) == "1"


#: The component whose page event is being handled: the handlers it runs (a
#: button's on_press, an input's on_change, in later tasks too) are reported
#: as its handlers.
_event_source: contextvars.ContextVar[Component | None] = contextvars.ContextVar(
    "rio_desktop_event_source", default=None
)


class ComponentRuntime:
    """Builds, refreshes and runs the event handlers of one session's tree.

    Args:
        session: The session the tree belongs to (what `self.session` is in
            the components, and what the build context holds).
        host: The session's platform: whether it is a window, the close veto.
        channel: Where the refresh's deltas and the error reports go.
        client_ip: The client's address (tracebacks go to local clients only).
        on_unmounted: Called for each component that left the tree, before
            its `on_unmount` handlers (the dialog stack closes what it owned).
    """

    def __init__(
        self,
        session: Session,
        host: Host,
        channel: PageChannel,
        *,
        client_ip: str | None,
        on_unmounted: Callable[[Component], None],
    ) -> None:
        self._session = session
        self._host = host
        self._channel = channel
        self.client_ip = client_ip
        self._on_unmounted_hook = on_unmounted
        self._loop = asyncio.get_running_loop()
        #: The live tree; `new_tree` replaces it (hot reload).
        self.tree: ComponentTree
        #: True once the session is closed: nothing runs or refreshes any more.
        self.closed = False
        #: A refresh is scheduled for this loop tick.
        self.refresh_pending = False
        #: The session's tasks (`Session.create_task`), cancelled on close.
        self.tasks: set[asyncio.Task[Any]] = set()
        #: The `periodic` timers, by id() of their component.
        self.periodic_tasks: dict[int, list[asyncio.Task[Any]]] = {}
        self._readers: dict[str, weakref.WeakSet[Component]] = {}
        #: Mounted components with on_page_change, on_window_size_change or
        #: on_window_close_request handlers, by event and id().
        self._watchers: dict[str, dict[int, Component]] = {}
        self._events_pending: set[str] = set()
        #: Also told of each error in user code (the test client's hook).
        self.on_user_error: Callable[[BaseException], None] | None = None
        self._close_veto = False

    @property
    def events_pending(self) -> bool:
        """A session event (page change, resize, ...) is due to be fired."""
        return bool(self._events_pending)

    def new_tree(self, build_root: Callable[[], Component]) -> ComponentTree:
        """Start a tree (not built yet) whose root `build_root` returns."""
        self.tree = ComponentTree(
            self._session,
            build_root,
            build_context=self.build_context,
            error_component=self.build_failed,
        )
        self._readers.clear()
        self.refresh_pending = False
        return self.tree

    def create_task(
        self, coro: Coroutine[Any, None, T], *, name: str | None = None
    ) -> asyncio.Task[T]:
        """A task of the session: cancelled when it closes; its exception is
        reported."""
        task = self._loop.create_task(coro, name=name)
        self.tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if not task.cancelled():
            error = task.exception()
            if error is not None:
                self.report_exception(error, task=task)

    def close(self) -> None:
        """The session ended: cancel its tasks; nothing runs from now on."""
        self.closed = True
        for task in list(self.tasks):
            task.cancel()

    @contextlib.contextmanager
    def build_context(self, builder: Component | None) -> Iterator[None]:
        """Run code as part of this session (`builder`: whose build it is)."""
        session_token = _context.current_session.set(self._session)
        builder_token = _context.current_builder.set(builder)
        try:
            yield
        finally:
            _context.current_builder.reset(builder_token)
            _context.current_session.reset(session_token)

    # --- session attributes that components read ------------------------------

    def track_read(self, attribute: str) -> None:
        """The component being built reads a session attribute: rebuild it
        when `changed(attribute)`."""
        builder = _context.current_builder.get()
        if builder is not None and builder._session is self._session:
            self._readers.setdefault(attribute, weakref.WeakSet()).add(builder)

    def changed(self, attribute: str) -> None:
        """A session attribute changed: rebuild the components that read it."""
        for component in list(self._readers.get(attribute, ())):
            if component._id is not None:
                self.mark_dirty(component, None)
        kind = _SESSION_EVENTS.get(attribute)
        if kind is not None and self._watchers.get(kind):
            # Width and height change together: one event per loop tick.
            if kind not in self._events_pending and not self.closed:
                self._events_pending.add(kind)
                self._loop.call_soon(self._fire_session_event, kind)

    def _fire_session_event(self, kind: str) -> None:
        self._events_pending.discard(kind)
        if self.closed:
            return
        for component in list(self._watchers.get(kind, {}).values()):
            if component._id is not None:
                self._fire(component, kind)

    # --- refreshing -------------------------------------------------------------

    def mark_dirty(self, component: Component, name: str | None) -> None:
        """`name` of `component` changed (None: rebuild it); refresh soon."""
        self.tree.mark_dirty(component, name)
        if not self.refresh_pending and not self.closed:
            self.refresh_pending = True
            self._loop.call_soon(self._refresh)

    def _refresh(self) -> None:
        self.refresh_pending = False
        if self.closed or not self.tree.has_work:
            return
        delta = self.tree.refresh()
        if not delta.is_empty():
            self._channel.send(delta.to_message())
        for component in delta.unmounted:
            self._on_unmounted(component)
        for component in delta.mounted:
            if component._id is not None:
                self._on_mounted(component)
        for component in delta.repopulated:
            if component._id is not None:
                self._fire(component, "on_populate")

    def send_tree(self) -> None:
        """A (re)connected page: build the tree if it is new, else send all
        of it."""
        if self.tree.root is None:
            self._refresh()
        else:
            self._channel.send(self.tree.full_state())

    def unmount_all(self) -> None:
        """Hot reload: every component leaves (on_unmount runs, timers stop)."""
        for component in list(self.tree.components.values()):
            self._on_unmounted(component)
            component._id = None

    def build_and_send_all(self) -> None:
        """Hot reload: build the new tree and send it as a full reset."""
        delta = self.tree.refresh()
        self._channel.send(self.tree.full_state())
        for component in delta.mounted:
            if component._id is not None:
                self._on_mounted(component)

    def _on_mounted(self, component: Component) -> None:
        handlers = type(component)._event_handlers
        if not handlers:
            return
        self._fire(component, "on_populate")
        self._fire(component, "on_mount")
        for kind in _SESSION_EVENT_KINDS:
            if kind in handlers:
                self._watchers.setdefault(kind, {})[id(component)] = component
        if "on_window_close_request" in handlers:
            self._update_close_veto()
        for attr, seconds in handlers.get("periodic", ()):
            task = self.create_task(
                self._run_periodic(component, attr, seconds),
                name=f"periodic {type(component).__name__}.{attr}",
            )
            self.periodic_tasks.setdefault(id(component), []).append(task)

    def _on_unmounted(self, component: Component) -> None:
        for task in self.periodic_tasks.pop(id(component), ()):
            task.cancel()
        if self._watchers:
            for watching in self._watchers.values():
                watching.pop(id(component), None)
            if "on_window_close_request" in type(component)._event_handlers:
                self._update_close_veto()
        self._on_unmounted_hook(component)
        self._fire(component, "on_unmount")

    def _fire(self, component: Component, kind: str) -> None:
        for attr, _ in type(component)._event_handlers.get(kind, ()):
            self.call_handler(getattr(component, attr), component=component, kind=kind)

    async def _run_periodic(
        self, component: Component, attr: str, seconds: float
    ) -> None:
        method = getattr(component, attr)
        while component._id is not None and not self.closed:
            await asyncio.sleep(seconds)
            pending = self.run_user(component, "periodic", method)
            if pending is not None:
                await pending

    # --- closing the window -------------------------------------------------------

    def _update_close_veto(self) -> None:
        """Tell the host whether a mounted component handles close requests
        (`rio.event.on_window_close_request`): then the window holds the
        user's closes back."""
        on = bool(self._watchers.get("on_window_close_request"))
        if on != self._close_veto:
            self._close_veto = on
            self._host.set_close_veto(on)

    def window_close_requested(self) -> bool:
        """The user asked to close the window: run the close handlers.

        Returns:
            False if no mounted component has one (the window should close).
        """
        if self.closed:
            return False
        watching = self._watchers.get("on_window_close_request", {})
        components = [c for c in watching.values() if c._id is not None]
        for component in components:
            self._fire(component, "on_window_close_request")
        return bool(components)

    # --- running user code ----------------------------------------------------

    def run_user(
        self,
        component: Component | None,
        kind: str | None,
        handler: Callable[..., Any] | None,
        /,
        *args: Any,
        **kwargs: Any,
    ) -> Awaitable[None] | None:
        """Run user code: the one way every handler is called.

        `component` is whose handler it is (None: the component whose page
        event is being handled), `kind` what it handles ("on_change",
        "periodic"...; None: the name of the component's field holding it).
        A sync handler runs now; an exception is reported and the result is
        None. An async one returns an awaitable that runs it, reports its
        exception and never raises one (cancellation aside): the caller awaits
        it (to keep order) or schedules it.
        """
        if handler is None:
            return None
        if component is None:
            component = _event_source.get()
        # Tasks copy the context they are created in: async handlers see
        # their session too.
        with self.build_context(None):
            try:
                result = handler(*args, **kwargs)
            except Exception as error:
                self.report_exception(
                    error, component=component, kind=kind, handler=handler
                )
                return None
        if inspect.isawaitable(result):
            return self._finish_user(result, component, kind, handler)
        return None

    async def _finish_user(
        self,
        awaitable: Awaitable[Any],
        component: Component | None,
        kind: str | None,
        handler: Callable[..., Any],
    ) -> None:
        try:
            await awaitable
        except Exception as error:
            self.report_exception(
                error, component=component, kind=kind, handler=handler
            )

    def call_handler(
        self,
        handler: Callable[..., Any] | None,
        *args: Any,
        component: Component | None = None,
        kind: str | None = None,
    ) -> None:
        """Run a user handler without waiting for it (an async one as a task)."""
        pending = self.run_user(component, kind, handler, *args)
        if pending is not None:
            self.create_task(
                _await(pending), name=f"handler {_qualified_name(handler)}"
            )

    def report_exception(
        self,
        error: BaseException,
        *,
        component: Component | None = None,
        kind: str | None = None,
        handler: Any = None,
        task: asyncio.Task[Any] | None = None,
    ) -> None:
        """The one error policy for user code: log it, tell the page."""
        if self.on_user_error is not None:
            self.on_user_error(error)
        if component is None and task is None:
            component = _event_source.get()
        if kind is None and component is not None and handler is not None:
            kind = _field_holding(component, handler)
        subject = _describe(component, kind, handler, task)
        details = _format_traceback(error)
        log.error(
            "Error in %s: %s\n%s",
            subject,
            _one_line(error),
            details,
            extra={
                "rio_component": _component_label(component),
                "rio_handler": _qualified_name(handler) if handler else None,
                "rio_event": kind,
            },
        )
        self._show_error(f"Error in {subject}: {_one_line(error)}", details)

    def build_failed(self, component: Component, error: BaseException) -> Component:
        """`build()` raised: log it and return what to show in its place."""
        if self.on_user_error is not None:
            self.on_user_error(error)
        from .components import ErrorPlaceholder

        details = _format_traceback(error)
        label = _component_label(component)
        log.error(
            "Error in %s.build() of %s: %s\n%s",
            type(component).__qualname__,
            label,
            _one_line(error),
            details,
            extra={
                "rio_component": label,
                "rio_handler": f"{type(component).__qualname__}.build",
                "rio_event": "build",
            },
        )
        if self.shows_details():
            return ErrorPlaceholder(
                summary=f"{type(component).__name__}.build() raised {_one_line(error)}",
                details=details,
            )
        return ErrorPlaceholder(summary=_NOTICE, details=self._log_note())

    def shows_details(self) -> bool:
        """Whether the page may see tracebacks: development, local clients."""
        if not development_mode():
            return False
        return self._host.running_in_window or _is_loopback(self.client_ip)

    def _log_note(self) -> str:
        log_file = _log_file() if self._host.running_in_window else None
        return f"The details are in the log: {log_file}" if log_file else ""

    def _show_error(self, summary: str, details: str) -> None:
        if self.closed:
            return
        development = self.shows_details()
        report: protocol.ErrorReport = {
            "development": development,
            "title": summary if development else _NOTICE,
            "details": details if development else "",
            "note": "" if development else self._log_note(),
        }
        self._channel.notify("showError", report)

    # --- events from the page ----------------------------------------------------

    def handle_event(self, event: protocol.Event) -> None:
        """Hand a page event to its component (a click, typing...)."""
        component = self.tree.components.get(event.component_id)
        if component is None:
            raise protocol.ProtocolError(
                f"event {event.name!r} for unknown component {event.component_id}"
            )
        if event.name == "resize" and type(component)._reports_resize:
            self._on_resized(component, event.payload)
            return
        if not isinstance(component, FundamentalComponent):
            raise protocol.ProtocolError(
                f"component {event.component_id} does not take events"
            )
        # The user's handlers run through run_user, which reports their
        # exceptions: what escapes _on_page_event is about the payload.
        token = _event_source.set(component)
        try:
            with self.build_context(None):
                try:
                    result = component._on_page_event(event.name, event.payload)
                except (ValueError, TypeError, KeyError) as error:
                    raise protocol.ProtocolError(
                        f"bad {event.name!r} event for {type(component).__name__}:"
                        f" {error}"
                    ) from None
                except Exception as error:
                    self.report_exception(
                        error,
                        component=component,
                        kind=event.name,
                        handler=component._on_page_event,
                    )
                    return
                if inspect.isawaitable(result):
                    self.create_task(_await(result), name=f"event {event.name}")
        finally:
            _event_source.reset(token)

    def _on_resized(self, component: Component, payload: Any) -> None:
        """The page measured a component with `@rio.event.on_resize`."""
        try:
            width, height = float(payload["width"]), float(payload["height"])
        except (TypeError, KeyError, ValueError):
            raise protocol.ProtocolError(f"bad resize event: {payload!r}") from None
        if not (0 <= width < 1e9 and 0 <= height < 1e9):
            raise protocol.ProtocolError(f"bad resize event: {payload!r}")
        size = ComponentResizeEvent(width, height)
        for attr, _ in type(component)._event_handlers.get("on_resize", ()):
            self.call_handler(
                getattr(component, attr), size, component=component, kind="on_resize"
            )


#: Session attributes whose change fires an event, and the event.
_SESSION_EVENTS = {
    "active_page_url": "on_page_change",
    "window_width": "on_window_size_change",
    "window_height": "on_window_size_change",
}
_SESSION_EVENT_KINDS = (
    "on_page_change",
    "on_window_size_change",
    "on_window_close_request",
)


async def _await(awaitable: Any) -> Any:
    return await awaitable


#: What the page says about an error outside development.
_NOTICE = "Something went wrong"


def _qualified_name(handler: Any) -> str:
    """`Form._on_save`, `Form.build.<locals>.<lambda>`, `load` (a coroutine)."""
    while isinstance(handler, functools.partial):
        handler = handler.func
    name = getattr(handler, "__qualname__", None)
    if isinstance(name, str):
        return name
    return type(handler).__qualname__


def _component_label(component: Component | None) -> str | None:
    if component is None:
        return None
    key = component._values.get("key")
    name = type(component).__qualname__
    return name if key is None else f"{name} (key {key!r})"


def _field_holding(component: Component, handler: Any) -> str | None:
    """The name of `component`'s field holding `handler` ("on_press")."""
    function = getattr(handler, "__func__", None)
    owner = getattr(handler, "__self__", None)
    for name, value in component._values.items():
        if value is handler or (
            function is not None
            and getattr(value, "__func__", None) is function
            and getattr(value, "__self__", None) is owner
        ):
            return name
    return None


def _describe(
    component: Component | None,
    kind: str | None,
    handler: Any,
    task: asyncio.Task[Any] | None,
) -> str:
    """Where an error happened, for people: "the on_change handler
    Form._changed of TextInput (key 'name')"."""
    if task is not None:
        coroutine = task.get_coro()
        name = _qualified_name(coroutine) if coroutine is not None else "?"
        return f"the background task {task.get_name()!r} ({name})"
    what = f"the {kind} handler" if kind else "the handler"
    text = f"{what} {_qualified_name(handler)}" if handler is not None else what
    label = _component_label(component)
    return f"{text} of {label}" if label else text


#: The modules that call user code (build() for refresh.py): their frames
#: open every traceback and say nothing to the app's author.
_RUNNER_FILES = frozenset(
    {__file__, os.path.join(os.path.dirname(__file__), "refresh.py")}
)


def _format_traceback(error: BaseException) -> str:
    """The traceback, without the frames of the runner that called the code."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename in _RUNNER_FILES:
        tb = tb.tb_next
    if tb is None:
        tb = error.__traceback__
    return "".join(traceback.format_exception(type(error), error, tb))


def _one_line(error: BaseException) -> str:
    message = str(error)
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _is_loopback(address: str | None) -> bool:
    if not address:
        return False
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False


def _log_file() -> str | None:
    """The file this process logs to, if any: a FileHandler's, or a stream
    that is a file (the built app's launcher sends stderr to last-run.log)."""
    logger: logging.Logger | None = log
    while logger is not None:
        for handler in logger.handlers:
            if isinstance(handler, logging.FileHandler):
                return handler.baseFilename
            name = getattr(getattr(handler, "stream", None), "name", None)
            if isinstance(name, str) and os.path.isfile(name):
                return os.path.abspath(name)
        logger = logger.parent if logger.propagate else None
    return None

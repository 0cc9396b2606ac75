"""The part of a Session that runs components: builds, refreshes, events.

`Session` inherits this mixin; it keeps the seed's public API in session.py and
the machinery here. One refresh is scheduled per event-loop tick
(`_mark_dirty` -> `loop.call_soon(_refresh)`); the lifecycle decorators of
`rio_desktop.event` fire after it; user handlers run inside the session's
context, and their exceptions are logged, never raised into the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import traceback
import weakref
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import _context, dialog, protocol
from .component import Component, ComponentResizeEvent, FundamentalComponent

if TYPE_CHECKING:
    from .refresh import ComponentTree

__all__ = ["ComponentRuntime"]

log = logging.getLogger("rio_desktop.session")


class ComponentRuntime:
    """Builds, refreshes and runs the event handlers of one session's tree."""

    # Provided by Session.
    _tree: ComponentTree
    _loop: asyncio.AbstractEventLoop
    _closed: bool
    _refresh_pending: bool
    _readers: dict[str, weakref.WeakSet[Component]]
    _periodic_tasks: dict[int, list[asyncio.Task[Any]]]
    _dialogs: list[Any]
    _send: Callable[[dict[str, Any]], None]
    create_task: Callable[..., asyncio.Task[Any]]

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
        kind = _SESSION_EVENTS.get(attribute)
        if kind is not None and self._watchers().get(kind):
            # Width and height change together: one event per loop tick.
            pending = self.__dict__.setdefault("_session_events_pending", set())
            if kind not in pending and not self._closed:
                pending.add(kind)
                self._loop.call_soon(self._fire_session_event, kind)

    def _watchers(self) -> dict[str, dict[int, Component]]:
        """Mounted components with on_page_change / on_window_size_change."""
        watchers = self.__dict__.get("_event_watchers")
        if watchers is None:
            watchers = self.__dict__["_event_watchers"] = {}
        return watchers

    def _fire_session_event(self, kind: str) -> None:
        self.__dict__["_session_events_pending"].discard(kind)
        if self._closed:
            return
        for component in list(self._watchers().get(kind, {}).values()):
            if component._id is not None:
                self._fire(component, kind)

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
        for kind in _SESSION_EVENT_KINDS:
            if kind in handlers:
                self._watchers().setdefault(kind, {})[id(component)] = component
        for attr, seconds in handlers.get("periodic", ()):
            task = self.create_task(
                self._run_periodic(component, attr, seconds),
                name=f"periodic {type(component).__name__}.{attr}",
            )
            self._periodic_tasks.setdefault(id(component), []).append(task)

    def _on_unmounted(self, component: Component) -> None:
        for task in self._periodic_tasks.pop(id(component), ()):
            task.cancel()
        watchers = self.__dict__.get("_event_watchers")
        if watchers:
            for watching in watchers.values():
                watching.pop(id(component), None)
        if self._dialogs:
            dialog.close_owned_by(self, component)
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

    def _call_handler(self, handler: Callable[..., Any], *args: Any) -> None:
        """Run a user event handler, sync or async; errors are logged."""
        # The task is created inside the context so that async handlers see
        # their session too (tasks copy the context they are created in).
        with self._build_context(None):
            try:
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

    def _handle_event(self, event: protocol.Event) -> None:
        component = self._tree.components.get(event.component_id)
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
        # User handlers run through FundamentalComponent._call, which reports
        # their exceptions; what escapes here is about the event's payload.
        with self._build_context(None):
            try:
                result = component._on_page_event(event.name, event.payload)
            except (ValueError, TypeError, KeyError) as error:
                raise protocol.ProtocolError(
                    f"bad {event.name!r} event for {type(component).__name__}: {error}"
                ) from None
            except Exception as error:
                self._report_exception(error)
                return
            if inspect.isawaitable(result):
                self.create_task(_await(result), name=f"event {event.name}")

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
            self._call_handler(getattr(component, attr), size)


#: Session attributes whose change fires an event, and the event.
_SESSION_EVENTS = {
    "active_page_url": "on_page_change",
    "window_width": "on_window_size_change",
    "window_height": "on_window_size_change",
}
_SESSION_EVENT_KINDS = ("on_page_change", "on_window_size_change")


async def _await(awaitable: Any) -> Any:
    return await awaitable

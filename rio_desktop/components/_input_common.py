"""What the input components share: reading page payloads, running on_change.

Inputs keep their value in a field. When the user changes it on the page, the
input stores it with `_set_from_page` (the owner and any binding see it, the
page is not sent its own value back) and then calls its `on_change` handler.

Change events come in bursts while the user types or drags. `ChangeRunner`
runs an input's change handler one call at a time: while an async handler is
still running, newer events wait, and a newer one replaces an older waiting
one. Handlers therefore always finish with the latest value, in order.

Every user handler runs through the session's `runtime.run_user`, which reports its
exception (log, page) and never raises it: what these helpers raise is only
about the page's payload.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from .. import _context

__all__ = [
    "ChangeRunner",
    "call_handler",
    "fire_change",
    "payload_field",
    "run_in_order",
]


def payload_field(component: Any, payload: Any, key: str, types: Any) -> Any:
    """Return `payload[key]`, checking it has one of `types`.

    Raises:
        ValueError: The page sent something else (the session logs and drops
            the message).
    """
    if not isinstance(payload, dict) or key not in payload:
        raise ValueError(
            f"{type(component).__name__} expects an event payload with {key!r},"
            f" got {payload!r}"
        )
    value = payload[key]
    allowed = types if isinstance(types, tuple) else (types,)
    if not isinstance(value, allowed) or (
        isinstance(value, bool) and bool not in allowed
    ):
        raise ValueError(
            f"{type(component).__name__}: {key!r} in the event payload has the"
            f" wrong type ({type(value).__name__})"
        )
    return value


class ChangeRunner:
    """Calls one input's change handler in order, collapsing bursts."""

    __slots__ = ("_running", "_pending", "_component")

    def __init__(self, component: Any = None) -> None:
        self._running = False
        self._pending: tuple[Callable[..., Any], Any] | None = None
        self._component = component

    def fire(self, handler: Callable[..., Any] | None, event: Any) -> Any:
        """Call `handler(event)`; returns an awaitable if the session must wait.

        If an earlier async call is still running, the event is kept and run
        after it, replacing any event that was already waiting.
        """
        if handler is None:
            return None
        if self._running:
            self._pending = (handler, event)
            return None
        result = _run(self._component, handler, event)
        if not inspect.isawaitable(result):
            return None
        self._running = True
        return self._drain(result)

    async def _drain(self, first: Any) -> None:
        try:
            await first
            while self._pending is not None:
                handler, event = self._pending
                self._pending = None
                result = _run(self._component, handler, event)
                if inspect.isawaitable(result):
                    await result
        finally:
            self._running = False
            self._pending = None


def fire_change(component: Any, handler: Callable[..., Any] | None, event: Any) -> Any:
    """Run `component`'s change handler through its own `ChangeRunner`."""
    runner = component.__dict__.get("_change_runner")
    if runner is None:
        runner = component.__dict__["_change_runner"] = ChangeRunner(component)
    return runner.fire(handler, event)


def run_in_order(*calls: Callable[[], Any]) -> Any:
    """Call each function in turn, awaiting any awaitable before the next.

    Returns None if everything ran synchronously, else an awaitable for the
    session to run (e.g. on_change, then on_confirm).
    """
    for index, call in enumerate(calls):
        result = call()
        if inspect.isawaitable(result):
            return _finish(result, calls[index + 1 :])
    return None


async def _finish(first: Any, rest: tuple[Callable[[], Any], ...]) -> None:
    await first
    for call in rest:
        result = call()
        if inspect.isawaitable(result):
            await result


def call_handler(handler: Callable[..., Any] | None, *args: Any) -> Any:
    """Call an optional user handler of the component whose page event is
    being handled; returns None or an awaitable (which never raises)."""
    if handler is None:
        return None
    return _run(None, handler, *args)


def _run(component: Any, handler: Callable[..., Any], *args: Any) -> Any:
    """Run a user handler through the session's one runner."""
    session = getattr(component, "_session", None) or _context.current_session.get(None)
    run_user = getattr(getattr(session, "runtime", None), "run_user", None)
    if run_user is None:  # a bare component tree (tests): call it plainly
        return handler(*args)
    return run_user(component, None, handler, *args)

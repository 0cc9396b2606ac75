"""Decorators that hook component methods into the component's life.

Example:
    ```python
    class Clock(rio.Component):
        now: str = ""

        @rio.event.periodic(1)
        def _tick(self) -> None:
            self.now = time.strftime("%H:%M:%S")

        def build(self) -> rio.Component:
            return rio.Text(self.now)
    ```
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["on_populate", "on_mount", "on_unmount", "periodic"]

F = TypeVar("F", bound=Callable[..., Any])


def _tag(kind: str, arg: Any = None) -> Callable[[F], F]:
    def decorator(method: F) -> F:
        method._rio_event = (kind, arg)  # type: ignore[attr-defined]
        return method

    return decorator


def on_populate(method: F) -> F:
    """Run the method when the component is created and whenever its parent
    rebuilds it with new values: the place to load data the build needs."""
    return _tag("on_populate")(method)


def on_mount(method: F) -> F:
    """Run the method when the component enters the component tree."""
    return _tag("on_mount")(method)


def on_unmount(method: F) -> F:
    """Run the method when the component leaves the component tree."""
    return _tag("on_unmount")(method)


def periodic(seconds: float) -> Callable[[F], F]:
    """Run the method every `seconds` while the component is in the tree."""
    if seconds <= 0:
        raise ValueError("periodic() needs a positive interval in seconds")
    return _tag("periodic", float(seconds))

"""Decorators that hook component methods into the component's life.

Each one works on plain and on `async` methods.

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
from datetime import timedelta
from typing import Any, TypeVar

__all__ = [
    "on_mount",
    "on_page_change",
    "on_populate",
    "on_resize",
    "on_unmount",
    "on_window_close_request",
    "on_window_size_change",
    "periodic",
]

F = TypeVar("F", bound=Callable[..., Any])


def _tag(kind: str, arg: Any = None) -> Callable[[F], F]:
    def decorator(method: F) -> F:
        # A method may carry several events (on_mount and on_page_change).
        tags = method.__dict__.setdefault("_rio_events", [])
        tags.append((kind, arg))
        return method

    return decorator


def on_populate(handler: F) -> F:
    """Run the method when the component is created and whenever its parent
    rebuilds it with new values: the place to load data the build needs."""
    return _tag("on_populate")(handler)


def on_mount(handler: F) -> F:
    """Run the method when the component enters the component tree."""
    return _tag("on_mount")(handler)


def on_unmount(handler: F) -> F:
    """Run the method when the component leaves the component tree."""
    return _tag("on_unmount")(handler)


def on_page_change(handler: F) -> F:
    """Run the method whenever the session shows another page.

    It runs for every component in the tree, after `session.active_page_url`
    has changed: after `navigate_to`, a link, or the browser's back and
    forward. It does not run when the component first appears (use
    `on_populate` or `__post_init__` for that).

    Example:
        ```python
        class Breadcrumb(rio.Component):
            @rio.event.on_page_change
            def _page_changed(self) -> None:
                print("now at", self.session.active_page_url)
        ```
    """
    return _tag("on_page_change")(handler)


def on_window_size_change(handler: F) -> F:
    """Run the method whenever the window (or browser tab) changes size.

    `self.session.window_width` and `window_height` hold the new size.
    """
    return _tag("on_window_size_change")(handler)


def on_window_close_request(handler: F) -> F:
    """Run the method when the user asks to close the app's window, instead
    of closing it.

    While a component with such a method is in the tree, the window's close
    button, Alt+F4 (Cmd+Q on macOS) and the OS asking the window to close do
    not close it: the method runs (on the app's event loop; sync or async,
    no argument), and the window closes only when the app calls
    `session.close()`. The usual use is asking whether to save changes.

    Ctrl+C and SIGTERM to the app still close it, as does `session.close()`.
    As a website this never runs: a browser does not let a page keep its tab
    open.

    Example:
        ```python
        class Editor(rio.Component):
            text: str = ""
            saved_text: str = ""

            @rio.event.on_window_close_request
            async def _on_close_request(self) -> None:
                if self.text != self.saved_text:
                    discard = await self.session.show_yes_no_dialog(
                        "Discard your unsaved changes?", title="Unsaved changes"
                    )
                    if not discard:
                        return  # the window stays open
                self.session.close()

            def build(self) -> rio.Component:
                return rio.MultiLineTextInput(self.bind().text)
        ```
    """
    return _tag("on_window_close_request")(handler)


def on_resize(handler: F) -> F:
    """Run the method with a `rio.ComponentResizeEvent` when the component's
    size on the page changes, and once when it first appears.

    Sizes are in font-heights.

    Example:
        ```python
        class Sized(rio.Component):
            size: str = ""

            @rio.event.on_resize
            def _resized(self, event: rio.ComponentResizeEvent) -> None:
                self.size = f"{event.width:.0f} x {event.height:.0f}"

            def build(self) -> rio.Component:
                return rio.Text(self.size)
        ```
    """
    return _tag("on_resize")(handler)


def periodic(interval: float | timedelta) -> Callable[[F], F]:
    """Run the method every `interval` (seconds, or a `timedelta`) while the
    component is in the tree.

    The next wait starts when the method has finished, so runs never overlap.
    """
    seconds = interval.total_seconds() if isinstance(interval, timedelta) else interval
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(
            f"periodic() takes seconds or a timedelta, not {type(interval).__name__}"
        )
    if not seconds > 0:
        raise ValueError("periodic() needs a positive interval")
    return _tag("periodic", float(seconds))

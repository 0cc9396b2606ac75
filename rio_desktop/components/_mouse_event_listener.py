"""Rio's deprecated MouseEventListener and its events.

The listener builds a PointerEventListener (the page has one renderer for
both) whose page events are turned into the older event classes here.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, ClassVar

from ..component import KW_ONLY, Component
from ._html import warn_deprecated
from ._input_common import payload_field
from ._pointer_event_listener import PointerEventListener

__all__ = [
    "DragEndEvent",
    "DragMoveEvent",
    "DragStartEvent",
    "MouseButton",
    "MouseDownEvent",
    "MouseEnterEvent",
    "MouseEventListener",
    "MouseLeaveEvent",
    "MouseMoveEvent",
    "MouseUpEvent",
    "PressEvent",
]


class MouseButton(enum.Enum):
    """A mouse button, as MouseEventListener's events name it."""

    LEFT = "left"
    MIDDLE = "middle"
    RIGHT = "right"


@dataclasses.dataclass
class _Positioned:
    """Where the pointer was, in font-heights from the window's top left.

    Attributes:
        x: Distance from the window's left edge.
        y: Distance from the window's top edge (larger is further down).
    """

    x: float
    y: float


@dataclasses.dataclass
class _WithButton(_Positioned):
    button: MouseButton


@dataclasses.dataclass
class PressEvent(_WithButton):
    """A click on a MouseEventListener's content (`button`: the one pressed)."""


@dataclasses.dataclass
class MouseDownEvent(_WithButton):
    """A mouse button went down over the content (`button`: which one)."""


@dataclasses.dataclass
class MouseUpEvent(_WithButton):
    """A mouse button was released over the content (`button`: which one)."""


@dataclasses.dataclass
class MouseMoveEvent(_Positioned):
    """The mouse moved over the content."""


@dataclasses.dataclass
class MouseEnterEvent(_Positioned):
    """The mouse moved onto the content."""


@dataclasses.dataclass
class MouseLeaveEvent(_Positioned):
    """The mouse left the content."""


@dataclasses.dataclass
class _Drag(_WithButton):
    """A drag on a MouseEventListener.

    Attributes:
        button: The button held down while dragging.
        component: The component under the pointer (None outside the page).
    """

    component: Any


@dataclasses.dataclass
class DragStartEvent(_Drag):
    """The user started dragging (a button went down over the content)."""


@dataclasses.dataclass
class DragMoveEvent(_Drag):
    """The pointer moved while dragging (reported outside the content too)."""


@dataclasses.dataclass
class DragEndEvent(_Drag):
    """The user released the button that started the drag."""


class _MouseBridge(PointerEventListener):
    """The PointerEventListener a MouseEventListener builds: its handler
    fields hold the MouseEventListener's handlers, called with the older
    event classes."""

    _KINDS: ClassVar[dict[str, Any]] = {
        "press": PressEvent,
        "pointer_down": MouseDownEvent,
        "pointer_up": MouseUpEvent,
        "pointer_move": MouseMoveEvent,
        "pointer_enter": MouseEnterEvent,
        "pointer_leave": MouseLeaveEvent,
        "drag_start": DragStartEvent,
        "drag_move": DragMoveEvent,
        "drag_end": DragEndEvent,
    }

    def _on_page_event(self, name: str, payload: Any) -> Any:
        kind = self._KINDS.get(name)
        if kind is None:
            return super()._on_page_event(name, payload)
        x = float(payload_field(self, payload, "window_x", (int, float)))
        y = float(payload_field(self, payload, "window_y", (int, float)))
        fields: dict[str, Any] = {"x": x, "y": y}
        if issubclass(kind, _WithButton):
            # Touch has no button; a drag's moves report the one that started it.
            button = payload.get("button")
            fields["button"] = MouseButton(
                button if button in ("middle", "right") else "left"
            )
        if issubclass(kind, _Drag):
            target = payload.get("target")
            fields["component"] = (
                self.session.runtime.tree.components.get(target)
                if type(target) is int
                else None
            )
        handler = getattr(self, self._EVENTS[name][0])
        return self._call(handler, kind(**fields))


class MouseEventListener(Component):
    """Deprecated (as in Rio since 0.10.5): use `rio.PointerEventListener`.

    Reports mouse activity over its content with Rio's older event classes.

    Args:
        content: The component shown and watched.
        on_press: A click (`PressEvent`).
        on_mouse_down, on_mouse_up: A button goes down / up over the content.
        on_mouse_move: The mouse moves over the content.
        on_mouse_enter, on_mouse_leave: The mouse enters / leaves the content.
        on_drag_start, on_drag_move, on_drag_end: A drag with the left button
            (moves keep coming outside the content until it is released).
    """

    content: Component
    _: KW_ONLY
    on_press: Any = None
    on_mouse_down: Any = None
    on_mouse_up: Any = None
    on_mouse_move: Any = None
    on_mouse_enter: Any = None
    on_mouse_leave: Any = None
    on_drag_start: Any = None
    on_drag_move: Any = None
    on_drag_end: Any = None

    def __post_init__(self) -> None:
        warn_deprecated("MouseEventListener", "0.10.5", "PointerEventListener")

    def build(self) -> Component:
        return _MouseBridge(
            self.content,
            on_press=self.on_press,
            on_pointer_down=self.on_mouse_down,
            on_pointer_up=self.on_mouse_up,
            on_pointer_move=self.on_mouse_move,
            on_pointer_enter=self.on_mouse_enter,
            on_pointer_leave=self.on_mouse_leave,
            on_drag_start=self.on_drag_start,
            on_drag_move=self.on_drag_move,
            on_drag_end=self.on_drag_end,
            consume_events=False,
        )

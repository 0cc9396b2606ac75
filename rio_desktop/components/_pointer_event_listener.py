from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from ..component import KW_ONLY, Component, FundamentalComponent
from ._input_common import call_handler, payload_field

__all__ = ["PointerEvent", "PointerEventListener", "PointerMoveEvent"]

_BUTTONS = ("left", "middle", "right")


@dataclasses.dataclass(frozen=True)
class PointerEvent:
    """Where and how the pointer (mouse, pen or touch) did something.

    Coordinates are in font-heights.

    Attributes:
        pointer_type: "mouse", "touch" or "pen".
        button: "left", "middle" or "right" for mouse buttons, else None.
        window_x, window_y: Position from the window's top left corner.
        component_x, component_y: Position from the listener's top left.
    """

    pointer_type: Literal["mouse", "touch", "pen"]
    button: Literal["left", "middle", "right"] | None
    window_x: float
    window_y: float
    component_x: float
    component_y: float


@dataclasses.dataclass(frozen=True)
class PointerMoveEvent(PointerEvent):
    """A pointer move; adds how far it moved since the previous event.

    Attributes:
        relative_x, relative_y: The movement, in font-heights.
    """

    relative_x: float = 0
    relative_y: float = 0


def _number(component: Any, payload: Any, key: str) -> float:
    return float(payload_field(component, payload, key, (int, float)))


def _event(component: Any, payload: Any, move: bool) -> PointerEvent:
    pointer_type = payload_field(component, payload, "pointer_type", str)
    if pointer_type not in ("mouse", "touch", "pen"):
        pointer_type = "mouse"
    button = payload.get("button")
    if button not in _BUTTONS:
        button = None
    fields: dict[str, Any] = {
        "pointer_type": pointer_type,
        "button": button,
        "window_x": _number(component, payload, "window_x"),
        "window_y": _number(component, payload, "window_y"),
        "component_x": _number(component, payload, "component_x"),
        "component_y": _number(component, payload, "component_y"),
    }
    if move:
        return PointerMoveEvent(
            **fields,
            relative_x=_number(component, payload, "relative_x"),
            relative_y=_number(component, payload, "relative_y"),
        )
    return PointerEvent(**fields)


class PointerEventListener(FundamentalComponent):
    """Reports mouse, pen and touch activity over its content.

    Args:
        content: The component shown and watched.
        on_press: A click or tap (left button). Pass a dict such as
            `{"right": handler}` to handle other buttons.
        on_double_press: A double click (left button).
        on_pointer_down, on_pointer_up: A button goes down / up over the
            content (a handler, or a dict by button like on_press).
        on_pointer_move: The pointer moves over the content (`PointerMoveEvent`).
        on_pointer_enter, on_pointer_leave: The pointer enters / leaves.
        on_drag_start, on_drag_move, on_drag_end: A drag: it starts when the
            left mouse button (or a finger) goes down on the content, every
            move until the release is reported (`PointerMoveEvent`, also
            outside the content), and a drag that moved is no press.
        consume_events: An event this listener reports does not reach the
            listeners around it.
        event_order: "after-child" (the content's own handlers first) or
            "before-child".

    Example:
        ```python
        rio.PointerEventListener(
            rio.Card(rio.Text("Drag me"), min_width=10, min_height=5),
            on_drag_move=lambda event: print(event.relative_x, event.relative_y),
        )
        ```
    """

    _fundamental_type = "PointerEventListener"
    _child_fields = ("content",)
    _positional_fields: ClassVar[tuple[str, ...]] = ("content",)

    content: Component
    _: KW_ONLY
    on_press: Any = None
    on_double_press: Any = None
    on_pointer_down: Any = None
    on_pointer_up: Any = None
    on_pointer_move: Any = None
    on_pointer_enter: Any = None
    on_pointer_leave: Any = None
    on_drag_start: Any = None
    on_drag_move: Any = None
    on_drag_end: Any = None
    consume_events: bool = True
    event_order: Literal["before-child", "after-child"] = "after-child"

    _EVENTS: ClassVar[dict[str, tuple[str, bool]]] = {
        "press": ("on_press", False),
        "double_press": ("on_double_press", False),
        "pointer_down": ("on_pointer_down", False),
        "pointer_up": ("on_pointer_up", False),
        "pointer_move": ("on_pointer_move", True),
        "pointer_enter": ("on_pointer_enter", False),
        "pointer_leave": ("on_pointer_leave", False),
        "drag_start": ("on_drag_start", False),
        "drag_move": ("on_drag_move", True),
        "drag_end": ("on_drag_end", False),
    }

    def __post_init__(self) -> None:
        if self.event_order not in ("before-child", "after-child"):
            raise ValueError(
                f"PointerEventListener(event_order={self.event_order!r}): use"
                ' "after-child" or "before-child"'
            )

    def _serialize_field(self, name: str, value: Any) -> Any:
        # The page reports only what has a handler, and for button handlers
        # only the buttons asked for.
        if name in ("on_press", "on_double_press", "on_pointer_down", "on_pointer_up"):
            if value is None:
                return None
            if isinstance(value, Mapping):
                return [b for b in value if b in _BUTTONS]
            return list(_BUTTONS) if name.startswith("on_pointer") else ["left"]
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        entry = self._EVENTS.get(name)
        if entry is None:
            return super()._on_page_event(name, payload)
        attribute, move = entry
        event = _event(self, payload, move)
        handler = getattr(self, attribute)
        if isinstance(handler, Mapping):
            handler = handler.get(event.button)
        return call_handler(handler, event)

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from ..component import Component, FundamentalComponent
from ._input_common import call_handler, payload_field

__all__ = ["KeyDownEvent", "KeyEventListener", "KeyPressEvent", "KeyUpEvent"]

_MODIFIERS = frozenset({"alt", "control", "meta", "shift"})


@dataclasses.dataclass(frozen=True)
class _KeyEvent:
    """A key event.

    Attributes:
        hardware_key: The physical key, independent of the keyboard layout
            (the browser's `KeyboardEvent.code`, e.g. "KeyA", "Enter").
        key: The key as the layout means it ("a", "A", "Enter", "ArrowLeft").
        modifiers: Held modifier keys: "alt", "control", "meta", "shift".
    """

    hardware_key: str
    key: str
    modifiers: frozenset[str]

    @classmethod
    def _from_payload(cls, component: Any, payload: Any) -> Any:
        modifiers = payload_field(component, payload, "modifiers", list)
        if not all(m in _MODIFIERS for m in modifiers):
            raise ValueError(f"unknown key modifiers {modifiers!r}")
        return cls(
            hardware_key=payload_field(component, payload, "hardware_key", str),
            key=payload_field(component, payload, "key", str),
            modifiers=frozenset(modifiers),
        )


class KeyDownEvent(_KeyEvent):
    """A key was pressed (not repeated while held); see `KeyEventListener`."""


class KeyUpEvent(_KeyEvent):
    """A key was released; see `KeyEventListener`."""


class KeyPressEvent(_KeyEvent):
    """A key was pressed or repeats while held; see `KeyEventListener`."""


class KeyEventListener(FundamentalComponent):
    """Reports the keys pressed while the focus is inside its content.

    Clicking into the content gives it the focus. Keys pressed while nothing
    on the page has the focus go to every KeyEventListener on the page.

    Args:
        content: The component shown and listened to.
        on_key_down: Called with a `KeyDownEvent` when a key goes down.
        on_key_up: Called with a `KeyUpEvent` when a key is released.
        on_key_press: Called with a `KeyPressEvent` on a key press and on
            each repeat while it is held.

    Example:
        ```python
        rio.KeyEventListener(
            rio.Text("Press a key"),
            on_key_down=lambda event: print(event.key, event.modifiers),
        )
        ```
    """

    _fundamental_type = "KeyEventListener"
    _child_fields = ("content",)
    _positional_fields: ClassVar[tuple[str, ...]] = ("content",)

    content: Component
    on_key_down: Any = None
    on_key_up: Any = None
    on_key_press: Any = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name == "key_down":
            return call_handler(
                self.on_key_down, KeyDownEvent._from_payload(self, payload)
            )
        if name == "key_up":
            return call_handler(self.on_key_up, KeyUpEvent._from_payload(self, payload))
        if name == "key_press":
            return call_handler(
                self.on_key_press, KeyPressEvent._from_payload(self, payload)
            )
        return super()._on_page_event(name, payload)

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, Literal, Union

from ..component import KW_ONLY, Component, EventHandler, FundamentalComponent
from ._focus import KeyboardFocusable
from ._input_common import call_handler, payload_field
from ._key_names import (
    HARDWARE_KEYS,
    MODIFIER_KEYS,
    NAMED_SOFTWARE_KEYS,
    HardwareKey,
    ModifierKey,
    NamedSoftwareKey,
    SoftwareKey,
)

__all__ = [
    "HardwareKey",
    "KeyDownEvent",
    "KeyEventListener",
    "KeyPressEvent",
    "KeyUpEvent",
    "NamedSoftwareKey",
    "SoftwareKey",
]

#: A key, or modifiers and a key (`("control", "s")`), for a handler mapping.
KeyCombination = Union[SoftwareKey, tuple[str, ...]]  # noqa: UP007


@dataclasses.dataclass(frozen=True)
class _KeyEvent:
    """A key event.

    Attributes:
        hardware_key: The physical key, independent of the keyboard layout:
            "a", "1", "enter", "left-shift", "numpad-0"... (`rio.HardwareKey`).
        software_key: The key as the keyboard layout means it: the character
            it types, in lower case ("a", "ä", "?"), or a name such as
            "enter", "arrow-left", "shift" (`rio.NamedSoftwareKey`).
        text: The text the key types ("A" with Shift held, "\\n" for Enter),
            or "" for a key that types none (F1, arrows, modifiers).
        modifiers: Held modifier keys: "alt", "control", "meta", "shift".
    """

    hardware_key: HardwareKey
    software_key: SoftwareKey
    text: str
    modifiers: frozenset[ModifierKey]

    def __str__(self) -> str:
        held = [m for m in MODIFIER_KEYS if m in self.modifiers]
        return " + ".join(
            [m for m in held if m != self.software_key] + [self.software_key]
        )

    @classmethod
    def _from_payload(cls, component: Any, payload: Any) -> Any:
        modifiers = payload_field(component, payload, "modifiers", list)
        if not all(m in MODIFIER_KEYS for m in modifiers):
            raise ValueError(f"unknown key modifiers {modifiers!r}")
        hardware = payload_field(component, payload, "hardware_key", str)
        software = payload_field(component, payload, "software_key", str)
        text = payload_field(component, payload, "text", str)
        if len(text) > 64 or len(software) > 64:
            raise ValueError("key event text too long")
        return cls(
            hardware_key=hardware if hardware in HARDWARE_KEYS else "unknown",
            software_key=software
            if len(software) == 1 or software in NAMED_SOFTWARE_KEYS
            else "unknown",
            text=text,
            modifiers=frozenset(modifiers),
        )


class KeyDownEvent(_KeyEvent):
    """A key was pressed (not repeated while held); see `KeyEventListener`."""


class KeyUpEvent(_KeyEvent):
    """A key was released; see `KeyEventListener`."""


class KeyPressEvent(_KeyEvent):
    """A key was pressed or repeats while held; see `KeyEventListener`."""


def _combinations(handlers: Mapping[Any, Any]) -> dict[frozenset[str], Any]:
    """`{"escape": f, ("control", "s"): g}` -> handlers by set of key names."""
    result: dict[frozenset[str], Any] = {}
    for combination, handler in handlers.items():
        keys = (combination,) if isinstance(combination, str) else tuple(combination)
        if not keys or len(set(keys)) != len(keys):
            raise ValueError(f"key combination {combination!r}: keys must differ")
        for key in keys:
            if not isinstance(key, str) or (
                len(key) != 1 and key not in NAMED_SOFTWARE_KEYS
            ):
                raise ValueError(
                    f"key combination {combination!r}: {key!r} is no key name;"
                    " use one character or a rio.NamedSoftwareKey such as"
                    ' "enter" or "control"'
                )
        result[frozenset(keys)] = handler
    return result


_HANDLER_EVENTS = {
    "key_down": ("on_key_down", KeyDownEvent),
    "key_up": ("on_key_up", KeyUpEvent),
    "key_press": ("on_key_press", KeyPressEvent),
}


class KeyEventListener(KeyboardFocusable, FundamentalComponent):
    """Reports the keys pressed while the keyboard focus is inside its content.

    Clicking into the content gives it the focus (or pass `auto_focus=True`).
    Keys pressed while nothing on the page has the focus go to every
    KeyEventListener on the page. Keys typed into a text input are the
    input's, not reported here. A reported key does not also do what it
    would otherwise do on the page (move the focus, scroll...).

    Args:
        content: The component shown and listened to.
        auto_focus: Take the keyboard focus when it appears.
        on_key_down: Called with a `KeyDownEvent` when a key goes down. Or a
            mapping from key combinations to handlers: `{"escape": close,
            ("control", "s"): save}`; then only those keys are reported.
        on_key_up: Called with a `KeyUpEvent` when a key is released (or a
            mapping, as for `on_key_down`).
        on_key_press: Called with a `KeyPressEvent` when a key goes down and
            again on each repeat while it is held (or a mapping).
        event_order: "after-child" (the default): keys the content handles
            itself are not reported. "before-child": this listener sees them
            first.

    Example:
        ```python
        rio.KeyEventListener(
            rio.Text("Press a key"),
            on_key_down=lambda event: print(event.software_key, event.modifiers),
        )
        ```
    """

    _fundamental_type = "KeyEventListener"
    _child_fields = ("content",)

    content: Component
    _: KW_ONLY
    auto_focus: bool = False
    on_key_down: (
        EventHandler[KeyDownEvent] | Mapping[KeyCombination, EventHandler[KeyDownEvent]]
    ) = None
    on_key_up: (
        EventHandler[KeyUpEvent] | Mapping[KeyCombination, EventHandler[KeyUpEvent]]
    ) = None
    on_key_press: (
        EventHandler[KeyPressEvent]
        | Mapping[KeyCombination, EventHandler[KeyPressEvent]]
    ) = None
    event_order: Literal["before-child", "after-child"] = "after-child"

    def __post_init__(self) -> None:
        for name in ("on_key_down", "on_key_up", "on_key_press"):
            handler = getattr(self, name)
            if isinstance(handler, Mapping):
                _combinations(handler)  # a bad key name fails here
        if self.event_order not in ("before-child", "after-child"):
            raise ValueError(
                f"KeyEventListener(event_order={self.event_order!r}): use"
                ' "after-child" or "before-child"'
            )

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name.startswith("on_key_") and isinstance(value, Mapping):
            # The page reports only these combinations.
            return [sorted(keys) for keys in _combinations(value)]
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name not in _HANDLER_EVENTS:
            return super()._on_page_event(name, payload)
        field, event_class = _HANDLER_EVENTS[name]
        event = event_class._from_payload(self, payload)
        handler = getattr(self, field)
        if isinstance(handler, Mapping):
            pressed = {*event.modifiers, event.software_key}
            handler = _combinations(handler).get(frozenset(pressed))
        return call_handler(handler, event)

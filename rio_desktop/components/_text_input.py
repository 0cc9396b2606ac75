from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ..component import FundamentalComponent
from ._focus import KeyboardFocusable
from ._input_common import call_handler, fire_change, payload_field, run_in_order

if TYPE_CHECKING:
    from ..theme import TextStyle

__all__ = [
    "TextInput",
    "TextInputChangeEvent",
    "TextInputConfirmEvent",
    "TextInputFocusEvent",
]


@dataclasses.dataclass(frozen=True)
class TextInputChangeEvent:
    """The user changed the text of a `TextInput`.

    Attributes:
        text: The new text.
    """

    text: str


@dataclasses.dataclass(frozen=True)
class TextInputConfirmEvent:
    """The user confirmed a `TextInput` (pressed Enter).

    Attributes:
        text: The text confirmed.
    """

    text: str


@dataclasses.dataclass(frozen=True)
class TextInputFocusEvent:
    """A `TextInput` gained or lost the keyboard focus.

    Attributes:
        text: The text at that moment.
    """

    text: str


class _TextField(KeyboardFocusable, FundamentalComponent):
    """What TextInput and MultiLineTextInput share: text in, events out."""

    _positional_fields: ClassVar[tuple[str, ...]] = ("text",)
    _change_event: ClassVar[Any] = TextInputChangeEvent
    _confirm_event: ClassVar[Any] = TextInputConfirmEvent
    _focus_event: ClassVar[Any] = TextInputFocusEvent

    text: str = ""
    auto_focus: bool = False
    label: str = ""
    accessibility_label: str = ""
    style: Literal["underlined", "rounded", "pill"] = "underlined"
    is_sensitive: bool = True
    is_valid: bool = True
    change_delay: float = 0.8
    on_change: Any = None
    on_confirm: Any = None
    on_gain_focus: Any = None
    on_lose_focus: Any = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name not in ("change", "confirm", "focus", "blur"):
            return super()._on_page_event(name, payload)
        text = payload_field(self, payload, "text", str)
        changed = False
        if self.is_sensitive and text != self.text:
            self._set_from_page("text", text)
            changed = True
        else:
            text = self.text

        def change() -> Any:
            if not changed:
                return None
            return fire_change(self, self.on_change, self._change_event(text))

        if name == "change":
            return change()
        if name == "confirm":
            if not self.is_sensitive:
                return None
            return run_in_order(
                change,
                lambda: call_handler(self.on_confirm, self._confirm_event(text)),
            )
        handler = self.on_gain_focus if name == "focus" else self.on_lose_focus
        return run_in_order(
            change, lambda: call_handler(handler, self._focus_event(text))
        )


class TextInput(_TextField):
    """A one-line box the user types text into.

    Args:
        text: The text in the box. Pass `self.bind().some_field` to keep a
            field of yours in sync with what the user types.
        auto_focus: Take the keyboard focus when first shown.
        label: A short text shown above the box.
        placeholder: Shown greyed out while the box is empty.
        accessibility_label: Describes the box to screen readers (default: the
            label).
        style: "underlined", "rounded" or "pill".
        prefix_text: Shown before the text, e.g. a currency sign.
        suffix_text: Shown after the text, e.g. a unit.
        is_secret: Hide the characters (passwords).
        text_style: A `rio.TextStyle` for the typed text (font, size,
            colour...); None: the theme's.
        is_sensitive: False greys the box out; the user cannot type.
        is_valid: False marks the text as invalid (a red underline).
        change_delay: The longest time, in seconds, between typing and
            `on_change` (rio-desktop sends changes within 40 ms anyway).
        on_change: Called with a `TextInputChangeEvent` as the user types.
        on_confirm: Called with a `TextInputConfirmEvent` when the user
            presses Enter.
        on_gain_focus: Called with a `TextInputFocusEvent` on focus.
        on_lose_focus: Called with a `TextInputFocusEvent` when focus leaves.

    Example:
        ```python
        class Login(rio.Component):
            name: str = ""

            def build(self) -> rio.Component:
                return rio.Column(
                    rio.TextInput(self.bind().name, label="Name"),
                    rio.Text(f"Hello, {self.name}!"),
                )
        ```
    """

    _fundamental_type = "TextInput"
    _positional_fields: ClassVar[tuple[str, ...]] = ("text",)

    placeholder: str = ""
    prefix_text: str = ""
    suffix_text: str = ""
    is_secret: bool = False
    text_style: TextStyle | None = None

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "text_style" and value is not None:
            from ..theme import TextStyle

            if not isinstance(value, TextStyle):
                raise TypeError(
                    "TextInput.text_style takes a rio.TextStyle, got"
                    f" {type(value).__name__}"
                )
            return value._to_json()
        return super()._serialize_field(name, value)

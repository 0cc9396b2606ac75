from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Literal

from ._text_input import _TextField

__all__ = [
    "MultiLineTextInput",
    "MultiLineTextInputChangeEvent",
    "MultiLineTextInputConfirmEvent",
    "MultiLineTextInputFocusEvent",
]


@dataclasses.dataclass(frozen=True)
class MultiLineTextInputChangeEvent:
    """The user changed the text of a `MultiLineTextInput`.

    Attributes:
        text: The new text.
    """

    text: str


@dataclasses.dataclass(frozen=True)
class MultiLineTextInputConfirmEvent:
    """The user confirmed a `MultiLineTextInput` (Ctrl+Enter).

    Attributes:
        text: The text confirmed.
    """

    text: str


@dataclasses.dataclass(frozen=True)
class MultiLineTextInputFocusEvent:
    """A `MultiLineTextInput` gained or lost the keyboard focus.

    Attributes:
        text: The text at that moment.
    """

    text: str


class MultiLineTextInput(_TextField):
    """A box for several lines of text; Enter starts a new line.

    Args:
        text: The text in the box (bind it with `self.bind().field`).
        auto_focus: Take the keyboard focus when first shown.
        label: A short text shown above the box.
        placeholder: Shown greyed out while the box is empty.
        accessibility_label: Describes the box to screen readers.
        style: "underlined", "rounded" or "pill".
        is_sensitive: False greys the box out; the user cannot type.
        is_valid: False marks the text as invalid.
        on_change: Called with a `MultiLineTextInputChangeEvent` as the user
            types.
        auto_adjust_height: Grow the box with its text (else it keeps its
            height and scrolls).
        confirm_mode: "shift-enter": Enter starts a new line, Shift+Enter
            confirms; "enter": Enter confirms, Shift+Enter starts a new line.
            Ctrl+Enter (Cmd+Enter) confirms in both.
        change_delay: The longest time, in seconds, between typing and
            `on_change` (rio-desktop sends changes within 40 ms anyway).
        on_confirm: Called with a `MultiLineTextInputConfirmEvent` when the
            user confirms (see `confirm_mode`).
        on_gain_focus, on_lose_focus: Called with a
            `MultiLineTextInputFocusEvent` when the focus comes and goes.

    Example:
        ```python
        rio.MultiLineTextInput(self.bind().notes, label="Notes", min_height=8)
        ```
    """

    _fundamental_type = "MultiLineTextInput"
    _positional_fields: ClassVar[tuple[str, ...]] = ("text",)
    _change_event: ClassVar[Any] = MultiLineTextInputChangeEvent
    _confirm_event: ClassVar[Any] = MultiLineTextInputConfirmEvent
    _focus_event: ClassVar[Any] = MultiLineTextInputFocusEvent

    placeholder: str = ""
    auto_adjust_height: bool = True
    confirm_mode: Literal["enter", "shift-enter"] = "shift-enter"

from __future__ import annotations

import dataclasses
import math
from typing import Any, ClassVar, Literal

from ..component import FundamentalComponent
from ._focus import KeyboardFocusable
from ._input_common import call_handler, fire_change, payload_field, run_in_order

__all__ = [
    "NumberInput",
    "NumberInputChangeEvent",
    "NumberInputConfirmEvent",
    "NumberInputFocusEvent",
]


@dataclasses.dataclass(frozen=True)
class NumberInputChangeEvent:
    """The user changed the number of a `NumberInput`.

    Attributes:
        value: The new number (an `int` when `decimals` is 0).
    """

    value: float


@dataclasses.dataclass(frozen=True)
class NumberInputConfirmEvent:
    """The user confirmed a `NumberInput` (pressed Enter).

    Attributes:
        value: The number confirmed.
    """

    value: float


@dataclasses.dataclass(frozen=True)
class NumberInputFocusEvent:
    """A `NumberInput` gained or lost the keyboard focus.

    Attributes:
        value: The number at that moment.
    """

    value: float


class NumberInput(KeyboardFocusable, FundamentalComponent):
    """A box for entering a number, kept within bounds and rounded.

    What the user types is checked as they type; the number is clamped to
    `minimum` .. `maximum` and rounded to `decimals` places. When the box loses
    focus (or on Enter) it shows the number as stored.

    Args:
        value: The number (bind it with `self.bind().field`).
        auto_focus: Take the keyboard focus when first shown.
        label: A short text shown above the box.
        accessibility_label: Describes the box to screen readers.
        style: "underlined", "rounded" or "pill".
        prefix_text, suffix_text: Shown around the number, e.g. "$" or "kg".
        minimum, maximum: The bounds; None means unbounded.
        decimals: Places after the point; 0 makes `value` an `int`. The box
            shows all of them ("5.00").
        decimal_separator: The decimal mark shown and typed; None: the
            user's locale's.
        thousands_separator: True: the locale's grouping mark ("1,234");
            False: none; a string: that mark.
        is_sensitive: False greys the box out.
        is_valid: False marks the number as invalid.
        on_change: Called with a `NumberInputChangeEvent` when the number
            changes.
        on_confirm: Called with a `NumberInputConfirmEvent` on Enter.
        on_gain_focus, on_lose_focus: Called with a `NumberInputFocusEvent`.

    Example:
        ```python
        rio.NumberInput(self.bind().age, label="Age", minimum=0, decimals=0)
        ```
    """

    _fundamental_type = "NumberInput"
    _positional_fields: ClassVar[tuple[str, ...]] = ("value",)

    value: float = 0
    auto_focus: bool = False
    label: str = ""
    accessibility_label: str = ""
    style: Literal["underlined", "rounded", "pill"] = "underlined"
    prefix_text: str = ""
    suffix_text: str = ""
    minimum: float | None = None
    maximum: float | None = None
    decimals: int = 2
    decimal_separator: str | None = None
    thousands_separator: bool | str = True
    is_sensitive: bool = True
    is_valid: bool = True
    on_change: Any = None
    on_confirm: Any = None
    on_gain_focus: Any = None
    on_lose_focus: Any = None

    def __post_init__(self) -> None:
        minimum, maximum = self.minimum, self.maximum
        if minimum is not None and maximum is not None and minimum > maximum:
            raise ValueError(
                f"NumberInput minimum ({minimum}) is larger than its maximum"
                f" ({maximum}); swap them"
            )
        if not isinstance(self.decimals, int) or self.decimals < 0:
            raise ValueError("NumberInput decimals must be an int >= 0")

    def _normalise(self, number: float) -> float:
        """Clamp to the bounds and round to `decimals`."""
        if self.minimum is not None:
            number = max(number, self.minimum)
        if self.maximum is not None:
            number = min(number, self.maximum)
        if self.decimals == 0:
            return int(round(number))
        return round(number, self.decimals)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name not in ("change", "confirm", "focus", "blur"):
            return super()._on_page_event(name, payload)
        raw = payload_field(self, payload, "value", (int, float))
        if not math.isfinite(raw):
            raise ValueError("NumberInput got a number that is not finite")
        changed = False
        value = self.value
        if self.is_sensitive:
            number = self._normalise(raw)
            if number != value:
                if number == raw:
                    self._set_from_page("value", number)
                else:  # the page must show the clamped number
                    self.value = number
                value = number
                changed = True

        def change() -> Any:
            if not changed:
                return None
            return fire_change(self, self.on_change, NumberInputChangeEvent(value))

        if name == "change":
            return change()
        if name == "confirm":
            if not self.is_sensitive:
                return None
            return run_in_order(
                change,
                lambda: call_handler(self.on_confirm, NumberInputConfirmEvent(value)),
            )
        handler = self.on_gain_focus if name == "focus" else self.on_lose_focus
        return run_in_order(
            change, lambda: call_handler(handler, NumberInputFocusEvent(value))
        )

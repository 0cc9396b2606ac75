from __future__ import annotations

import dataclasses
import math
from typing import Any

from ..component import KW_ONLY, FundamentalComponent
from ._input_common import fire_change, payload_field

__all__ = ["Slider", "SliderChangeEvent"]


@dataclasses.dataclass(frozen=True)
class SliderChangeEvent:
    """The user moved a `Slider`.

    Attributes:
        value: The new value.
    """

    value: float


class Slider(FundamentalComponent):
    """A handle the user drags to pick a number in a range.

    Args:
        value: The number (bind it with `self.bind().field`).
        minimum, maximum: The ends of the range.
        step: The value snaps to multiples of this; 0 means continuous.
        is_sensitive: False greys the slider out.
        show_values: Show the range's ends and the current value.
        on_change: Called with a `SliderChangeEvent` while the user drags.

    Example:
        ```python
        rio.Slider(value=self.bind().volume, minimum=0, maximum=100, step=1)
        ```
    """

    _fundamental_type = "Slider"

    _: KW_ONLY
    value: float = 0.5
    minimum: float = 0
    maximum: float = 1
    step: float = 0
    is_sensitive: bool = True
    show_values: bool = False
    on_change: Any = None
    min_width: float = 1.3
    min_height: float = 1.3

    def __post_init__(self) -> None:
        if self.minimum >= self.maximum:
            raise ValueError(
                f"Slider minimum ({self.minimum}) must be smaller than its"
                f" maximum ({self.maximum})"
            )
        if self.step < 0:
            raise ValueError("Slider step must be 0 (continuous) or positive")

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "change":
            return super()._on_page_event(name, payload)
        value = payload_field(self, payload, "value", (int, float))
        if not math.isfinite(value):
            raise ValueError("Slider got a number that is not finite")
        if not self.is_sensitive:
            return None
        value = min(max(value, self.minimum), self.maximum)
        if self.step:
            steps = round((value - self.minimum) / self.step)
            value = min(self.minimum + steps * self.step, self.maximum)
            value = round(value, 10)
        if value == self.value:
            return None
        self._set_from_page("value", value)
        return fire_change(self, self.on_change, SliderChangeEvent(value))

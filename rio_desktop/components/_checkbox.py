from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from ..component import FundamentalComponent
from ._input_common import fire_change, payload_field

__all__ = ["Checkbox", "CheckboxChangeEvent"]


@dataclasses.dataclass(frozen=True)
class CheckboxChangeEvent:
    """The user ticked or cleared a `Checkbox`.

    Attributes:
        is_on: Whether the box is ticked now.
    """

    is_on: bool


class _Toggle(FundamentalComponent):
    """A two-state input: Checkbox and Switch."""

    _positional_fields: ClassVar[tuple[str, ...]] = ("is_on",)
    _change_event: ClassVar[Any] = CheckboxChangeEvent

    is_on: bool = False
    is_sensitive: bool = True
    on_change: Any = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "change":
            return super()._on_page_event(name, payload)
        is_on = payload_field(self, payload, "is_on", bool)
        if not self.is_sensitive or is_on == self.is_on:
            return None
        self._set_from_page("is_on", is_on)
        return fire_change(self, self.on_change, self._change_event(is_on))


class Checkbox(_Toggle):
    """A box the user ticks on and off.

    Args:
        is_on: Whether the box is ticked (bind it with `self.bind().field`).
        is_sensitive: False greys the box out; clicks do nothing.
        on_change: Called with a `CheckboxChangeEvent` when the user clicks.

    Example:
        ```python
        rio.Row(
            rio.Checkbox(self.bind().agree),
            rio.Text("I agree"),
            spacing=0.5,
        )
        ```
    """

    _fundamental_type = "Checkbox"
    _positional_fields: ClassVar[tuple[str, ...]] = ("is_on",)

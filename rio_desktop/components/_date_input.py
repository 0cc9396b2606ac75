from __future__ import annotations

import dataclasses
import datetime
from typing import Any, ClassVar, Literal

from ..component import FundamentalComponent
from ._input_common import fire_change, payload_field

__all__ = ["DateInput", "DateChangeEvent"]


@dataclasses.dataclass(frozen=True)
class DateChangeEvent:
    """The user picked a date in a `DateInput`.

    Attributes:
        value: The new date.
    """

    value: datetime.date


class DateInput(FundamentalComponent):
    """A box for a date, with the browser's calendar to pick from.

    Args:
        value: The date shown (bind it with `self.bind().field`).
        label: A short text shown above the box.
        style: "underlined", "rounded" or "pill".
        is_sensitive: False greys the box out.
        on_change: Called with a `DateChangeEvent` when the user picks a date.

    Example:
        ```python
        rio.DateInput(self.bind().birthday, label="Birthday")
        ```
    """

    _fundamental_type = "DateInput"
    _positional_fields: ClassVar[tuple[str, ...]] = ("value",)

    value: datetime.date
    label: str = ""
    style: Literal["underlined", "rounded", "pill"] = "underlined"
    is_sensitive: bool = True
    on_change: Any = None

    def __post_init__(self) -> None:
        value = self.value
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise TypeError(
                "DateInput value must be a datetime.date, not"
                f" {type(value).__name__}; for a datetime pass value.date()"
            )

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "value":
            return value.isoformat() if isinstance(value, datetime.date) else None
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "change":
            return super()._on_page_event(name, payload)
        text = payload_field(self, payload, "value", str)
        try:
            value = datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"DateInput got a date it cannot read: {text!r}") from None
        if not self.is_sensitive or value == self.value:
            return None
        self._set_from_page("value", value)
        return fire_change(self, self.on_change, DateChangeEvent(value))

from __future__ import annotations

import dataclasses
import datetime
from typing import Any, ClassVar, Literal

from ..component import FundamentalComponent
from ._input_common import call_handler, fire_change, payload_field, run_in_order

__all__ = ["DateChangeEvent", "DateConfirmEvent", "DateInput"]


@dataclasses.dataclass(frozen=True)
class DateChangeEvent:
    """The user picked a date in a `DateInput`.

    Attributes:
        value: The new date.
    """

    value: datetime.date


@dataclasses.dataclass(frozen=True)
class DateConfirmEvent:
    """The user confirmed the date in a `DateInput` (pressed Enter).

    Attributes:
        value: The date confirmed.
    """

    value: datetime.date


class DateInput(FundamentalComponent):
    """A box for a date, with the browser's calendar to pick from.

    Args:
        value: The date shown (bind it with `self.bind().field`).
        label: A short text shown above the box.
        accessibility_label: Describes the box to screen readers (default:
            the label).
        style: "underlined", "rounded" or "pill".
        is_sensitive: False greys the box out.
        on_change: Called with a `DateChangeEvent` when the user picks a date.
        on_confirm: Called with a `DateConfirmEvent` when the user presses
            Enter in the box.

    Example:
        ```python
        rio.DateInput(self.bind().birthday, label="Birthday")
        ```
    """

    _fundamental_type = "DateInput"
    _positional_fields: ClassVar[tuple[str, ...]] = ("value",)

    value: datetime.date
    label: str = ""
    accessibility_label: str = ""
    style: Literal["underlined", "rounded", "pill"] = "underlined"
    is_sensitive: bool = True
    on_change: Any = None
    on_confirm: Any = None
    # Rio's private state: whether its calendar popup is open. Here the
    # browser's own date picker opens on a click; the field is accepted
    # (Rio code may pass or set it) and does not change what is shown.
    _is_open: bool = False

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
        if name not in ("change", "confirm"):
            return super()._on_page_event(name, payload)
        text = payload_field(self, payload, "value", str)
        try:
            value = datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"DateInput got a date it cannot read: {text!r}") from None
        if not self.is_sensitive:
            return None
        changed = value != self.value
        if changed:
            self._set_from_page("value", value)

        def change() -> Any:
            if not changed:
                return None
            return fire_change(self, self.on_change, DateChangeEvent(value))

        if name == "change":
            return change()
        return run_in_order(
            change, lambda: call_handler(self.on_confirm, DateConfirmEvent(value))
        )

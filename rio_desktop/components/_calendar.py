from __future__ import annotations

import datetime
from typing import Any

from ..component import KW_ONLY, FundamentalComponent
from ._date_input import DateChangeEvent
from ._input_common import fire_change, payload_field

__all__ = ["Calendar"]


class Calendar(FundamentalComponent):
    """A month of days to pick a date from, with buttons to turn the months.

    The grid shows one month; the arrows beside its name go back and forth a
    month (single arrows) or a year (double arrows). The week starts on the
    day usual in the user's locale (Sunday for en-US, Monday for most of
    Europe). For a compact field use `rio.DateInput`.

    Args:
        value: The selected date (bind it with `self.bind().field`).
        is_sensitive: False greys the calendar out and ignores clicks.
        on_change: Called with a `DateChangeEvent` when the user picks a day.

    Example:
        ```python
        rio.Calendar(self.bind().due_date)
        ```
    """

    _fundamental_type = "Calendar"

    value: datetime.date
    _: KW_ONLY
    is_sensitive: bool = True
    on_change: Any = None

    def __post_init__(self) -> None:
        value = self.value
        # A datetime is a date too: as in Rio, its day is shown.
        if not isinstance(value, datetime.date):
            raise TypeError(
                f"Calendar value must be a datetime.date, not {type(value).__name__}"
            )

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "value":
            # The page lays the weeks out for the session's language: it
            # travels with the date (the language never changes in a session).
            session = self._session
            languages = getattr(session, "preferred_languages", None) or ("en-US",)
            day = datetime.date(value.year, value.month, value.day)
            return {"date": day.isoformat(), "locale": languages[0]}
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "change":
            return super()._on_page_event(name, payload)
        text = payload_field(self, payload, "value", str)
        try:
            value = datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"Calendar got a date it cannot read: {text!r}") from None
        if not self.is_sensitive:
            return None
        if value != self.value:
            self._set_from_page("value", value)
        # As in Rio, every pick is reported, also of the day already selected.
        return fire_change(self, self.on_change, DateChangeEvent(value))

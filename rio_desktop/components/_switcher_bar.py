from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, ClassVar, Generic, Literal, TypeVar

from ..component import FundamentalComponent
from ._input_common import fire_change, payload_field

__all__ = ["SwitcherBar", "SwitcherBarChangeEvent"]

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class SwitcherBarChangeEvent(Generic[T]):
    """The user picked an option of a `SwitcherBar`.

    Attributes:
        value: The new `selected_value` (None if `allow_none` and the user
            deselected).
    """

    value: T | None


class SwitcherBar(FundamentalComponent, Generic[T]):
    """A row (or column) of options of which one is selected.

    Args:
        values: The values to choose from.
        names: The text shown for each value (default: `str(value)`).
        icons: An optional icon name per value (None for no icon).
        color: The colour set of the selection marker ("primary" when "keep").
        orientation: "horizontal" or "vertical".
        spacing: Space between the options, in font-heights.
        allow_none: Let the user deselect by clicking the selected option.
        selected_value: The value selected; the first one when not given and
            `allow_none` is False.
        on_change: Called with a `SwitcherBarChangeEvent` when the user picks.

    Example:
        ```python
        rio.SwitcherBar(
            values=["day", "week", "month"],
            names=["Day", "Week", "Month"],
            selected_value=self.bind().period,
        )
        ```
    """

    _fundamental_type = "SwitcherBar"
    _positional_fields: ClassVar[tuple[str, ...]] = ("values",)

    values: Sequence[Any]
    names: Sequence[str] | None = None
    icons: Sequence[str | None] | None = None
    color: Any = "keep"
    orientation: Literal["horizontal", "vertical"] = "horizontal"
    spacing: float = 1.0
    allow_none: bool = False
    selected_value: Any = None
    on_change: Any = None

    def __post_init__(self) -> None:
        values = list(self.values)
        if not values:
            raise ValueError("SwitcherBar needs at least one value")
        if self.names is None:
            self.set_quietly("names", [str(value) for value in values])
        elif len(self.names) != len(values):
            raise ValueError(
                f"SwitcherBar got {len(values)} values but {len(self.names)}"
                " names; give one name per value"
            )
        if self.icons is not None and len(self.icons) != len(values):
            raise ValueError(
                f"SwitcherBar got {len(values)} values but {len(self.icons)}"
                " icons; give one per value (None for no icon)"
            )
        if self.selected_value is None and not self.allow_none:
            self.selected_value = values[0]  # also sets a bound field

    def _selected_index(self) -> int | None:
        selected = self.selected_value
        for index, value in enumerate(self.values):
            if value == selected:
                return index
        return None

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "selected_value":
            return self._selected_index()
        if name == "values":
            # The page needs only how many there are, and the selection goes
            # along: the selected value may sit at a new index.
            return {"count": len(value), "selected": self._selected_index()}
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "change":
            return super()._on_page_event(name, payload)
        index = payload_field(self, payload, "index", (int, type(None)))
        values = list(self.values)
        if index is None:
            if not self.allow_none:
                return None
            value = None
        elif 0 <= index < len(values):
            value = values[index]
        else:
            return None  # the page was out of date
        if value == self.selected_value:
            return None
        self._set_from_page("selected_value", value)
        return fire_change(self, self.on_change, SwitcherBarChangeEvent(value))

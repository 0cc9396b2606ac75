from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, ClassVar, Generic, Literal, TypeVar

from ..component import FundamentalComponent
from ._input_common import fire_change, payload_field

__all__ = ["SwitcherBar", "SwitcherBarChangeEvent", "SwitcherBarItem"]

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class SwitcherBarChangeEvent(Generic[T]):
    """The user picked an option of a `SwitcherBar`.

    Attributes:
        value: The new `selected_value` (None if `allow_none` and the user
            deselected).
    """

    value: T | None


class SwitcherBarItem(Generic[T]):
    """One option of a `SwitcherBar`, for `rio.SwitcherBar(item1, item2, ...)`.

    Args:
        value: The value `selected_value` takes when this option is picked.
        name: The text shown (default: `str(value)`).
        icon: An optional icon name shown next to the text.
    """

    def __init__(self, value: T, name: str | None = None, icon: str | None = None):
        self.value = value
        self.name = str(value) if name is None else name
        self.icon = icon

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SwitcherBarItem):
            return NotImplemented
        return (self.value, self.name, self.icon) == (
            other.value,
            other.name,
            other.icon,
        )

    def __hash__(self) -> int:
        return hash((self.value, self.name, self.icon))

    def __repr__(self) -> str:
        return f"SwitcherBarItem({self.value!r}, {self.name!r}, {self.icon!r})"


class SwitcherBar(FundamentalComponent, Generic[T]):
    """A row (or column) of options of which one is selected.

    The options are given either as `values` (with optional `names` and
    `icons`), or as positional arguments: `SwitcherBarItem`s or plain values.

    Args:
        *args: The options: `SwitcherBarItem`s or values; or one sequence of
            values (like `values`).
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
    _positional_fields: ClassVar[tuple[str, ...]] = ()

    values: Sequence[Any] | None = None
    names: Sequence[str] | None = None
    icons: Sequence[str | None] | None = None
    color: Any = "keep"
    orientation: Literal["horizontal", "vertical"] = "horizontal"
    spacing: float = 1.0
    allow_none: bool = False
    selected_value: Any = None
    on_change: Any = None

    def __init__(
        self,
        *args: Any,
        values: Sequence[Any] | None = None,
        names: Sequence[str] | None = None,
        icons: Sequence[str | None] | None = None,
        **kwargs: Any,
    ) -> None:
        one_sequence = (
            len(args) == 1
            and isinstance(args[0], Sequence)
            and not isinstance(args[0], str)
        )
        if values is not None or names is not None or icons is not None:
            if args and values is not None:
                raise TypeError(
                    "SwitcherBar: pass the options either positionally or as"
                    " values=, not both"
                )
            if values is None:
                values = args[0] if one_sequence else list(args)
        elif one_sequence:
            values = args[0]
        elif args:
            items = [
                arg if isinstance(arg, SwitcherBarItem) else SwitcherBarItem(arg)
                for arg in args
            ]
            values = [item.value for item in items]
            names = [item.name for item in items]
            if any(item.icon is not None for item in items):
                icons = [item.icon for item in items]
        if values is not None:
            kwargs["values"] = values
        if names is not None:
            kwargs["names"] = names
        if icons is not None:
            kwargs["icons"] = icons
        super().__init__(**kwargs)

    def __post_init__(self) -> None:
        if self.values is None:
            raise TypeError(
                "SwitcherBar needs options: rio.SwitcherBar(values=[...]) or"
                " rio.SwitcherBar('a', 'b', ...)"
            )
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
        for index, value in enumerate(self.values or ()):
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
        if name == "icons" and value is not None:
            from ._icon_registry import icon_to_wire

            return [icon_to_wire(icon, self) for icon in value]
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "change":
            return super()._on_page_event(name, payload)
        index = payload_field(self, payload, "index", (int, type(None)))
        values = list(self.values or ())
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

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, Literal, TypeVar

from ..component import FundamentalComponent
from ._focus import KeyboardFocusable
from ._input_common import fire_change, payload_field

__all__ = ["Dropdown", "DropdownChangeEvent"]

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class DropdownChangeEvent(Generic[T]):
    """The user picked an option of a `Dropdown`.

    Attributes:
        value: The new `selected_value`.
    """

    value: T


class Dropdown(KeyboardFocusable, FundamentalComponent, Generic[T]):
    """Lets the user pick one of several options from a drop-down list.

    Args:
        options: The choices. A dict maps the names shown to the values
            returned; a list uses each value's `str()` as its name.
        label: A short text shown above the box.
        style: "underlined", "rounded" or "pill".
        selected_value: The value of the option shown; the first option when
            not given. A value that is no option shows an empty box.
        is_sensitive: False greys the dropdown out and ignores the user.
        is_valid: False marks the dropdown as holding an invalid choice.
        on_change: Called with a `DropdownChangeEvent` when the user picks an
            option (sync or async).

    Example:
        ```python
        class Settings(rio.Component):
            size: str = "m"

            def build(self) -> rio.Component:
                return rio.Dropdown(
                    {"Small": "s", "Medium": "m", "Large": "l"},
                    label="Size",
                    selected_value=self.bind().size,
                )
        ```
    """

    _fundamental_type = "Dropdown"
    _positional_fields: ClassVar[tuple[str, ...]] = ("options",)

    options: Mapping[str, Any]
    label: str = ""
    style: Literal["underlined", "rounded", "pill"] = "underlined"
    selected_value: Any = None
    is_sensitive: bool = True
    is_valid: bool = True
    on_change: Any = None

    def __init__(self, options: Mapping[str, T] | Sequence[T], **kwargs: Any) -> None:
        if isinstance(options, Mapping):
            options = dict(options)
        elif isinstance(options, Sequence) and not isinstance(options, str):
            options = {str(value): value for value in options}
        else:
            raise TypeError(
                "Dropdown options must be a list of values or a dict mapping"
                f" names to values, not {type(options).__name__}"
            )
        if not options:
            raise ValueError("Dropdown needs at least one option")
        if kwargs.get("selected_value") is None:
            kwargs["selected_value"] = next(iter(options.values()))
        super().__init__(options, **kwargs)

    def _selected_name(self) -> str | None:
        selected = self.selected_value
        for name, value in self.options.items():
            if value == selected:
                return name
        return None

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "options":
            # The selection goes along: the same value may have a new name.
            return {"names": list(value), "selected": self._selected_name()}
        if name == "selected_value":
            return self._selected_name()
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "change":
            return super()._on_page_event(name, payload)
        option = payload_field(self, payload, "name", str)
        if not self.is_sensitive or option not in self.options:
            return None  # the page was out of date: ignore it
        value = self.options[option]
        self._set_from_page("selected_value", value)
        return fire_change(self, self.on_change, DropdownChangeEvent(value))

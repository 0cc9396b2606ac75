from __future__ import annotations

from typing import Any, ClassVar, Literal

from ..component import FundamentalComponent
from ._icon_registry import icon_to_wire

__all__ = ["IconButton"]


class IconButton(FundamentalComponent):
    """A round button showing only an icon.

    Args:
        icon: The icon's name, e.g. "material/add".
        style: "major" (filled), "minor" (outlined), "colored-text" or "plain".
        color: The colour set ("primary", "secondary", "success", "warning",
            "danger", "neutral") or a `rio.Color`; "keep" uses the theme's.
        is_sensitive: False greys the button out and ignores presses.
        min_size: The button's diameter, in font-heights.
        on_press: Called (sync or async) when the user presses the button.
        accessibility_label: What screen readers announce (default: the
            icon's name).

    Example:
        ```python
        rio.IconButton("material/add", on_press=self._add_item)
        ```
    """

    _fundamental_type = "IconButton"
    _positional_fields: ClassVar[tuple[str, ...]] = ("icon",)

    icon: str
    style: Literal["major", "minor", "colored-text", "plain"] = "major"
    color: Any = "keep"
    is_sensitive: bool = True
    min_size: float = 3.7
    on_press: Any = None
    accessibility_label: str | None = None

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "icon":
            return icon_to_wire(value, self)
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "press":
            return super()._on_page_event(name, payload)
        if not self.is_sensitive:
            return None
        return self._call(self.on_press)

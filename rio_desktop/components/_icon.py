from __future__ import annotations

from typing import Any

from ..color import color_to_css
from ..component import KW_ONLY, FundamentalComponent
from . import _icon_registry
from ._icon_registry import icon_names

__all__ = ["Icon", "icon_names"]


class Icon(FundamentalComponent):
    """A symbol from the built-in icon sets, offline.

    "material/<name>" (or just "<name>") are Google's Material Symbols, about
    4,000 of them, each also filled as "material/<name>:fill"; "brand/<name>"
    are company logos ("brand/github"). "-" and "_" are the same in names.
    Your own SVG icons join with `Icon.register_single_icon(path, "set",
    "name")` (then `rio.Icon("set/name")`) or `Icon.register_icon_set`.

    Icons scale with their size (min_width / min_height, default 1.3x1.3
    font-heights) and take the text colour unless `fill` says otherwise.
    Only the icons a page shows travel to it.

    Args:
        icon: The icon's name, like "material/castle" or "castle:fill".
        fill: A colour set name ("primary", "danger", ...), a `rio.Color`, or
            "keep" for the surrounding text colour.

    Raises:
        ValueError: (an `AssetError` too) for an unknown name, with the
            closest known names.

    Example:
        ```python
        rio.Icon("material/castle", fill="primary", min_width=3, min_height=3)
        ```
    """

    _fundamental_type = "Icon"

    icon: str
    _: KW_ONLY
    fill: Any = "keep"
    min_width: float = 1.3
    min_height: float = 1.3

    register_single_icon = staticmethod(_icon_registry.register_single_icon)
    register_icon_set = staticmethod(_icon_registry.register_icon_set)

    def __post_init__(self) -> None:
        _icon_registry.check_icon(self.icon)

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "icon":
            return _icon_registry.icon_to_wire(value, self)
        if name == "fill":
            if value == "dim":
                return "var(--rio-text-dim)"
            return color_to_css(value)
        return super()._serialize_field(name, value)

from __future__ import annotations

from typing import Any

from ..component import Component, FundamentalComponent
from ._color_field import ColorFieldsMixin

__all__ = ["ThemeContextSwitcher"]


class ThemeContextSwitcher(ColorFieldsMixin, FundamentalComponent):
    """Draws its content as if on a surface of another colour set.

    Text inside takes that palette's foreground colour, so it stays readable
    on, say, a primary-coloured banner.

    Args:
        content: The component inside.
        color: A colour set name ("primary", "hud", ...) or a `rio.Color`.

    Example:
        ```python
        rio.ThemeContextSwitcher(rio.Text("On primary", margin=1), color="primary")
        ```
    """

    _fundamental_type = "ThemeContextSwitcher"
    _child_fields = ("content",)
    _color_fields = ("color",)

    content: Component | None = None
    color: Any = "primary"

from __future__ import annotations

from typing import Any, Literal

from ..component import Component, FundamentalComponent
from ._color_field import ColorFieldsMixin

__all__ = ["Popup"]


class Popup(ColorFieldsMixin, FundamentalComponent):
    """Shows `content` floating next to `anchor` while `is_open` is True.

    Args:
        anchor: The component the popup is attached to.
        content: What pops up.
        is_open: Whether the popup shows.
        direction: Where the content goes relative to the anchor: "left",
            "top", "right", "bottom" or "center" (on top of it).
        alignment: 0..1, where along the anchor's side the content sits.
        gap: Space between anchor and content, in font-heights.
        color: The popup's surface: a colour set name or a `rio.Color`.
        corner_radius: In font-heights; None uses the theme's.

    Example:
        ```python
        rio.Popup(
            anchor=rio.Button("Menu", on_press=self.toggle),
            content=rio.Text("Popup content", margin=1),
            is_open=self.menu_open,
            direction="bottom",
        )
        ```
    """

    _fundamental_type = "Popup"
    _child_fields = ("anchor", "content")
    _color_fields = ("color",)

    anchor: Component | None = None
    content: Component | None = None
    is_open: bool = False
    direction: Literal["left", "top", "right", "bottom", "center"] = "center"
    alignment: float = 0.5
    gap: float = 0.8
    color: Any = "neutral"
    corner_radius: float | None = None

from __future__ import annotations

from typing import Any

from ..component import KW_ONLY, Component, FundamentalComponent
from ._color_field import ColorFieldsMixin

__all__ = ["Card"]


class Card(ColorFieldsMixin, FundamentalComponent):
    """A raised surface that groups content; optionally pressable.

    Args:
        content: The component inside the card.
        corner_radius: In font-heights; None uses the theme's.
        color: The colour set ("neutral" by default, or "primary", ...) or a
            `rio.Color`. Text inside takes the set's foreground colour.
        ripple: A ripple spreads from the pointer on a press; None: only
            when the card has `on_press`.
        elevate_on_hover: Lift the card (a larger shadow) under the pointer;
            None: only when it has `on_press`.
        colorize_on_hover: Tint the card when the pointer is over it; None:
            only when it has `on_press`.
        on_press: Makes the card clickable.

    Example:
        ```python
        rio.Card(
            rio.Text("Inside", margin=1),
            color="primary",
            corner_radius=1,
            elevate_on_hover=True,
            on_press=self.on_card_press,
        )
        ```
    """

    _fundamental_type = "Card"
    _child_fields = ("content",)
    _color_fields = ("color",)

    content: Component | None = None
    _: KW_ONLY
    corner_radius: float | None = None
    color: Any = "neutral"
    elevate_on_hover: bool | None = None
    colorize_on_hover: bool | None = None
    on_press: Any = None
    ripple: bool | None = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "press":
            return super()._on_page_event(name, payload)
        return self._call(self.on_press)

from __future__ import annotations

from typing import Any

from ..component import Component, FundamentalComponent

__all__ = ["Card"]


class Card(FundamentalComponent):
    """A raised surface that groups content; optionally pressable.

    Args:
        content: The component inside the card.
        corner_radius: In font-heights; None uses the theme's.
        color: The colour set ("neutral" by default, or "primary", ...).
        elevate_on_hover: Lift the card when the pointer is over it.
        colorize_on_hover: Tint the card when the pointer is over it.
        on_press: Makes the card clickable.

    Example:
        ```python
        rio.Card(rio.Text("Inside", margin=1), align_x=0.5)
        ```
    """

    _fundamental_type = "Card"
    _child_fields = ("content",)

    content: Component | None = None
    corner_radius: float | None = None
    color: Any = "neutral"
    elevate_on_hover: bool = False
    colorize_on_hover: bool | None = None
    on_press: Any = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "press":
            return super()._on_page_event(name, payload)
        return self._call(self.on_press)

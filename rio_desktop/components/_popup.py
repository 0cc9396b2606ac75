from __future__ import annotations

import warnings
from typing import Any, Literal

from ..component import KW_ONLY, Component, FundamentalComponent
from ._color_field import ColorFieldsMixin

__all__ = ["Popup"]


class Popup(ColorFieldsMixin, FundamentalComponent):
    """Shows `content` floating next to `anchor` while `is_open` is True.

    Args:
        anchor: The component the popup is attached to.
        content: What pops up.
        is_open: Whether the popup shows.
        modal: While open, darken the rest of the app and block it.
        user_closable: Let the user close the popup by clicking outside it
            (sets `is_open` to False; bind it to know).
        color: The popup's surface: a colour set name or a `rio.Color`;
            "hud" (the theme's overlay colour) by default; "none": no
            background or shadow at all.
        corner_radius: In font-heights; None uses the theme's.
        position: Where the content goes relative to the anchor: "left",
            "top", "right", "bottom", "center" (on top of it), "auto" (the
            side with the most room), "fullscreen" (the whole window) or
            "dropdown" (below, else above, at least as wide as the anchor).
        alignment: 0..1, where along the anchor's side the content sits.
        gap: Space between anchor and content, in font-heights.
        direction: Rio's old name of `position` (deprecated there too).

    Example:
        ```python
        rio.Popup(
            anchor=rio.Button("Menu", on_press=self.toggle),
            content=rio.Text("Popup content", margin=1),
            is_open=self.bind().menu_open,
            position="bottom",
            user_closable=True,
        )
        ```
    """

    _fundamental_type = "Popup"
    _child_fields = ("anchor", "content")
    _color_fields = ("color",)

    anchor: Component | None = None
    content: Component | None = None
    _: KW_ONLY
    is_open: bool = False
    modal: bool = False
    user_closable: bool = False
    color: Any = "hud"
    corner_radius: float | None = None
    position: Literal[
        "auto", "left", "top", "right", "bottom", "center", "fullscreen", "dropdown"
    ] = "center"
    alignment: float = 0.5
    gap: float = 0.8
    direction: Literal["left", "top", "right", "bottom", "center"] | None = None

    def __post_init__(self) -> None:
        if self.direction is not None:
            warnings.warn(
                "Popup(direction=...) is deprecated (as in Rio); use position=",
                DeprecationWarning,
                stacklevel=3,
            )

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "color" and value == "none":
            return "none"
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "close":
            return super()._on_page_event(name, payload)
        if self.user_closable and self.is_open:
            self._set_from_page("is_open", False)
        return None

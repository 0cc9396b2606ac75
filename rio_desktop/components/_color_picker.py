from __future__ import annotations

import dataclasses
from typing import Any

from ..color import Color
from ..component import KW_ONLY, FundamentalComponent
from ._input_common import fire_change, payload_field

__all__ = ["ColorChangeEvent", "ColorPicker"]


@dataclasses.dataclass(frozen=True)
class ColorChangeEvent:
    """The user picked a colour in a `ColorPicker`.

    Attributes:
        color: The new colour.
    """

    color: Color


class ColorPicker(FundamentalComponent):
    """Lets the user pick a colour, optionally with its opacity.

    A square picks saturation and brightness, a bar below it the hue, a
    second bar the opacity (with `pick_opacity`), and a field shows the
    colour as hex digits, which the user may also type.

    Args:
        color: The colour shown (bind it with `self.bind().field`).
        pick_opacity: Show the opacity bar. Without it the colours picked
            are fully opaque.
        on_change: Called with a `ColorChangeEvent` when the user lets go of
            the square or a bar, or enters a hex colour.

    Example:
        ```python
        rio.ColorPicker(self.bind().accent, pick_opacity=True)
        ```
    """

    _fundamental_type = "ColorPicker"

    color: Color
    _: KW_ONLY
    pick_opacity: bool = False
    on_change: Any = None

    def __post_init__(self) -> None:
        if not isinstance(self.color, (Color, str)):
            raise TypeError(
                "ColorPicker color must be a rio.Color, not"
                f" {type(self.color).__name__}"
            )
        self._serialize_field("color", self.color)

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "color":
            # sRGB floats, not CSS: the page works with them unrounded.
            return list(Color.coerce(value).srgba)
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "change":
            return super()._on_page_event(name, payload)
        values = payload_field(self, payload, "color", list)
        if len(values) != 4 or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in values
        ):
            raise ValueError(f"ColorPicker got a colour it cannot read: {values!r}")
        red, green, blue, opacity = values
        # Raises ValueError (logged, dropped) for values outside 0 to 1. The
        # page sends a typed hex colour as digits / 255, as from_hex reads it.
        color = Color.from_rgb(
            red, green, blue, opacity if self.pick_opacity else 1.0, srgb=True
        )
        if color != self.color:
            self._set_from_page("color", color)
        return fire_change(self, self.on_change, ColorChangeEvent(color))

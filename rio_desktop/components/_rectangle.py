from __future__ import annotations

from typing import Any, Literal

from ..component import KW_ONLY, Component, FundamentalComponent
from ..cursor_style import CursorStyle, cursor_to_css
from ..fills import fill_to_wire
from ._color_field import ColorFieldsMixin

__all__ = ["Rectangle"]


class Rectangle(ColorFieldsMixin, FundamentalComponent):
    """A filled box with optional stroke, rounded corners, shadow and hover look.

    Every `hover_*` field that is set replaces its plain counterpart while
    the pointer is over the rectangle; changes animate over
    `transition_time` seconds.

    Args:
        content: A component drawn inside.
        fill: A `rio.Color`, a colour set name or a fill (gradient, image,
            frosted glass); None: transparent.
        stroke_color, stroke_width: The outline (width in font-heights).
        corner_radius: In font-heights.
        shadow_radius, shadow_offset_x, shadow_offset_y, shadow_color: A drop
            shadow, in font-heights.
        hover_fill, hover_stroke_color, hover_stroke_width,
            hover_corner_radius, hover_shadow_radius, hover_shadow_offset_x,
            hover_shadow_offset_y, hover_shadow_color:
            The look while hovered.
        transition_time: Seconds to animate between the two looks.
        ripple: A ripple spreads from the pointer on a press.
        cursor: The pointer shown over the rectangle: "pointer",
            "can-grab", ... (Rio's names) or a `rio.CursorStyle`.

    Example:
        ```python
        rio.Rectangle(
            content=rio.Text("Hover me", margin=1),
            fill=rio.Color.from_hex("#e3f2fd"),
            hover_fill=rio.Color.from_hex("#bbdefb"),
            corner_radius=0.5,
            transition_time=0.2,
        )
        ```
    """

    _fundamental_type = "Rectangle"
    _child_fields = ("content",)
    _color_fields = (
        "stroke_color",
        "shadow_color",
        "hover_stroke_color",
        "hover_shadow_color",
    )

    _: KW_ONLY
    content: Component | None = None
    fill: Any = None
    stroke_color: Any = None
    stroke_width: float = 0
    corner_radius: float = 0
    shadow_radius: float = 0
    shadow_offset_x: float = 0
    shadow_offset_y: float = 0
    shadow_color: Any = None
    hover_fill: Any = None
    hover_stroke_color: Any = None
    hover_stroke_width: float | None = None
    hover_corner_radius: float | None = None
    hover_shadow_radius: float | None = None
    hover_shadow_offset_x: float | None = None
    hover_shadow_offset_y: float | None = None
    hover_shadow_color: Any = None
    transition_time: float = 1.0
    ripple: bool = False
    cursor: (
        Literal[
            "default",
            "none",
            "help",
            "pointer",
            "loading",
            "background-loading",
            "crosshair",
            "text",
            "move",
            "not-allowed",
            "can-grab",
            "grabbed",
            "zoom-in",
            "zoom-out",
        ]
        | CursorStyle
    ) = "default"

    def __post_init__(self) -> None:
        for name in ("fill", "hover_fill", "cursor"):
            if name in self._values:
                self._serialize_field(name, getattr(self, name))

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name in ("fill", "hover_fill"):
            try:
                return fill_to_wire(value)
            except (TypeError, ValueError) as error:
                raise TypeError(
                    f"Rectangle.{name}: {error}. Pass a rio.Color, a fill"
                    " (rio.LinearGradientFill, rio.ImageFill...) or a colour"
                    " set name like 'primary'."
                ) from None
        if name == "cursor":
            # The page gets the CSS cursor.
            return cursor_to_css(value)
        return super()._serialize_field(name, value)

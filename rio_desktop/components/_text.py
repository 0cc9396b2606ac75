from __future__ import annotations

from dataclasses import KW_ONLY
from typing import TYPE_CHECKING, Any, Literal

from ..component import FundamentalComponent

if TYPE_CHECKING:
    from ..font import Font
    from ..theme import TextFill, TextStyle

__all__ = ["Text"]


class Text(FundamentalComponent):
    """Displays text.

    The look comes from `style` (a theme style's name or a `rio.TextStyle`);
    `font`, `fill`, `font_size`, `italic`, `font_weight`, `underlined`,
    `strikethrough` and `all_caps`, when not None, override the style's.

    Args:
        text: The text to show.
        selectable: Whether the user can select the text.
        style: "text", "heading1", "heading2", "heading3", "dim" or a
            `rio.TextStyle`.
        justify: Horizontal alignment of the lines.
        wrap: Older spelling of `overflow` (True: "wrap").
        overflow: "nowrap" (default), "wrap", or "ellipsize".
        font: A `rio.Font`.
        fill: A `rio.Color`, gradient fill or `rio.ImageFill`.
        font_size: In font-heights.
        italic, font_weight, underlined, strikethrough, all_caps: As in
            `rio.TextStyle`.

    Example:
        ```python
        rio.Text("Hello, world!", style="heading1", margin=1)
        rio.Text("Sale", font_weight="bold", fill=rio.Color.RED, all_caps=True)
        ```
    """

    _fundamental_type = "Text"

    text: str = ""
    _: KW_ONLY
    selectable: bool = True
    style: Literal["heading1", "heading2", "heading3", "text", "dim"] | TextStyle = (
        "text"
    )
    justify: Literal["left", "right", "center", "justify"] = "left"
    wrap: bool | Literal["ellipsize"] = False
    overflow: Literal["nowrap", "wrap", "ellipsize"] = "nowrap"
    font: Font | None = None
    fill: TextFill | None = None
    font_size: float | None = None
    italic: bool | None = None
    font_weight: Literal["normal", "bold"] | None = None
    underlined: bool | None = None
    strikethrough: bool | None = None
    all_caps: bool | None = None

    # No __post_init__ check: it would slow every Text down (long lists);
    # a bad style, font or fill is refused when the Text is sent.
    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "wrap":
            # Rio's older spelling of `overflow`.
            return {True: "wrap", "ellipsize": "ellipsize"}.get(value)
        if value is None:
            return None
        if name == "fill":
            from ..theme import _text_fill_to_wire

            return _text_fill_to_wire(value, "Text.fill")
        if name == "style":
            if isinstance(value, str):
                if value not in _STYLE_NAMES:
                    raise ValueError(
                        f"Text.style: {value!r} is not a style; use one of"
                        f" {', '.join(_STYLE_NAMES)} or a rio.TextStyle"
                    )
                return value
            from ..theme import TextStyle

            if not isinstance(value, TextStyle):
                raise TypeError(
                    f"Text.style takes a style name or a rio.TextStyle, got"
                    f" {type(value).__name__}"
                )
            return value._to_json()
        if name == "font":
            from ..font import Font

            if not isinstance(value, Font):
                raise TypeError(
                    f"Text.font takes a rio.Font, got {type(value).__name__};"
                    " write rio.Font(Path('MyFont.ttf'))"
                )
            return value._to_json()
        return super()._serialize_field(name, value)


_STYLE_NAMES = ("text", "heading1", "heading2", "heading3", "dim")

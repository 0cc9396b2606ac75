"""`Color`: an immutable RGBA colour, and the `ColorSet` names themes define.

Channels are floats from 0 to 1. Components take a `Color` or a `ColorSet`
name ("primary", "danger", ...) wherever they take a colour; on the wire a
`Color` becomes a CSS colour string and a name becomes the theme's CSS
variable.
"""

from __future__ import annotations

import colorsys
import math
from typing import Any, ClassVar, Literal, Union, get_args

__all__ = ["Color", "ColorSet", "COLOR_SET_NAMES", "color_to_css"]

#: A palette of the theme by name, or "keep" (use the surrounding colour).
ColorSetName = Literal[
    "primary",
    "secondary",
    "background",
    "neutral",
    "hud",
    "disabled",
    "success",
    "warning",
    "danger",
    "keep",
]
ColorSet = Union[ColorSetName, "Color"]

#: The palette names of a `Theme`, plus "keep".
COLOR_SET_NAMES: tuple[str, ...] = get_args(ColorSetName)


def _clamp(value: float) -> float:
    return 0.0 if value < 0 else 1.0 if value > 1 else float(value)


def _linear(channel: float) -> float:
    """sRGB channel -> linear light, as WCAG defines relative luminance."""
    if channel <= 0.04045:
        return channel / 12.92
    return ((channel + 0.055) / 1.055) ** 2.4


class Color:
    """An RGBA colour with channels from 0 to 1.

    Make one with `Color.from_hex`, `Color.from_rgb`, `Color.from_hsv` or
    `Color.from_grey`; derive others with `brighter`, `darker`, `blend`,
    `with_opacity`... Colours are immutable and compare by value.

    Example:
        ```python
        accent = rio.Color.from_hex("#0a6ebd")
        hover = accent.brighter(0.1)
        rio.Rectangle(fill=accent.with_opacity(0.5), min_height=2)
        ```
    """

    __slots__ = ("_red", "_green", "_blue", "_opacity")

    BLACK: ClassVar[Color]
    WHITE: ClassVar[Color]
    GREY: ClassVar[Color]
    RED: ClassVar[Color]
    GREEN: ClassVar[Color]
    BLUE: ClassVar[Color]
    YELLOW: ClassVar[Color]
    ORANGE: ClassVar[Color]
    PURPLE: ClassVar[Color]
    CYAN: ClassVar[Color]
    PINK: ClassVar[Color]
    TRANSPARENT: ClassVar[Color]

    def __init__(self, red: float, green: float, blue: float, opacity: float) -> None:
        # Prefer the from_* constructors; this one takes 0..1 floats.
        self._red = _clamp(red)
        self._green = _clamp(green)
        self._blue = _clamp(blue)
        self._opacity = _clamp(opacity)

    # --- constructors ------------------------------------------------------

    @classmethod
    def from_rgb(
        cls,
        red: float = 1.0,
        green: float = 1.0,
        blue: float = 1.0,
        opacity: float = 1.0,
    ) -> Color:
        """A colour from red, green, blue and opacity, each 0 to 1."""
        return cls(red, green, blue, opacity)

    @classmethod
    def from_hex(cls, hex_color: str) -> Color:
        """A colour from "#rgb", "#rgba", "#rrggbb" or "#rrggbbaa" (the # is optional).

        Raises:
            ValueError: if the string is not a hex colour.
        """
        text = hex_color.strip().removeprefix("#")
        if len(text) in (3, 4):
            text = "".join(ch * 2 for ch in text)
        if len(text) not in (6, 8) or any(
            ch not in "0123456789abcdefABCDEF" for ch in text
        ):
            raise ValueError(
                f"{hex_color!r} is not a hex colour; write it like '#1f6feb' or"
                " '#1f6feb80'"
            )
        values = [int(text[i : i + 2], 16) / 255 for i in range(0, len(text), 2)]
        if len(values) == 3:
            values.append(1.0)
        return cls(*values)

    @classmethod
    def from_hsv(
        cls, hue: float, saturation: float, value: float, opacity: float = 1.0
    ) -> Color:
        """A colour from hue, saturation and value, each 0 to 1."""
        red, green, blue = colorsys.hsv_to_rgb(hue % 1.0, saturation, value)
        return cls(red, green, blue, opacity)

    @classmethod
    def from_hsl(
        cls, hue: float, saturation: float, lightness: float, opacity: float = 1.0
    ) -> Color:
        """A colour from hue, saturation and lightness, each 0 to 1."""
        red, green, blue = colorsys.hls_to_rgb(hue % 1.0, lightness, saturation)
        return cls(red, green, blue, opacity)

    @classmethod
    def from_grey(cls, grey: float, opacity: float = 1.0) -> Color:
        """A grey: 0 is black, 1 is white."""
        return cls(grey, grey, grey, opacity)

    @classmethod
    def coerce(cls, value: Color | str) -> Color:
        """Return `value` as a Color; strings are read as hex colours."""
        if isinstance(value, Color):
            return value
        if isinstance(value, str):
            return cls.from_hex(value)
        raise TypeError(
            f"expected a rio.Color or a hex string like '#1f6feb', got"
            f" {type(value).__name__}"
        )

    # --- channels ----------------------------------------------------------

    @property
    def red(self) -> float:
        return self._red

    @property
    def green(self) -> float:
        return self._green

    @property
    def blue(self) -> float:
        return self._blue

    @property
    def opacity(self) -> float:
        return self._opacity

    @property
    def rgb(self) -> tuple[float, float, float]:
        return (self._red, self._green, self._blue)

    @property
    def rgba(self) -> tuple[float, float, float, float]:
        return (self._red, self._green, self._blue, self._opacity)

    @property
    def hsv(self) -> tuple[float, float, float]:
        return colorsys.rgb_to_hsv(*self.rgb)

    @property
    def hue(self) -> float:
        return self.hsv[0]

    @property
    def saturation(self) -> float:
        return self.hsv[1]

    @property
    def value(self) -> float:
        return self.hsv[2]

    @property
    def hex(self) -> str:
        """ "rrggbb", or "rrggbbaa" if not fully opaque (no leading #)."""
        channels = [self._red, self._green, self._blue]
        if self._opacity < 1:
            channels.append(self._opacity)
        return "".join(f"{round(c * 255):02x}" for c in channels)

    @property
    def luminance(self) -> float:
        """WCAG relative luminance, 0 (black) to 1 (white); opacity ignored."""
        red, green, blue = (_linear(c) for c in self.rgb)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    @property
    def perceived_brightness(self) -> float:
        """How bright the colour looks, 0 to 1."""
        return math.sqrt(
            0.299 * self._red**2 + 0.587 * self._green**2 + 0.114 * self._blue**2
        )

    def contrast_with(self, other: Color) -> float:
        """The WCAG contrast ratio (1 to 21) between two opaque colours.

        Text needs at least 4.5 against its background (WCAG AA).
        """
        a, b = self.luminance, other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)

    # --- derived colours --------------------------------------------------

    def replace(
        self,
        *,
        red: float | None = None,
        green: float | None = None,
        blue: float | None = None,
        opacity: float | None = None,
    ) -> Color:
        """A copy with some channels replaced."""
        return Color(
            self._red if red is None else red,
            self._green if green is None else green,
            self._blue if blue is None else blue,
            self._opacity if opacity is None else opacity,
        )

    def with_opacity(self, opacity: float) -> Color:
        """The same colour with another opacity (0 to 1)."""
        return self.replace(opacity=opacity)

    def blend(self, other: Color, factor: float) -> Color:
        """Mix with `other`: 0 gives self, 1 gives other, 0.5 halfway."""
        f = _clamp(factor)
        return Color(
            *(a + (b - a) * f for a, b in zip(self.rgba, other.rgba, strict=True)),
        )

    def brighter(self, amount: float) -> Color:
        """Move towards white by `amount` (0 to 1); negative moves darker."""
        if amount < 0:
            return self.darker(-amount)
        return self.blend(Color.WHITE.with_opacity(self._opacity), amount)

    def darker(self, amount: float) -> Color:
        """Move towards black by `amount` (0 to 1); negative moves brighter."""
        if amount < 0:
            return self.brighter(-amount)
        return self.blend(Color.BLACK.with_opacity(self._opacity), amount)

    def desaturated(self, amount: float) -> Color:
        """Remove `amount` (0 to 1) of the colour's saturation."""
        hue, saturation, value = self.hsv
        return Color.from_hsv(
            hue, saturation * (1 - _clamp(amount)), value, self._opacity
        )

    def best_text_color(
        self, dark: Color | None = None, light: Color | None = None
    ) -> Color:
        """The text colour (`dark` or `light`) that reads best on this colour.

        If neither of the given colours reaches WCAG AA (4.5:1), pure black or
        white is returned instead (one of them always does).
        """
        candidates = [c for c in (dark, light) if c is not None]
        best = max(candidates, key=self.contrast_with, default=None)
        if best is not None and self.contrast_with(best) >= 4.5:
            return best
        return max((Color.BLACK, Color.WHITE), key=self.contrast_with)

    # --- plumbing -----------------------------------------------------------

    def _to_json(self) -> str:
        return self.css

    @property
    def css(self) -> str:
        """The colour as a CSS colour string."""
        if self._opacity >= 1:
            return "#" + self.hex
        r, g, b = (round(c * 255) for c in self.rgb)
        return f"rgba({r}, {g}, {b}, {self._opacity:.3g})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Color):
            return NotImplemented
        return self.rgba == other.rgba

    def __hash__(self) -> int:
        return hash(self.rgba)

    def __repr__(self) -> str:
        return f"Color.from_hex({self.hex!r})"


Color.BLACK = Color(0, 0, 0, 1)
Color.WHITE = Color(1, 1, 1, 1)
Color.GREY = Color(0.5, 0.5, 0.5, 1)
Color.RED = Color.from_hex("#e5383b")
Color.GREEN = Color.from_hex("#2da44e")
Color.BLUE = Color.from_hex("#1f6feb")
Color.YELLOW = Color.from_hex("#f5c211")
Color.ORANGE = Color.from_hex("#f27a1a")
Color.PURPLE = Color.from_hex("#8250df")
Color.CYAN = Color.from_hex("#1bb7c9")
Color.PINK = Color.from_hex("#e85aad")
Color.TRANSPARENT = Color(0, 0, 0, 0)


def color_to_css(value: Any) -> Any:
    """A colour field's wire form: a Color becomes CSS, a set name stays.

    Raises:
        ValueError: for a string that is neither a colour set name nor hex.
    """
    if value is None or isinstance(value, Color):
        return None if value is None else value.css
    if isinstance(value, str):
        if value in COLOR_SET_NAMES:
            return value
        return Color.from_hex(value).css
    raise TypeError(
        f"expected a rio.Color or one of {', '.join(COLOR_SET_NAMES)}; got"
        f" {type(value).__name__}"
    )

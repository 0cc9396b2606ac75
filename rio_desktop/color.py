"""`Color`: an immutable colour with opacity, and the `ColorSet` names themes define.

Colours behave exactly like Rio 0.12's: they are kept in the Oklab colour
space, `from_rgb` and `rgb` speak *linear* RGB, while `from_hex`, `hex` and
`srgb` speak gamma-encoded sRGB (a plain 2.2 power, as in Rio). Components
take a `Color` or a `ColorSet` name ("primary", "danger", ...) wherever they
take a colour; on the wire a `Color` becomes a CSS colour string and a name
becomes the theme's CSS variable.
"""

from __future__ import annotations

import colorsys
from typing import Any, ClassVar, Literal, final, get_args

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

#: The palette names of a `Theme`, plus "keep".
COLOR_SET_NAMES: tuple[str, ...] = get_args(ColorSetName)

# Björn Ottosson's Oklab matrices (https://bottosson.github.io/posts/oklab/),
# with the 10-digit coefficients Rio uses, so results agree to the last bit.
_LMS_FROM_LINEAR = (
    (0.4122214708, 0.5363325363, 0.0514459929),
    (0.2119034982, 0.6806995451, 0.1073969566),
    (0.0883024619, 0.2817188376, 0.6299787005),
)
_LAB_FROM_LMS = (
    (0.2104542553, 0.7936177850, -0.0040720468),
    (1.9779984951, -2.4285922050, 0.4505937099),
    (0.0259040371, 0.7827717662, -0.8086757660),
)
_LMS_FROM_LAB = (
    (0.3963377774, 0.2158037573),
    (-0.1055613458, -0.0638541728),
    (-0.0894841775, -1.2914855480),
)
_LINEAR_FROM_LMS = (
    (4.0767416621, -3.3077115913, 0.2309699292),
    (-1.2684380046, 2.6097574011, -0.3413193965),
    (-0.0041960863, -0.7034186147, 1.7076147010),
)

_GAMMA = 2.2
_INVERSE_GAMMA = 1 / 2.2


def _unit(value: float) -> float:
    """`value` limited to 0..1."""
    return 0.0 if value < 0 else 1.0 if value > 1 else value


def _half(value: float) -> float:
    """`value` limited to -0.5..0.5."""
    return -0.5 if value < -0.5 else 0.5 if value > 0.5 else value


def _dot(row: tuple[float, float, float], x: float, y: float, z: float) -> float:
    return row[0] * x + row[1] * y + row[2] * z


def _oklab_from_linear(r: float, g: float, b: float) -> tuple[float, float, float]:
    cube_roots = [_dot(row, r, g, b) ** (1 / 3) for row in _LMS_FROM_LINEAR]
    return tuple(_dot(row, *cube_roots) for row in _LAB_FROM_LMS)  # type: ignore[return-value]


def _linear_from_oklab(lum: float, a: float, b: float) -> tuple[float, float, float]:
    lms = []
    for ka, kb in _LMS_FROM_LAB:
        root = lum + ka * a + kb * b
        lms.append(root * root * root)
    # Oklab reaches beyond what RGB can show: such colours are clipped.
    return tuple(_unit(_dot(row, *lms)) for row in _LINEAR_FROM_LMS)  # type: ignore[return-value]


def _check(name: str, value: float, low: float = 0.0, high: float = 1.0) -> None:
    if not low <= value <= high:
        raise ValueError(f"`{name}` must be between {low} and {high}, not {value}")


def _css_number(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


@final
class Color:
    """A colour, optionally with an opacity.

    Make one with `Color.from_hex`, `Color.from_rgb`, `Color.from_hsv`,
    `Color.from_gray` or `Color.from_oklab` (calling `Color(...)` directly
    is an error); derive others with `brighter`, `darker`, `desaturated`,
    `blend` and `replace`. Colours are immutable and compare by value.

    As in Rio, colours live in the Oklab colour space. `from_rgb` and `rgb`
    use linear RGB; `from_hex`, `hex` and `srgb` use sRGB, the encoding of
    hex colours and CSS. So `Color.from_rgb(0.2, 0.4, 0.6).hex` is
    `"7ba8ca"`; pass `srgb=True` to give sRGB values to `from_rgb`.

    Example:
        ```python
        accent = rio.Color.from_hex("#0a6ebd")
        hover = accent.brighter(0.1)
        rio.Rectangle(fill=accent.replace(opacity=0.5), min_height=2)
        ```
    """

    __slots__ = ("_l", "_a", "_b", "_opacity", "_css")
    _l: float  # Oklab lightness, a and b
    _a: float
    _b: float
    _opacity: float
    _css: str | None  # made on first use

    BLACK: ClassVar[Color]
    GRAY: ClassVar[Color]
    GREY: ClassVar[Color]
    WHITE: ClassVar[Color]
    RED: ClassVar[Color]
    GREEN: ClassVar[Color]
    BLUE: ClassVar[Color]
    CYAN: ClassVar[Color]
    MAGENTA: ClassVar[Color]
    YELLOW: ClassVar[Color]
    PINK: ClassVar[Color]
    PURPLE: ClassVar[Color]
    ORANGE: ClassVar[Color]
    TRANSPARENT: ClassVar[Color]

    def __init__(self) -> None:
        raise RuntimeError(
            "Don't call rio.Color() directly: use Color.from_rgb, from_hex,"
            " from_hsv, from_gray or from_oklab"
        )

    @classmethod
    def _new(cls, lum: float, a: float, b: float, opacity: float) -> Color:
        self = object.__new__(cls)
        self._l = lum
        self._a = a
        self._b = b
        self._opacity = opacity
        self._css = None
        return self

    # --- constructors ------------------------------------------------------

    @classmethod
    def from_oklab(cls, l: float, a: float, b: float, opacity: float = 1.0) -> Color:  # noqa: E741
        """A colour from Oklab values: `l` 0 to 1, `a` and `b` -0.5 to 0.5.

        Raises:
            ValueError: if a value is out of its range.
        """
        _check("l", l)
        _check("a", a, -0.5, 0.5)
        _check("b", b, -0.5, 0.5)
        _check("opacity", opacity)
        return cls._new(l, a, b, opacity)

    @classmethod
    def from_rgb(
        cls,
        red: float = 1.0,
        green: float = 1.0,
        blue: float = 1.0,
        opacity: float = 1.0,
        srgb: bool = False,
    ) -> Color:
        """A colour from red, green, blue and opacity, each 0 to 1.

        The channels are linear RGB, unless `srgb` is true (then they are
        read as sRGB, like the digits of a hex colour).

        Raises:
            ValueError: if a value is outside 0 to 1.
        """
        _check("red", red)
        _check("green", green)
        _check("blue", blue)
        _check("opacity", opacity)
        if srgb:
            red, green, blue = red**_GAMMA, green**_GAMMA, blue**_GAMMA
        return cls.from_oklab(*_oklab_from_linear(red, green, blue), opacity)

    @classmethod
    def from_hex(cls, hex_color: str, srgb: bool = True) -> Color:
        """A colour from "rgb", "rgba", "rrggbb" or "rrggbbaa", with or without "#".

        The digits are sRGB unless `srgb` is false (then linear RGB).

        Raises:
            ValueError: if the string is not a hex colour.
        """
        digits = hex_color.removeprefix("#")
        if len(digits) not in (3, 4, 6, 8) or any(
            ch not in "0123456789abcdefABCDEF" for ch in digits
        ):
            raise ValueError(
                f"{hex_color!r} is not a hex colour; write it like '#1f6feb' or"
                " '#1f6feb80'"
            )
        width = 1 if len(digits) < 6 else 2
        full = 15 if width == 1 else 255
        values = [
            int(digits[i : i + width], 16) / full for i in range(0, len(digits), width)
        ]
        if len(values) == 3:
            values.append(1.0)
        red, green, blue, opacity = values
        return cls.from_rgb(red, green, blue, opacity, srgb=srgb)

    @classmethod
    def from_hsv(
        cls, hue: float, saturation: float, value: float, opacity: float = 1.0
    ) -> Color:
        """A colour from hue, saturation and value, each 0 to 1 (of linear RGB).

        Raises:
            ValueError: if a value is outside 0 to 1.
        """
        _check("hue", hue)
        _check("saturation", saturation)
        _check("value", value)
        return cls.from_rgb(*colorsys.hsv_to_rgb(hue, saturation, value), opacity)

    @classmethod
    def from_hsl(
        cls, hue: float, saturation: float, lightness: float, opacity: float = 1.0
    ) -> Color:
        """A colour from hue, saturation and lightness, each 0 to 1 (of linear RGB).

        Not in Rio; kept for code written for earlier rio_desktop versions.

        Raises:
            ValueError: if a value is outside 0 to 1.
        """
        _check("hue", hue)
        _check("saturation", saturation)
        _check("lightness", lightness)
        return cls.from_rgb(*colorsys.hls_to_rgb(hue, lightness, saturation), opacity)

    @classmethod
    def from_gray(cls, gray: float, opacity: float = 1.0) -> Color:
        """A grey as bright as `gray` looks: 0 is black, 1 is white (Oklab lightness).

        Raises:
            ValueError: if a value is outside 0 to 1.
        """
        _check("gray", gray)
        return cls.from_oklab(gray, 0.0, 0.0, opacity)

    @classmethod
    def from_grey(cls, grey: float, opacity: float = 1.0) -> Color:
        """The same as `from_gray` (Rio's older spelling)."""
        _check("grey", grey)
        return cls.from_oklab(grey, 0.0, 0.0, opacity)

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
    def oklab(self) -> tuple[float, float, float]:
        """Oklab lightness (0 to 1) and the a, b axes (-0.5 to 0.5)."""
        return (self._l, self._a, self._b)

    @property
    def oklaba(self) -> tuple[float, float, float, float]:
        """`oklab` plus the opacity."""
        return (self._l, self._a, self._b, self._opacity)

    @property
    def rgb(self) -> tuple[float, float, float]:
        """Linear-light red, green and blue, each 0 to 1 (not sRGB)."""
        return _linear_from_oklab(self._l, self._a, self._b)

    @property
    def rgba(self) -> tuple[float, float, float, float]:
        """`rgb` plus the opacity."""
        return (*self.rgb, self._opacity)

    @property
    def red(self) -> float:
        """Linear red, 0 to 1 (Rio deprecates it for `rgb[0]`)."""
        return self.rgb[0]

    @property
    def green(self) -> float:
        """Linear green, 0 to 1 (Rio deprecates it for `rgb[1]`)."""
        return self.rgb[1]

    @property
    def blue(self) -> float:
        """Linear blue, 0 to 1 (Rio deprecates it for `rgb[2]`)."""
        return self.rgb[2]

    @property
    def opacity(self) -> float:
        """0 is fully transparent, 1 fully opaque."""
        return self._opacity

    @property
    def srgb(self) -> tuple[float, float, float]:
        """Gamma-encoded red, green and blue, each 0 to 1, as in hex and CSS."""
        r, g, b = self.rgb
        return (r**_INVERSE_GAMMA, g**_INVERSE_GAMMA, b**_INVERSE_GAMMA)

    @property
    def srgba(self) -> tuple[float, float, float, float]:
        """`srgb` plus the opacity."""
        return (*self.srgb, self._opacity)

    @property
    def hsv(self) -> tuple[float, float, float]:
        """Hue, saturation and value of the linear RGB, each 0 to 1."""
        return colorsys.rgb_to_hsv(*self.rgb)

    @property
    def hue(self) -> float:
        """`hsv[0]`."""
        return self.hsv[0]

    @property
    def saturation(self) -> float:
        """`hsv[1]`."""
        return self.hsv[1]

    @property
    def value(self) -> float:
        """`hsv[2]`."""
        return self.hsv[2]

    @property
    def perceived_brightness(self) -> float:
        """How bright the colour looks, 0 to 1 (its Oklab lightness)."""
        return self._l

    @property
    def hex(self) -> str:
        """ "rrggbb" in sRGB, without "#" and without the opacity."""
        return "".join(f"{int(round(c * 255)):02x}" for c in self.srgb)

    @property
    def hexa(self) -> str:
        """ "rrggbbaa" in sRGB, without "#"."""
        return self.hex + f"{int(round(self._opacity * 255)):02x}"

    @property
    def as_plotly(self) -> str:
        """The colour as a Plotly colour string."""
        r, g, b = (int(round(c * 255)) for c in self.srgb)
        return f"rgba({r}, {g}, {b}, {self._opacity})"

    @property
    def luminance(self) -> float:
        """WCAG relative luminance of the colour on screen, 0 (black) to 1.

        Not in Rio. Opacity is ignored.
        """

        def linear(channel: float) -> float:
            if channel <= 0.04045:
                return channel / 12.92
            return ((channel + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(c) for c in self.srgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast_with(self, other: Color) -> float:
        """The WCAG contrast ratio (1 to 21) between two opaque colours.

        Text needs at least 4.5 against its background (WCAG AA). Not in Rio.
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
        """A copy with some linear RGB channels or the opacity replaced.

        Raises:
            ValueError: if a value is outside 0 to 1.
        """
        # Like Rio, always through linear RGB, so the values match Rio's.
        r, g, b = self.rgb
        return Color.from_rgb(
            r if red is None else red,
            g if green is None else green,
            b if blue is None else blue,
            self._opacity if opacity is None else opacity,
        )

    def with_opacity(self, opacity: float) -> Color:
        """The same colour with another opacity (0 to 1). Not in Rio."""
        return self.replace(opacity=opacity)

    def blend(self, other: Color, factor: float) -> Color:
        """Mix with `other` in Oklab: 0 gives self, 1 gives other.

        Factors outside 0..1 extrapolate; the result is clipped to valid values.
        """
        keep = 1 - factor
        return Color._new(
            _unit(self._l * keep + other._l * factor),
            _half(self._a * keep + other._a * factor),
            _half(self._b * keep + other._b * factor),
            _unit(self._opacity * keep + other._opacity * factor),
        )

    def brighter(self, amount: float) -> Color:
        """Lighter by `amount`: 0 changes nothing, 1 gives white.

        A negative amount makes it darker instead.

        Raises:
            ValueError: if `amount` is greater than 1.
        """
        if amount < 0:
            return self.darker(-amount)
        if amount > 1:
            raise ValueError(f"`amount` must be at most 1, not {amount}")
        # The square root makes small amounts visible, as in Rio.
        lum = self._l + (1 - self._l) * amount**0.5
        hue, saturation, _ = self.hsv
        brightest = Color.from_hsv(hue, saturation, 1.0)._l
        if lum <= brightest:
            return Color.from_oklab(lum, self._a, self._b, self._opacity)
        # Lighter than this hue can be: give up saturation instead, which
        # fades towards white.
        keep = 1 - (lum - brightest) / (1 - brightest)
        return Color.from_oklab(lum, self._a * keep, self._b * keep, self._opacity)

    def darker(self, amount: float) -> Color:
        """Darker by `amount`: 0 changes nothing, 1 gives black.

        A negative amount makes it brighter instead.

        Raises:
            ValueError: if `amount` is greater than 1.
        """
        if amount < 0:
            return self.brighter(-amount)
        if amount > 1:
            raise ValueError(f"`amount` must be at most 1, not {amount}")
        return Color.from_oklab(self._l * (1 - amount), self._a, self._b, self._opacity)

    def desaturated(self, amount: float = 1.0) -> Color:
        """Less saturated by `amount`: 0 changes nothing, 1 gives a grey.

        Raises:
            ValueError: if `amount` is outside 0 to 1.
        """
        _check("amount", amount)
        keep = 1 - amount
        return Color.from_oklab(self._l, self._a * keep, self._b * keep, self._opacity)

    def best_text_color(
        self, dark: Color | None = None, light: Color | None = None
    ) -> Color:
        """The text colour (`dark` or `light`) that reads best on this colour.

        If neither of the given colours reaches WCAG AA (4.5:1), pure black or
        white is returned instead (one of them always does). Not in Rio.
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
        """The colour as a CSS colour string, as the page draws it.

        Rio's page writes `rgba(r*255, g*255, b*255, opacity)` of the sRGB
        values; browsers round those channels to whole numbers, half up, so
        "#rrggbb" (or rgba with whole channels) draws the same pixels.
        """
        css = self._css
        if css is None:
            r, g, b = (int(c * 255 + 0.5) for c in self.srgb)
            if self._opacity >= 1:
                css = f"#{r:02x}{g:02x}{b:02x}"
            else:
                css = f"rgba({r}, {g}, {b}, {_css_number(self._opacity)})"
            self._css = css
        return css

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Color):
            return NotImplemented
        return self.oklaba == other.oklaba

    def __hash__(self) -> int:
        return hash(self.oklaba)

    def __repr__(self) -> str:
        return f"<Color #{self.hexa}>"

    def __reduce__(self) -> tuple[Any, ...]:
        # Colours have no usable __init__; copy and pickle through from_oklab.
        return (Color.from_oklab, self.oklaba)


Color.BLACK = Color.from_rgb(0.0, 0.0, 0.0)
Color.GRAY = Color.from_rgb(0.5, 0.5, 0.5)
Color.GREY = Color.GRAY
Color.WHITE = Color.from_rgb(1.0, 1.0, 1.0)
Color.RED = Color.from_rgb(1.0, 0.0, 0.0)
Color.GREEN = Color.from_rgb(0.0, 1.0, 0.0)
Color.BLUE = Color.from_rgb(0.0, 0.0, 1.0)
Color.CYAN = Color.from_rgb(0.0, 1.0, 1.0)
Color.MAGENTA = Color.from_rgb(1.0, 0.0, 1.0)
Color.YELLOW = Color.from_rgb(1.0, 1.0, 0.0)
Color.PINK = Color.MAGENTA  # as in Rio
Color.PURPLE = Color.from_rgb(0.5, 0.0, 0.5)
Color.ORANGE = Color.from_rgb(1.0, 0.5, 0.0)
Color.TRANSPARENT = Color.from_rgb(0.0, 0.0, 0.0, 0.0)

#: A `Color`, or a colour of the theme by name (see `ColorSetName`).
ColorSet = Color | ColorSetName


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

"""Theme: the colours, shapes and text styles the page is drawn with.

A `Theme` holds one `Palette` per colour set (primary, secondary, background,
neutral, hud, disabled, success, warning, danger), corner radii, fonts and
`TextStyle`s. `Theme.from_colors` derives all of it from a few colours with
the same rules (and so the same numbers) as Rio. `_css_variables()` turns a
theme into the CSS custom properties the page uses; `session.theme = ...`
sends them again, so re-theming is live.

CSS variables (all components read these):

- ``--rio-<set>``: the set's background, e.g. ``--rio-primary``;
- ``--rio-<set>-fg``, ``--rio-<set>-variant``, ``--rio-<set>-active``;
- ``--rio-text``, ``--rio-text-dim``, ``--rio-on-primary`` (older names);
- ``--rio-radius-small|medium|large``, ``--rio-font``, ``--rio-mono-font``;
- ``--rio-<style>-size|weight|italic|font|decoration|transform`` and the
  fill as ``--rio-<style>-fill`` (a colour) or
  ``-background|clip|text-fill`` (gradients, images) for heading1-3, text
  and dim;
- ``@font-face`` and ``@fills`` are not CSS: `webui/theme.js` loads the
  theme's font files and turns image fills into CSS.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any, Literal

from .color import COLOR_SET_NAMES, Color
from .fills import (
    Fill,
    FrostedGlassFill,
    ImageFill,
    LinearGradientFill,
    RadialGradientFill,
    SolidFill,
    fill_to_wire,
)
from .font import Font

__all__ = ["Palette", "TextStyle", "Theme"]

#: The palettes every theme has (the colour sets but "keep").
PALETTE_NAMES: tuple[str, ...] = tuple(n for n in COLOR_SET_NAMES if n != "keep")

#: What text can be painted with.
TextFill = SolidFill | LinearGradientFill | RadialGradientFill | ImageFill | Color

_STYLE_FIELDS = (
    "font",
    "fill",
    "font_size",
    "italic",
    "font_weight",
    "underlined",
    "strikethrough",
    "all_caps",
)


class _Unset:
    def __repr__(self) -> str:
        return "NOT_GIVEN"


_UNSET: Any = _Unset()


@dataclass(frozen=True)
class TextStyle:
    """How text looks: font, fill, size, weight, slant, decorations, caps.

    Every attribute is optional: one left as None keeps what the text would
    have had without this style (the theme's text style, or the context's).

    Example:
        ```python
        rio.Text("Warning", style=rio.TextStyle(fill=rio.Color.RED, font_weight="bold"))
        ```
    """

    _: dataclasses.KW_ONLY
    font: Font | None = None
    fill: TextFill | None = None
    font_size: float | None = None
    italic: bool | None = None
    font_weight: Literal["normal", "bold"] | None = None
    underlined: bool | None = None
    strikethrough: bool | None = None
    all_caps: bool | None = None

    def __post_init__(self) -> None:
        if self.font is not None and not isinstance(self.font, Font):
            raise TypeError(
                f"TextStyle.font takes a rio.Font, got {type(self.font).__name__};"
                " for a font installed on the system write"
                " rio.Font(Path('MyFont.ttf'))"
            )
        if self.fill is not None:
            _text_fill_to_wire(self.fill, "TextStyle.fill")

    def replace(
        self,
        *,
        font: Font | None = _UNSET,
        fill: TextFill | None = _UNSET,
        font_size: float | None = _UNSET,
        italic: bool | None = _UNSET,
        font_weight: Literal["normal", "bold"] | None = _UNSET,
        underlined: bool | None = _UNSET,
        strikethrough: bool | None = _UNSET,
        all_caps: bool | None = _UNSET,
    ) -> TextStyle:
        """A copy with the given attributes changed (None included)."""
        given = locals()
        changes = {
            name: given[name] for name in _STYLE_FIELDS if given[name] is not _UNSET
        }
        return dataclasses.replace(self, **changes)

    def _merged_with(self, other: TextStyle) -> TextStyle:
        """`other`'s attributes where set, else this style's."""
        return dataclasses.replace(
            self,
            **{
                name: getattr(other, name)
                for name in _STYLE_FIELDS
                if getattr(other, name) is not None
            },
        )

    def _to_json(self) -> dict[str, Any]:
        return {
            "font": None if self.font is None else self.font._to_json(),
            "fill": None
            if self.fill is None
            else _text_fill_to_wire(self.fill, "TextStyle.fill"),
            "font_size": self.font_size,
            "italic": self.italic,
            "font_weight": self.font_weight,
            "underlined": self.underlined,
            "strikethrough": self.strikethrough,
            "all_caps": self.all_caps,
        }


def _text_fill_to_wire(value: Any, owner: str) -> Any:
    if isinstance(value, FrostedGlassFill):
        raise TypeError(
            f"{owner}: text cannot be frosted glass; use a rio.Color or a"
            " gradient, and put the text on a rio.Rectangle with the"
            " FrostedGlassFill"
        )
    try:
        return fill_to_wire(value)
    except (TypeError, ValueError) as error:
        raise TypeError(
            f"{owner}: {error}. Pass a rio.Color, a SolidFill, a gradient fill"
            " or an ImageFill."
        ) from None


# --- deriving colours ---------------------------------------------------------


def _derive(
    color: Color,
    offset: float,
    *,
    bias: float = 0.0,
    target: Color | None = None,
) -> Color:
    """A colour related to `color`, `offset` (0..1) away from it.

    Without `target` it is brighter or darker, whichever the colour has room
    for (`bias` -1..1 leans to darker / brighter); with a target it is mixed
    towards the target.
    """
    if not 0 <= offset <= 1:
        raise ValueError(
            f"a palette's colours are derived with offsets from 0 to 1; got"
            f" {offset} (lower `contrast`)"
        )
    if target is not None:
        return color.blend(target, offset)
    if color.perceived_brightness <= 0.5 + 0.5 * bias:
        return color.brighter(offset)
    return color.darker(offset)


@dataclass(init=False)
class Palette:
    """The colours of one colour set: a background and what is drawn on it.

    Colours not given are derived from `background`. `background_variant` is
    for hover and inputs, `background_active` for pressed or selected states,
    `foreground` for text and icons.

    Args:
        background: The palette's main colour.
        background_variant, background_active, foreground: Derived when None.
        contrast: How far the derived backgrounds move from `background`
            (1 is the default, less is subtler).
        target_color: Derive the backgrounds by mixing in this colour instead
            of brightening / darkening.
    """

    background: Color
    background_variant: Color
    background_active: Color
    foreground: Color

    def __init__(
        self,
        background: Color,
        *,
        background_variant: Color | None = None,
        background_active: Color | None = None,
        foreground: Color | None = None,
        contrast: float = 1,
        target_color: Color | None = None,
    ) -> None:
        background = Color.coerce(background)
        self.background = background
        self.background_variant = (
            _derive(background, 0.1 * contrast, bias=-0.3, target=target_color)
            if background_variant is None
            else Color.coerce(background_variant)
        )
        self.background_active = (
            _derive(background, 0.2 * contrast, bias=-0.3, target=target_color)
            if background_active is None
            else Color.coerce(background_active)
        )
        self.foreground = (
            _derive(background, 0.8) if foreground is None else Color.coerce(foreground)
        )

    @staticmethod
    def from_color(
        color: Color, *, offset: float = 1, target_color: Color | None = None
    ) -> Palette:
        """Older spelling of `Palette(color, contrast=offset, target_color=...)`."""
        return Palette(color, contrast=offset, target_color=target_color)


def _colorful(color: Color) -> Palette:
    """The palette of an accent or status colour."""
    return Palette(
        color,
        background_variant=_derive(color, 0.1, bias=-0.4),
        background_active=_derive(color, 0.2, bias=0.6),
        foreground=_derive(color, 0.75, bias=0.6),
    )


def _light_to_mode(function: Any) -> Any:
    """Accept Rio's older `light=True|False` in place of `mode=`."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if "light" in kwargs:
            if "mode" in kwargs:
                raise TypeError("pass either mode= or light=, not both")
            kwargs["mode"] = "light" if kwargs.pop("light") else "dark"
        return function(*args, **kwargs)

    return wrapper


def _color_or(value: Color | str | None, default: Color) -> Color:
    return default if value is None else Color.coerce(value)


@dataclass(frozen=True)
class Theme:
    """The look of an app: palettes, corner radii, fonts and text styles.

    Make one with `Theme.from_colors(...)`, or a light and dark pair with
    `Theme.pair_from_colors(...)` and let the app follow the user's system
    setting.

    Example:
        ```python
        app = rio.App(
            build=MyRoot,
            theme=rio.Theme.pair_from_colors(primary_color=rio.Color.from_hex("#0a6ebd")),
        )
        ```
    """

    _: dataclasses.KW_ONLY
    primary_palette: Palette
    secondary_palette: Palette
    background_palette: Palette
    neutral_palette: Palette
    hud_palette: Palette
    disabled_palette: Palette
    success_palette: Palette
    warning_palette: Palette
    danger_palette: Palette
    corner_radius_small: float = 0.4
    corner_radius_medium: float = 0.8
    corner_radius_large: float = 1.8
    shadow_color: Color = dataclasses.field(
        default_factory=lambda: Color.from_rgb(0.1, 0.1, 0.2, 0.5)
    )
    monospace_font: Font = Font.ROBOTO_MONO
    heading1_style: TextStyle = TextStyle()
    heading2_style: TextStyle = TextStyle()
    heading3_style: TextStyle = TextStyle()
    text_style: TextStyle = TextStyle()

    def __post_init__(self) -> None:
        # Styles given with attributes left None take the defaults, so every
        # attribute of a theme's style is set (as in Rio).
        base = TextStyle(
            font=Font.ROBOTO,
            fill=self.background_palette.foreground,
            font_size=1.0,
            italic=False,
            font_weight="normal",
            underlined=False,
            strikethrough=False,
            all_caps=False,
        )
        sizes = {"heading1": 2.3, "heading2": 1.7, "heading3": 1.2, "text": 1.0}
        for name, size in sizes.items():
            given: TextStyle = getattr(self, f"{name}_style")
            full = base.replace(font_size=size)._merged_with(given)
            object.__setattr__(self, f"{name}_style", full)

    # --- construction -----------------------------------------------------

    @classmethod
    @_light_to_mode
    def from_colors(
        cls,
        *,
        primary_color: Color | None = None,
        secondary_color: Color | None = None,
        background_color: Color | None = None,
        neutral_color: Color | None = None,
        hud_color: Color | None = None,
        disabled_color: Color | None = None,
        success_color: Color | None = None,
        warning_color: Color | None = None,
        danger_color: Color | None = None,
        corner_radius_small: float = 0.4,
        corner_radius_medium: float = 0.8,
        corner_radius_large: float = 1.8,
        heading_fill: Literal["primary", "plain", "auto"] | TextFill = "auto",
        text_color: Color | None = None,
        font: Font = Font.ROBOTO,
        heading_font: Font | None = None,
        monospace_font: Font = Font.ROBOTO_MONO,
        mode: Literal["light", "dark"] = "light",
    ) -> Theme:
        """A theme around the given colours; the rest are derived from them.

        Colours are `rio.Color`s (hex strings work too). The derived colours
        are the same as Rio's.

        Args:
            primary_color: The main accent; tints backgrounds and headings.
            secondary_color: A second accent, used by buttons and switches.
            background_color: The page's background.
            neutral_color: Cards and other large surfaces.
            hud_color: Tooltips and other overlays.
            disabled_color: Components that are switched off.
            success_color, warning_color, danger_color: Status colours.
            corner_radius_small, corner_radius_medium, corner_radius_large:
                In font-heights.
            heading_fill: "primary" (the primary colour), "plain" (the text
                colour), "auto" (primary unless too close to the background)
                or any text fill, e.g. a `rio.LinearGradientFill`.
            text_color: Text on the background and neutral palettes.
            font: The font of all text; heading_font: of headings (default:
                `font`); monospace_font: of code.
            mode: "light" or "dark": which defaults to start from. (`light=`
                True/False, Rio's older spelling, works too.)
        """
        if mode not in ("light", "dark"):
            raise ValueError(f"mode must be 'light' or 'dark', not {mode!r}")
        for name, value in (
            ("font", font),
            ("heading_font", heading_font),
            ("monospace_font", monospace_font),
        ):
            if value is not None and not isinstance(value, Font):
                raise TypeError(
                    f"Theme.from_colors {name}= takes a rio.Font, got"
                    f" {type(value).__name__}; write rio.Font(Path('MyFont.ttf'))"
                )
        light = mode == "light"
        primary = _color_or(primary_color, Color.from_hex("01dffd"))
        secondary = _color_or(secondary_color, Color.from_hex("0083ff"))
        background = _color_or(
            background_color,
            Color.from_rgb(0.96, 0.96, 0.93) if light else Color.from_grey(0.1),
        )
        bright = background.perceived_brightness > 0.5
        text = _color_or(text_color, Color.from_grey(0.3 if bright else 0.9))
        neutral = _color_or(
            neutral_color, _derive(background, 0.04).blend(primary, 0.06)
        )
        background_palette = Palette(
            background,
            background_variant=neutral,
            background_active=background.blend(primary, 0.25),
            foreground=text,
        )
        neutral_palette = Palette(
            neutral,
            background_variant=neutral.blend(primary, 0.15),
            background_active=neutral.blend(primary, 0.25),
            foreground=text,
        )
        hud = _color_or(hud_color, Color.from_grey(0.15 if light else 0.02))
        hud_palette = Palette(
            hud,
            background_variant=_derive(hud, 0.08),
            background_active=_derive(hud, 0.15),
            foreground=Color.from_grey(0.1 if hud.perceived_brightness > 0.5 else 0.9),
        )
        disabled = _color_or(disabled_color, neutral.blend(text, 0.35).desaturated(0.3))
        disabled_palette = Palette(
            disabled,
            background_variant=disabled.blend(neutral, 0.35),
            background_active=disabled.blend(neutral, 0.5),
            foreground=_derive(disabled, 0.3),
        )

        if isinstance(heading_fill, str) and heading_fill == "auto":
            distance = abs(
                primary.perceived_brightness - background.perceived_brightness
            )
            heading_fill = "primary" if distance > 0.3 else "plain"
        if isinstance(heading_fill, str) and heading_fill == "primary":
            heading: Any = primary
        elif isinstance(heading_fill, str) and heading_fill == "plain":
            heading = text
        elif isinstance(heading_fill, (Color, Fill)):
            _text_fill_to_wire(heading_fill, "Theme.from_colors heading_fill")
            heading = heading_fill
        else:
            raise TypeError(
                f"heading_fill takes 'primary', 'plain', 'auto', a rio.Color or a"
                f" fill; got {heading_fill!r}"
            )
        heading1 = TextStyle(
            font=heading_font or font,
            fill=heading,
            font_size=2.3,
            italic=False,
            font_weight="normal",
            underlined=False,
            strikethrough=False,
            all_caps=False,
        )
        return cls(
            primary_palette=_colorful(primary),
            secondary_palette=_colorful(secondary),
            background_palette=background_palette,
            neutral_palette=neutral_palette,
            hud_palette=hud_palette,
            disabled_palette=disabled_palette,
            success_palette=_colorful(
                _color_or(success_color, Color.from_hex("1e8e3e"))
            ),
            warning_palette=_colorful(
                _color_or(warning_color, Color.from_hex("f9a825"))
            ),
            danger_palette=_colorful(_color_or(danger_color, Color.from_hex("b3261e"))),
            corner_radius_small=corner_radius_small,
            corner_radius_medium=corner_radius_medium,
            corner_radius_large=corner_radius_large,
            shadow_color=Color.from_rgb(0.1, 0.1, 0.2, 0.5) if light else Color.BLACK,
            monospace_font=monospace_font,
            heading1_style=heading1,
            heading2_style=heading1.replace(font_size=1.7),
            heading3_style=heading1.replace(font_size=1.2),
            text_style=heading1.replace(font=font, font_size=1.0, fill=text),
        )

    @classmethod
    def pair_from_colors(
        cls,
        *,
        primary_color: Color | None = None,
        secondary_color: Color | None = None,
        background_color: Color | None = None,
        neutral_color: Color | None = None,
        hud_color: Color | None = None,
        disabled_color: Color | None = None,
        success_color: Color | None = None,
        warning_color: Color | None = None,
        danger_color: Color | None = None,
        corner_radius_small: float = 0.4,
        corner_radius_medium: float = 0.8,
        corner_radius_large: float = 1.8,
        text_color: Color | tuple[Color | None, Color | None] | None = None,
        font: Font = Font.ROBOTO,
        heading_font: Font | None = None,
        monospace_font: Font = Font.ROBOTO_MONO,
        heading_fill: Literal["primary", "plain", "auto"] | TextFill = "auto",
    ) -> tuple[Theme, Theme]:
        """A (light, dark) pair; `App(theme=pair)` follows the OS's setting.

        Takes the arguments of `from_colors` but `mode`; `text_color` may be
        a (light, dark) pair.
        """
        options = dict(locals())
        del options["cls"]
        texts = options.pop("text_color")
        if not isinstance(texts, tuple):
            texts = (texts, texts)
        light_text, dark_text = texts
        return (
            cls.from_colors(mode="light", text_color=light_text, **options),
            cls.from_colors(mode="dark", text_color=dark_text, **options),
        )

    # --- convenience ------------------------------------------------------

    def text_color_for(self, color: Color) -> Color:
        """A colour for text that is legible on `color`."""
        return _derive(Color.coerce(color), 0.8)

    @property
    def is_light_theme(self) -> bool:
        """Whether the background is bright (derived, not stored)."""
        return self.background_palette.background.perceived_brightness >= 0.5

    def palette(self, name: str) -> Palette:
        """The palette of a colour set name ("primary", "danger", ...)."""
        if name not in PALETTE_NAMES:
            raise ValueError(
                f"{name!r} is not a colour set; use one of {', '.join(PALETTE_NAMES)}"
            )
        return getattr(self, f"{name}_palette")

    @property
    def primary_color(self) -> Color:
        return self.primary_palette.background

    @property
    def secondary_color(self) -> Color:
        return self.secondary_palette.background

    @property
    def background_color(self) -> Color:
        return self.background_palette.background

    @property
    def neutral_color(self) -> Color:
        return self.neutral_palette.background

    @property
    def hud_color(self) -> Color:
        return self.hud_palette.background

    @property
    def disabled_color(self) -> Color:
        return self.disabled_palette.background

    @property
    def success_color(self) -> Color:
        return self.success_palette.background

    @property
    def warning_color(self) -> Color:
        return self.warning_palette.background

    @property
    def danger_color(self) -> Color:
        return self.danger_palette.background

    @property
    def text_color(self) -> Color:
        """The colour of text on the background."""
        return self.background_palette.foreground

    @property
    def font(self) -> Font:
        """The font of regular text."""
        assert self.text_style.font is not None
        return self.text_style.font

    def replace(self, **changes: Any) -> Theme:
        """A copy with some attributes changed."""
        return dataclasses.replace(self, **changes)

    # --- the page --------------------------------------------------------

    def _css_variables(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in PALETTE_NAMES:
            palette = self.palette(name)
            out[f"--rio-{name}"] = palette.background.css
            out[f"--rio-{name}-fg"] = palette.foreground.css
            out[f"--rio-{name}-variant"] = palette.background_variant.css
            out[f"--rio-{name}-active"] = palette.background_active.css
        out["--rio-text"] = self.text_color.css
        out["--rio-on-primary"] = self.primary_palette.foreground.css
        out["--rio-shadow"] = self.shadow_color.css
        out["--rio-radius-small"] = f"{self.corner_radius_small}rem"
        out["--rio-radius-medium"] = f"{self.corner_radius_medium}rem"
        out["--rio-radius-large"] = f"{self.corner_radius_large}rem"
        out["--rio-font"] = self.font._css_family
        out["--rio-mono-font"] = self.monospace_font._css_family
        styles = {
            "heading1": self.heading1_style,
            "heading2": self.heading2_style,
            "heading3": self.heading3_style,
            "text": self.text_style,
            "dim": self.text_style,
        }
        fills: dict[str, Any] = {}
        fonts: dict[str, Any] = {}
        for name, style in styles.items():
            out[f"--rio-{name}-size"] = f"{style.font_size}rem"
            out[f"--rio-{name}-weight"] = str(
                {"normal": 400, "bold": 700}.get(style.font_weight, style.font_weight)  # type: ignore[arg-type]
            )
            out[f"--rio-{name}-italic"] = "italic" if style.italic else "normal"
            font = style.font or self.font
            out[f"--rio-{name}-font"] = font._css_family
            if font._faces:
                fonts[font._family] = font._to_json()
            decorations = [
                word
                for word, on in (
                    ("underline", style.underlined),
                    ("line-through", style.strikethrough),
                )
                if on
            ]
            out[f"--rio-{name}-decoration"] = " ".join(decorations) or "none"
            out[f"--rio-{name}-transform"] = "uppercase" if style.all_caps else "none"
            fill = style.fill
            if isinstance(fill, SolidFill):
                fill = fill.color
            if isinstance(fill, Color):
                out[f"--rio-{name}-fill"] = fill.css
                out[f"--rio-{name}-background"] = "none"
                out[f"--rio-{name}-clip"] = "border-box"
                out[f"--rio-{name}-text-fill"] = "currentcolor"
            else:
                # Gradients and images paint the glyphs through a clipped
                # background; the page computes the CSS (image URLs).
                out[f"--rio-{name}-fill"] = self.text_color.css
                fills[name] = _text_fill_to_wire(fill, f"Theme {name}_style.fill")
        out["--rio-text-dim"] = self.text_color.with_opacity(0.4).css
        out["color-scheme"] = "light" if self.is_light_theme else "dark"
        out["@fills"] = fills
        out["@font-face"] = list(fonts.values())
        return out

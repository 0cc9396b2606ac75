"""Theme: the colours, shapes and text styles the page is drawn with.

A `Theme` holds one `Palette` per colour set (primary, secondary, background,
neutral, hud, disabled, success, warning, danger), corner radii, fonts and
`TextStyle`s. `_css_variables()` turns it into the CSS custom properties the
page uses; `session.theme = ...` sends them again, so re-theming is live.

CSS variables (all components read these):

- ``--rio-<set>``: the set's background, e.g. ``--rio-primary``;
- ``--rio-<set>-fg``, ``--rio-<set>-variant``, ``--rio-<set>-active``;
- ``--rio-text``, ``--rio-text-dim``, ``--rio-on-primary`` (older names);
- ``--rio-radius-small|medium|large``, ``--rio-font``, ``--rio-mono-font``;
- ``--rio-<style>-size|weight|fill|italic`` for heading1-3, text and dim.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from .color import COLOR_SET_NAMES, Color

__all__ = ["Palette", "TextStyle", "Theme"]

#: The palettes every theme has (the colour sets but "keep").
PALETTE_NAMES: tuple[str, ...] = tuple(n for n in COLOR_SET_NAMES if n != "keep")

_DEFAULT_FONT = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
_DEFAULT_MONO = "ui-monospace, 'Cascadia Code', 'DejaVu Sans Mono', monospace"


@dataclass(frozen=True)
class TextStyle:
    """How text looks: size (font-heights), colour, weight, decorations.

    Pass one as `style=` to `rio.Text`, or set the theme's heading and text
    styles.

    Example:
        ```python
        rio.Text("Warning", style=rio.TextStyle(fill=rio.Color.RED, font_weight="bold"))
        ```
    """

    font: str | None = None
    fill: Color | str | None = None
    font_size: float = 1.0
    italic: bool = False
    font_weight: Literal["normal", "bold"] | int = "normal"
    underlined: bool = False
    strikethrough: bool = False
    all_caps: bool = False

    def replace(self, **changes: Any) -> TextStyle:
        """A copy with some attributes changed."""
        return dataclasses.replace(self, **changes)

    def _to_json(self) -> dict[str, Any]:
        fill = self.fill
        if isinstance(fill, Color):
            fill = fill.css
        elif isinstance(fill, str) and not fill.startswith("#"):
            fill = f"var(--rio-{fill}-fg)" if fill != "keep" else None
        return {
            "font": self.font,
            "fill": fill,
            "font_size": self.font_size,
            "italic": self.italic,
            "font_weight": self.font_weight,
            "underlined": self.underlined,
            "strikethrough": self.strikethrough,
            "all_caps": self.all_caps,
        }


@dataclass(frozen=True)
class Palette:
    """The colours of one colour set: a background and the text drawn on it.

    `background_variant` is for hover, `background_active` for pressed or
    selected states.
    """

    background: Color
    background_variant: Color
    background_active: Color
    foreground: Color

    @classmethod
    def from_color(
        cls, color: Color, *, dark_text: Color, light_text: Color
    ) -> Palette:
        """A palette around `color`, with a readable (WCAG AA) foreground."""
        foreground = color.best_text_color(dark_text, light_text)
        # Hover and pressed states shift the colour in whichever direction
        # keeps the text readable: darker under light text, and under dark
        # text darker too unless that loses contrast (then brighter).
        amount = 0.12
        if foreground.luminance < 0.5 and (
            foreground.contrast_with(color.darker(amount)) < 4.5
        ):
            amount = -amount
        return cls(
            background=color,
            background_variant=_shift(color, amount * 0.6),
            background_active=_shift(color, amount),
            foreground=foreground,
        )


def _shift(color: Color, amount: float) -> Color:
    """Darker for positive amounts, brighter for negative ones."""
    return color.darker(amount) if amount > 0 else color.brighter(-amount)


@dataclass(frozen=True)
class Theme:
    """The look of an app: palettes, corner radii, fonts and text styles.

    Make one with `Theme.from_colors(...)`, or a light and dark pair with
    `Theme.pair_from_colors(...)` and let the app pick by the user's system
    setting.

    Example:
        ```python
        app = rio.App(
            build=MyRoot,
            theme=rio.Theme.pair_from_colors(primary_color=rio.Color.from_hex("#0a6ebd")),
        )
        ```
    """

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
    corner_radius_large: float = 1.6
    shadow_color: Color = field(default_factory=lambda: Color.from_grey(0, 0.18))
    font: str = _DEFAULT_FONT
    mono_font: str = _DEFAULT_MONO
    heading1_style: TextStyle = TextStyle(font_size=2.0, font_weight="bold")
    heading2_style: TextStyle = TextStyle(font_size=1.5, font_weight="bold")
    heading3_style: TextStyle = TextStyle(font_size=1.2, font_weight="bold")
    text_style: TextStyle = TextStyle()
    dim_style: TextStyle = TextStyle()
    is_dark: bool = False

    # --- construction -----------------------------------------------------

    @classmethod
    def from_colors(
        cls,
        primary_color: Color | str | None = None,
        secondary_color: Color | str | None = None,
        background_color: Color | str | None = None,
        neutral_color: Color | str | None = None,
        hud_color: Color | str | None = None,
        disabled_color: Color | str | None = None,
        success_color: Color | str | None = None,
        warning_color: Color | str | None = None,
        danger_color: Color | str | None = None,
        *,
        corner_radius_small: float = 0.4,
        corner_radius_medium: float = 0.8,
        corner_radius_large: float = 1.6,
        text_color: Color | str | None = None,
        heading_fill: Color | str | None = None,
        font: str = _DEFAULT_FONT,
        mono_font: str = _DEFAULT_MONO,
        mode: Literal["light", "dark"] = "light",
        light: bool | None = None,
    ) -> Theme:
        """Make a theme around the given colours; the rest use good defaults.

        Every palette's text colour is chosen to reach WCAG AA contrast
        (4.5:1) on its background. Colours are `rio.Color`s or hex strings.

        Args:
            primary_color: The accent colour of buttons, switches, links...
            secondary_color: A second accent.
            background_color: The page's background.
            neutral_color: The background of cards and inputs.
            hud_color: Tooltips and other overlays.
            disabled_color: Components that are switched off.
            success_color, warning_color, danger_color: Status colours.
            corner_radius_small, corner_radius_medium, corner_radius_large:
                In font-heights.
            text_color: The text colour on the background; default: chosen
                for contrast.
            heading_fill: The colour of headings; default: the text colour.
            font, mono_font: CSS font families.
            mode: "light" or "dark": which defaults to start from.
            light: Older spelling of `mode` (True: "light").

        Returns:
            The new theme.
        """
        if light is not None:
            mode = "light" if light else "dark"
        if mode not in ("light", "dark"):
            raise ValueError(f"mode must be 'light' or 'dark', not {mode!r}")
        dark = mode == "dark"
        defaults = _DARK_COLORS if dark else _LIGHT_COLORS
        given = {
            "primary": primary_color,
            "secondary": secondary_color,
            "background": background_color,
            "neutral": neutral_color,
            "hud": hud_color,
            "disabled": disabled_color,
            "success": success_color,
            "warning": warning_color,
            "danger": danger_color,
        }
        dark_text = Color.from_hex("#1b1f24")
        light_text = Color.from_hex("#f0f2f5")
        palettes: dict[str, Palette] = {}
        for name in PALETTE_NAMES:
            value = given[name]
            color = Color.coerce(value) if value is not None else defaults[name]
            palettes[name] = Palette.from_color(
                color, dark_text=dark_text, light_text=light_text
            )
        background = palettes["background"]
        if text_color is not None:
            text = Color.coerce(text_color)
            palettes["background"] = dataclasses.replace(background, foreground=text)
        else:
            text = background.foreground
        dim = text.blend(background.background, 0.35)
        if dim.contrast_with(background.background) < 4.5:
            dim = text.blend(background.background, 0.2)
        heading = Color.coerce(heading_fill) if heading_fill is not None else None
        return cls(
            **{f"{name}_palette": palette for name, palette in palettes.items()},
            corner_radius_small=corner_radius_small,
            corner_radius_medium=corner_radius_medium,
            corner_radius_large=corner_radius_large,
            shadow_color=Color.from_grey(0, 0.5 if dark else 0.18),
            font=font,
            mono_font=mono_font,
            heading1_style=TextStyle(font_size=2.0, font_weight="bold", fill=heading),
            heading2_style=TextStyle(font_size=1.5, font_weight="bold", fill=heading),
            heading3_style=TextStyle(font_size=1.2, font_weight="bold", fill=heading),
            text_style=TextStyle(fill=text),
            dim_style=TextStyle(fill=dim),
            is_dark=dark,
        )

    @classmethod
    def pair_from_colors(
        cls,
        primary_color: Color | str | None = None,
        secondary_color: Color | str | None = None,
        **options: Any,
    ) -> tuple[Theme, Theme]:
        """A (light, dark) pair; `App(theme=pair)` picks by the client's setting.

        Takes the same arguments as `from_colors`, except `mode`. Background
        and neutral colours default to each mode's own.
        """
        if "mode" in options or "light" in options:
            raise TypeError(
                "pair_from_colors() makes both modes; call from_colors(mode=...)"
                " for just one"
            )
        return (
            cls.from_colors(primary_color, secondary_color, mode="light", **options),
            cls.from_colors(primary_color, secondary_color, mode="dark", **options),
        )

    # --- convenience ------------------------------------------------------

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
        return self.background_palette.foreground

    @property
    def font_family(self) -> str:
        return self.font

    def replace(self, **changes: Any) -> Theme:
        """A copy with some attributes changed."""
        return dataclasses.replace(self, **changes)

    # --- the page --------------------------------------------------------

    def _css_variables(self) -> dict[str, str]:
        out: dict[str, str] = {}
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
        out["--rio-font"] = self.font
        out["--rio-mono-font"] = self.mono_font
        styles = {
            "heading1": self.heading1_style,
            "heading2": self.heading2_style,
            "heading3": self.heading3_style,
            "text": self.text_style,
            "dim": self.dim_style,
        }
        for name, style in styles.items():
            data = style._to_json()
            out[f"--rio-{name}-size"] = f"{style.font_size}rem"
            weight = style.font_weight
            out[f"--rio-{name}-weight"] = str(
                {"normal": 400, "bold": 700}.get(weight, weight)  # type: ignore[call-overload]
            )
            out[f"--rio-{name}-fill"] = data["fill"] or "var(--rio-text)"
            out[f"--rio-{name}-italic"] = "italic" if style.italic else "normal"
            out[f"--rio-{name}-font"] = style.font or "inherit"
        out["--rio-text-dim"] = out["--rio-dim-fill"]
        out["color-scheme"] = "dark" if self.is_dark else "light"
        return out


_LIGHT_COLORS: dict[str, Color] = {
    name: Color.from_hex(value)
    for name, value in {
        "primary": "#1f6feb",
        "secondary": "#8250df",
        "background": "#ffffff",
        "neutral": "#f1f3f6",
        "hud": "#24292f",
        "disabled": "#e4e7eb",
        "success": "#1a7f37",
        "warning": "#f0a500",
        "danger": "#cf222e",
    }.items()
}

_DARK_COLORS: dict[str, Color] = {
    name: Color.from_hex(value)
    for name, value in {
        "primary": "#1f6feb",
        "secondary": "#8250df",
        "background": "#16181d",
        "neutral": "#23272f",
        "hud": "#e6e8eb",
        "disabled": "#2b2f36",
        "success": "#238636",
        "warning": "#d29922",
        "danger": "#da3633",
    }.items()
}

"""Theme: the colours and shapes the page is drawn with.

A first, small version: the component-library issue extends it with palettes,
`Color` helpers and text styles. `_css_variables()` is what the page receives.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Theme"]


@dataclass(frozen=True)
class Theme:
    """The look of an app.

    Example:
        ```python
        app = rio.App(build=MyRoot, theme=rio.Theme.from_colors(
            primary_color="#0a6ebd"))
        ```
    """

    primary_color: str = "#1f6feb"
    secondary_color: str = "#8250df"
    background_color: str = "#ffffff"
    neutral_color: str = "#f3f4f6"
    text_color: str = "#1b1f24"
    primary_text_color: str = "#ffffff"
    corner_radius_small: float = 0.4
    corner_radius_medium: float = 0.8
    font_family: str = "system-ui, 'DejaVu Sans', sans-serif"
    is_dark: bool = False

    @classmethod
    def from_colors(
        cls,
        primary_color: str | None = None,
        secondary_color: str | None = None,
        *,
        light: bool = True,
    ) -> Theme:
        """Make a light (or dark) theme around the given colours."""
        base = cls() if light else _DARK
        changes = {}
        if primary_color is not None:
            changes["primary_color"] = primary_color
        if secondary_color is not None:
            changes["secondary_color"] = secondary_color
        return cls(**{**base.__dict__, **changes})

    @classmethod
    def pair_from_colors(
        cls, primary_color: str | None = None, secondary_color: str | None = None
    ) -> tuple[Theme, Theme]:
        """A (light, dark) pair; the app picks by the client's preference."""
        return (
            cls.from_colors(primary_color, secondary_color, light=True),
            cls.from_colors(primary_color, secondary_color, light=False),
        )

    def _css_variables(self) -> dict[str, str]:
        return {
            "--rio-primary": self.primary_color,
            "--rio-secondary": self.secondary_color,
            "--rio-background": self.background_color,
            "--rio-neutral": self.neutral_color,
            "--rio-text": self.text_color,
            "--rio-on-primary": self.primary_text_color,
            "--rio-radius-small": f"{self.corner_radius_small}rem",
            "--rio-radius-medium": f"{self.corner_radius_medium}rem",
            "--rio-font": self.font_family,
            "color-scheme": "dark" if self.is_dark else "light",
        }


_DARK = Theme(
    background_color="#16181d",
    neutral_color="#23262d",
    text_color="#e8eaed",
    is_dark=True,
)

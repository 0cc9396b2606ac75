"""Themes give Rio 0.12.3's numbers (tests/rio_reference/theme.json).

The reference file is written by scripts/rio_reference_theme.py run on Rio;
every case is replayed here on rio_desktop and compared value by value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rio_desktop as rio

REFERENCE = json.loads(
    (Path(__file__).parent / "rio_reference" / "theme.json").read_text()
)
CASES = REFERENCE["cases"]


def decode(value: Any) -> Any:
    if isinstance(value, dict) and "hex" in value:
        return rio.Color.from_hex(value["hex"])
    if isinstance(value, dict) and "linear" in value:
        return rio.LinearGradientFill(*(decode(v) for v in value["linear"]))
    if isinstance(value, list):
        return tuple(decode(v) for v in value)
    return value


def encode_fill(fill: Any) -> Any:
    if isinstance(fill, rio.Color):
        return fill.hexa
    if isinstance(fill, rio.LinearGradientFill):
        return {"linear": [[c.hexa, p] for c, p in fill.stops]}
    return type(fill).__name__


def encode_font(font: Any) -> str:
    for name in ("ROBOTO", "ROBOTO_MONO"):
        if font is getattr(rio.Font, name):
            return name
    return "custom"


def encode_palette(palette: Any) -> dict[str, str]:
    return {
        name: getattr(palette, name).hexa
        for name in (
            "background",
            "background_variant",
            "background_active",
            "foreground",
        )
    }


def encode_theme(theme: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "palettes": {
            name: encode_palette(theme.palette(name))
            for name in (
                "primary",
                "secondary",
                "background",
                "neutral",
                "hud",
                "disabled",
                "success",
                "warning",
                "danger",
            )
        },
        "corner_radius_small": theme.corner_radius_small,
        "corner_radius_medium": theme.corner_radius_medium,
        "corner_radius_large": theme.corner_radius_large,
        "shadow_color": theme.shadow_color.hexa,
        "monospace_font": encode_font(theme.monospace_font),
        "font": encode_font(theme.font),
        "is_light_theme": theme.is_light_theme,
        "styles": {},
    }
    for name in ("heading1", "heading2", "heading3", "text"):
        style = getattr(theme, f"{name}_style")
        out["styles"][name] = {
            "font": encode_font(style.font),
            "fill": encode_fill(style.fill),
            "font_size": style.font_size,
            "italic": style.italic,
            "font_weight": style.font_weight,
            "underlined": style.underlined,
            "strikethrough": style.strikethrough,
            "all_caps": style.all_caps,
        }
    return out


def run(case: dict[str, Any]) -> Any:
    kwargs = {name: decode(value) for name, value in case["kwargs"].items()}
    call = case["call"]
    if call == "from_colors":
        return encode_theme(rio.Theme.from_colors(**kwargs))
    if call == "pair_from_colors":
        return [encode_theme(t) for t in rio.Theme.pair_from_colors(**kwargs)]
    if call == "palette":
        return encode_palette(rio.Palette(kwargs.pop("background"), **kwargs))
    if call == "palette_from_color":
        return encode_palette(rio.Palette.from_color(kwargs.pop("color"), **kwargs))
    if call == "text_color_for":
        return rio.Theme.from_colors().text_color_for(kwargs["color"]).hexa
    raise ValueError(call)


def _label(case: dict[str, Any]) -> str:
    return case["call"] + json.dumps(case["kwargs"], sort_keys=True)[:70]


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_theme_values_match_rio(case):
    """Palettes, radii, shadow, fonts and text styles equal Rio's."""
    assert json.loads(json.dumps(run(case))) == case["result"]


def test_reference_covers_the_documented_calls():
    calls = {case["call"] for case in CASES}
    assert calls == {
        "from_colors",
        "pair_from_colors",
        "palette",
        "palette_from_color",
        "text_color_for",
    }


def test_signatures_take_rios_parameters():
    """from_colors / pair_from_colors / Palette take Rio's keyword arguments."""
    import inspect

    names = set(inspect.signature(rio.Theme.from_colors).parameters)
    assert {
        "heading_fill",
        "text_color",
        "font",
        "heading_font",
        "monospace_font",
        "mode",
        "corner_radius_large",
    } <= names
    pair = set(inspect.signature(rio.Theme.pair_from_colors).parameters)
    assert names - {"mode"} == pair
    palette = set(inspect.signature(rio.Palette).parameters)
    assert {"contrast", "target_color", "foreground"} <= palette


def test_bad_heading_fill_is_refused():
    with pytest.raises(TypeError, match="heading_fill"):
        rio.Theme.from_colors(heading_fill="shiny")
    with pytest.raises(TypeError, match="frosted"):
        rio.Theme.from_colors(heading_fill=rio.FrostedGlassFill(rio.Color.RED))


def test_theme_styles_merge_partial_styles():
    """A style given with attributes left None keeps the theme's defaults."""
    theme = rio.Theme.from_colors().replace(heading1_style=rio.TextStyle(all_caps=True))
    assert theme.heading1_style.all_caps is True
    assert theme.heading1_style.font_size == 2.3
    assert theme.heading1_style.font is rio.Font.ROBOTO

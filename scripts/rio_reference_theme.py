"""Write Rio's theme values as JSON, for tests/test_theme_rio.py.

Run it with a Python that has rio-ui 0.12.3 installed (never this project's
venv: rio-ui is not a dependency):

    /tmp/rio-venv/bin/python scripts/rio_reference_theme.py \
        tests/rio_reference/theme.json

Each case names a call ("from_colors", "pair_from_colors", "palette",
"palette_from_color", "text_color_for") and its keyword arguments; colours
are written {"hex": "rrggbb"} and fills {"linear": [...]}. The result holds
every palette colour (as Rio's `hexa`), radii, shadow, the text styles and
`is_light_theme`. The test replays each case on rio_desktop and compares.
"""

from __future__ import annotations

import json
import sys
import warnings
from types import ModuleType
from typing import Any

#: The module the cases run on: Rio when run as a script; tests/test_theme_rio.py
#: runs the same cases, encoded the same way, on rio_desktop (`use()`).
rio: Any = None


def use(module: ModuleType) -> None:
    """Run the cases on `module` (`rio` or `rio_desktop`)."""
    global rio
    rio = module


CASES: list[dict[str, Any]] = [
    {"call": "from_colors", "kwargs": {}},
    {"call": "from_colors", "kwargs": {"mode": "dark"}},
    {"call": "from_colors", "kwargs": {"light": False}},
    {
        "call": "from_colors",
        "kwargs": {
            "primary_color": {"hex": "0a6ebd"},
            "secondary_color": {"hex": "d35400"},
            "corner_radius_small": 0.1,
            "corner_radius_medium": 0.2,
            "corner_radius_large": 0.3,
        },
    },
    {
        "call": "from_colors",
        "kwargs": {
            "primary_color": {"hex": "7b1fa2"},
            "background_color": {"hex": "121212"},
            "text_color": {"hex": "ffeb3b"},
            "heading_fill": "primary",
            "mode": "dark",
        },
    },
    {
        "call": "from_colors",
        "kwargs": {"primary_color": {"hex": "1565c0"}, "heading_fill": "plain"},
    },
    {
        "call": "from_colors",
        "kwargs": {"primary_color": {"hex": "1565c0"}, "heading_fill": "auto"},
    },
    {
        "call": "from_colors",
        "kwargs": {
            "heading_fill": {"linear": [{"hex": "ff0000"}, {"hex": "0000ff"}]},
        },
    },
    {
        "call": "from_colors",
        "kwargs": {
            "neutral_color": {"hex": "eeeeee"},
            "hud_color": {"hex": "f5f5f5"},
            "disabled_color": {"hex": "9e9e9e"},
            "success_color": {"hex": "00c853"},
            "warning_color": {"hex": "ffab00"},
            "danger_color": {"hex": "d50000"},
        },
    },
    {"call": "pair_from_colors", "kwargs": {}},
    {
        "call": "pair_from_colors",
        "kwargs": {
            "primary_color": {"hex": "0a6ebd"},
            "text_color": [{"hex": "202020"}, {"hex": "f0f0f0"}],
            "heading_fill": "primary",
        },
    },
    {"call": "palette", "kwargs": {"background": {"hex": "336699"}}},
    {"call": "palette", "kwargs": {"background": {"hex": "f0f0f0"}}},
    {"call": "palette", "kwargs": {"background": {"hex": "336699"}, "contrast": 0.5}},
    {
        "call": "palette",
        "kwargs": {
            "background": {"hex": "202020"},
            "target_color": {"hex": "ff8800"},
        },
    },
    {
        "call": "palette",
        "kwargs": {
            "background": {"hex": "202020"},
            "foreground": {"hex": "00ff00"},
            "background_variant": {"hex": "111111"},
        },
    },
    {
        "call": "palette_from_color",
        "kwargs": {"color": {"hex": "808000"}, "offset": 0.5},
    },
    {
        "call": "palette_from_color",
        "kwargs": {"color": {"hex": "808000"}, "target_color": {"hex": "ffffff"}},
    },
    *(
        {"call": "text_color_for", "kwargs": {"color": {"hex": value}}}
        for value in ("ffffff", "000000", "01dffd", "7b1fa2", "808080")
    ),
]


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
            name: encode_palette(getattr(theme, f"{name}_palette"))
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


def main() -> None:
    import rio as rio_ui

    use(rio_ui)
    warnings.simplefilter("ignore")
    cases = [{**case, "result": run(case)} for case in CASES]
    with open(sys.argv[1], "w") as file:
        json.dump({"rio_version": "0.12.3", "cases": cases}, file, indent=1)
        file.write("\n")


if __name__ == "__main__":
    main()

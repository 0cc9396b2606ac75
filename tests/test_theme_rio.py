"""Themes give Rio 0.12.3's numbers (tests/rio_reference/theme.json).

The reference file is written by scripts/rio_reference_theme.py run on Rio;
every case is replayed here on rio_desktop and compared value by value.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import rio_desktop as rio

sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
import rio_reference_theme as reference  # noqa: E402  (the script's codec)

reference.use(rio)
run = reference.run

REFERENCE = json.loads(
    (Path(__file__).parent / "rio_reference" / "theme.json").read_text()
)
CASES = REFERENCE["cases"]


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

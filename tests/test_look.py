"""The page looks like Rio 0.12.3 by default: font, buttons, cards, inputs.

Browser tests (real Chromium), one server and page for the module; each test
shows another case. The reference figures were measured on Rio 0.12.3 itself
(bench/look_compare.py compares whole pages).
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import show_cases, wait_for

import rio_desktop as rio

U = 16
_LIVE: dict[str, Any] = {}


class Inputs(rio.Component):
    name: str = "hello"

    def build(self) -> rio.Component:
        return rio.Column(
            rio.TextInput(self.bind().name, label="Filled"),
            rio.TextInput("", label="Empty"),
            rio.Text("Inputs"),
            spacing=1,
            align_x=0,
            align_y=0,
        )


CASES = {
    "start": lambda: rio.Text("Start"),
    "buttons": lambda: rio.Column(
        rio.Button("Default", align_x=0),
        rio.Button("Square", shape="rectangle"),
        rio.Button("Minor", style="minor"),
        rio.ThemeContextSwitcher(
            rio.Button("On secondary", margin=1),
            color="secondary",
        ),
        spacing=1,
        align_x=0,
        align_y=0,
    ),
    "cards": lambda: rio.Column(
        rio.Card(rio.Text("Pressable card", margin=1), on_press=lambda: None),
        rio.Card(rio.Text("Still card", margin=1)),
        spacing=1,
        margin=1,
        align_x=0,
        align_y=0,
    ),
    "inputs": Inputs,
    "progress": lambda: rio.Column(
        rio.Text("Progress"),
        rio.ProgressBar(0.4, min_width=20),
        align_x=0,
        align_y=0,
    ),
}


@pytest.fixture(scope="module")
def shown(chromium):
    with show_cases(chromium, CASES, _LIVE) as show:
        yield show


def css(locator: Any, prop: str) -> str:
    return locator.evaluate(f"e => getComputedStyle(e).{prop}")


def theme_color(page: Any, variable: str) -> str:
    return page.evaluate(
        "v => { const e = document.createElement('div');"
        " e.style.color = `var(${v})`; document.body.append(e);"
        " const c = getComputedStyle(e).color; e.remove(); return c; }",
        variable,
    )


def test_text_is_roboto_and_the_font_file_loads(shown):
    page = shown("start", "Start")
    text = page.get_by_text("Start", exact=True)
    assert css(text, "fontFamily").startswith("Roboto")
    # The bundled file, not a system font: the face is loaded from the page.
    loaded = wait_for(
        lambda: page.evaluate(
            "() => document.fonts.ready.then(() => [...document.fonts]"
            ".filter(f => f.family.replace(/\"/g, '') === 'Roboto'"
            " && f.status === 'loaded').map(f => f.weight))"
        )
    )
    assert "400" in loaded
    assert page.evaluate("() => document.fonts.check('16px Roboto', 'Start')")


def test_default_button_is_a_secondary_pill_as_in_rio(shown):
    page = shown("buttons", "Default")
    button = page.locator("button.rio-button", has_text="Default")
    # Rio's "keep" colour on the page's background is the secondary colour.
    assert css(button, "backgroundColor") == theme_color(page, "--rio-secondary")
    assert css(button, "color") == theme_color(page, "--rio-secondary-fg")
    assert css(button, "fontWeight") == "700"
    box = button.bounding_box()
    radius = float(css(button, "borderTopLeftRadius").removesuffix("px"))
    assert radius >= box["height"] / 2
    # Rio's default button is 8 x 2.2 font-heights.
    assert abs(box["width"] - 8 * U) < 1 and abs(box["height"] - 2.2 * U) < 1
    minor = page.locator("button.rio-button", has_text="Minor")
    assert css(minor, "color") == theme_color(page, "--rio-secondary")
    assert css(minor, "backgroundColor") == "rgba(0, 0, 0, 0)"
    # On a secondary surface the button takes the primary colour.
    inner = page.locator("button.rio-button", has_text="On secondary")
    assert css(inner, "backgroundColor") == theme_color(page, "--rio-primary")


def test_rectangle_shaped_button_does_not_take_rectangle_rules(shown):
    page = shown("buttons", "Square")
    square = page.locator("button.rio-button", has_text="Square")
    assert css(square, "borderTopLeftRadius") == "0px"
    # Rectangle's rules (fill from --rio-rect-fill) would make it transparent.
    assert css(square, "backgroundColor") == theme_color(page, "--rio-secondary")
    assert "rio-rectangle" not in square.get_attribute("class")


def test_cards_are_flat_and_pressable_ones_lift_on_hover(shown):
    page = shown("cards", "Pressable card")
    card = page.locator(".rio-card", has_text="Pressable card")
    still = page.locator(".rio-card", has_text="Still card")
    flat = "rgba(0, 0, 0, 0) 0px 0px 0px 0px"
    assert css(card, "boxShadow") == flat
    assert css(still, "boxShadow") == flat
    still.hover()
    assert css(still, "boxShadow") == flat
    card.hover()
    lifted = wait_for(
        lambda: (
            (shadow := css(card, "boxShadow")) != flat
            and "0px 0px 0px" not in shadow
            and shadow
        )
    )
    assert "px" in lifted


def test_input_labels_float_inside_the_box(shown):
    page = shown("inputs", "Inputs")
    filled = page.locator("label.rio-input", has_text="Filled")
    empty = page.locator("label.rio-input", has_text="Empty")

    def label_offset(field: Any) -> tuple[float, float]:
        box = field.locator(".rio-input-box").bounding_box()
        label = field.locator(".rio-input-label").bounding_box()
        return label["y"] - box["y"], label["height"]

    # The label sits inside the box: small at the top when there is a value,
    # text-sized in the middle while the box is empty.
    top, small = label_offset(filled)
    assert 0 <= top < 0.6 * U and small < 0.9 * U
    middle, large = wait_for(lambda: (o := label_offset(empty))[0] > 0.8 * U and o)
    assert large > 0.95 * U
    assert css(filled.locator(".rio-input-label"), "color") == theme_color(
        page, "--rio-secondary"
    )
    # Focusing the empty box floats its label up.
    page.get_by_label("Empty").focus()
    wait_for(lambda: label_offset(empty)[0] < 0.6 * U)
    # Typed text keeps it up once the focus leaves; emptied, it comes down.
    page.get_by_label("Empty").type("x")
    page.get_by_label("Filled").focus()
    wait_for(lambda: label_offset(empty)[0] < 0.6 * U)
    page.get_by_label("Empty").fill("")
    page.get_by_label("Filled").focus()
    wait_for(lambda: label_offset(empty)[0] > 0.8 * U)


def test_progress_bar_is_a_thin_secondary_bar_on_a_grey_track(shown):
    page = shown("progress", "Progress")
    bar = page.locator(".rio-progressbar")
    fill = page.locator(".rio-progressbar-fill")
    assert css(fill, "backgroundColor") == theme_color(page, "--rio-secondary")
    assert bar.bounding_box()["height"] < 0.3 * U
    assert css(bar, "borderTopLeftRadius") != "999px"

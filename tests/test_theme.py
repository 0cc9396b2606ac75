"""Color, Theme and live re-theming in Chromium."""

from __future__ import annotations

import pytest

import rio_desktop as rio
from rio_desktop.color import color_to_css


def test_color_constructors_agree():
    """Hex, sRGB and HSV give the same colour; hex round-trips (Rio's rules:
    from_rgb takes linear values unless srgb=True, from_gray is Oklab lightness)."""
    a = rio.Color.from_hex("#ff8000")
    b = rio.Color.from_rgb(1.0, 128 / 255, 0.0, srgb=True)
    c = rio.Color.from_hsv(*a.hsv)
    assert a == b
    assert a != rio.Color.from_rgb(1.0, 128 / 255, 0.0)
    assert c.hex == "ff8000"
    assert rio.Color.from_hex("f80").hex == "ff8800"
    assert rio.Color.from_hex("#ff000080").opacity == pytest.approx(128 / 255)
    assert rio.Color.from_grey(0.5).rgb == pytest.approx((0.125, 0.125, 0.125))


def test_bad_hex_says_how_to_write_it():
    """A malformed hex colour raises with an example of the right form."""
    with pytest.raises(ValueError, match="#1f6feb"):
        rio.Color.from_hex("#12345")


def test_color_arithmetic():
    """brighter/darker/blend/with_opacity move channels the documented way."""
    grey = rio.Color.from_grey(0.5)
    assert grey.brighter(1.0).hex == "ffffff"
    assert grey.darker(1.0) == rio.Color.BLACK
    # Rio moves Oklab lightness, by the square root of the amount when brightening.
    assert grey.brighter(0.25).perceived_brightness == pytest.approx(0.75)
    assert grey.darker(0.5).perceived_brightness == pytest.approx(0.25)
    black_to_white = rio.Color.BLACK.blend(rio.Color.WHITE, 0.25)
    assert black_to_white.perceived_brightness == pytest.approx(0.25)
    assert grey.with_opacity(0.3).opacity == pytest.approx(0.3)
    assert rio.Color.RED.desaturated(1.0).saturation == pytest.approx(0.0, abs=1e-9)
    assert rio.Color.BLACK.contrast_with(rio.Color.WHITE) == pytest.approx(21.0)
    assert rio.Color.WHITE.luminance == pytest.approx(1.0)


def test_color_serializes_to_css():
    """Colours become CSS strings; colour set names pass through."""
    assert rio.Color.from_hex("#102030")._to_json() == "#102030"
    assert rio.Color.from_rgb(1, 0, 0, 0.5)._to_json() == "rgba(255, 0, 0, 0.5)"
    assert color_to_css("primary") == "primary"
    assert color_to_css("keep") == "keep"
    with pytest.raises(ValueError):
        color_to_css("not-a-colour")


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_default_themes_have_readable_body_text(mode):
    """Body text on the default backgrounds reaches WCAG AA (Rio's colours).

    The palettes themselves are Rio's (tests/test_theme_rio.py); Rio does not
    promise AA for every palette, so neither does this test.
    """
    light, dark = rio.Theme.pair_from_colors()
    theme = light if mode == "light" else dark
    for name in ("background", "neutral"):
        palette = theme.palette(name)
        ratio = palette.foreground.contrast_with(palette.background)
        assert ratio >= 4.5, f"{mode} {name}: {ratio:.2f}"


def test_from_colors_backwards_compatible():
    """The seed's from_colors(primary_color=str) and light= keep working."""
    theme = rio.Theme.from_colors(primary_color="#0a6ebd")
    assert theme.primary_color == rio.Color.from_hex("#0a6ebd")
    assert not rio.Theme.from_colors(light=False).is_light_theme
    variables = theme._css_variables()
    for name in (
        "--rio-primary",
        "--rio-background",
        "--rio-neutral",
        "--rio-text",
        "--rio-on-primary",
        "--rio-radius-small",
        "--rio-font",
    ):
        assert name in variables
    assert variables["--rio-primary"] == "#0a6ebd"
    with pytest.raises(TypeError, match="mode"):
        rio.Theme.pair_from_colors(mode="dark")


# --- in Chromium ---------------------------------------------------------


class Themed(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Title", style="heading1", key="h1"),
            rio.Text("Body", key="body"),
            rio.Text("Quiet", style="dim", key="dim"),
            # (a default Button takes the secondary colour, as in Rio)
            rio.Button("Go", color="primary"),
        )


def _bg(page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


@pytest.mark.browser
def test_dark_preference_and_live_retheme(serve, page):
    """A dark client gets the dark theme; session.theme = ... re-themes live."""
    pair = rio.Theme.pair_from_colors(primary_color="#0a6ebd")
    server = serve(rio.App(build=Themed, theme=pair))
    page.emulate_media(color_scheme="dark")
    page.goto(server.url)
    page.get_by_text("Title").wait_for()
    page.wait_for_function(
        "getComputedStyle(document.body).backgroundColor === 'rgb(11, 11, 11)'"
    )
    size = page.get_by_text("Title").evaluate("e => getComputedStyle(e).fontSize")
    assert size == "36.8px"  # Rio's heading1: 2.3 font-heights
    button = page.get_by_role("button", name="Go")
    assert button.evaluate("e => getComputedStyle(e).backgroundColor") == (
        "rgb(10, 110, 189)"
    )

    session = server.session()
    orange = rio.Theme.from_colors(
        primary_color=rio.Color.from_hex("#d35400"), background_color="#fdf6e3"
    )
    server.run(lambda: setattr(session, "theme", orange))
    page.wait_for_function(
        "getComputedStyle(document.body).backgroundColor === 'rgb(253, 246, 227)'"
    )
    button.page.wait_for_function(
        "[...document.querySelectorAll('.rio-button')].every("
        "b => getComputedStyle(b).backgroundColor === 'rgb(211, 84, 0)')"
    )
    # The text colour follows the new (light) background.
    color = page.get_by_text("Body").evaluate("e => getComputedStyle(e).color")
    assert color == "rgb(49, 49, 49)"  # Rio's text on light backgrounds


@pytest.mark.browser
def test_os_switch_to_dark_rethemes_live(serve, page):
    """With a theme pair, the page follows the OS's light/dark switch live."""
    server = serve(rio.App(build=Themed, theme=rio.Theme.pair_from_colors()))
    page.emulate_media(color_scheme="light")
    page.goto(server.url)
    page.get_by_text("Title").wait_for()
    light = _bg(page)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(
        f"getComputedStyle(document.body).backgroundColor !== {light!r}"
    )
    session = server.session()
    assert session.theme is server.run(lambda: session.app.theme[1])
    page.emulate_media(color_scheme="light")
    page.wait_for_function(
        f"getComputedStyle(document.body).backgroundColor === {light!r}"
    )

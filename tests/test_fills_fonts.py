"""Fills, fonts, Text's style attributes and TextStyle, as Rio has them.

Python-side checks compare with values taken from Rio 0.12.3; the browser
tests read the computed style in Chromium.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from test_components_content import png

import rio_desktop as rio

C = rio.Color
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


# --- Python API -----------------------------------------------------------


def test_gradient_stops_are_placed_as_in_rio():
    """Stops without a position are spread between their neighbours (Rio's values)."""
    linear = rio.LinearGradientFill(C.RED, (C.GREEN, 0.3), C.BLUE, C.WHITE)
    assert [(c.hex, p) for c, p in linear.stops] == [
        ("ff0000", 0.0),
        ("00ff00", 0.3),
        ("0000ff", pytest.approx(0.65)),
        ("ffffff", 1.0),
    ]
    radial = rio.RadialGradientFill((C.RED, 0.2), C.GREEN, (C.BLUE, 0.8))
    assert [(c.hex, p) for c, p in radial.stops] == [
        ("ff0000", 0.0),
        ("ff0000", 0.2),
        ("00ff00", 0.5),
        ("0000ff", 0.8),
        ("0000ff", 1.0),
    ]
    single = rio.LinearGradientFill(C.RED)
    assert [p for _, p in single.stops] == [0.0, 1.0]


def test_bad_gradients_and_fills_are_refused():
    with pytest.raises(ValueError, match="at least one stop"):
        rio.LinearGradientFill()
    with pytest.raises(ValueError, match="ascending"):
        rio.LinearGradientFill((C.RED, 0.8), (C.BLUE, 0.2))
    with pytest.raises(ValueError, match="0 to 1"):
        rio.RadialGradientFill(C.RED, (C.BLUE, 1.5), C.GREEN)
    with pytest.raises(ValueError, match="fill_mode"):
        rio.ImageFill(png(2, 2, (0, 0, 0)), fill_mode="cover")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Rectangle.fill"):
        rio.Rectangle(fill=42)
    with pytest.raises(TypeError, match="frosted"):
        rio.TextStyle(fill=rio.FrostedGlassFill(C.RED))
    text = rio.Text("x", fill=rio.FrostedGlassFill(C.RED))
    with pytest.raises(TypeError, match="Text.fill"):
        text._serialize_field("fill", text.fill)
    with pytest.raises(TypeError, match="rio.Font"):
        rio.TextStyle(font="Arial")  # type: ignore[arg-type]


def test_signatures_match_rio():
    """The fill, font and text classes take Rio 0.12.3's parameters."""

    def params(obj):
        return list(inspect.signature(obj).parameters)

    assert params(rio.SolidFill) == ["color"]
    assert params(rio.LinearGradientFill) == ["stops", "angle_degrees"]
    assert params(rio.RadialGradientFill) == ["stops", "center_x", "center_y"]
    assert params(rio.ImageFill) == ["image", "fill_mode", "tile_size"]
    assert params(rio.FrostedGlassFill) == ["color", "blur_size"]
    assert params(rio.Font) == ["regular", "bold", "italic", "bold_italic"]
    assert params(rio.TextStyle) == [
        "font",
        "fill",
        "font_size",
        "italic",
        "font_weight",
        "underlined",
        "strikethrough",
        "all_caps",
    ]
    text = params(rio.Text)
    for name in (
        "text",
        "selectable",
        "style",
        "justify",
        "wrap",
        "overflow",
        "font",
        "fill",
        "font_size",
        "italic",
        "font_weight",
        "underlined",
        "strikethrough",
        "all_caps",
    ):
        assert name in text
    assert [s.name for s in rio.CursorStyle][:4] == [
        "DEFAULT",
        "NONE",
        "HELP",
        "POINTER",
    ]
    assert len(rio.CursorStyle) == 14
    assert isinstance(rio.Font.ROBOTO, rio.Font)
    assert isinstance(rio.Font.ROBOTO_MONO, rio.Font)
    assert all(
        isinstance(f, rio.Fill)
        for f in (rio.SolidFill(C.RED), rio.FrostedGlassFill(C.RED))
    )


def test_text_style_replace_and_defaults():
    """TextStyle's attributes default to None ("keep"); replace() changes some."""
    style = rio.TextStyle(font_size=2, italic=True)
    assert style.fill is None and style.all_caps is None
    changed = style.replace(italic=None, all_caps=True)
    assert (changed.font_size, changed.italic, changed.all_caps) == (2, None, True)
    assert style.italic is True


def test_font_from_google_names_the_alternative():
    with pytest.raises(NotImplementedError, match=r"rio\.Font\(regular="):
        rio.Font.from_google_fonts("Lato")


# --- in Chromium -------------------------------------------------------------


def _style(page, text: str, prop: str) -> str:
    return page.get_by_text(text, exact=True).evaluate(
        f"e => getComputedStyle(e).getPropertyValue({prop!r})"
    )


class Texts(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(
                "fancy",
                font_weight="bold",
                italic=True,
                all_caps=True,
                underlined=True,
                font_size=2,
                fill=rio.LinearGradientFill(C.RED, C.BLUE, angle_degrees=90),
                key="fancy",
            ),
            rio.Text("red", fill=C.RED, key="red"),
            rio.Text(
                "styled",
                style=rio.TextStyle(all_caps=True, font_size=1.5, strikethrough=True),
                key="styled",
            ),
            rio.Text(
                "override",
                style=rio.TextStyle(italic=True, fill=rio.SolidFill(C.GREEN)),
                italic=False,
                key="override",
            ),
            rio.Text("struck heading", style="heading1", strikethrough=True, key="h"),
            rio.Text("dim", style="dim", key="dim"),
            rio.Text(
                "picture",
                fill=rio.ImageFill(png(4, 4, (0, 128, 0)), fill_mode="tile"),
                key="picture",
            ),
            align_y=0,
        )


@pytest.mark.browser
def test_text_attributes_are_applied(serve, page):
    """Every Text / TextStyle attribute shows in the computed style."""
    server = serve(rio.App(build=Texts))
    page.goto(server.url)
    page.get_by_text("fancy", exact=True).wait_for()
    assert _style(page, "fancy", "font-weight") == "700"
    assert _style(page, "fancy", "font-style") == "italic"
    assert _style(page, "fancy", "text-transform") == "uppercase"
    assert _style(page, "fancy", "text-decoration-line") == "underline"
    assert _style(page, "fancy", "font-size") == "32px"
    assert _style(page, "fancy", "background-image") == (
        "linear-gradient(0deg, rgb(255, 0, 0) 0%, rgb(0, 0, 255) 100%)"
    )
    assert _style(page, "fancy", "-webkit-background-clip") == "text"
    assert _style(page, "fancy", "-webkit-text-fill-color") == "rgba(0, 0, 0, 0)"
    assert page.locator(".rio-text", has_text="fancy").inner_text() == "FANCY"

    assert _style(page, "red", "color") == "rgb(255, 0, 0)"
    assert _style(page, "styled", "text-transform") == "uppercase"
    assert _style(page, "styled", "font-size") == "24px"
    assert _style(page, "styled", "text-decoration-line") == "line-through"
    assert _style(page, "override", "font-style") == "normal"
    assert _style(page, "override", "color") == "rgb(0, 255, 0)"
    assert _style(page, "struck heading", "text-decoration-line") == "line-through"
    assert _style(page, "struck heading", "font-size") == "36.8px"  # Rio's 2.3
    assert _style(page, "dim", "opacity") == "0.4"
    image = _style(page, "picture", "background-image")
    assert "/rio-desktop/blob/" in image, image
    assert _style(page, "picture", "background-size") == "160px 160px"


class Surfaces(rio.Component):
    def build(self) -> rio.Component:
        def box(name, fill, **extra):
            return rio.Rectangle(
                content=rio.Text(name), fill=fill, min_height=3, key=name, **extra
            )

        return rio.Column(
            box("zoomed", rio.ImageFill(png(8, 4, (200, 0, 0)), fill_mode="zoom")),
            box(
                "stretched", rio.ImageFill(png(8, 4, (0, 0, 200)), fill_mode="stretch")
            ),
            box(
                "radial",
                rio.RadialGradientFill(C.WHITE, C.BLACK, center_x=0.25, center_y=1),
            ),
            box(
                "glass",
                rio.FrostedGlassFill(C.WHITE.replace(opacity=0.5), blur_size=0.5),
                cursor="can-grab",
            ),
            box("enum cursor", C.RED, cursor=rio.CursorStyle.ZOOM_IN),
            align_y=0,
        )


def _box(page, text: str, prop: str) -> str:
    return page.get_by_text(text, exact=True).evaluate(
        "(e, p) => getComputedStyle(e.closest('.rio-rectangle')).getPropertyValue(p)",
        prop,
    )


@pytest.mark.browser
def test_rectangle_fills_render_and_images_load(serve, page):
    """Image fills load from the server with their fit mode; gradients,
    frosted glass and cursors are the CSS Rio uses."""
    server = serve(rio.App(build=Surfaces))
    page.goto(server.url)
    page.get_by_text("zoomed", exact=True).wait_for()
    assert _box(page, "zoomed", "background-size") == "cover"
    assert _box(page, "stretched", "background-size") == "100% 100%"
    image = _box(page, "zoomed", "background-image")
    url = image.removeprefix('url("').removesuffix('")')
    assert "/rio-desktop/blob/" in url, image
    loaded = page.evaluate(
        """url => new Promise(resolve => {
            const img = new Image();
            img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
            img.onerror = () => resolve(null);
            img.src = url;
        })""",
        url,
    )
    assert loaded == [8, 4]
    assert _box(page, "radial", "background-image") == (
        "radial-gradient(circle at 25% 100%, rgb(255, 255, 255) 0%, rgb(0, 0, 0) 100%)"
    )
    assert _box(page, "glass", "backdrop-filter") == "blur(8px)"
    assert _box(page, "glass", "background-color") == "rgba(255, 255, 255, 0.5)"
    assert _box(page, "glass", "cursor") == "grab"
    assert _box(page, "enum cursor", "cursor") == "zoom-in"


class FontText(rio.Component):
    def build(self) -> rio.Component:
        font = rio.Font(SERIF, bold=SERIF.with_name("DejaVuSerif-Bold.ttf"))
        return rio.Column(
            rio.Text("custom font", font=font, key="a"),
            rio.Text("themed", key="b"),
            align_y=0,
        )


@pytest.mark.browser
@pytest.mark.skipif(not SERIF.exists(), reason="needs fonts-dejavu-core")
def test_custom_font_files_are_served_and_used(serve, page):
    """rio.Font's files reach the page as @font-face and the text uses them;
    a theme's font= and heading_font= are applied too."""
    heading = rio.Font(SERIF.read_bytes())
    theme = rio.Theme.from_colors(font=heading, heading_font=heading)
    server = serve(rio.App(build=FontText, theme=theme))
    page.goto(server.url)
    page.get_by_text("custom font").wait_for()
    family = _style(page, "custom font", "font-family")
    name = family.split(",")[0].strip('"')
    assert name.startswith("rio-font-"), family
    page.wait_for_function(
        "name => [...document.fonts].some(f => f.family.replace(/\"/g, '') === name"
        " && f.status === 'loaded')",
        arg=name,
    )
    faces = page.evaluate(
        "name => [...document.fonts].filter(f => f.family.replace(/\"/g, '') === name)"
        ".map(f => f.weight)",
        name,
    )
    assert sorted(faces) == ["bold", "normal"]
    themed = _style(page, "themed", "font-family").split(",")[0].strip('"')
    assert themed.startswith("rio-font-") and themed != name, themed
    # (the page's own Roboto faces load only for characters in use)
    page.wait_for_function(
        "() => [...document.fonts].filter(f => f.family.includes('rio-font-'))"
        ".every(f => f.status === 'loaded')"
    )


class Headings(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Title", style="heading1"),
            rio.Text("Body"),
            rio.Card(rio.Text("On card", style="heading2"), color="primary"),
            align_y=0,
        )


@pytest.mark.browser
def test_theme_heading_fill_and_default_light_theme(serve, page):
    """heading_fill colours headings (a gradient paints them); with no theme
    the app is light even when the OS is dark, as in Rio."""
    server = serve(rio.App(build=Headings))
    page.emulate_media(color_scheme="dark")
    page.goto(server.url)
    page.get_by_text("Title").wait_for()
    light = rio.Theme.from_colors()
    r, g, b = (round(c * 255) for c in light.background_color.srgb)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == (
        f"rgb({r}, {g}, {b})"
    )
    assert _style(page, "Title", "font-size") == "36.8px"
    assert _style(page, "Title", "font-weight") == "400"

    session = server.session()
    red = rio.Theme.from_colors(heading_fill=C.RED)
    server.run(lambda: setattr(session, "theme", red))
    page.wait_for_function(
        "() => getComputedStyle([...document.querySelectorAll('.rio-text')]"
        ".find(e => e.textContent === 'Title')).color === 'rgb(255, 0, 0)'"
    )
    body = _style(page, "Body", "color")
    assert body != "rgb(255, 0, 0)"
    # On a primary card the heading takes the card's text colour.
    fg = rio.Theme.from_colors().primary_palette.foreground
    r, g, b = (round(c * 255) for c in fg.srgb)
    assert _style(page, "On card", "color") == f"rgb({r}, {g}, {b})"

    gradient = rio.Theme.from_colors(
        heading_fill=rio.LinearGradientFill(C.RED, C.BLUE),
        primary_color=C.from_hex("0a6ebd"),
    )
    server.run(lambda: setattr(session, "theme", gradient))
    page.wait_for_function(
        "() => getComputedStyle([...document.querySelectorAll('.rio-text')]"
        ".find(e => e.textContent === 'Title')).backgroundImage.startsWith('linear')"
    )
    assert _style(page, "Title", "-webkit-text-fill-color") == "rgba(0, 0, 0, 0)"
    assert _style(page, "Body", "background-image") == "none"

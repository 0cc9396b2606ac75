"""The built-in icon sets: Rio's names, the ":fill" variants, brand logos,
the error for an unknown name, and that only the icons a page shows travel
to it (each once per page).

Browser tests drive a real Chromium; the websocket frames the page receives
are what the page got from the server.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from helpers import wait_for

import rio_desktop as rio
from rio_desktop.components import _icon_registry as registry

ROOT = Path(__file__).resolve().parent.parent


# --- names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("castle", "material/castle"),
        ("material/castle", "material/castle"),
        ("material/castle:fill", "material/castle:fill"),
        ("arrow-forward", "material/arrow_forward"),
        ("material/arrow-forward", "material/arrow_forward"),
        ("expand_more", "material/expand_more"),  # an older name Rio apps use
        ("brand/github", "brand/github"),
        ("brand/android:head", "brand/android:head"),
    ],
)
def test_names_as_in_rio(name: str, canonical: str) -> None:
    assert registry.check_icon(name) == canonical
    rio.Icon(name)


def test_fill_variant_is_other_markup() -> None:
    plain = registry.icon_svg("material/home")
    filled = registry.icon_svg("material/home:fill")
    assert plain and filled and plain != filled
    assert 'viewBox="0 -960 960 960"' in plain


def test_the_whole_material_set_is_there() -> None:
    names = {n for n in registry.icon_names() if n.startswith("material/")}
    plain = {n for n in names if ":" not in n}
    assert len(plain) > 3_000
    assert {f"{n}:fill" for n in plain} <= names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("material/castel", "Did you mean 'material/castle'"),
        ("castel:fill", "'material/castle:fill'"),
        ("material/castle:bold", "has no variant 'bold'"),
        ("rio/logo:colour", "has no variant 'colour'"),
        ("nosuchset/thing", "no icon set 'nosuchset'"),
        ("a/b/c", "Invalid icon name"),
    ],
)
def test_unknown_names_say_what_is_close(name: str, expected: str) -> None:
    with pytest.raises(ValueError, match="icon") as raised:
        rio.Icon(name)
    assert expected in str(raised.value)
    assert isinstance(raised.value, rio.AssetError)


def test_every_icon_named_in_rio_desktop_exists() -> None:
    """Default parameters ("material/arrow_forward"...), the examples and
    the project template name real icons."""
    named = set()
    sources = [*(ROOT / "rio_desktop").rglob("*.py"), *(ROOT / "examples").glob("*.py")]
    sources += (ROOT / "rio_desktop" / "templates").rglob("*.tmpl")
    for source in sources:
        text = source.read_text("utf-8")
        named |= set(
            re.findall(r"[\"']((?:material|brand|rio)/[a-z0-9_:\-]+)[\"']", text)
        )
    assert "rio/logo:color" in named
    missing = sorted(n for n in named if registry.icon_svg(n) is None)
    assert not missing


def test_rios_own_sets_are_there_with_their_own_view_boxes() -> None:
    """Rio's logo (the default page icon, as in Rio) and its corner shapes."""
    for name in ("rio/logo", "rio/logo:color", "rio/logo:fill"):
        svg = registry.icon_svg(name)
        assert svg is not None and svg.startswith("<svg")
        assert 'viewBox="0 0 1000 1500' in svg
    assert registry.icon_svg("rio/logo:color") != registry.icon_svg("rio/logo")
    assert registry.icon_svg("styling/corner_round_top_left") is not None
    assert rio.Icon("rio/logo_and_text_horizontal").icon


def test_markup_goes_once_per_connection() -> None:
    """The first field of an icon carries the markup, later ones the name."""

    from types import SimpleNamespace

    from rio_desktop._page_channel import PageChannel

    class Owner:
        _session = SimpleNamespace(channel=PageChannel.__new__(PageChannel))

    Owner._session.channel.connection = 0

    first = registry.icon_to_wire("star", Owner)
    assert isinstance(first, dict) and first["name"] == "material/star"
    assert "<svg" in first["svg"]
    assert registry.icon_to_wire("material/star", Owner) == "material/star"
    Owner._session.channel.connection += 1  # a reconnected page: everything again
    assert isinstance(registry.icon_to_wire("star", Owner), dict)
    assert isinstance(registry.icon_to_wire("star", None), dict)


def test_rio_icons_module() -> None:
    assert rio.icons.register_icon_set is not None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError, match="already"):
            rio.icons.register_icon_set("material", Path("unused.tar.xz"))
    assert any(w.category is DeprecationWarning for w in caught)


# --- in Chromium -----------------------------------------------------------------


def _frames(page: Any) -> list[str]:
    frames: list[str] = []

    def watch(ws: Any) -> None:
        ws.on(
            "framereceived",
            lambda payload: frames.append(
                payload if isinstance(payload, str) else payload.decode()
            ),
        )

    page.on("websocket", watch)
    return frames


class Icons(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Icons here"),
            rio.Row(
                rio.Icon("material/home", key="plain", min_width=4, min_height=4),
                rio.Icon("material/home:fill", key="filled", min_width=4, min_height=4),
                # Not among the ~390 icons of earlier releases:
                rio.Icon("material/owl", min_width=4, min_height=4),
                rio.Icon("brand/github", min_width=4, min_height=4),
                align_x=0,
            ),
            rio.Button("Go", icon="material/owl"),
            rio.Link("Docs", "https://example.com", icon="material/owl"),
            *[rio.Icon("material/star") for _ in range(1000)],
            align_y=0,
        )


@pytest.mark.browser
def test_icons_draw_and_travel_once(serve: Any, page: Any) -> None:
    frames = _frames(page)
    server = serve(rio.App(build=Icons))
    page.goto(server.url)
    page.get_by_text("Icons here").wait_for()
    plain = page.locator('.rio-icon[data-icon="material/home"] svg path')
    filled = page.locator('.rio-icon[data-icon="material/home:fill"] svg path')
    plain.wait_for()
    filled.wait_for()
    assert plain.get_attribute("d") != filled.get_attribute("d")
    boxes = page.locator(".rio-icon[data-icon^='material/home'] svg")
    shots = [boxes.nth(0).screenshot(), boxes.nth(1).screenshot()]
    assert shots[0] != shots[1]  # the filled house looks different

    owl = page.locator('.rio-icon[data-icon="material/owl"] svg path')
    owl.wait_for()
    box = page.locator('.rio-icon[data-icon="material/owl"]').bounding_box()
    assert box is not None and box["width"] > 60
    page.locator('.rio-icon[data-icon="brand/github"] svg path').wait_for()
    page.locator("button.rio-button", has_text="Go").locator("svg path").wait_for()
    page.locator("a", has_text="Docs").locator("svg path").wait_for()
    wait_for(
        lambda: (
            page.locator('.rio-icon[data-icon="material/star"] svg path').count()
            == 1000
        )
    )
    text = "".join(frames)
    # Each icon's markup went once: the 1,000 stars and the 3 owls too.
    assert text.count('"svg":') == 5
    assert text.count('"name":"material/star"') == 1


class NoIcons(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(rio.Text("Nothing to see"), rio.Button("Plain"))


@pytest.mark.browser
def test_a_page_without_icons_loads_no_icon_data(serve: Any, page: Any) -> None:
    frames = _frames(page)
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    server = serve(rio.App(build=NoIcons))
    page.goto(server.url)
    page.get_by_text("Nothing to see").wait_for()
    page.get_by_text("Plain").wait_for()
    page.wait_for_load_state("networkidle")
    assert frames and responses
    bodies = [r.body().decode("utf-8", "replace") for r in responses]
    for text in [*frames, *bodies]:
        assert "<path" not in text
        assert "-960 960 960" not in text

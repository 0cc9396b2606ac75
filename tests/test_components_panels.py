"""Drawer, ScrollTarget and Slideshow: Rio 0.12.3's parameters and behaviour,
in Chromium on the module's case page (conftest.case_page: 800 x 600 px,
16 px per font-height).
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import show_cases, wait_for

import rio_desktop as rio

U = 16
W, H = 800, 600
_LIVE: dict[str, Any] = {}


class DrawerCase(rio.Component):
    """A drawer whose `is_open` is bound to a field, with a log of events."""

    side: str = "left"
    is_open: bool = False
    modal: bool = True
    openable: bool = True
    events: list = []

    def on_open_or_close(self, event: rio.DrawerOpenOrCloseEvent) -> None:
        self.events = [*self.events, event.is_open]

    def build(self) -> rio.Component:
        _LIVE["drawer"] = self
        return rio.Drawer(
            anchor=rio.Column(
                rio.Text(f"Anchor {self.side}"),
                rio.Text(f"open={self.is_open}"),
                rio.Button("Anchor button", on_press=self._anchor_pressed),
                align_x=0.5,
                align_y=0.5,
            ),
            content=rio.Text("Drawer menu", margin=1),
            side=self.side,
            is_open=self.bind().is_open,
            is_modal=self.modal,
            is_user_openable=self.openable,
            on_open_or_close=self.on_open_or_close,
            color="primary",
        )

    def _anchor_pressed(self) -> None:
        self.events = [*self.events, "anchor"]


class Targets(rio.Component):
    """Two tall fillers around scroll targets, and a button that goes to one."""

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button("Go to part two", on_press=self._go),
            rio.Rectangle(fill=rio.Color.from_hex("ddeeff"), min_height=60),
            rio.ScrollTarget("part-two", rio.Text("Part two", style="heading2")),
            rio.ScrollTarget(
                "no-button", rio.Text("Without button"), copy_button_content=None
            ),
            rio.ScrollTarget(
                "own-button",
                rio.Text("Own button"),
                copy_button_content=rio.Text("Copy link"),
                copy_button_spacing=3,
            ),
            rio.Rectangle(fill=rio.Color.from_hex("ffeedd"), min_height=60),
            spacing=1,
            margin=2,
        )

    def _go(self) -> None:
        self.session.navigate_to("#part-two")


CASES = {
    "start": lambda: rio.Text("Start"),
    "drawer-left": lambda: DrawerCase(side="left"),
    "drawer-right": lambda: DrawerCase(side="right", modal=False),
    "drawer-bottom": lambda: DrawerCase(side="bottom"),
    "drawer-locked": lambda: DrawerCase(side="top", openable=False),
    "targets": Targets,
    "slides": lambda: rio.Column(
        rio.Slideshow(
            rio.Rectangle(
                content=rio.Text("Slide A"), fill=rio.Color.from_hex("ffdddd")
            ),
            rio.Rectangle(
                content=rio.Text("Slide B"), fill=rio.Color.from_hex("ddffdd")
            ),
            rio.Rectangle(
                content=rio.Text("Slide C"), fill=rio.Color.from_hex("ddddff")
            ),
            linger_time=0.4,
            min_height=6,
            key="cycling",
        ),
        rio.Slideshow(
            rio.Text("Only slide"),
            corner_radius=(2, 0, 2, 0),
            min_height=4,
            key="single",
        ),
        spacing=1,
        margin=2,
    ),
}


@pytest.fixture(scope="module")
def shown(chromium):
    with show_cases(chromium, CASES, _LIVE, (W, H)) as show:
        yield show


def panel_box(page: Any) -> dict[str, float]:
    return page.locator(".rio-drawer-panel").bounding_box()


def wait_panel(page: Any, where: str) -> None:
    """Wait until the drawer's panel has slid fully in ("in") or out ("out")
    and its transition has ended."""
    page.wait_for_function(
        """([where, w, h]) => {
            const panel = document.querySelector('.rio-drawer-panel');
            // The slide's last frames are within half a pixel of the end.
            if (panel.getAnimations().length > 0) return false;
            const r = panel.getBoundingClientRect();
            const inside = r.left >= -0.5 && r.top >= -0.5
                && r.right <= w + 0.5 && r.bottom <= h + 0.5;
            const outside = r.right <= 0.5 || r.left >= w - 0.5
                || r.bottom <= 0.5 || r.top >= h - 0.5;
            return where === 'in' ? inside : outside;
        }""",
        arg=[where, W, H],
    )


def drawer_state(shown: Any) -> tuple[bool, list]:
    case = _LIVE["drawer"]
    return shown.server.run(lambda: (case.is_open, list(case.events)))


# --- Drawer --------------------------------------------------------------------


def test_drawer_parameters_are_rios():
    drawer = rio.Drawer(rio.Text("a"), rio.Text("b"))
    assert (drawer.side, drawer.is_modal, drawer.is_open) == ("left", True, False)
    assert (drawer.is_user_openable, drawer.color) == (True, "neutral")
    assert rio.DrawerOpenOrCloseEvent(True).is_open is True
    with pytest.raises(ValueError, match="side"):
        rio.Drawer(rio.Text("a"), rio.Text("b"), side="middle")


def test_drawer_opens_from_the_app_and_closes_on_a_press_outside(shown):
    """`is_open` from the app slides it in; a modal one closes on the shade."""
    page = shown("drawer-left", "Anchor left")
    wait_panel(page, "out")
    case = _LIVE["drawer"]
    shown.server.run(lambda: setattr(case, "is_open", True))
    wait_panel(page, "in")
    box = panel_box(page)
    assert box["x"] == 0 and box["height"] == H
    # The knob and the panel's colour: the primary set, its text readable.
    knob = page.locator(".rio-drawer-knob").bounding_box()
    assert abs(knob["width"] - 0.4 * U) < 0.5 and abs(knob["height"] - 4 * U) < 0.5
    # The shade dims the anchor and takes the press: the button is not hit.
    shade = page.locator(".rio-drawer-shade")
    assert shade.evaluate("e => getComputedStyle(e).backgroundColor") == (
        "rgba(0, 0, 0, 0.5)"
    )
    page.mouse.click(W - 100, H / 2)
    wait_panel(page, "out")
    wait_for(lambda: drawer_state(shown) == (False, [False]))
    page.get_by_text("open=False").wait_for()


def test_drawer_opens_by_dragging_from_its_edge(shown):
    """Dragging from the edge strip opens it; dragging back closes it."""
    page = shown("drawer-left", "Anchor left")
    _LIVE["drawer"].events = []
    wait_panel(page, "out")
    page.mouse.move(5, H / 2)
    page.mouse.down()
    page.mouse.move(40, H / 2, steps=4)
    # Mid-drag the panel follows the pointer.
    assert panel_box(page)["x"] + panel_box(page)["width"] > 20
    page.mouse.move(200, H / 2, steps=4)
    page.mouse.up()
    wait_panel(page, "in")
    wait_for(lambda: drawer_state(shown) == (True, [True]))
    page.get_by_text("open=True").wait_for()
    # Drag it back closed from inside the panel.
    width = panel_box(page)["width"]
    page.mouse.move(width - 10, H / 2)
    page.mouse.down()
    page.mouse.move(10, H / 2, steps=6)
    page.mouse.up()
    wait_panel(page, "out")
    wait_for(lambda: drawer_state(shown) == (False, [True, False]))


def test_drawer_from_the_right_not_modal_keeps_the_anchor_usable(shown):
    page = shown("drawer-right", "Anchor right")
    wait_panel(page, "out")
    page.mouse.move(W - 5, H / 2)
    page.mouse.down()
    page.mouse.move(W - 300, H / 2, steps=6)
    page.mouse.up()
    wait_panel(page, "in")
    box = panel_box(page)
    assert abs(box["x"] + box["width"] - W) < 0.5
    # Not modal: no shade, and the anchor's button still takes presses.
    page.get_by_role("button", name="Anchor button").click()
    wait_for(lambda: drawer_state(shown) == (True, [True, "anchor"]))


def test_drawer_from_the_bottom_and_one_users_cannot_open(shown):
    page = shown("drawer-bottom", "Anchor bottom")
    page.mouse.move(W / 2, H - 5)
    page.mouse.down()
    page.mouse.move(W / 2, H - 200, steps=6)
    page.mouse.up()
    wait_panel(page, "in")
    assert abs(panel_box(page)["y"] + panel_box(page)["height"] - H) < 0.5
    wait_for(lambda: drawer_state(shown) == (True, [True]))

    page = shown("drawer-locked", "Anchor top")
    page.mouse.move(W / 2, 5)
    page.mouse.down()
    page.mouse.move(W / 2, 300, steps=6)
    page.mouse.up()
    wait_panel(page, "out")
    assert drawer_state(shown) == (False, [])


# --- ScrollTarget ----------------------------------------------------------------


def top_of(page: Any, text: str) -> float:
    return page.get_by_text(text, exact=True).bounding_box()["y"]


def test_scroll_target_parameters_are_rios():
    target = rio.ScrollTarget("intro")
    assert (target.id, target.content) == ("intro", None)
    assert (target.copy_button_content, target.copy_button_spacing) == ("\u00b6", 0.5)
    with pytest.raises(ValueError, match="id"):
        rio.ScrollTarget("")


def test_navigate_to_a_fragment_scrolls_to_its_target(shown):
    page = shown("targets", "Part two")
    assert top_of(page, "Part two") > H
    page.get_by_role("button", name="Go to part two").click()
    page.wait_for_function(
        "() => Math.abs(document.getElementById('part-two')"
        ".getBoundingClientRect().top) < 2"
    )
    assert page.url.endswith("/#part-two")
    # Already at #part-two: the same navigation scrolls there again.
    button = page.get_by_role("button", name="Go to part two")
    button.scroll_into_view_if_needed()
    assert top_of(page, "Part two") > H
    button.click()
    page.wait_for_function(
        "() => Math.abs(document.getElementById('part-two')"
        ".getBoundingClientRect().top) < 2"
    )


def test_copy_button_shows_on_hover_and_copies_the_link(shown):
    page = shown("targets", "Part two")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_text("Part two", exact=True).scroll_into_view_if_needed()
    mark = page.locator("#part-two .rio-scroll-target-copy")
    assert mark.text_content() == "\u00b6"
    # Rio's link colour: the theme's secondary colour.
    secondary = page.evaluate(
        "() => { const e = document.createElement('div');"
        " e.style.color = 'var(--rio-secondary)'; document.body.append(e);"
        " const c = getComputedStyle(e).color; e.remove(); return c; }"
    )
    assert mark.locator("a").evaluate("e => getComputedStyle(e).color") == secondary
    page.mouse.move(0, 0)
    assert not mark.is_visible()
    page.get_by_text("Part two", exact=True).hover()
    assert mark.is_visible()
    mark.click()
    wait_for(
        lambda: page.evaluate("navigator.clipboard.readText()").endswith("/#part-two")
    )
    # No button, and a component as the button, spaced as asked.
    assert page.locator("#no-button .rio-scroll-target-copy").count() == 1
    assert not page.locator("#no-button .rio-scroll-target-copy").is_visible()
    page.get_by_text("Own button", exact=True).hover()
    own = page.get_by_text("Copy link", exact=True)
    assert own.is_visible()
    gap = own.bounding_box()["x"] - (
        page.locator("#own-button .rio-scroll-target-body").bounding_box()["x"]
        + page.locator("#own-button .rio-scroll-target-body").bounding_box()["width"]
    )
    assert abs(gap - 3 * U) < 1


def test_opening_the_app_at_a_fragment_shows_the_target(serve, page):
    server = serve(rio.App(build=Targets))
    page.goto(server.url + "#part-two")
    page.get_by_text("Part two", exact=True).wait_for()
    page.wait_for_function(
        "() => Math.abs(document.getElementById('part-two')"
        ".getBoundingClientRect().top) < 2"
    )


# --- Slideshow -------------------------------------------------------------------


def test_slideshow_parameters_are_rios():
    from datetime import timedelta

    show = rio.Slideshow(rio.Text("a"), rio.Text("b"))
    assert len(show.children) == 2
    assert (show.linger_time, show.pause_on_hover, show.corner_radius) == (
        10,
        True,
        None,
    )
    assert rio.Slideshow(linger_time=timedelta(seconds=3)).linger_time == 3
    with pytest.raises(ValueError, match="linger_time"):
        rio.Slideshow(linger_time=0)


SHOWING = """() => [...document.querySelector('.rio-slideshow').children]
    .filter((s) => s.classList.contains('rio-slide')
        && getComputedStyle(s).visibility === 'visible')
    .map((s) => s.textContent)"""


def visible_slide(page: Any) -> str:
    """The first slideshow's slides on screen, joined ("A" or "A,B" mid-slide)."""
    return ",".join(page.evaluate(SHOWING))


def test_slideshow_cycles_through_its_children(shown):
    page = shown("slides", "Slide A")
    page.mouse.move(1, 1)  # not over it: a hovered slideshow waits
    bar = page.locator(".rio-slideshow-bar").first
    page.wait_for_function(
        "() => parseFloat("
        "document.querySelector('.rio-slideshow-bar').style.width) > 20"
    )
    assert bar.bounding_box()["height"] == pytest.approx(0.3 * U, abs=0.5)
    # B slides in, then C, then A again.
    for text in ("Slide B", "Slide C", "Slide A"):
        page.get_by_text(text, exact=True).wait_for(state="visible")
        wait_for(lambda text=text: visible_slide(page) == text)
    # The theme's medium radius, or the four given ones.
    radius = page.locator(".rio-slideshow").first.evaluate(
        "e => getComputedStyle(e).borderTopLeftRadius"
    )
    assert radius == f"{0.8 * U}px"
    single = page.locator(".rio-slideshow").nth(1)
    assert single.evaluate("e => getComputedStyle(e).borderRadius") == (
        f"{2 * U}px 0px"
    )
    # One child: it stays, and no progress bar shows.
    assert page.get_by_text("Only slide", exact=True).is_visible()
    assert (
        single.locator(".rio-slideshow-bar").evaluate(
            "e => getComputedStyle(e).opacity"
        )
        == "0"
    )


def test_slideshow_pauses_while_hovered(shown):
    page = shown("slides", "Slide A")
    show = page.locator(".rio-slideshow").first
    show.hover()
    # The bar fades out while paused, and a slide under way finishes.
    page.wait_for_function(
        f"() => document.querySelector('.rio-slideshow-bar').style.opacity === '0'"
        f" && ({SHOWING})().length === 1"
    )
    held = visible_slide(page)
    # For three linger times (the page's clock) the slide stays alone.
    changed = page.evaluate(
        f"""() => new Promise((done) => {{
            const start = performance.now();
            const check = () => {{
                const now = ({SHOWING})().join();
                if (now !== {held!r}) return done(now);
                if (performance.now() - start > 1200) return done(null);
                requestAnimationFrame(check);
            }};
            check();
        }})"""
    )
    assert changed is None
    page.mouse.move(W - 5, H - 5)
    wait_for(lambda: visible_slide(page) not in (held, ""))

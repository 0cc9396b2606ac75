"""Layout components in Chromium: what the user sees and can do with them.

One server and page for the module; each test shows another case (800 x 600
px viewport, 16 px per font-height).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from helpers import show_cases

import rio_desktop as rio

pytestmark = pytest.mark.browser

U = 16
W, H = 800, 600
_LIVE: dict[str, Any] = {}


class Counter(rio.Component):
    """Counts presses of a card / a button; shows the count."""

    count: int = 0
    opened: str = ""

    def _press(self) -> None:
        self.count += 1

    def _revealed(self, event: rio.RevealerChangeEvent) -> None:
        self.opened = f"open={event.is_open}"

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Card(
                rio.Text(f"Card pressed {self.count}", margin=1),
                color="primary",
                corner_radius=1,
                elevate_on_hover=True,
                on_press=self._press,
                align_x=0,
            ),
            rio.Revealer("More", rio.Text("Revealed text"), on_change=self._revealed),
            rio.Text(self.opened or "closed", key="opened"),
            align_y=0,
            spacing=1,
        )


class SwitchPopup(rio.Component):
    page: int = 0
    open: bool = False

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Switcher(rio.Text(f"Page {self.page}", key=str(self.page))),
            rio.Popup(
                anchor=rio.Text("Anchor", key="anchor"),
                content=rio.Text("Popup body", margin=0.5),
                is_open=self.open,
                position="bottom",
                align_x=0,
            ),
            rio.Tooltip(
                rio.Text("Hover target"), "The tip", position="bottom", align_x=0
            ),
            align_y=0,
            spacing=1,
        )


def _rows(n: int) -> list[rio.Component]:
    return [rio.Text(f"Line {i}", key=str(i)) for i in range(n)]


CASES: dict[str, Callable[[], rio.Component]] = {
    "start": lambda: rio.Text("Start"),
    "grid": lambda: rio.Grid(
        [rio.Text("G00"), rio.Text("G01")],
        [rio.Text("G10")],
        row_spacing=1,
        column_spacing=1,
        align_y=0,
    ).add(rio.Text("Wide"), row=2, column=0, width=2),
    # Each column as wide as its child, then the extra space (figures
    # measured on Rio 0.12.3 in the same Chromium).
    "grid_sizes": lambda: rio.Column(
        rio.Grid([rio.Text("n1", min_width=5), rio.Text("n2", min_width=15)]),
        rio.Grid([rio.Text("g1", min_width=5), rio.Text("g2", grow_x=True)]),
        rio.Grid([rio.Text("s1"), rio.Text("s2")], rio.Text("s3")),
        rio.Grid(
            [rio.Text(f"t{i}") for i in range(3)], [rio.Text("u0"), rio.Text("u1")]
        ),
        rio.Row(
            rio.Grid([rio.Text("r1"), rio.Text("a longer second column r2")]),
            rio.Text("r3"),
        ),
        rio.Grid([rio.Text("v1")], [rio.Text("v2", grow_y=True)], min_height=20),
        align_y=0,
    ),
    "min_sizes": lambda: rio.Column(
        rio.Row(rio.Text("m1", min_width=20), rio.Text("m2")),
        rio.Column(rio.Text("h1", min_height=10), rio.Text("h2"), min_height=30),
        align_y=0,
    ),
    "labeled_column": lambda: rio.LabeledColumn(
        {"Name": rio.Text("Ada"), "A longer label": rio.Text("Lovelace")},
        align_y=0,
    ),
    "natural_inputs": lambda: rio.Column(
        rio.Row(rio.TextInput(), rio.Text("after text"), align_x=0),
        rio.Row(
            rio.DateInput(datetime.date(2024, 1, 2)), rio.Text("after date"), align_x=0
        ),
        align_y=0,
    ),
    "stack": lambda: rio.Stack(
        rio.Rectangle(fill=rio.Color.from_hex("#ff0000")),
        rio.Text("Front", align_x=0.5, align_y=0.5),
        min_height=10,
        align_y=0,
    ),
    "overlay": lambda: rio.Column(
        rio.Text("Below"),
        rio.Overlay(rio.Text("Floating", align_x=1, align_y=1)),
        align_x=0,
        align_y=0,
    ),
    "flow": lambda: rio.FlowContainer(
        *[rio.Text(f"Tag{i:02}", key=str(i)) for i in range(20)],
        column_spacing=1,
        row_spacing=0.5,
        margin_right=30,  # 800 - 480 = 320 px wide
        align_y=0,
    ),
    "scroll": lambda: rio.ScrollContainer(rio.Column(*_rows(80), spacing=0.5)),
    "spacer": lambda: rio.Row(
        rio.Text("Left"), rio.Spacer(), rio.Text("Right"), align_y=0
    ),
    "separator": lambda: rio.Column(
        rio.Text("Above"),
        rio.Separator(color=rio.Color.from_hex("#00ff00")),
        rio.Text("Beneath"),
        align_y=0,
        spacing=1,
    ),
    "rectangle": lambda: rio.Rectangle(
        content=rio.Text("Boxed", margin=1),
        fill=rio.Color.from_hex("#0000ff"),
        hover_fill=rio.Color.from_hex("#00ff00"),
        stroke_color=rio.Color.BLACK,
        stroke_width=0.2,
        corner_radius=1,
        transition_time=0,
        align_x=0,
        align_y=0,
    ),
    "container": lambda: rio.Container(
        rio.Text("Contained"), margin=3, align_x=0, align_y=0
    ),
    "context": lambda: rio.ThemeContextSwitcher(
        rio.Text("On primary"), color="primary", align_x=0, align_y=0
    ),
    "counter": Counter,
    "switch_popup": SwitchPopup,
}


@pytest.fixture(scope="module")
def shown(chromium):
    with show_cases(chromium, CASES, _LIVE, (W, H)) as show:
        yield show


def box(page: Any, text: str) -> dict[str, float]:
    return page.get_by_text(text, exact=True).bounding_box()


def text_width(page: Any, text: str) -> float:
    """The width of the text itself (not of its element)."""
    return page.get_by_text(text, exact=True).evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return r.getBoundingClientRect().width; }"
    )


def style(locator: Any, prop: str) -> str:
    return locator.evaluate(f"e => getComputedStyle(e).{prop}")


def test_grid_places_cells_and_spans(shown):
    """Cells sit in their row and column; a spanning child is two columns wide."""
    page = shown("grid", "G00")
    g00, g01, g10, wide = (box(page, t) for t in ("G00", "G01", "G10", "Wide"))
    assert g00["y"] == g01["y"] and g00["x"] < g01["x"]
    assert g10["x"] == g00["x"] and g10["y"] > g00["y"]
    assert abs(wide["width"] - W) < 1 and wide["y"] > g10["y"]
    assert abs(g01["x"] - (W + U) / 2) < 1  # two equal columns, 1 unit apart


def test_grid_tracks_fit_their_children_then_share_the_rest(shown):
    """As on Rio: a column is as wide as its child plus an equal part of the
    space left; a growing child's column takes all of it; a short row's
    children span the columns (Grid([a, b], [c]): c spans two)."""
    page = shown("grid_sizes", "n1")
    n1, n2 = box(page, "n1"), box(page, "n2")
    assert abs(n1["width"] - 20 * U) < 1 and abs(n2["width"] - 30 * U) < 1
    g1, g2 = box(page, "g1"), box(page, "g2")
    assert abs(g1["width"] - 5 * U) < 1 and abs(g2["x"] - 5 * U) < 1
    assert abs(box(page, "s3")["width"] - W) < 1
    # 3 and 2 children: 6 columns, u0 spans the first three.
    assert abs(box(page, "u0")["width"] - W / 2) < 1
    assert abs(box(page, "u1")["x"] - W / 2) < 1
    # In a Row, the grid's natural width is the sum of its columns' (not
    # twice the wider one): the Row adds the same to the grid and to r3.
    r1, r2, r3 = (
        text_width(page, t) for t in ("r1", "a longer second column r2", "r3")
    )
    grid_width = box(page, "r3")["x"]
    assert abs((grid_width - (r1 + r2)) - (box(page, "r3")["width"] - r3)) < 1
    v1, v2 = box(page, "v1"), box(page, "v2")
    assert (
        v2["y"] - v1["y"] < 2 * U and abs(v2["y"] + v2["height"] - v1["y"] - 20 * U) < 1
    )


def test_min_size_counts_as_natural_size_in_rows_and_columns(shown):
    """As on Rio: a Row (Column) adds the same extra space to each child on
    top of its natural size, which includes min_width (min_height)."""
    page = shown("min_sizes", "m1")
    m1, m2 = box(page, "m1"), box(page, "m2")
    assert abs((m1["width"] - 20 * U) - (m2["width"] - text_width(page, "m2"))) < 1
    line = m2["height"]
    h1, h2 = box(page, "h1"), box(page, "h2")
    assert abs(h1["height"] + h2["height"] - 30 * U) < 1
    assert abs((h1["height"] - 10 * U) - (h2["height"] - line)) < 1


def test_grid_takes_rows_as_rio_does():
    """A single component is a row; empty rows are left out; others fail."""
    a, b, c = rio.Text("a"), rio.Text("b"), rio.Text("c")
    grid = rio.Grid(a, [], (child for child in (b, c)))
    assert grid.positions == [[0, 0, 2, 1], [1, 0, 1, 1], [1, 1, 1, 1]]
    with pytest.raises(TypeError, match="rows as lists of components"):
        rio.Grid("a")
    with pytest.raises(TypeError, match="holds components, not int"):
        rio.Grid([a, 1])


def test_labeled_column_lines_up_labels_and_children(shown):
    """Labels in one column, their right ends aligned; children beside them."""
    page = shown("labeled_column", "Ada")
    ends = [
        page.get_by_text(label, exact=True).evaluate(
            "e => { const r = document.createRange(); r.selectNodeContents(e);"
            " return r.getBoundingClientRect().right; }"
        )
        for label in ("Name", "A longer label")
    ]
    assert abs(ends[0] - ends[1]) < 1
    ada, lovelace = box(page, "Ada"), box(page, "Lovelace")
    assert ada["x"] == lovelace["x"] > ends[0] and ada["y"] < lovelace["y"]


def test_inputs_are_as_wide_as_on_rio(shown):
    """Not stretched, a TextInput is 3 units wide and a DateInput 11 (Rio's:
    a date and the picker's icon fit)."""
    page = shown("natural_inputs", "after date")
    assert abs(box(page, "after text")["x"] - 3 * U) < 1
    assert abs(box(page, "after date")["x"] - 11 * U) < 1


def test_stack_draws_children_on_top_of_each_other(shown):
    """A stack's children share its area; the later one is visible on top."""
    page = shown("stack", "Front")
    front = box(page, "Front")
    rect = page.locator(".rio-rectangle")
    r = rect.bounding_box()
    assert r["height"] == 10 * U and r["width"] == W
    assert abs(front["y"] + front["height"] / 2 - r["height"] / 2) < 1
    assert style(rect, "backgroundColor") == "rgb(255, 0, 0)"


def test_overlay_covers_the_window(shown):
    """Overlay content is placed relative to the window, not its parent."""
    page = shown("overlay", "Floating")
    f = box(page, "Floating")
    assert abs(f["x"] + f["width"] - W) < 1 and abs(f["y"] + f["height"] - H) < 1


def test_flow_container_wraps(shown):
    """Children that don't fit the width continue on the next line."""
    page = shown("flow", "Tag00")
    first, last = box(page, "Tag00"), box(page, "Tag19")
    assert last["y"] > first["y"] + U
    assert all(box(page, f"Tag{i:02}")["x"] + 40 < 320 for i in range(20))


def test_scroll_container_scrolls(shown):
    """Content taller than the window scrolls; the last line becomes visible."""
    page = shown("scroll", "Line 0")
    assert box(page, "Line 79")["y"] > H
    scroller = page.locator(".rio-scroll")
    assert scroller.evaluate("e => e.scrollHeight > e.clientHeight")
    scroller.hover()
    page.mouse.wheel(0, 10_000)
    page.wait_for_function("document.querySelector('.rio-scroll').scrollTop > 0")
    last = box(page, "Line 79")
    assert 0 < last["y"] + last["height"] <= H + 1


def test_spacer_pushes_apart(shown):
    """A Spacer in a row takes the free space between its siblings."""
    page = shown("spacer", "Left")
    left, right = box(page, "Left"), box(page, "Right")
    assert left["x"] == 0 and abs(right["x"] + right["width"] - W) < 1


def test_separator_draws_a_line(shown):
    """A Separator in a column is a thin horizontal line in its colour."""
    page = shown("separator", "Above")
    line = page.locator(".rio-separator")
    b = line.bounding_box()
    assert b["width"] == W and b["height"] >= 1
    color = line.evaluate("e => getComputedStyle(e, '::before').backgroundColor")
    assert color == "rgb(0, 255, 0)"


def test_rectangle_fill_stroke_radius_and_hover(shown):
    """Rectangle shows its fill, stroke and corners, and its hover fill."""
    page = shown("rectangle", "Boxed")
    rect = page.locator(".rio-rectangle")
    assert style(rect, "backgroundColor") == "rgb(0, 0, 255)"
    assert style(rect, "borderTopLeftRadius") == "16px"
    assert "inset" in style(rect, "boxShadow")
    rect.hover()
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.rio-rectangle'))"
        ".backgroundColor === 'rgb(0, 255, 0)'"
    )
    # Text on a blue rectangle still reads: it is the text colour, not blue.
    assert box(page, "Boxed")["x"] == U


def test_container_applies_margins(shown):
    """A Container passes its layout (margin 3) on to what it holds."""
    page = shown("container", "Contained")
    b = box(page, "Contained")
    assert (b["x"], b["y"]) == (3 * U, 3 * U)


def test_theme_context_switcher_recolours_text(shown):
    """Text inside takes the foreground colour of the chosen palette."""
    page = shown("context", "On primary")
    color = style(page.get_by_text("On primary"), "color")
    assert color == "rgb(0, 38, 63)"  # Rio's text colour on its default primary


def test_card_press_colour_and_revealer(shown):
    """Card: primary colour, rounded, counts presses. Revealer opens on click."""
    page = shown("counter", "Card pressed 0")
    card = page.locator(".rio-card")
    assert style(card, "backgroundColor") == "rgb(1, 223, 253)"  # Rio's primary
    assert style(card, "borderTopLeftRadius") == "16px"
    assert style(page.get_by_text("Card pressed 0"), "color") == "rgb(0, 38, 63)"
    card.click()
    card.click()
    page.get_by_text("Card pressed 2").wait_for()

    revealed = page.get_by_text("Revealed text")
    assert not revealed.is_visible()
    page.get_by_role("button", name="More").click()
    page.get_by_text("open=True").wait_for()
    revealed.wait_for(state="visible")


def test_switcher_popup_and_tooltip(shown):
    """Switcher swaps content; Popup shows when opened; Tooltip on hover."""
    page = shown("switch_popup", "Page 0")
    component = _LIVE["harness"]._build_result
    assert not page.get_by_text("Popup body").is_visible()
    shown.server.run(lambda: setattr(component, "open", True))
    page.get_by_text("Popup body").wait_for(state="visible")
    anchor, body = box(page, "Anchor"), box(page, "Popup body")
    assert body["y"] > anchor["y"] + anchor["height"]  # below the anchor

    shown.server.run(lambda: setattr(component, "page", 1))
    page.get_by_text("Page 1").wait_for()
    assert page.get_by_text("Page 0").count() == 0

    shown.server.run(lambda: setattr(component, "open", False))
    page.get_by_text("Popup body").wait_for(state="hidden")
    tip = page.get_by_text("The tip")
    assert not tip.is_visible()
    page.get_by_text("Hover target").hover()
    tip.wait_for(state="visible")
    assert box(page, "The tip")["y"] > box(page, "Hover target")["y"]

"""Layout semantics in Chromium: margins, align, grow, min size, nesting.

One server and one page for the module; each test switches the root to
another case and measures bounding boxes. The viewport is 800 x 600 px and
1 font-height is 16 px.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from conftest import case_page

import rio_desktop as rio

pytestmark = pytest.mark.browser

U = 16  # px per font-height
W, H = 800, 600


def _cases() -> dict[str, Callable[[], rio.Component]]:
    return {
        "margins": lambda: rio.Column(
            rio.Text("M1", margin=2, align_x=0, align_y=0),
            rio.Text("M2", margin_x=1, margin_left=3, margin_y=0.5, align_x=0),
        ),
        "center": lambda: rio.Text("Centre", align_x=0.5, align_y=0.5),
        "fraction": lambda: rio.Column(
            rio.Text("Quarter", align_x=0.25),
            rio.Text("End", align_x=1),
            rio.Text("Fill"),
            align_y=0,
        ),
        "bottom": lambda: rio.Text("Bottom", align_x=1, align_y=1),
        "row_grow": lambda: rio.Row(
            rio.Text("A"),
            rio.Text("B", grow_x=True),
            rio.Text("C"),
            spacing=1,
            align_y=0,
        ),
        # Own texts: the case before it shows "A" and "B" too, and waiting
        # for those would measure the old case's boxes mid-switch.
        "row_even": lambda: rio.Row(rio.Text("E1"), rio.Text("E2"), align_y=0),
        "nested": lambda: rio.Row(
            rio.Column(
                rio.Text("T1"),
                rio.Text("T2", grow_y=True),
                rio.Row(rio.Text("X1"), rio.Text("X2", grow_x=True)),
                grow_x=True,
            ),
            rio.Column(rio.Text("S1"), min_width=10),
        ),
        "min_size": lambda: rio.Text(
            "m", min_width=12, min_height=5, align_x=0, align_y=0
        ),
        "row_align_y": lambda: rio.Row(
            rio.Text("tall\nline\nthree"),
            rio.Text("mid", align_y=0.5),
            rio.Text("low", align_y=1),
            align_y=0,
            align_x=0,
        ),
        "proportions": lambda: rio.Row(
            rio.Text("P1"), rio.Text("P2"), proportions=[1, 3], align_y=0
        ),
        "homogeneous": lambda: rio.Column(
            rio.Text("H1"), rio.Text("H2"), rio.Text("H3"), proportions="homogeneous"
        ),
        "highlevel": lambda: rio.Row(_Box(grow_x=True), rio.Text("side"), align_y=0),
        "spacer": lambda: rio.Column(
            rio.Text("Top"),
            rio.Spacer(min_height=2, grow_y=False),
            rio.Text("Upper"),
            rio.Spacer(),
            rio.Text("Foot"),
        ),
    }


class _Box(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("inside")


class Harness(rio.Component):
    case: str = "center"

    def build(self) -> rio.Component:
        _LIVE["harness"] = self
        # A new key per case: nothing is reconciled into the previous case.
        content = _cases()[self.case]()
        content.key = self.case
        return content


_LIVE: dict[str, Any] = {}


@pytest.fixture(scope="module")
def shown(chromium):
    with case_page(chromium, rio.App(build=Harness), _LIVE, "Centre", (W, H)) as show:
        yield show


def box(page: Any, text: str) -> dict[str, float]:
    return page.get_by_text(text, exact=True).bounding_box()


def close(a: float, b: float, tolerance: float = 1.0) -> bool:
    return abs(a - b) <= tolerance


def test_margins_in_font_heights(shown):
    """margin, margin_x, margin_left...: the specific ones win, 1 = 16 px."""
    page = shown("margins", "M1")
    m1, m2 = box(page, "M1"), box(page, "M2")
    assert (m1["x"], m1["y"]) == (2 * U, 2 * U)
    assert m2["x"] == 3 * U


def test_align_centre_takes_natural_size(shown):
    """align 0.5/0.5 centres the component at its natural size."""
    page = shown("center", "Centre")
    b = box(page, "Centre")
    assert b["width"] < 100 and b["height"] < 30
    assert close(b["x"] + b["width"] / 2, W / 2)
    assert close(b["y"] + b["height"] / 2, H / 2)


def test_align_end(shown):
    """align 1/1 puts the component in the bottom right corner."""
    page = shown("bottom", "Bottom")
    b = box(page, "Bottom")
    assert close(b["x"] + b["width"], W) and close(b["y"] + b["height"], H)


def test_fractional_align_in_column(shown):
    """align_x=0.25 leaves a quarter of the free space on the left."""
    page = shown("fraction", "Quarter")
    q, e, f = box(page, "Quarter"), box(page, "End"), box(page, "Fill")
    assert close(q["x"], 0.25 * (W - q["width"]))
    assert close(e["x"] + e["width"], W) and e["width"] < 100
    assert (f["x"], f["width"]) == (0, W)


def test_row_grow_x_takes_the_rest(shown):
    """The growing child of a row takes all space the others leave."""
    page = shown("row_grow", "B")
    a, b, c = box(page, "A"), box(page, "B"), box(page, "C")
    assert a["x"] == 0
    assert close(b["x"], a["x"] + a["width"] + U)
    assert close(c["x"] + c["width"], W)
    assert close(b["width"], W - a["width"] - c["width"] - 2 * U)


def test_row_without_growers_shares_space(shown):
    """If no child grows, the extra space is shared by all children."""
    page = shown("row_even", "E1")
    a, b = box(page, "E1"), box(page, "E2")
    assert close(a["x"] + a["width"], b["x"])
    assert close(b["x"] + b["width"], W)
    assert close(a["width"], b["width"], 2)


def test_a_spacer_takes_the_spare_space(shown):
    """A Spacer grows by default (no layout field given): it alone takes
    the column's spare space; one told not to grow keeps its min_height."""
    page = shown("spacer", "Foot")
    top, upper, foot = box(page, "Top"), box(page, "Upper"), box(page, "Foot")
    assert top["y"] == 0
    assert close(upper["y"], top["height"] + 2 * U)
    assert close(foot["y"] + foot["height"], H)
    assert close(foot["height"], upper["height"])


def test_nested_rows_and_columns_with_growing_children(shown):
    """Growth works at every level; min_width holds the side column."""
    page = shown("nested", "T1")
    t1, t2, s1 = box(page, "T1"), box(page, "T2"), box(page, "S1")
    x1, x2 = box(page, "X1"), box(page, "X2")
    assert t1["y"] == 0 and close(t2["y"], t1["y"] + t1["height"])
    assert close(x1["y"] + x1["height"], H)  # the inner row sits at the bottom
    assert close(t2["y"] + t2["height"], x1["y"])  # T2 grew to fill
    assert close(t1["width"], W - 10 * U)
    assert close(s1["x"], W - 10 * U) and close(s1["width"], 10 * U)
    assert close(x2["x"] + x2["width"], W - 10 * U)  # X2 grows in the inner row
    assert close(s1["height"], H)  # the only child of its column fills it


def test_min_width_and_height(shown):
    """min_width/min_height are lower bounds in font-heights."""
    page = shown("min_size", "m")
    b = box(page, "m")
    assert (b["width"], b["height"]) == (12 * U, 5 * U)


def test_align_y_inside_row(shown):
    """In a row, align_y places a child within the row's height."""
    page = shown("row_align_y", "mid")
    tall, mid, low = box(page, "tall\nline\nthree"), box(page, "mid"), box(page, "low")
    assert tall["height"] > 2.5 * mid["height"]
    assert close(mid["y"] + mid["height"] / 2, tall["y"] + tall["height"] / 2)
    assert close(low["y"] + low["height"], tall["y"] + tall["height"])


def test_proportions(shown):
    """proportions=[1, 3] splits a row's width 1:3."""
    page = shown("proportions", "P1")
    p1, p2 = box(page, "P1"), box(page, "P2")
    assert close(p1["width"], W / 4) and close(p2["width"], 3 * W / 4)


def test_homogeneous_column(shown):
    """proportions="homogeneous" makes all children equally tall."""
    page = shown("homogeneous", "H1")
    heights = [box(page, t)["height"] for t in ("H1", "H2", "H3")]
    assert all(close(h, H / 3) for h in heights)


def test_high_level_component_grows_as_its_wrapper(shown):
    """grow_x on a user component makes its content take the row's rest."""
    page = shown("highlevel", "inside")
    inside, side = box(page, "inside"), box(page, "side")
    assert close(inside["width"], W - side["width"])

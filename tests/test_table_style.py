"""Rio's `table[rows, columns].style(...)`: the selection rules, and the
styles shown in Chromium."""

from __future__ import annotations

from typing import Any

import pytest

import rio_desktop as rio

DATA = {
    "Name": ["Alice", "Bob", "Charlie"],
    "Age": [25, 30, 35],
    "City": ["New York", "San Francisco", "Los Angeles"],
}


def _rect(selection: Any) -> tuple[Any, ...]:
    return (selection.top, selection.left, selection.height, selection.width)


def test_indices_select_like_rio() -> None:
    table = rio.Table(DATA)
    assert _rect(table[1:3, 1:3]) == (1, 1, 2, 2)
    assert _rect(table[0, :]) == (0, 0, 1, 3)
    assert _rect(table[:, "City"]) == (0, 2, 3, 1)
    assert _rect(table["Age"]) == (0, 1, 3, 1)  # a name alone: its data rows
    assert _rect(table["header", :]) == ("header", 0, 1, 3)
    assert _rect(table[-1, -2:]) == (2, 1, 1, 2)
    assert table[0, 0].style(font_weight="bold") is table


@pytest.mark.parametrize(
    ("index", "error"),
    [
        ((3, 0), IndexError),
        ((slice(0, 4), 0), IndexError),
        ((-4, 0), IndexError),
        ((0, "Town"), KeyError),
        ((True, 0), ValueError),
        ((0.5, 0), ValueError),
        ((0,), ValueError),
    ],
)
def test_bad_indices_are_refused(index: Any, error: type) -> None:
    with pytest.raises(error):
        rio.Table(DATA)[index]


def test_a_table_without_headers_has_no_column_names() -> None:
    table = rio.Table([[1, 2], [3, 4]])
    assert _rect(table[1, 1]) == (1, 1, 1, 1)
    with pytest.raises(ValueError, match="column names"):
        table["a"]


class Styled(rio.Component):
    highlight: bool = False

    def build(self) -> rio.Component:
        table = rio.Table(DATA, align_x=0)
        table[1:3, 1:3].style(font_weight="bold")
        table["header", "Name"].style(font_color=rio.Color.from_hex("#ff0000"))
        table[:, "Age"].style(justify="right", italic=True)
        if self.highlight:
            table[0, :].style(background_color=rio.Color.from_hex("#00ff00"))
        return rio.Column(
            table,
            rio.Button("highlight", on_press=self._highlight),
            align_x=0,
            align_y=0,
        )

    def _highlight(self) -> None:
        self.highlight = True


def _look(page: Any, text: str) -> dict[str, str]:
    cell = page.locator("td, th").filter(has_text=text).first
    return cell.evaluate(
        "e => { const s = getComputedStyle(e); return {weight: s.fontWeight,"
        " color: s.color, style: s.fontStyle, align: s.textAlign,"
        " bg: s.backgroundColor}; }"
    )


@pytest.mark.browser
def test_styles_show_in_the_page(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=Styled))
    page.goto(server.url)
    page.get_by_text("San Francisco", exact=True).wait_for()
    assert _look(page, "San Francisco")["weight"] == "700"
    assert _look(page, "Charlie")["weight"] == "400"  # column 0: not selected
    assert _look(page, "New York")["weight"] == "400"  # row 0: not selected
    assert _look(page, "Name")["color"] == "rgb(255, 0, 0)"
    age = _look(page, "30")
    assert (age["style"], age["align"], age["weight"]) == ("italic", "right", "700")
    assert _look(page, "25")["weight"] == "400"
    assert _look(page, "Alice")["bg"] == "rgba(0, 0, 0, 0)"

    # Styled again in a rebuild: the table on the page follows.
    page.get_by_role("button", name="highlight").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('td')].find(e => e.textContent"
        " === 'Alice')?.style.backgroundColor === 'rgb(0, 255, 0)'"
    )
    assert _look(page, "New York")["bg"] == "rgb(0, 255, 0)"
    assert _look(page, "Bob")["bg"] == "rgba(0, 0, 0, 0)"

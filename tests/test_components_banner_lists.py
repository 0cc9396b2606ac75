"""Banner, the ListView's items and its selection: Rio 0.12.3's parameters
and behaviour, in Chromium on the module's case page (conftest.case_page:
800 x 600 px, 16 px per font-height).
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import show_cases, wait_for

import rio_desktop as rio

U = 16
W, H = 800, 600
_LIVE: dict[str, Any] = {}


class Banners(rio.Component):
    """One banner per style, an empty one, and one filled by a button."""

    message: str | None = None

    def build(self) -> rio.Component:
        _LIVE["banners"] = self
        return rio.Column(
            rio.Banner("Saved the file", "success"),
            rio.Banner("Some **bold** news", "info", markdown=True),
            rio.Banner("Disk almost full", "warning"),
            rio.Banner("Upload failed", "danger", icon="material/castle"),
            rio.Banner(self.message, "danger", key="late"),
            rio.Button("Fail", on_press=self._fail),
            rio.Text("End of banners"),
            margin=2,
            align_y=0,
        )

    def _fail(self) -> None:
        self.message = "Something went wrong"


class Items(rio.Component):
    """Headings, separators, simple and custom items; some pressable."""

    pressed: list = []

    def build(self) -> rio.Component:
        _LIVE["items"] = self
        return rio.Column(
            rio.ListView(
                rio.HeadingListItem("Fruit"),
                rio.SimpleListItem(
                    "Apple",
                    secondary_text="Red and round",
                    key="apple",
                    left_child=rio.Icon("material/castle"),
                    right_child=rio.Button("Remove", on_press=self._remove),
                    on_press=lambda: self._press("apple"),
                ),
                rio.SimpleListItem("Pear", key="pear"),
                rio.SeparatorListItem(),
                rio.CustomListItem(
                    rio.Row(rio.Text("Custom row"), rio.Text("right side")),
                    key="custom",
                    on_press=lambda: self._press("custom"),
                ),
                Wrapped(label="Wrapped row"),
                rio.HeadingListItem("Vegetables"),
                rio.SimpleListItem("Leek", key="leek"),
                margin=2,
            ),
            rio.Text(f"pressed {', '.join(self.pressed) or 'nothing'}"),
            align_y=0,
        )

    def _press(self, name: str) -> None:
        self.pressed = [*self.pressed, name]

    def _remove(self) -> None:
        self.pressed = [*self.pressed, "remove"]


class Wrapped(rio.Component):
    """An app component whose build is a list item: it joins the group."""

    label: str = ""

    def build(self) -> rio.Component:
        return rio.SimpleListItem(self.label, key="wrapped")


class Selection(rio.Component):
    """A list with a selection mode, its selection bound, and a log."""

    mode: str = "single"
    selected: list = []
    events: list = []
    without_two: bool = False

    def build(self) -> rio.Component:
        _LIVE["selection"] = self
        two = [] if self.without_two else [rio.SimpleListItem("Two", key=2)]
        return rio.Column(
            rio.ListView(
                rio.SimpleListItem("One", key="one"),
                *two,
                rio.CustomListItem(rio.Text("Three"), key="three"),
                rio.SimpleListItem("No key"),
                selection_mode=self.mode,
                selected_items=self.bind().selected,
                on_selection_change=self._changed,
                margin=2,
            ),
            rio.Text(f"selected {self.selected}"),
            align_y=0,
        )

    def _changed(self, event: rio.ListViewSelectionChangeEvent) -> None:
        self.events = [*self.events, list(event.selected_items)]


CASES = {
    "start": lambda: rio.Text("Start"),
    "banners": Banners,
    "items": Items,
    "single": lambda: Selection(mode="single"),
    "multiple": lambda: Selection(mode="multiple", selected=["three"]),
    "removal": lambda: Selection(mode="multiple", selected=["three"]),
}


@pytest.fixture(scope="module")
def shown(chromium):
    with show_cases(chromium, CASES, _LIVE, (W, H)) as show:
        yield show


def style_of(locator: Any, prop: str) -> str:
    """A computed style once the element's transitions have ended (a colour
    still easing from the page's previous state is off by a unit)."""
    return locator.evaluate(
        "async (e) => { await Promise.all(e.getAnimations().map((a) => a.finished));"
        f" return getComputedStyle(e).{prop}; }}"
    )


def theme_color(page: Any, name: str) -> str:
    """A theme variable as the computed background colour it gives."""
    return page.evaluate(
        """name => {
            const probe = document.createElement('div');
            probe.style.background = `var(--rio-${name})`;
            document.body.append(probe);
            const color = getComputedStyle(probe).backgroundColor;
            probe.remove();
            return color;
        }""",
        name,
    )


# --- Banner -------------------------------------------------------------------


def test_banner_parameters_are_rios():
    banner = rio.Banner("Hi", "info")
    assert (banner.text, banner.style, banner.markdown, banner.icon) == (
        "Hi",
        "info",
        False,
        None,
    )
    with pytest.raises(TypeError):
        rio.Banner("Hi")  # type: ignore[call-arg]  # style is required


def test_banners_show_their_style_icon_and_text(shown):
    """Each style has its colour set and icon; Markdown is rendered."""
    page = shown("banners", "End of banners")
    cards = page.locator(".rio-card")
    assert cards.count() == 4  # the banner without text shows nothing
    expected = ["success", "secondary", "warning", "danger"]
    for index, color in enumerate(expected):
        card = cards.nth(index)
        assert style_of(card, "backgroundColor") == theme_color(page, color)
        assert card.locator(".rio-icon").count() == 1
        # Its text in the colour set's foreground, on one strip.
        text = card.locator(".rio-text, .rio-markdown").first
        assert style_of(text, "color") == theme_color(page, f"{color}-fg")
        box = card.bounding_box()
        assert abs(box["x"] - 2 * U) < 1 and abs(box["width"] - (W - 4 * U)) < 1
        assert box["height"] < 3 * U
    assert page.locator(".rio-card strong").inner_text() == "bold"
    # The custom icon replaces the style's: not the one the other banner has.
    danger_icon = cards.nth(3).locator(".rio-icon").inner_html()
    other_icon = cards.nth(0).locator(".rio-icon").inner_html()
    assert danger_icon != other_icon


def test_banner_without_text_takes_no_space_until_it_gets_text(shown):
    page = shown("banners", "End of banners")
    before = page.get_by_role("button", name="Fail").bounding_box()
    page.get_by_role("button", name="Fail").click()
    page.get_by_text("Something went wrong", exact=True).wait_for()
    assert page.locator(".rio-card").count() == 5
    after = page.get_by_role("button", name="Fail").bounding_box()
    card = page.locator(".rio-card").nth(4).bounding_box()
    assert abs(after["y"] - (before["y"] + card["height"])) < 1
    shown.server.run(lambda: setattr(_LIVE["banners"], "message", "  "))
    wait_for(lambda: page.locator(".rio-card").count() == 4)


def test_banner_rejects_an_unknown_style(shown, monkeypatch):
    monkeypatch.setenv("RIO_DESKTOP_DEV", "1")  # the placeholder shows why
    page = shown("start", "Start")

    class Bad(rio.Component):
        def build(self) -> rio.Component:
            return rio.Banner("Oops", "loud")  # type: ignore[arg-type]

    CASES["bad"] = Bad
    try:
        shown.server.run(lambda: setattr(_LIVE["harness"], "case", "bad"))
        error = page.locator(".rio-error")
        error.wait_for()
        assert "'loud'" in error.inner_text()
    finally:
        del CASES["bad"]
        shown.server.run(lambda: setattr(_LIVE["harness"], "case", "start"))


# --- ListView items -----------------------------------------------------------


def test_list_items_parameters_are_rios():
    assert rio.HeadingListItem("Title").text == "Title"
    item = rio.CustomListItem(rio.Text("x"), key="k")
    assert (item.on_press, item.key) == (None, "k")
    rio.SeparatorListItem()
    view = rio.ListView(rio.SimpleListItem("a", key="a"))
    assert (view.selection_mode, view.selected_items) == ("none", [])
    assert view.on_selection_change is None
    assert rio.ListViewSelectionChangeEvent(["a"]).selected_items == ["a"]


def test_list_view_groups_items_between_headings_and_separators(shown):
    """Runs of items share a background with rounded outer corners;
    headings and separators stand outside."""
    page = shown("items", "pressed nothing")
    page.mouse.move(W - 1, H - 1)  # no row under the pointer
    variant = theme_color(page, "background-variant")
    heading = page.get_by_text("Fruit", exact=True)
    assert style_of(heading, "backgroundColor") == "rgba(0, 0, 0, 0)"
    rows = {
        name: page.locator(".rio-lv > *").filter(has_text=name)
        for name in ["Apple", "Pear", "Custom row", "Wrapped row", "Leek"]
    }
    for row in rows.values():
        assert style_of(row, "backgroundColor") == variant
    radius = "borderTopLeftRadius"
    bottom = "borderBottomLeftRadius"
    assert style_of(rows["Apple"], radius) != "0px"
    assert style_of(rows["Apple"], bottom) == "0px"
    assert style_of(rows["Pear"], radius) == "0px"
    assert style_of(rows["Pear"], bottom) != "0px"
    # The separator leaves a gap: a new group starts after it.
    pear = rows["Pear"].bounding_box()
    custom = rows["Custom row"].bounding_box()
    assert abs(custom["y"] - (pear["y"] + pear["height"]) - U) < 1
    assert style_of(rows["Custom row"], radius) != "0px"
    # An app component wrapping an item joins the group and ends it.
    assert style_of(rows["Wrapped row"], radius) == "0px"
    assert style_of(rows["Wrapped row"], bottom) != "0px"
    # A heading ends a group too.
    assert style_of(rows["Leek"], radius) != "0px"
    # The second line is dimmer than the first, below it; the icon is left.
    apple = page.get_by_text("Apple", exact=True).bounding_box()
    second = page.get_by_text("Red and round", exact=True)
    assert second.bounding_box()["y"] > apple["y"] + apple["height"]
    assert float(style_of(second, "opacity")) < 1
    assert style_of(page.get_by_text("Apple", exact=True), "opacity") == "1"
    icon = rows["Apple"].locator(".rio-icon").bounding_box()
    assert icon["x"] + icon["width"] <= apple["x"]


def test_pressable_items_report_presses_and_light_up(shown):
    page = shown("items", "pressed nothing")
    custom = page.locator(".rio-lv > *").filter(has_text="Custom row")
    at_rest = style_of(custom, "backgroundColor")
    assert style_of(custom, "cursor") == "pointer"
    custom.hover()
    active = theme_color(page, "background-active")
    wait_for(lambda: style_of(custom, "backgroundColor") == active)
    assert active != at_rest
    custom.click()
    page.get_by_text("pressed custom", exact=True).wait_for()
    page.get_by_text("Apple", exact=True).click()
    page.get_by_text("pressed custom, apple", exact=True).wait_for()
    # A button on a row presses the button, not the row.
    page.get_by_role("button", name="Remove").click()
    page.get_by_text("pressed custom, apple, remove", exact=True).wait_for()
    # An item without on_press is not pressable.
    pear = page.locator(".rio-lv > *").filter(has_text="Pear")
    assert style_of(pear, "cursor") != "pointer"


# --- ListView selection -------------------------------------------------------


def selected_rows(page: Any) -> list[str]:
    return page.locator('[aria-selected="true"]').all_inner_texts()


def test_single_selection_selects_one_item_by_key(shown):
    page = shown("single", "selected []")
    case = _LIVE["selection"]
    assert page.locator('[aria-selected="false"]').count() == 3  # not "No key"
    page.get_by_text("One", exact=True).click()
    page.get_by_text("selected ['one']", exact=True).wait_for()
    secondary = theme_color(page, "secondary")
    row = page.locator(".rio-lv > *").filter(has_text="One")
    assert style_of(row, "backgroundColor") != theme_color(page, "background-variant")
    page.mouse.move(0, 0)
    wait_for(lambda: style_of(row, "backgroundColor") == secondary)
    page.get_by_text("Two", exact=True).click()  # an int key
    page.get_by_text("selected [2]", exact=True).wait_for()
    assert selected_rows(page) == ["Two"]
    page.get_by_text("Two", exact=True).click()  # a second click unselects
    page.get_by_text("selected []", exact=True).wait_for()
    page.get_by_text("No key", exact=True).click()  # not selectable
    page.get_by_text("Three", exact=True).click()
    page.get_by_text("selected ['three']", exact=True).wait_for()
    assert shown.server.run(lambda: case.events) == [["one"], [2], [], ["three"]]
    # The app sets the selection: the page follows.
    shown.server.run(lambda: setattr(case, "selected", ["one"]))
    wait_for(lambda: selected_rows(page) == ["One"])


def test_multiple_selection_toggles_items(shown):
    page = shown("multiple", "selected ['three']")
    case = _LIVE["selection"]
    wait_for(lambda: selected_rows(page) == ["Three"])
    page.get_by_text("One", exact=True).click()
    page.get_by_text("selected ['three', 'one']", exact=True).wait_for()
    page.get_by_text("Three", exact=True).click()
    page.get_by_text("selected ['one']", exact=True).wait_for()
    assert selected_rows(page) == ["One"]
    assert shown.server.run(lambda: case.events) == [["three", "one"], ["one"]]
    assert page.locator(".rio-lv").get_attribute("aria-multiselectable") == "true"


def test_a_selected_item_that_leaves_the_list_leaves_the_selection(shown):
    """As in Rio: its key is dropped and on_selection_change hears of it."""
    page = shown("removal", "selected ['three']")
    case = _LIVE["selection"]
    page.get_by_text("Two", exact=True).click()
    page.get_by_text("selected ['three', 2]", exact=True).wait_for()
    shown.server.run(lambda: setattr(case, "without_two", True))
    page.get_by_text("selected ['three']", exact=True).wait_for()
    assert shown.server.run(lambda: case.events) == [["three", 2], ["three"]]
    assert selected_rows(page) == ["Three"]


def test_selection_events_from_the_page_are_checked(shown):
    """A forged selection that the mode does not allow is refused."""
    shown("single", "selected []")
    view = _LIVE["selection"]._build_result.children[0]
    with pytest.raises(ValueError):
        view._on_page_event("selection_change", ["one", 2])
    with pytest.raises(ValueError):
        view._on_page_event("selection_change", "one")
    with pytest.raises(ValueError):
        view._on_page_event("selection_change", [True])

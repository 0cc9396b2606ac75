"""TreeView, SimpleTreeItem and CustomTreeItem: Rio 0.12.3's parameters,
expansion and selection, in Chromium on the module's case page
(conftest.case_page: 800 x 600 px, 16 px per font-height).
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import show_cases, wait_for

import rio_desktop as rio
from rio_desktop.components._tree_view import TreeItemExpansionChangeEvent

U = 16
W, H = 800, 600
_LIVE: dict[str, Any] = {}


class Tree(rio.Component):
    """A tree with nested items, its selection bound, and event logs."""

    mode: str = "none"
    selected: list = []
    events: list = []
    expansions: list = []
    presses: list = []
    without_leek: bool = False

    def build(self) -> rio.Component:
        _LIVE["tree"] = self
        return rio.Column(
            rio.TreeView(
                rio.SimpleTreeItem(
                    "Fruit",
                    key="fruit",
                    secondary_text="Sweet things",
                    left_child=rio.Icon("material/castle"),
                    on_expansion_change=self._expanded,
                    children=[
                        rio.SimpleTreeItem("Apple", key="apple"),
                        rio.SimpleTreeItem(
                            "Pear",
                            key="pear",
                            children=[rio.SimpleTreeItem("Nashi", key="nashi")],
                        ),
                    ],
                ),
                rio.SimpleTreeItem(
                    "Veg",
                    key="veg",
                    is_expanded=True,
                    children=[]
                    if self.without_leek
                    else [rio.SimpleTreeItem("Leek", key="leek")],
                ),
                rio.CustomTreeItem(
                    rio.Text("Custom"),
                    key="custom",
                    on_press=lambda: self._pressed("custom"),
                ),
                rio.SimpleTreeItem("No key"),
                rio.SimpleTreeItem(
                    rio.Text("Shown content"),
                    expand_button_closed=rio.Text("plus"),
                    expand_button_open=rio.Text("minus"),
                    children=[rio.SimpleTreeItem("Inner")],
                ),
                selection_mode=self.mode,
                selected_items=self.bind().selected,
                on_selection_change=self._changed,
                margin=2,
            ),
            rio.Text(f"selected {self.selected}"),
            align_y=0,
        )

    def _changed(self, event: rio.TreeViewSelectionChangeEvent) -> None:
        self.events = [*self.events, list(event.selected_items)]

    def _expanded(self, event: TreeItemExpansionChangeEvent) -> None:
        self.expansions = [*self.expansions, event.is_expanded]

    def _pressed(self, name: str) -> None:
        self.presses = [*self.presses, name]


CASES = {
    "start": lambda: rio.Text("Start"),
    "none": lambda: Tree(mode="none"),
    "single": lambda: Tree(mode="single"),
    "multiple": lambda: Tree(mode="multiple", selected=["custom"]),
    "removal": lambda: Tree(mode="multiple", selected=["custom"]),
}


@pytest.fixture(scope="module")
def shown(chromium):
    with show_cases(chromium, CASES, _LIVE, (W, H)) as show:
        yield show


def item(page: Any, name: str) -> Any:
    """The tree item whose own row shows `name`."""
    head = page.locator(".rio-tree-head").filter(has=page.get_by_text(name, exact=True))
    return page.locator(".rio-tree-item").filter(has=head.last).last


def selected_names(page: Any) -> list[str]:
    heads = page.locator(".rio-tree-item[aria-selected=true] > .rio-tree-head")
    return sorted(h.inner_text().split("\n")[0] for h in heads.all())


def live(name: str) -> Any:
    return _LIVE[name]


# --- parameters -----------------------------------------------------------------


def test_tree_parameters_are_rios():
    leaf = rio.SimpleTreeItem("Leaf", key="leaf")
    assert (leaf.content, leaf.children, leaf.is_expanded) == ("Leaf", [], False)
    assert (leaf.secondary_text, leaf.left_child, leaf.on_press) == ("", None, None)
    custom = rio.CustomTreeItem(rio.Text("x"), children=[leaf], is_expanded=True)
    assert custom.children == [leaf] and custom.is_expanded
    view = rio.TreeView(leaf, selection_mode="multiple")
    assert view.root_items == [leaf]
    assert (view.selected_items, view.on_selection_change) == ([], None)
    assert rio.TreeViewSelectionChangeEvent(["a"]).selected_items == ["a"]
    with pytest.raises(TypeError):
        rio.SimpleTreeItem("a", "b")  # type: ignore[misc]  # the rest by keyword


def test_tree_view_refuses_a_selection_its_mode_does_not_allow():
    single = rio.TreeView(rio.SimpleTreeItem("a", key="a"), selection_mode="single")
    with pytest.raises(ValueError):
        single._on_page_event("selection_change", ["a", "b"])
    none = rio.TreeView(rio.SimpleTreeItem("a", key="a"))
    with pytest.raises(ValueError):
        none._on_page_event("selection_change", ["a"])
    with pytest.raises(ValueError):
        single._on_page_event("selection_change", [{"not": "a key"}])


# --- in the browser -------------------------------------------------------------


def test_pressing_the_expand_button_shows_and_hides_children(shown):
    page = shown("none", "selected []")
    fruit = item(page, "Fruit")
    apple = page.get_by_text("Apple", exact=True)
    assert not apple.is_visible()
    # An open item shows its children, indented under it (as in Rio: 1.5
    # font-heights and the child's own 0.2 padding).
    leek = page.get_by_text("Leek", exact=True)
    assert leek.is_visible()
    veg_box = page.get_by_text("Veg", exact=True).bounding_box()
    assert leek.bounding_box()["x"] - veg_box["x"] == pytest.approx(1.7 * U, abs=1)

    fruit.locator("> .rio-tree-head > .rio-tree-toggle").click()
    apple.wait_for()
    assert fruit.get_attribute("aria-expanded") == "true"
    wait_for(lambda: live("tree").expansions == [True])
    tree_view = live("tree")._build_result.children[0]
    assert tree_view.root_items[0].is_expanded is True
    # A grandchild stays hidden until its own item opens.
    assert not page.get_by_text("Nashi", exact=True).is_visible()

    # The keyboard: Enter on the focused button closes it again.
    fruit.locator("> .rio-tree-head > .rio-tree-toggle").press("Enter")
    apple.wait_for(state="hidden")
    wait_for(lambda: live("tree").expansions == [True, False])
    # Without a selection mode, a click on the row selects nothing.
    page.get_by_text("Veg", exact=True).click()
    assert selected_names(page) == []
    # A component as content; components as the expand button.
    page.get_by_text("plus", exact=True).click()
    page.get_by_text("Inner", exact=True).wait_for()
    page.get_by_text("minus", exact=True).wait_for()
    assert page.get_by_text("Shown content", exact=True).is_visible()
    # A pressable item's content reports the press.
    page.get_by_text("Custom", exact=True).click()
    wait_for(lambda: live("tree").presses == ["custom"])


def test_single_selection_follows_clicks(shown):
    page = shown("single", "selected []")
    secondary = page.evaluate(
        """() => { const p = document.createElement('div');
        p.style.background = 'var(--rio-secondary)'; document.body.append(p);
        const c = getComputedStyle(p).backgroundColor; p.remove(); return c; }"""
    )
    page.get_by_text("Leek", exact=True).click()
    page.get_by_text("selected ['leek']", exact=True).wait_for()
    assert live("tree").events == [["leek"]]
    assert selected_names(page) == ["Leek"]
    page.mouse.move(W - 1, H - 1)
    head = item(page, "Leek").locator("> .rio-tree-head")
    wait_for(
        lambda: head.evaluate("e => getComputedStyle(e).backgroundColor") == secondary
    )
    # Opening an item does not select it.
    item(page, "Fruit").locator("> .rio-tree-head > .rio-tree-toggle").click()
    page.get_by_text("Apple", exact=True).click()
    page.get_by_text("selected ['apple']", exact=True).wait_for()
    assert selected_names(page) == ["Apple"]
    # A second click unselects; an item without a key cannot be selected.
    page.get_by_text("Apple", exact=True).click()
    page.get_by_text("selected []", exact=True).wait_for()
    page.get_by_text("No key", exact=True).click()
    page.get_by_text("Custom", exact=True).click()
    page.get_by_text("selected ['custom']", exact=True).wait_for()
    assert live("tree").events == [["leek"], ["apple"], [], ["custom"]]
    # The app sets the selection: the page follows.
    shown.server.run(lambda: setattr(live("tree"), "selected", ["veg"]))
    wait_for(lambda: selected_names(page) == ["Veg"])


def test_multiple_selection_toggles_items_also_by_keyboard(shown):
    page = shown("multiple", "selected ['custom']")
    assert selected_names(page) == ["Custom"]
    assert page.locator(".rio-tree").get_attribute("aria-multiselectable") == "true"
    page.get_by_text("Veg", exact=True).click()
    page.get_by_text("selected ['custom', 'veg']", exact=True).wait_for()
    page.get_by_text("Leek", exact=True).click()
    page.get_by_text("selected ['custom', 'veg', 'leek']", exact=True).wait_for()
    assert selected_names(page) == ["Custom", "Leek", "Veg"]
    # The keyboard: Tab moves on to the next row, Enter toggles it.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("selected ['veg', 'leek']", exact=True).wait_for()
    assert live("tree").events[-1] == ["veg", "leek"]
    assert selected_names(page) == ["Leek", "Veg"]
    # Enter on a row selects; it does not press the content.
    assert live("tree").presses == []


def test_a_selected_item_that_leaves_the_tree_leaves_the_selection(shown):
    """As in Rio: its key is dropped and on_selection_change hears of it."""
    page = shown("removal", "selected ['custom']")
    page.get_by_text("Leek", exact=True).click()
    page.get_by_text("selected ['custom', 'leek']", exact=True).wait_for()
    shown.server.run(lambda: setattr(live("tree"), "without_leek", True))
    page.get_by_text("selected ['custom']", exact=True).wait_for()
    assert live("tree").events[-1] == ["custom"]
    assert selected_names(page) == ["Custom"]

"""Input components in real Chromium: one page shows them all, tests use it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ServerThread

import rio_desktop as rio

pytestmark = pytest.mark.browser

#: What the handlers saw, newest last: (handler name, value).
EVENTS: list[tuple[str, Any]] = []


def wait_for(predicate: Any, timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


def last_event(name: str) -> Any:
    for event_name, value in reversed(EVENTS):
        if event_name == name:
            return value
    return None


class Inputs(rio.Component):
    size: str = "m"
    fruit: str = "Apple"

    def _on_fruit(self, event: rio.DropdownChangeEvent) -> None:
        EVENTS.append(("fruit", event.value))
        self.fruit = event.value

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Row(
                rio.Dropdown(
                    {"Small": "s", "Medium": "m", "Large": "l"},
                    label="Size",
                    selected_value=self.bind().size,
                ),
                rio.Text(f"size={self.size}"),
                rio.Dropdown(
                    ["Apple", "Pear", "Plum"],
                    label="Fruit",
                    selected_value=self.fruit,
                    on_change=self._on_fruit,
                ),
                rio.Text(f"fruit={self.fruit}"),
                rio.Dropdown(["x", "y"], label="Locked", is_sensitive=False),
                spacing=1,
            ),
            spacing=1,
            margin=1,
        )


@pytest.fixture(scope="module")
def app_page(chromium: Any) -> Iterator[tuple[ServerThread, Any]]:
    """One server and one page for the whole module."""
    server = ServerThread(rio.App(build=Inputs, name="Inputs"))
    context = chromium.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(server.url)
    page.get_by_text("size=m").wait_for()
    yield server, page
    context.close()
    server.close()


def root(server: ServerThread) -> Inputs:
    content = server.session()._tree.root.content
    assert isinstance(content, Inputs)
    return content


def test_dropdown_shows_options_and_selection(app_page):
    """A dict dropdown shows the names and selects the bound value's name."""
    server, page = app_page
    size = page.get_by_label("Size")
    assert size.evaluate("el => [...el.options].map(o => o.text)") == [
        "Small",
        "Medium",
        "Large",
    ]
    assert size.evaluate("el => el.selectedOptions[0].text") == "Medium"
    assert page.get_by_label("Locked").is_disabled()


def test_dropdown_binding_updates_parent_both_ways(app_page):
    """Picking an option updates the bound field; setting it updates the page."""
    server, page = app_page
    page.get_by_label("Size").select_option(label="Large")
    page.get_by_text("size=l").wait_for()
    assert root(server).size == "l"

    def set_small() -> None:
        root(server).size = "s"

    server.run(set_small)
    page.get_by_text("size=s").wait_for()
    page.wait_for_function(
        "document.querySelector('select').selectedOptions[0].text === 'Small'"
    )


def test_dropdown_on_change_gets_value(app_page):
    """on_change receives a DropdownChangeEvent with the option's value."""
    server, page = app_page
    page.get_by_label("Fruit").select_option(label="Plum")
    page.get_by_text("fruit=Plum").wait_for()
    assert last_event("fruit") == "Plum"
    assert isinstance(rio.DropdownChangeEvent("Plum").value, str)


def test_dropdown_rejects_bad_options():
    """Empty or wrongly typed options fail with a message that says what to do."""
    with pytest.raises(ValueError, match="at least one option"):
        rio.Dropdown([])
    with pytest.raises(TypeError, match="list of values or a dict"):
        rio.Dropdown("abc")

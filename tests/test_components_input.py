"""Input components in real Chromium: one page shows them all, tests use it."""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ServerThread
from helpers import wait_for

import rio_desktop as rio

pytestmark = pytest.mark.browser

#: What the handlers saw, newest last: (handler name, value).
EVENTS: list[tuple[str, Any]] = []


def last_event(name: str) -> Any:
    for event_name, value in reversed(EVENTS):
        if event_name == name:
            return value
    return None


def record(name: str, attribute: str) -> Any:
    """A handler that records `event.<attribute>` under `name`."""

    def handler(event: Any) -> None:
        EVENTS.append((name, getattr(event, attribute)))

    return handler


class Inputs(rio.Component):
    size: str = "m"
    fruit: str = "Apple"
    name: str = ""
    notes: str = ""
    amount: float = 5
    agree: bool = False
    dark: bool = False
    volume: float = 20
    day: datetime.date = datetime.date(2024, 5, 17)
    period: str = "week"
    tab: int = 0
    presses: int = 0
    loading: bool = False

    def _on_fruit(self, event: rio.DropdownChangeEvent) -> None:
        EVENTS.append(("fruit", event.value))
        self.fruit = event.value

    def _press(self) -> None:
        self.presses += 1

    async def _slow_press(self) -> None:
        self.loading = True
        await asyncio.sleep(0.3)
        self.loading = False

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
            rio.Row(
                rio.Button("Press", on_press=self._press),
                rio.Button("Off", is_sensitive=False, on_press=self._press),
                rio.Button(
                    "Slow",
                    icon="material/add",
                    style="minor",
                    color="danger",
                    is_loading=self.loading,
                    on_press=self._slow_press,
                ),
                rio.IconButton("material/add", on_press=self._press),
                rio.Text(f"presses={self.presses}"),
                spacing=1,
            ),
            rio.Row(
                rio.TextInput(
                    self.bind().name,
                    label="Name",
                    placeholder="Your name",
                    on_confirm=record("confirm", "text"),
                    on_change=record("name", "text"),
                ),
                rio.TextInput("", label="Password", is_secret=True),
                rio.Text(f"name={self.name}"),
                rio.MultiLineTextInput(
                    self.bind().notes,
                    label="Notes",
                    on_confirm=record("notes-confirm", "text"),
                ),
                rio.Text(f"notes={self.notes!r}"),
                spacing=1,
            ),
            rio.Row(
                rio.NumberInput(
                    self.bind().amount,
                    label="Amount",
                    minimum=0,
                    maximum=100,
                    decimals=1,
                    suffix_text="kg",
                    on_change=record("amount", "value"),
                ),
                rio.Text(f"amount={self.amount}"),
                rio.Checkbox(self.bind().agree, on_change=record("agree", "is_on")),
                rio.Text(f"agree={self.agree}"),
                rio.Switch(self.bind().dark, on_change=record("dark", "is_on")),
                rio.Text(f"dark={self.dark}"),
                spacing=1,
            ),
            rio.Row(
                rio.Slider(
                    value=self.bind().volume,
                    minimum=0,
                    maximum=100,
                    step=5,
                    show_values=True,
                    on_change=record("volume", "value"),
                    min_width=20,
                ),
                rio.Text(f"volume={self.volume}"),
                rio.DateInput(
                    self.bind().day, label="Day", on_change=record("day", "value")
                ),
                rio.Text(f"day={self.day.isoformat()}"),
                spacing=1,
            ),
            rio.Row(
                rio.SwitcherBar(
                    values=["day", "week", "month"],
                    names=["Day", "Week", "Month"],
                    selected_value=self.bind().period,
                    on_change=record("period", "value"),
                ),
                rio.Text(f"period={self.period}"),
                spacing=1,
            ),
            rio.Tabs(
                rio.TabItem("First", rio.Text("first tab content")),
                rio.TabItem("Second", rio.Text("second tab content")),
                active_tab_index=self.bind().tab,
            ),
            rio.Text(f"tab={self.tab}"),
            rio.KeyEventListener(
                rio.Text("key area", min_height=3),
                on_key_down=record("key", "software_key"),
                on_key_up=record("key-up", "hardware_key"),
            ),
            rio.PointerEventListener(
                rio.Text("pointer area", min_height=4, min_width=20),
                on_press=record("pointer-press", "component_x"),
                on_drag_end=record("drag-end", "window_x"),
                on_drag_move=record("drag-move", "relative_x"),
                align_x=0,
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
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url)
    page.get_by_text("size=m").wait_for()
    yield server, page
    assert errors == [], f"the page raised: {errors}"
    context.close()
    server.close()


def root(server: ServerThread) -> Inputs:
    content = (
        server.session().runtime.tree.root.content.content
    )  # _AppRoot > RootContent
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


def test_button_presses_and_ignores_insensitive(app_page):
    """Button and IconButton presses arrive; an insensitive button is disabled."""
    server, page = app_page
    page.get_by_role("button", name="Press").click()
    page.get_by_text("presses=1").wait_for()
    page.get_by_role("button", name="add", exact=True).click()
    page.get_by_text("presses=2").wait_for()
    off = page.get_by_role("button", name="Off")
    assert off.is_disabled()
    off.click(force=True)
    # Whatever the click on Off sent reaches the app before a later change.
    fruit = "Pear" if root(server).fruit != "Pear" else "Plum"
    page.get_by_label("Fruit").select_option(label=fruit)
    page.get_by_text(f"fruit={fruit}").wait_for()
    assert root(server).presses == 2


def test_button_style_colour_icon_and_loading(app_page):
    """A minor danger button with an icon shows a spinner while loading."""
    server, page = app_page
    slow = page.get_by_role("button", name="Slow")
    assert "rio-minor" in slow.get_attribute("class")
    assert "var(--rio-danger)" in slow.get_attribute("style")
    assert slow.locator("svg").count() == 1
    slow.click()
    page.wait_for_function(
        "[...document.querySelectorAll('button')].some("
        " b => b.classList.contains('rio-loading'))"
    )
    assert slow.locator("[role=progressbar]").count() == 1
    page.wait_for_function(
        "![...document.querySelectorAll('button')].some("
        " b => b.classList.contains('rio-loading'))"
    )


def test_text_input_change_confirm_and_secret(app_page):
    """Typing updates the bound field and on_change; Enter confirms."""
    server, page = app_page
    name = page.get_by_label("Name")
    assert name.get_attribute("placeholder") == "Your name"
    name.fill("Ada")
    page.get_by_text("name=Ada").wait_for()
    assert last_event("name") == "Ada"
    name.press("Enter")
    wait_for(lambda: last_event("confirm") == "Ada")
    assert page.get_by_label("Password").get_attribute("type") == "password"

    def set_name() -> None:
        root(server).name = "Grace"

    server.run(set_name)
    page.get_by_text("name=Grace").wait_for()
    assert name.input_value() == "Grace"


def test_multi_line_text_input_keeps_newlines(app_page):
    """Enter adds a line; Ctrl+Enter confirms the whole text."""
    server, page = app_page
    notes = page.get_by_label("Notes")
    notes.click()
    notes.press_sequentially("one")
    notes.press("Enter")
    notes.press_sequentially("two")
    page.get_by_text("notes='one\\ntwo'").wait_for()
    notes.press("Control+Enter")
    wait_for(lambda: last_event("notes-confirm") == "one\ntwo")


def test_number_input_clamps_and_rounds(app_page):
    """Numbers are clamped to the bounds and rounded to the decimals."""
    server, page = app_page
    amount = page.get_by_label("Amount")
    amount.fill("12.34")
    page.get_by_text("amount=12.3").wait_for()
    assert last_event("amount") == 12.3
    amount.fill("250")
    amount.press("Enter")
    page.get_by_text("amount=100").wait_for()
    assert amount.input_value() == "100.0"  # as Rio: all the decimals
    amount.fill("7.5")
    amount.press("Tab")
    page.get_by_text("amount=7.5").wait_for()
    assert amount.input_value() == "7.5"


def test_checkbox_and_switch_toggle(app_page):
    """Clicking a checkbox or switch flips the bound field and fires on_change."""
    server, page = app_page
    page.get_by_role("checkbox").click()
    page.get_by_text("agree=True").wait_for()
    assert last_event("agree") is True
    page.get_by_role("switch").click()
    page.get_by_text("dark=True").wait_for()
    assert last_event("dark") is True

    def switch_off() -> None:
        root(server).dark = False

    server.run(switch_off)
    page.get_by_text("dark=False").wait_for()
    assert not page.get_by_role("switch").is_checked()


def test_slider_snaps_to_steps(app_page):
    """Keyboard moves on a slider arrive snapped to its step."""
    server, page = app_page
    slider = page.get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")
    slider.press("ArrowRight")
    page.get_by_text("volume=30").wait_for()
    assert last_event("volume") == 30
    slider.press("End")
    page.get_by_text("volume=100").wait_for()


def test_date_input_round_trips(app_page):
    """A date typed into a DateInput reaches Python as a datetime.date."""
    server, page = app_page
    day = page.get_by_label("Day")
    assert day.input_value() == "2024-05-17"
    day.fill("2025-01-31")
    page.get_by_text("day=2025-01-31").wait_for()
    assert last_event("day") == datetime.date(2025, 1, 31)


def test_switcher_bar_and_tabs(app_page):
    """SwitcherBar selects values; Tabs shows the selected tab's content."""
    server, page = app_page
    page.get_by_role("tab", name="Month").click()
    page.get_by_text("period=month").wait_for()
    assert last_event("period") == "month"
    assert page.get_by_role("tab", name="Month").get_attribute("aria-selected") == (
        "true"
    )
    page.get_by_text("first tab content").wait_for()
    page.get_by_role("tab", name="Second").click()
    page.get_by_text("second tab content").wait_for()
    page.get_by_text("tab=1").wait_for()
    assert page.get_by_text("first tab content").count() == 0


def test_key_event_listener(app_page):
    """Keys pressed in a KeyEventListener arrive with Rio's key names."""
    server, page = app_page
    page.get_by_text("key area").click()
    page.keyboard.press("Shift+KeyA")
    wait_for(lambda: last_event("key") == "a")
    wait_for(lambda: ("key-up", "a") in EVENTS)
    assert ("key", "shift") in EVENTS  # every key goes down, modifiers too


def test_pointer_event_listener_press_and_drag(app_page):
    """Clicks report where they were; drags report movement and their end."""
    server, page = app_page
    area = page.get_by_text("pointer area")
    box = area.bounding_box()
    page.mouse.click(box["x"] + 32, box["y"] + 10)
    wait_for(lambda: last_event("pointer-press") is not None)
    assert abs(last_event("pointer-press") - 2.0) < 0.1  # 32 px = 2 font-heights
    page.mouse.move(box["x"] + 10, box["y"] + 10)
    page.mouse.down()
    for step in range(1, 9):
        page.mouse.move(box["x"] + 10 + step * 8, box["y"] + 10)
    page.mouse.up()
    wait_for(lambda: last_event("drag-end") is not None)
    moved = sum(v for n, v in EVENTS if n == "drag-move")
    assert abs(moved - 4.0) < 0.6  # 64 px, less the drag threshold

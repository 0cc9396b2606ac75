"""Calendar and ColorPicker, drawn in Chromium and driven as a user would.

The `page` fixture's browser speaks de-AT (weeks start on Monday); a test
that needs another language opens its own context.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from helpers import wait_for

import rio_desktop as rio

MAY_15 = datetime.date(2024, 5, 15)


class CalendarApp(rio.Component):
    value: datetime.date = MAY_15
    sensitive: bool = True
    events: list = []

    def on_pick(self, event: rio.DateChangeEvent) -> None:
        self.events.append(event.value)

    def build(self) -> rio.Component:
        _LIVE["calendar"] = self
        return rio.Column(
            rio.Calendar(
                self.bind().value,
                is_sensitive=self.sensitive,
                on_change=self.on_pick,
            ),
            rio.Text(f"picked={self.value.isoformat()}"),
            spacing=1,
            align_x=0.5,
            align_y=0,
        )


_LIVE: dict[str, Any] = {}


def _cells(page: Any) -> list[str]:
    return page.locator(".rio-cal-grid > *").all_inner_texts()


def test_calendar_api_matches_rio() -> None:
    calendar = rio.Calendar(MAY_15)
    assert calendar.value == MAY_15
    assert calendar.is_sensitive is True
    with pytest.raises(TypeError, match="datetime.date"):
        rio.Calendar("2024-05-15")
    # A datetime is a date: Rio shows its day (Rio's dashboard starter does it).
    moment = rio.Calendar(datetime.datetime(2024, 5, 15, 10, 0))
    assert moment._serialize_field("value", moment.value)["date"] == "2024-05-15"


def test_calendar_picks_a_day_and_turns_months(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=CalendarApp))
    page.goto(server.url)
    title = page.locator(".rio-cal-title")
    title.get_by_text("Mai 2024").wait_for()

    # de-AT: the week starts on Monday; 29 April 2024 was one.
    cells = _cells(page)
    assert cells[:7] == ["M", "D", "M", "D", "F", "S", "S"]
    assert cells[7:10] == ["29", "30", "1"]
    selected = page.locator(".rio-cal-selected")
    assert selected.inner_text() == "15"

    page.get_by_role("button", name="Next month").click()
    title.get_by_text("Juni 2024").wait_for()
    assert selected.count() == 0  # the chosen day is in May
    page.locator(".rio-cal-day:not(.rio-cal-outside)", has_text="20").click()
    page.get_by_text("picked=2024-06-20").wait_for()
    assert selected.inner_text() == "20"
    app = _LIVE["calendar"]
    wait_for(lambda: app.events == [datetime.date(2024, 6, 20)])

    # Picking the chosen day again is reported again, as in Rio.
    selected.click()
    wait_for(lambda: len(app.events) == 2)

    page.get_by_role("button", name="Previous year").click()
    title.get_by_text("Juni 2023").wait_for()
    page.get_by_role("button", name="Next year").click()
    page.get_by_role("button", name="Next year").click()
    title.get_by_text("Juni 2025").wait_for()
    page.get_by_role("button", name="Previous month").click()
    title.get_by_text("Mai 2025").wait_for()

    # A date set by the app shows its month, with the day marked.
    server.run(lambda: setattr(app, "value", datetime.date(2023, 12, 31)))
    title.get_by_text("Dezember 2023").wait_for()
    assert selected.inner_text() == "31"
    page.get_by_text("picked=2023-12-31").wait_for()


def test_calendar_week_start_follows_the_language(serve: Any, chromium: Any) -> None:
    server = serve(rio.App(build=CalendarApp))
    context = chromium.new_context(
        locale="en-US", viewport={"width": 800, "height": 600}
    )
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(server.url)
        page.locator(".rio-cal-title").get_by_text("May 2024").wait_for()
        cells = _cells(page)
        # en-US weeks start on Sunday: 28 April 2024.
        assert cells[:7] == ["S", "M", "T", "W", "T", "F", "S"]
        assert cells[7:11] == ["28", "29", "30", "1"]
        assert len(cells) == 7 + 5 * 7
    finally:
        context.close()


def test_calendar_insensitive_ignores_clicks(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=lambda: CalendarApp(sensitive=False)))
    page.goto(server.url)
    title = page.locator(".rio-cal-title")
    title.get_by_text("Mai 2024").wait_for()
    page.locator(".rio-cal.rio-cal-off").wait_for()
    page.get_by_role("button", name="Next month").click()
    page.locator(".rio-cal-day", has_text="20").first.click()
    assert title.inner_text() == "Mai 2024"
    assert page.locator(".rio-cal-selected").inner_text() == "15"
    assert _LIVE["calendar"].events == []
    assert page.get_by_text("picked=2024-05-15").is_visible()


# --- ColorPicker ----------------------------------------------------------------

START = rio.Color.from_hex("3a86ffcc")


class PickerApp(rio.Component):
    color: rio.Color = START
    pick_opacity: bool = True
    events: list = []

    def on_pick(self, event: rio.ColorChangeEvent) -> None:
        self.events.append(event.color)

    def build(self) -> rio.Component:
        _LIVE["picker"] = self
        return rio.Column(
            rio.ColorPicker(
                self.bind().color,
                pick_opacity=self.pick_opacity,
                on_change=self.on_pick,
                min_width=16,
                min_height=16,
            ),
            rio.Text(f"color={self.color.hexa}"),
            spacing=1,
            align_x=0.5,
            align_y=0,
        )


def _drag(page: Any, selector: str, fx: float, fy: float) -> None:
    """Press in the middle of `selector`'s box, move to (fx, fy) of it, let go."""
    box = page.locator(selector).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)
    page.mouse.up()


def test_color_picker_api_matches_rio() -> None:
    picker = rio.ColorPicker(START)
    assert picker.color is START and picker.pick_opacity is False
    assert rio.ColorChangeEvent(START).color is START
    with pytest.raises(TypeError, match="rio.Color"):
        rio.ColorPicker(42)  # type: ignore[arg-type]


def test_color_picker_hex_input_round_trips_exactly(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=PickerApp))
    page.goto(server.url)
    field = page.get_by_label("Hex colour")
    page.get_by_text("color=3a86ffcc").wait_for()
    wait_for(lambda: field.input_value() == "3a86ffcc")
    app = _LIVE["picker"]

    for typed, expected in [
        ("#12345678", "12345678"),
        ("FEDCBA", "fedcbaff"),
        ("0f08", "00ff0088"),
        ("7e1f03c9", "7e1f03c9"),
    ]:
        field.fill(typed)
        field.press("Enter")
        page.get_by_text(f"color={expected}").wait_for()
        assert app.color == rio.Color.from_hex(expected)
        wait_for(lambda expected=expected: app.events[-1].hexa == expected)
        assert app.events[-1] == rio.Color.from_hex(expected)
        assert field.input_value() == expected

    # Not a colour: the field goes back, nothing is sent.
    count = len(app.events)
    field.fill("not a colour")
    field.press("Enter")
    wait_for(lambda: field.input_value() == "7e1f03c9")
    assert len(app.events) == count and app.color.hexa == "7e1f03c9"

    # A colour set by the app shows in the field.
    server.run(lambda: setattr(app, "color", rio.Color.from_hex("10203040")))
    wait_for(lambda: field.input_value() == "10203040")


def test_color_picker_square_and_bars_pick(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=PickerApp))
    page.goto(server.url)
    page.get_by_text("color=3a86ffcc").wait_for()
    app = _LIVE["picker"]

    # The square's top left is white, its bottom black; opacity is kept.
    _drag(page, ".rio-cpick-sv", 0, 0)
    page.get_by_text("color=ffffffcc").wait_for()
    _drag(page, ".rio-cpick-sv", 0.5, 1)
    page.get_by_text("color=000000cc").wait_for()
    # Full saturation and brightness, then the hue bar's left end: red.
    _drag(page, ".rio-cpick-sv", 1, 0)
    _drag(page, ".rio-cpick-hue", 0, 0.5)
    page.get_by_text("color=ff0000cc").wait_for()
    # A third along the hue bar is green.
    _drag(page, ".rio-cpick-hue", 1 / 3, 0.5)
    page.get_by_text("color=00ff00cc").wait_for()
    # The opacity bar's ends.
    _drag(page, ".rio-cpick-alpha", 0, 0.5)
    page.get_by_text("color=00ff0000").wait_for()
    _drag(page, ".rio-cpick-alpha", 1, 0.5)
    page.get_by_text("color=00ff00ff").wait_for()
    assert page.get_by_label("Hex colour").input_value() == "00ff00ff"
    # One event per release, as in Rio.
    wait_for(lambda: len(app.events) == 7)
    assert app.events[-1] == app.color


def test_color_picker_without_opacity(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=lambda: PickerApp(pick_opacity=False)))
    page.goto(server.url)
    field = page.get_by_label("Hex colour")
    wait_for(lambda: field.input_value() == "3a86ff")
    assert not page.locator(".rio-cpick-alpha").is_visible()
    field.fill("abcdef80")
    field.press("Enter")
    # Without the opacity bar the colours picked are opaque.
    page.get_by_text("color=abcdefff").wait_for()
    assert field.input_value() == "abcdef"
    assert _LIVE["picker"].events[-1] == rio.Color.from_hex("abcdef")

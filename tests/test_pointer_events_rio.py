"""PointerEventListener's Rio parameters in Chromium: on_double_press,
consume_events and event_order."""

from __future__ import annotations

import pytest

import rio_desktop as rio

pytestmark = pytest.mark.browser


class Nested(rio.Component):
    consume: bool = True
    outer_order: str = "after-child"
    log: str = ""

    def _note(self, who: str) -> None:
        self.log += who

    def build(self) -> rio.Component:
        inner = rio.PointerEventListener(
            rio.Text("inner", min_width=6, min_height=2),
            on_press=lambda _: self._note("i"),
            on_double_press=lambda _: self._note("D"),
            consume_events=self.consume,
        )
        return rio.Column(
            rio.PointerEventListener(
                rio.Column(inner, margin=2),
                on_press=lambda _: self._note("o"),
                event_order=self.outer_order,
            ),
            rio.Text(f"log={self.log}"),
            align_x=0,
            align_y=0,
        )


def _open(serve, page, **fields):
    server = serve(rio.App(build=lambda: Nested(**fields)))
    page.goto(server.url)
    page.get_by_text("log=", exact=True).wait_for()


def test_a_reported_press_is_consumed_by_the_inner_listener(serve, page):
    _open(serve, page)
    page.get_by_text("inner", exact=True).click()
    page.get_by_text("log=i", exact=True).wait_for()


def test_without_consume_events_the_outer_listener_sees_it_too(serve, page):
    _open(serve, page, consume=False)
    page.get_by_text("inner", exact=True).click()
    page.get_by_text("log=io", exact=True).wait_for()


def test_before_child_runs_the_outer_listener_first_and_consumes(serve, page):
    _open(serve, page, outer_order="before-child")
    page.get_by_text("inner", exact=True).click()
    page.get_by_text("log=o", exact=True).wait_for()


def test_double_press(serve, page):
    _open(serve, page)
    page.get_by_text("inner", exact=True).dblclick()
    # Two presses, then the double press.
    page.get_by_text("log=iiD", exact=True).wait_for()


def test_a_bad_event_order_is_refused():
    with pytest.raises(ValueError, match="before-child"):
        rio.PointerEventListener(rio.Text("x"), event_order="first")

"""The foundation in real Chromium: render, click, resize, reconnect."""

from __future__ import annotations

import dataclasses

import pytest

import rio_desktop as rio
from rio_desktop.cli import load_app

pytestmark = pytest.mark.browser

COUNTER = load_app("examples/counter.py")


def test_counter_renders_and_counts_20_clicks(serve, page):
    """The counter example shows its text; 20 clicks give 20."""
    server = serve(COUNTER)
    page.goto(server.url)
    page.get_by_text("Clicked 0 times").wait_for()
    button = page.get_by_role("button", name="Click me")
    for i in range(1, 21):
        button.click()
        page.get_by_text(f"Clicked {i} times").wait_for()
    assert page.title() == "Counter"


class SizeReader(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text(f"width={self.session.window_width:.1f}")


def test_resize_changes_window_width(serve, page):
    """Resizing the viewport updates session.window_width and rebuilds readers."""
    server = serve(rio.App(build=SizeReader))
    page.goto(server.url)
    page.get_by_text("width=50.0").wait_for()  # 800 px / 16 px
    page.set_viewport_size({"width": 640, "height": 600})
    page.get_by_text("width=40.0").wait_for()
    assert server.session().window_width == 40.0


def test_a_resize_before_the_modules_load_reaches_the_session(serve, page):
    """The window can change size after the hello and before app.js listens
    (QtWebEngine sizes its view late; a restored window maximizes)."""
    held = []
    page.route("**/app.js", lambda route: held.append(route))
    page.add_init_script(
        "addEventListener('resize', () => { window.__resized = true; });"
    )
    server = serve(rio.App(build=SizeReader))
    page.goto(server.url, wait_until="commit")
    for _ in range(500):  # Playwright calls the route while it waits
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "the page did not ask for app.js"
    assert server.session().window_width == 50.0  # the hello's: 800 px
    page.set_viewport_size({"width": 640, "height": 600})
    page.wait_for_function("window.__resized === true")  # fired, unheard
    held[0].continue_()
    page.get_by_text("width=40.0").wait_for()
    assert server.session().window_width == 40.0


def test_timezone_and_languages_arrive_in_session(serve, page):
    """The browser context's timezone and languages reach the Session."""
    server = serve(COUNTER)
    page.goto(server.url)
    page.get_by_text("Clicked 0 times").wait_for()
    session = server.session()
    assert str(session.timezone) == "Europe/Berlin"
    assert session.preferred_languages[0] == "de-AT"
    assert session.running_as_website and not session.running_in_window
    assert "Chrome" in session.user_agent
    assert session.http_headers["USER-AGENT"] == session.user_agent
    assert session.client_ip == "127.0.0.1"
    assert session.client_port > 0
    assert str(session.base_url) == server.url


def test_timezone_arrives_without_temporal(serve, page):
    """Engines without Temporal (QtWebEngine's Chromium) still send the zone."""
    page.add_init_script("delete globalThis.Temporal")
    server = serve(COUNTER)
    page.goto(server.url)
    page.get_by_text("Clicked 0 times").wait_for()
    assert page.evaluate("typeof Temporal") == "undefined"
    assert str(server.session().timezone) == "Europe/Berlin"


def test_killed_websocket_reconnects_to_same_state(serve, page):
    """Closing the socket from the page reconnects to the same session."""
    server = serve(COUNTER)
    page.goto(server.url)
    button = page.get_by_role("button", name="Click me")
    for _ in range(3):
        button.click()
    page.get_by_text("Clicked 3 times").wait_for()
    first = server.session()
    page.evaluate("window.rioDesktop.socket.close()")
    page.wait_for_function("window.rioDesktop.socket?.readyState === 1")
    page.get_by_text("Clicked 3 times").wait_for()
    button.click()
    page.get_by_text("Clicked 4 times").wait_for()
    assert server.server.sessions == [first]


class Reorder(rio.Component):
    order: list[str] = dataclasses.field(default_factory=lambda: ["a", "b", "c"])

    def _rotate(self) -> None:
        self.order = self.order[1:] + self.order[:1]

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button("rotate", on_press=self._rotate),
            rio.Column(*[rio.Text(f"item {k}", key=k) for k in self.order]),
        )


def test_keyed_children_are_moved_not_recreated(serve, page):
    """Reordering keyed children moves the same DOM elements."""
    server = serve(rio.App(build=Reorder))
    page.goto(server.url)
    page.get_by_text("item c").wait_for()
    page.evaluate(
        """() => { for (const el of document.querySelectorAll('.rio-text'))
                     el.__marker = el.textContent; }"""
    )
    page.get_by_role("button", name="rotate").click()
    page.wait_for_function(
        "document.querySelector('.rio-column .rio-column').textContent"
        " === 'item bitem citem a'"
    )
    kept = page.evaluate(
        """() => [...document.querySelectorAll('.rio-column .rio-column > *')]
                 .map(el => el.__marker === el.textContent)"""
    )
    assert kept == [True, True, True]


def test_lost_connection_is_shown(serve, page):
    """When the server goes away, the page says it is reconnecting."""
    server = serve(COUNTER)
    page.goto(server.url)
    page.get_by_text("Clicked 0 times").wait_for()
    server.call(server.server.close())
    page.get_by_text("Connection lost, reconnecting").wait_for()


class GrowingText(rio.Component):
    style: str = "text"

    def _restyle(self) -> None:
        self.style = "heading3"

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button("restyle", on_press=self._restyle),
            rio.Row(
                rio.Text("wide", style=self.style, grow_x=True, key="wide"),
                rio.Text("narrow", key="narrow"),
            ),
        )


def test_grow_survives_an_update_of_other_fields(serve, page):
    """A growing Text keeps growing after its style changes."""
    server = serve(rio.App(build=GrowingText))
    page.goto(server.url)
    wide = page.get_by_text("wide", exact=True)
    narrow = page.get_by_text("narrow", exact=True)
    wide.wait_for()
    assert wide.bounding_box()["width"] > 5 * narrow.bounding_box()["width"]
    page.get_by_role("button", name="restyle").click()
    page.wait_for_function(
        "[...document.querySelectorAll('.rio-text')]"
        ".some(e => e.classList.contains('rio-style-heading3'))"
    )
    assert wide.bounding_box()["width"] > 5 * narrow.bounding_box()["width"]

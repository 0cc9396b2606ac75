"""Rio's rio.event decorators: page changes, window sizes, resizes, periodic."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from conftest import ServerThread

import rio_desktop as rio
from rio_desktop.testing import run

# --- periodic ---------------------------------------------------------------


class Ticker(rio.Component):
    ticks: int = 0

    @rio.event.periodic(timedelta(milliseconds=20))
    async def _tick(self) -> None:
        self.ticks += 1

    def build(self) -> rio.Component:
        return rio.Text(f"ticks>=3: {self.ticks >= 3}")


async def test_periodic_takes_a_timedelta():
    async with run(rio.App(build=Ticker)) as client:
        await client.wait_for_text("ticks>=3: True")


def test_periodic_rejects_what_is_no_interval():
    with pytest.raises(ValueError, match="positive"):
        rio.event.periodic(timedelta(0))
    with pytest.raises(TypeError, match="seconds or a timedelta"):
        rio.event.periodic("1")  # type: ignore[arg-type]


# --- on_page_change -----------------------------------------------------------

PAGE_CHANGES: list[str] = []


class Nav(rio.Component):
    changes: int = 0

    @rio.event.on_page_change
    async def _page_changed(self) -> None:
        await asyncio.sleep(0)
        self.changes += 1
        PAGE_CHANGES.append(self.session.active_page_url.path)

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button("go", on_press=lambda: self.session.navigate_to("/about")),
            rio.Text(f"changes={self.changes}"),
            rio.PageView(),
        )


async def test_on_page_change_fires_on_navigation_not_on_mount():
    PAGE_CHANGES.clear()
    app = rio.App(
        build=Nav,
        pages=[
            rio.ComponentPage(
                name="Home", url_segment="", build=lambda: rio.Text("home")
            ),
            rio.ComponentPage(
                name="About", url_segment="about", build=lambda: rio.Text("about")
            ),
        ],
    )
    async with run(app) as client:
        assert client.has_text("changes=0") and client.has_text("home")
        await client.click("go")
        await client.wait_for_text("changes=1")
        assert client.has_text("about")
        assert PAGE_CHANGES == ["/about"]
        # Back in the browser's history: a `navigate` message.
        await client.navigate("/")
        await client.wait_for_text("changes=2")
        assert PAGE_CHANGES == ["/about", "/"]


# --- on_window_size_change ------------------------------------------------------


class WindowSize(rio.Component):
    calls: int = 0

    @rio.event.on_window_size_change
    def _resized(self) -> None:
        self.calls += 1

    def build(self) -> rio.Component:
        width = self.session.window_width
        return rio.Text(f"calls={self.calls} width={width:.0f}")


async def test_on_window_size_change_fires_once_per_resize():
    async with run(rio.App(build=WindowSize), width=60, height=40) as client:
        assert client.has_text("calls=0 width=60")
        await client.resize(50, 30)
        assert client.has_text("calls=1 width=50")  # width and height: one call


# --- on_resize ------------------------------------------------------------------


class Measured(rio.Component):
    size: str = "unknown"

    @rio.event.on_resize
    def _resized(self, event: rio.ComponentResizeEvent) -> None:
        self.size = f"{event.width:.0f}x{event.height:.0f}"

    def build(self) -> rio.Component:
        return rio.Text(f"size={self.size}")


async def test_on_resize_gets_a_component_resize_event():
    async with run(rio.App(build=Measured)) as client:
        (wrapper,) = [
            e for e in client.elements() if e.props.get("_report_resize") is True
        ]  # the page is asked to measure it
        await client.send_event(wrapper.id, "resize", {"width": 12, "height": 3})
        assert client.has_text("size=12x3")


class Holder(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            Measured(grow_y=True, accessibility_role="status"),
            rio.Text("below"),
            grow_y=True,
        )


@pytest.mark.browser
def test_on_resize_reports_the_size_after_the_page_resizes(chromium: Any):
    """In Chromium: the size in font-heights, again after the viewport changes."""
    # Without the page's ResizeObserver, the text would stay "size=unknown".
    server = ServerThread(rio.App(build=Holder))
    context = chromium.new_context(viewport={"width": 800, "height": 600})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(server.url)
        page.get_by_text("below").wait_for()
        # 800 px at 16 px per font-height: 50 wide.
        page.get_by_text("size=50x", exact=False).wait_for()
        page.set_viewport_size({"width": 480, "height": 600})
        page.get_by_text("size=30x", exact=False).wait_for()
        # accessibility_role becomes the element's ARIA role.
        assert page.get_by_role("status").inner_text().startswith("size=30x")
    finally:
        context.close()
        server.close()


@pytest.mark.browser
def test_window_size_change_in_chromium(chromium: Any):
    server = ServerThread(rio.App(build=WindowSize))
    context = chromium.new_context(viewport={"width": 800, "height": 600})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(server.url)
        page.get_by_text("calls=0 width=50").wait_for()
        page.set_viewport_size({"width": 640, "height": 480})
        page.get_by_text("calls=1 width=40").wait_for()
    finally:
        context.close()
        server.close()

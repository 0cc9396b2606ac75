"""Two-way binding and typing round trips, in real Chromium."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ServerThread
from helpers import wait_for

import rio_desktop as rio
from rio_desktop.components import TextInput

pytestmark = pytest.mark.browser

TYPED = "The quick brown fox jumps over the lazy dog, 0123456789!"

#: Texts the slow on_change handlers finished with, in order.
FINISHED: list[str] = []


class Form(rio.Component):
    bound: str = ""
    seen: str = ""
    echoed: str = ""
    marker: int = 0

    async def _slow_change(self, event: rio.TextInputChangeEvent) -> None:
        await asyncio.sleep(0.05)
        FINISHED.append(event.text)
        self.seen = event.text

    async def _slow_write_back(self, event: rio.TextInputChangeEvent) -> None:
        # The classic pattern without a binding: write the text back, late.
        await asyncio.sleep(0.05)
        self.echoed = event.text

    def build(self) -> rio.Component:
        return rio.Column(
            rio.TextInput(
                self.bind().bound, label="Bound", on_change=self._slow_change
            ),
            rio.Text(f"bound={self.bound}"),
            rio.Text(f"seen={self.seen}"),
            rio.TextInput(self.echoed, label="Echoed", on_change=self._slow_write_back),
            rio.Text(f"echoed={self.echoed}"),
            rio.Text(f"marker={self.marker}"),
            spacing=1,
            margin=1,
        )


@pytest.fixture(scope="module")
def form_page(chromium: Any) -> Iterator[tuple[ServerThread, Any]]:
    server = ServerThread(rio.App(build=Form, name="Form"))
    context = chromium.new_context(viewport={"width": 900, "height": 600})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(server.url)
    page.get_by_text("bound=").wait_for()
    yield server, page
    context.close()
    server.close()


def form(server: ServerThread) -> Form:
    content = (
        server.session().runtime.tree.root.content.content
    )  # _AppRoot > RootContent
    assert isinstance(content, Form)
    return content


def round_trip(server: ServerThread, page: Any) -> None:
    """Return once the app has handled all the page sent before, has no
    handler running, and the page has applied all the app sent before.

    The page's resize message follows what it sent before; the app then
    changes a Text, whose update follows what it sent before.
    """
    session = server.session()
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width - 16, "height": 600})
    wait_for(lambda: session.window_width == (width - 16) / 16, what="the resize")
    wait_for(lambda: not server.run(lambda: set(session.runtime.tasks)), what="idle")

    def mark() -> int:
        form(server).marker += 1
        return form(server).marker

    marker = server.run(mark)
    page.get_by_text(f"marker={marker}", exact=True).wait_for()
    page.set_viewport_size({"width": width, "height": 600})


def caret(locator: Any) -> list[int]:
    return locator.evaluate(
        "el => [el.selectionStart, el.selectionEnd, el.value.length]"
    )


def test_typing_updates_bound_field_and_text(form_page):
    """Typing into a bound TextInput updates the parent's field and its Text."""
    server, page = form_page
    page.get_by_label("Bound").fill("hello")
    page.get_by_text("bound=hello", exact=True).wait_for()
    assert form(server).bound == "hello"


def test_setting_parent_field_updates_input(form_page):
    """Assigning the parent's field from Python rewrites the bound input."""
    server, page = form_page

    def set_value() -> None:
        form(server).bound = "from python"

    server.run(set_value)
    page.get_by_text("bound=from python").wait_for()
    page.wait_for_function("document.querySelector('input').value === 'from python'")


def test_fast_typing_with_slow_async_handler(form_page):
    """Fast typing with a slow async on_change ends exactly as typed.

    The input is never rewritten under the cursor: the caret stays at the
    end, Python ends with the typed text, and the handler's last call saw it.
    """
    server, page = form_page
    box = page.get_by_label("Bound")
    box.fill("")
    page.get_by_text("bound=", exact=True).wait_for()
    FINISHED.clear()
    page.evaluate(
        """el => { window.__rewrites = 0;
                   const proto = Object.getPrototypeOf(el);
                   const setter = Object.getOwnPropertyDescriptor(
                       HTMLInputElement.prototype, 'value').set;
                   Object.defineProperty(el, 'value', {
                       get() { return Object.getOwnPropertyDescriptor(
                           HTMLInputElement.prototype, 'value').get.call(this); },
                       set(v) { window.__rewrites++; setter.call(this, v); },
                       configurable: true });
                 }""",
        box.element_handle(),
    )
    box.press_sequentially(TYPED, delay=5)
    page.get_by_text(f"bound={TYPED}", exact=True).wait_for()
    page.get_by_text(f"seen={TYPED}", exact=True).wait_for()
    assert box.input_value() == TYPED
    assert caret(box) == [len(TYPED), len(TYPED), len(TYPED)]
    assert form(server).bound == TYPED
    assert FINISHED[-1] == TYPED
    # Bursts collapse: far fewer handler calls than keystrokes.
    assert len(FINISHED) < len(TYPED)
    assert page.evaluate("window.__rewrites") == 0


def test_late_write_back_does_not_clobber_typing(form_page):
    """A slow handler writing older text back never undoes newer typing."""
    server, page = form_page
    box = page.get_by_label("Echoed")
    box.click()
    box.press_sequentially(TYPED, delay=5)
    page.get_by_text(f"echoed={TYPED}", exact=True).wait_for()
    round_trip(server, page)  # any late echo has arrived
    assert box.input_value() == TYPED
    assert caret(box) == [len(TYPED), len(TYPED), len(TYPED)]
    widget = next(
        c
        for c in server.session().runtime.tree.components.values()
        if isinstance(c, TextInput) and c.label == "Echoed"
    )
    assert widget.text == TYPED


def test_binding_survives_parent_rebuild():
    """A bound child keeps following the parent's field after rebuilds."""

    class Parent(rio.Component):
        value: str = "a"

        def build(self) -> rio.Component:
            return rio.TextInput(self.bind().value)

    parent = Parent()
    child = TextInput(parent.bind().value)
    assert child.text == "a"
    child._set_from_page("text", "b")
    assert parent.value == "b"
    parent.value = "c"
    assert child.text == "c"

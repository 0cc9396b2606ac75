"""Dialogs in Chromium: the seed examples, modal blocking, owners, on_close."""

from __future__ import annotations

import pytest
from helpers import wait_for

import rio_desktop as rio
from rio_desktop.cli import load_app

pytestmark = pytest.mark.browser

YES_NO = load_app("examples/yes_no_dialog.py")
DROPDOWN = load_app("examples/dialog_dropdown.py")


def test_yes_no_example_yes_no_and_dismiss(serve, page):
    """Yes gives True, No gives False, a click outside leaves the value."""
    server = serve(YES_NO)
    page.goto(server.url)
    page.get_by_text("You've selected: False").wait_for()
    open_button = page.get_by_role("button", name="Open Dialog")

    open_button.click()
    page.get_by_text("Do you like ice cream?").wait_for()
    assert page.get_by_text("This is a Dialog").is_visible()
    page.get_by_role("button", name="Yes").click()
    page.get_by_text("You've selected: True").wait_for()
    page.get_by_text("Do you like ice cream?").wait_for(state="detached")

    open_button.click()
    page.get_by_role("button", name="No").click()
    page.get_by_text("You've selected: False").wait_for()

    # Closing without choosing: a click on the dimmed area outside the card.
    open_button.click()
    page.get_by_text("Do you like ice cream?").wait_for()
    page.mouse.click(5, 5)
    page.get_by_text("Do you like ice cream?").wait_for(state="detached")
    assert page.get_by_text("You've selected: False").is_visible()

    # And with Escape.
    open_button.click()
    page.get_by_text("Do you like ice cream?").wait_for()
    page.keyboard.press("Escape")
    page.get_by_text("Do you like ice cream?").wait_for(state="detached")
    assert page.get_by_text("You've selected: False").is_visible()


def test_dropdown_dialog_example(serve, page):
    """Choosing in the dialog's dropdown closes it with that value; the dialog
    is modal and not user-closeable, so clicks outside and Escape do nothing."""
    server = serve(DROPDOWN)
    page.goto(server.url)
    page.get_by_text("You've chosen: Vanilla").wait_for()
    open_button = page.get_by_role("button", name="Open Dialog")

    open_button.click()
    question = page.get_by_text("Which ice cream would you like?")
    question.wait_for()
    page.mouse.click(5, 5)
    page.keyboard.press("Escape")
    open_button.click(force=True, no_wait_after=True)  # blocked by the modal
    # The app handles the choice after all of that: had any of it closed the
    # dialog, its dropdown would be gone; had the click opened a second
    # dialog, the question would still be shown once the first has closed.
    page.get_by_role("combobox").select_option("Chocolate")
    page.get_by_text("You've chosen: Chocolate").wait_for()
    question.wait_for(state="detached")
    wait_for(lambda: page.locator(".rio-dialog").count() == 0, what="no dialog")

    open_button.click()
    question.wait_for()
    page.get_by_role("combobox").select_option("Strawberry")
    page.get_by_text("You've chosen: Strawberry").wait_for()
    question.wait_for(state="detached")


class Custom(rio.Component):
    log: str = ""
    clicks: int = 0
    show_owner: bool = True

    def _count(self) -> None:
        self.clicks += 1

    async def _open(self, modal: bool, closeable: bool, owner: bool) -> None:
        def closed() -> None:
            self.log += " on_close"

        dialog = await self.session.show_custom_dialog(
            lambda: rio.Card(
                rio.Column(
                    rio.Text("dialog content"),
                    rio.Button("Done", on_press=lambda: dialog.close("done")),
                    margin=1,
                ),
                align_x=0.5,
                align_y=0.5,
            ),
            modal=modal,
            user_closeable=closeable,
            on_close=closed,
            owning_component=self._owner if owner else None,
        )
        assert isinstance(dialog, rio.Dialog) and dialog.is_open
        result = await dialog.wait_for_close()
        assert not dialog.is_open
        self.log += f" result={result}"

    def build(self) -> rio.Component:
        self._owner = rio.Text("owner") if self.show_owner else None
        return rio.Column(
            rio.Text(f"log:{self.log}"),
            rio.Button(f"count {self.clicks}", on_press=self._count),
            rio.Button("modal", on_press=lambda: self._open(True, False, False)),
            rio.Button("loose", on_press=lambda: self._open(False, True, False)),
            rio.Button("owned", on_press=lambda: self._open(True, False, True)),
            *([self._owner] if self._owner is not None else []),
            align_x=0,
            align_y=0,
        )


def test_modal_blocks_and_close_returns_result(serve, page):
    """A modal dialog blocks clicks behind it; close(result) returns it."""
    server = serve(rio.App(build=Custom))
    page.goto(server.url)
    page.get_by_role("button", name="modal").click()
    page.get_by_text("dialog content").wait_for()
    count = page.get_by_role("button", name="count 0")
    count.click(force=True, timeout=2000, no_wait_after=True)
    # Clicks outside a modal, not-closeable dialog change nothing: the app
    # handles Done after them, and the dialog is still there to return "done"
    # (a close would have returned None), with the count still 0.
    page.mouse.click(5, 5)
    page.get_by_role("button", name="Done").click()
    page.get_by_text("log: result=done").wait_for()
    assert page.get_by_role("button", name="count 0").is_visible()


def test_non_modal_lets_clicks_through_and_closes_outside(serve, page):
    """A non-modal closeable dialog: the app stays usable; a click outside
    closes it, runs on_close and returns None."""
    server = serve(rio.App(build=Custom))
    page.goto(server.url)
    page.get_by_role("button", name="loose").click()
    page.get_by_text("dialog content").wait_for()
    page.get_by_role("button", name="count 0").click()
    page.get_by_text("log: on_close result=None").wait_for()
    page.get_by_role("button", name="count 1").wait_for()


def test_dialog_closes_when_owner_unmounts(serve, page):
    """Removing the owning component closes its dialog."""
    server = serve(rio.App(build=Custom))
    page.goto(server.url)
    page.get_by_role("button", name="owned").click()
    page.get_by_text("dialog content").wait_for()
    session = server.session()
    root = wait_for(
        lambda: next(
            (
                c
                for c in session.runtime.tree.components.values()
                if isinstance(c, Custom)
            ),
            None,
        )
    )
    server.run(lambda: setattr(root, "show_owner", False))
    page.get_by_text("dialog content").wait_for(state="detached")
    page.get_by_text("log: on_close result=None").wait_for()


class Asker(rio.Component):
    answer: str = "none"

    async def _yes_no(self) -> None:
        result = await self.session.show_yes_no_dialog(
            "Delete **everything**?",
            title="Careful",
            icon="material/warning",
            default=False,
            yes_text="Delete",
            no_text="Keep",
            yes_color="danger",
            owning_component=self,
        )
        self.answer = f"yes/no {result}"

    async def _simple(self) -> None:
        result = await self.session.show_simple_dialog(
            title="Size",
            content="Pick a size",
            options={"Small": 1, "Large": 3},
            default_option=3,
        )
        self.answer = f"simple {result}"

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"answer: {self.answer}"),
            rio.Button("ask", on_press=self._yes_no),
            rio.Button("simple", on_press=self._simple),
            align_x=0,
            align_y=0,
        )


def test_yes_no_options_markdown_and_dimming(serve, page):
    """Custom texts, Markdown text and a dimmed, modal backdrop."""
    server = serve(rio.App(build=Asker))
    page.goto(server.url)
    page.get_by_role("button", name="ask").click()
    page.get_by_text("Careful").wait_for()
    assert page.locator(".rio-dialog strong").inner_text() == "everything"
    backdrop = page.evaluate(
        "getComputedStyle(document.querySelector('.rio-dialog')).backgroundColor"
    )
    assert backdrop.startswith("rgba(0, 0, 0, 0.4")
    assert page.evaluate("document.querySelector('.rio-approot').inert") is True
    page.get_by_role("button", name="Delete").click()
    page.get_by_text("answer: yes/no True").wait_for()
    assert page.evaluate("document.querySelector('.rio-approot').inert") is False
    page.get_by_role("button", name="ask").click()
    page.get_by_role("button", name="Keep").click()
    page.get_by_text("answer: yes/no False").wait_for()


def test_simple_dialog_returns_the_chosen_value(serve, page):
    """show_simple_dialog returns the value of the button pressed, or None."""
    server = serve(rio.App(build=Asker))
    page.goto(server.url)
    page.get_by_role("button", name="simple").click()
    page.get_by_role("button", name="Large").click()
    page.get_by_text("answer: simple 3").wait_for()
    page.get_by_role("button", name="simple").click()
    page.get_by_text("Pick a size").wait_for()
    page.keyboard.press("Escape")
    page.get_by_text("answer: simple None").wait_for()


def test_dialog_opened_in_on_session_start(serve, page):
    """A dialog shown before the first build appears and works."""

    async def greet(session: rio.Session) -> None:
        # Shown before the first build: the dialog must survive it.
        dialog = await session.show_custom_dialog(
            lambda: rio.Card(
                rio.Button("Yes", on_press=lambda: dialog.close(True)),
                align_x=0.5,
                align_y=0.5,
            )
        )

        async def wait() -> None:
            session.attach(Answer(await dialog.wait_for_close()))

        session.create_task(wait())

    class Answer:
        def __init__(self, value: object) -> None:
            self.value = value

    class Shows(rio.Component):
        def build(self) -> rio.Component:
            try:
                return rio.Text(f"answered {self.session[Answer].value}")
            except KeyError:
                return rio.Text("waiting")

    server = serve(rio.App(build=Shows, on_session_start=greet))
    page.goto(server.url)
    page.get_by_role("button", name="Yes").click()
    page.get_by_text("answered True").wait_for()

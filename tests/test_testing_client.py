"""rio_desktop.testing: the in-process test client and its `rio_client` fixture.

Each action is checked against a small app whose screen changes only if the
action reached it as a browser's would.
"""

from __future__ import annotations

import asyncio
import re
import textwrap
import traceback
from pathlib import Path

import pytest

import rio_desktop as rio
from rio_desktop.testing import ActionError, TestClient, run

pytest_plugins = ["pytester"]


# --- settling -----------------------------------------------------------------


class Slow(rio.Component):
    status: str = "idle"

    async def _load(self) -> None:
        self.status = "loading"
        await asyncio.sleep(0.05)
        self.status = "loaded"

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button("Load", on_press=self._load), rio.Text(self.status)
        )


async def test_click_returns_once_an_async_handler_has_finished(rio_client):
    client = await rio_client(rio.App(build=Slow))
    await client.click("Load")
    assert client.texts() == ["Load", "loaded"]


async def test_settle_waits_for_the_sessions_tasks(rio_client):
    client = await rio_client(rio.App(build=Slow))
    slow = client.find(type=Slow).component

    async def later() -> None:
        await asyncio.sleep(0.05)
        slow.status = "from a task"

    client.session.create_task(later())
    await client.settle()
    assert client.has_text("from a task")


async def test_settle_times_out_on_a_handler_that_does_not_end(rio_client):
    forever = asyncio.Event()

    class Stuck(rio.Component):
        def build(self) -> rio.Component:
            return rio.Button("Wait", on_press=forever.wait)

    client = await rio_client(rio.App(build=Stuck))
    with pytest.raises(TimeoutError, match="did not settle"):
        await client.send_event(client.find("Wait").id, "press", None, timeout=0.1)
    forever.set()
    await client.settle()


# --- finding ------------------------------------------------------------------


class Card(rio.Component):
    title: str = ""

    def build(self) -> rio.Component:
        return rio.Text(self.title)


class Form(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Sign up"),
            rio.TextInput(label="Name", key="name"),
            rio.Checkbox(key="agree"),
            rio.Button("Send"),
            rio.Button(rio.Row(rio.Icon("material/add"), rio.Text("Add"))),
            Card(title="first", key="c1"),
            Card(title="second", key="c2"),
        )


async def test_find_by_text_role_key_and_type(rio_client):
    client = await rio_client(rio.App(build=Form))
    assert client.find("Sign up").kind == "Text"
    assert client.find("Name").kind == "TextInput"  # an input by its label
    assert client.find("Send").role == "button"
    assert client.find(key="agree").kind == "Checkbox"
    assert client.find(role="text input").key == "name"
    assert client.find("Add", role="button").kind == "Button"  # inner texts
    cards = client.find_all(type=Card)
    assert [c.component.title for c in cards] == ["first", "second"]
    assert client.find(type="Card", key="c2").component is cards[1].component
    assert client.find("second", within=cards[1]).kind == "Text"
    assert client.find(re.compile("^Sig")).text == "Sign up"
    assert len(client.find_all(role="button")) == 2


async def test_find_says_what_is_missing_or_ambiguous(rio_client):
    client = await rio_client(rio.App(build=Form))
    with pytest.raises(LookupError, match="nothing on screen is showing 'Nope'"):
        client.find("Nope")
    with pytest.raises(LookupError, match="2 components are of type Card"):
        client.find(type=Card)


# --- clicking -----------------------------------------------------------------


class Clicks(rio.Component):
    count: int = 0
    flag: bool = False
    switched: bool = False

    def _add(self) -> None:
        self.count += 1

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"count={self.count} flag={self.flag} on={self.switched}"),
            rio.Button(rio.Text("Plus one"), on_press=self._add),
            rio.Button("Locked", on_press=self._add, is_sensitive=False),
            rio.Checkbox(self.bind().flag, key="flag"),
            rio.Switch(self.bind().switched, key="switch"),
        )


async def test_click_presses_a_button_through_its_inner_text(rio_client):
    client = await rio_client(rio.App(build=Clicks))
    await client.click("Plus one")
    await client.find("Plus one", role="button").click()
    assert client.has_text("count=2 flag=False on=False")


async def test_click_ticks_checkboxes_and_flips_switches(rio_client):
    client = await rio_client(rio.App(build=Clicks))
    await client.click(client.find(key="flag"))
    await client.click(client.find(role="switch"))
    assert client.has_text("count=0 flag=True on=True")
    await client.click(client.find(key="flag"))
    assert client.has_text("count=0 flag=False on=True")


async def test_a_disabled_button_cannot_be_clicked(rio_client):
    client = await rio_client(rio.App(build=Clicks))
    with pytest.raises(ActionError, match="disabled"):
        await client.click("Locked")
    with pytest.raises(LookupError, match="nothing clickable shows re.compile"):
        await client.click(re.compile("count"))
    assert client.has_text("count=0 flag=False on=False")


# --- typing ---------------------------------------------------------------------


class Typing(rio.Component):
    name: str = ""
    changes: list[str] = []
    confirmed: str = ""
    amount: float = 1
    notes: str = ""

    def _changed(self, event: rio.TextInputChangeEvent) -> None:
        self.changes = [*self.changes, event.text]

    def _confirm(self, event: rio.TextInputConfirmEvent) -> None:
        self.confirmed = event.text

    def _confirm_notes(self, event: rio.MultiLineTextInputConfirmEvent) -> None:
        self.confirmed = f"notes: {event.text}"

    def build(self) -> rio.Component:
        return rio.Column(
            rio.TextInput(
                self.bind().name,
                label="Name",
                on_change=self._changed,
                on_confirm=self._confirm,
            ),
            rio.NumberInput(self.bind().amount, label="Amount"),
            rio.MultiLineTextInput(
                self.bind().notes, label="Notes", on_confirm=self._confirm_notes
            ),
            rio.Text(f"name={self.name} amount={self.amount}"),
            rio.Text(f"changes={self.changes} confirmed={self.confirmed}"),
        )


async def test_fill_sends_one_change_and_type_one_per_character(rio_client):
    client = await rio_client(rio.App(build=Typing))
    await client.fill("Name", "Ad")
    await client.type("Name", "a!")
    assert client.has_text("name=Ada! amount=1")
    assert client.has_text("changes=['Ad', 'Ada', 'Ada!'] confirmed=")


async def test_enter_in_a_text_input_confirms_it(rio_client):
    client = await rio_client(rio.App(build=Typing))
    field = client.find("Name")
    await field.fill("Bo")
    await field.press("enter")
    assert client.has_text("changes=['Bo'] confirmed=Bo")


async def test_fill_a_number_input(rio_client):
    client = await rio_client(rio.App(build=Typing))
    await client.fill("Amount", 2.5)
    assert client.has_text("name= amount=2.5")
    await client.find("Amount").fill("7")
    assert client.has_text("name= amount=7.0")
    with pytest.raises(ActionError, match="use fill"):
        await client.type("Amount", "8")


async def test_enter_in_a_multi_line_input_adds_a_line_shift_enter_confirms(
    rio_client,
):
    client = await rio_client(rio.App(build=Typing))
    await client.type("Notes", "a")
    await client.press("enter", target="Notes")
    await client.press("b", target="Notes")
    assert client.find("Notes").component.text == "a\nb"
    await client.press("shift+enter", target="Notes")
    assert client.has_text("changes=[] confirmed=notes: a\nb")


# --- dropdowns --------------------------------------------------------------------


class Choice(rio.Component):
    size: str = "m"
    events: int = 0

    def _changed(self, event: rio.DropdownChangeEvent) -> None:
        self.events += 1

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Dropdown(
                {"Small": "s", "Medium": "m", "Large": "l"},
                label="Size",
                selected_value=self.bind().size,
                on_change=self._changed,
            ),
            rio.Text(f"size={self.size} events={self.events}"),
        )


async def test_choose_a_dropdown_option_by_name_or_value(rio_client):
    client = await rio_client(rio.App(build=Choice))
    await client.choose("Size", "Large")
    assert client.has_text("size=l events=1")
    await client.find(role="dropdown").choose("s")
    assert client.has_text("size=s events=2")
    with pytest.raises(LookupError, match="no option 'Huge'"):
        await client.choose("Size", "Huge")


# --- keys -------------------------------------------------------------------------


class Keys(rio.Component):
    pressed: list[str] = []
    saved: int = 0

    def _down(self, event: rio.KeyDownEvent) -> None:
        self.pressed = [*self.pressed, str(event)]

    def _save(self, event: rio.KeyDownEvent) -> None:
        self.saved += 1

    def build(self) -> rio.Component:
        return rio.Column(
            rio.KeyEventListener(
                rio.Column(rio.Text(f"pressed={self.pressed}"), rio.Button("Inside")),
                on_key_down=self._down,
            ),
            rio.KeyEventListener(
                rio.Text(f"saved={self.saved}"),
                on_key_down={("control", "s"): self._save},
            ),
        )


async def test_press_sends_key_events_to_the_listeners(rio_client):
    client = await rio_client(rio.App(build=Keys))
    await client.press("control+s")  # nothing focused: every listener
    assert client.has_text("saved=1")
    assert client.has_text("pressed=['control + s']")
    await client.press("escape", target="Inside")  # only the one around it
    assert client.has_text("pressed=['control + s', 'escape']")
    await client.press("a", "shift+b")  # not combinations the second reports
    assert client.has_text("saved=1")
    assert client.has_text("pressed=['control + s', 'escape', 'a', 'shift + b']")
    with pytest.raises(ValueError, match="no modifier"):
        await client.press("hyper+a")


# --- pages, links, resizing ---------------------------------------------------------


class Nav(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Link("About us", "/about"),
            rio.Link("Elsewhere", "https://example.com/x"),
            rio.PageView(),
        )


def pages_app() -> rio.App:
    return rio.App(
        build=Nav,
        pages=[
            rio.ComponentPage("Home", "", lambda: rio.Text("home page")),
            rio.ComponentPage("About", "about", lambda: rio.Text("about page")),
        ],
    )


async def test_navigate_and_links(rio_client):
    client = await rio_client(pages_app())
    assert client.has_text("home page")
    await client.click("About us")
    assert client.has_text("about page") and client.url.path == "/about"
    await client.navigate("/")
    assert client.has_text("home page") and client.url.path == "/"
    await client.click("Elsewhere")
    assert client.opened_urls == ["https://example.com/x"]
    assert client.has_text("home page")


async def test_open_a_path_and_resize(rio_client):
    class Size(rio.Component):
        def build(self) -> rio.Component:
            return rio.Text(f"width={self.session.window_width:.0f}")

    client = await rio_client(rio.App(build=Size), width=80)
    assert client.has_text("width=80")
    await client.resize(30, 20)
    assert client.has_text("width=30")
    about = await rio_client(pages_app(), path="/about")
    assert about.has_text("about page")


# --- dialogs ------------------------------------------------------------------------


class Deleting(rio.Component):
    answer: str = "none"

    async def _delete(self) -> None:
        result = await self.session.show_yes_no_dialog("Really delete?")
        self.answer = str(result)

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button("Delete", on_press=self._delete), rio.Text(self.answer)
        )


async def test_a_dialog_is_answered_by_clicking_its_buttons(rio_client):
    client = await rio_client(rio.App(build=Deleting))
    await client.click("Delete")  # returns while the handler waits for the user
    [dialog] = client.dialogs()
    assert client.find(re.compile("Really delete"), within=dialog)
    with pytest.raises(ActionError, match="behind a modal dialog"):
        await client.click("Delete")
    await client.click("Yes")
    assert client.dialogs() == []
    assert client.has_text("True")


async def test_a_dialog_is_dismissed(rio_client):
    client = await rio_client(rio.App(build=Deleting))
    await client.click("Delete")
    await client.dismiss_dialog()
    assert client.dialogs() == []
    assert client.has_text("None")
    with pytest.raises(ActionError, match="no dialog"):
        await client.dismiss_dialog()


# --- what the browser does for the app: clipboard, files ------------------------------


class Platform(rio.Component):
    shown: str = ""

    async def _copy(self) -> None:
        await self.session.set_clipboard("copied text")

    async def _paste(self) -> None:
        self.shown = f"pasted {await self.session.get_clipboard()}"

    async def _open(self) -> None:
        try:
            file = await self.session.pick_file(file_types=["txt"])
        except rio.NoFileSelectedError:
            self.shown = "cancelled"
            return
        self.shown = f"{file.name}: {await file.read_text()}"

    async def _save(self) -> None:
        await self.session.save_file("report", "report.txt")

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button("Copy", on_press=self._copy),
            rio.Button("Paste", on_press=self._paste),
            rio.Button("Open", on_press=self._open),
            rio.Button("Save", on_press=self._save),
            rio.Text(self.shown),
        )


async def test_the_clipboard(rio_client):
    client = await rio_client(rio.App(build=Platform))
    await client.click("Copy")
    assert client.clipboard == "copied text"
    client.clipboard = "from the test"
    await client.click("Paste")
    assert client.has_text("pasted from the test")


async def test_file_picks_and_saved_files(rio_client, tmp_path: Path):
    client = await rio_client(rio.App(build=Platform))
    client.files_to_pick(("notes.txt", b"hello"))
    (tmp_path / "disk.txt").write_text("on disk")
    client.files_to_pick(tmp_path / "disk.txt")
    await client.click("Open")
    assert client.has_text("notes.txt: hello")
    await client.click("Open")
    assert client.has_text("disk.txt: on disk")
    await client.click("Open")  # nothing arranged: the user cancels
    assert client.has_text("cancelled")
    assert [pick.chosen for pick in client.file_picks] == [
        ["notes.txt"],
        ["disk.txt"],
        [],
    ]
    assert client.file_picks[0].file_types == ["txt"]
    await client.click("Save")
    [saved] = client.saved_files
    assert (saved.name, saved.contents, saved.media_type) == (
        "report.txt",
        b"report",
        "text/plain",
    )


# --- the app's errors fail the test ---------------------------------------------------


class Failing(rio.Component):
    broken: bool = False

    def _sync(self) -> None:
        raise ValueError("sync handler broke")

    async def _async(self) -> None:
        await asyncio.sleep(0)
        raise KeyError("async handler broke")

    def build(self) -> rio.Component:
        if self.broken:
            raise RuntimeError("build broke")
        return rio.Column(
            rio.Button("Sync", on_press=self._sync),
            rio.Button("Async", on_press=self._async),
            rio.Button("Break", on_press=lambda: setattr(self, "broken", True)),
        )


def frames(error: BaseException) -> list[str]:
    return [frame.name for frame in traceback.extract_tb(error.__traceback__)]


async def test_a_handlers_error_is_raised_with_its_traceback(rio_client):
    client = await rio_client(rio.App(build=Failing))
    with pytest.raises(ValueError, match="sync handler broke") as sync_error:
        await client.click("Sync")
    assert "_sync" in frames(sync_error.value)
    with pytest.raises(KeyError, match="async handler broke") as async_error:
        await client.click("Async")
    assert "_async" in frames(async_error.value)
    with pytest.raises(RuntimeError, match="build broke") as build_error:
        await client.click("Break")
    assert "build" in frames(build_error.value)


async def test_errors_are_only_logged_when_asked(caplog):
    async with run(rio.App(build=Failing), raise_errors=False) as client:
        await client.click("Sync")
        await client.click("Async")
    assert "sync handler broke" in caplog.text
    assert "async handler broke" in caplog.text


def test_an_unhandled_error_fails_the_test_with_its_traceback(pytester):
    """In a test of the app's author: the fixture reports the handler's own
    traceback, from the click or, for a timer's, when the test ends."""
    pytester.makepyfile(
        textwrap.dedent(
            """
            import rio_desktop as rio

            class Page(rio.Component):
                ticks: int = 0

                def _press(self):
                    raise ZeroDivisionError("pressed wrong")

                @rio.event.periodic(0.001)
                def _tick(self):
                    self.ticks += 1
                    if self.ticks == 3:
                        raise LookupError("timer broke")

                def build(self):
                    return rio.Column(
                        rio.Text(f"ticks {min(self.ticks, 3)}"),
                        rio.Button("Press", on_press=self._press),
                    )

            async def test_click(rio_client):
                client = await rio_client(rio.App(build=Page))
                await client.click("Press")

            async def test_timer(rio_client):
                client = await rio_client(rio.App(build=Page))
                await client.wait_for_text("ticks 3")
            """
        )
    )
    result = pytester.runpytest_subprocess(
        "-p", "rio_desktop.testing.plugin", "-o", "asyncio_mode=auto"
    )
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(
        [
            '*raise ZeroDivisionError("pressed wrong")*',
            '*raise LookupError("timer broke")*',
        ]
    )


# --- the app's hooks, and run() without the fixture -----------------------------------


async def test_the_app_closing_its_page(rio_client):
    closed: list[object] = []

    class Quitting(rio.Component):
        def build(self) -> rio.Component:
            return rio.Button("Quit", on_press=self.session.close)

    app = rio.App(build=Quitting, on_session_close=closed.append)
    async with run(app) as client:
        await client.click("Quit")
        assert client.closed
        with pytest.raises(RuntimeError, match="closed"):
            await client.click("Quit")
    assert closed == [client.session]


async def test_run_calls_the_apps_hooks_in_order():
    calls: list[str] = []
    app = rio.App(
        build=lambda: rio.Text("hi"),
        on_app_start=lambda app: calls.append("app start"),
        on_session_start=lambda session: calls.append("session start"),
        on_session_close=lambda session: calls.append("session close"),
        on_app_close=lambda app: calls.append("app close"),
    )
    async with run(app) as client:
        assert isinstance(client, TestClient)
        assert client.has_text("hi")
        assert calls == ["app start", "session start"]
    assert calls == ["app start", "session start", "session close", "app close"]
    assert client.session.is_closed

"""Errors in the app's code: one runner, one policy (runtime.py's run_user
and report_exception).

Every kind of user code (event handlers sync and async, rio.event handlers,
periodic, input on_change, dialog callbacks, background tasks, build()) is
logged with its traceback, component and handler; the page is told (a panel
with the traceback in development, a short notice otherwise); the app keeps
running. Headless tests use rio_desktop.testing; the browser tests use a real
Chromium (conftest's `chromium`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from conftest import ServerThread
from wire_client import run

import rio_desktop as rio
from rio_desktop import cli, runtime

_LIVE: dict[str, Any] = {}


@pytest.fixture(autouse=True)
def release(monkeypatch):
    """Each test starts as a released app; development is opted into."""
    monkeypatch.delenv(runtime.DEVELOPMENT_ENV, raising=False)


def development(monkeypatch) -> None:
    monkeypatch.setenv(runtime.DEVELOPMENT_ENV, "1")


def record_reports(client) -> list[dict[str, Any]]:
    """What the server asks the page to show (showError calls), in order."""
    reports: list[dict[str, Any]] = []
    apply = client._apply

    def recording(message: dict[str, Any]) -> None:
        if message.get("type") == "call" and message.get("method") == "showError":
            reports.append(message["args"][0])
        apply(message)

    client._apply = recording
    return reports


def errors(caplog) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == "rio_desktop.session" and r.levelno == logging.ERROR
    ]


# --- the misreport: a ValueError from a sync on_change -------------------------


class Form(rio.Component):
    text: str = ""
    count: int = 0

    def _changed(self, event: rio.TextInputChangeEvent) -> None:
        raise ValueError(f"user bug in on_change: {event.text}")

    def _add(self) -> None:
        self.count += 1

    def build(self) -> rio.Component:
        return rio.Column(
            rio.TextInput(self.bind().text, on_change=self._changed, key="name"),
            rio.Button(f"count {self.count}", on_press=self._add),
            rio.Text(f"text={self.text}"),
        )


async def test_value_error_from_sync_on_change_is_a_handler_error(caplog):
    """Not "Dropped a message from the page": an ERROR with the traceback,
    the component (class and key) and the handler; the value is kept and a
    click afterwards still counts."""
    caplog.set_level(logging.INFO)
    async with run(rio.App(build=Form)) as client:
        reports = record_reports(client)
        [text_input] = client.find("TextInput")
        await client.send_event(text_input["id"], "change", {"text": "abc"})
        await client.click("count 0")
        assert client.has_text("count 1")
        assert client.has_text("text=abc")
    assert not [r for r in caplog.records if "Dropped a message" in r.getMessage()]
    [record] = errors(caplog)
    message = record.getMessage()
    assert "Traceback (most recent call last)" in message
    assert "ValueError: user bug in on_change: abc" in message
    assert "the on_change handler Form._changed of TextInput (key 'name')" in message
    assert record.rio_component == "TextInput (key 'name')"
    assert record.rio_handler == "Form._changed"
    assert record.rio_event == "on_change"
    # Released (no RIO_DESKTOP_DEV): the page hears no internals.
    assert reports == [
        {
            "development": False,
            "title": "Something went wrong",
            "details": "",
            "note": "",
        }
    ]


async def test_bad_payload_is_still_dropped_as_a_bad_message(caplog):
    """What the page sends wrong stays a warning of the server's."""
    async with run(rio.App(build=Form)) as client:
        [text_input] = client.find("TextInput")
        with caplog.at_level(logging.WARNING):
            await client.send_event(text_input["id"], "change", {"text": 5})
            await client.click("count 0")
        assert client.has_text("count 1")
    assert any("Dropped a message" in r.getMessage() for r in caplog.records)
    assert not errors(caplog)


async def test_an_error_behind_a_message_keeps_the_connection(caplog, monkeypatch):
    """Not the page's fault, so not "Dropped": reported, and the socket
    serves the next event."""
    caplog.set_level(logging.INFO)
    async with run(rio.App(build=Form)) as client:

        def broken(width: float, height: float) -> None:
            raise RuntimeError("bug behind a resize")

        monkeypatch.setattr(client.session, "_set_window_size", broken)
        await client._ws.send_json({"type": "resize", "width": 50, "height": 30})
        record = await expect_error(client, caplog, "bug behind a resize")
        assert record.rio_event == "page message"
        await client.click("count 0")
        assert client.has_text("count 1")
    assert not [r for r in caplog.records if "Dropped a message" in r.getMessage()]


# --- every kind of user code ------------------------------------------------


class Kinds(rio.Component):
    """Each button makes another kind of user code fail."""

    which: str = ""
    count: int = 0
    on_rate: rio.EventHandler[int] = None

    @rio.event.on_populate
    def _populate(self) -> None:
        if self.which == "populate":
            raise KeyError("in on_populate")

    @rio.event.periodic(0.01)
    def _tick(self) -> None:
        if self.which == "periodic":
            self.which = ""
            raise ZeroDivisionError("in periodic")

    @rio.event.on_window_size_change
    def _resized(self) -> None:
        if self.which == "size":
            raise LookupError("in on_window_size_change")

    async def _async_press(self) -> None:
        await asyncio.sleep(0)
        raise OSError("in an async on_press")

    def _start_task(self) -> None:
        async def load() -> None:
            raise ConnectionError("in a background task")

        self.session.create_task(load(), name="loader")

    async def _open_dialog(self) -> None:
        def closed() -> None:
            raise AttributeError("in a dialog's on_close")

        await self.session.show_custom_dialog(
            lambda: rio.Text("dialog"), on_close=closed, owning_component=self
        )

    async def _rate(self) -> None:
        await self.call_event_handler(self.on_rate, 3)

    def build(self) -> rio.Component:
        if self.which == "build":
            raise TypeError("in build")
        return rio.Column(
            rio.Button("async", on_press=self._async_press),
            rio.Button("task", on_press=self._start_task),
            rio.Button("dialog", on_press=self._open_dialog),
            rio.Button("rate", on_press=self._rate),
            rio.Button(
                f"count {self.count}",
                on_press=lambda: setattr(self, "count", self.count + 1),
            ),
        )


class KindsPage(rio.Component):
    which: str = ""

    def _rated(self, stars: int) -> None:
        raise ArithmeticError(f"rated {stars}")

    def build(self) -> rio.Component:
        _LIVE["kinds_page"] = self
        return Kinds(which=self.which, on_rate=self._rated, key="kinds")


def fail_in(which: str) -> None:
    """Make the Kinds component fail in `which` (its parent passes it on)."""
    _LIVE["kinds_page"].which = which


async def expect_error(client, caplog, text: str) -> logging.LogRecord:
    """The one error record containing `text`, once it is logged."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while True:
        found = [r for r in errors(caplog) if text in r.getMessage()]
        if found:
            await client.settle()
            assert len(found) == 1, [r.getMessage() for r in found]
            return found[0]
        assert loop.time() < deadline, f"no error logged with {text!r}"
        await asyncio.sleep(0.01)


async def test_every_kind_of_user_code_is_reported_and_the_app_lives_on(
    caplog, monkeypatch
):
    development(monkeypatch)
    caplog.set_level(logging.INFO)
    async with run(rio.App(build=KindsPage)) as client:
        reports = record_reports(client)

        await client.click("async")
        record = await expect_error(client, caplog, "OSError: in an async on_press")
        assert record.rio_component == "Button"
        assert record.rio_handler == "Kinds._async_press"
        assert record.rio_event == "on_press"
        assert "the on_press handler Kinds._async_press of Button" in (
            record.getMessage()
        )

        await client.click("task")
        record = await expect_error(client, caplog, "in a background task")
        assert "the background task 'loader' (Kinds._start_task.<locals>.load)" in (
            record.getMessage()
        )

        await client.click("dialog")
        [container] = [
            cid
            for cid, props in client.components.items()
            if props["_type"] == "DialogContainer"
        ]
        await client.send_event(container, "close-request", None)
        record = await expect_error(client, caplog, "in a dialog's on_close")
        assert record.rio_component == "Kinds (key 'kinds')"
        assert record.rio_event == "dialog on_close"

        await client.click("rate")
        record = await expect_error(client, caplog, "ArithmeticError: rated 3")
        assert record.rio_component == "Kinds (key 'kinds')"
        assert record.rio_handler == "KindsPage._rated"
        assert record.rio_event == "on_rate"

        fail_in("periodic")
        record = await expect_error(client, caplog, "in periodic")
        assert record.rio_event == "periodic"
        assert record.rio_handler == "Kinds._tick"

        fail_in("size")
        await client._ws.send_json({"type": "resize", "width": 50, "height": 30})
        record = await expect_error(client, caplog, "in on_window_size_change")
        assert record.rio_event == "on_window_size_change"

        # New values from the parent repopulate; build() raising shows a
        # placeholder and logs the same way.
        fail_in("populate")
        record = await expect_error(client, caplog, "in on_populate")
        assert record.rio_event == "on_populate"
        assert record.rio_component == "Kinds (key 'kinds')"

        fail_in("build")
        record = await expect_error(client, caplog, "TypeError: in build")
        assert record.rio_handler == "Kinds.build"
        assert record.rio_component == "Kinds (key 'kinds')"
        assert "Traceback (most recent call last)" in record.getMessage()
        [placeholder] = client.find("ErrorPlaceholder")
        assert "Kinds.build() raised TypeError: in build" in placeholder["summary"]
        assert 'raise TypeError("in build")' in placeholder["details"]

        fail_in("")
        await client.settle()
        await client.click("count 0")
        assert client.has_text("count 1")

    # Development, a loopback client: each report has its traceback (build()
    # errors show in their placeholder instead).
    titles = [r["title"] for r in reports]
    assert len(titles) == 7, titles
    assert all(r["development"] and r["details"] for r in reports)
    assert "Error in the on_press handler Kinds._async_press of Button" in titles[0]
    assert 'raise OSError("in an async on_press")' in reports[0]["details"]


class Mounting(rio.Component):
    @rio.event.on_mount
    async def _mount(self) -> None:
        await asyncio.sleep(0)
        raise RuntimeError("in on_mount")

    def build(self) -> rio.Component:
        return rio.Text("mounted")


async def test_a_failing_async_on_mount_leaves_the_page_working(caplog):
    caplog.set_level(logging.INFO)
    async with run(rio.App(build=Mounting)) as client:
        await expect_error(client, caplog, "RuntimeError: in on_mount")
        assert client.has_text("mounted")
    [record] = errors(caplog)
    assert record.rio_component == "Mounting"
    assert record.rio_handler == "Mounting._mount"
    assert record.rio_event == "on_mount"


async def test_release_build_placeholder_has_no_internals(caplog):
    caplog.set_level(logging.INFO)
    _LIVE.pop("kinds_page", None)
    async with run(rio.App(build=KindsPage)) as client:
        fail_in("build")
        await expect_error(client, caplog, "TypeError: in build")
        [placeholder] = client.find("ErrorPlaceholder")
        assert placeholder["summary"] == "Something went wrong"
        assert placeholder.get("details", "") == ""


async def test_development_shows_details_to_local_clients_only(monkeypatch):
    development(monkeypatch)
    async with run(rio.App(build=Form)) as client:
        session = client.session
        assert session.runtime.shows_details()
        session.runtime.client_ip = "203.0.113.7"  # a public website's visitor
        assert not session.runtime.shows_details()
        monkeypatch.delenv(runtime.DEVELOPMENT_ENV)
        session.runtime.client_ip = "127.0.0.1"
        assert not session.runtime.shows_details()


def test_log_file_is_found_from_the_logging_handlers(tmp_path):
    """The built app's launcher sends stderr to last-run.log; a FileHandler
    counts too; without either there is no path to tell."""
    root = logging.getLogger()
    saved = root.handlers[:]
    try:
        root.handlers = [logging.StreamHandler()]
        assert runtime._log_file() is None
        log_path = tmp_path / "last-run.log"
        with open(log_path, "w") as stream:
            root.handlers = [logging.StreamHandler(stream)]
            assert runtime._log_file() == str(log_path)
        handler = logging.FileHandler(tmp_path / "app.log")
        root.handlers = [handler]
        assert runtime._log_file() == str(tmp_path / "app.log")
        handler.close()
    finally:
        root.handlers = saved


async def test_the_window_notice_names_the_log_file(tmp_path, monkeypatch):
    """Released, in the window: where the log is, if the process logs to a
    file (a built app's launcher sends stderr to last-run.log); a website's
    visitors are never told a server path."""
    async with run(rio.App(build=Form)) as client:
        reports = record_reports(client)
        session = client.session
        log_path = tmp_path / "last-run.log"
        monkeypatch.setattr(runtime, "_log_file", lambda: str(log_path))
        session.runtime.report_exception(ValueError("website"))
        monkeypatch.setattr(session.host, "running_in_window", True)
        session.runtime.report_exception(ValueError("window"))
        monkeypatch.setattr(runtime, "_log_file", lambda: None)
        session.runtime.report_exception(ValueError("window, no log file"))
        await client.settle()
    assert [r["note"] for r in reports] == [
        "",
        f"The details are in the log: {log_path}",
        "",
    ]
    assert {r["title"] for r in reports} == {"Something went wrong"}


def test_rio_desktop_run_is_development_unless_release(monkeypatch, tmp_path):
    app_file = tmp_path / "app.py"
    app_file.write_text(
        "import rio_desktop as rio\napp = rio.App(build=lambda: rio.Text('x'))\n"
    )
    seen: list[str | None] = []

    async def serve(*args: Any) -> None:
        import os

        seen.append(os.environ.get(runtime.DEVELOPMENT_ENV))

    monkeypatch.setattr(cli, "_serve_website", serve)
    monkeypatch.setenv(runtime.DEVELOPMENT_ENV, "0")  # restored afterwards
    assert cli.main(["run", "--website", "--no-reload", str(app_file)]) == 0
    assert cli.main(["run", "--website", "--release", str(app_file)]) == 0
    assert seen == ["1", None]


# --- in Chromium --------------------------------------------------------------


class Broken(rio.Component):
    count: int = 0
    text: str = ""

    def _fail(self) -> None:
        raise ValueError("<b>not bold</b> & kaput")

    def _changed(self, event: rio.TextInputChangeEvent) -> None:
        raise ValueError(f"bad text {event.text!r}")

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button("fail", on_press=self._fail),
            rio.Button(
                f"count {self.count}",
                on_press=lambda: setattr(self, "count", self.count + 1),
            ),
            rio.TextInput(self.bind().text, label="name", on_change=self._changed),
            rio.Text(f"text={self.text}"),
            align_y=0,
        )


@pytest.fixture(scope="module")
def broken_url() -> Any:
    server = ServerThread(rio.App(build=Broken))
    yield server.url
    server.close()


@pytest.mark.browser
def test_development_panel_shows_the_traceback(page, broken_url, monkeypatch):
    development(monkeypatch)
    page.goto(broken_url)
    page.get_by_role("button", name="fail").click()
    panel = page.locator(".rio-error-panel")
    panel.wait_for()
    text = panel.inner_text()
    assert "Error in the on_press handler Broken._fail of Button" in text
    assert "Traceback (most recent call last)" in text
    assert 'raise ValueError("<b>not bold</b> & kaput")' in text
    # Text, never HTML: the <b> is shown, not made.
    assert "ValueError: <b>not bold</b> & kaput" in text
    assert panel.locator("b").count() == 0
    assert page.locator(".rio-error").count() == 0  # no build placeholder

    # The same error again counts up; another one stacks on top.
    page.get_by_role("button", name="fail").click()
    page.locator(".rio-error-count", has_text="\u00d72").wait_for()
    page.get_by_label("name").fill("xy")
    page.locator(".rio-error-report").nth(1).wait_for()
    first = page.locator(".rio-error-report").first
    assert "on_change handler Broken._changed of TextInput" in first.inner_text()
    assert "ValueError: bad text 'xy'" in first.inner_text()

    # The app lives on: the value was kept, a click still counts.
    page.get_by_text("text=xy").wait_for()
    page.get_by_role("button", name="count 0").click()
    page.get_by_role("button", name="count 1").wait_for()

    # Dismissed one by one, the panel goes.
    for _ in range(2):
        page.locator(".rio-error-close").first.click()
    panel.wait_for(state="detached")


@pytest.mark.browser
def test_release_notice_has_no_internals(page, broken_url):
    page.goto(broken_url)
    page.get_by_role("button", name="fail").click()
    notice = page.locator(".rio-error-panel.rio-error-notice")
    notice.wait_for()
    text = notice.inner_text()
    assert "Something went wrong" in text
    for internal in ("Traceback", "ValueError", "kaput", "Broken", "_fail"):
        assert internal not in text
    # Another error does not stack a second notice.
    page.get_by_label("name").fill("z")
    page.locator(".rio-error-count", has_text="\u00d72").wait_for()
    assert page.locator(".rio-error-report").count() == 1
    page.get_by_role("button", name="count 0").click()
    page.get_by_role("button", name="count 1").wait_for()
    page.get_by_role("button", name="Dismiss").click()
    notice.wait_for(state="detached")

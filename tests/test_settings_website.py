"""UserSettings in website mode (Chromium): kept in the browser's localStorage,
back after a reload (a new session), defaults when what is stored is broken.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import pytest
from helpers import wait_for

import rio_desktop as rio

pytestmark = pytest.mark.browser

KEY = "rio-desktop:settings:/"


class Prefs(rio.UserSettings):
    name: str = "nobody"
    count: int = 0
    tags: list = []


class Shows(rio.Component):
    """Shows the settings; its buttons change them."""

    revision: int = 0

    def _more(self) -> None:
        self.session[Prefs].count += 1
        self.revision += 1

    def _rename(self) -> None:
        prefs = self.session[Prefs]
        prefs.name = "renamed"
        prefs.tags = [*prefs.tags, "x"]
        self.revision += 1

    def build(self) -> rio.Component:
        prefs = self.session[Prefs]
        return rio.Column(
            rio.Text(f"name={prefs.name} count={prefs.count} tags={prefs.tags}"),
            rio.Button("more", on_press=self._more),
            rio.Button("rename", on_press=self._rename),
            align_x=0,
            align_y=0,
        )


def shows(page: Any, text: str) -> None:
    page.get_by_text(text, exact=True).wait_for()


def stored(page: Any) -> Any:
    text = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    return None if text is None else json.loads(text)


def stored_field(page: Any, name: str) -> Any:
    data = stored(page)
    section = data.get("Prefs") if isinstance(data, dict) else None
    return section.get(name) if isinstance(section, dict) else None


def put(page: Any, text: str) -> None:
    """Store `text` as the app's settings, once the page's own write is done
    (else its write, flushed on reload, would replace ours)."""
    wait_for(lambda: stored(page) is not None)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, text])


def new_session(server: Any, old: Any, timeout: float = 10) -> Any:
    """The session of the reloaded page (not `old`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fresh = [s for s in server.server.sessions if s is not old]
        if fresh:
            return fresh[0]
        time.sleep(0.02)
    raise AssertionError("the reloaded page got no session")


def test_settings_come_back_after_a_reload(serve, page):
    server = serve(rio.App(build=Shows, default_attachments=[Prefs()]))
    page.goto(server.url)
    shows(page, "name=nobody count=0 tags=[]")
    first = server.session()
    # Attached at the start with nothing stored: the defaults are stored.
    wait_for(
        lambda: stored(page) == {"Prefs": {"name": "nobody", "count": 0, "tags": []}}
    )

    page.get_by_role("button", name="more").click()
    page.get_by_role("button", name="rename").click()
    shows(page, "name=renamed count=1 tags=['x']")
    wait_for(
        lambda: (
            stored(page) == {"Prefs": {"name": "renamed", "count": 1, "tags": ["x"]}}
        )
    )

    page.reload()
    shows(page, "name=renamed count=1 tags=['x']")
    second = new_session(server, first)
    assert second[Prefs].count == 1

    # A change from Python, then a reload at once: the page writes what is
    # pending when it is left (no waiting for the debounce).
    def change() -> None:
        second[Prefs].count = 41

    server.run(change)
    page.get_by_role("button", name="more").click()
    shows(page, "name=renamed count=42 tags=['x']")
    page.reload()
    shows(page, "name=renamed count=42 tags=['x']")
    assert new_session(server, second)[Prefs].count == 42


def test_settings_attached_in_on_session_start_load_and_later_ones_store(serve, page):
    """session.attach() before the first build loads; later, it stores."""

    def start(session: rio.Session) -> None:
        session.attach(Prefs(name="from code"))

    server = serve(rio.App(build=Shows, on_session_start=start))
    page.goto(server.url)
    shows(page, "name=from code count=0 tags=[]")  # nothing stored yet
    first = server.session()
    put(page, json.dumps({"Prefs": {"name": "stored", "count": 7}}))
    page.reload()
    shows(page, "name=stored count=7 tags=[]")
    session = new_session(server, first)

    def attach_later() -> None:
        session.attach(Prefs(name="attached later", count=3))

    server.run(attach_later)
    wait_for(lambda: stored_field(page, "name") == "attached later")
    assert stored(page)["Prefs"] == {"name": "attached later", "count": 3, "tags": []}
    page.reload()
    shows(page, "name=attached later count=3 tags=[]")


def test_malformed_stored_settings_fall_back_to_defaults(serve, page, caplog):
    caplog.set_level(logging.WARNING)
    server = serve(rio.App(build=Shows, default_attachments=[Prefs()]))
    page.goto(server.url)
    shows(page, "name=nobody count=0 tags=[]")
    put(page, '{"Prefs": {not json')
    page.reload()
    shows(page, "name=nobody count=0 tags=[]")
    assert "settings stored in the browser were corrupt" in caplog.text
    # Kept aside, like the window's settings.json.bak; the defaults replace it.
    backup = page.evaluate(f"localStorage.getItem({json.dumps(KEY + '.bak')})")
    assert backup == '{"Prefs": {not json'
    wait_for(
        lambda: stored(page) == {"Prefs": {"name": "nobody", "count": 0, "tags": []}}
    )
    page.get_by_role("button", name="more").click()
    shows(page, "name=nobody count=1 tags=[]")
    wait_for(lambda: stored_field(page, "count") == 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            {"Prefs": {"name": "kept", "count": "many", "tags": 5}},
            "name=kept count=0 tags=[]",
        ),
        ({"Prefs": ["not", "an", "object"]}, "name=nobody count=0 tags=[]"),
        (["not", "an", "object"], "name=nobody count=0 tags=[]"),
    ],
)
def test_stored_values_of_the_wrong_kind_keep_their_defaults(
    serve, page, caplog, value, expected
):
    caplog.set_level(logging.WARNING)
    server = serve(rio.App(build=Shows, default_attachments=[Prefs()]))
    page.goto(server.url)
    shows(page, "name=nobody count=0 tags=[]")
    put(page, json.dumps(value))
    page.reload()
    shows(page, expected)
    assert "Ignoring the stored setting" in caplog.text or "corrupt" in caplog.text
    page.get_by_role("button", name="more").click()
    wait_for(lambda: stored_field(page, "count") == 1)


def test_hot_reload_keeps_the_stored_settings(serve, page):
    server = serve(rio.App(build=Shows, default_attachments=[Prefs()]))
    page.goto(server.url)
    page.get_by_role("button", name="more").click()
    shows(page, "name=nobody count=1 tags=[]")
    session = server.session()
    replacement = rio.App(build=Shows, default_attachments=[Prefs()])
    server.run(lambda: session.connection.replace_app(replacement))
    shows(page, "name=nobody count=1 tags=[]")
    page.get_by_role("button", name="more").click()
    shows(page, "name=nobody count=2 tags=[]")


def test_a_change_while_disconnected_is_stored_after_reconnect(serve, page):
    """Settings changed while the socket is down reach the browser afterwards."""
    server = serve(rio.App(build=Shows, default_attachments=[Prefs()]))
    page.goto(server.url)
    shows(page, "name=nobody count=0 tags=[]")
    session = server.session()
    page.evaluate("window.rioDesktop.socket.close()")
    # The page reconnects within ~0.25 s; change the settings before it does.
    server.run(lambda: setattr(session[Prefs], "count", 7))
    wait_for(lambda: stored_field(page, "count") == 7)

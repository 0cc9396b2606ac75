"""UserSettings as in Rio: rich field types (dataclasses, enums, datetimes...),
`bind()` refused, and `rio.HttpOnly` fields kept in an HttpOnly cookie in
website mode (and in the settings file in a window).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Literal

import pytest
from helpers import wait_for

import rio_desktop as rio
from rio_desktop.user_settings import SettingsStore

UTC = datetime.timezone.utc


class Mood(enum.Enum):
    HAPPY = "happy"
    GRUMPY = 2


class Perm(enum.Flag):
    READ = 1
    WRITE = 2


@dataclasses.dataclass
class Item:
    title: str
    created: datetime.datetime
    done: bool = False
    mood: Mood = Mood.HAPPY


class Rich(rio.UserSettings):
    items: list[Item] = [Item("first", datetime.datetime(2024, 1, 2, 3, 4, 5))]
    best: Item | None = None
    mood: Mood = Mood.HAPPY
    perms: Perm = Perm.READ
    when: datetime.datetime = datetime.datetime(2020, 1, 1, tzinfo=UTC)
    day: datetime.date = datetime.date(2020, 1, 1)
    wait: datetime.timedelta = datetime.timedelta(minutes=1)
    blob: bytes = b""
    ids: set[int] = set()
    pair: tuple[int, str] = (0, "")
    by_id: dict[int, Item] = {}
    ident: uuid.UUID = uuid.UUID(int=0)
    where: Path = Path("/")
    size: Literal["s", "m", "l"] = "m"


def test_rich_values_are_saved_and_loaded(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    store = SettingsStore(file)
    settings = Rich()
    store.attach(settings, load=True)
    item = Item("second", datetime.datetime(2025, 5, 6, 7, 8, tzinfo=UTC), True)
    settings.items = [*settings.items, item]  # the Todo starter's list
    settings.best = item
    settings.mood = Mood.GRUMPY
    settings.perms = Perm.READ | Perm.WRITE
    settings.when = datetime.datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC)
    settings.day = datetime.date(2024, 2, 29)
    settings.wait = datetime.timedelta(seconds=90.5)
    settings.blob = b"\x00\xffbytes"
    settings.ids = {3, 1, 2}
    settings.pair = (7, "seven")
    settings.by_id = {5: item}
    settings.ident = uuid.UUID("12345678-1234-5678-1234-567812345678")
    settings.where = Path("/tmp/x")
    settings.size = "l"
    store.flush()

    stored = json.loads(file.read_text())["Rich"]
    assert stored["mood"] == "GRUMPY"
    assert stored["items"][1] == {
        "title": "second",
        "created": "2025-05-06T07:08:00+00:00",
        "done": True,
        "mood": "HAPPY",
    }

    again = Rich()
    SettingsStore(file).attach(again, load=True)
    for name in Rich._fields:
        assert getattr(again, name) == getattr(settings, name), name
    assert isinstance(again.items[0], Item)
    assert again.items[0].created == datetime.datetime(2024, 1, 2, 3, 4, 5)


def test_stored_data_that_does_not_fit_keeps_the_default(tmp_path, caplog) -> None:
    file = tmp_path / "settings.json"
    file.write_text(
        json.dumps(
            {
                "Rich": {
                    "items": [{"title": "no date"}],
                    "mood": "SLEEPY",
                    "day": "yesterday",
                    "size": "xl",
                    "pair": [1, "a"],
                }
            }
        )
    )
    settings = Rich()
    SettingsStore(file).attach(settings, load=True)
    assert settings.items == Rich.items
    assert settings.mood is Mood.HAPPY
    assert settings.day == datetime.date(2020, 1, 1)
    assert settings.size == "m"
    assert settings.pair == (1, "a")  # the one that fits is taken
    assert "Ignoring the stored setting Rich.items" in caplog.text


def test_values_that_cannot_be_stored_are_refused_when_assigned() -> None:
    settings = Rich()
    with pytest.raises(TypeError, match="Rich.items"):
        settings.items = [object()]


def test_settings_cannot_be_bound() -> None:
    with pytest.raises(AttributeError):
        Rich().bind()


def test_a_dataclass_decorated_settings_class_with_a_required_field(tmp_path) -> None:
    """Rio's Authentication starter: `@dataclass` on a UserSettings subclass."""

    @dataclasses.dataclass
    class Login(rio.UserSettings):
        auth_token: str

    file = tmp_path / "settings.json"
    store = SettingsStore(file)
    login = Login(auth_token="")
    store.attach(login, load=True)
    login.auth_token = "abc"
    store.flush()
    again = Login(auth_token="")
    SettingsStore(file).attach(again, load=True)
    assert again.auth_token == "abc"


class Secret(rio.UserSettings):
    token: rio.HttpOnly[str | None] = None
    theme: str = "light"


def test_http_only_fields_are_in_the_settings_file_in_a_window(tmp_path) -> None:
    file = tmp_path / "settings.json"
    store = SettingsStore(file)
    secret = Secret()
    store.attach(secret, load=True)
    secret.token = "s3cret"
    store.flush()
    assert json.loads(file.read_text()) == {
        "Secret": {"token": "s3cret", "theme": "light"}
    }


# --- website mode: HttpOnly fields in an HttpOnly cookie ---------------------


class ShowsSecret(rio.Component):
    def _log_in(self) -> None:
        settings = self.session[Secret]
        settings.token = "tok-123"
        settings.theme = "dark"
        self.session.attach(settings)

    def build(self) -> rio.Component:
        settings = self.session[Secret]
        return rio.Column(
            rio.Text(f"token={settings.token} theme={settings.theme}"),
            rio.Button("log in", on_press=self._log_in),
            align_x=0,
            align_y=0,
        )


def _settings_cookies(page: Any) -> list[dict[str, Any]]:
    return [c for c in page.context.cookies() if c["name"] == "rio_desktop_settings"]


@pytest.mark.browser
def test_http_only_settings_live_in_an_http_only_cookie(serve, page):
    server = serve(rio.App(build=ShowsSecret, default_attachments=[Secret()]))
    page.goto(server.url)
    page.get_by_text("token=None theme=light", exact=True).wait_for()
    first = server.session()
    page.get_by_role("button", name="log in").click()
    page.get_by_text("token=tok-123 theme=dark", exact=True).wait_for()
    wait_for(lambda: "tok-123" in json.dumps(_decoded_cookie(page)))

    cookie = _settings_cookies(page)[0]
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/"
    assert cookie["secure"] is False  # served over http
    # The page's scripts see neither the value nor the cookie.
    assert "tok-123" not in page.evaluate("document.cookie")
    local = page.evaluate("JSON.stringify(localStorage)")
    assert "tok-123" not in local
    wait_for(
        lambda: (
            '\\"theme\\":\\"dark\\"' in page.evaluate("JSON.stringify(localStorage)")
        )
    )
    assert "token" not in page.evaluate("JSON.stringify(localStorage)")

    # A new session reads it from the websocket handshake.
    page.reload()
    page.get_by_text("token=tok-123 theme=dark", exact=True).wait_for()
    second = next(s for s in server.server.sessions if s is not first)
    assert second[Secret].token == "tok-123"

    # A change, then a hot reload (the App is replaced): the change stays.
    server.run(lambda: setattr(second[Secret], "token", "tok-456"))
    wait_for(lambda: "tok-456" in json.dumps(_decoded_cookie(page)))
    replacement = rio.App(build=ShowsSecret, default_attachments=[Secret()])
    server.run(lambda: second.connection.replace_app(replacement))
    page.get_by_text("token=tok-456 theme=dark", exact=True).wait_for()


def _decoded_cookie(page: Any) -> Any:
    import base64

    cookies = _settings_cookies(page)
    if not cookies:
        return None
    return json.loads(base64.urlsafe_b64decode(cookies[0]["value"]))


@pytest.mark.browser
def test_a_page_of_another_origin_cannot_set_or_read_the_cookie(serve, page):
    server = serve(rio.App(build=ShowsSecret, default_attachments=[Secret()]))
    page.goto(server.url)
    page.get_by_role("button", name="log in").click()
    wait_for(lambda: _decoded_cookie(page) is not None)

    # A grant for a value the app never chose: only the app's own page may
    # use such a URL; another origin is refused and does not use it up.
    token = server.run(
        lambda: server.server.settings_cookie.grant({"Secret": {"token": "evil"}})
    )
    target = f"{server.url}rio-desktop/settings-cookie/{token}"
    other = serve(rio.App(build=lambda: rio.Text("elsewhere")))  # other port
    evil = page.context.new_page()
    evil.route(
        "http://evil.test/",
        lambda route: route.fulfill(body="<p>evil</p>", content_type="text/html"),
    )
    for origin in (other.url, "http://evil.test/"):
        evil.goto(origin)
        statuses = evil.evaluate(
            """async (url) => {
                const out = [];
                for (const mode of ["cors", "no-cors"]) {
                  try {
                    const options = {method: "POST", mode, credentials: "include"};
                    out.push((await fetch(url, options)).status);
                  } catch (e) { out.push("blocked"); }
                }
                return out;
            }""",
            target,
        )
        assert 204 not in statuses
        # What the attacker's page can see: not the app's cookie.
        assert "tok-123" not in evil.evaluate("document.cookie")
    assert "evil" not in json.dumps(_decoded_cookie(page))
    assert token in server.server.settings_cookie.grants  # not used up
    # Another origin cannot guess a grant either, and a used one is gone.
    assert _post(f"{server.url}rio-desktop/settings-cookie/guess") == 404


def _post(url: str, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, method="POST", headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_cookie_is_secure_behind_https_and_its_url_is_one_time(serve):
    server = serve(rio.App(build=lambda: rio.Text("x")))
    token = server.run(lambda: server.server.settings_cookie.grant({"S": {"a": 1}}))
    url = f"{server.url}rio-desktop/settings-cookie/{token}"
    request = urllib.request.Request(
        url,
        method="POST",
        headers={"X-Forwarded-Proto": "https", "Origin": server.url.rstrip("/")},
    )
    with urllib.request.urlopen(request) as response:
        set_cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in set_cookie
    assert "Secure" in set_cookie
    assert "SameSite=Strict" in set_cookie
    assert "Path=/" in set_cookie
    assert _post(url) == 404  # used up

"""Every attribute and method of the seed's Session, in website mode (Chromium).

One server and one page serve the whole module where the tests don't
interfere, to keep it fast.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from conftest import ServerThread
from helpers import wait_for

import rio_desktop as rio

pytestmark = pytest.mark.browser

ASSETS = Path(__file__).parent / "_session_assets"


class Lab(rio.Component):
    """Buttons that call the session methods that need a click."""

    status: str = "idle"

    async def _pick(self) -> None:
        try:
            file = await self.session.pick_file(file_types=["txt", "image/*"])
        except rio.NoFileSelectedError:
            self.status = "cancelled"
            return
        text = await file.read_text()
        self.status = (
            f"picked {file.name} {file.size_in_bytes} {file.media_type} {text}"
        )

    async def _pick_many(self) -> None:
        files = await self.session.pick_file(multiple=True)
        contents = [await f.read_bytes() for f in files]
        self.status = "many " + " ".join(
            f"{f.name}={c.decode()}" for f, c in zip(files, contents, strict=True)
        )

    async def _pick_old_name(self) -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            file = await self.session.file_chooser()
        kinds = {type(w.message).__name__ for w in caught}
        self.status = f"old name {file.name} {sorted(kinds)}"

    async def _save_text(self) -> None:
        await self.session.save_file("hello from rio", "greeting.txt")
        self.status = "saved text"

    async def _save_path(self) -> None:
        await self.session.save_file(
            ASSETS / "data.bin", "data.bin", directory=Path("/ignored")
        )
        self.status = "saved path"

    async def _copy(self) -> None:
        try:
            await self.session.set_clipboard("copied by rio")
            self.status = "copied"
        except rio.ClipboardError as error:
            self.status = f"refused: {error}"

    async def _paste(self) -> None:
        try:
            self.status = f"pasted {await self.session.get_clipboard()}"
        except rio.ClipboardError:
            self.status = "paste refused"

    def build(self) -> rio.Component:
        buttons = {
            "pick": self._pick,
            "pick many": self._pick_many,
            "pick old name": self._pick_old_name,
            "save text": self._save_text,
            "save path": self._save_path,
            "copy": self._copy,
            "paste": self._paste,
        }
        return rio.Column(
            rio.Text(f"status: {self.status}"),
            rio.Text(f"width {self.session.window_width:.1f}"),
            *[rio.Button(label, on_press=h) for label, h in buttons.items()],
            align_x=0,
            align_y=0,
        )


@pytest.fixture(scope="module")
def assets():
    ASSETS.mkdir(exist_ok=True)
    (ASSETS / "hello.txt").write_text("asset text")
    (ASSETS / "data.bin").write_bytes(bytes(range(256)) * 40)
    yield ASSETS
    for file in ASSETS.iterdir():
        file.unlink()
    ASSETS.rmdir()


@pytest.fixture(scope="module")
def server(assets):
    app = rio.App(build=Lab, name="Lab", assets_dir=assets)
    server = ServerThread(app)
    yield server
    server.close()


@pytest.fixture(scope="module")
def context(chromium):
    context = chromium.new_context(
        timezone_id="America/New_York",
        locale="fr-CA",
        viewport={"width": 960, "height": 640},
        accept_downloads=True,
    )
    yield context
    context.close()


@pytest.fixture(scope="module")
def lab(server, context):
    """The page and its session."""
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(server.url + "some/page?x=1")
    page.get_by_text("status: idle").wait_for()
    return page, server.session()


def href(page) -> str:
    """The page's URL now (Playwright's page.url lags behind pushState)."""
    return page.evaluate("location.href")


def status(page, text: str) -> None:
    page.get_by_text(f"status: {text}", exact=True).wait_for()


# --- attributes -----------------------------------------------------------


def test_timezone(lab):
    """The browser's timezone, as a tzinfo."""
    _, session = lab
    import datetime

    assert isinstance(session.timezone, datetime.tzinfo)
    assert str(session.timezone) == "America/New_York"


def test_preferred_languages(lab):
    """The browser's languages, most preferred first, never empty."""
    _, session = lab
    assert session.preferred_languages[0] == "fr-CA"
    assert all(isinstance(lang, str) for lang in session.preferred_languages)


def test_window_width_and_height(lab, server):
    """The viewport in font-heights (16 px)."""
    page, session = lab
    assert (session.window_width, session.window_height) == (60.0, 40.0)
    page.set_viewport_size({"width": 800, "height": 480})
    page.get_by_text("width 50.0").wait_for()
    assert server.run(lambda: session.window_height) == 30.0
    page.set_viewport_size({"width": 960, "height": 640})
    page.get_by_text("width 60.0").wait_for()


def test_theme_is_settable_and_retheme_the_page(lab, server):
    """Assigning session.theme re-themes the page live."""
    page, session = lab
    assert isinstance(session.theme, rio.Theme)
    before = session.theme
    theme = rio.Theme.from_colors(primary_color=rio.Color.from_hex("ff0000"))
    server.run(lambda: setattr(session, "theme", theme))
    wait_for(
        lambda: (
            page.evaluate(
                "getComputedStyle(document.documentElement)"
                ".getPropertyValue('--rio-primary').trim().toLowerCase()"
            )
            in ("#ff0000", "#ff0000ff", "rgb(255, 0, 0)")
        )
    )
    assert session.theme is theme
    server.run(lambda: setattr(session, "theme", before))


def test_http_headers_read_only_case_insensitive(lab):
    """The request's headers; any spelling finds them; they can't be changed."""
    _, session = lab
    headers = session.http_headers
    assert headers["user-agent"] == headers["User-Agent"] == session.user_agent
    assert "127.0.0.1" in headers["HOST"]
    with pytest.raises(TypeError):
        headers["X-New"] = "1"  # type: ignore[index]


def test_app_and_assets(lab, server, assets):
    """The App, and its assets folder as a Path."""
    _, session = lab
    assert session.app is server.server.app
    assert session.assets == assets
    assert (session.assets / "hello.txt").read_text() == "asset text"


def test_running_in_window_and_as_website(lab):
    """A browser tab is a website."""
    _, session = lab
    assert session.running_as_website is True
    assert session.running_in_window is False


def test_base_url(lab, server):
    """Absolute, no query, no fragment, even when the page URL has them."""
    _, session = lab
    assert session.base_url == rio.URL(server.url)
    assert session.base_url.is_absolute()
    assert not session.base_url.query_string and not session.base_url.fragment


def test_active_page_url_and_instances(lab, server):
    """The URL the page was opened at, absolute; no pages in a build= app."""
    _, session = lab
    assert session.active_page_url == rio.URL(server.url + "some/page?x=1")
    assert session.active_page_url.query["x"] == "1"
    assert session.active_page_instances == ()


def test_client_ip_port_and_user_agent(lab):
    """Where the client connects from, and what it is."""
    _, session = lab
    assert session.client_ip == "127.0.0.1"
    assert isinstance(session.client_port, int) and session.client_port > 0
    assert "HeadlessChrome" in session.user_agent or "Chrome" in session.user_agent


READ_ONLY = [
    "timezone",
    "preferred_languages",
    "window_width",
    "window_height",
    "http_headers",
    "app",
    "assets",
    "running_in_window",
    "running_as_website",
    "base_url",
    "active_page_url",
    "active_page_instances",
    "client_ip",
    "client_port",
    "user_agent",
]


@pytest.mark.parametrize("name", READ_ONLY)
def test_read_only_attributes_refuse_assignment(lab, name):
    """Assigning a read-only attribute raises AttributeError saying so."""
    _, session = lab
    before = getattr(session, name)
    with pytest.raises(AttributeError, match=f"session.{name} is read-only"):
        setattr(session, name, before)
    assert getattr(session, name) == before


# --- methods ----------------------------------------------------------------


def test_url_for_asset_loads_in_the_page(lab):
    """The URL url_for_asset gives is fetchable by the page."""
    page, session = lab
    url = session.url_for_asset(session.assets / "hello.txt")
    assert url.is_absolute()
    text = page.evaluate("async (u) => (await fetch(u)).text()", str(url))
    assert text == "asset text"
    with pytest.raises(ValueError, match="not inside"):
        session.url_for_asset(Path(__file__))


def test_set_title(lab, server):
    """set_title changes the tab's title."""
    page, session = lab
    server.call(session.set_title("A new title"))
    wait_for(lambda: page.title() == "A new title")


def test_navigate_to_external_url_opens_a_tab(lab, server, context):
    """An absolute URL of another site opens in a new tab; the app stays."""
    page, session = lab
    with context.expect_page() as popup:
        server.run(lambda: session.navigate_to("http://example.invalid/x"))
    popup.value.close()
    assert href(page) == server.url + "some/page?x=1"


def test_open_url_in_browser(lab, server, context):
    """open_url_in_browser opens a new tab too."""
    page, session = lab
    with context.expect_page() as popup:
        server.call(session.open_url_in_browser("http://example.invalid/y"))
    popup.value.close()


def test_navigate_to_relative_and_replace(lab, server):
    """Relative targets resolve against the page; replace keeps history short."""
    page, session = lab
    length = page.evaluate("history.length")
    server.run(lambda: session.navigate_to("other?y=2"))
    wait_for(lambda: href(page) == server.url + "some/other?y=2")
    assert page.evaluate("history.length") == length + 1
    server.run(lambda: session.navigate_to("/some/page?x=1", replace=True))
    wait_for(lambda: href(page) == server.url + "some/page?x=1")
    assert page.evaluate("history.length") == length + 1
    assert session.active_page_url == rio.URL(server.url + "some/page?x=1")


def test_pick_file_uploads_one_file(lab, tmp_path):
    """pick_file: the file input gets accept from file_types; the file arrives."""
    page, _ = lab
    file = tmp_path / "notes.txt"
    file.write_text("some notes")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="pick", exact=True).click()
    assert not chooser.value.is_multiple()
    accept = chooser.value.element.get_attribute("accept")
    assert accept == ".txt,image/*"
    chooser.value.set_files(file)
    status(page, "picked notes.txt 10 text/plain some notes")


def test_pick_file_multiple(lab, tmp_path):
    """multiple=True returns a list of every file picked."""
    page, _ = lab
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name[0] * 3)
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="pick many").click()
    assert chooser.value.is_multiple()
    chooser.value.set_files([tmp_path / "a.txt", tmp_path / "b.txt"])
    status(page, "many a.txt=aaa b.txt=bbb")


def test_pick_file_cancel_raises_no_file_selected(lab):
    """Closing the file dialog without a file raises NoFileSelectedError."""
    page, _ = lab
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="pick", exact=True).click()
    chooser.value.element.dispatch_event("cancel")
    status(page, "cancelled")


def test_file_chooser_is_a_deprecated_alias(lab, tmp_path):
    """file_chooser works and warns with a DeprecationWarning."""
    page, _ = lab
    (tmp_path / "old.txt").write_text("x")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="pick old name").click()
    chooser.value.set_files(tmp_path / "old.txt")
    status(page, "old name old.txt ['DeprecationWarning']")


def test_save_file_text_downloads(lab, tmp_path):
    """save_file with text: a download with the name and the UTF-8 bytes."""
    page, _ = lab
    with page.expect_download() as download:
        page.get_by_role("button", name="save text").click()
    assert download.value.suggested_filename == "greeting.txt"
    target = tmp_path / "got.txt"
    download.value.save_as(target)
    assert target.read_text() == "hello from rio"
    status(page, "saved text")


def test_save_file_path_downloads_and_url_is_one_time(lab, tmp_path, server):
    """save_file with a Path (directory ignored in a browser); the download
    URL works once."""
    page, _ = lab
    with page.expect_download() as download:
        page.get_by_role("button", name="save path").click()
    target = tmp_path / "data.bin"
    download.value.save_as(target)
    assert target.read_bytes() == (ASSETS / "data.bin").read_bytes()
    again = page.evaluate("async (u) => (await fetch(u)).status", download.value.url)
    assert again == 404


def test_save_file_guesses_media_type(lab, server):
    """media_type=None: guessed from the name."""
    _, session = lab
    transfers = server.server.transfers
    seen = []
    original = transfers.add_download

    def spy(contents, name, media_type):
        seen.append(media_type)
        return original(contents, name, media_type)

    transfers.add_download = spy
    try:
        server.call(session.save_file(b"%PDF", "report.pdf"))
        server.call(session.save_file(b"x", "noext"))
        server.call(session.save_file(b"x", "x.pdf", media_type="text/plain"))
    finally:
        del transfers.add_download
    assert seen == ["application/pdf", "application/octet-stream", "text/plain"]


def test_pick_folder_explains_website_mode(lab, server):
    """Browsers can't pick folders: a clear error says so."""
    _, session = lab
    with pytest.raises(NotImplementedError, match="running_in_window"):
        server.call(session.pick_folder())


# --- clipboard ------------------------------------------------------------------


def open_page(server, context):
    """A new page of the module's server, and its (new) session."""
    before = set(server.server.sessions)
    page = context.new_page()
    page.goto(server.url)
    page.get_by_text("status: idle").wait_for()
    (session,) = wait_for(lambda: set(server.server.sessions) - before)
    return page, session


def test_clipboard_with_permission(server, chromium):
    """With permission, set then get round-trips the text."""
    context = chromium.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page, session = open_page(server, context)
        page.get_by_role("button", name="copy").click()
        status(page, "copied")
        assert server.call(session.get_clipboard()) == "copied by rio"
        page.get_by_role("button", name="paste").click()
        status(page, "pasted copied by rio")
    finally:
        context.close()


def test_clipboard_refused_raises_clipboard_error(server, chromium):
    """Without permission, reading raises ClipboardError; writing without a
    user gesture (or in an insecure page) does too."""
    context = chromium.new_context()
    try:
        page, session = open_page(server, context)
        with pytest.raises(rio.ClipboardError, match="refused to read"):
            server.call(session.get_clipboard())
        page.evaluate(
            "Object.defineProperty(navigator, 'clipboard', {value: undefined})"
        )
        with pytest.raises(rio.ClipboardError, match="refused to write"):
            server.call(session.set_clipboard("nope"))
        page.get_by_role("button", name="copy").click()
        status(
            page,
            "refused: The browser refused to write the clipboard: no"
            " clipboard API (not a secure context). Browsers allow it only on"
            " https:// or localhost pages, after a click.",
        )
    finally:
        context.close()

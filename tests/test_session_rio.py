"""Rio's Session API: notifications, screen facts, dialog parameters, folder
picking, FileInfo, observed Dataclass/List, Markdown escaping."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from helpers import wait_for

import rio_desktop as rio
from rio_desktop import protocol
from rio_desktop.testing import PageCall

# --- what the page tells about itself --------------------------------------------


def _hello(**extra):
    return {
        "type": "hello",
        "width": 50,
        "height": 40,
        "url": "http://127.0.0.1/",
        **extra,
    }


def test_hello_carries_screen_scroll_bar_and_pointer():
    hello = protocol.decode(
        protocol.encode(
            _hello(
                screen_width=120,
                screen_height=67.5,
                font_px=16,
                scroll_bar_size=0.9375,
                primary_pointer_type="touch",
            )
        )
    )
    assert (hello.screen_width, hello.screen_height) == (120, 67.5)
    assert hello.scroll_bar_size == 0.9375
    assert hello.primary_pointer_type == "touch"


def test_hello_without_screen_facts_uses_the_window():
    hello = protocol.decode(protocol.encode(_hello()))
    assert (hello.screen_width, hello.screen_height) == (50, 40)
    assert hello.primary_pointer_type == "mouse"
    assert hello.scroll_bar_size == 0


@pytest.mark.parametrize(
    "bad",
    [
        {"primary_pointer_type": "pen"},
        {"scroll_bar_size": -1},
        {"screen_width": "wide"},
        {"font_px": 0},
    ],
)
def test_hello_rejects_bad_screen_facts(bad):
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(protocol.encode(_hello(**bad)))


class Facts(rio.Component):
    notified: int = 0

    async def _notify(self) -> None:
        await self.session.show_notification(
            title="Saved", body="Your file was saved to disk."
        )
        self.notified += 1

    def build(self) -> rio.Component:
        s = self.session
        return rio.Column(
            rio.Text(
                f"screen={s.screen_width:g}x{s.screen_height:g}"
                f" bar={s.scroll_bar_size:g} pointer={s.primary_pointer_type}"
                f" ppfh={s.pixels_per_font_height:g}"
            ),
            rio.Button("Notify", on_press=self._notify),
            rio.Text(f"notified {self.notified}"),
            align_x=0.5,
            align_y=0.5,
        )


@pytest.mark.browser
def test_screen_facts_and_notification_in_chromium(serve, chromium):
    """The session knows the screen (not the window), the scroll bar width and
    the pointer; show_notification shows a toast with title and body."""
    context = chromium.new_context(
        viewport={"width": 800, "height": 600},
        screen={"width": 1920, "height": 1080},
        device_scale_factor=2,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        server = serve(rio.App(build=Facts))
        page.goto(server.url)
        bar = page.evaluate(
            """() => {
              const d = document.createElement("div");
              d.style.cssText = "position:absolute;width:100px;overflow:scroll";
              document.body.appendChild(d);
              const w = d.offsetWidth - d.clientWidth; d.remove(); return w;
            }"""
        )
        page.get_by_text(
            f"screen=120x67.5 bar={bar / 16:g} pointer=mouse ppfh=32"
        ).wait_for()

        page.get_by_role("button", name="Notify").click()
        page.get_by_text("notified 1").wait_for()
        toast = page.locator(".rio-notification")
        toast.wait_for()
        assert toast.locator(".rio-notification-title").inner_text() == "Saved"
        assert (
            toast.locator(".rio-notification-body").inner_text()
            == "Your file was saved to disk."
        )
        # In the top right corner, over the app.
        box = toast.bounding_box()
        assert box["x"] + box["width"] > 800 - 40 and box["y"] < 40
        # A second one stacks below the first.
        page.get_by_role("button", name="Notify").click()
        wait_for(lambda: toast.count() == 2)
        first, second = (toast.nth(i).bounding_box() for i in range(2))
        assert second["y"] >= first["y"] + first["height"]
    finally:
        context.close()


async def test_notification_is_a_call_without_reply(rio_client):
    class Root(rio.Component):
        def build(self) -> rio.Component:
            return rio.Text("hi")

    client = await rio_client(rio.App(build=Root))
    await client.session.show_notification(title="T", body="B")
    await client.settle()
    assert PageCall("showNotification", ["T", "B"], call_id=0) in client.page.calls
    assert client.notifications == [("T", "B")]


def test_show_notification_takes_rio_keywords_only():
    import inspect

    params = inspect.signature(rio.Session.show_notification).parameters
    assert [(p.name, p.kind.name) for p in params.values()][1:] == [
        ("title", "KEYWORD_ONLY"),
        ("body", "KEYWORD_ONLY"),
    ]


# --- dialogs ---------------------------------------------------------------------


class DialogStyles(rio.Component):
    log: str = ""

    async def _open(self, **options) -> None:
        dialog = await self.session.show_custom_dialog(
            lambda: rio.Column(
                rio.Text("dialog body"),
                rio.Button("Done", on_press=lambda: dialog.close(result_value="ok")),
            ),
            **options,
        )
        self.log += f" {await dialog.wait_for_close()}"

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"log:{self.log}"),
            rio.Button("rio", on_press=lambda: self._open(user_closable=False)),
            rio.Button("seed", on_press=lambda: self._open(user_closeable=False)),
            rio.Button("custom", on_press=lambda: self._open(style="custom")),
            rio.Button("closable", on_press=lambda: self._open()),
            align_x=0,
            align_y=0,
        )


@pytest.mark.browser
def test_dialog_style_and_both_closable_spellings(serve, page):
    """Rio's default style centres the content on a raised surface; "custom"
    gives it the whole screen. user_closable=False (Rio) and
    user_closeable=False (the seed) both keep the dialog open on outside
    clicks; close(result_value=) hands its value to wait_for_close()."""
    server = serve(rio.App(build=DialogStyles))
    page.goto(server.url)
    body = page.get_by_text("dialog body")

    for button, log in (("rio", "log: ok"), ("seed", "log: ok ok")):
        page.get_by_role("button", name=button).click()
        body.wait_for()
        box = body.bounding_box()
        # Centred on a surface, not at the screen's top left.
        assert 200 < box["x"] < 600 and box["y"] > 100
        page.mouse.click(5, 5)
        page.keyboard.press("Escape")
        # The app handles Done after those: had they closed the dialog, it
        # would have returned None and Done would be gone.
        page.get_by_role("button", name="Done").click()
        page.get_by_text(log, exact=True).wait_for()

    page.get_by_role("button", name="custom").click()
    body.wait_for()
    box = body.bounding_box()
    assert box["x"] < 100 and box["y"] < 100  # the whole screen, top left first
    page.get_by_role("button", name="Done").click()
    page.get_by_text("log: ok ok ok", exact=True).wait_for()

    page.get_by_role("button", name="closable").click()
    body.wait_for()
    page.mouse.click(5, 5)
    body.wait_for(state="detached")
    page.get_by_text("log: ok ok ok None", exact=True).wait_for()


async def test_dialog_parameter_errors(rio_client):
    class Root(rio.Component):
        def build(self) -> rio.Component:
            return rio.Text("hi")

    client = await rio_client(rio.App(build=Root))
    session = client.session
    with pytest.raises(ValueError, match="custom"):
        await session.show_custom_dialog(lambda: rio.Text("x"), style="fancy")
    with pytest.raises(TypeError, match="user_closable"):
        await session.show_custom_dialog(
            lambda: rio.Text("x"), user_closable=False, user_closeable=True
        )
    dialog = await session.show_custom_dialog(lambda: rio.Text("x"))
    assert dialog.is_open and not dialog.is_closed
    await dialog.close()
    assert dialog.is_closed and not dialog.is_open


# --- files ---------------------------------------------------------------------------


class _CancellingWindow:
    def create_file_dialog(self, *args, **kwargs):
        return None


async def test_cancelled_pick_folder_raises_no_folder_selected():
    from rio_desktop.hosts.window import WindowHost

    host = WindowHost(_CancellingWindow())
    with pytest.raises(rio.NoFolderSelectedError) as caught:
        await host.pick_folder()
    # Code written for the seed's NoFileSelectedError still catches it.
    assert isinstance(caught.value, rio.NoFileSelectedError)
    assert "folder" in str(caught.value)


async def test_pick_folder_in_a_website_names_the_alternative():
    from rio_desktop.hosts.browser import BrowserHost

    with pytest.raises(NotImplementedError, match="running_in_window"):
        await BrowserHost().pick_folder()


async def test_file_info_from_bytes_and_streams(tmp_path):
    info = rio.FileInfo("a.txt", 5, "text/plain", b"hello")
    assert await info.read_text() == "hello"
    assert (await info.open("rb")).read() == b"hello"
    assert (await info.open()).read() == "hello"
    assert info.path is None

    stream = rio.FileInfo("b.bin", 3, "application/octet-stream", io.BytesIO(b"abc"))
    assert await stream.read_bytes() == b"abc"
    assert await stream.read_bytes() == b"abc"  # a stream is read once, kept

    path = tmp_path / "c.txt"
    path.write_text("on disk", encoding="utf-8")
    on_disk = rio.FileInfo(path.name, 7, "text/plain", path)
    assert on_disk.path == path
    with await on_disk.open() as handle:
        assert handle.read() == "on disk"
    with pytest.raises(ValueError, match="rb"):
        await on_disk.open("w")  # type: ignore[arg-type]


# --- observed data: Dataclass, List -----------------------------------------------


class Cart(rio.Dataclass):
    items: list[str] = []
    owner: str = "nobody"


class CartView(rio.Component):
    def build(self) -> rio.Component:
        cart = self.session[Cart]
        return rio.Column(
            rio.Text(f"{cart.owner}: {len(cart.items)} items"),
            rio.TextInput(text=cart.bind().owner, label="owner"),
        )


async def test_dataclass_assignment_rebuilds_readers(rio_client):
    assert Cart().items is not Cart().items  # mutable defaults are copied
    cart = Cart(owner="ann")
    client = await rio_client(rio.App(build=CartView, default_attachments=[cart]))
    attached = client.session[Cart]
    assert client.has_text("ann: 0 items")
    attached.owner = "bob"
    await client.settle()
    assert client.has_text("bob: 0 items")
    # The input bound to cart.owner writes through to the dataclass.
    await client.fill("owner", "cy")
    assert attached.owner == "cy"
    assert client.has_text("cy: 0 items")


class Shelf(rio.Component):
    books: rio.List[str] = rio.List(["a"])  # noqa: RUF009 - Rio's own idiom

    def build(self) -> rio.Component:
        return rio.Text(f"books: {', '.join(self.books)}")


async def test_list_changes_rebuild_readers(rio_client):
    client = await rio_client(rio.App(build=Shelf))
    shelf = client.find(type=Shelf).component
    assert client.has_text("books: a")
    shelf.books.append("b")
    await client.settle()
    assert client.has_text("books: a, b")
    shelf.books.pop(0)
    await client.settle()
    assert client.has_text("books: b")


# --- Markdown escaping -------------------------------------------------------------

# What Rio 0.12.3's escape_markdown / escape_markdown_code return (run on Rio).
RIO_ESCAPES = [
    ("a*b_[x]`c", "a\\*b\\_\\[x\\]\\`c", "a*b_[x]\\`c"),
    ("x\\y <b> #h", "x\\\\y <b> \\#h", "x\\\\y <b> #h"),
    ("1. item", "1\\. item", "1. item"),
    ("- a", "\\- a", "- a"),
    ("~~s~~ |t|", "~~s~~ |t|", "~~s~~ |t|"),
    ("a``b```c", "a\\`\\`b\\`\\`\\`c", "a\\`\\`b\\`\\`\\`c"),
]


@pytest.mark.parametrize(("text", "markdown", "code"), RIO_ESCAPES)
def test_escape_markdown_as_rio(text, markdown, code):
    assert rio.escape_markdown(text) == markdown
    assert rio.escape_markdown_code(text) == code


@pytest.mark.browser
def test_escaped_markdown_shows_the_text_as_written(serve, page):
    raw = "*not italic* _nor this_ [no link](http://x) # no heading"

    class Root(rio.Component):
        def build(self) -> rio.Component:
            return rio.Markdown(f"Name: {rio.escape_markdown(raw)}")

    server = serve(rio.App(build=Root))
    page.goto(server.url)
    page.get_by_text(f"Name: {raw}", exact=True).wait_for()
    assert (
        page.locator(".rio-markdown em, .rio-markdown a, .rio-markdown h1").count() == 0
    )


def test_rio_only_names_exist():
    assert rio.i_know_what_im_doing(Cart) is Cart
    assert rio.AssetError("no icon").message == "no icon"
    assert rio.ClipboardError("denied").message == "denied"
    from pathlib import Path

    assert Path in rio.ImageLike.__args__ and bytes in rio.ImageLike.__args__


def test_session_detach_is_positional_only():
    import inspect

    (typ,) = list(inspect.signature(rio.Session.detach).parameters.values())[1:]
    assert typ.kind is inspect.Parameter.POSITIONAL_ONLY


def test_url_for_a_missing_asset_raises_file_not_found(tmp_path):
    from yarl import URL

    from rio_desktop.session import Session

    class Empty(rio.Component):
        def build(self) -> rio.Component:
            return rio.Text("")

    session = Session.__new__(Session)
    object.__setattr__(session, "_app", rio.App(build=Empty, assets_dir=tmp_path))
    object.__setattr__(
        session, "navigator", SimpleNamespace(base_url=URL("http://127.0.0.1/"))
    )
    with pytest.raises(FileNotFoundError, match="no file"):
        session.url_for_asset(tmp_path / "missing.png")

"""Pages in Chromium: nested PageViews, guards, not found, back and forward."""

from __future__ import annotations

import pytest

import rio_desktop as rio
from rio_desktop.cli import load_app
from rio_desktop.routing import match, page_of

pytestmark = pytest.mark.browser

PAGES = load_app("examples/pages.py")


def href(page) -> str:
    """The page's URL now (Playwright's page.url lags behind pushState)."""
    return page.evaluate("location.href")


def names(session) -> list[str]:
    return [page.name for page in session.active_page_instances]


def test_nested_pages_and_history(serve, page):
    """Clicking through nested pages; back and forward restore them."""
    server = serve(PAGES)
    page.goto(server.url)
    page.get_by_text("Welcome home").wait_for()
    session = server.session()
    assert names(session) == ["Home"]
    assert session.active_page_url == rio.URL(server.url)

    page.get_by_role("button", name="Docs").click()
    page.get_by_text("Chapter 1: Introduction").wait_for()
    assert href(page) == server.url + "docs"
    page.get_by_role("button", name="API").click()
    page.get_by_text("API reference: everything").wait_for()
    assert href(page) == server.url + "docs/api"
    assert page.get_by_text("Docs > API").is_visible()
    assert names(session) == ["Docs", "API"]
    page.get_by_role("button", name="Intro").click()  # relative: "intro"
    page.get_by_text("Chapter 1: Introduction").wait_for()
    assert href(page) == server.url + "docs/intro"

    page.go_back()
    page.get_by_text("API reference: everything").wait_for()
    page.go_back()
    page.get_by_text("Chapter 1: Introduction").wait_for()
    assert href(page) == server.url + "docs"
    page.go_back()
    page.get_by_text("Welcome home").wait_for()
    page.go_forward()
    page.get_by_text("Chapter 1: Introduction").wait_for()
    assert str(server.session().active_page_url) == server.url + "docs"


def test_guard_redirects_and_replace(serve, page):
    """A guard sends /account to the login page; after logging in (which
    navigates with replace=True) back skips the login page."""
    server = serve(PAGES)
    page.goto(server.url)
    page.get_by_text("Welcome home").wait_for()
    page.get_by_role("button", name="Account").click()
    page.get_by_text("Please log in").wait_for()
    assert href(page) == server.url + "login?next=/account"
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Your account").wait_for()
    assert href(page) == server.url + "account"
    page.go_back()
    page.get_by_text("Welcome home").wait_for()


def test_query_parameters_and_unknown_url(serve, page):
    """Pages read query parameters; an unknown URL shows "Page not found"."""
    server = serve(PAGES)
    page.goto(server.url + "docs/api?topic=guards")
    page.get_by_text("API reference: guards").wait_for()
    assert server.session().active_page_url.query["topic"] == "guards"
    page.goto(server.url + "nowhere/at/all")
    page.get_by_text("Page not found").wait_for()
    assert page.get_by_text("There is no page at /nowhere/at/all").is_visible()
    page.get_by_role("button", name="Take me home").click()
    page.get_by_text("Welcome home").wait_for()


def test_redirect_loop_is_reported(serve, page, caplog):
    """Guards that redirect to each other show an error instead of hanging."""

    class Plain(rio.Component):
        def build(self) -> rio.Component:
            return rio.Text("unreachable")

    app = rio.App(
        pages=[
            rio.ComponentPage(
                name="A", url_segment="a", build=Plain, guard=lambda e: "/b"
            ),
            rio.ComponentPage(
                name="B", url_segment="b", build=Plain, guard=lambda e: "/a"
            ),
        ]
    )
    server = serve(app)
    page.goto(server.url + "a")
    page.get_by_text("This page redirects in a loop").wait_for()
    assert page.get_by_text("/a -> /b -> /a").is_visible()
    assert "redirect in a loop" in caplog.text


@rio.page(url_segment="settings")
class SettingsPage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("settings page")


def test_page_decorator_and_matching():
    """@rio.page makes a class a page (named as Rio names it: "Settings
    Page"); matching picks nested defaults."""
    page = page_of(SettingsPage)
    assert (page.name, page.url_segment, page.build) == (
        "Settings Page",
        "settings",
        SettingsPage,
    )
    app = rio.App(pages=[SettingsPage])
    assert app.pages == [page]
    pages = load_app("examples/pages.py").pages
    assert [p.name for p in match(pages, ["docs"]).pages] == ["Docs", "Intro"]
    assert match(pages, ["docs", "nope"]).error == "not-found"
    # As in Rio, a url_segment may span segments.
    deep = rio.ComponentPage(name="x", url_segment="a/b", build=SettingsPage)
    assert match([deep], ["a", "b"]).pages == (deep,)
    with pytest.raises(ValueError, match="may not contain '\\?' or '#'"):
        rio.ComponentPage(name="x", url_segment="a?b", build=SettingsPage)
    with pytest.raises(TypeError, match="not a page"):
        rio.App(pages=[object()])


def test_pages_under_a_sub_path(page):
    """Mounted at /sub/ (as_aiohttp_app's server as a sub-app), navigation
    stays below /sub/ and base_url says so."""
    import asyncio
    import threading

    from aiohttp import web

    from rio_desktop.server import AppServer

    app_server = AppServer(PAGES)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start():
        root = web.Application()
        root.add_subapp("/sub/", app_server.aiohttp_app)
        runner = web.AppRunner(root)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return runner, site._server.sockets[0].getsockname()[1]

    runner, port = asyncio.run_coroutine_threadsafe(start(), loop).result(10)
    try:
        base = f"http://127.0.0.1:{port}/sub/"
        page.goto(base + "docs/api?topic=x")
        page.get_by_text("API reference: x").wait_for()
        page.get_by_role("button", name="Home").click()
        page.get_by_text("Welcome home").wait_for()
        assert href(page) == base
        page.get_by_role("button", name="Docs").click()
        page.get_by_text("Chapter 1: Introduction").wait_for()
        assert href(page) == base + "docs"
        (session,) = app_server.sessions
        assert session.base_url == rio.URL(base)
        assert session.active_page_url == rio.URL(base + "docs")
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)

"""Pages found in the `pages` folder (as in Rio 0.12.3), Redirect, QueryParameter,
path parameters, NavigationFailed and iter_page_urls.

The expected page trees and URLs below were printed by Rio 0.12.3 for the same
projects (tests/pages_projects/, with `import rio`).
"""

from __future__ import annotations

import importlib
import sys
import warnings
from pathlib import Path

import pytest

import rio_desktop as rio
from rio_desktop.routing import page_of
from rio_desktop.testing import run

PROJECTS = Path(__file__).parent / "pages_projects"


def shop_app() -> rio.App:
    if str(PROJECTS) not in sys.path:
        sys.path.insert(0, str(PROJECTS))
    return importlib.import_module("shop").app


def tree(pages) -> list:
    return [(p.name, p.url_segment, tree(getattr(p, "children", []))) for p in pages]


def test_pages_folder_next_to_the_app_is_found_with_rios_order():
    """App() in a package finds pages/ and pages/<name>/ (children), sorted
    as Rio sorts them: "" first, then by name, then each page's order."""
    app = shop_app()
    assert tree(app.pages) == [
        ("Home", "", []),
        ("Zebra", "zebra", []),
        ("About Page", "about-page", []),
        (
            "Catalog",
            "catalog",
            [
                ("Sale", "sale/{season}", []),
                ("All items", "", []),
                ("Item", "item/{item_id}", []),
            ],
        ),
    ]
    # The pages' modules are submodules of the project: relative imports work.
    assert "shop.pages.catalog.item_page" in sys.modules
    assert app.name == "Shop"


def test_iter_page_urls_equal_rios():
    """Path parameters with few values (Literal) are listed, others are not."""
    app = shop_app()
    assert list(app.iter_page_urls()) == [
        "",
        "zebra",
        "about-page",
        "catalog/sale/summer",
        "catalog/sale/winter",
        "catalog",
    ]
    assert list(app._iter_page_urls(include_redirects=False)) == list(
        app.iter_page_urls()
    )


def test_explicit_pages_folder_as_str_or_path():
    for pages in (str(PROJECTS / "plain_pages"), PROJECTS / "plain_pages"):
        app = rio.App(build=lambda: rio.Text("x"), pages=pages)
        assert tree(app.pages) == [
            ("First Page", "", []),
            ("Second Page", "second-page", []),
        ]
        assert list(app.iter_page_urls()) == ["", "second-page"]
    with pytest.raises(FileNotFoundError, match="no_such_folder"):
        rio.App(pages="no_such_folder")


def test_without_a_pages_folder_there_are_no_pages():
    """As in Rio: no pages folder next to the calling module, no pages."""
    app = rio.App()
    assert app.pages == []
    assert app.build is None


def test_a_page_file_that_fails_to_import_names_file_and_line():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app = rio.App(build=lambda: rio.Text("x"), pages=PROJECTS / "broken_pages")
    bad = PROJECTS / "broken_pages" / "bad_page.py"
    assert [str(w.message) for w in caught] == [
        f"Failed to import the page file {bad}, line 6: KeyError: 'b'"
    ]
    assert tree(app.pages) == [("Fine Page", "", []), ("Bad Page", "bad-page", [])]
    placeholder = app.pages[1].build()
    assert isinstance(placeholder, rio.ErrorPlaceholder)
    assert f"{bad}, line 6" in placeholder.details
    assert 'WIDTH = COLUMNS["b"]' in placeholder.details


@pytest.mark.parametrize("development", [False, True])
async def test_a_broken_page_shows_its_traceback_only_in_development(
    development: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A released app's visitors see the short notice, never the traceback."""
    if development:
        monkeypatch.setenv("RIO_DESKTOP_DEV", "1")
    else:
        monkeypatch.delenv("RIO_DESKTOP_DEV", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        app = rio.App(pages=PROJECTS / "broken_pages")
    async with run(app, path="/bad-page") as client:
        await client.wait_for_text("Bad Page")
        shown = client.find(type=rio.ErrorPlaceholder).props
        if development:
            assert shown["summary"] == "Could not import bad_page.py"
            assert 'COLUMNS["b"]' in shown["details"]
        else:
            assert shown["summary"] == "Something went wrong"
            assert 'COLUMNS["b"]' not in str(shown)


def test_page_decorator_defaults_are_rios():
    """Name and url_segment come from the class name as in Rio (which keeps
    a trailing "Page")."""
    expected = {
        "SamplePage": ("Sample Page", "sample-page"),
        "HTTPServerPage": ("Http Server Page", "http-server-page"),
        "Page2Test": ("Page2 Test", "page2-test"),
        "my_page": ("My Page", "my-page"),
    }
    for class_name, names in expected.items():
        cls = type(class_name, (rio.Component,), {"build": lambda self: rio.Text("")})
        rio.page()(cls)
        found = rio.App(pages=[cls]).pages[0]
        assert (found.name, found.url_segment) == names


class Plain(rio.Component):
    label: str = ""

    def build(self) -> rio.Component:
        return rio.Text(self.label)


class Tagged(rio.Component):
    tag: rio.QueryParameter[str] = "none"
    count: rio.QueryParameter[int] = 0

    def build(self) -> rio.Component:
        return rio.Text(f"tag={self.tag} count={self.count}")


async def test_redirect_query_parameters_and_navigation_failed():
    def crash(event: rio.GuardEvent) -> None:
        assert event.active_pages[0].name == "Broken"
        raise RuntimeError("guard crashed")

    app = rio.App(
        build=rio.PageView,
        pages=[
            rio.ComponentPage("Home", "", lambda: Plain(label="home")),
            rio.ComponentPage("Tagged", "tagged", Tagged),
            rio.Redirect("old", "/tagged?tag=moved"),
            rio.ComponentPage("Broken", "broken", Plain, guard=crash),
        ],
    )
    async with run(app, path="/old?count=3") as client:
        await client.wait_for_text("tag=moved count=3")
        assert client.session.active_page_url.path == "/tagged"
        # A value that does not convert leaves the field at its default.
        client.session.navigate_to("/tagged?tag=x&count=many")
        await client.wait_for_text("tag=x count=0")
        navigator = client.session.navigator
        resolution = navigator.resolve(navigator.target_url("/broken"))
        assert isinstance(resolution.failure, rio.NavigationFailed)
        assert "guard crashed" in str(resolution.failure)


@pytest.mark.browser
def test_discovered_multi_page_project_in_chromium(serve, page):
    """The default root: a sidebar with the app's name and links; nested
    pages, path and query parameters, relative imports in page files."""
    server = serve(shop_app())
    page.goto(server.url)
    page.get_by_text("Welcome to the shop").wait_for()
    assert page.get_by_text("A shop in several pages").is_visible()
    page.get_by_text("Catalog", exact=True).first.click()
    page.get_by_text("All items").wait_for()
    assert page.evaluate("location.pathname") == "/catalog"
    page.goto(server.url + "catalog/item/7?color=red")
    page.get_by_text("Item 1007 in red").wait_for()
    page.goto(server.url + "catalog/sale/winter")
    page.get_by_text("winter sale").wait_for()
    page.goto(server.url + "catalog/sale/autumn")  # not one of the Literal's
    page.get_by_text("Page not found").wait_for()


def test_the_default_page_icon_exists():
    """A page without an icon gets one the Icon component can draw."""

    @rio.page(url_segment="plain")
    class Plain(rio.Component):
        def build(self) -> rio.Component:
            return rio.Text("plain")

    icon = page_of(Plain).icon
    assert rio.Icon(icon).icon == icon

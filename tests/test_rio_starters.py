"""The projects Rio 0.12.3's `rio new` writes run on rio_desktop.

Each starter is written by Rio itself (`rio new <name> --type website
--template <template>`, in a throwaway venv: tests/rio_reference_env.py), then
only its import lines are changed (`import rio` -> `import rio_desktop as
rio`). Each one is served, opened in Chromium, and one interaction is tried:
no traceback in the server's log, no error placeholder, no script error in the
page.

Starters not here: "AI Chatbot" and "Crypto Dashboard" (they need openai or
pycoingecko and the network).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import wait_for
from rio_reference_env import make_starter

pytestmark = pytest.mark.browser

#: Our name for each starter -> Rio's template name.
TEMPLATES = {
    "empty": "Empty",
    "tictactoe": "Tic-Tac-Toe",
    "todoapp": "Todo App",
    "authentication": "Authentication",
    "crud": "Simple CRUD",
    "multipage": "Multipage Website",
    "sales": "Sales Dashboard",
    "dashboard": "Dashboard Better Name",
}


@pytest.fixture(scope="module")
def starters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder where `rio new` has written every starter in TEMPLATES."""
    where = tmp_path_factory.mktemp("rio-starters")
    for name, template in TEMPLATES.items():
        make_starter(template, name, where)
    return where


def _import_app(starters: Path, name: str) -> Any:
    """The starter's `app`, from a fresh import of its package."""
    package = f"rio_starter_{name}"
    for loaded in [m for m in sys.modules if m.split(".")[0] == package]:
        del sys.modules[loaded]
    folder = starters / name / name
    spec = importlib.util.spec_from_file_location(
        package, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[package] = module
    spec.loader.exec_module(module)
    return module.app


@pytest.fixture
def starter(
    starters: Path, serve: Any, page: Any, caplog: pytest.LogCaptureFixture
) -> Iterator[Any]:
    """Open a starter: `starter(name)` -> its server; then checks for errors."""
    caplog.set_level(logging.WARNING)
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))

    def open_starter(name: str) -> Any:
        server = serve(_import_app(starters, name))
        page.goto(server.url)
        return server

    yield open_starter
    assert not page.locator(".rio-error").all_inner_texts()
    assert not script_errors, f"script errors in the page: {script_errors}"
    problems = [
        record.getMessage()
        for record in caplog.records
        if record.levelno >= logging.ERROR or record.exc_info
    ]
    assert not problems, "the server logged:\n" + "\n".join(problems)


def test_empty_starter(starter: Any, page: Any) -> None:
    starter("empty")
    page.get_by_text("My App", exact=True).wait_for()
    page.get_by_text("This is a sample page.", exact=False).wait_for()


def test_tic_tac_toe_starter(starter: Any, page: Any) -> None:
    starter("tictactoe")
    page.get_by_text("X's turn", exact=True).wait_for()
    page.locator(".rio-card").first.click()
    page.get_by_text("O's turn", exact=True).wait_for()
    page.locator(".rio-card").first.click()  # a field not taken yet
    page.get_by_text("X's turn", exact=True).wait_for()
    assert page.locator(".rio-card").count() == 7
    page.get_by_text("Reset", exact=True).click()
    wait_for(lambda: page.locator(".rio-card").count() == 9)


def _stored_todos(page: Any) -> list[dict[str, Any]] | None:
    text = page.evaluate("localStorage.getItem('rio-desktop:settings:/')")
    if text is None:
        return None
    return json.loads(text).get("TodoAppSettings", {}).get("todo_items")


def test_todo_starter_keeps_its_dataclass_items_in_settings(
    starter: Any, page: Any
) -> None:
    """Rio's Todo starter keeps a list of dataclasses in UserSettings."""
    starter("todoapp")
    page.get_by_text("You have 6 unfinished tasks", exact=False).wait_for()
    page.get_by_label("Enter a new todo item").fill("Write the report")
    page.get_by_label("Enter a new todo item").press("Enter")
    page.get_by_text("Write the report", exact=True).wait_for()
    page.get_by_text("You have 7 unfinished tasks", exact=False).wait_for()
    wait_for(lambda: len(_stored_todos(page) or []) == 7)
    stored = _stored_todos(page)
    assert stored is not None
    assert stored[-1]["title"] == "Write the report"
    assert stored[-1]["completed"] is False

    page.reload()  # a new session: the items come back as dataclasses
    page.get_by_text("Write the report", exact=True).wait_for()
    page.get_by_text("You have 7 unfinished tasks", exact=False).wait_for()


def test_authentication_starter_remembers_the_login(
    starter: Any, page: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Sign up, then a new session is logged in by the token in UserSettings
    (a `@dataclass` UserSettings subclass with a field without a default)."""
    monkeypatch.chdir(tmp_path)  # it keeps its users in ./user.db
    starter("authentication")
    page.get_by_role("button", name="Create an Account").click()
    page.get_by_label("Username*").fill("ada")
    page.get_by_label("Password*", exact=True).fill("pw12345678")
    page.get_by_label("Repeat Password*").fill("pw12345678")
    page.get_by_role("button", name="Sign up").click()
    page.get_by_text("Buzzwordz Inc.!", exact=True).wait_for()
    page.reload()
    page.get_by_text("Logout", exact=True).wait_for()


def test_simple_crud_starter_deletes_and_adds_items(starter: Any, page: Any) -> None:
    """Rio's CRUD starter: a ListView of SimpleListItems with a delete Button
    each, a Banner reporting what happened, and an editor dialog."""
    starter("crud")
    page.get_by_text("Hamburger", exact=True).wait_for()
    row = page.locator(".rio-lv > *").filter(has_text="Hamburger")
    row.locator(".rio-button").click()  # the row's delete button
    page.get_by_text("Item was deleted", exact=True).wait_for()
    assert page.get_by_text("Hamburger", exact=True).count() == 0
    assert page.get_by_text("Cheeseburger", exact=True).is_visible()
    page.get_by_text("Add new", exact=True).click()
    page.get_by_text("Add New Menu Item", exact=True).wait_for()
    page.get_by_label("Name").fill("Milkshake")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Item was added", exact=True).wait_for()
    page.get_by_text("Milkshake", exact=True).wait_for()
    page.get_by_text("Cheeseburger", exact=True).click()  # edit, then cancel
    page.get_by_text("Edit Menu Item", exact=True).wait_for()
    page.get_by_role("button", name="Cancel").click()
    page.get_by_text("Item was NOT updated", exact=True).wait_for()


def test_sales_dashboard_starter_shows_interactive_plots(
    starter: Any, page: Any
) -> None:
    """Rio's Sales Dashboard: plotly line and donut charts in rio.Plot."""
    pytest.importorskip("plotly")
    starter("sales")
    page.get_by_text("Sales Dashboard", exact=True).wait_for()
    plots = page.locator(".rio-plot")
    wait_for(lambda: plots.locator("svg.main-svg").count() >= 6)
    assert plots.count() == 3
    # Hovering a slice of the first donut shows plotly's label for it.
    slices = plots.nth(1).locator(".slice path.surface")
    slices.first.scroll_into_view_if_needed()
    box = slices.first.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.3)
    plots.nth(1).locator(".hoverlayer .hovertext").first.wait_for()


def test_multipage_starter_shows_its_icons_and_pages(starter: Any, page: Any) -> None:
    """Rio's "Multipage Website": Material icons, the icons it registers
    itself (`Icon.register_single_icon`), and navigation between its pages."""
    page.set_viewport_size({"width": 1200, "height": 800})  # its desktop layout
    starter("multipage")
    page.get_by_text("Build your SaaS in seconds", exact=True).wait_for()
    page.locator('[data-icon="thirdparty/github_logo"] svg').first.wait_for()
    page.locator('[data-icon="material/arrow_forward"] svg path').first.wait_for()
    page.get_by_text("Pricing", exact=True).first.click()
    page.get_by_text("Our plans are designed", exact=False).wait_for()


def test_dashboard_starter_lays_out_its_sidebar_and_pages(
    starter: Any, page: Any
) -> None:
    """Rio's "Dashboard Better Name": Rio's logo, a sidebar whose Spacer
    pushes the last entries to the bottom, a plotly chart, and its pages."""
    pytest.importorskip("plotly")
    pytest.importorskip("pandas")
    page.set_viewport_size({"width": 1280, "height": 800})
    starter("dashboard")
    page.get_by_text("Revenue Over Time", exact=True).wait_for()
    page.locator('[data-icon="rio/logo"] svg path').first.wait_for()
    # As on Rio: the entries sit together at the top, the last two at the
    # bottom (the sidebar's Spacer takes the spare height).
    home = page.get_by_text("Home", exact=True).first.bounding_box()
    inbox = page.get_by_text("Inbox", exact=True).first.bounding_box()
    invite = page.get_by_text("Invite people", exact=True).bounding_box()
    assert home and inbox and invite
    assert inbox["y"] - home["y"] < 3 * 16
    assert invite["y"] > 600
    page.get_by_text("Users", exact=True).first.click()
    page.get_by_text("maria.garcia@example.com", exact=True).wait_for()

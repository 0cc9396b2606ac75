"""Pages, links to other sites, the folder dialog and in-app dialogs in a real
pywebview (Qt) window under Xvfb.

Like tests/test_window.py, one process of `examples/window_features.py`
serves the module; it is driven through its remote control and the X server
(xdotool), and observed through its report and what the window's page shows
(pywebview's `evaluate_js`). Its BROWSER is a script that only writes down
the URL it was asked to open, so "opens the system browser" is observable.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from window_support import (
    APP_TITLE,
    WindowApp,
    start_app,
    xvfb,  # noqa: F401  (fixture)
)

pytestmark = [pytest.mark.window, pytest.mark.timeout(90)]

FOLDER_DIALOG = "^Open folder$"


@pytest.fixture(scope="module")
def shared(xvfb: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:  # noqa: F811
    """One app process for the module, with a BROWSER that records URLs."""
    base = tmp_path_factory.mktemp("navigation")
    opened = base / "opened.txt"
    browser = base / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\n')
    browser.chmod(0o755)
    app, started = start_app(xvfb, base / "run", base / "data", BROWSER=str(browser))
    window = app.wait_window(f"^{APP_TITLE}$")
    yield {"app": app, "window": window, "opened": opened, "started": started}
    app.send("close")
    try:
        app.wait_exit(10)
    finally:
        app.kill()


@pytest.fixture
def home(shared: dict) -> dict:
    """Each test starts on the app's first page, with no dialog open."""
    app: WindowApp = shared["app"]
    if app.call("page")["pages"] != ["Features"]:
        app.call("navigate", url="/")
    wait_page_text(app, "Window features")
    return shared


# --- what the window shows -------------------------------------------------------


def page_text(app: WindowApp) -> str:
    return app.call("js", code="document.body.innerText") or ""


def wait_page_text(app: WindowApp, text: str, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while text not in (shown := page_text(app)):
        assert time.monotonic() < deadline, f"{text!r} not in the window: {shown!r}"
        time.sleep(0.05)
    return shown


def button_centre(app: WindowApp, label: str) -> tuple[int, int]:
    """Where the button labelled `label` is, in the window's pixels."""
    code = f"""(() => {{
      const el = [...document.querySelectorAll("button")].find(
        (b) => b.getAttribute("aria-label") === {json.dumps(label)}
          && b.getClientRects().length > 0);
      if (!el) return null;
      el.scrollIntoView({{ block: "nearest" }});
      const r = el.getBoundingClientRect();
      return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
    }})()"""
    deadline = time.monotonic() + 10
    while (centre := app.call("js", code=code)) is None:
        assert time.monotonic() < deadline, f"no {label!r} button in the window"
        time.sleep(0.05)
    return centre[0], centre[1]


def click(app: WindowApp, window: str, label: str) -> None:
    """A real mouse click (X events) on the button labelled `label`."""
    x, y = button_centre(app, label)
    app.xdotool("mousemove", "--window", window, str(x), str(y))
    app.xdotool("click", "1")


def wait_pages(app: WindowApp, names: list[str], timeout: float = 10) -> dict:
    deadline = time.monotonic() + timeout
    while (page := app.call("page"))["pages"] != names:
        assert time.monotonic() < deadline, page
        time.sleep(0.05)
    return page


# --- pages ------------------------------------------------------------------------


def test_navigate_to_shows_the_other_page_and_back_returns(home: dict) -> None:
    app: WindowApp = home["app"]
    start = app.call("page")["url"]
    app.call("navigate", url="/other")
    shown = wait_page_text(app, "The other page")
    assert "You are at /other" in shown
    assert "Window features" not in shown
    page = wait_pages(app, ["Other"])
    assert page["url"] == start + "other"
    assert app.call("js", code="location.href") == start + "other"

    # No browser chrome in the window: the page's own Back button, clicked.
    click(app, home["window"], "Back")
    wait_page_text(app, "Window features")
    assert wait_pages(app, ["Features"])["url"] == start

    # The history works too (a mouse's back button, or history.back() in JS).
    app.call("navigate", url="/other")
    wait_page_text(app, "The other page")
    app.call("js", code="history.back()")
    wait_page_text(app, "Window features")
    assert wait_pages(app, ["Features"])["url"] == start
    app.call("js", code="history.forward()")
    wait_page_text(app, "The other page")
    assert wait_pages(app, ["Other"])["url"] == start + "other"


def test_alt_left_and_right_walk_the_history(home: dict) -> None:
    """With no browser chrome, Alt+Left / Alt+Right go back and forward."""
    app: WindowApp = home["app"]
    app.call("navigate", url="/other")
    wait_page_text(app, "The other page")
    # Focus the page with a real click on empty space, then press the keys.
    app.xdotool("mousemove", "--window", home["window"], "5", "5")
    app.xdotool("click", "1")
    app.xdotool("key", "--clearmodifiers", "alt+Left")
    wait_page_text(app, "Window features")
    app.xdotool("key", "--clearmodifiers", "alt+Right")
    wait_page_text(app, "The other page")
    app.xdotool("key", "--clearmodifiers", "alt+Left")
    wait_page_text(app, "Window features")


def still_the_apps_document(app: WindowApp, start: str) -> None:
    """The window still shows the document the test marked: a navigation
    inside the app, sent after what is being checked, arrives in it."""
    app.call("navigate", url="/other")
    wait_page_text(app, "The other page")
    assert app.call("js", code="location.href") == start + "other"
    assert app.call("js", code="window.__marked === true") is True
    app.call("navigate", url="/")
    wait_page_text(app, "Window features")


def test_external_url_opens_the_system_browser_not_the_window(home: dict) -> None:
    app: WindowApp = home["app"]
    opened: Path = home["opened"]
    start = app.call("page")["url"]
    app.call("js", code="window.__marked = true")
    app.call("navigate", url="https://example.com/x?y=1")
    deadline = time.monotonic() + 10
    while not opened.exists() or not opened.read_text().strip():
        assert time.monotonic() < deadline, "the system browser was not started"
        time.sleep(0.05)
    assert opened.read_text().splitlines() == ["https://example.com/x?y=1"]
    assert app.call("page") == {"url": start, "pages": ["Features"]}
    still_the_apps_document(app, start)

    # The same from a click in the app.
    click(app, home["window"], "rio.dev (opens your browser)")
    deadline = time.monotonic() + 10
    while len(opened.read_text().splitlines()) < 2:
        assert time.monotonic() < deadline, "the click did not open the browser"
        time.sleep(0.05)
    assert opened.read_text().splitlines()[1] == "https://rio.dev/"
    still_the_apps_document(app, start)


# --- the folder dialog -------------------------------------------------------------


def _escape_folder_dialogs(app: WindowApp) -> None:
    for dialog in app.find_windows(FOLDER_DIALOG):
        app.xdotool("windowfocus", dialog, check=False)
        app.xdotool("key", "Escape", check=False)


def test_pick_folder_through_the_native_dialog(home: dict, tmp_path: Path) -> None:
    app: WindowApp = home["app"]
    chosen = tmp_path / "chosen folder"
    chosen.mkdir()
    (chosen / "inside.txt").write_text("x")
    command = app.send("pick_folder")
    try:
        dialog = app.wait_window(FOLDER_DIALOG)
        app.type_into_dialog(dialog, str(chosen), "Return")
        answer = app.result(command)
    finally:
        _escape_folder_dialogs(app)
    assert answer["ok"], answer
    assert answer["value"] == str(chosen)


def test_cancelled_pick_folder_raises_no_folder_selected(home: dict) -> None:
    app: WindowApp = home["app"]
    command = app.send("pick_folder")
    try:
        dialog = app.wait_window(FOLDER_DIALOG)
        app.type_into_dialog(dialog, None, "Escape")
        answer = app.result(command)
    finally:
        _escape_folder_dialogs(app)
    assert answer["ok"] is False
    assert answer["error"].startswith("NoFolderSelectedError")  # Rio's exception


# --- dialogs drawn by the page --------------------------------------------------------


def _answer(app: WindowApp, command: int, timeout: float = 10) -> dict[str, Any]:
    return app.result(command, timeout)


def test_yes_no_dialog_answers_with_a_click(home: dict) -> None:
    app: WindowApp = home["app"]
    window = home["window"]
    command = app.send("yes_no", text="Keep **this** window?")
    shown = wait_page_text(app, "Keep this window?")
    assert "A question" in shown
    assert not [e for e in app.events() if e.get("id") == command]
    click(app, window, "Yes")
    answer = _answer(app, command)
    assert answer["ok"], answer
    assert answer["value"] is True
    deadline = time.monotonic() + 5
    while "Keep this window?" in page_text(app):
        assert time.monotonic() < deadline, "the dialog stayed open"
        time.sleep(0.05)

    command = app.send("yes_no", text="And now?")
    wait_page_text(app, "And now?")
    click(app, window, "No")
    assert _answer(app, command)["value"] is False

    # Escape dismisses it: None.
    command = app.send("yes_no", text="Dismiss me")
    wait_page_text(app, "Dismiss me")
    app.xdotool("windowfocus", "--sync", window, check=False)
    app.xdotool("key", "Escape")
    answer = _answer(app, command)
    assert answer["ok"] and answer["value"] is None


def test_the_app_button_asks_and_shows_the_answer(home: dict) -> None:
    """The example's own button: the question and the answer in the window."""
    app: WindowApp = home["app"]
    window = home["window"]
    click(app, window, "Ask a question")
    wait_page_text(app, "Do you like windows?")
    click(app, window, "Yes")
    wait_page_text(app, "You answered True.")

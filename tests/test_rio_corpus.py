"""The Rio corpus (tests/rio_apps/) runs unchanged on rio_desktop.

Each app's source says `import rio`, as Rio code does; here that import gives
rio_desktop. Every app is served, opened in Chromium and checked as its
check.json says: the expected text after loading, one interaction, the
expected text afterwards, and neither a traceback in the server's log, an
error placeholder on the page, nor a script error in the page.
`scripts/run_rio_corpus.py` runs the same apps and checks on Rio 0.12.3.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import pytest

import rio_desktop

sys.path.insert(0, str(Path(__file__).resolve().parent / "rio_apps"))

import _corpus  # noqa: E402

pytestmark = pytest.mark.browser


def _server_problems(records: list[logging.LogRecord]) -> list[str]:
    return [
        record.getMessage()
        for record in records
        if record.levelno >= logging.ERROR
        or record.exc_info
        or "Traceback" in record.getMessage()
    ]


@pytest.fixture(scope="module")
def browser_context(chromium: Any) -> Any:
    """One context for every app: the page's files are fetched once.

    Each app has its own server, hence its own origin: nothing else carries
    over from one app to the next.
    """
    context = chromium.new_context(viewport={"width": 1000, "height": 800})
    yield context
    context.close()


@pytest.mark.parametrize("name", _corpus.app_names())
def test_rio_app_runs_unchanged(
    name: str, serve: Any, browser_context: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """The app imports, renders, and its interaction works as on Rio."""
    caplog.set_level(logging.WARNING)
    check = _corpus.load_check(name)
    page = browser_context.new_page()
    page.set_default_timeout(_corpus.TIMEOUT_MS)
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    try:
        # Pages may be imported late (when the server starts, or per
        # session): `rio` means rio_desktop until the check is done.
        with _corpus.rio_is(rio_desktop):
            app = _corpus.import_app(name)
            server = serve(app)
            _corpus.run_check(page, server.url, check)
            placeholders = page.locator(".rio-error").all_inner_texts()
    finally:
        page.close()
    assert not placeholders, f"error placeholders on the page: {placeholders}"
    assert not script_errors, f"script errors in the page: {script_errors}"
    problems = _server_problems(caplog.records)
    assert not problems, "the server logged:\n" + "\n".join(problems)

"""After a page closes, nothing of its session stays alive in the server.

The server drops the session as soon as the page goes (close code 1001) and,
once no page has closed for a second, empties the caches that hold objects of
closed sessions and runs the cycle collector (`_schedule_memory_release`).
Anything of a session left behind keeps a whole 1 MiB arena of the process.
"""

from __future__ import annotations

import contextlib
import gc
import weakref

import pytest
from helpers import wait_for
from yarl import URL

import rio_desktop as rio

pytestmark = pytest.mark.browser


class Rows(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(*[rio.Text(f"Row {i}") for i in range(200)])


def test_closed_page_leaves_nothing_of_its_session(serve, chromium):
    """No Session, no Component and no URL with the session's token survive."""
    server = serve(rio.App(build=Rows))
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(server.url)
    page.get_by_text("Row 199").wait_for()
    session = server.session()
    token = server.run(lambda: next(iter(server.server._connections)))
    ids = server.run(lambda: list(server.server.sessions[0]._tree.components))
    refs = [weakref.ref(session)]
    refs += [weakref.ref(session._tree.components[i]) for i in ids]
    assert len(refs) > 200
    del session

    def leftovers() -> tuple[list[str], list[str]]:
        gc.collect()
        alive = [type(ref()).__name__ for ref in refs if ref() is not None]
        urls = [
            str(obj)
            for obj in gc.get_objects()
            if isinstance(obj, URL) and token in obj.raw_query_string
        ]
        return alive, urls

    found: tuple[list[str], list[str]] = (["not looked for"], [])

    def released() -> bool:
        nonlocal found
        found = server.run(leftovers)
        return found == ([], [])

    context.close()
    # The release comes once no page has closed for a second.
    with contextlib.suppress(AssertionError):
        wait_for(released, timeout=15)
    alive, urls = found
    assert alive == []
    # yarl caches the URLs it parses, and each websocket URL has a token.
    assert urls == []

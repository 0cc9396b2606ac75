"""After a page closes, nothing of its session stays alive in the server.

The server drops the session as soon as the page goes (close code 1001) and,
once no page has closed for a second, empties the caches that hold objects of
closed sessions and runs the cycle collector (`memory.MemoryRelease`).
Anything of a session left behind keeps a whole 1 MiB arena of the process.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import weakref
from collections.abc import Callable

import pytest
from aiohttp import helpers as aiohttp_helpers
from aiohttp import web_app
from helpers import wait_for
from yarl import URL

import rio_desktop as rio

try:  # private: left out where multidict renamed it or runs without C
    from multidict._multidict import _freelist_clear
except ImportError:
    _freelist_clear = None

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
    ids = server.run(lambda: list(server.server.sessions[0].runtime.tree.components))
    refs = [weakref.ref(session)]
    refs += [weakref.ref(session.runtime.tree.components[i]) for i in ids]
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


def _blocks_freed_by(clear: Callable[[], None]) -> int:
    count = sys.getallocatedblocks
    before = count()
    clear()
    return before - count()


def _multidict_pooled_blocks() -> int:
    """Memory blocks in multidict's free lists (emptying them to count)."""
    if _freelist_clear is None:
        return 0
    # The second call frees nothing: it measures what counting allocates.
    return _blocks_freed_by(_freelist_clear) - _blocks_freed_by(_freelist_clear)


def test_release_drops_what_the_sessions_left_behind(serve, chromium):
    """Long-lived objects made amid the sessions are gone after the release.

    Each of them, however small, would keep a whole arena of the process.
    """
    server = serve(rio.App(build=Rows))
    app_server = server.server

    def leftovers() -> list[str]:
        found = []
        # aiohttp's private caches: left out where aiohttp renamed them.
        if getattr(aiohttp_helpers, "_cached_formatted_datetime", ""):
            found.append("aiohttp's last Date header")
        wrapped = getattr(web_app, "_cached_build_middleware", None)
        if wrapped is not None and wrapped.cache_info().currsize:
            found.append("aiohttp's wrapped handlers")
        if sys.getsizeof(app_server._connections) > sys.getsizeof({}):
            found.append("the connections' emptied table")
        release = app_server.memory_release
        if release._last_close or release._due:
            found.append("the last close's times")
        return found

    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(server.url)
    page.get_by_text("Row 199").wait_for()
    assert server.run(leftovers)  # the page's requests made them
    found: list[str] = ["not looked for"]

    def released() -> bool:
        nonlocal found
        found = server.run(leftovers)
        return found == []

    context.close()
    with contextlib.suppress(AssertionError):
        wait_for(released, timeout=15)
    assert found == []
    # The headers of the page's requests and responses, freed last. Counted
    # once, as counting empties them: this call comes after the release's
    # collection, which was queued before it on the server's loop.
    assert server.run(_multidict_pooled_blocks) == 0


def test_default_executor_runs_before_the_first_session(serve):
    """aiohttp compresses big messages in the loop's default executor: made
    by the first session, it and its thread would outlive it amid its data."""
    server = serve(rio.App(build=Rows))
    executor = server.loop._default_executor  # type: ignore[attr-defined]
    assert executor is not None
    assert len(executor._threads) == 1

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import pytest

from rio_desktop import _context
from rio_desktop.component import Component
from rio_desktop.components import ErrorPlaceholder
from rio_desktop.refresh import ComponentTree

# The rio_client fixture. An installed rio-desktop registers this plugin under
# the same name (entry point pytest11), so naming it here changes nothing
# there and gives the fixture to a checkout that is not installed.
pytest_plugins = ["rio_desktop.testing.plugin"]


class TreeHarness:
    """A component tree without a server: marks go straight to the tree."""

    def __init__(self, build: Callable[[], Component]) -> None:
        self.tree = ComponentTree(
            self,
            build,
            build_context=self._context,
            error_component=lambda c, e: ErrorPlaceholder(summary=str(e)),
        )

    @contextlib.contextmanager
    def _context(self, builder: Any):
        token = _context.current_session.set(self)
        try:
            yield
        finally:
            _context.current_session.reset(token)

    @property
    def runtime(self) -> TreeHarness:
        """Components mark themselves dirty through `session.runtime`."""
        return self

    def mark_dirty(self, component: Component, name: str | None) -> None:
        self.tree.mark_dirty(component, name)

    def refresh(self):
        return self.tree.refresh()


@pytest.fixture
def make_tree() -> Callable[[Callable[[], Component]], TreeHarness]:
    return TreeHarness


# --- a real server in a thread, and a real Chromium -----------------------

import asyncio  # noqa: E402
import os  # noqa: E402
import threading  # noqa: E402

CHROMIUM = os.environ.get("RIO_DESKTOP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class ServerThread:
    """Serves an App on 127.0.0.1 from an event loop in a worker thread."""

    def __init__(self, app: Any, **options: Any) -> None:
        from rio_desktop.server import AppServer

        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

        async def start() -> AppServer:
            server = AppServer(app, **options)
            await server.start("127.0.0.1", 0)
            return server

        self.server = self.call(start())
        self.url = f"http://127.0.0.1:{self.server.port}/"

    def call(self, coro: Any, timeout: float = 30) -> Any:
        """Run a coroutine on the server's loop and return its result."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def run(self, function: Callable[[], Any]) -> Any:
        """Run a plain function on the server's loop (to touch sessions)."""

        async def wrapper() -> Any:
            return function()

        return self.call(wrapper())

    def session(self, timeout: float = 10) -> Any:
        """The only session, once the page has connected."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sessions = self.server.sessions
            if sessions:
                return sessions[0]
            time.sleep(0.02)
        raise TimeoutError("no session connected")

    def close(self) -> None:
        self.call(self.server.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)


@pytest.fixture
def serve() -> Any:
    servers: list[ServerThread] = []

    def start(app: Any, **options: Any) -> ServerThread:
        server = ServerThread(app, **options)
        servers.append(server)
        return server

    yield start
    for server in reversed(servers):
        server.close()


@pytest.fixture(scope="session")
def chromium() -> Any:
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Any:
    context = chromium.new_context(
        timezone_id="Europe/Berlin",
        locale="de-AT",
        viewport={"width": 800, "height": 600},
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# Playwright's sync API leaves its event loop marked as running in the main
# thread once Chromium has started; asyncio.run() and pytest-asyncio then
# refuse to run. Tests that do not use the browser hide that loop.
@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Any:
    with _no_running_loop(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    with _no_running_loop(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Any:
    # Teardown may also close a module's shared browser page, which needs
    # Playwright's loop: only async tests (async fixtures) get it hidden.
    import inspect

    if not inspect.iscoroutinefunction(getattr(item, "obj", None)):
        return (yield)
    with _no_running_loop(item):
        return (yield)


@contextlib.contextmanager
def _no_running_loop(item: pytest.Item) -> Any:
    if "chromium" in getattr(item, "fixturenames", ()):
        yield
        return
    saved = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(saved)


@contextlib.contextmanager
def case_page(
    chromium: Any,
    app: Any,
    live: dict[str, Any],
    first_text: str,
    size: tuple[int, int],
) -> Any:
    """One page showing an app whose root (live["harness"]) switches cases.

    Yields `show(case, marker)`: sets the harness's `case`, waits until
    `marker` is on the page and returns the page. Shared by a module's tests
    so that each test does not pay for a new server and page.
    """
    server = ServerThread(app)
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(server.url)
        page.get_by_text(first_text).wait_for()

        def show(case: str, marker: str) -> Any:
            def switch() -> int | None:
                harness = live["harness"]
                shown = getattr(harness, "_build_result", None)
                changed = harness.case != case
                harness.case = case
                return shown._id if changed and shown is not None else None

            old_id = server.run(switch)
            if old_id is not None:
                # The marker may be in the old case too: wait for it to go.
                page.locator(f'[data-rio-id="{old_id}"]').wait_for(state="detached")
            page.get_by_text(marker, exact=True).first.wait_for()
            return page

        show.server = server  # type: ignore[attr-defined]
        yield show
    finally:
        context.close()
        server.close()

"""The pytest plugin of rio_desktop.testing: the `rio_client` fixture.

Installing rio-desktop registers it (entry point ``pytest11``); it needs
pytest-asyncio, as the tests using it are async.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable
from typing import TYPE_CHECKING, Any, Protocol

import pytest

if TYPE_CHECKING:
    from ..app import App
    from ._client import TestClient

__all__ = ["ClientFactory", "rio_client"]


class ClientFactory(Protocol):
    """What the `rio_client` fixture is: call it with an app to open it."""

    def __call__(self, app: App, **options: Any) -> Awaitable[TestClient]:
        """Open `app` in a page in memory; `options` are `run()`'s."""
        ...


def _async_fixture() -> Any:
    """pytest-asyncio's fixture decorator, which works in its strict mode too.

    Without pytest-asyncio, pytest's own: using the fixture then fails with
    pytest's note that async fixtures need a plugin.
    """
    try:
        import pytest_asyncio
    except ImportError:  # pragma: no cover - depends on the environment
        return pytest.fixture
    return pytest_asyncio.fixture


@_async_fixture()
async def rio_client() -> AsyncIterator[ClientFactory]:
    """Opens apps in pages in memory: ``client = await rio_client(app)``.

    Keyword arguments are those of `rio_desktop.testing.run` (``path=``,
    ``width=``...). Each page closes after the test; an error of the app's
    code that no action raised yet fails the test then.
    """
    from . import run

    async with contextlib.AsyncExitStack() as stack:

        async def open_app(app: App, **options: Any) -> TestClient:
            return await stack.enter_async_context(run(app, **options))

        yield open_app

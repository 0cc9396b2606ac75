"""`run(app)`: open an app in a page in memory, for as long as a block runs."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from yarl import URL

from .. import protocol
from ._client import TestClient
from ._session import SessionDriver

if TYPE_CHECKING:
    from ..app import App

__all__ = ["BASE_URL", "run"]

#: Where the app under test is "served": "/about" is BASE_URL + "about".
BASE_URL = URL("http://localhost/")


@contextlib.asynccontextmanager
async def run(
    app: App,
    *,
    width: float = 60,
    height: float = 40,
    path: str = "/",
    timezone: str = "UTC",
    languages: tuple[str, ...] = ("en-US",),
    prefers_dark: bool = False,
    raise_errors: bool = True,
    timeout: float = 10,
) -> AsyncIterator[TestClient]:
    """Open `app` in a page in memory and yield the client for it.

    The app's hooks run as on a server: `on_app_start`, then the session's
    attachments and `on_session_start`, and on exit `on_session_close` and
    `on_app_close` (an exception in one of them fails the test).

    Args:
        app: The app to test.
        width, height: The window size the page reports, in font-heights.
        path: The URL path the page opens ("/settings?tab=2").
        timezone, languages, prefers_dark: What the page says about its user.
        raise_errors: Raise the app code's errors in the test (from the
            action that caused them); False only logs them, as in production.
        timeout: Seconds the first build may take.

    Yields:
        A `TestClient` showing the app's first page, settled.
    """
    client = TestClient(raise_errors=raise_errors)
    hello = protocol.Hello(
        timezone=timezone,
        languages=tuple(languages),
        width=width,
        height=height,
        pixel_ratio=1,
        prefers_dark=prefers_dark,
        url=str(BASE_URL.join(URL(path.lstrip("/")))),
        user_settings={},
    )
    await _call_hook(app.on_app_start, app)
    try:
        driver = SessionDriver(
            app, client.host, hello, base_url=BASE_URL, send=client._receive
        )
        client._driver = driver
        try:
            await driver.start()
            await client.settle(timeout=timeout)
            yield client
            client.raise_errors()
        finally:
            await driver.close()
    finally:
        await _call_hook(app.on_app_close, app)


async def _call_hook(hook: Any, arg: Any) -> None:
    if hook is None:
        return
    result = hook(arg)
    if inspect.isawaitable(result):
        await result

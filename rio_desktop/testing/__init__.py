"""Test an app in process: no window, no browser, no server, no socket.

With pytest (and pytest-asyncio), the `rio_client` fixture opens the app in a
page that lives in memory; the test reads what the page shows and acts like
a user:

```python
from app import app

async def test_counter(rio_client):
    client = await rio_client(app)
    assert client.has_text("Clicked 0 times")
    await client.click("Click me")
    assert client.has_text("Clicked 1 time")

    await client.fill("Name", "Ada")          # a TextInput labelled "Name"
    await client.press("enter", target="Name")  # its on_confirm
    await client.choose("Size", "Large")      # a Dropdown option
    await client.click(client.find(role="checkbox", key="agree"))
```

Each action sends the session the message the page would send and returns
once the app is idle (`settle()`), so the next line sees the new screen. An
exception in the app's code (an event handler, sync or async, a task,
`build()`) fails the test with its traceback. The client answers what a
browser would: `client.clipboard`, `client.files_to_pick(...)` for the next
file dialog, `client.saved_files`, `client.opened_urls`; a dialog is answered
by clicking its buttons (`client.dismiss_dialog()` closes it).

Without pytest: ``async with run(app) as client: ...``.

The fixture comes from this package's pytest plugin, which installing
rio-desktop registers (entry point ``pytest11``); without that, load it with
``pytest -p rio_desktop.testing.plugin``.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from yarl import URL

from .. import protocol
from ._client import ActionError, Element, Role, TestClient, TextMatch
from ._host import FilePick, FileToPick, SavedFile, TestHost
from ._page import PageCall, child_fields
from ._session import SessionDriver

if TYPE_CHECKING:
    from ..app import App

__all__ = [
    "ActionError",
    "Element",
    "FilePick",
    "FileToPick",
    "PageCall",
    "Role",
    "SavedFile",
    "TestClient",
    "TestHost",
    "TextMatch",
    "run",
]

#: Where the app under test is "served": "/about" is BASE_URL + "about".
BASE_URL = URL("http://localhost/")

#: The child fields of a built-in type on screen (kept for older tests).
_child_fields = child_fields


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

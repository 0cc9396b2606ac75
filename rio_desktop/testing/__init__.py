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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._client import ActionError, Element, Role, TestClient, TextMatch
    from ._host import FilePick, FileToPick, SavedFile, TestHost
    from ._page import PageCall
    from ._run import BASE_URL, run

__all__ = [
    "ActionError",
    "BASE_URL",
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

# Imported on first use: pytest loads the plugin (plugin.py) in every run,
# and it should not cost those runs the session's import.
_HOMES = {
    "ActionError": "._client",
    "Element": "._client",
    "Role": "._client",
    "TestClient": "._client",
    "TextMatch": "._client",
    "FilePick": "._host",
    "FileToPick": "._host",
    "SavedFile": "._host",
    "TestHost": "._host",
    "PageCall": "._page",
    "BASE_URL": "._run",
    "run": "._run",
    # The child fields of a built-in type on screen (for older tests).
    "_child_fields": "._page",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(home, __name__)
    value = getattr(module, "child_fields" if name == "_child_fields" else name)
    globals()[name] = value
    return value

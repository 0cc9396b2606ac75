"""The test client's copy of what the page shows, kept from the session's messages.

The session sends the page JSON messages: "delta"s that create, change and
remove components, "theme", and "call"s (set the title, show a notification,
push a history entry...). `PageMirror` applies them as the page would, so the
test client sees exactly what a browser would have been told.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import protocol
from ..component import FundamentalComponent

__all__ = ["PageMirror", "PageCall", "child_fields"]


@dataclass(frozen=True)
class PageCall:
    """A "call" message: the session asked the page to do something.

    Attributes:
        method: What the page is to do ("showNotification", "pushState"...).
        args: Its arguments.
        call_id: The id the reply must carry; 0 when no reply is expected.
    """

    method: str
    args: list[Any]
    call_id: int


class PageMirror:
    """The component tree, title and theme, as the page would hold them.

    Attributes:
        components: id -> the properties the page knows, with "_type".
        root: The id of the root component.
        title: The page title the app asked for.
        theme: The theme's CSS variables.
        calls: Every call the session made of the page, in order.
    """

    def __init__(self) -> None:
        self.components: dict[int, dict[str, Any]] = {}
        self.root: int | None = None
        self.title = ""
        self.theme: dict[str, str] = {}
        self.calls: list[PageCall] = []

    def apply(self, message: dict[str, Any]) -> PageCall | None:
        """Apply one message; returns it if it is a call."""
        # Through JSON, as on the wire: what cannot be sent fails here too.
        message = json.loads(protocol.encode(message))
        kind = message.get("type")
        if kind == "delta":
            if message.get("reset"):
                self.components.clear()
            for key, props in message.get("components", {}).items():
                cid = int(key)
                if "_type" in props:
                    self.components[cid] = dict(props)
                else:
                    self.components.setdefault(cid, {"_type": "?"}).update(props)
            for cid in message.get("removed", ()):
                self.components.pop(cid, None)
            if message.get("root") is not None:
                self.root = message["root"]
        elif kind == "theme":
            self.theme = dict(message.get("vars", {}))
        elif kind == "call":
            call = PageCall(
                message.get("method", ""),
                list(message.get("args", [])),
                message.get("call_id", 0),
            )
            if call.method == "setTitle" and call.args:
                self.title = call.args[0]
            self.calls.append(call)
            return call
        return None

    def walk(self, start: int | None = None) -> Iterator[tuple[int, int | None]]:
        """(id, parent id) of every component shown, parents first, in order.

        Components the page keeps off screen (the connection-lost message)
        are left out.
        """
        first = self.root if start is None else start
        if first is None:
            return
        stack: list[tuple[int, int | None]] = [(first, None)]
        while stack:
            cid, parent = stack.pop()
            props = self.components.get(cid)
            if props is None:
                continue
            yield cid, parent
            children = list(self.children(cid))
            stack.extend((child, cid) for child in reversed(children))

    def children(self, cid: int) -> Iterator[int]:
        """The ids of a component's children on screen."""
        props = self.components.get(cid, {})
        kind = props.get("_type", "")
        for name in ("child",) if kind == "HighLevel" else child_fields(kind):
            value = props.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                yield value
            elif isinstance(value, list):
                yield from (v for v in value if isinstance(v, int))


def child_fields(fundamental_type: str) -> tuple[str, ...]:
    """The child fields of a built-in component type that are on screen."""
    stack: list[type] = [FundamentalComponent]
    while stack:
        cls = stack.pop()
        if getattr(cls, "_fundamental_type", None) == fundamental_type:
            fields = getattr(cls, "_child_fields", ())
            hidden = getattr(cls, "_offscreen_fields", ())  # not on screen
            return tuple(f for f in fields if f not in hidden)
        stack.extend(cls.__subclasses__())
    return ()

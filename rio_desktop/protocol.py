"""The messages on the websocket between the page and the server.

Every message is a JSON object with a "type". What the page sends is decoded
into one of the frozen dataclasses below by `decode()`, which checks every
field and raises `ProtocolError` with a reason a developer can act on. The
server drops such a message, logs the reason and keeps the session alive.

Page -> server: `Hello`, `Event`, `Reply`, `Resize`, `Navigate`, `ColorScheme`.

What the server sends is one of the dataclasses of `OutgoingMessage`:
`ComponentDelta` ("delta": components to create or patch), `SetTheme`
("theme": the CSS variables) and `CallPage` ("call": a method of the page,
`webui/app.js`'s `runCall`). Each turns into its wire form with `to_json()`;
`encode()` makes the text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

__all__ = [
    "CallPage",
    "ColorScheme",
    "ComponentDelta",
    "ErrorReport",
    "OutgoingMessage",
    "PageMethod",
    "SetTheme",
    "Event",
    "Hello",
    "IncomingMessage",
    "Navigate",
    "ProtocolError",
    "Reply",
    "Resize",
    "decode",
    "encode",
]

#: Larger messages from the page are refused outright.
MAX_MESSAGE_BYTES = 4 * 1024 * 1024


class ProtocolError(ValueError):
    """A message from the page that cannot be used, and why."""


@dataclass(frozen=True)
class Hello:
    """The page's first message: what the session needs to know about it."""

    timezone: str
    languages: tuple[str, ...]
    width: float
    height: float
    pixel_ratio: float
    prefers_dark: bool
    url: str
    user_settings: dict[str, Any]
    #: The screen's size in font-heights (not the window's).
    screen_width: float = 0.0
    screen_height: float = 0.0
    #: CSS pixels per font-height (the root font size).
    font_px: float = 16.0
    #: A scroll bar's width in font-heights (0 with overlay scroll bars).
    scroll_bar_size: float = 0.0
    #: "mouse", or "touch" where the primary pointer is coarse.
    primary_pointer_type: str = "mouse"
    #: In the desktop app's window: that window's own token (from its first
    #: URL, kept by the page); "" elsewhere.
    window_token: str = ""


@dataclass(frozen=True)
class Event:
    """Something the user did to a component: press, change, confirm..."""

    component_id: int
    name: str
    payload: Any


@dataclass(frozen=True)
class Reply:
    """The page's answer to a call the server made (clipboard, file input)."""

    call_id: int
    ok: bool
    value: Any
    error: str


@dataclass(frozen=True)
class Resize:
    """The page's new size, in font-heights."""

    width: float
    height: float


@dataclass(frozen=True)
class Navigate:
    """The user moved to another URL of the app (back/forward, a link)."""

    url: str


@dataclass(frozen=True)
class ColorScheme:
    """The OS switched between light and dark."""

    prefers_dark: bool


IncomingMessage = Hello | Event | Reply | Resize | Navigate | ColorScheme


# --- server -> page -------------------------------------------------------------


@dataclass(frozen=True)
class ComponentDelta:
    """Components to create (with "_type") or patch, and the ids that left.

    `reset` (a page that (re)connects): `components` is the whole tree and
    replaces what the page had.
    """

    components: dict[int, dict[str, Any]]
    removed: list[int] = field(default_factory=list)
    root: int | None = None
    reset: bool = False

    def to_json(self) -> dict[str, Any]:
        message: dict[str, Any] = {"type": "delta", "components": self.components}
        if self.reset:
            message["root"] = self.root
            message["reset"] = True
            return message
        if self.removed:
            message["removed"] = self.removed
        if self.root is not None:
            message["root"] = self.root
        return message


@dataclass(frozen=True)
class SetTheme:
    """The theme's CSS variables, for the page's stylesheet."""

    vars: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        return {"type": "theme", "vars": self.vars}


#: The page's methods the server calls (`webui/app.js`, `pageCalls`).
PageMethod = Literal[
    "afterPaint",
    "closeTab",
    "download",
    "enableHistoryKeys",
    "focusComponent",
    "getClipboard",
    "openUrl",
    "pickFiles",
    "pushState",
    "replaceState",
    "saveSettings",
    "setClipboard",
    "setSettingsCookie",
    "setTitle",
    "showError",
    "showNotification",
    "uploadHeldFiles",
]


class ErrorReport(TypedDict):
    """The argument of the page's "showError": what went wrong, and how much
    of it the page may show (a traceback in development only)."""

    development: bool
    title: str
    details: str
    note: str


@dataclass(frozen=True)
class CallPage:
    """Call a method of the page. `call_id` 0: no reply is wanted; otherwise
    the page answers with a `Reply` of that id."""

    method: PageMethod
    args: tuple[Any, ...] = ()
    call_id: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "call",
            "call_id": self.call_id,
            "method": self.method,
            "args": list(self.args),
        }


OutgoingMessage = ComponentDelta | SetTheme | CallPage


def encode(message: OutgoingMessage | dict[str, Any]) -> str:
    """Encode a message as JSON text (a dict: as it is, for test clients)."""
    data = message if isinstance(message, dict) else message.to_json()
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def decode(text: str | bytes) -> IncomingMessage:
    """Parse and validate one message from the page."""
    if len(text) > MAX_MESSAGE_BYTES:
        raise ProtocolError(f"message of {len(text)} bytes is larger than allowed")
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise ProtocolError(f"message is not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise ProtocolError(f"message must be a JSON object, got {_kind(data)}")
    kind = data.get("type")
    decoder = _DECODERS.get(kind) if isinstance(kind, str) else None
    if decoder is None or not isinstance(kind, str):
        raise ProtocolError(f"unknown message type {kind!r}")
    return decoder(_Fields(data, kind))


class _Fields:
    """Typed access to a message's fields, raising ProtocolError on misfit."""

    def __init__(self, data: dict[str, Any], kind: str) -> None:
        self.data = data
        self.kind = kind

    def _get(self, name: str, default: Any) -> Any:
        if name in self.data:
            return self.data[name]
        if default is _REQUIRED:
            raise ProtocolError(f"{self.kind!r} message lacks the field {name!r}")
        return default

    def _fail(self, name: str, expected: str, value: Any) -> ProtocolError:
        return ProtocolError(
            f"{self.kind!r} message: {name!r} must be {expected}, got {_kind(value)}"
        )

    def string(self, name: str, default: Any = None) -> str:
        value = self._get(name, _REQUIRED if default is None else default)
        if not isinstance(value, str):
            raise self._fail(name, "a string", value)
        return value

    def integer(self, name: str) -> int:
        value = self._get(name, _REQUIRED)
        if type(value) is not int:
            raise self._fail(name, "an integer", value)
        return value

    def number(self, name: str, default: Any = None) -> float:
        value = self._get(name, _REQUIRED if default is None else default)
        if type(value) not in (int, float) or not math.isfinite(value):
            raise self._fail(name, "a finite number", value)
        return float(value)

    def boolean(self, name: str, default: Any = None) -> bool:
        value = self._get(name, _REQUIRED if default is None else default)
        if type(value) is not bool:
            raise self._fail(name, "true or false", value)
        return value

    def anything(self, name: str) -> Any:
        return self.data.get(name)


_REQUIRED: Any = object()


def _kind(value: Any) -> str:
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _hello(f: _Fields) -> Hello:
    languages = f._get("languages", [])
    if not isinstance(languages, list) or not all(
        isinstance(x, str) for x in languages
    ):
        raise f._fail("languages", "an array of strings", languages)
    settings = f._get("user_settings", {})
    if not isinstance(settings, dict):
        raise f._fail("user_settings", "an object", settings)
    width, height = f.number("width"), f.number("height")
    if width < 0 or height < 0:
        raise ProtocolError("'hello' message: the window size cannot be negative")
    screen_width = f.number("screen_width", width)
    screen_height = f.number("screen_height", height)
    scroll_bar_size = f.number("scroll_bar_size", 0.0)
    font_px = f.number("font_px", 16.0)
    if min(screen_width, screen_height, scroll_bar_size) < 0 or font_px <= 0:
        raise ProtocolError("'hello' message: a size cannot be negative")
    pointer = f.string("primary_pointer_type", "mouse")
    if pointer not in ("mouse", "touch"):
        raise f._fail("primary_pointer_type", '"mouse" or "touch"', pointer)
    window_token = f.string("window_token", "")
    if len(window_token) > 256:
        raise ProtocolError("'hello' message: window_token is too long")
    return Hello(
        window_token=window_token,
        screen_width=screen_width,
        screen_height=screen_height,
        font_px=font_px,
        scroll_bar_size=scroll_bar_size,
        primary_pointer_type=pointer,
        timezone=f.string("timezone", ""),
        languages=tuple(languages[:32]),
        width=width,
        height=height,
        pixel_ratio=f.number("pixel_ratio", 1.0),
        prefers_dark=f.boolean("prefers_dark", False),
        url=f.string("url"),
        user_settings=settings,
    )


def _event(f: _Fields) -> Event:
    return Event(f.integer("id"), f.string("name"), f.anything("payload"))


def _reply(f: _Fields) -> Reply:
    return Reply(
        f.integer("call_id"),
        f.boolean("ok"),
        f.anything("value"),
        f.string("error", ""),
    )


def _resize(f: _Fields) -> Resize:
    width, height = f.number("width"), f.number("height")
    if width < 0 or height < 0:
        raise ProtocolError("'resize' message: the window size cannot be negative")
    return Resize(width, height)


def _navigate(f: _Fields) -> Navigate:
    return Navigate(f.string("url"))


def _color_scheme(f: _Fields) -> ColorScheme:
    return ColorScheme(f.boolean("prefers_dark"))


_DECODERS: dict[str, Callable[[_Fields], IncomingMessage]] = {
    "hello": _hello,
    "event": _event,
    "reply": _reply,
    "resize": _resize,
    "navigate": _navigate,
    "color_scheme": _color_scheme,
}

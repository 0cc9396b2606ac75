"""TestClient: a page in memory that a test reads and acts on like a user.

Finding: `find` (exactly one) and `find_all` take the text shown, a role
("button", "text input"...), a key and a component type. Acting: `click`,
`fill`, `type`, `choose`, `press`, `navigate`, `resize`. Each action sends
the session the message a browser's page sends for it, then waits with
`settle()` until the app is idle, so the next line sees the result.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Union

from yarl import URL

from .. import routing
from ..components._key_names import HARDWARE_KEYS, MODIFIER_KEYS, NAMED_SOFTWARE_KEYS
from ._host import FilePick, FileToPick, SavedFile, TestHost
from ._page import PageCall, PageMirror

if TYPE_CHECKING:
    from ..component import Component
    from ..session import Session
    from ._session import SessionDriver

__all__ = ["ActionError", "Element", "Role", "TestClient", "TextMatch"]

#: What a component is for, as a user sees it.
Role = Literal[
    "button",
    "link",
    "text",
    "text input",
    "number input",
    "dropdown",
    "checkbox",
    "switch",
    "slider",
    "dialog",
]

#: Text to look for: the whole text, or a pattern found anywhere in it.
TextMatch = Union[str, "re.Pattern[str]"]  # noqa: UP007

_ROLES: dict[str, Role] = {
    "Button": "button",
    "IconButton": "button",
    "Link": "link",
    "Text": "text",
    "Markdown": "text",
    "TextInput": "text input",
    "MultiLineTextInput": "text input",
    "NumberInput": "number input",
    "Dropdown": "dropdown",
    "Checkbox": "checkbox",
    "Switch": "switch",
    "Slider": "slider",
    "DialogContainer": "dialog",
}
_TEXT_FIELDS = ("TextInput", "MultiLineTextInput", "NumberInput")
_LABELLED = (*_TEXT_FIELDS, "Dropdown")
_PRESSABLE = ("Button", "IconButton", "Card", "SimpleListItem", "CustomListItem")
_CLICKABLE = (*_PRESSABLE, "Link", "Checkbox", "Switch")
_KEY_TEXT = {"enter": "\n", "tab": "\t", "space": " ", "backspace": "\b"}


class ActionError(AssertionError):
    """The client cannot do what the test asked: the component is disabled,
    behind a modal dialog, or does not take that action."""


@dataclass(frozen=True, eq=False)
class Element:
    """A component on the client's screen, as `find` returns it.

    Attributes:
        id: The component's id on the page.
        kind: Its type on the page: "Button", "Text"... ("HighLevel" for a
            component with a `build()`).
        component: The live component.
    """

    id: int
    kind: str
    component: Component
    client: TestClient = field(repr=False)

    @property
    def props(self) -> dict[str, Any]:
        """The properties the page knows (fields at their default left out)."""
        return self.client.components.get(self.id, {})

    @property
    def role(self) -> Role | None:
        """What it is for: "button", "text input"...; None for layout."""
        return _ROLES.get(self.kind)

    @property
    def key(self) -> Any:
        """The component's `key`."""
        return self.component.key

    @property
    def text(self) -> str | None:
        """The text it shows: a Text's text, a button's or link's label (the
        texts inside it, for one with a component), an input's label."""
        component = self.component
        if self.kind in ("Text", "Markdown"):
            return str(getattr(component, "text", ""))
        if self.kind in ("Button", "Link"):
            content = getattr(component, "content", "")
            if isinstance(content, str):
                return content
            return " ".join(self.client._texts_under(self.id))
        if self.kind in _LABELLED:
            return str(getattr(component, "label", "")) or None
        return None

    async def click(self) -> None:
        """Click it; see `TestClient.click`."""
        await self.client.click(self)

    async def fill(self, value: str | float) -> None:
        """Replace its text; see `TestClient.fill`."""
        await self.client.fill(self, value)

    async def type(self, text: str) -> None:
        """Type at the end of its text; see `TestClient.type`."""
        await self.client.type(self, text)

    async def choose(self, option: Any) -> None:
        """Choose a dropdown option; see `TestClient.choose`."""
        await self.client.choose(self, option)

    async def press(self, *keys: str) -> None:
        """Press keys with the focus here; see `TestClient.press`."""
        await self.client.press(*keys, target=self)

    def __repr__(self) -> str:
        name = type(self.component).__name__
        text = self.text
        shown = f" {text!r}" if text else ""
        key = f" key={self.key!r}" if self.key is not None else ""
        return f"<Element {name}{shown}{key} id={self.id}>"


class TestClient:
    """A page of the app, in memory; made by `run()` or the `rio_client`
    fixture.

    Attributes:
        host: The session's platform; holds the clipboard, the files saved...
        page: What the page was sent: components, title, theme, calls.
    """

    __test__ = False  # not a pytest test class

    def __init__(self, *, raise_errors: bool = True) -> None:
        self.page = PageMirror()
        self.host = TestHost(self.page)
        self._raise_errors = raise_errors
        self._driver: SessionDriver | None = None
        self._changed = asyncio.Event()

    # --- the session and what the page was sent ------------------------------

    @property
    def session(self) -> Session:
        """The app's session for this page."""
        if self._driver is None:
            raise RuntimeError("the client is not connected")
        return self._driver.session

    @property
    def components(self) -> dict[int, dict[str, Any]]:
        """id -> the properties the page knows, with "_type"."""
        return self.page.components

    @property
    def title(self) -> str:
        """The page title the app asked for."""
        return self.page.title

    @property
    def theme(self) -> dict[str, str]:
        """The theme's CSS variables, as the page got them."""
        return self.page.theme

    @property
    def url(self) -> URL:
        """The URL of the page shown."""
        return self.session.active_page_url

    @property
    def clipboard(self) -> str | None:
        """The clipboard's text; assign to it to copy something."""
        return self.host.clipboard

    @clipboard.setter
    def clipboard(self, text: str | None) -> None:
        self.host.clipboard = text

    @property
    def saved_files(self) -> list[SavedFile]:
        """The files the app saved (`session.save_file`), in order."""
        return self.host.saved_files

    @property
    def file_picks(self) -> list[FilePick]:
        """The file dialogs the app opened (`session.pick_file`), in order."""
        return self.host.file_picks

    @property
    def opened_urls(self) -> list[str]:
        """URLs the app opened outside itself (another site), in order."""
        return self.host.opened_urls

    @property
    def closed(self) -> bool:
        """True once the app closed its page (`session.close()`)."""
        return self.host.closed or self.session.is_closed

    @property
    def notifications(self) -> list[tuple[str, str]]:
        """(title, body) of each notification the app showed, in order."""
        return [
            (call.args[0], call.args[1])
            for call in self.page.calls
            if call.method == "showNotification"
        ]

    def files_to_pick(self, *files: FileToPick) -> None:
        """Make the next file dialog give these files.

        Each call answers one dialog, in order. A file is a path, a
        (name, contents) pair or a `FileInfo`. With no files (or when
        nothing was arranged) the user cancels the dialog.
        """
        self.host.queue_pick(files)

    # --- finding ---------------------------------------------------------------

    def elements(self, *, within: Element | None = None) -> list[Element]:
        """Every component on screen, parents before children, in order."""
        driver = self._connected()
        found: list[Element] = []
        for cid, _ in self.page.walk(None if within is None else within.id):
            component = driver.component(cid)
            if component is None:
                continue
            kind = self.page.components[cid].get("_type", "?")
            found.append(Element(cid, kind, component, self))
        return found

    def find_all(
        self,
        text: TextMatch | None = None,
        *,
        role: Role | None = None,
        key: Any = None,
        type: type[Component] | str | None = None,  # noqa: A002 - reads best
        within: Element | None = None,
    ) -> list[Element]:
        """The components on screen that match everything given.

        Args:
            text: The text shown (`Element.text`): exactly this string, or a
                pattern (`re.compile`) found in it.
            role: What it is for: "button", "link", "text", "text input",
                "number input", "dropdown", "checkbox", "switch", "slider",
                "dialog".
            key: The component's `key`.
            type: A component class (yours or built-in; subclasses match) or
                a class name ("Button").
            within: Look only inside this element.
        """
        return [
            element
            for element in self.elements(within=within)
            if (role is None or element.role == role)
            and (key is None or element.key == key)
            and (type is None or _is_of_type(element.component, type))
            and (text is None or _text_matches(element.text, text))
        ]

    def find(
        self,
        text: TextMatch | None = None,
        *,
        role: Role | None = None,
        key: Any = None,
        type: type[Component] | str | None = None,  # noqa: A002 - reads best
        within: Element | None = None,
    ) -> Element:
        """The one component on screen that matches; see `find_all`.

        Raises:
            LookupError: None matches, or several do.
        """
        found = self.find_all(text, role=role, key=key, type=type, within=within)
        if len(found) == 1:
            return found[0]
        wanted = _describe_query(text, role, key, type)
        if not found:
            raise LookupError(f"nothing on screen is {wanted}; shown: {self.texts()}")
        raise LookupError(f"{len(found)} components are {wanted}: {found}")

    def texts(self) -> list[str]:
        """The texts on screen (Texts, Markdown, button labels), in order."""
        result: list[str] = []
        for element in self.elements():
            if element.kind in ("Text", "Markdown"):
                result.append(str(getattr(element.component, "text", "")))
            elif element.kind == "Button":
                content = getattr(element.component, "content", None)
                if isinstance(content, str):
                    result.append(content)
        return result

    def has_text(self, text: TextMatch) -> bool:
        """True if a text on screen (see `texts`) is `text` (or matches the
        pattern)."""
        return any(_text_matches(shown, text) for shown in self.texts())

    def dialogs(self) -> list[Element]:
        """The open dialogs, the one in front last."""
        return [e for e in self.elements() if e.kind == "DialogContainer"]

    # --- acting ------------------------------------------------------------------

    async def click(self, target: TextMatch | Element) -> None:
        """Click a button, link, checkbox, switch or pressable card.

        Args:
            target: The component, or the text it shows. A click on
                something inside a button (its text or icon) is the button's,
                as in a browser.

        A link to a page of this app shows that page (as `navigate` does);
        a link elsewhere is recorded in `opened_urls`.

        Raises:
            LookupError: Nothing clickable shows the text, or several do.
            ActionError: It is disabled or behind a modal dialog.
        """
        element = self._target(target, _CLICKABLE, "clickable")
        self._check_reachable(element)
        component = element.component
        if element.kind == "Link":
            await self._follow_link(element)
            return
        if not getattr(component, "is_sensitive", True) or getattr(
            component, "is_loading", False
        ):
            raise ActionError(f"{element} is disabled: clicking it does nothing")
        if element.kind in ("Checkbox", "Switch"):
            is_on = not getattr(component, "is_on", False)
            await self.send_event(element.id, "change", {"is_on": is_on})
        else:
            await self.send_event(element.id, "press", None)

    async def fill(self, target: TextMatch | Element, value: str | float) -> None:
        """Replace the text of a text or number input, as if pasted over it.

        The input gets the "change" event the page sends while the user
        types: its value and bindings update, `on_change` runs.

        Args:
            target: The input, or its label.
            value: The new text; for a NumberInput a number (or its text).
        """
        element = self._input(target)
        if element.kind == "NumberInput":
            number = float(value) if isinstance(value, str) else value
            await self.send_event(element.id, "change", {"value": number})
        else:
            await self.send_event(element.id, "change", {"text": str(value)})

    async def type(self, target: TextMatch | Element, text: str) -> None:
        """Type `text` at the end of a text input, one character at a time
        (a "change" event and `on_change` for each).

        Args:
            target: A TextInput or MultiLineTextInput, or its label.
        """
        element = self._input(target)
        if element.kind == "NumberInput":
            raise ActionError(f"{element} takes numbers: use fill()")
        for character in text:
            current = str(getattr(element.component, "text", ""))
            await self.send_event(element.id, "change", {"text": current + character})

    async def choose(self, target: TextMatch | Element, option: Any) -> None:
        """Choose an option of a Dropdown, as the user would in its list.

        Args:
            target: The dropdown, or its label.
            option: The name shown for the option, or its value.

        Raises:
            LookupError: The dropdown has no such option.
        """
        element = self._target(target, ("Dropdown",), "dropdown")
        self._check_usable(element)
        options: Mapping[str, Any] = getattr(element.component, "options", {})
        if option in options:
            name = option
        else:
            names = [n for n, value in options.items() if value == option]
            if not names:
                raise LookupError(
                    f"{element} has no option {option!r}; its options: {list(options)}"
                )
            name = names[0]
        await self.send_event(element.id, "change", {"name": name})

    async def press(
        self, *keys: str, target: TextMatch | Element | None = None
    ) -> None:
        """Press keys one after the other: "enter", "a", "escape", "control+s".

        With a `target` a key is pressed with the keyboard focus there: in a
        text input Enter confirms (`on_confirm`) and a character is typed;
        other keys go to the `KeyEventListener`s around the target. Without
        a target, as with nothing focused, every KeyEventListener on the page
        gets the key. Names are Rio's (`rio.SoftwareKey`); modifiers are
        "alt", "control", "meta" and "shift", joined with "+".
        """
        for key in keys:
            await self._press_one(_key_info(key), target)

    async def _press_one(
        self, info: _KeyInfo, target: TextMatch | Element | None
    ) -> None:
        if target is None:
            for listener in self.elements():
                if listener.kind == "KeyEventListener":
                    await self._send_key(listener, info)
            return
        element = target if isinstance(target, Element) else self.find(target)
        self._check_reachable(element)
        if element.kind in _TEXT_FIELDS and await self._key_in_input(element, info):
            return
        parents = self._parents()
        current: int | None = element.id
        while current is not None:
            listener = self._element(current)
            if listener.kind == "KeyEventListener" and await self._send_key(
                listener, info
            ):
                return
            current = parents.get(current)

    async def navigate(self, url: str) -> None:
        """Go to `url` in the page, as the browser's back and forward do:
        "/about" from the app's root, "details" relative to this page."""
        target = self.session.active_page_url.join(URL(url))
        await self._send({"type": "navigate", "url": str(target)})

    async def resize(self, width: float, height: float) -> None:
        """Resize the window, in font-heights."""
        await self._send({"type": "resize", "width": width, "height": height})

    async def dismiss_dialog(self) -> None:
        """Close the dialog in front as the user does: a click outside it
        (or Escape). Its waiter gets None.

        Raises:
            ActionError: No dialog is open, or the user may not close it.
        """
        dialogs = self.dialogs()
        if not dialogs:
            raise ActionError("no dialog is open")
        front = dialogs[-1]
        if not getattr(front.component, "user_closeable", True):
            raise ActionError(f"{front} cannot be closed by the user")
        await self.send_event(front.id, "close-request", None)

    async def send_event(
        self, component_id: int, name: str, payload: Any, *, timeout: float = 5
    ) -> None:
        """Send a page event for a component as the page would, and settle.

        Raises:
            protocol.ProtocolError: The server would drop this event.
        """
        await self._send(
            {"type": "event", "id": component_id, "name": name, "payload": payload},
            timeout=timeout,
        )

    # --- waiting -----------------------------------------------------------------

    async def settle(self, *, timeout: float = 5) -> None:
        """Wait until the app is idle: no refresh due and no handler or task
        of the session running, except `periodic` timers and handlers
        waiting for the user to answer a dialog.

        Raises:
            Exception: The first error of the app's code (an event handler,
                a task, `build()`...) since the last action, with its
                traceback (`run(raise_errors=False)` only logs them).
            TimeoutError: The app was still busy after `timeout` seconds.
        """
        driver = self._connected()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        quiet = 0
        while quiet < 2:  # idle twice in a row: nothing was just scheduled
            await asyncio.sleep(0)
            busy = driver.busy_tasks()
            if busy:
                quiet = 0
                remaining = deadline - loop.time()
                if remaining <= 0:
                    names = sorted(task.get_name() for task in busy)
                    raise TimeoutError(
                        f"the app did not settle within {timeout} s; still"
                        f" running: {names}"
                    )
                await asyncio.wait(
                    busy, timeout=remaining, return_when=asyncio.FIRST_COMPLETED
                )
            elif driver.has_refresh_pending():
                quiet = 0
            else:
                quiet += 1
            if loop.time() > deadline:
                raise TimeoutError(f"the app did not settle within {timeout} s")
        self.raise_errors()

    async def wait_for_text(self, text: TextMatch, *, timeout: float = 5) -> None:
        """Wait until `text` is shown (after timers or background tasks).

        Raises:
            AssertionError: It was not shown within `timeout` seconds.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.has_text(text):
            self.raise_errors()
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), deadline - loop.time())
            except asyncio.TimeoutError:
                raise AssertionError(
                    f"{text!r} was not shown within {timeout} s; shown: {self.texts()}"
                ) from None
        self.raise_errors()

    def raise_errors(self) -> None:
        """Raise the first error of the app's code not raised yet (the
        others are noted on it)."""
        if self._driver is None or not self._raise_errors:
            return
        errors = self._driver.take_errors()
        if not errors:
            return
        first = errors[0]
        if len(errors) > 1 and hasattr(first, "add_note"):
            others = ", ".join(repr(e) for e in errors[1:])
            first.add_note(f"The app's code raised {len(errors) - 1} more: {others}")
        raise first

    # --- internals ---------------------------------------------------------------

    def _connected(self) -> SessionDriver:
        if self._driver is None:
            raise RuntimeError("the client is not connected")
        return self._driver

    def _receive(self, message: dict[str, Any]) -> None:
        """The session sent the page a message."""
        call = self.page.apply(message)
        self._changed.set()
        if call is not None and call.call_id:
            # Answered on the next loop tick, as a page would.
            asyncio.get_running_loop().call_soon(self._reply, call)

    def _reply(self, call: PageCall) -> None:
        driver = self._driver
        if driver is None or driver.session.is_closed:
            return
        if call.method == "focusComponent":
            reply = {"type": "reply", "call_id": call.call_id, "ok": True}
        else:
            reply = {
                "type": "reply",
                "call_id": call.call_id,
                "ok": False,
                "error": f"{call.method} is not available in rio_desktop.testing",
            }
        driver.deliver(reply)

    async def _send(self, message: dict[str, Any], *, timeout: float = 5) -> None:
        driver = self._connected()
        if driver.session.is_closed:
            raise RuntimeError("the session has closed")
        driver.deliver(message)
        await self.settle(timeout=timeout)

    def _element(self, component_id: int) -> Element:
        component = self._connected().component(component_id)
        if component is None:
            raise LookupError(f"component {component_id} is not on screen")
        kind = self.page.components.get(component_id, {}).get("_type", "?")
        return Element(component_id, kind, component, self)

    def _parents(self) -> dict[int, int | None]:
        return dict(self.page.walk())

    def _texts_under(self, component_id: int) -> Iterator[str]:
        for cid, _ in self.page.walk(component_id):
            props = self.page.components[cid]
            if props.get("_type") == "Text" and cid != component_id:
                yield str(props.get("text", ""))

    def _target(
        self, target: TextMatch | Element, kinds: Iterable[str], what: str
    ) -> Element:
        """The one component of `kinds` that `target` is or is inside."""
        allowed = tuple(kinds)
        if isinstance(target, Element):
            candidates = [target]
        else:
            candidates = self.find_all(target)
        parents = self._parents()
        resolved: dict[int, Element] = {}
        for element in candidates:
            current: int | None = element.id
            while current is not None:  # a click inside bubbles up
                kind = self.page.components.get(current, {}).get("_type")
                if kind in allowed:
                    resolved[current] = self._element(current)
                    break
                current = parents.get(current)
        if len(resolved) == 1:
            return next(iter(resolved.values()))
        shown = target if isinstance(target, Element) else repr(target)
        if not resolved:
            raise LookupError(
                f"nothing {what} shows {shown}; shown: {self.texts()}"
                if not isinstance(target, Element)
                else f"{target} is not {what}"
            )
        raise LookupError(
            f"{len(resolved)} {what} components show {shown}:"
            f" {list(resolved.values())}; pass one (find(..., role=, key=))"
        )

    def _input(self, target: TextMatch | Element) -> Element:
        element = self._target(target, _TEXT_FIELDS, "text or number input")
        self._check_usable(element)
        return element

    def _check_usable(self, element: Element) -> None:
        self._check_reachable(element)
        if not getattr(element.component, "is_sensitive", True):
            raise ActionError(f"{element} is disabled")

    def _check_reachable(self, element: Element) -> None:
        """A modal dialog in front keeps the user away from the rest."""
        dialogs = self.dialogs()
        if not dialogs or not getattr(dialogs[-1].component, "modal", True):
            return
        front = dialogs[-1].id
        parents = self._parents()
        current: int | None = element.id
        while current is not None:
            if current == front:
                return
            current = parents.get(current)
        raise ActionError(f"{element} is behind a modal dialog")

    async def _follow_link(self, link: Element) -> None:
        target_url = str(getattr(link.component, "target_url", ""))
        target = self.session.active_page_url.join(URL(target_url))
        inside = routing.is_inside(target, self.session.base_url)
        if not inside or getattr(link.component, "open_in_new_tab", False):
            self.host.opened_urls.append(str(target))
            return
        await self._send({"type": "navigate", "url": str(target)})

    async def _key_in_input(self, element: Element, info: _KeyInfo) -> bool:
        """A key pressed in a text field: True if the field took it."""
        held = set(info.modifiers)
        if info.software_key == "enter":
            confirms = True
            if element.kind == "MultiLineTextInput":
                mode = getattr(element.component, "confirm_mode", "shift-enter")
                confirms = bool(held & {"control", "meta"}) or (
                    ("shift" in held) == (mode == "shift-enter")
                )
            if confirms:
                if element.kind == "NumberInput":
                    value = getattr(element.component, "value", 0)
                    payload: dict[str, Any] = {"value": value}
                else:
                    payload = {"text": str(getattr(element.component, "text", ""))}
                await self.send_event(element.id, "confirm", payload)
                return True
            if element.kind == "MultiLineTextInput":
                await self.type(element, "\n")
                return True
            return False
        if len(info.text) == 1 and not held & {"control", "meta", "alt"}:
            if element.kind == "NumberInput":
                raise ActionError(f"{element} takes numbers: use fill()")
            await self.type(element, info.text)
            return True
        return False

    async def _send_key(self, listener: Element, info: _KeyInfo) -> bool:
        """Send a KeyEventListener the events of one key press that it
        reports; whether it reported any."""
        payload = {
            "hardware_key": info.hardware_key,
            "software_key": info.software_key,
            "text": info.text,
            "modifiers": list(info.modifiers),
        }
        pressed = frozenset({*info.modifiers, info.software_key})
        props = listener.props
        sent = False
        for field_name, event in (
            ("on_key_press", "key_press"),
            ("on_key_down", "key_down"),
            ("on_key_up", "key_up"),
        ):
            wanted = props.get(field_name)
            if wanted is True or (
                isinstance(wanted, list)
                and any(frozenset(keys) == pressed for keys in wanted)
            ):
                await self.send_event(listener.id, event, payload)
                sent = True
        return sent


@dataclass(frozen=True)
class _KeyInfo:
    hardware_key: str
    software_key: str
    text: str
    modifiers: tuple[str, ...]


def _key_info(combination: str) -> _KeyInfo:
    """ "control+s" -> what the page reports for that key press."""
    parts = combination.split("+") if combination != "+" else ["plus"]
    *modifiers, key = [p.strip() for p in parts]
    for modifier in modifiers:
        if modifier not in MODIFIER_KEYS:
            raise ValueError(
                f"{combination!r}: {modifier!r} is no modifier; use"
                f" {', '.join(MODIFIER_KEYS)}"
            )
    software = key.lower() if len(key) == 1 else key
    if len(software) != 1 and software not in NAMED_SOFTWARE_KEYS:
        raise ValueError(
            f"{combination!r}: {key!r} is no key; use one character or a"
            ' rio.NamedSoftwareKey such as "enter" or "escape"'
        )
    if software in MODIFIER_KEYS:
        hardware = f"left-{software}"
    else:
        hardware = software if software in HARDWARE_KEYS else "unknown"
    if len(key) == 1:
        text = key.upper() if "shift" in modifiers else key
    else:
        text = _KEY_TEXT.get(software, "")
    ordered = tuple(m for m in MODIFIER_KEYS if m in modifiers)
    return _KeyInfo(hardware, software, text, ordered)


def _text_matches(shown: str | None, wanted: TextMatch) -> bool:
    if shown is None:
        return False
    if isinstance(wanted, str):
        return shown == wanted
    return wanted.search(shown) is not None


def _is_of_type(component: Component, wanted: type[Component] | str) -> bool:
    if isinstance(wanted, str):
        return any(cls.__name__ == wanted for cls in type(component).__mro__)
    return isinstance(component, wanted)


def _describe_query(
    text: TextMatch | None,
    role: str | None,
    key: Any,
    kind: type[Component] | str | None,
) -> str:
    parts = []
    if role is not None:
        parts.append(f"a {role}")
    if kind is not None:
        parts.append(f"of type {getattr(kind, '__name__', kind)}")
    if text is not None:
        shown = text if isinstance(text, str) else text.pattern
        parts.append(f"showing {shown!r}")
    if key is not None:
        parts.append(f"with key {key!r}")
    return " ".join(parts) or "anything"

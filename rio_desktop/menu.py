"""The window's native menu bar and the app's tray icon: what apps write
(`Menu`, `MenuItem`, `MenuSeparator`, `TrayIcon`), and the app process's side
of them (`AppShell`: the plain data sent to the window's process, and the
events coming back, run as handlers of the window's session).

The window's process builds them (`_window_shell.py`): with Qt, a QMenuBar of
QActions (shortcuts, check marks, enabled state) and a QSystemTrayIcon; with
the other pywebview backends, pywebview's own menus (no shortcuts, no check
marks, no tray icon). A chosen item comes back as
``{"event": "menu", "item": <id>, "window": 0}``; its handler runs on the
app's loop through the session's runner for user code (`runtime.call_handler`), so
an exception follows the one error policy.

As a website (`run_as_web_server`, `as_aiohttp_app`, `rio-desktop run
--website`) the menu and tray are left out, with one log line. This module
imports nothing of the GUI toolkits: a website never loads them.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    import asyncio

    from .app import App
    from .session import Session

__all__ = ["Menu", "MenuItem", "MenuSeparator", "TrayIcon"]

log = logging.getLogger(__name__)

#: A menu's entries.
MenuEntry = Union["MenuItem", "MenuSeparator", "Menu"]

_ids = itertools.count(1)

# --- shortcuts ---------------------------------------------------------------------

#: Modifier names accepted (any case) -> Qt's portable names. Qt's "Ctrl" is
#: the Command key on macOS, so "Cmd" is "Ctrl" everywhere.
_MODIFIERS = {
    "ctrl": "Ctrl",
    "control": "Ctrl",
    "cmd": "Ctrl",
    "command": "Ctrl",
    "shift": "Shift",
    "alt": "Alt",
    "option": "Alt",
    "meta": "Meta",
    "super": "Meta",
    "win": "Meta",
}
_MODIFIER_ORDER = ("Ctrl", "Alt", "Shift", "Meta")
#: Named keys (any case) -> Qt's portable names.
_KEYS = {
    "enter": "Return",
    "return": "Return",
    "esc": "Esc",
    "escape": "Esc",
    "tab": "Tab",
    "space": "Space",
    "backspace": "Backspace",
    "del": "Del",
    "delete": "Del",
    "ins": "Ins",
    "insert": "Ins",
    "home": "Home",
    "end": "End",
    "pgup": "PgUp",
    "pageup": "PgUp",
    "pgdown": "PgDown",
    "pgdn": "PgDown",
    "pagedown": "PgDown",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "plus": "+",
    "minus": "-",
}
_PUNCTUATION = frozenset("+-=,./;'[]\\`")


def normalize_shortcut(shortcut: str) -> str:
    """`shortcut` in Qt's portable form ("ctrl+shift+s" -> "Ctrl+Shift+S").

    Accepted: modifiers Ctrl, Shift, Alt, Meta and Cmd (the same as Ctrl:
    Qt's Ctrl is the Command key on macOS), joined with "+" to one key: a
    letter, a digit, F1-F35, one of `+-=,./;'[]\\``, or Enter, Esc, Tab,
    Space, Backspace, Delete, Insert, Home, End, PageUp, PageDown, Up, Down,
    Left, Right. A key that types or edits text needs Ctrl, Alt, Meta or Cmd
    (else the page's text fields would lose it); F-keys may stand alone.

    Raises:
        ValueError: naming what is wrong and what would do.
    """
    if not isinstance(shortcut, str) or not shortcut.strip():
        raise ValueError(f"shortcut={shortcut!r}: not a key combination like 'Ctrl+O'")
    text = shortcut.strip().replace(" ", "")
    if text.endswith("++"):
        parts, key = (text[:-2].split("+") if text[:-2] else []), "+"
    else:
        *parts, key = text.split("+")
    modifiers: list[str] = []
    for part in parts:
        name = _MODIFIERS.get(part.lower())
        if name is None:
            raise ValueError(
                f"shortcut={shortcut!r}: {part!r} is not a modifier; use Ctrl,"
                " Shift, Alt, Meta or Cmd, joined with '+' (e.g. 'Ctrl+Shift+S')"
            )
        if name in modifiers:
            raise ValueError(f"shortcut={shortcut!r}: {part!r} is named twice")
        modifiers.append(name)
    lowered = key.lower()
    if len(key) == 1 and key.isascii() and key.isalnum():
        name = key.upper()
    elif key in _PUNCTUATION:
        name = key
    elif lowered in _KEYS:
        name = _KEYS[lowered]
    elif lowered[:1] == "f" and lowered[1:].isdigit() and 1 <= int(lowered[1:]) <= 35:
        name = f"F{int(lowered[1:])}"
    else:
        raise ValueError(
            f"shortcut={shortcut!r}: {key!r} is not a key; use a letter, a"
            " digit, F1-F35, one of + - = , . / ; ' [ ] \\ `, or Enter, Esc,"
            " Tab, Space, Backspace, Delete, Insert, Home, End, PageUp,"
            " PageDown, Up, Down, Left, Right"
        )
    if not name.startswith("F") or len(name) == 1:
        if not {"Ctrl", "Alt", "Meta"} & set(modifiers):
            raise ValueError(
                f"shortcut={shortcut!r}: without Ctrl, Alt or Cmd it would take"
                f" the key {name!r} away from the page's text fields; add one"
                f" (e.g. 'Ctrl+{name}'). Only F1-F35 work alone."
            )
    ordered = [m for m in _MODIFIER_ORDER if m in modifiers]
    return "+".join([*ordered, name])


# --- what apps write ---------------------------------------------------------------


class MenuItem:
    """One entry of a menu (the window's menu bar or the tray icon's menu).

    Args:
        label: The text shown (plain text; "&" is shown as is).
        on_press: Called with the `Session` of the window whose menu was used
            (for the tray's menu: the most recently active window) when the
            item is chosen; sync or async. It runs on the app's loop like a
            button's handler: an exception is logged and shown as the app's
            other errors are, and the app goes on.
        shortcut: A key combination that chooses the item while the window
            has the focus: "Ctrl+O", "Ctrl+Shift+S", "F5", "Alt+Left";
            "Cmd" is the same as "Ctrl" (the Command key on macOS). Checked
            at once (ValueError). Qt backend only.
        enabled: False greys the item out: choosing it (or its shortcut)
            does nothing.
        checked: None for a plain item; True or False for a check item,
            which toggles when chosen. Its new state is stored here
            (`item.checked`) before `on_press` runs. Check marks show with
            the Qt backend only.

    Change a shown item with ``await session.set_menu_item(item, ...)``.
    """

    def __init__(
        self,
        label: str,
        on_press: Callable[[Session], Any] | None = None,
        *,
        shortcut: str | None = None,
        enabled: bool = True,
        checked: bool | None = None,
    ) -> None:
        if not isinstance(label, str):
            raise TypeError(
                f"MenuItem(label=...) takes a str, not {type(label).__name__}"
            )
        if on_press is not None and not callable(on_press):
            raise TypeError(f"MenuItem({label!r}, on_press=...) must be callable")
        if checked is not None and not isinstance(checked, bool):
            raise TypeError(
                f"MenuItem({label!r}, checked=...) takes None, True or False"
            )
        self.label = label
        self.on_press = on_press
        try:
            self.shortcut = None if shortcut is None else normalize_shortcut(shortcut)
        except ValueError as error:
            raise ValueError(f"MenuItem({label!r}): {error}") from None
        self.enabled = bool(enabled)
        self.checked = checked
        #: The item's number in the messages between the processes.
        self._id = next(_ids)

    def __repr__(self) -> str:
        extras = "".join(
            f", {name}={value!r}"
            for name, value in (
                ("shortcut", self.shortcut),
                ("enabled", self.enabled),
                ("checked", self.checked),
            )
            if (name, value)
            not in (("shortcut", None), ("enabled", True), ("checked", None))
        )
        return f"MenuItem({self.label!r}{extras})"


class MenuSeparator:
    """A line between a menu's entries."""

    def __repr__(self) -> str:
        return "MenuSeparator()"


class Menu:
    """A menu: one of the menu bar's ("File", "Edit"...) or a submenu.

    Args:
        label: Its title.
        items: Its entries: `MenuItem`s, `MenuSeparator`s and `Menu`s
            (submenus), in order.
    """

    def __init__(self, label: str, items: Sequence[MenuEntry] = ()) -> None:
        if not isinstance(label, str):
            raise TypeError(f"Menu(label=...) takes a str, not {type(label).__name__}")
        self.label = label
        self.items: list[MenuEntry] = _checked_entries(items, f"Menu({label!r})")

    def __repr__(self) -> str:
        return f"Menu({self.label!r}, {self.items!r})"


class TrayIcon:
    """An icon in the desktop's system tray (notification area).

    Needs the Qt window backend (a warning otherwise), and a desktop with a
    tray: where there is none, one warning is logged and the app runs
    without it (and `close_to_tray` is off, or the app could not be reached).

    Args:
        icon: An image file's path (PNG, SVG, ICO...), or a Rio icon name
            ("material/castle"). None: the app's icon (`App(icon=...)`), else
            Rio's logo.
        tooltip: The text shown over the icon; default: the app's name.
        menu: The icon's context menu (right click): `MenuItem`s,
            `MenuSeparator`s and `Menu`s. Its handlers get the session of the
            most recently active window.
        on_press: Called with that session on a click on the icon (sync or
            async). None: show and raise the window (un-minimizing or
            un-hiding it).
        close_to_tray: If True, closing the window hides it instead of
            ending the app: its session lives on and the page keeps its
            state; a click on the icon brings it back. The menu then ends
            with a Quit item that ends the app like the window's close
            button would (`on_window_close_request` handlers are asked).
        quit_label: The Quit item's text.
    """

    def __init__(
        self,
        icon: str | os.PathLike[str] | None = None,
        *,
        tooltip: str | None = None,
        menu: Sequence[MenuEntry] = (),
        on_press: Callable[[Session], Any] | None = None,
        close_to_tray: bool = False,
        quit_label: str = "Quit",
    ) -> None:
        if icon is not None and not isinstance(icon, (str, os.PathLike)):
            raise TypeError(
                "TrayIcon(icon=...) takes an image file's path or a Rio icon"
                f" name, not {type(icon).__name__}"
            )
        if on_press is not None and not callable(on_press):
            raise TypeError("TrayIcon(on_press=...) must be callable")
        self.icon = icon
        self.tooltip = tooltip
        self.menu: list[MenuEntry] = _checked_entries(menu, "TrayIcon(menu=...)")
        self.on_press = on_press
        self.close_to_tray = bool(close_to_tray)
        self.quit_label = str(quit_label)

    def __repr__(self) -> str:
        return f"TrayIcon(icon={self.icon!r}, menu={self.menu!r})"


def _checked_entries(items: Any, where: str) -> list[MenuEntry]:
    if isinstance(items, (str, bytes, MenuItem, Menu, MenuSeparator)) or not (
        isinstance(items, Sequence) or hasattr(items, "__iter__")
    ):
        raise TypeError(
            f"{where}: the entries are a list of MenuItem, MenuSeparator and Menu"
        )
    entries = list(items)
    for entry in entries:
        if not isinstance(entry, (MenuItem, MenuSeparator, Menu)):
            raise TypeError(
                f"{where}: {entry!r} is not a MenuItem, MenuSeparator or Menu"
            )
    return entries


def check_menu_bar(menu: Any, where: str) -> list[Menu] | None:
    """The menu bar given to `run_in_window`/`App` (None: none), checked."""
    if menu is None:
        return None
    if isinstance(menu, Menu):
        menu = [menu]
    entries = _checked_entries(menu, where)
    for entry in entries:
        if not isinstance(entry, Menu):
            raise TypeError(
                f"{where}: the menu bar holds Menus ('File', 'Edit'...);"
                f" put {entry!r} into one"
            )
    return entries  # type: ignore[return-value]


def check_tray(tray: Any, where: str) -> TrayIcon | None:
    if tray is not None and not isinstance(tray, TrayIcon):
        raise TypeError(f"{where} takes a rio.TrayIcon, not {type(tray).__name__}")
    return tray


def _walk(entries: Sequence[MenuEntry]) -> Iterator[MenuItem]:
    for entry in entries:
        if isinstance(entry, MenuItem):
            yield entry
        elif isinstance(entry, Menu):
            yield from _walk(entry.items)


def _to_json(entries: Sequence[MenuEntry]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for entry in entries:
        if isinstance(entry, MenuItem):
            found.append(
                {
                    "type": "item",
                    "id": entry._id,
                    "label": entry.label,
                    "shortcut": entry.shortcut,
                    "enabled": entry.enabled,
                    "checked": entry.checked,
                }
            )
        elif isinstance(entry, Menu):
            found.append(
                {"type": "menu", "label": entry.label, "items": _to_json(entry.items)}
            )
        else:
            found.append({"type": "separator"})
    return found


# --- the app process's side ----------------------------------------------------------


class AppShell:
    """One window run's menu bar and tray icon, in the app process.

    `window_spec` is what the window's process gets (plain JSON data); `handle`
    takes what it tells back ("menu", "tray_press", "shell_warning").
    """

    EVENTS = frozenset({"menu", "tray_press", "shell_warning"})

    def __init__(self, menu: list[Menu] | None, tray: TrayIcon | None) -> None:
        self.menu = menu or []
        self.tray = tray
        entries: list[MenuEntry] = [*self.menu, *(tray.menu if tray else ())]
        self.items = {item._id: item for item in _walk(entries)}

    @classmethod
    def for_window(cls, app: App, menu: Any, tray: Any) -> AppShell | None:
        """run_in_window's own `menu`/`tray` if given, else the App's; None
        when there is neither."""
        bar = check_menu_bar(
            menu if menu is not None else getattr(app, "menu", None),
            "run_in_window(menu=...)",
        )
        icon = check_tray(
            tray if tray is not None else getattr(app, "tray", None),
            "run_in_window(tray=...)",
        )
        if not bar and icon is None:
            return None
        return cls(bar, icon)

    def window_spec(self, app: App) -> dict[str, Any]:
        """What the window's process builds: plain data, sent as JSON."""
        tray = None
        if self.tray is not None:
            icon = self.tray.icon
            tray = {
                "icon": os.fspath(icon) if icon is not None else None,
                "icon_is_path": icon is not None and not isinstance(icon, str),
                "tooltip": self.tray.tooltip
                if self.tray.tooltip is not None
                else app.name,
                "menu": _to_json(self.tray.menu),
                "press": self.tray.on_press is not None,
                "close_to_tray": self.tray.close_to_tray,
                "quit_label": self.tray.quit_label,
                "app_icon": str(app.icon) if app.icon else None,
                "color": _primary_hex(app),
            }
        return {"menu": _to_json(self.menu), "tray": tray}

    def handle(
        self,
        name: str,
        message: dict[str, Any],
        loop: asyncio.AbstractEventLoop | None,
        session_for_window: Callable[[int], Session | None],
    ) -> bool:
        """What the window told (in its pipe's reader thread); False if it is
        not about the menu or tray."""
        if name not in self.EVENTS:
            return False
        if name == "shell_warning":
            log.warning("%s", message.get("message"))
            return True
        if loop is None or loop.is_closed():
            return True
        try:
            loop.call_soon_threadsafe(self._run, name, message, session_for_window)
        except RuntimeError:  # the loop just closed: we are shutting down
            pass
        return True

    def _run(
        self,
        name: str,
        message: dict[str, Any],
        session_for_window: Callable[[int], Session | None],
    ) -> None:
        """On the loop: run the chosen item's (or the tray's) handler."""
        window = message.get("window", 0)
        if name == "menu":
            item = self.items.get(message.get("item"))  # type: ignore[arg-type]
            if item is None or not item.enabled:
                return
            if item.checked is not None:
                checked = message.get("checked")
                item.checked = (
                    checked if isinstance(checked, bool) else not item.checked
                )
            handler, kind = item.on_press, f"menu item {item.label!r}"
        else:
            if self.tray is None:
                return
            handler, kind = self.tray.on_press, "tray icon's on_press"
        if handler is None:
            return
        session = session_for_window(window if isinstance(window, int) else 0)
        if session is None:
            log.info(
                "No session to run the %s handler in (the page is not loaded)", kind
            )
            return
        session.runtime.call_handler(handler, session, kind=kind)


def _primary_hex(app: App) -> str:
    theme = app._theme_for(prefers_dark=False)
    color = getattr(theme, "primary_color", None)
    text = getattr(color, "hex", None)
    if isinstance(text, str) and len(text.lstrip("#")) >= 6:
        return "#" + text.lstrip("#")[:6]
    return "#1E88E5"


# --- at run time ---------------------------------------------------------------------

_warned_unchangeable = False


async def set_menu_item(
    session: Session,
    item: MenuItem,
    *,
    label: str | None = None,
    enabled: bool | None = None,
    checked: bool | None = None,
) -> None:
    """`Session.set_menu_item`: change `item` and the window's menus."""
    global _warned_unchangeable
    if not isinstance(item, MenuItem):
        raise TypeError(
            f"set_menu_item takes a rio.MenuItem, not {type(item).__name__}"
        )
    changes: dict[str, Any] = {}
    if label is not None:
        changes["label"] = str(label)
    if enabled is not None:
        changes["enabled"] = bool(enabled)
    if checked is not None:
        if item.checked is None:
            raise ValueError(
                f"{item!r} is not a check item (made with checked=None); it"
                " cannot be checked"
            )
        changes["checked"] = bool(checked)
    for name, value in changes.items():
        setattr(item, name, value)
    if not changes or not session.running_in_window:
        return  # as a website there is no menu: the item's state is kept
    window = session.host.window  # type: ignore[attr-defined]
    from .hosts.window import run_in_worker

    try:
        await run_in_worker(window._call, "set_menu_item", item._id, changes)
    except RuntimeError as error:
        if "NotImplementedError" not in str(error):
            raise
        if not _warned_unchangeable:
            _warned_unchangeable = True
            log.warning(
                "The window's menu cannot change while it runs with this window"
                " backend (Qt only); the item's state is kept in Python."
            )


# --- as a website --------------------------------------------------------------------

_noted_website: set[int] = set()


def note_website(app: App) -> None:
    """Log once that a website leaves the app's menu bar and tray icon out."""
    if (getattr(app, "menu", None) or getattr(app, "tray", None)) is None:
        return
    if id(app) in _noted_website:
        return
    _noted_website.add(id(app))
    log.info(
        "%s has a menu bar or tray icon: they are for its window, and a"
        " website leaves them out.",
        app.name,
    )

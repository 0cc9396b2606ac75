"""The window process's memory of each window's size, position and
maximized state (`window.json`, one entry per page path), and the check that
a restored window is on a screen."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .user_settings import write_json_atomically

if TYPE_CHECKING:
    from .window_process import _WindowSlot

log = logging.getLogger("rio_desktop.window_process")

DEFAULT_SIZE = (800, 600)


def _keep_on_a_screen(
    window: Any, geometry: _Geometry, width: int, height: int
) -> None:
    """Move a window restored onto a screen that is gone to the centre."""
    import webview

    if not geometry.loaded or geometry.x is None or geometry.y is None:
        return
    try:
        screens = webview.screens
    except Exception:  # the backend cannot list screens: trust the position
        return
    x, y = geometry.x, geometry.y
    for screen in screens:
        if (
            screen.x <= x < screen.x + screen.width
            and screen.y <= y < screen.y + screen.height
        ):
            return
    if screens:
        screen = screens[0]
        window.move(
            screen.x + max(0, (screen.width - width) // 2),
            screen.y + max(0, (screen.height - height) // 2),
        )


class _Geometry:
    """A window's normal size and position, and whether it is maximized."""

    def __init__(self, data: Any, where: str = "") -> None:
        self.lock = threading.Lock()
        self.width: int | None = None
        self.height: int | None = None
        self.x: int | None = None
        self.y: int | None = None
        self.maximized = False
        self.loaded = False
        if data is None:
            return
        try:
            self.width, self.height = int(data["width"]), int(data["height"])
            if data.get("x") is not None and data.get("y") is not None:
                self.x, self.y = int(data["x"]), int(data["y"])
            self.maximized = bool(data.get("maximized", False))
            self.loaded = self.width > 0 and self.height > 0
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            self.width = self.height = self.x = self.y = None
            self.maximized = False
            log.warning("Ignoring the saved window geometry%s: %r", where, error)

    def initial_size(self, width: int | None, height: int | None) -> tuple[int, int]:
        """The saved size, else the one asked for, else the default."""
        if self.loaded:
            chosen = (self.width or 0, self.height or 0)
        else:
            chosen = (width or DEFAULT_SIZE[0], height or DEFAULT_SIZE[1])
        with self.lock:
            self.width, self.height = chosen
        return chosen

    def resized(self, width: int, height: int) -> None:
        with self.lock:
            if not self.maximized:
                self.width, self.height = width, height

    def moved(self, x: int, y: int) -> None:
        with self.lock:
            if not self.maximized:
                self.x, self.y = x, y

    def set_maximized(self, maximized: bool) -> None:
        with self.lock:
            self.maximized = maximized

    def data(self) -> dict[str, Any] | None:
        """What window.json keeps of it; None before it had a size."""
        with self.lock:
            if self.width is None or self.height is None:
                return None
            return {
                "width": self.width,
                "height": self.height,
                "x": self.x,
                "y": self.y,
                "maximized": self.maximized,
            }


class _GeometryStore:
    """window.json: each window's geometry under the URL path of the page it
    opened with, ``{"windows": {"/": {"width": 800, "height": 600, "x": 10,
    "y": 20, "maximized": false}, "/settings": {...}}}``.

    An older release kept its one window's at the top level: that is read as
    the first window's (`first_key`). A window's entry is written when it
    closes, and all of them once more when the last one has.
    """

    def __init__(self, path: Path | None, *, first_key: str = "/") -> None:
        self.path = path
        self.lock = threading.Lock()
        self.entries: dict[str, Any] = {}
        if path is None:
            return
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            log.warning("Ignoring the saved window geometry in %s: %s", path, error)
            return
        if isinstance(data, dict) and isinstance(data.get("windows"), dict):
            self.entries = dict(data["windows"])
        elif isinstance(data, dict) and "width" in data:  # one window's
            self.entries = {first_key: data}
        else:
            log.warning("Ignoring the saved window geometry in %s", path)

    def geometry(self, key: str) -> _Geometry:
        """The geometry saved for windows showing `key`, or an empty one."""
        with self.lock:
            data = self.entries.get(key)
        return _Geometry(data, f" of {key} in {self.path}")

    def save(self, slots: list[_WindowSlot]) -> None:
        """Keep these windows' geometry, and write the file."""
        with self.lock:
            for slot in slots:
                data = slot.geometry.data()
                if data is not None:
                    self.entries[slot.key] = data
            if self.path is None:
                return
            try:
                write_json_atomically(self.path, {"windows": dict(self.entries)})
            except OSError as error:
                log.warning(
                    "Could not save the window geometry to %s: %s", self.path, error
                )

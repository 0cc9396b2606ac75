"""rio-desktop: Rio's component model, in a native window or as a website.

import rio_desktop as rio
"""

from typing import TYPE_CHECKING, Any

from . import components as _components
from . import event
from .app import App
from .color import Color, ColorSet
from .component import Component
from .dialog import Dialog
from .files import FileInfo, FileUploadError, NoFileSelectedError
from .routing import ComponentPage, GuardEvent, Page, PageView, page
from .session import ClipboardError, Session, WebsiteOnlyError
from .theme import Palette, TextStyle, Theme
from .user_settings import UserSettings

if TYPE_CHECKING:
    from .components import *  # noqa: F403

URL = __import__("yarl").URL

__all__ = [
    "App",
    "ClipboardError",
    "Color",
    "ColorSet",
    "Component",
    "ComponentPage",
    "Dialog",
    "FileInfo",
    "FileUploadError",
    "GuardEvent",
    "NoFileSelectedError",
    "Page",
    "PageView",
    "Palette",
    "Session",
    "TextStyle",
    "Theme",
    "URL",
    "UserSettings",
    "WebsiteOnlyError",
    "event",
    "page",
    *_components.__all__,
]


def __getattr__(name: str) -> Any:
    # The built-in components load on first use: see components/__init__.py.
    if name in _components._MODULES:
        value = getattr(_components, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_components._MODULES})


__version__ = "0.1.0"

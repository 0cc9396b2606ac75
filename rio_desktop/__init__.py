"""rio-desktop: Rio's component model, in a native window or as a website.

import rio_desktop as rio
"""

from typing import TYPE_CHECKING, Any

from . import components as _components
from . import event
from .app import App
from .color import Color, ColorSet
from .component import KW_ONLY, Component, ComponentResizeEvent, EventHandler, field
from .cursor_style import CursorStyle
from .fills import (
    Fill,
    FrostedGlassFill,
    ImageFill,
    LinearGradientFill,
    RadialGradientFill,
    SolidFill,
)
from .font import Font
from .theme import Palette, TextStyle, Theme
from .user_settings import HttpOnly, UserSettings

if TYPE_CHECKING:
    from yarl import URL

    from ._single_instance import SecondInstanceEvent
    from .components import *  # noqa: F403
    from .dialog import Dialog
    from .errors import AssetError
    from .files import (
        FileInfo,
        FileUploadError,
        NoFileSelectedError,
        NoFolderSelectedError,
    )
    from .helpers import (
        ImageLike,
        escape_markdown,
        escape_markdown_code,
        i_know_what_im_doing,
    )
    from .menu import Menu, MenuItem, MenuSeparator, TrayIcon
    from .observables import Dataclass, Dict, List, Set
    from .routing import (
        ComponentPage,
        GuardEvent,
        NavigationFailed,
        Page,
        PageView,
        QueryParameter,
        Redirect,
        page,
    )
    from .session import ClipboardError, Session, WebsiteOnlyError, WindowOnlyError

#: Names loaded on first use, and their modules. What a session needs (asyncio,
#: yarl...) then loads after the window's process has been started, not before.
_LAZY = {
    "AssetError": ".errors",
    "ClipboardError": ".session",
    "Dataclass": ".observables",
    "Dict": ".observables",
    "ImageLike": ".helpers",
    "List": ".observables",
    "Menu": ".menu",
    "MenuItem": ".menu",
    "MenuSeparator": ".menu",
    "TrayIcon": ".menu",
    "NoFolderSelectedError": ".files",
    "Set": ".observables",
    "escape_markdown": ".helpers",
    "escape_markdown_code": ".helpers",
    "i_know_what_im_doing": ".helpers",
    "ComponentPage": ".routing",
    "Dialog": ".dialog",
    "FileInfo": ".files",
    "FileUploadError": ".files",
    "GuardEvent": ".routing",
    "NavigationFailed": ".routing",
    "QueryParameter": ".routing",
    "Redirect": ".routing",
    "SecondInstanceEvent": "._single_instance",
    "NoFileSelectedError": ".files",
    "Page": ".routing",
    "PageView": ".routing",
    "Session": ".session",
    "URL": "yarl",
    "WebsiteOnlyError": ".session",
    "WindowOnlyError": ".session",
    "page": ".routing",
}

__all__ = [
    "App",
    "AssetError",
    "Dataclass",
    "Dict",
    "ImageLike",
    "List",
    "Menu",
    "MenuItem",
    "MenuSeparator",
    "TrayIcon",
    "NoFolderSelectedError",
    "Set",
    "escape_markdown",
    "escape_markdown_code",
    "i_know_what_im_doing",
    "ClipboardError",
    "Color",
    "ColorSet",
    "Component",
    "ComponentPage",
    "ComponentResizeEvent",
    "EventHandler",
    "KW_ONLY",
    "field",
    "Dialog",
    "FileInfo",
    "FileUploadError",
    "GuardEvent",
    "NavigationFailed",
    "NoFileSelectedError",
    "Page",
    "PageView",
    "Palette",
    "QueryParameter",
    "Redirect",
    "CursorStyle",
    "Fill",
    "Font",
    "FrostedGlassFill",
    "ImageFill",
    "LinearGradientFill",
    "RadialGradientFill",
    "SecondInstanceEvent",
    "SolidFill",
    "Session",
    "TextStyle",
    "Theme",
    "URL",
    "UserSettings",
    "HttpOnly",
    "WebsiteOnlyError",
    "WindowOnlyError",
    "event",
    "page",
    *_components.__all__,
]


def __getattr__(name: str) -> Any:
    # The built-in components load on first use: see components/__init__.py.
    if name in _components._MODULES:
        value = getattr(_components, name)
    elif name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    elif name == "icons":  # rio.icons, a module as in Rio
        import importlib

        value = importlib.import_module(".icons", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_components._MODULES, *_LAZY})


__version__ = "0.1.0"

"""rio-desktop: Rio's component model, in a native window or as a website.

import rio_desktop as rio
"""

from . import event
from .app import App
from .color import Color, ColorSet
from .component import Component
from .components import *  # noqa: F403
from .components import __all__ as _components_all
from .dialog import Dialog
from .files import FileInfo, FileUploadError, NoFileSelectedError
from .routing import ComponentPage, GuardEvent, Page, PageView, page
from .session import ClipboardError, Session, WebsiteOnlyError
from .theme import Palette, TextStyle, Theme
from .user_settings import UserSettings

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
    *_components_all,
]

__version__ = "0.1.0"

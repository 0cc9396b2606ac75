"""The built-in components, one private module each.

A component's module is imported the first time its name is looked up
(`rio.Slider`, `from rio_desktop import Slider`): an app pays at start-up
only for the components it uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._banner import Banner
    from ._button import Button
    from ._calendar import Calendar
    from ._card import Card
    from ._checkbox import Checkbox, CheckboxChangeEvent
    from ._code_block import CodeBlock
    from ._color_picker import ColorChangeEvent, ColorPicker
    from ._container import Container
    from ._date_input import DateChangeEvent, DateConfirmEvent, DateInput
    from ._drawer import Drawer, DrawerOpenOrCloseEvent
    from ._dropdown import Dropdown, DropdownChangeEvent
    from ._error_placeholder import ErrorPlaceholder
    from ._file_picker_area import FilePickerArea, FilePickEvent, FilePressEvent
    from ._flow_container import FlowContainer
    from ._grid import Grid
    from ._html import Html, Website
    from ._icon import Icon
    from ._icon_button import IconButton
    from ._image import Image
    from ._key_event_listener import (
        HardwareKey,
        KeyDownEvent,
        KeyEventListener,
        KeyPressEvent,
        KeyUpEvent,
        NamedSoftwareKey,
        SoftwareKey,
    )
    from ._labeled_column import LabeledColumn
    from ._linear import Column, Row
    from ._link import Link
    from ._list_items import (
        CustomListItem,
        HeadingListItem,
        SeparatorListItem,
        SimpleListItem,
    )
    from ._list_view import ListView, ListViewSelectionChangeEvent
    from ._markdown import Markdown
    from ._media_player import MediaPlayer
    from ._mouse_event_listener import (
        DragEndEvent,
        DragMoveEvent,
        DragStartEvent,
        MouseButton,
        MouseDownEvent,
        MouseEnterEvent,
        MouseEventListener,
        MouseLeaveEvent,
        MouseMoveEvent,
        MouseUpEvent,
        PressEvent,
    )
    from ._multi_line_text_input import (
        MultiLineTextInput,
        MultiLineTextInputChangeEvent,
        MultiLineTextInputConfirmEvent,
        MultiLineTextInputFocusEvent,
    )
    from ._number_input import (
        NumberInput,
        NumberInputChangeEvent,
        NumberInputConfirmEvent,
        NumberInputFocusEvent,
    )
    from ._overlay import Overlay
    from ._pdf_viewer import PdfViewer
    from ._plot import Plot
    from ._pointer_event_listener import (
        PointerEvent,
        PointerEventListener,
        PointerMoveEvent,
    )
    from ._popup import Popup
    from ._progress_bar import ProgressBar
    from ._progress_circle import ProgressCircle
    from ._rectangle import Rectangle
    from ._revealer import Revealer, RevealerChangeEvent
    from ._scroll_container import ScrollContainer
    from ._scroll_target import ScrollTarget
    from ._separator import Separator
    from ._slider import Slider, SliderChangeEvent
    from ._slideshow import Slideshow
    from ._spacer import Spacer
    from ._stack import Stack
    from ._switch import Switch, SwitchChangeEvent
    from ._switcher import Switcher
    from ._switcher_bar import SwitcherBar, SwitcherBarChangeEvent, SwitcherBarItem
    from ._table import Table, TablePressEvent
    from ._tabs import TabItem, Tabs
    from ._text import Text
    from ._text_input import (
        TextInput,
        TextInputChangeEvent,
        TextInputConfirmEvent,
        TextInputFocusEvent,
    )
    from ._theme_context_switcher import ThemeContextSwitcher
    from ._tooltip import Tooltip
    from ._tree_view import (
        CustomTreeItem,
        SimpleTreeItem,
        TreeView,
        TreeViewSelectionChangeEvent,
    )
    from ._webview import Webview

#: Public name -> the private module that defines it.
_MODULES: dict[str, str] = {
    "Html": "_html",
    "MediaPlayer": "_media_player",
    "PdfViewer": "_pdf_viewer",
    "Webview": "_webview",
    "Website": "_html",
    "Banner": "_banner",
    "Button": "_button",
    "Calendar": "_calendar",
    "Card": "_card",
    "Checkbox": "_checkbox",
    "CheckboxChangeEvent": "_checkbox",
    "CodeBlock": "_code_block",
    "ColorChangeEvent": "_color_picker",
    "ColorPicker": "_color_picker",
    "FilePickEvent": "_file_picker_area",
    "FilePickerArea": "_file_picker_area",
    "FilePressEvent": "_file_picker_area",
    "Column": "_linear",
    "Container": "_container",
    "DateChangeEvent": "_date_input",
    "DateConfirmEvent": "_date_input",
    "DateInput": "_date_input",
    "Drawer": "_drawer",
    "DrawerOpenOrCloseEvent": "_drawer",
    "Dropdown": "_dropdown",
    "DropdownChangeEvent": "_dropdown",
    "ErrorPlaceholder": "_error_placeholder",
    "FlowContainer": "_flow_container",
    "Grid": "_grid",
    "Icon": "_icon",
    "IconButton": "_icon_button",
    "Image": "_image",
    "HardwareKey": "_key_event_listener",
    "KeyDownEvent": "_key_event_listener",
    "KeyEventListener": "_key_event_listener",
    "KeyPressEvent": "_key_event_listener",
    "KeyUpEvent": "_key_event_listener",
    "NamedSoftwareKey": "_key_event_listener",
    "SoftwareKey": "_key_event_listener",
    "LabeledColumn": "_labeled_column",
    "Link": "_link",
    "ListView": "_list_view",
    "ListViewSelectionChangeEvent": "_list_view",
    "CustomListItem": "_list_items",
    "HeadingListItem": "_list_items",
    "SeparatorListItem": "_list_items",
    "Markdown": "_markdown",
    "MultiLineTextInput": "_multi_line_text_input",
    "MultiLineTextInputChangeEvent": "_multi_line_text_input",
    "MultiLineTextInputConfirmEvent": "_multi_line_text_input",
    "MultiLineTextInputFocusEvent": "_multi_line_text_input",
    "NumberInput": "_number_input",
    "NumberInputChangeEvent": "_number_input",
    "NumberInputConfirmEvent": "_number_input",
    "NumberInputFocusEvent": "_number_input",
    "DragEndEvent": "_mouse_event_listener",
    "DragMoveEvent": "_mouse_event_listener",
    "DragStartEvent": "_mouse_event_listener",
    "MouseButton": "_mouse_event_listener",
    "MouseDownEvent": "_mouse_event_listener",
    "MouseEnterEvent": "_mouse_event_listener",
    "MouseEventListener": "_mouse_event_listener",
    "MouseLeaveEvent": "_mouse_event_listener",
    "MouseMoveEvent": "_mouse_event_listener",
    "MouseUpEvent": "_mouse_event_listener",
    "PressEvent": "_mouse_event_listener",
    "Overlay": "_overlay",
    "PointerEvent": "_pointer_event_listener",
    "PointerEventListener": "_pointer_event_listener",
    "PointerMoveEvent": "_pointer_event_listener",
    "Plot": "_plot",
    "Popup": "_popup",
    "ProgressBar": "_progress_bar",
    "ProgressCircle": "_progress_circle",
    "Rectangle": "_rectangle",
    "Revealer": "_revealer",
    "RevealerChangeEvent": "_revealer",
    "Row": "_linear",
    "ScrollContainer": "_scroll_container",
    "ScrollTarget": "_scroll_target",
    "Separator": "_separator",
    "SimpleListItem": "_list_items",
    "Slider": "_slider",
    "SliderChangeEvent": "_slider",
    "Slideshow": "_slideshow",
    "Spacer": "_spacer",
    "Stack": "_stack",
    "Switch": "_switch",
    "SwitchChangeEvent": "_switch",
    "Switcher": "_switcher",
    "SwitcherBar": "_switcher_bar",
    "SwitcherBarChangeEvent": "_switcher_bar",
    "SwitcherBarItem": "_switcher_bar",
    "TabItem": "_tabs",
    "Table": "_table",
    "TablePressEvent": "_table",
    "Tabs": "_tabs",
    "Text": "_text",
    "TextInput": "_text_input",
    "TextInputChangeEvent": "_text_input",
    "TextInputConfirmEvent": "_text_input",
    "TextInputFocusEvent": "_text_input",
    "ThemeContextSwitcher": "_theme_context_switcher",
    "Tooltip": "_tooltip",
    "CustomTreeItem": "_tree_view",
    "SimpleTreeItem": "_tree_view",
    "TreeView": "_tree_view",
    "TreeViewSelectionChangeEvent": "_tree_view",
}

__all__ = ["Button", "Card", "Column", "ErrorPlaceholder", "Row", "Text"]

# Inputs, their event classes and the event listeners.
__all__ += [
    "Calendar",
    "Checkbox",
    "CheckboxChangeEvent",
    "ColorChangeEvent",
    "ColorPicker",
    "FilePickEvent",
    "FilePickerArea",
    "FilePressEvent",
    "DateChangeEvent",
    "DateConfirmEvent",
    "DateInput",
    "Dropdown",
    "DropdownChangeEvent",
    "HardwareKey",
    "IconButton",
    "KeyDownEvent",
    "KeyEventListener",
    "KeyPressEvent",
    "KeyUpEvent",
    "NamedSoftwareKey",
    "SoftwareKey",
    "MultiLineTextInput",
    "MultiLineTextInputChangeEvent",
    "MultiLineTextInputConfirmEvent",
    "MultiLineTextInputFocusEvent",
    "NumberInput",
    "NumberInputChangeEvent",
    "NumberInputConfirmEvent",
    "NumberInputFocusEvent",
    "PointerEvent",
    "PointerEventListener",
    "PointerMoveEvent",
    "DragEndEvent",
    "DragMoveEvent",
    "DragStartEvent",
    "MouseButton",
    "MouseDownEvent",
    "MouseEnterEvent",
    "MouseEventListener",  # deprecated, as in Rio
    "MouseLeaveEvent",
    "MouseMoveEvent",
    "MouseUpEvent",
    "PressEvent",
    "Slider",
    "SliderChangeEvent",
    "Switch",
    "SwitchChangeEvent",
    "SwitcherBar",
    "SwitcherBarChangeEvent",
    "SwitcherBarItem",
    "TabItem",
    "Tabs",
    "TextInput",
    "TextInputChangeEvent",
    "TextInputConfirmEvent",
    "TextInputFocusEvent",
]

# Media and embedded content (Html and Website: deprecated, as in Rio).
__all__ += ["Html", "MediaPlayer", "PdfViewer", "Webview", "Website"]

# Layout and content components.
__all__ += [
    "Banner",
    "CodeBlock",
    "Container",
    "Drawer",
    "DrawerOpenOrCloseEvent",
    "FlowContainer",
    "Grid",
    "Icon",
    "Image",
    "LabeledColumn",
    "Link",
    "CustomListItem",
    "HeadingListItem",
    "ListView",
    "ListViewSelectionChangeEvent",
    "Markdown",
    "Overlay",
    "Plot",
    "Popup",
    "ProgressBar",
    "ProgressCircle",
    "Rectangle",
    "Revealer",
    "RevealerChangeEvent",
    "ScrollContainer",
    "ScrollTarget",
    "Separator",
    "SeparatorListItem",
    "SimpleListItem",
    "Slideshow",
    "Spacer",
    "Stack",
    "Switcher",
    "Table",
    "TablePressEvent",
    "ThemeContextSwitcher",
    "Tooltip",
    "CustomTreeItem",
    "SimpleTreeItem",
    "TreeView",
    "TreeViewSelectionChangeEvent",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})

"""The built-in components, one private module each."""

from ._button import Button
from ._card import Card
from ._checkbox import Checkbox, CheckboxChangeEvent
from ._code_block import CodeBlock
from ._container import Container
from ._date_input import DateChangeEvent, DateInput
from ._dropdown import Dropdown, DropdownChangeEvent
from ._error_placeholder import ErrorPlaceholder
from ._flow_container import FlowContainer
from ._grid import Grid
from ._icon import Icon
from ._icon_button import IconButton
from ._image import Image
from ._key_event_listener import (
    KeyDownEvent,
    KeyEventListener,
    KeyPressEvent,
    KeyUpEvent,
)
from ._linear import Column, Row
from ._link import Link
from ._list_view import ListView, SimpleListItem
from ._markdown import Markdown
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
from ._separator import Separator
from ._slider import Slider, SliderChangeEvent
from ._spacer import Spacer
from ._stack import Stack
from ._switch import Switch, SwitchChangeEvent
from ._switcher import Switcher
from ._switcher_bar import SwitcherBar, SwitcherBarChangeEvent
from ._table import Table
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

__all__ = ["Button", "Card", "Column", "ErrorPlaceholder", "Row", "Text"]

# Inputs, their event classes and the event listeners.
__all__ += [
    "Checkbox",
    "CheckboxChangeEvent",
    "DateChangeEvent",
    "DateInput",
    "Dropdown",
    "DropdownChangeEvent",
    "IconButton",
    "KeyDownEvent",
    "KeyEventListener",
    "KeyPressEvent",
    "KeyUpEvent",
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
    "Slider",
    "SliderChangeEvent",
    "Switch",
    "SwitchChangeEvent",
    "SwitcherBar",
    "SwitcherBarChangeEvent",
    "TabItem",
    "Tabs",
    "TextInput",
    "TextInputChangeEvent",
    "TextInputConfirmEvent",
    "TextInputFocusEvent",
]

# Layout and content components.
__all__ += [
    "CodeBlock",
    "Container",
    "FlowContainer",
    "Grid",
    "Icon",
    "Image",
    "Link",
    "ListView",
    "Markdown",
    "Overlay",
    "Popup",
    "ProgressBar",
    "ProgressCircle",
    "Rectangle",
    "Revealer",
    "RevealerChangeEvent",
    "ScrollContainer",
    "Separator",
    "SimpleListItem",
    "Spacer",
    "Stack",
    "Switcher",
    "Table",
    "ThemeContextSwitcher",
    "Tooltip",
]

"""The built-in components, one private module each."""

from ._button import Button
from ._card import Card
from ._checkbox import Checkbox, CheckboxChangeEvent
from ._date_input import DateChangeEvent, DateInput
from ._dropdown import Dropdown, DropdownChangeEvent
from ._error_placeholder import ErrorPlaceholder
from ._icon_button import IconButton
from ._key_event_listener import (
    KeyDownEvent,
    KeyEventListener,
    KeyPressEvent,
    KeyUpEvent,
)
from ._linear import Column, Row
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
from ._pointer_event_listener import (
    PointerEvent,
    PointerEventListener,
    PointerMoveEvent,
)
from ._slider import Slider, SliderChangeEvent
from ._switch import Switch, SwitchChangeEvent
from ._switcher_bar import SwitcherBar, SwitcherBarChangeEvent
from ._tabs import TabItem, Tabs
from ._text import Text
from ._text_input import (
    TextInput,
    TextInputChangeEvent,
    TextInputConfirmEvent,
    TextInputFocusEvent,
)

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

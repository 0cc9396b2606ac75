"""The built-in components, one private module each."""

from ._button import Button
from ._card import Card
from ._dropdown import Dropdown, DropdownChangeEvent
from ._error_placeholder import ErrorPlaceholder
from ._linear import Column, Row
from ._text import Text

__all__ = ["Button", "Card", "Column", "ErrorPlaceholder", "Row", "Text"]

# Inputs, their event classes and the event listeners.
__all__ += ["Dropdown", "DropdownChangeEvent"]

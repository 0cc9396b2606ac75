from __future__ import annotations

from typing import Any

from ..component import KW_ONLY, FundamentalComponent
from ._color_field import ColorFieldsMixin

__all__ = ["Separator"]


class Separator(ColorFieldsMixin, FundamentalComponent):
    """A thin line between content: horizontal in a Column, vertical in a Row.

    Args:
        color: The line's colour; None uses a faint version of the text colour.

    Example:
        ```python
        rio.Column(rio.Text("Above"), rio.Separator(), rio.Text("Below"))
        ```
    """

    _fundamental_type = "Separator"
    _color_fields = ("color",)

    _: KW_ONLY
    color: Any = None

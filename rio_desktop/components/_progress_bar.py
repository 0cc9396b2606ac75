from __future__ import annotations

from typing import Any

from ..component import KW_ONLY, FundamentalComponent
from ._color_field import ColorFieldsMixin

__all__ = ["ProgressBar"]


class ProgressBar(ColorFieldsMixin, FundamentalComponent):
    """A horizontal bar that fills as work progresses.

    Args:
        progress: 0 to 1, or None for "busy, amount unknown" (animated).
        color: A colour set name or a `rio.Color`; "keep" uses primary.
        rounded: Round the bar's ends.

    Example:
        ```python
        rio.ProgressBar(self.done / self.total, min_width=10)
        ```
    """

    _fundamental_type = "ProgressBar"
    _color_fields = ("color",)

    progress: float | None = None
    _: KW_ONLY
    color: Any = "keep"
    rounded: bool = True

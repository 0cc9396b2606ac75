from __future__ import annotations

from typing import Any

from ..component import FundamentalComponent
from ._color_field import ColorFieldsMixin

__all__ = ["ProgressCircle"]


class ProgressCircle(ColorFieldsMixin, FundamentalComponent):
    """A ring that fills as work progresses, or spins while busy.

    Its size is its min_width / min_height (default 2 font-heights).

    Args:
        progress: 0 to 1, or None for "busy, amount unknown" (spinning).
        color: A colour set name or a `rio.Color`; "keep" uses primary.

    Example:
        ```python
        rio.ProgressCircle(None, min_width=3, min_height=3)
        ```
    """

    _fundamental_type = "ProgressCircle"
    _color_fields = ("color",)

    progress: float | None = None
    color: Any = "keep"

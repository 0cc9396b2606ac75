from __future__ import annotations

from typing import Any

from ..component import KW_ONLY, FundamentalComponent
from ._color_field import ColorFieldsMixin

__all__ = ["ProgressCircle"]


class ProgressCircle(ColorFieldsMixin, FundamentalComponent):
    """A ring that fills as work progresses, or spins while busy.

    Its size is `min_size` font-heights (3.5), or more if it gets more room.

    Args:
        progress: 0 to 1, or None for "busy, amount unknown" (spinning).
        color: A colour set name or a `rio.Color`; "keep" uses primary.
        min_size: The circle's diameter, in font-heights.

    Example:
        ```python
        rio.ProgressCircle(None, min_size=3)
        ```
    """

    _fundamental_type = "ProgressCircle"
    _color_fields = ("color",)

    progress: float | None = None
    _: KW_ONLY
    color: Any = "keep"
    min_size: float = 3.5

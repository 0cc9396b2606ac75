from __future__ import annotations

from ..component import Component, FundamentalComponent

__all__ = ["Overlay"]


class Overlay(FundamentalComponent):
    """Shows its content above everything else, covering the whole window.

    Args:
        content: The component to show; place it with align_x / align_y.

    Example:
        ```python
        rio.Overlay(rio.Text("Saved!", align_x=0.5, align_y=0.05))
        ```
    """

    _fundamental_type = "Overlay"
    _child_fields = ("content",)

    content: Component | None = None

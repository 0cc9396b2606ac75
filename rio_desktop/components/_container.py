from __future__ import annotations

from ..component import Component, FundamentalComponent

__all__ = ["Container"]


class Container(FundamentalComponent):
    """Holds one component; gives it extra margins, alignment or size.

    Args:
        content: The component inside.

    Example:
        ```python
        rio.Container(rio.Text("Indented"), margin_left=2)
        ```
    """

    _fundamental_type = "Container"
    _child_fields = ("content",)

    content: Component | None = None

from __future__ import annotations

import dataclasses
from typing import Any, Literal

from ..component import Component, FundamentalComponent

__all__ = ["FlowContainer"]


class FlowContainer(FundamentalComponent):
    """Places children left to right and wraps them into new lines as needed.

    Args:
        *children: The components to show.
        spacing: Both spacings at once, in font-heights (0 when not given).
        row_spacing: Space between lines; None: `spacing`.
        column_spacing: Space between children in a line; None: `spacing`.
        justify: Where the children of a line go: "left", "center", "right",
            "justify" (spread out) or "grow" (children grow to fill).

    Example:
        ```python
        rio.FlowContainer(*[rio.Text(tag) for tag in tags], column_spacing=1)
        ```
    """

    _fundamental_type = "FlowContainer"
    _child_fields = ("children",)
    _positional_fields = ()

    children: list[Component] = dataclasses.field(default_factory=list)
    spacing: float | None = None
    row_spacing: float | None = None
    column_spacing: float | None = None
    justify: Literal["left", "center", "right", "justify", "grow"] = "left"

    def __init__(self, *children: Component, **kwargs: Any) -> None:
        if children:
            kwargs["children"] = list(children)
        super().__init__(**kwargs)

    def add(self, child: Component) -> FlowContainer:
        """Append a child (for building one in a loop); returns self."""
        self.children.append(child)
        self.mark_mutated("children")
        return self

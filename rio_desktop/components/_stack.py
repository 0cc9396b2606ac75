from __future__ import annotations

import dataclasses
from typing import Any

from ..component import Component, FundamentalComponent

__all__ = ["Stack"]


class Stack(FundamentalComponent):
    """Draws its children on top of each other; later ones are in front.

    Every child gets the whole area of the stack; use align to place them.

    Args:
        *children: The components, back to front.

    Example:
        ```python
        rio.Stack(rio.Rectangle(fill=rio.Color.BLUE), rio.Text("On top", align_x=0.5))
        ```
    """

    _fundamental_type = "Stack"
    _child_fields = ("children",)
    _positional_fields = ()

    children: list[Component] = dataclasses.field(default_factory=list)

    def __init__(self, *children: Component, **kwargs: Any) -> None:
        if children:
            kwargs["children"] = list(children)
        super().__init__(**kwargs)

    def add(self, child: Component) -> Stack:
        """Append a child (for building one in a loop); returns self."""
        self.children.append(child)
        self.mark_mutated("children")
        return self

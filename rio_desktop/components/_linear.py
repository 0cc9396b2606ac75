from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Literal

from ..component import Component, FundamentalComponent

__all__ = ["Column", "Row"]


class _Linear(FundamentalComponent):
    _child_fields = ("children",)

    children: list[Component] = dataclasses.field(default_factory=list)
    spacing: float = 0
    proportions: Literal["homogeneous"] | list[float] | None = None

    def __init__(self, *children: Component, **kwargs: Any) -> None:
        if children:
            if "children" in kwargs:
                raise TypeError(
                    f"{type(self).__name__}() got children both positionally and"
                    " as children=; pass them one way"
                )
            kwargs["children"] = list(children)
        for child in kwargs.get("children", ()):
            if not isinstance(child, Component):
                raise TypeError(
                    f"{type(self).__name__}() children must be components, got"
                    f" {type(child).__name__}: wrap text in rio.Text(...)"
                )
        super().__init__(**kwargs)

    def add(self, child: Component) -> _Linear:
        """Append a child (for building a list in a loop); returns self."""
        self.children.append(child)
        self.mark_mutated("children")
        return self


class Column(_Linear):
    """Stacks its children top to bottom.

    Args:
        *children: The components to show.
        spacing: Space between children, in font-heights.
        proportions: "homogeneous" for equal heights, or a list of relative
            heights, one per child.

    Example:
        ```python
        rio.Column(rio.Text("One"), rio.Text("Two"), spacing=1)
        ```
    """

    _fundamental_type = "Column"

    if TYPE_CHECKING:
        # _Linear's __init__ (children positionally): type checkers would
        # otherwise give each subclass a constructor made from its fields.
        def __init__(self, *children: Component, **kwargs: Any) -> None: ...


class Row(_Linear):
    """Places its children left to right.

    Args:
        *children: The components to show.
        spacing: Space between children, in font-heights.
        proportions: "homogeneous" for equal widths, or a list of relative
            widths, one per child.

    Example:
        ```python
        rio.Row(rio.Text("Name"), rio.TextInput(grow_x=True), spacing=1)
        ```
    """

    _fundamental_type = "Row"

    if TYPE_CHECKING:
        # _Linear's __init__ (children positionally): type checkers would
        # otherwise give each subclass a constructor made from its fields.
        def __init__(self, *children: Component, **kwargs: Any) -> None: ...

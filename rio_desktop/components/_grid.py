from __future__ import annotations

import dataclasses
from typing import Any

from ..component import Component, FundamentalComponent

__all__ = ["Grid"]


class Grid(FundamentalComponent):
    """Places children in rows and columns; a child may span several cells.

    Pass rows as lists, or start empty and call `add()`. Columns and rows
    share the space evenly.

    Args:
        *rows: Lists of components, one list per row.
        row_spacing: Space between rows, in font-heights.
        column_spacing: Space between columns, in font-heights.

    Example:
        ```python
        grid = rio.Grid([rio.Text("a"), rio.Text("b")], row_spacing=1)
        grid.add(rio.Text("wide"), row=1, column=0, width=2)
        ```
    """

    _fundamental_type = "Grid"
    _child_fields = ("children",)
    _positional_fields = ()

    children: list[Component] = dataclasses.field(default_factory=list)
    #: One [row, column, width, height] per child.
    positions: list[list[int]] = dataclasses.field(default_factory=list)
    row_spacing: float = 0
    column_spacing: float = 0

    def __init__(
        self, *rows: list[Component] | tuple[Component, ...], **kwargs: Any
    ) -> None:
        children: list[Component] = list(kwargs.pop("children", []))
        positions: list[list[int]] = list(kwargs.pop("positions", []))
        for row_index, row in enumerate(rows):
            if isinstance(row, Component) or not isinstance(row, (list, tuple)):
                raise TypeError(
                    "Grid() takes rows as lists of components: rio.Grid([a, b], [c, d])"
                )
            for column_index, child in enumerate(row):
                children.append(child)
                positions.append([row_index, column_index, 1, 1])
        super().__init__(children=children, positions=positions, **kwargs)

    def add(
        self,
        child: Component,
        row: int,
        column: int,
        *,
        width: int = 1,
        height: int = 1,
    ) -> Grid:
        """Put `child` at (row, column), spanning width x height cells; returns self."""
        if width < 1 or height < 1:
            raise ValueError("Grid.add(): width and height must be at least 1")
        self.children.append(child)
        self.positions.append([row, column, width, height])
        self.mark_mutated("children")
        self.mark_mutated("positions")
        return self

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from typing import Any

from ..component import Component, FundamentalComponent

__all__ = ["Grid"]


class Grid(FundamentalComponent):
    """Places children in rows and columns; a child may span several cells.

    Pass rows as lists, or start empty and call `add()`. A row with fewer
    children than the widest one stretches them: in `Grid([a, b], [c])`, `c`
    spans both columns. Each column is as wide as its widest child; space
    left over goes to the columns with a `grow_x` child, or to all columns
    alike when none has one (rows likewise, with `grow_y`).

    Args:
        *rows: One list (or other iterable) of components per row; a single
            component is a row of its own. Empty rows are left out.
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

    def __init__(self, *rows: Component | Iterable[Component], **kwargs: Any) -> None:
        children: list[Component] = list(kwargs.pop("children", []))
        positions: list[list[int]] = list(kwargs.pop("positions", []))
        row_lists = [_row_list(row) for row in rows]
        row_lists = [row for row in row_lists if row]
        columns = math.lcm(*map(len, row_lists)) if row_lists else 1
        for row_index, row in enumerate(row_lists):
            span = columns // len(row)
            for column_index, child in enumerate(row):
                children.append(child)
                positions.append([row_index, column_index * span, span, 1])
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


def _row_list(row: Component | Iterable[Component]) -> list[Component]:
    if isinstance(row, Component):
        return [row]
    if isinstance(row, (str, bytes)) or not isinstance(row, Iterable):
        raise TypeError(
            "Grid() takes rows as lists of components: rio.Grid([a, b], [c, d]);"
            f" got {type(row).__name__}"
        )
    children = list(row)
    for child in children:
        if not isinstance(child, Component):
            raise TypeError(f"a Grid row holds components, not {type(child).__name__}")
    return children

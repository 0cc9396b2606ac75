from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from ..component import KW_ONLY, FundamentalComponent, serialize_value

__all__ = ["Table", "TablePressEvent"]

_Index = int | slice | str


@dataclasses.dataclass(frozen=True)
class TablePressEvent:
    """The user pressed a cell of a `Table`.

    Attributes:
        row: The row's index (from 0, row numbers aside), or "header".
        column: The column's index (from 0, the row numbers aside).
        column_name: The column's header, if the table has headers.
    """

    row: int | Literal["header"]
    column: int
    column_name: str | None


@dataclasses.dataclass(eq=True)
class TableSelection:
    """A rectangle of a `Table`'s cells, from `table[rows, columns]`.

    `top` is a data row's index (from 0) or "header"; `left` a data column's.
    """

    _table: Any = dataclasses.field(repr=False, compare=False)
    left: int
    top: int | Literal["header"]
    width: int
    height: int
    font_color: Any = None
    background_color: Any = None
    italic: bool | None = None
    font_weight: Literal["normal", "bold"] | None = None
    justify: Literal["left", "center", "right"] | None = None

    def style(
        self,
        *,
        font_color: Any = None,
        background_color: Any = None,
        italic: bool | None = None,
        font_weight: Literal["normal", "bold"] | None = None,
        justify: Literal["left", "center", "right"] | None = None,
    ) -> Table:
        """Style these cells; None leaves a property as it was. Returns the
        table, so more selections can follow.

        Args:
            font_color: The text's `rio.Color`.
            background_color: The cells' `rio.Color`.
            italic: Italic text (or not).
            font_weight: "normal" or "bold".
            justify: "left", "center" or "right".
        """
        given = {
            "font_color": font_color,
            "background_color": background_color,
            "italic": italic,
            "font_weight": font_weight,
            "justify": justify,
        }
        for name, value in given.items():
            if value is not None:
                setattr(self, name, value)
        # A table already on the page (styled in an event handler) updates.
        self._table._field_changed("_styling")
        return self._table

    def _to_page(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "left": self.left,
            "top": self.top,
            "width": self.width,
            "height": self.height,
        }
        for name in ("font_color", "background_color", "italic", "font_weight"):
            value = getattr(self, name)
            if value is not None:
                out[name] = serialize_value(value)
        if self.justify is not None:
            out["justify"] = self.justify
        return out


def _start_and_extent(
    index: _Index, size: int, column_names: list[str] | None, axis: str
) -> tuple[int | Literal["header"], int]:
    """One axis of a table index as (start, extent), as Rio reads it."""
    if isinstance(index, str):
        if axis == "rows":
            if index == "header":
                return "header", 1
        else:
            if column_names is None:
                raise ValueError(
                    f"Table[..., {index!r}]: this table has no column names"
                    " (its data has no headers); index columns by number"
                )
            if index not in column_names:
                raise KeyError(f"Table has no column named {index!r}")
            return column_names.index(index), 1
    if isinstance(index, bool) or not isinstance(index, (int, slice)):
        raise ValueError(
            f"Table indices are ints, slices or column names, not {index!r}"
        )
    if isinstance(index, int):
        # -1 is the last row (Rio 0.12.3 makes it an empty selection).
        start = index + size if index < 0 else index
        if start < 0:
            raise IndexError(f"Table index {index} is out of range for {size}")
        return start, 1
    for bound in (index.start, index.stop):
        if bound is not None and (
            isinstance(bound, bool) or not isinstance(bound, int)
        ):
            raise ValueError(f"Table slices take ints, not {index!r}")
    start = 0 if index.start is None else index.start
    stop = size if index.stop is None else index.stop
    # Negative numbers count from the end.
    for value in (start, stop):
        if value < 0 and value + size < 0:
            raise IndexError(f"Table index {value} is out of range for {size}")
    start = start + size if start < 0 else start
    stop = stop + size if stop < 0 else stop
    return start, stop - start


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        try:
            return _cell(item())
        except (TypeError, ValueError):
            pass
    return str(value)


def table_data(data: Any) -> dict[str, Any]:
    """Normalize what `Table` accepts to {"columns": [...], "rows": [[...]]}."""
    module = type(data).__module__.split(".", 1)[0]
    if module == "pandas" and hasattr(data, "to_dict"):
        columns = [str(c) for c in data.columns]
        rows = [[_cell(v) for v in row] for row in data.itertuples(index=False)]
        return {"columns": columns, "rows": rows}
    if module == "polars" and hasattr(data, "iter_rows"):
        columns = [str(c) for c in data.columns]
        rows = [[_cell(v) for v in row] for row in data.iter_rows()]
        return {"columns": columns, "rows": rows}
    if isinstance(data, Mapping):
        columns = [str(c) for c in data]
        values = [list(v) for v in data.values()]
        lengths = {len(v) for v in values}
        if len(lengths) > 1:
            raise ValueError(
                "rio.Table: every column of the dict needs the same number of"
                f" values, got lengths {sorted(lengths)}"
            )
        count = lengths.pop() if lengths else 0
        rows = [[_cell(column[i]) for column in values] for i in range(count)]
        return {"columns": columns, "rows": rows}
    if isinstance(data, Iterable) and not isinstance(data, (str, bytes)):
        items = list(data)
        if items and all(isinstance(row, Mapping) for row in items):
            columns = list(dict.fromkeys(str(k) for row in items for k in row))
            rows = [[_cell(row.get(c)) for c in columns] for row in items]
            return {"columns": columns, "rows": rows}
        rows = [[_cell(v) for v in row] for row in items]
        width = max((len(r) for r in rows), default=0)
        return {"columns": None, "rows": [r + [None] * (width - len(r)) for r in rows]}
    raise TypeError(
        "rio.Table takes a dict of columns, a list of rows (lists or dicts), or"
        f" a pandas / polars DataFrame; got {type(data).__name__}"
    )


class Table(FundamentalComponent):
    """Shows data in rows and columns.

    Works with a dict of columns, a list of rows (lists, or dicts keyed by
    column), or a pandas or polars DataFrame (neither is required).

    Args:
        data: The table's data.
        show_row_numbers: Show a first column with row numbers.
        scroll_x, scroll_y: "never" (the table is as large as its data),
            "auto" (scroll bars when it does not fit) or "always".
        on_press: Called with a `TablePressEvent` when the user presses a
            cell (or a header).

    Cells are styled by indexing the table as in numpy, rows first:
    `table[rows, columns].style(...)` with ints, slices, "header" (the
    header row) and column names; the styles apply in order.

    Example:
        ```python
        table = rio.Table({"Name": ["Ada", "Linus"], "Born": [1815, 1969]})
        table["header", :].style(font_color=rio.Color.from_hex("#c00000"))
        table[:, "Born"].style(font_weight="bold", justify="right")
        ```
    """

    _fundamental_type = "Table"

    data: Any
    _: KW_ONLY
    show_row_numbers: bool = True
    scroll_x: Literal["never", "auto", "always"] = "never"
    scroll_y: Literal["never", "auto", "always"] = "never"
    on_press: Any = None
    # What `table[rows, columns].style(...)` asked for, in order.
    _styling: Any = dataclasses.field(default=None, init=False)

    def __post_init__(self) -> None:
        table_data(self.data)

    def _shape(self) -> tuple[list[str] | None, int, int]:
        """Column names, rows, columns (kept while `data` is the same object:
        styling row by row reads the data once)."""
        cached = self.__dict__.get("_shape_of")
        if cached is None or cached[0] is not self.data:
            data = table_data(self.data)
            names, rows = data["columns"], data["rows"]
            width = len(names) if names else max(map(len, rows), default=0)
            cached = (self.data, names, len(rows), width)
            self.__dict__["_shape_of"] = cached
        return cached[1], cached[2], cached[3]

    def __getitem__(self, index: str | tuple[_Index, _Index]) -> TableSelection:
        """Select cells to style, like a numpy array: `table[1:3, "Age"]`.

        Rows are data rows (from 0; negative counts from the end; "header"
        is the header row); columns are numbers or column names. A column
        name alone selects that column's data rows. Call `.style(...)` on the
        result.

        Raises:
            IndexError: The selection reaches outside the table.
            KeyError: No column has that name.
            ValueError: The index is neither of the above.
        """
        names, height, width = self._shape()
        rows: _Index
        columns: _Index
        if isinstance(index, str):
            rows, columns = slice(None), index
        elif isinstance(index, tuple) and len(index) == 2:
            rows, columns = index
        else:
            raise ValueError(
                f"Table[{index!r}]: index with [rows, columns] or a column name"
            )
        top, rows_extent = _start_and_extent(rows, height, names, "rows")
        left, columns_extent = _start_and_extent(columns, width, names, "columns")
        assert isinstance(left, int)
        outside = not (0 <= left < width and 0 <= left + columns_extent <= width)
        if top != "header":
            outside = outside or not (
                0 <= top < height and 0 <= top + rows_extent <= height
            )
        if outside:
            raise IndexError(
                f"Table[{index!r}] is outside the table's {height} rows and"
                f" {width} columns"
            )
        selection = TableSelection(self, left, top, columns_extent, rows_extent)
        self.set_quietly("_styling", [*(self._raw("_styling") or ()), selection])
        # Passed by the builder, like a constructor argument: the live table
        # takes it over when the build is reconciled.
        self._explicit = self._explicit | {"_styling"}
        return selection

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "press":
            return super()._on_page_event(name, payload)
        data = table_data(self.data)
        columns = data["columns"]
        width = len(columns) if columns else max(map(len, data["rows"]), default=0)
        row: Any = payload.get("row") if isinstance(payload, dict) else None
        column = payload.get("column") if isinstance(payload, dict) else None
        valid_row = row == "header" or (
            type(row) is int and 0 <= row < len(data["rows"])
        )
        if not valid_row or type(column) is not int or not 0 <= column < width:
            return None  # the page was out of date
        name_ = str(columns[column]) if columns else None
        return self._call(self.on_press, TablePressEvent(row, column, name_))

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "data":
            return table_data(value)
        if name == "_styling":
            return [selection._to_page() for selection in value or ()]
        return super()._serialize_field(name, value)

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from ..component import KW_ONLY, FundamentalComponent

__all__ = ["Table", "TablePressEvent"]


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

    Example:
        ```python
        rio.Table({"Name": ["Ada", "Linus"], "Born": [1815, 1969]})
        ```
    """

    _fundamental_type = "Table"

    data: Any
    _: KW_ONLY
    show_row_numbers: bool = True
    scroll_x: Literal["never", "auto", "always"] = "never"
    scroll_y: Literal["never", "auto", "always"] = "never"
    on_press: Any = None

    def __post_init__(self) -> None:
        table_data(self.data)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "press":
            return super()._on_page_event(name, payload)
        data = table_data(self.data)
        columns = data["columns"]
        width = len(columns) if columns else max(map(len, data["rows"]), default=0)
        row = payload.get("row") if isinstance(payload, dict) else None
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
        return super()._serialize_field(name, value)

"""The benchmark app for Rio; rio_desktop_app.py runs this same file.

Usage: python rio_app.py PORT
"""

from __future__ import annotations

import dataclasses
import sys

import rio

ROW_COUNTS = (1000, 5000)
CHANGED_ROW = 2500


class Counter(rio.Component):
    count: int = 0

    def _increment(self) -> None:
        self.count += 1

    def build(self) -> rio.Component:
        return rio.Row(
            rio.Text(f"Count: {self.count}"),
            rio.Button("Increment", on_press=self._increment),
            spacing=1,
        )


class RowList(rio.Component):
    rows: list[str] = dataclasses.field(default_factory=list)
    changes: int = 0

    def _show(self, count: int) -> None:
        self.rows = [f"Row {i}" for i in range(count)]

    def _change_one(self) -> None:
        self.changes += 1
        rows = list(self.rows)
        rows[CHANGED_ROW] = f"Changed {self.changes}"
        self.rows = rows

    def build(self) -> rio.Component:
        buttons = [
            rio.Button(f"Rows {n}", on_press=lambda n=n: self._show(n))
            for n in ROW_COUNTS
        ]
        buttons.append(rio.Button("Change one", on_press=self._change_one))
        return rio.Column(
            rio.Row(*buttons, spacing=1),
            rio.Column(*[rio.Text(row) for row in self.rows]),
            spacing=1,
        )


class Bench(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Bench ready"),
            Counter(),
            RowList(),
            spacing=1,
            margin=1,
        )


app = rio.App(build=Bench, name="Bench")

if __name__ == "__main__":
    app.run_as_web_server(host="127.0.0.1", port=int(sys.argv[1]))

"""The benchmark app for NiceGUI, written the way NiceGUI is usually used.

Usage: python nicegui_app.py PORT
"""

from __future__ import annotations

import sys

from nicegui import ui

ROW_COUNTS = (1000, 5000)
CHANGED_ROW = 2500


@ui.page("/")
def index() -> None:
    state = {"count": 0, "changes": 0}
    labels: list[ui.label] = []

    def increment() -> None:
        state["count"] += 1
        count_label.text = f"Count: {state['count']}"

    def show(count: int) -> None:
        rows.clear()
        with rows:
            labels[:] = [ui.label(f"Row {i}") for i in range(count)]

    def change_one() -> None:
        state["changes"] += 1
        labels[CHANGED_ROW].text = f"Changed {state['changes']}"

    with ui.column():
        ui.label("Bench ready")
        with ui.row():
            count_label = ui.label("Count: 0")
            ui.button("Increment", on_click=increment)
        with ui.row():
            for n in ROW_COUNTS:
                ui.button(f"Rows {n}", on_click=lambda n=n: show(n))
            ui.button("Change one", on_click=change_one)
        rows = ui.column()


if __name__ == "__main__":
    ui.run(
        host="127.0.0.1",
        port=int(sys.argv[1]),
        reload=False,
        show=False,
        title="Bench",
    )

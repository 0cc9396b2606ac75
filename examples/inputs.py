"""Every input component on one page, with its value shown next to it."""

from __future__ import annotations

import asyncio
import datetime

import rio_desktop as rio


class Inputs(rio.Component):
    name: str = ""
    notes: str = ""
    amount: float = 1
    size: str = "m"
    agree: bool = False
    dark: bool = False
    volume: float = 50
    day: datetime.date = datetime.date(2024, 1, 1)
    period: str = "week"
    tab: int = 0
    presses: int = 0
    saving: bool = False
    last_key: str = "-"
    pointer: str = "-"
    dragged: float = 0.0

    def _press(self) -> None:
        self.presses += 1

    async def _save(self) -> None:
        self.saving = True
        await asyncio.sleep(1)
        self.saving = False

    def _key(self, event: rio.KeyDownEvent) -> None:
        self.last_key = "+".join([*sorted(event.modifiers), event.software_key])

    def _pointer(self, event: rio.PointerEvent) -> None:
        self.pointer = f"{event.component_x:.1f}, {event.component_y:.1f}"

    def _drag(self, event: rio.PointerMoveEvent) -> None:
        self.dragged += abs(event.relative_x) + abs(event.relative_y)

    def _row(self, label: str, *children: rio.Component) -> rio.Component:
        return rio.Row(rio.Text(label, min_width=10), *children, spacing=1, align_x=0)

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Inputs", style="heading1"),
            self._row(
                "Buttons",
                rio.Button("Major", on_press=self._press),
                rio.Button("Minor", style="minor", on_press=self._press),
                rio.Button("Plain", style="plain", on_press=self._press),
                rio.Button("Danger", color="danger", icon="material/delete"),
                rio.Button("Save", is_loading=self.saving, on_press=self._save),
                rio.Button("Off", is_sensitive=False),
                rio.IconButton("material/add", on_press=self._press),
                rio.Text(f"{self.presses} presses"),
            ),
            self._row(
                "TextInput",
                rio.TextInput(self.bind().name, label="Name", placeholder="Ada"),
                rio.TextInput(label="Password", is_secret=True),
                rio.Text(f"Hello, {self.name or '...'}!"),
            ),
            self._row(
                "MultiLine",
                rio.MultiLineTextInput(self.bind().notes, label="Notes", grow_x=True),
            ),
            self._row(
                "NumberInput",
                rio.NumberInput(
                    self.bind().amount,
                    label="Amount",
                    minimum=0,
                    maximum=10,
                    decimals=1,
                    suffix_text="kg",
                ),
                rio.Text(f"{self.amount} kg"),
            ),
            self._row(
                "Dropdown",
                rio.Dropdown(
                    {"Small": "s", "Medium": "m", "Large": "l"},
                    label="Size",
                    selected_value=self.bind().size,
                ),
                rio.Text(f"size {self.size}"),
            ),
            self._row(
                "Toggles",
                rio.Checkbox(self.bind().agree),
                rio.Text(f"agree: {self.agree}"),
                rio.Switch(self.bind().dark),
                rio.Text(f"dark: {self.dark}"),
            ),
            self._row(
                "Slider",
                rio.Slider(
                    value=self.bind().volume,
                    maximum=100,
                    step=1,
                    show_values=True,
                    min_width=20,
                ),
            ),
            self._row(
                "DateInput",
                rio.DateInput(self.bind().day, label="Day"),
                rio.Text(self.day.strftime("%A, %d %B %Y")),
            ),
            self._row(
                "SwitcherBar",
                rio.SwitcherBar(
                    values=["day", "week", "month"],
                    names=["Day", "Week", "Month"],
                    icons=["material/today", None, "material/calendar_month"],
                    selected_value=self.bind().period,
                ),
            ),
            rio.Tabs(
                rio.TabItem("First", rio.Text("The first tab", margin=1)),
                rio.TabItem("Second", rio.Text("The second tab", margin=1)),
                active_tab_index=self.bind().tab,
            ),
            rio.KeyEventListener(
                rio.Card(
                    rio.Text(f"Click here and press keys: {self.last_key}", margin=1)
                ),
                on_key_down=self._key,
            ),
            rio.PointerEventListener(
                rio.Card(
                    rio.Text(
                        f"Pointer at {self.pointer}; dragged {self.dragged:.1f}",
                        margin=1,
                    )
                ),
                on_pointer_move=self._pointer,
                on_drag_move=self._drag,
            ),
            spacing=1.2,
            margin=2,
        )


app = rio.App(build=Inputs, name="Inputs")

if __name__ == "__main__":
    app.run_in_window()

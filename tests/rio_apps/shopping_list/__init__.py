"""A shopping list: mutable defaults and private (underscore) state."""

import rio


class ShoppingList(rio.Component):
    # Each ShoppingList gets its own copy of these defaults.
    items: list[str] = []
    done: set[str] = set()

    # Underscore fields are state too, just not meant to be passed in.
    _draft: str = ""
    _show_done: bool = True

    def _add(self, _: rio.TextInputConfirmEvent | None = None) -> None:
        text = self._draft.strip()
        if text and text not in self.items:
            self.items = [*self.items, text]
        self._draft = ""

    def _toggle(self, item: str) -> None:
        self.done = self.done ^ {item}

    def _toggle_show_done(self) -> None:
        self._show_done = not self._show_done

    def build(self) -> rio.Component:
        visible = [i for i in self.items if self._show_done or i not in self.done]
        left = len(self.items) - len(self.done)
        return rio.Column(
            rio.Text("Shopping list", style="heading1"),
            rio.Row(
                rio.TextInput(
                    text=self.bind()._draft,
                    label="Add an item",
                    on_confirm=self._add,
                    grow_x=True,
                ),
                rio.Button("Add", on_press=self._add),
                spacing=1,
            ),
            *[
                rio.Row(
                    rio.Checkbox(
                        is_on=item in self.done,
                        on_change=lambda _, i=item: self._toggle(i),
                    ),
                    rio.Text(item, justify="left", grow_x=True),
                    spacing=1,
                    key=item,
                )
                for item in visible
            ],
            rio.Text(f"{left} left to buy", style="dim"),
            rio.Button(
                "Hide bought" if self._show_done else "Show bought",
                on_press=self._toggle_show_done,
                style="minor",
            ),
            spacing=1,
            margin=2,
            align_y=0,
        )


class TwoLists(rio.Component):
    def build(self) -> rio.Component:
        # Two lists side by side: each has its own items.
        return rio.Row(
            ShoppingList(items=["Bread", "Milk"]),
            ShoppingList(_show_done=False),
            spacing=2,
        )


app = rio.App(name="Shopping List", build=TwoLists)

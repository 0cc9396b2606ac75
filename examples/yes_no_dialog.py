import rio_desktop as rio


class MyComponent(rio.Component):
    selected_value: bool = False

    async def on_spawn_dialog(self) -> None:
        # Display a dialog and wait until the user makes a choice.
        # Since `show_yes_no_dialog` is an asynchronous function, the
        # `on_spawn_dialog` function must also be asynchronous.
        selected_value = await self.session.show_yes_no_dialog(
            title="This is a Dialog",
            text="Do you like ice cream?",
        )

        # Store the value, but only if one was selected. If the dialog gets
        # closed without a selection, `selected_value` will be `None`.
        if selected_value is not None:
            self.selected_value = selected_value

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button(
                "Open Dialog",
                on_press=self.on_spawn_dialog,
            ),
            rio.Text(f"You've selected: {self.selected_value}"),
        )


app = rio.App(build=MyComponent)

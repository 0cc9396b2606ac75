import rio_desktop as rio


class MyComponent(rio.Component):
    value: str = "Vanilla"

    async def _create_dialog(self, options: list[str]) -> str | None:
        # This function will be called to create the dialog's content.
        # It builds up a UI using Rio components, just like a regular
        # `build` function would.
        def build_dialog_content() -> rio.Component:
            # Build the dialog
            return rio.Card(
                rio.Column(
                    rio.Text(
                        "Which ice cream would you like?",
                        align_x=0.5,
                    ),
                    rio.Dropdown(
                        label="ice cream",
                        options=options,
                        selected_value=self.value,
                        on_change=on_value_change,
                    ),
                    spacing=1,
                    margin=2,
                ),
                align_x=0.5,
                align_y=0.5,
            )

        async def on_value_change(event: rio.DropdownChangeEvent) -> None:
            # This function will be called whenever the user selects an
            # Item. It simply closes the dialog with the selected value.
            await dialog.close(event.value)

        # Show the dialog
        dialog = await self.session.show_custom_dialog(
            build=build_dialog_content,
            # Prevent the user from interacting with the rest of the app
            # while the dialog is open
            modal=True,
            # Don't close the dialog if the user clicks outside of it
            user_closeable=False,
        )

        # Wait for the user to select an option
        result = await dialog.wait_for_close()

        # Return the selected value
        return result

    async def on_spawn_dialog(self) -> None:
        # Show a dialog and wait for the user to make a choice
        value = await self._create_dialog(
            options=["Vanilla", "Chocolate", "Strawberry"],
        )

        # Store the value, but only if one was selected. If the dialog
        # gets closed without a selection, `value` will be `None`.
        if value is not None:
            self.value = value

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button(
                "Open Dialog",
                on_press=self.on_spawn_dialog,
            ),
            rio.Text(f"You've chosen: {self.value}"),
        )


app = rio.App(build=MyComponent)

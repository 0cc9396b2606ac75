"""A custom dialog that asks for a star rating and returns it."""

import rio


class RatingPicker(rio.Component):
    on_pick: rio.EventHandler[int] = None

    def build(self) -> rio.Component:
        return rio.Card(
            rio.Column(
                rio.Text("How do you like it?", style="heading2"),
                rio.Row(
                    *[
                        rio.Button(
                            f"{stars} stars",
                            on_press=lambda s=stars: self.call_event_handler(
                                self.on_pick, s
                            ),
                        )
                        for stars in (1, 3, 5)
                    ],
                    spacing=1,
                ),
                spacing=1,
                margin=2,
            ),
            align_x=0.5,
            align_y=0.5,
        )


class FeedbackPage(rio.Component):
    rating: int | None = None

    async def _ask(self) -> None:
        dialog: rio.Dialog | None = None

        async def picked(stars: int) -> None:
            self.rating = stars
            assert dialog is not None
            await dialog.close()

        dialog = await self.session.show_custom_dialog(
            build=lambda: RatingPicker(on_pick=picked),
            modal=True,
            user_closable=True,
        )

    def build(self) -> rio.Component:
        if self.rating is None:
            summary = "No rating yet"
        else:
            summary = f"You gave {self.rating} stars"
        return rio.Column(
            rio.Text(summary, style="heading2"),
            rio.Button("Rate this app", on_press=self._ask),
            spacing=1,
            margin=2,
            align_x=0.5,
            align_y=0.3,
        )


app = rio.App(name="Feedback", build=FeedbackPage)

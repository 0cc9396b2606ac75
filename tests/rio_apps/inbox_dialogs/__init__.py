"""An inbox whose messages are deleted after a yes/no question."""

import rio


class Inbox(rio.Component):
    messages: list[str] = ["Lunch on Friday?", "Quarterly report", "Welcome!"]
    status: str = "3 messages"

    async def _delete(self, message: str) -> None:
        confirmed = await self.session.show_yes_no_dialog(
            f"Delete \u201c{message}\u201d for good?",
            title="Delete message",
            yes_text="Delete",
            no_text="Keep",
            yes_color="danger",
        )
        if confirmed:
            self.messages = [m for m in self.messages if m != message]
            self.status = f"Deleted \u201c{message}\u201d"
        else:
            self.status = "Nothing deleted"

    def build(self) -> rio.Component:
        rows = [
            rio.Row(
                rio.Text(message, grow_x=True, justify="left"),
                rio.Button(
                    f"Delete {message}",
                    on_press=lambda m=message: self._delete(m),
                    style="minor",
                ),
                spacing=1,
            )
            for message in self.messages
        ]
        return rio.Column(
            rio.Text("Inbox", style="heading1"),
            *rows,
            rio.Text(self.status, style="dim"),
            spacing=1,
            margin=2,
            align_y=0,
        )


app = rio.App(name="Inbox", build=Inbox)

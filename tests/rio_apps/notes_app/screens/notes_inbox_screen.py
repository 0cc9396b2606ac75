import rio

NOTES = ["Call the plumber", "Draft the talk", "Book train tickets"]


@rio.page(name="Inbox", url_segment="", order=0)
class InboxScreen(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"Open notes: {len(NOTES)}", style="heading2"),
            *[rio.Text(note) for note in NOTES],
            spacing=0.5,
            align_y=0,
        )

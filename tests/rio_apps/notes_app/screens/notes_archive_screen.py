import rio

ARCHIVED = ["Renew passport", "Return library books"]


@rio.page(name="Archive", url_segment="archive", order=1)
class ArchiveScreen(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"Archived notes: {len(ARCHIVED)}", style="heading2"),
            *[rio.Text(note, style="dim") for note in ARCHIVED],
            spacing=0.5,
            align_y=0,
        )

"""A layout that switches between one and two columns with the window."""

import rio


class SizeBadge(rio.Component):
    width: float = 0

    @rio.event.on_resize
    def _on_resize(self, event: rio.ComponentResizeEvent) -> None:
        self.width = event.width

    def build(self) -> rio.Component:
        label = "wide badge" if self.width > 30 else "narrow badge"
        return rio.Card(rio.Text(label, margin=1), color="secondary")


class Responsive(rio.Component):
    window_width: float = 0

    @rio.event.on_populate
    def _on_populate(self) -> None:
        self.window_width = self.session.window_width

    @rio.event.on_window_size_change
    def _on_window_size_change(self) -> None:
        self.window_width = self.session.window_width

    def build(self) -> rio.Component:
        wide = self.window_width >= 40
        panels = [
            rio.Card(rio.Text("Inbox", margin=1), grow_x=True),
            rio.Card(rio.Text("Preview", margin=1), grow_x=True),
        ]
        body = rio.Row(*panels, spacing=1) if wide else rio.Column(*panels, spacing=1)
        return rio.Column(
            rio.Text(f"Layout: {'two columns' if wide else 'one column'}"),
            body,
            SizeBadge(),
            spacing=1,
            margin=1,
            align_y=0,
        )


app = rio.App(name="Responsive", build=Responsive)

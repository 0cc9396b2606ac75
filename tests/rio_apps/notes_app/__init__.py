"""A notes app whose pages live in a folder of its own choosing."""

import rio


class NotesRoot(rio.Component):
    """Navigation buttons made from the app's pages, in their `order`."""

    def build(self) -> rio.Component:
        current = self.session.active_page_url.path.strip("/")
        buttons = [
            rio.Button(
                page.name,
                on_press=lambda p=page: self.session.navigate_to("/" + p.url_segment),
                style="major" if page.url_segment == current else "minor",
            )
            for page in self.session.app.pages
        ]
        return rio.Column(
            rio.Row(*buttons, spacing=1, align_x=0),
            rio.PageView(grow_y=True),
            spacing=2,
            margin=2,
        )


app = rio.App(name="Notes", build=NotesRoot, pages="screens")

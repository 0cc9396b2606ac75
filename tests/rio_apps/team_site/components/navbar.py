from __future__ import annotations

import rio


class Navbar(rio.Component):
    """A row of links to the site's top-level pages."""

    def build(self) -> rio.Component:
        return rio.Card(
            rio.Row(
                rio.Text("Team Site", style="heading3"),
                rio.Spacer(),
                rio.Link("Home", "/"),
                rio.Link("Team", "/team"),
                rio.Link("Contact", "/team/contact"),
                spacing=2,
                margin=1,
            ),
            corner_radius=0,
        )

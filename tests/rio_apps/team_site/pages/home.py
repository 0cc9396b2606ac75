from __future__ import annotations

import rio

from .. import components as comps


@rio.page(name="Home", url_segment="")
class HomePage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            comps.Navbar(),
            rio.Text("Welcome to our team site", style="heading1"),
            rio.Text("We build small, friendly tools."),
            rio.Button(
                "Meet the team",
                on_press=lambda: self.session.navigate_to("/team"),
                align_x=0,
            ),
            spacing=2,
            align_y=0,
        )

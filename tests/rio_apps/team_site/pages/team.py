from __future__ import annotations

import rio

from .. import components as comps


@rio.page(name="Team", url_segment="team", order=1)
class TeamPage(rio.Component):
    """The parent of the pages in `pages/team/`: they show in its PageView."""

    def build(self) -> rio.Component:
        return rio.Column(
            comps.Navbar(),
            rio.Text("Our team", style="heading1"),
            rio.PageView(grow_y=True),
            spacing=2,
        )

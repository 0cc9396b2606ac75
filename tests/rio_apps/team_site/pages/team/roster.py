from __future__ import annotations

import rio

from ... import components as comps

MEMBERS = [
    ("Ada", "Engineering"),
    ("Grace", "Research"),
    ("Linus", "Operations"),
]


@rio.page(name="Roster", url_segment="")
class RosterPage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Team roster", style="heading2"),
            *[comps.MemberCard(name, role) for name, role in MEMBERS],
            spacing=1,
        )

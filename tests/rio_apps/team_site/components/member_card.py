from __future__ import annotations

import rio


class MemberCard(rio.Component):
    name: str
    role: str

    def build(self) -> rio.Component:
        return rio.Card(
            rio.Column(
                rio.Text(self.name, style="heading3"),
                rio.Text(self.role, style="dim"),
                spacing=0.5,
                margin=1,
            ),
        )

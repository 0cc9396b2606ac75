from __future__ import annotations

import rio


@rio.page(name="Contact", url_segment="contact")
class ContactPage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Contact us", style="heading2"),
            rio.Text("Write to team@example.com"),
            spacing=1,
        )

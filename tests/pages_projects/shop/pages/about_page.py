from __future__ import annotations

import rio_desktop as rio


@rio.page()
class AboutPage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("About this shop")

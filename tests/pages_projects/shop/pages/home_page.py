from __future__ import annotations

import rio_desktop as rio

from .. import components as comps


@rio.page(name="Home", url_segment="")
class HomePage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(rio.Text("Welcome to the shop"), comps.Footer())

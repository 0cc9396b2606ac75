from __future__ import annotations

import rio_desktop as rio


@rio.page(url_segment="")
class FirstPage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("first page")

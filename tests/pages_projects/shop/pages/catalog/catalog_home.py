from __future__ import annotations

import rio_desktop as rio


@rio.page(name="All items", url_segment="")
class CatalogHome(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("All items")

from __future__ import annotations

import rio_desktop as rio


@rio.page(name="Zebra", url_segment="zebra", order=1)
class ZebraPage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("Zebras, second in the list")

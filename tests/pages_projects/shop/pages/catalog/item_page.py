from __future__ import annotations

import rio_desktop as rio

from ... import components as comps


@rio.page(name="Item", url_segment="item/{item_id}")
class ItemPage(rio.Component):
    item_id: int = 0
    color: rio.QueryParameter[str] = "plain"

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"Item {self.item_id + 1000} in {self.color}"), comps.Footer()
        )

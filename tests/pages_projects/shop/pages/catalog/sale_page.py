from __future__ import annotations

from typing import Literal

import rio_desktop as rio


@rio.page(name="Sale", url_segment="sale/{season}", order=0)
class SalePage(rio.Component):
    season: Literal["summer", "winter"] = "summer"

    def build(self) -> rio.Component:
        return rio.Text(f"{self.season} sale")

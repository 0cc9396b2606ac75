from __future__ import annotations

import rio_desktop as rio

from .. import components as comps


@rio.page(name="Catalog", url_segment="catalog")
class Catalog(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(rio.Text("Catalog"), rio.PageView(), comps.Footer())

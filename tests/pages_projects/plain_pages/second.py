from __future__ import annotations

import rio_desktop as rio


@rio.page()
class SecondPage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("second page")

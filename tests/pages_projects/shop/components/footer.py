from __future__ import annotations

import rio_desktop as rio


class Footer(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("shop footer")

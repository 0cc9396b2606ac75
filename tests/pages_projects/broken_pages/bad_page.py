from __future__ import annotations

import rio_desktop as rio

COLUMNS = {"a": 1}
WIDTH = COLUMNS["b"]  # line 6 raises KeyError


@rio.page()
class BadPage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("never")

from __future__ import annotations

import rio_desktop as rio

from . import components as comps  # noqa: F401 (the pages import it)

app = rio.App(
    name="Shop",
    description="A shop in several pages",
    meta_tags={"keywords": "shop, pages"},
)

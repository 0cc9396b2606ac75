"""A small multi-page website laid out as `rio new` lays out a project.

No `build` is given: Rio finds the pages in the `pages` folder next to this
file and shows them in its default root, a `PageView`.
"""

from __future__ import annotations

import rio

from . import theme

app = rio.App(
    name="Team Site",
    theme=theme.THEME,
    description="Who we are and how to reach us",
)

from __future__ import annotations

from typing import Literal

from ..component import KW_ONLY, Component, FundamentalComponent

__all__ = ["Tooltip"]


class Tooltip(FundamentalComponent):
    """Shows a small hint next to `anchor` while the pointer is over it.

    Args:
        anchor: The component that shows the tip when hovered.
        tip: The hint: a string or a component.
        position: "left", "top", "right", "bottom", or "auto" (top).
        gap: Space between anchor and tip, in font-heights.

    Example:
        ```python
        rio.Tooltip(rio.Icon("material/info"), "More about this setting")
        ```
    """

    _fundamental_type = "Tooltip"
    _child_fields = ("anchor", "tip")

    anchor: Component | None = None
    tip: str | Component = ""
    position: Literal["auto", "left", "top", "right", "bottom"] = "auto"
    _: KW_ONLY
    gap: float = 0.5
    # Rio's default; the page gives the tip itself this role.
    accessibility_role: str | None = "tooltip"

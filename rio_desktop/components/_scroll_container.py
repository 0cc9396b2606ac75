from __future__ import annotations

from typing import Literal

from ..component import KW_ONLY, Component, FundamentalComponent

__all__ = ["ScrollContainer"]


class ScrollContainer(FundamentalComponent):
    """Shows a part of its content and lets the user scroll to the rest.

    Args:
        content: The component to scroll.
        scroll_x, scroll_y: "never", "auto" (scroll bars when the content is
            larger) or "always".
        initial_x, initial_y: Where to start, 0 (start) to 1 (end).
        reserve_space_y: Keep room for the vertical scroll bar even while
            the content fits, so it does not shift when the bar appears.
        sticky_bottom: Stay scrolled to the bottom while content grows
            (a chat log).

    Example:
        ```python
        rio.ScrollContainer(rio.Column(*rows), scroll_x="never", grow_y=True)
        ```
    """

    _fundamental_type = "ScrollContainer"
    _child_fields = ("content",)

    content: Component | None = None
    _: KW_ONLY
    scroll_x: Literal["never", "auto", "always"] = "auto"
    scroll_y: Literal["never", "auto", "always"] = "auto"
    initial_x: float = 0
    initial_y: float = 0
    reserve_space_y: bool = False
    sticky_bottom: bool = False

from __future__ import annotations

from ..component import KW_ONLY, Component, FundamentalComponent

__all__ = ["ScrollTarget"]


class ScrollTarget(FundamentalComponent):
    """A place on the page that a URL fragment (`#id`) scrolls to.

    Opening the app at `.../page#chapter-2`, or `session.navigate_to("#chapter-2")`,
    scrolls the `ScrollTarget` with id "chapter-2" into view. While the
    pointer is over it, a link button shows at its right; pressing it copies
    the target's URL to the clipboard (and goes to it).

    Args:
        id: The fragment that finds this target; unique on the page.
        content: What the target shows.
        copy_button_content: The copy button: a text, a component, or None
            for no button.
        copy_button_spacing: The space between the content and the button,
            in font-heights.

    Example:
        ```python
        rio.ScrollTarget("chapter-2", rio.Text("Chapter 2", style="heading1"))
        ```
    """

    _fundamental_type = "ScrollTarget"
    _child_fields = ("content", "copy_button_content")

    id: str
    content: Component | None = None
    _: KW_ONLY
    copy_button_content: str | Component | None = "¶"
    copy_button_spacing: float = 0.5

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise ValueError(
                f"ScrollTarget: id must be a non-empty str, not {self.id!r}"
            )

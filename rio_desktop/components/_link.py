from __future__ import annotations

from typing import Any

from ..component import KW_ONLY, Component, FundamentalComponent
from ._markdown import safe_url

__all__ = ["Link"]


class Link(FundamentalComponent):
    """Text or a component that opens a URL when clicked.

    Args:
        content: The link's text, or a component to make clickable.
        target_url: Where it goes: an http(s) or mailto URL, or a path of
            this app ("/settings").
        open_in_new_tab: Open in a new tab (or the system browser).
        icon: An icon name shown before the text.
        accessibility_relationship: How the target relates to this page
            ("next", "prev", "help", ...: HTML's `rel`), for screen readers.

    Raises:
        ValueError: for a URL with another scheme (e.g. javascript:).

    Example:
        ```python
        rio.Link("Documentation", "https://rio.dev/docs", open_in_new_tab=True)
        ```
    """

    _fundamental_type = "Link"
    _child_fields = ("content",)

    content: str | Component = ""
    target_url: Any = ""
    _: KW_ONLY
    open_in_new_tab: bool = False
    icon: str | None = None
    accessibility_relationship: str | None = None

    def __post_init__(self) -> None:
        self._serialize_field("target_url", self.target_url)

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "target_url":
            url = safe_url(str(value))
            if url is None:
                raise ValueError(
                    f"rio.Link: {str(value)[:60]!r} is not a safe link target;"
                    " use an http(s), mailto or relative URL"
                )
            return url
        if name == "icon":
            from ._icon_registry import icon_to_wire

            return icon_to_wire(value, self)
        return super()._serialize_field(name, value)

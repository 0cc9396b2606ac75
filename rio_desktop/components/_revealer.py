from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..component import KW_ONLY, Component, FundamentalComponent

__all__ = ["Revealer", "RevealerChangeEvent"]


@dataclass(frozen=True)
class RevealerChangeEvent:
    """Passed to `Revealer.on_change`: whether the revealer is now open."""

    is_open: bool


class Revealer(FundamentalComponent):
    """A header that shows or hides its content when clicked.

    Args:
        header: The text of the clickable header; None: no header (control
            it with `is_open`).
        content: What is revealed.
        header_style: A text style name for the header ("text", "heading1"...).
        is_open: Whether the content shows. Updated when the user clicks.
        on_change: Called with a `RevealerChangeEvent` after a click.

    Example:
        ```python
        rio.Revealer("Details", rio.Text("Hidden until opened"), is_open=False)
        ```
    """

    _fundamental_type = "Revealer"
    _child_fields = ("content",)

    header: str | None = None
    content: Component | None = None
    _: KW_ONLY
    header_style: str = "text"
    is_open: bool = False
    on_change: Any = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "change":
            return super()._on_page_event(name, payload)
        is_open = bool(payload)
        # The page already shows the new state: don't echo it back.
        self.set_quietly("is_open", is_open)
        return self._call(self.on_change, RevealerChangeEvent(is_open))

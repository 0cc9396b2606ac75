from __future__ import annotations

from typing import Any, Literal

from ..component import Component, FundamentalComponent

__all__ = ["Button"]


class Button(FundamentalComponent):
    """A clickable button.

    Args:
        content: The button's text, or a component to show inside it.
        icon: An icon name shown before the text.
        style: "major" (filled), "minor" (outlined), "colored-text" or "plain".
        color: The colour set to use ("primary", "secondary", "success",
            "warning", "danger", "neutral"...).
        is_sensitive: False greys the button out and ignores presses.
        is_loading: True shows a spinner instead of the content.
        on_press: Called (sync or async) when the user presses the button.

    Example:
        ```python
        rio.Button("Save", icon="material/save", on_press=self.on_save)
        ```
    """

    _fundamental_type = "Button"
    _child_fields = ("content",)

    content: str | Component = ""
    icon: str | None = None
    shape: Literal["pill", "rounded", "rectangle", "circle"] = "rounded"
    style: Literal["major", "minor", "colored-text", "plain", "plain-text"] = "major"
    color: Any = "keep"
    is_sensitive: bool = True
    is_loading: bool = False
    on_press: Any = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "press":
            return super()._on_page_event(name, payload)
        if not self.is_sensitive or self.is_loading:
            return None
        return self._call(self.on_press)

from __future__ import annotations

from typing import Any, Literal

from ..component import KW_ONLY, Component, FundamentalComponent
from ._icon_registry import icon_to_wire

__all__ = ["Button"]


class Button(FundamentalComponent):
    """A clickable button.

    Args:
        content: The button's text, or a component to show inside it.
        icon: An icon name shown before the text.
        shape: "pill" (fully rounded ends), "rounded", "rectangle" or "circle".
        style: "major" (filled), "minor" (outlined), "colored-text" or "plain".
        color: The colour set to use ("primary", "secondary", "success",
            "warning", "danger", "neutral"...).
        is_sensitive: False greys the button out and ignores presses.
        is_loading: True shows a spinner instead of the content.
        on_press: Called (sync or async) when the user presses the button.
        accessibility_label: What screen readers announce instead of the
            text (needed when the content is a component).

    Example:
        ```python
        rio.Button("Save", icon="material/save", on_press=self.on_save)
        ```
    """

    _fundamental_type = "Button"
    _child_fields = ("content",)

    content: str | Component = ""
    _: KW_ONLY
    icon: str | None = None
    shape: Literal["pill", "rounded", "rectangle", "circle"] = "pill"
    style: Literal["major", "minor", "colored-text", "plain", "plain-text"] = "major"
    color: Any = "keep"
    is_sensitive: bool = True
    is_loading: bool = False
    on_press: Any = None
    accessibility_label: str | None = None

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "icon":
            return icon_to_wire(value, self)
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "press":
            return super()._on_page_event(name, payload)
        if not self.is_sensitive or self.is_loading:
            return None
        return self._call(self.on_press)

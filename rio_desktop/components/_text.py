from __future__ import annotations

from typing import Literal

from ..component import FundamentalComponent

__all__ = ["Text"]


class Text(FundamentalComponent):
    """Displays text.

    Args:
        text: The text to show.
        style: A text style name ("text", "heading1", "heading2", "heading3",
            "dim") or a `TextStyle`.
        justify: Horizontal alignment of the lines.
        overflow: "nowrap" (default), "wrap", or "ellipsize".
        selectable: Whether the user can select the text.

    Example:
        ```python
        rio.Text("Hello, world!", style="heading1", margin=1)
        ```
    """

    _fundamental_type = "Text"

    text: str = ""
    selectable: bool = True
    style: object = "text"
    justify: Literal["left", "right", "center", "justify"] = "left"
    overflow: Literal["nowrap", "wrap", "ellipsize"] = "nowrap"
    wrap: bool | Literal["ellipsize"] | None = None

    def _serialize_field(self, name: str, value: object) -> object:
        if name == "wrap":
            # Rio's older spelling of `overflow`.
            return {True: "wrap", "ellipsize": "ellipsize"}.get(value, None)  # type: ignore[arg-type]
        return super()._serialize_field(name, value)

from __future__ import annotations

from typing import Literal

from ..component import KW_ONLY, Component

__all__ = ["Banner"]

#: style -> (the default icon, the colour set of the card)
_LOOKS = {
    "info": ("material/info", "secondary"),
    "success": ("material/check_circle", "success"),
    "warning": ("material/warning", "warning"),
    "danger": ("material/error", "danger"),
}


class Banner(Component):
    """A coloured strip with an icon and a short message; nothing without text.

    Args:
        text: The message. None or only whitespace: the banner takes no
            space at all, so it can stay in a layout and be filled later.
        style: "info", "success", "warning" or "danger": the colour and
            the default icon.
        markdown: Render `text` as Markdown instead of plain text.
        icon: An icon name to show instead of the style's own.

    Example:
        ```python
        rio.Column(
            rio.Banner(self.error, style="danger"),
            rio.TextInput(label="Name"),
        )
        ```
    """

    text: str | None
    style: Literal["info", "success", "warning", "danger"]
    _: KW_ONLY
    markdown: bool = False
    icon: str | None = None

    def build(self) -> Component:
        from ._card import Card
        from ._icon import Icon
        from ._linear import Row
        from ._spacer import Spacer

        text = (self.text or "").strip()
        if not text:
            return Spacer(grow_x=False, grow_y=False)
        look = _LOOKS.get(self.style)
        if look is None:
            raise ValueError(
                f"Banner style must be one of {', '.join(map(repr, _LOOKS))},"
                f" not {self.style!r}"
            )
        icon, color = look
        if self.markdown:
            from ._markdown import Markdown

            message: Component = Markdown(text, grow_x=True)
        else:
            from ._text import Text

            message = Text(text, grow_x=True, overflow="wrap", justify="left")
        return Card(
            Row(
                Icon(icon if self.icon is None else self.icon),
                message,
                spacing=0.5,
                margin=0.5,
            ),
            color=color,
            corner_radius=self.session.theme.corner_radius_small,
            elevate_on_hover=False,
        )

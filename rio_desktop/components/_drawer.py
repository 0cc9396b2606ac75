from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..component import KW_ONLY, Component, FundamentalComponent
from ._color_field import ColorFieldsMixin

__all__ = ["Drawer", "DrawerOpenOrCloseEvent"]


@dataclass
class DrawerOpenOrCloseEvent:
    """Passed to `Drawer.on_open_or_close`: whether the drawer is now open."""

    is_open: bool


class Drawer(ColorFieldsMixin, FundamentalComponent):
    """A panel that slides in over its anchor from one edge.

    The `anchor` is always shown and gives the drawer its place and size; the
    `content` lives in a panel that slides in from `side` and covers part of
    the anchor. The user opens it by dragging from that edge (a strip two
    font-heights wide) and closes it by dragging it back or, when modal, by
    pressing anywhere outside the panel.

    Args:
        anchor: Always visible; the drawer slides in over it.
        content: What the drawer's panel shows.
        on_open_or_close: Called with a `DrawerOpenOrCloseEvent` when the
            user opens or closes the drawer (not when the app sets
            `is_open`).
        side: "left", "right", "top" or "bottom": the edge it slides in from.
        is_modal: While open, dim the anchor and close on a press outside.
        is_open: Whether the drawer is open. Follows the user (bind it to
            keep a field of yours in step).
        is_user_openable: False: only the app opens and closes it.
        color: The colour set (or colour) of the panel; its text follows.

    Example:
        ```python
        rio.Drawer(
            anchor=rio.Text("Drag from the left edge"),
            content=rio.Column(rio.Text("Menu"), margin=1),
            is_open=self.bind().menu_open,
        )
        ```
    """

    _fundamental_type = "Drawer"
    _child_fields = ("anchor", "content")
    _color_fields = ("color",)

    anchor: Component
    content: Component
    _: KW_ONLY
    on_open_or_close: Any = None
    side: Literal["left", "right", "top", "bottom"] = "left"
    is_modal: bool = True
    is_open: bool = False
    is_user_openable: bool = True
    color: Any = "neutral"

    def __post_init__(self) -> None:
        if self.side not in ("left", "right", "top", "bottom"):
            raise ValueError(
                f"Drawer: side must be 'left', 'right', 'top' or 'bottom',"
                f" not {self.side!r}"
            )

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "open_or_close":
            return super()._on_page_event(name, payload)
        if not self.is_user_openable or not isinstance(payload, bool):
            return None  # the page may not open it: ignore, as Rio refuses
        # The page already shows it: store without echoing the value back.
        self._set_from_page("is_open", payload)
        return self._call(self.on_open_or_close, DrawerOpenOrCloseEvent(payload))

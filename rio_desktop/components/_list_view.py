from __future__ import annotations

import dataclasses
from typing import Any

from ..component import KW_ONLY, Component, FundamentalComponent

__all__ = ["ListView", "SimpleListItem"]


class ListView(FundamentalComponent):
    """A vertical list of items with separators, e.g. `SimpleListItem`s.

    Give each item a `key` so it keeps its state when the list changes.

    Args:
        *children: The items.

    Example:
        ```python
        rio.ListView(
            *[rio.SimpleListItem(t.title, key=t.id, on_press=...) for t in todos]
        )
        ```
    """

    _fundamental_type = "ListView"
    _child_fields = ("children",)
    _positional_fields = ()

    children: list[Component] = dataclasses.field(default_factory=list)

    def __init__(self, *children: Component, **kwargs: Any) -> None:
        if children:
            kwargs["children"] = list(children)
        super().__init__(**kwargs)

    def add(self, child: Component) -> ListView:
        """Append an item; returns self."""
        self.children.append(child)
        self.mark_mutated("children")
        return self


class SimpleListItem(FundamentalComponent):
    """A list row: a text, an optional second line, and optional side parts.

    Args:
        text: The main text.
        secondary_text: A dimmer second line.
        left_child, right_child: Components at the ends (an Icon, a Button).
        on_press: Makes the item clickable.

    Example:
        ```python
        rio.SimpleListItem(
            "Inbox",
            secondary_text="3 unread",
            left_child=rio.Icon("material/inbox"),
            on_press=self.open_inbox,
        )
        ```
    """

    _fundamental_type = "SimpleListItem"
    _child_fields = ("left_child", "right_child")

    text: str = ""
    _: KW_ONLY
    secondary_text: str = ""
    left_child: Component | None = None
    right_child: Component | None = None
    on_press: Any = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "press":
            return super()._on_page_event(name, payload)
        return self._call(self.on_press)

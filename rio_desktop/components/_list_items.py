from __future__ import annotations

import dataclasses
from typing import Any

from ..component import KW_ONLY, Component, FundamentalComponent

__all__ = [
    "CustomListItem",
    "HeadingListItem",
    "SeparatorListItem",
    "SimpleListItem",
]


class _SelectableItem(FundamentalComponent):
    """An item a `ListView` can select: its `key` goes to the page."""

    _list_key: Any = dataclasses.field(default=None, init=False)

    def __post_init__(self) -> None:
        key = self._values.get("key")
        if key is not None:
            self._values["_list_key"] = key

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "press":
            return super()._on_page_event(name, payload)
        return self._call(self.on_press)  # type: ignore[attr-defined]


class HeadingListItem(FundamentalComponent):
    """A heading between the items of a `ListView`, outside their cards.

    Args:
        text: The heading.

    Example:
        ```python
        rio.ListView(
            rio.HeadingListItem("Fruit"),
            rio.SimpleListItem("Apple", key="apple"),
            rio.SimpleListItem("Pear", key="pear"),
        )
        ```
    """

    _fundamental_type = "HeadingListItem"

    text: str


class SeparatorListItem(FundamentalComponent):
    """A gap in a `ListView`: the items on either side form separate cards.

    Example:
        ```python
        rio.ListView(
            rio.SimpleListItem("Open", key="open"),
            rio.SeparatorListItem(),
            rio.SimpleListItem("Delete", key="delete"),
        )
        ```
    """

    _fundamental_type = "SeparatorListItem"
    _positional_fields = ()


class CustomListItem(_SelectableItem):
    """A `ListView` item showing any component, with the list's look.

    Args:
        content: What the item shows.
        on_press: Makes the item clickable (it lights up under the pointer).

    Example:
        ```python
        rio.CustomListItem(
            rio.Row(rio.Text(name, grow_x=True), rio.Button("Remove")),
            key=name,
            on_press=self.open_item,
        )
        ```
    """

    _fundamental_type = "CustomListItem"
    _child_fields = ("content",)

    content: Component
    _: KW_ONLY
    on_press: Any = None


class SimpleListItem(_SelectableItem):
    """A list row: a text, an optional second line, and optional side parts.

    Args:
        text: The main text.
        secondary_text: A dimmer second line; may span several lines.
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

    # Drawn by the page as one element (not a CustomListItem of a Row of
    # Texts, as in Rio): a list of thousands of rows stays cheap.
    _fundamental_type = "ListRow"
    _child_fields = ("left_child", "right_child")

    text: str = ""
    _: KW_ONLY
    secondary_text: str = ""
    left_child: Component | None = None
    right_child: Component | None = None
    on_press: Any = None

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

from ..component import KW_ONLY, Component
from ._list_items import _SelectableItem
from ._list_view import _SelectionView

__all__ = [
    "CustomTreeItem",
    "SimpleTreeItem",
    "TreeItemExpansionChangeEvent",
    "TreeView",
    "TreeViewSelectionChangeEvent",
]


@dataclass
class TreeViewSelectionChangeEvent:
    """Passed to `TreeView.on_selection_change`: the keys now selected."""

    selected_items: list[Any]


@dataclass
class TreeItemExpansionChangeEvent:
    """Passed to a tree item's `on_expansion_change`: its new state."""

    is_expanded: bool


class TreeView(_SelectionView):
    """Nested items that open and close, optionally selectable by key.

    Args:
        *root_items: The top-level `SimpleTreeItem`s / `CustomTreeItem`s;
            each may hold more items in its `children`.
        selection_mode: "none", "single" (a click on an item's row selects
            it, a second click unselects it) or "multiple" (clicks toggle
            items). Only items with a `key` can be selected, at any depth.
        selected_items: The keys of the selected items; follows the clicks.
        on_selection_change: Called with a `TreeViewSelectionChangeEvent`
            after the user changed the selection.

    Example:
        ```python
        rio.TreeView(
            rio.SimpleTreeItem(
                "Documents",
                key="docs",
                children=[rio.SimpleTreeItem("notes.txt", key="notes")],
            ),
            selection_mode="single",
            on_selection_change=self.on_pick,
        )
        ```
    """

    _fundamental_type = "TreeView"
    _child_fields = ("root_items",)
    _positional_fields = ()
    _selection_event = TreeViewSelectionChangeEvent

    root_items: list[Component] = dataclasses.field(default_factory=list)

    def __init__(
        self,
        *root_items: Component,
        selected_items: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs["root_items"] = list(root_items)
        if selected_items is not None:
            kwargs["selected_items"] = selected_items
        super().__init__(**kwargs)


class _TreeItem(_SelectableItem):
    """What both tree items share: children, expansion, the expand button.

    The expand button defaults to the page's own arrows (right: closed,
    down: open) and a ring for an item without children; a component given
    for a state replaces that state's drawing.
    """

    _child_fields: ClassVar[tuple[str, ...]] = (
        "content",
        "children",
        "expand_button_open",
        "expand_button_closed",
        "expand_button_disabled",
    )

    content: Any = None
    _: KW_ONLY
    children: list[Component] = dataclasses.field(default_factory=list)
    is_expanded: bool = False
    on_press: Any = None
    on_expansion_change: Any = None
    expand_button_open: Component | None = None
    expand_button_closed: Component | None = None
    expand_button_disabled: Component | None = None

    def __init__(
        self,
        content: Any,
        *,
        children: list[Component] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs["content"] = content
        if children is not None:
            kwargs["children"] = children
        super().__init__(**kwargs)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "expansion_change":
            return super()._on_page_event(name, payload)
        if not isinstance(payload, bool):
            raise ValueError(f"bad is_expanded {payload!r}")
        self._set_from_page("is_expanded", payload)
        return self._call(
            self.on_expansion_change, TreeItemExpansionChangeEvent(payload)
        )


class CustomTreeItem(_TreeItem):
    """A `TreeView` item showing any component, with an expand button.

    Args:
        content: What the item's row shows.
        is_expanded: Whether its children show; follows the user's clicks on
            the expand button.
        on_press: Called when the content is clicked.
        on_expansion_change: Called with a `TreeItemExpansionChangeEvent`
            when the user opens or closes the item.
        children: The nested items.
        expand_button_open, expand_button_closed, expand_button_disabled:
            Components shown as the expand button when the item is open,
            closed, or has no children (default: arrows and a ring).

    Example:
        ```python
        rio.CustomTreeItem(
            rio.Row(rio.Icon("material/folder"), rio.Text("src"), spacing=0.5),
            key="src",
            children=[rio.CustomTreeItem(rio.Text("main.py"), key="main")],
        )
        ```
    """

    _fundamental_type = "TreeItem"


class SimpleTreeItem(_TreeItem):
    """A `TreeView` item: a text (or component), an optional second line
    and optional components at both ends.

    Args:
        content: The main text, or a component shown in its place.
        secondary_text: A dimmer second line; may span several lines.
        left_child, right_child: Components at the ends (an Icon, a Button).
        children, is_expanded, on_expansion_change, on_press, expand_button_*:
            As for `CustomTreeItem`.

    Example:
        ```python
        rio.SimpleTreeItem(
            "Inbox",
            secondary_text="3 unread",
            left_child=rio.Icon("material/inbox"),
            key="inbox",
            children=[rio.SimpleTreeItem("Receipts", key="receipts")],
        )
        ```
    """

    # Drawn by the page as one row (Rio builds a CustomTreeItem of a Row of
    # Texts): a big tree stays cheap.
    _fundamental_type = "TreeRow"
    _child_fields = (*_TreeItem._child_fields, "left_child", "right_child")

    _: KW_ONLY
    secondary_text: str = ""
    left_child: Component | None = None
    right_child: Component | None = None

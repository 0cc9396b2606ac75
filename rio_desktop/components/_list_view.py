from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from ..component import Component, FundamentalComponent
from ._list_items import SimpleListItem

__all__ = ["ListView", "ListViewSelectionChangeEvent", "SimpleListItem"]


@dataclass
class ListViewSelectionChangeEvent:
    """Passed to `ListView.on_selection_change`: the keys now selected."""

    selected_items: list[Any]


def _is_key(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool)


class _SelectionView(FundamentalComponent):
    """What ListView and TreeView share: items selectable by key.

    The page reports the user's clicks as "selection_change" with the keys
    now selected; they must fit `selection_mode`. `selected_items` takes
    them and `on_selection_change` gets a `_selection_event` of them.
    """

    _selection_event: ClassVar[Any]

    selection_mode: Literal["none", "single", "multiple"] = "none"
    selected_items: list[Any] = dataclasses.field(default_factory=list)
    on_selection_change: Any = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "selection_change":
            return super()._on_page_event(name, payload)
        mode = self.selection_mode
        if (
            mode not in ("single", "multiple")
            or not isinstance(payload, list)
            or not all(map(_is_key, payload))
            or (mode == "single" and len(payload) > 1)
        ):
            raise ValueError(
                f"{type(self).__name__} cannot select {payload!r}"
                f" in selection_mode {mode!r}"
            )
        self._set_from_page("selected_items", list(payload))
        return self._call(
            self.on_selection_change,
            self._selection_event(list(payload)),
        )


class ListView(_SelectionView):
    """A vertical list of items; runs of items share a card-like background.

    `SimpleListItem` and `CustomListItem` rows are grouped into rounded
    cards with thin lines between them; a `HeadingListItem` titles a group
    and a `SeparatorListItem` starts a new one. Give each item a `key`: it
    keeps its state when the list changes, and selection is by key.

    Args:
        *children: The items.
        selection_mode: "none", "single" (a click selects one item, a second
            click unselects it) or "multiple" (clicks toggle items). Only
            items with a key can be selected.
        selected_items: The keys of the selected items; follows the clicks.
        on_selection_change: Called with a `ListViewSelectionChangeEvent`
            after the user changed the selection.

    Example:
        ```python
        rio.ListView(
            *[rio.SimpleListItem(t.title, key=t.id) for t in todos],
            selection_mode="multiple",
            selected_items=self.done_ids,
            on_selection_change=self.on_done_change,
        )
        ```
    """

    _fundamental_type = "GroupedList"
    _child_fields = ("children",)
    _positional_fields = ()
    _selection_event = ListViewSelectionChangeEvent

    children: list[Component] = dataclasses.field(default_factory=list)

    def __init__(
        self,
        *children: Component,
        selection_mode: Literal["none", "single", "multiple"] = "none",
        selected_items: list[Any] | None = None,
        on_selection_change: Any = None,
        **kwargs: Any,
    ) -> None:
        if children:
            kwargs["children"] = list(children)
        if selection_mode != "none":
            kwargs["selection_mode"] = selection_mode
        if selected_items is not None:
            kwargs["selected_items"] = selected_items
        if on_selection_change is not None:
            kwargs["on_selection_change"] = on_selection_change
        super().__init__(**kwargs)

    def add(self, child: Component) -> ListView:
        """Append an item; returns self, so calls can be chained."""
        self.children.append(child)
        self.mark_mutated("children")
        return self

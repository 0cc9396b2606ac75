from __future__ import annotations

import dataclasses
from typing import Any

from ..component import Component
from ._linear import Column
from ._switcher_bar import SwitcherBar

__all__ = ["TabItem", "Tabs"]


@dataclasses.dataclass(frozen=True)
class TabItem:
    """One tab of `Tabs`: its title, its content and an optional icon."""

    title: str
    content: Component
    icon: str | None = None


class Tabs(Component):
    """Tabs along the top; the selected tab's content fills the rest.

    Args:
        *tabs: The `TabItem`s, in order.
        active_tab_index: Which tab is shown (bind it to follow the user).

    Example:
        ```python
        rio.Tabs(
            rio.TabItem("Profile", ProfilePage(), icon="material/person"),
            rio.TabItem("Settings", SettingsPage()),
            active_tab_index=self.bind().tab,
        )
        ```
    """

    tabs: list[TabItem] = dataclasses.field(default_factory=list)
    active_tab_index: int = 0

    def __init__(self, *tabs: TabItem, **kwargs: Any) -> None:
        for tab in tabs:
            if not isinstance(tab, TabItem):
                raise TypeError(
                    f"Tabs() takes TabItem(title, content) arguments, got"
                    f" {type(tab).__name__}: wrap it as rio.TabItem('Title', ...)"
                )
        if tabs:
            if "tabs" in kwargs:
                raise TypeError("Tabs() got tabs both positionally and as tabs=")
            kwargs["tabs"] = list(tabs)
        super().__init__(**kwargs)

    def build(self) -> Component:
        tabs = self.tabs
        index = self.active_tab_index
        bar: SwitcherBar[int] = SwitcherBar(
            values=list(range(len(tabs))) or [0],
            names=[tab.title for tab in tabs] or [""],
            icons=[tab.icon for tab in tabs] if any(t.icon for t in tabs) else None,
            selected_value=self.bind().active_tab_index,
            align_x=0,
        )
        children: list[Component] = [bar]
        if 0 <= index < len(tabs):
            # Keyed by tab, so switching tabs never reuses another tab's content.
            content = tabs[index].content
            children.append(Column(content, grow_y=True, key=f"tab-{index}"))
        return Column(*children, spacing=1)

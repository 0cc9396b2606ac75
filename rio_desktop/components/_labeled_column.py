from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from ..component import Component

__all__ = ["LabeledColumn"]


class LabeledColumn(Component):
    """Components one under the other, each with a label on its left.

    The labels form one right-aligned column, so the components line up.
    Rio 0.12 has it without listing it in its documentation.

    Args:
        content: Label -> component, in the order they are shown.

    Example:
        ```python
        rio.LabeledColumn(
            {
                "Name": rio.TextInput(text=self.bind().name),
                "Age": rio.NumberInput(value=self.bind().age),
            }
        )
        ```
    """

    content: dict[str, Component] = dataclasses.field(default_factory=dict)

    def __init__(
        self, content: Mapping[str, Component] | None = None, **kwargs: Any
    ) -> None:
        if content is not None:
            if "content" in kwargs:
                raise TypeError(
                    "LabeledColumn() got content both positionally and as content="
                )
            if not isinstance(content, Mapping):
                raise TypeError(
                    "LabeledColumn() takes a dict of label -> component:"
                    " rio.LabeledColumn({'Name': rio.TextInput()})"
                )
            kwargs["content"] = dict(content)
        super().__init__(**kwargs)

    def add(self, label: str, child: Component) -> LabeledColumn:
        """Show `child` last, labelled `label`; returns self (for chaining)."""
        self.content[label] = child
        self.mark_mutated("content")
        return self

    def build(self) -> Component:
        from ._grid import Grid
        from ._text import Text

        rows = [
            [Text(label, justify="right", selectable=False), child]
            for label, child in self.content.items()
        ]
        return Grid(*rows, row_spacing=0.1, column_spacing=0.2)

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from ._checkbox import _Toggle

__all__ = ["Switch", "SwitchChangeEvent"]


@dataclasses.dataclass(frozen=True)
class SwitchChangeEvent:
    """The user flipped a `Switch`.

    Attributes:
        is_on: Whether the switch is on now.
    """

    is_on: bool


class Switch(_Toggle):
    """An on/off switch.

    Args:
        is_on: Whether the switch is on (bind it with `self.bind().field`).
        is_sensitive: False greys the switch out; clicks do nothing.
        on_change: Called with a `SwitchChangeEvent` when the user flips it.

    Example:
        ```python
        rio.Row(rio.Text("Dark mode"), rio.Switch(self.bind().dark), spacing=1)
        ```
    """

    _fundamental_type = "Switch"
    _positional_fields: ClassVar[tuple[str, ...]] = ("is_on",)
    _change_event: ClassVar[Any] = SwitchChangeEvent

from __future__ import annotations

from ..component import FundamentalComponent

__all__ = ["Spacer"]


class Spacer(FundamentalComponent):
    """Empty space that grows: pushes its siblings in a Row or Column apart.

    Example:
        ```python
        rio.Row(rio.Text("Left"), rio.Spacer(), rio.Text("Right"))
        ```
    """

    _fundamental_type = "Spacer"
    _positional_fields = ()

    grow_x: bool = True
    grow_y: bool = True

from __future__ import annotations

from ..component import KW_ONLY, Component, FundamentalComponent

__all__ = ["Switcher"]


class Switcher(FundamentalComponent):
    """Shows one component and fades over when it is replaced by another.

    Args:
        content: The component to show, or None for nothing.
        transition_time: How long the cross-fade takes, in seconds.

    Example:
        ```python
        rio.Switcher(LoginForm() if self.logged_out else Dashboard())
        ```
    """

    _fundamental_type = "Switcher"
    _child_fields = ("content",)

    content: Component | None = None
    _: KW_ONLY
    transition_time: float = 0.35

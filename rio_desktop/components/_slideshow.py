from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

from ..component import KW_ONLY, Component, FundamentalComponent

__all__ = ["Slideshow"]


def _seconds(value: Any) -> float:
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value)


class Slideshow(FundamentalComponent):
    """Shows its children one after another, sliding on at a fixed pace.

    Each child stays `linger_time` seconds (a thin bar at the bottom fills
    meanwhile), then the next slides in from the right; after the last one
    the first comes again.

    Args:
        *children: The slides, in order.
        linger_time: How long each slide shows: seconds or a `timedelta`.
        pause_on_hover: Hold the current slide while the pointer is over it.
        corner_radius: One radius or four (top-left, top-right, bottom-right,
            bottom-left), in font-heights; None: the theme's medium radius.

    Example:
        ```python
        rio.Slideshow(
            rio.Image(self.session.assets / "first.jpg"),
            rio.Image(self.session.assets / "second.jpg"),
            linger_time=5,
        )
        ```
    """

    _fundamental_type = "Slideshow"
    _child_fields = ("children",)
    _positional_fields = ()

    children: list[Component] = dataclasses.field(default_factory=list)
    _: KW_ONLY
    linger_time: float | timedelta = timedelta(seconds=10)
    pause_on_hover: bool = True
    corner_radius: float | tuple[float, float, float, float] | None = None

    def __init__(self, *children: Component, **kwargs: Any) -> None:
        if children:
            kwargs["children"] = list(children)
        super().__init__(**kwargs)

    def __post_init__(self) -> None:
        seconds = _seconds(self.linger_time)
        if not seconds > 0:
            raise ValueError(f"Slideshow: linger_time must be > 0, not {seconds}")
        # As in Rio, the field reads as seconds whatever it was given as.
        self.set_quietly("linger_time", seconds)

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "linger_time":
            return _seconds(value)
        if name == "corner_radius" and isinstance(value, (int, float)):
            return [value] * 4
        return super()._serialize_field(name, value)

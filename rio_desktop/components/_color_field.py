"""Shared by components that take colours: validate and serialize them."""

from __future__ import annotations

from typing import Any

from ..color import color_to_css

__all__ = ["ColorFieldsMixin"]


class ColorFieldsMixin:
    """Serialize the fields named in `_color_fields` as CSS or set names.

    A `rio.Color` becomes a CSS colour string, a colour set name such as
    "primary" stays a name (the page turns it into the theme's variable).
    """

    _color_fields: tuple[str, ...] = ()

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name in self._color_fields:
            try:
                return color_to_css(value)
            except (TypeError, ValueError) as error:
                raise TypeError(
                    f"{type(self).__name__}.{name}: {error}. Pass a rio.Color,"
                    " a hex string or a colour set name like 'primary'."
                ) from None
        return super()._serialize_field(name, value)  # type: ignore[misc]

    def __post_init__(self) -> None:
        for name in self._color_fields:
            value = getattr(self, name)
            if value is not None:
                self._serialize_field(name, value)

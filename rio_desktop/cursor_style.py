"""`CursorStyle`: the pointer shapes a component can ask for.

Rio 0.11.3 moved to string literals ("pointer", "can-grab"...); the enum
stays for older code. Both forms are accepted where a cursor is taken.
"""

from __future__ import annotations

import enum

__all__ = ["CURSOR_NAMES", "CursorStyle", "cursor_to_css"]


class CursorStyle(enum.Enum):
    """The pointer shown over a component; prefer the string names.

    Example:
        ```python
        rio.Rectangle(fill=rio.Color.WHITE, cursor=rio.CursorStyle.POINTER)
        ```
    """

    DEFAULT = enum.auto()
    NONE = enum.auto()
    HELP = enum.auto()
    POINTER = enum.auto()
    LOADING = enum.auto()
    BACKGROUND_LOADING = enum.auto()
    CROSSHAIR = enum.auto()
    TEXT = enum.auto()
    MOVE = enum.auto()
    NOT_ALLOWED = enum.auto()
    CAN_GRAB = enum.auto()
    IS_GRABBED = enum.auto()
    ZOOM_IN = enum.auto()
    ZOOM_OUT = enum.auto()

    def _to_json(self) -> str:
        return _ENUM_NAMES[self]


#: Rio's cursor names and the CSS cursor each one is.
CURSOR_NAMES: dict[str, str] = {
    "default": "default",
    "none": "none",
    "help": "help",
    "pointer": "pointer",
    "loading": "wait",
    "background-loading": "progress",
    "crosshair": "crosshair",
    "text": "text",
    "move": "move",
    "not-allowed": "not-allowed",
    "can-grab": "grab",
    "grabbed": "grabbing",
    "zoom-in": "zoom-in",
    "zoom-out": "zoom-out",
    # CSS spellings the seed accepted.
    "grab": "grab",
    "grabbing": "grabbing",
    "wait": "wait",
    "progress": "progress",
}

_ENUM_NAMES: dict[CursorStyle, str] = {
    CursorStyle.IS_GRABBED: "grabbed",
    **{
        style: style.name.lower().replace("_", "-")
        for style in CursorStyle
        if style is not CursorStyle.IS_GRABBED
    },
}


def cursor_to_css(value: object) -> str:
    """The CSS cursor for a `CursorStyle` or one of Rio's cursor names.

    Raises:
        ValueError: for an unknown name.
    """
    name = value._to_json() if isinstance(value, CursorStyle) else value
    css = CURSOR_NAMES.get(name) if isinstance(name, str) else None
    if css is None:
        raise ValueError(
            f"unknown cursor {value!r}; use one of {', '.join(list(CURSOR_NAMES)[:14])}"
            " or a rio.CursorStyle"
        )
    return css

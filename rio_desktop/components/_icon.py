from __future__ import annotations

import difflib
import functools
import json
from typing import Any

from ..color import color_to_css
from ..component import KW_ONLY, FundamentalComponent
from . import _icon_registry

__all__ = ["Icon", "icon_names"]

_PREFIX = "export const ICONS = "


@functools.cache
def icon_names() -> frozenset[str]:
    """Every name `rio.Icon` knows, as "material/<name>"."""
    from ..server import webui_dir

    for line in (webui_dir() / "icons.js").read_text("utf-8").splitlines():
        if line.startswith(_PREFIX):
            data = json.loads(line[len(_PREFIX) :].rstrip().rstrip(";"))
            return frozenset(f"material/{name}" for name in data)
    raise RuntimeError("webui/icons.js has no icon data; reinstall rio-desktop")


def _normalize(name: str) -> str:
    """ "castle", "material/castle" and "material/castle:fill" are one icon."""
    base = name.split(":", 1)[0]
    return base if "/" in base else f"material/{base}"


class Icon(FundamentalComponent):
    """A symbol from the built-in icon set (offline, about 400 icons).

    Your own SVG icons join with `Icon.register_single_icon(path, "set",
    "name")` (then `rio.Icon("set/name")`) or `Icon.register_icon_set`.

    Icons scale with their size (min_width / min_height, default 1.3x1.3
    font-heights) and take the text colour unless `fill` says otherwise.

    Args:
        icon: The icon's name, like "material/castle".
        fill: A colour set name ("primary", "danger", ...), a `rio.Color`, or
            "keep" for the surrounding text colour.

    Raises:
        ValueError: for an unknown name, with the closest known names.

    Example:
        ```python
        rio.Icon("material/castle", fill="primary", min_width=3, min_height=3)
        ```
    """

    _fundamental_type = "Icon"

    icon: str
    _: KW_ONLY
    fill: Any = "keep"
    min_width: float = 1.3
    min_height: float = 1.3

    register_single_icon = staticmethod(_icon_registry.register_single_icon)
    register_icon_set = staticmethod(_icon_registry.register_icon_set)

    def __post_init__(self) -> None:
        name = self.icon
        if isinstance(name, str) and _icon_registry.custom_icon(name) is not None:
            return
        if not isinstance(name, str) or _normalize(name) not in icon_names():
            known = sorted(icon_names())
            close = difflib.get_close_matches(
                _normalize(str(name)), known, n=3, cutoff=0.6
            )
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise ValueError(
                f"Unknown icon {name!r}.{hint} Icon names look like"
                " 'material/castle'; rio_desktop.components.icon_names() lists"
                " all of them."
            )

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "icon":
            svg = _icon_registry.custom_icon(value)
            if svg is not None:
                return {"name": value, "svg": svg}
            return _normalize(value)
        if name == "fill":
            if value == "dim":
                return "var(--rio-text-dim)"
            return color_to_css(value)
        return super()._serialize_field(name, value)

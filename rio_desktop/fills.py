"""Fills: how a shape (or text) is painted — a colour, a gradient, an image...

Components that take a fill (`Rectangle.fill`, `Text.fill`, `TextStyle.fill`,
a theme's `heading_fill`) accept a `rio.Color`, a colour set name where the
component allows one, or one of the classes here. On the wire a fill is a
small dict (``{"type": "linear", ...}``) that `webui/fills.js` turns into CSS.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from .color import Color, color_to_css

__all__ = [
    "Fill",
    "FillLike",
    "FrostedGlassFill",
    "ImageFill",
    "LinearGradientFill",
    "RadialGradientFill",
    "SolidFill",
    "fill_to_wire",
    "image_source",
]


class Fill:
    """The base class of every fill; use one of its subclasses.

    `SolidFill`, `LinearGradientFill`, `RadialGradientFill`, `ImageFill` and
    `FrostedGlassFill`. Wherever a fill is taken, a plain `rio.Color` works too.
    """

    __slots__ = ()

    def _to_json(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclasses.dataclass(frozen=True, eq=True)
class SolidFill(Fill):
    """Paints a shape with one colour.

    Example:
        ```python
        rio.Rectangle(fill=rio.SolidFill(rio.Color.RED), min_height=3)
        ```
    """

    color: Color

    def _to_json(self) -> dict[str, Any]:
        return {"type": "solid", "color": _css(self.color)}


Stop = Color | tuple[Color, float]


def _stops(raw: Iterable[Stop]) -> tuple[tuple[Color, float], ...]:
    """Give every stop a position: the ends 0 and 1, the rest spread evenly.

    Raises:
        ValueError: no stops, a position outside 0..1, or descending positions.
    """
    items: list[Any] = list(raw)
    if not items:
        raise ValueError("a gradient needs at least one stop (a rio.Color)")
    # An explicit first or last position other than 0 / 1 gets the same
    # colour repeated at the end, so the gradient always spans 0..1.
    if isinstance(items[0], tuple):
        if items[0][1] != 0:
            items.insert(0, (items[0][0], 0.0))
    else:
        items[0] = (items[0], 0.0)
    if isinstance(items[-1], tuple):
        if items[-1][1] != 1:
            items.append((items[-1][0], 1.0))
    else:
        items[-1] = (items[-1], 1.0)

    anchors = [i for i, item in enumerate(items) if isinstance(item, tuple)]
    for index in anchors:
        color, position = items[index]
        if not isinstance(color, Color):
            raise TypeError(
                f"gradient stops are rio.Color or (rio.Color, position); got"
                f" {type(color).__name__}"
            )
        if not 0 <= position <= 1:
            raise ValueError(
                f"gradient stop positions go from 0 to 1; one is at {position}"
            )
    for left, right in zip(anchors, anchors[1:], strict=False):
        start, end = items[left][1], items[right][1]
        if start > end:
            raise ValueError(
                f"gradient stops must be in ascending order; {start} comes before {end}"
            )
        step = (end - start) / (right - left)
        for offset, index in enumerate(range(left + 1, right), start=1):
            if not isinstance(items[index], Color):
                raise TypeError(
                    "gradient stops are rio.Color or (rio.Color, position);"
                    f" got {type(items[index]).__name__}"
                )
            items[index] = (items[index], start + step * offset)
    return tuple((color, float(position)) for color, position in items)


def _wire_stops(stops: tuple[tuple[Color, float], ...]) -> list[list[Any]]:
    return [[_css(color), position] for color, position in stops]


@dataclasses.dataclass(frozen=True, eq=True, init=False)
class LinearGradientFill(Fill):
    """A gradient along a straight line.

    Stops are colours, or (colour, position) pairs with positions from 0 to 1;
    stops without a position are spread evenly between their neighbours.
    `angle_degrees` 0 runs left to right; angles turn counter-clockwise.

    Example:
        ```python
        rio.LinearGradientFill(rio.Color.RED, rio.Color.BLUE, angle_degrees=90)
        ```
    """

    stops: tuple[tuple[Color, float], ...]
    angle_degrees: float = 0.0

    def __init__(self, *stops: Stop, angle_degrees: float = 0.0) -> None:
        object.__setattr__(self, "stops", _stops(stops))
        object.__setattr__(self, "angle_degrees", float(angle_degrees))

    def _to_json(self) -> dict[str, Any]:
        return {
            "type": "linear",
            "stops": _wire_stops(self.stops),
            "angle": self.angle_degrees,
        }


@dataclasses.dataclass(frozen=True, eq=True, init=False)
class RadialGradientFill(Fill):
    """A gradient in circles around a centre.

    Position 0 is the centre, 1 the edge. `center_x` / `center_y` are
    fractions of the shape's width and height.

    Example:
        ```python
        rio.RadialGradientFill(rio.Color.WHITE, rio.Color.BLACK, center_y=0.2)
        ```
    """

    stops: tuple[tuple[Color, float], ...]
    center_x: float = 0.5
    center_y: float = 0.5

    def __init__(
        self, *stops: Stop, center_x: float = 0.5, center_y: float = 0.5
    ) -> None:
        object.__setattr__(self, "stops", _stops(stops))
        object.__setattr__(self, "center_x", float(center_x))
        object.__setattr__(self, "center_y", float(center_y))

    def _to_json(self) -> dict[str, Any]:
        return {
            "type": "radial",
            "stops": _wire_stops(self.stops),
            "center": [self.center_x, self.center_y],
        }


_FILL_MODES = ("fit", "stretch", "zoom", "tile")


class ImageFill(Fill):
    """Paints a shape with a picture.

    Args:
        image: A `pathlib.Path`, the image's bytes, a PIL image, or an
            http(s) URL. Files and bytes are served by the app's server.
        fill_mode: "fit" (whole image, letterboxed), "stretch" (distorted to
            the shape), "zoom" (covers the shape, cropping) or "tile"
            (repeated, each tile `tile_size` font-heights).
        tile_size: (width, height) of a tile in font-heights; only for "tile".

    Example:
        ```python
        rio.Rectangle(fill=rio.ImageFill(Path("photo.jpg"), fill_mode="zoom"))
        ```
    """

    __slots__ = ("_image", "_data", "_source", "_fill_mode", "_tile_size")

    def __init__(
        self,
        image: Any,
        *,
        fill_mode: Literal["fit", "stretch", "zoom", "tile"] = "fit",
        tile_size: tuple[float, float] = (10, 10),
    ) -> None:
        if fill_mode not in _FILL_MODES:
            raise ValueError(
                f"ImageFill fill_mode must be one of {', '.join(_FILL_MODES)};"
                f" got {fill_mode!r}"
            )
        self._image = image
        # What the blob registry holds: a PIL image is encoded once.
        self._data = _png_bytes(image) if _is_pil(image) else image
        self._source = image_source(self._data, "rio.ImageFill")
        self._fill_mode = fill_mode
        self._tile_size = (float(tile_size[0]), float(tile_size[1]))

    @property
    def image(self) -> Any:
        return self._image

    @property
    def fill_mode(self) -> str:
        return self._fill_mode

    @property
    def tile_size(self) -> tuple[float, float]:
        return self._tile_size

    def _to_json(self) -> dict[str, Any]:
        if self._source.startswith("rio-blob:"):
            # Registering again keeps the image in the bounded registry.
            image_source(self._data, "rio.ImageFill")
        return {
            "type": "image",
            "url": self._source,
            "mode": self._fill_mode,
            "tile": list(self._tile_size),
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ImageFill):
            return NotImplemented
        return (self._source, self._fill_mode, self._tile_size) == (
            other._source,
            other._fill_mode,
            other._tile_size,
        )

    def __hash__(self) -> int:
        return hash((self._source, self._fill_mode, self._tile_size))

    def __repr__(self) -> str:
        return f"ImageFill({self._image!r}, fill_mode={self._fill_mode!r})"


@dataclasses.dataclass(frozen=True, eq=True)
class FrostedGlassFill(Fill):
    """A (see-through) colour over a blurred view of what lies behind.

    Give `color` some transparency, or it looks like a `SolidFill`.
    `blur_size` is in font-heights.

    Example:
        ```python
        rio.FrostedGlassFill(rio.Color.WHITE.replace(opacity=0.4), blur_size=0.5)
        ```
    """

    color: Color
    blur_size: float = 0.3

    def _to_json(self) -> dict[str, Any]:
        return {"type": "glass", "color": _css(self.color), "blur": self.blur_size}


#: What a fill parameter takes.
FillLike = (
    SolidFill
    | LinearGradientFill
    | RadialGradientFill
    | ImageFill
    | FrostedGlassFill
    | Color
)


def _css(color: Any) -> str:
    if not isinstance(color, Color):
        raise TypeError(
            f"fills take a rio.Color, got {type(color).__name__}; write e.g."
            " rio.Color.from_hex('#1f6feb')"
        )
    return color.css


def fill_to_wire(value: Any) -> Any:
    """A fill field's wire form: a fill becomes a dict, a colour CSS.

    Colour set names ("primary", ...) and hex strings pass through as for
    colour fields.

    Raises:
        TypeError: for anything that is not a fill, a colour or a set name.
    """
    if isinstance(value, Fill):
        return value._to_json()
    return color_to_css(value)


def image_source(image: Any, owner: str) -> str:
    """Where the page loads `image` from: "rio-blob:<id>" or a URL.

    Bytes, paths and PIL images go into the blob registry of `rio.Image`.
    """
    from .components._image import _register

    if isinstance(image, (bytes, bytearray, memoryview)):
        return "rio-blob:" + _register(bytes(image))
    if isinstance(image, Path):
        if not image.is_file():
            raise FileNotFoundError(
                f"{owner}: no image file at {image}; pass an existing path"
            )
        return "rio-blob:" + _register(image)
    if _is_pil(image):
        return "rio-blob:" + _register(_png_bytes(image))
    text = str(image)
    if text.startswith(("http://", "https://", "/", "data:image/")):
        return text
    raise TypeError(
        f"{owner} takes a pathlib.Path, bytes, a PIL image or an http(s) URL,"
        f" got {text[:60]!r}; wrap file names in pathlib.Path(...)"
    )


def _is_pil(image: Any) -> bool:
    return hasattr(image, "save") and hasattr(image, "mode") and hasattr(image, "size")


def _png_bytes(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()

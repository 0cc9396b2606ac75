"""`Font`: a font family from font files, served to the page via @font-face.

A `Font` made from files (paths or bytes) registers each file with the blob
registry `rio.Image` uses and is named `rio-font-<id>` on the page; the page
adds one `FontFace` per file (`webui/fonts.js`) the first time the font is
used. `Font.ROBOTO` and `Font.ROBOTO_MONO` name the installed Roboto fonts,
with the system's UI / monospace font as fallback (the files are not shipped).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

__all__ = ["Font"]

_SANS_FALLBACK = "system-ui, 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif"
_MONO_FALLBACK = "ui-monospace, 'Cascadia Code', 'DejaVu Sans Mono', monospace"


class Font:
    """A custom font: one file per style, in any format a browser reads.

    Args:
        regular: The upright, normal-weight file (a `pathlib.Path` or bytes).
        bold, italic, bold_italic: Files for those styles; without them the
            browser derives the style from `regular`.

    Example:
        ```python
        fira = rio.Font(Path("Fira-Regular.ttf"), bold=Path("Fira-Bold.ttf"))
        rio.Text("Hello", font=fira)
        ```
    """

    ROBOTO: ClassVar[Font]
    ROBOTO_MONO: ClassVar[Font]

    __slots__ = ("_family", "_css", "_faces", "_sources", "_label")

    def __init__(
        self,
        regular: Path | bytes,
        bold: Path | bytes | None = None,
        italic: Path | bytes | None = None,
        bold_italic: Path | bytes | None = None,
    ) -> None:
        self._sources = [
            (source, weight, style)
            for source, weight, style in (
                (regular, None, None),
                (bold, "bold", None),
                (italic, None, "italic"),
                (bold_italic, "bold", "italic"),
            )
            if source is not None
        ]
        self._faces = faces = self._register()
        self._family = "rio-font-" + faces[0]["url"].removeprefix("rio-blob:")[:16]
        self._css = f"'{self._family}', {_SANS_FALLBACK}"
        self._label = str(regular) if isinstance(regular, Path) else "<bytes>"

    @classmethod
    def _installed(cls, family: str, fallback: str) -> Font:
        """A font the system may have installed, by family name."""
        font = object.__new__(cls)
        font._faces = []
        font._sources = []
        font._family = family
        font._css = f"'{family}', {fallback}"
        font._label = family
        return font

    @staticmethod
    def from_google_fonts(font_name: str) -> Font:
        """Not available: the app would need to fetch from Google at run time.

        Raises:
            NotImplementedError: always; download the font's files and pass
                them to `rio.Font(...)`.
        """
        raise NotImplementedError(
            f"rio_desktop does not fetch fonts from Google Fonts: download"
            f" {font_name!r} from fonts.google.com and pass its files to"
            " rio.Font(regular=Path(...), bold=Path(...))"
        )

    @staticmethod
    def from_css_file(css_file: Any, /) -> Font:
        """Not available: pass the font files themselves to `rio.Font(...)`.

        Raises:
            NotImplementedError: always.
        """
        raise NotImplementedError(
            "rio_desktop cannot read fonts from a CSS file; pass the font files"
            " referenced by it to rio.Font(regular=Path(...), bold=Path(...))"
        )

    @property
    def _css_family(self) -> str:
        """The CSS font-family value: this font, then a fallback."""
        return self._css

    def _register(self) -> list[dict[str, Any]]:
        faces = []
        for source, weight, style in self._sources:
            face: dict[str, Any] = {"url": "rio-blob:" + _register_file(source)}
            if weight:
                face["weight"] = weight
            if style:
                face["style"] = style
            faces.append(face)
        return faces

    def _to_json(self) -> dict[str, Any]:
        if self._sources:
            # Registering again keeps the files in the bounded registry.
            self._register()
        return {"family": self._family, "css": self._css, "faces": self._faces}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Font):
            return NotImplemented
        return self._css == other._css and self._faces == other._faces

    def __hash__(self) -> int:
        return hash(self._css)

    def __repr__(self) -> str:
        return f"<Font {self._label}>"


def _register_file(source: Path | bytes) -> str:
    from .components._image import _register

    if isinstance(source, (bytes, bytearray, memoryview)):
        return _register(bytes(source))
    if isinstance(source, str):
        source = Path(source)
    if not isinstance(source, Path):
        raise TypeError(
            f"rio.Font takes font files as pathlib.Path or bytes, got"
            f" {type(source).__name__}"
        )
    if not source.is_file():
        raise FileNotFoundError(f"rio.Font: no font file at {source}")
    return _register(source)


Font.ROBOTO = Font._installed("Roboto", _SANS_FALLBACK)
Font.ROBOTO_MONO = Font._installed("Roboto Mono", _MONO_FALLBACK)

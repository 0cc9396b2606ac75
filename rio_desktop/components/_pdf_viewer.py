from __future__ import annotations

from typing import Any

from ..component import KW_ONLY, FundamentalComponent
from ._media_player import media_source

__all__ = ["PdfViewer"]


class PdfViewer(FundamentalComponent):
    """Shows a PDF document in the browser's own PDF viewer.

    The viewer scrolls, zooms and searches; where the engine has none, a
    link to download the document is shown instead. Files and bytes are
    served by the app's server, only to this app's page.

    Args:
        pdf: A `pathlib.Path`, the document's bytes, or an http(s) URL.

    Example:
        ```python
        rio.PdfViewer(Path(__file__).parent / "manual.pdf", grow_y=True)
        ```
    """

    _fundamental_type = "PdfViewer"

    pdf: Any
    _: KW_ONLY
    min_width: float = 5
    min_height: float = 5

    def __post_init__(self) -> None:
        media_source(self.pdf, "application/pdf", "PdfViewer")

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "pdf":
            return media_source(value, "application/pdf", "PdfViewer")
        return super()._serialize_field(name, value)

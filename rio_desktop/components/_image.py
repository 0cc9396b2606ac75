from __future__ import annotations

import hashlib
import mimetypes
import secrets
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Literal

from ..component import KW_ONLY, FundamentalComponent

__all__ = ["Image", "lookup_blob"]

#: How many images given as bytes or paths the server remembers.
_MAX_BLOBS = 512
_blobs: OrderedDict[str, tuple[bytes | Path, str]] = OrderedDict()
_path_ids: dict[Path, str] = {}
_lock = threading.Lock()


def _register(source: bytes | Path, media_type: str | None = None) -> str:
    """Remember `source` and return the id it is served under.

    `media_type` overrides the type guessed from the file name or bytes.
    """
    with _lock:
        if isinstance(source, Path):
            resolved = source.resolve()
            blob_id = _path_ids.get(resolved)
            if blob_id is None:
                blob_id = _path_ids[resolved] = secrets.token_urlsafe(16)
            mime = media_type or _guess_type(resolved.name)
            entry: tuple[bytes | Path, str] = (resolved, mime)
        else:
            blob_id = hashlib.sha256(source).hexdigest()[:32]
            entry = (bytes(source), media_type or _sniff(source))
        _blobs[blob_id] = entry
        _blobs.move_to_end(blob_id)
        while len(_blobs) > _MAX_BLOBS:
            _blobs.popitem(last=False)
        return blob_id


def lookup_blob(blob_id: str) -> tuple[bytes | Path, str] | None:
    """What the server sends for /rio-desktop/blob/<id>: (data or path, type)."""
    with _lock:
        return _blobs.get(blob_id)


def _guess_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:256].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")):
        return "image/svg+xml"
    return _sniff_media(data)


def _sniff_media(data: bytes) -> str:
    """Audio, video and PDF types by their magic numbers (MediaPlayer...)."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data.startswith(b"OggS"):
        return "audio/ogg"
    if data.startswith(b"fLaC"):
        return "audio/flac"
    if data.startswith(b"ID3") or data[:2] in (b"\xff\xfb", b"\xff\xf3"):
        return "audio/mpeg"
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    if data[4:8] == b"ftyp":
        return "video/mp4"
    return "application/octet-stream"


class Image(FundamentalComponent):
    """Shows a picture from a file, from bytes, or from a URL.

    Files and bytes are served by the app's server under a URL of their own,
    so the picture is sent once, not with every refresh.

    Args:
        image: A `pathlib.Path`, the image's bytes, or an http(s) URL
            (`str` or `rio.URL`).
        fill_mode: "fit" (whole image, letterboxed), "stretch" (distorted to
            fill) or "zoom" (fills, cropping the edges).
        on_error: Called (no arguments) when the page cannot load the image.
        corner_radius: In font-heights.
        accessibility_description: Alternative text for screen readers.

    Example:
        ```python
        rio.Image(Path(__file__).parent / "logo.png", fill_mode="fit", min_height=10)
        ```
    """

    _fundamental_type = "Image"

    image: Any
    _: KW_ONLY
    fill_mode: Literal["fit", "stretch", "zoom"] = "fit"
    on_error: Any = None
    corner_radius: float = 0
    accessibility_description: str = ""
    min_width: float = 2
    min_height: float = 2

    def __post_init__(self) -> None:
        self._source(self.image)

    def _source(self, image: Any) -> str:
        if isinstance(image, (bytes, bytearray, memoryview)):
            return "rio-blob:" + _register(bytes(image))
        if isinstance(image, Path):
            if not image.is_file():
                raise FileNotFoundError(
                    f"rio.Image: no image file at {image}; pass an existing path"
                )
            return "rio-blob:" + _register(image)
        text = str(image)
        if text.startswith(("http://", "https://", "/", "data:image/")):
            return text
        raise TypeError(
            f"rio.Image takes a pathlib.Path, bytes or an http(s) URL, got"
            f" {text[:60]!r}; wrap file names in pathlib.Path(...)"
        )

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "error":
            return super()._on_page_event(name, payload)
        return self._call(self.on_error)

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "image":
            return self._source(value)
        return super()._serialize_field(name, value)

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from ..color import Color
from ..component import KW_ONLY, FundamentalComponent, field
from ..fills import fill_to_wire
from ._focus import KeyboardFocusable
from ._image import _register
from ._input_common import payload_field

__all__ = ["MediaPlayer"]


def media_source(media: Any, media_type: str | None, owner: str) -> str:
    """Where the page loads `media` from: "rio-blob:<id>" or a URL.

    Paths and bytes are served by the app's server (with byte ranges, so
    players can seek); a `str` or `rio.URL` is used as it is.
    """
    if isinstance(media, (bytes, bytearray, memoryview)):
        return "rio-blob:" + _register(bytes(media), media_type)
    if isinstance(media, Path):
        if not media.is_file():
            raise FileNotFoundError(f"rio.{owner}: no file at {media}")
        return "rio-blob:" + _register(media, media_type)
    text = str(media)
    if text.startswith(("http://", "https://", "/")):
        return text
    raise TypeError(
        f"rio.{owner} takes a pathlib.Path, bytes or an http(s) URL, got"
        f" {text[:60]!r}; wrap file names in pathlib.Path(...)"
    )


class MediaPlayer(KeyboardFocusable, FundamentalComponent):
    """Plays audio or video, from a file, from bytes or from a URL.

    Local media is served by the app's own server, seekable, only to this
    app's page. The player takes the space its parent gives it.

    Args:
        media: A `pathlib.Path`, the file's bytes, or an http(s) URL.
        media_type: The MIME type ("video/mp4"...), when the file name or
            the bytes do not tell it.
        loop: Start again from the beginning at the end.
        autoplay: Start playing as soon as it is shown (browsers only allow
            it for muted media or after the user interacted with the page).
        controls: Show play/pause, the time line, volume and fullscreen.
        muted: Sound off; the user's mute button changes it.
        volume: 1.0 is the file's own loudness; the user's volume slider
            changes it.
        background: What shows behind audio and around the video.
        on_playback_end: Called (no arguments) each time the end is
            reached, also when looping.
        on_error: Called (no arguments) when the media cannot be played.

    Example:
        ```python
        rio.MediaPlayer(Path(__file__).parent / "clip.webm", min_height=12)
        ```
    """

    _fundamental_type = "MediaPlayer"

    media: Any
    _: KW_ONLY
    media_type: str | None = None
    loop: bool = False
    autoplay: bool = False
    controls: bool = True
    muted: bool = False
    volume: float = 1.0
    background: Any = Color.BLACK
    on_playback_end: Any = None
    on_error: Any = None
    auto_focus: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        media_source(self.media, self.media_type, "MediaPlayer")

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "media":
            return media_source(value, self.media_type, "MediaPlayer")
        if name == "background":
            return fill_to_wire(value)
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name == "end":
            return self._call(self.on_playback_end)
        if name == "error":
            return self._call(self.on_error)
        if name == "volume":
            # The user moved the volume slider or pressed mute.
            muted = payload_field(self, payload, "muted", bool)
            volume = payload_field(self, payload, "volume", (int, float))
            if not math.isfinite(volume) or volume < 0:
                raise ValueError("MediaPlayer got a volume that is not >= 0")
            if muted != self.muted:
                self._set_from_page("muted", muted)
            if volume != self.volume:
                self._set_from_page("volume", float(volume))
            return None
        return super()._on_page_event(name, payload)

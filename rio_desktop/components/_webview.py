from __future__ import annotations

from typing import Any

from ..component import KW_ONLY, FundamentalComponent

__all__ = ["Webview"]


class Webview(FundamentalComponent):
    """Shows another site's page, or HTML, inside the app.

    The content runs in a sandboxed frame: it may run scripts and submit
    forms, but never navigate the app away. HTML (anything that is not an
    http(s) URL) gets no origin of its own, so its scripts cannot reach the
    app's page, cookies or server. A fragment ("<p>Hi</p>") takes the app's
    font and text colour; a whole document ("<!DOCTYPE html>...") is shown
    as it is. Scripts in the HTML can call `rioSendMessage(value)`; the
    value (JSON) reaches `on_message`.

    Args:
        content: An http(s) URL (`str` or `rio.URL`) or HTML.
        enable_pointer_events: False lets clicks pass through to what is
            behind.
        resize_to_fit_content: Grow to the HTML's height (HTML only: another
            site's page does not tell its size).
        on_message: Called with each value the HTML's scripts send.

    Example:
        ```python
        rio.Webview("<p>Hello <b>there</b></p>", on_message=print)
        ```
    """

    _fundamental_type = "Webview"

    content: Any
    _: KW_ONLY
    enable_pointer_events: bool = True
    resize_to_fit_content: bool = True
    on_message: Any = None

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "content":
            return str(value)
        return super()._serialize_field(name, value)

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "message":
            return super()._on_page_event(name, payload)
        if not isinstance(payload, dict) or "payload" not in payload:
            raise ValueError(f"Webview: bad message payload {payload!r}")
        return self._call(self.on_message, payload["payload"])

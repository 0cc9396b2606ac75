"""Rio's deprecated Html and Website: both are Webviews now."""

from __future__ import annotations

import warnings
from typing import Any

from ..component import KW_ONLY, Component
from ._webview import Webview

__all__ = ["Html", "Website"]


class _ComponentDeprecationWarning(DeprecationWarning):
    """A deprecated Rio component was used."""


# Shown by default (Python hides DeprecationWarnings outside __main__), as
# Rio shows its own.
warnings.simplefilter("default", _ComponentDeprecationWarning)


def _deprecated(name: str) -> None:
    # The stack level points at the app's `rio.Html(...)` line.
    warnings.warn(
        f"rio.{name} is deprecated (since Rio 0.10.9): use rio.Webview instead",
        _ComponentDeprecationWarning,
        stacklevel=4,
    )


class Html(Component):
    """Deprecated (as in Rio): use `rio.Webview`, which this builds.

    Args:
        html: The HTML to show (a fragment or a whole document); see
            `rio.Webview` for what it may do.
        enable_pointer_events: False lets clicks pass through.
    """

    html: str
    _: KW_ONLY
    enable_pointer_events: bool = True

    def __post_init__(self) -> None:
        _deprecated("Html")

    def build(self) -> Component:
        return Webview(self.html, enable_pointer_events=self.enable_pointer_events)


class Website(Component):
    """Deprecated (as in Rio): use `rio.Webview`, which this builds.

    Args:
        url: The http(s) address of the page to show.
    """

    url: Any

    def __post_init__(self) -> None:
        _deprecated("Website")

    def build(self) -> Component:
        return Webview(self.url)

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


def warn_deprecated(name: str, since: str, replacement: str) -> None:
    """Warn that the deprecated `rio.<name>` was made (Html, Website and
    MouseEventListener); called from the component's `__post_init__`."""
    # The stack level points at the app's `rio.Html(...)` line: past this
    # function, __post_init__ and Component.__init__.
    warnings.warn(
        f"rio.{name} is deprecated (since Rio {since}): use rio.{replacement} instead",
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
        warn_deprecated("Html", "0.10.9", "Webview")

    def build(self) -> Component:
        return Webview(self.html, enable_pointer_events=self.enable_pointer_events)


class Website(Component):
    """Deprecated (as in Rio): use `rio.Webview`, which this builds.

    Args:
        url: The http(s) address of the page to show.
    """

    url: Any

    def __post_init__(self) -> None:
        warn_deprecated("Website", "0.10.9", "Webview")

    def build(self) -> Component:
        return Webview(self.url)

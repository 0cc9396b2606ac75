from __future__ import annotations

from ..component import FundamentalComponent

__all__ = ["ErrorPlaceholder"]


class ErrorPlaceholder(FundamentalComponent):
    """Shown in place of a component whose build() raised."""

    _fundamental_type = "ErrorPlaceholder"

    summary: str = ""
    details: str = ""

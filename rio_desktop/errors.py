"""Rio's exception for problems with assets (icons, asset files)."""

from __future__ import annotations

__all__ = ["AssetError"]


class AssetError(Exception):
    """An asset could not be used: an unknown icon, a missing asset file..."""

    def __init__(self, message: str) -> None:
        super().__init__(message)

    @property
    def message(self) -> str:
        """What went wrong, for people."""
        return self.args[0]

"""`rio.icons`: Rio's older names for adding icons, and the built-in sets' data.

This folder also holds the built-in icon sets (material.zip, brand.zip, made
by scripts/fetch_icons.py, with their licence files). New code uses
`rio.Icon.register_icon_set` and `rio.Icon.register_single_icon`.
"""

from __future__ import annotations

import warnings
from pathlib import Path

__all__ = ["register_icon", "register_icon_set"]


def _deprecated(old: str, new: str) -> None:
    warnings.warn(
        f"rio.icons.{old} is deprecated (since Rio 0.9.2): use {new}",
        DeprecationWarning,
        stacklevel=3,
    )


def register_icon_set(set_name: str, set_archive_path: Path) -> None:
    """Deprecated: `rio.Icon.register_icon_set` does the same."""
    from ..components._icon_registry import register_icon_set as register

    _deprecated("register_icon_set", "rio.Icon.register_icon_set")
    register(set_name, set_archive_path)


def register_icon(
    icon_source: Path,
    set_name: str,
    icon_name: str,
    variant_name: str | None = None,
) -> None:
    """Deprecated: `rio.Icon.register_single_icon` does the same."""
    from ..components._icon_registry import register_single_icon as register

    _deprecated("register_icon", "rio.Icon.register_single_icon")
    register(icon_source, set_name, icon_name, variant_name)

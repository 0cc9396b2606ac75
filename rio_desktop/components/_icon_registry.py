"""Icons the app registers: `Icon.register_single_icon` / `register_icon_set`.

Each is kept as SVG markup under its name ("set/name" or "set/name:variant")
and sent to the page inside the `Icon` that shows it.
"""

from __future__ import annotations

import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath

__all__ = ["custom_icon", "icon_to_wire", "register_icon_set", "register_single_icon"]

_CUSTOM: dict[str, str] = {}
_SETS: set[str] = set()
#: What could run code or load things on the page: refused in an icon.
_FORBIDDEN_TAGS = {"script", "foreignObject", "iframe", "object", "embed"}


def _key(name: str) -> str:
    # As in Rio: "-" and "_" are the same in icon names; no set is material.
    name = name.replace("-", "_")
    return name if "/" in name else f"material/{name}"


def custom_icon(name: str) -> str | None:
    """The SVG markup of a registered icon, or None."""
    if not _CUSTOM:
        return None
    return _CUSTOM.get(_key(name))


def icon_to_wire(name: object) -> object:
    """An icon field for the page: a registered icon goes with its markup."""
    if isinstance(name, str):
        svg = custom_icon(name)
        if svg is not None:
            return {"name": name, "svg": svg}
    return name


def _checked_svg(markup: str, origin: str) -> str:
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as error:
        raise ValueError(f"{origin}: not a valid SVG file ({error})") from None
    if root.tag.rsplit("}", 1)[-1] != "svg" or "viewBox" not in root.attrib:
        raise ValueError(
            f"{origin}: an icon must be one <svg> element with a viewBox"
            " attribute (and no width or height)"
        )
    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1]
        if tag in _FORBIDDEN_TAGS:
            raise ValueError(f"{origin}: icons may not contain <{tag}> elements")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or (
                local == "href" and not value.strip().startswith("#")
            ):
                raise ValueError(
                    f"{origin}: icons may not have {local}= attributes (event"
                    " handlers or outside links)"
                )
    return markup.strip()


def _check_part(value: str, what: str) -> str:
    if not value or any(ch in value for ch in "/:\\") or ".." in value:
        raise ValueError(f"invalid icon {what} {value!r}: no '/', ':' or '..'")
    return value


def register_single_icon(
    icon_source: Path,
    set_name: str,
    icon_name: str,
    variant_name: str | None = None,
) -> None:
    """Make an SVG file available as `rio.Icon("set_name/icon_name")`.

    With `variant_name` it is `"set_name/icon_name:variant_name"`. A second
    registration under the same name replaces the first.

    Args:
        icon_source: An SVG file: one `<svg>` root with a `viewBox`; it is
            drawn in the icon's `fill` colour.
        set_name: The set part of the name.
        icon_name: The icon part of the name.
        variant_name: An optional variant.

    Raises:
        ValueError: if the file is not such an SVG (or has scripts, event
            handlers or outside links).
    """
    path = Path(icon_source)
    name = f"{_check_part(set_name, 'set')}/{_check_part(icon_name, 'name')}"
    if variant_name is not None:
        name += f":{_check_part(variant_name, 'variant')}"
    markup = _checked_svg(path.read_text(encoding="utf-8"), str(path))
    _CUSTOM[_key(name)] = markup


def register_icon_set(set_name: str, set_archive_path: Path) -> None:
    """Make every SVG in a `.tar.xz` archive available as `"set_name/..."`.

    The archive holds one folder named `set_name`: its `name.svg` files
    become `"set_name/name"`, those in a subfolder `variant/` become
    `"set_name/name:variant"`.

    Raises:
        ValueError: if a set of that name is registered already, or the
            archive's content is not laid out as above.
    """
    _check_part(set_name, "set")
    if set_name in _SETS:
        raise ValueError(f"there is already an icon set named {set_name!r}")
    found: dict[str, str] = {}
    with tarfile.open(set_archive_path, "r:*") as archive:
        for member in archive.getmembers():
            parts = PurePosixPath(member.name).parts
            if not member.isfile() or not member.name.endswith(".svg"):
                continue
            if parts[0] != set_name or len(parts) not in (2, 3):
                raise ValueError(
                    f"{set_archive_path}: {member.name} is not in the folder"
                    f" {set_name}/ (or one level of variant folders in it)"
                )
            stem = PurePosixPath(parts[-1]).stem
            name = f"{set_name}/{stem}"
            if len(parts) == 3:
                name += f":{parts[1]}"
            data = archive.extractfile(member)
            assert data is not None
            origin = f"{set_archive_path}:{member.name}"
            found[_key(name)] = _checked_svg(data.read().decode("utf-8"), origin)
    if not found:
        raise ValueError(f"{set_archive_path} holds no .svg files in {set_name}/")
    _SETS.add(set_name)
    _CUSTOM.update(found)

"""Every icon `rio.Icon` can draw, and how an icon travels to the page.

Built-in sets live in rio_desktop/icons/ (see scripts/fetch_icons.py):
"material" (Material Symbols, rounded, with ":fill" variants), "brand"
(logos), and Rio's own "rio" (its logo) and "styling" (corner shapes). The
app's own icons (`Icon.register_single_icon` / `register_icon_set`) are kept
as SVG markup under their names.

Names as in Rio: "material/castle", bare "castle" (the material set),
"set/name:variant"; "-" and "_" are the same.

An icon field goes to the page as {"name", "svg"} the first time a page sees
that icon and as its name after that: a list of 1,000 rows with one icon
carries its markup once (see `icon_to_wire`).
"""

from __future__ import annotations

import bisect
import functools
import json
import logging
import weakref
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..errors import AssetError

if TYPE_CHECKING:
    from .._page_channel import PageChannel

__all__ = [
    "UnknownIconError",
    "check_icon",
    "custom_icon",
    "icon_names",
    "icon_svg",
    "icon_to_wire",
    "register_icon_set",
    "register_single_icon",
]

log = logging.getLogger(__name__)

_CUSTOM: dict[str, str] = {}
_SETS: set[str] = set()
#: What could run code or load things on the page: refused in an icon.
_FORBIDDEN_TAGS = {"script", "foreignObject", "iframe", "object", "embed"}
_DATA = Path(__file__).resolve().parent.parent / "icons"
_BUILTIN = {
    "material": "material.zip",
    "brand": "brand.zip",
    "rio": "rio.zip",
    "styling": "styling.zip",
}


class UnknownIconError(AssetError, ValueError):
    """An icon name that no set has (a ValueError too, as before)."""


def _key(name: str) -> str:
    # As in Rio: "-" and "_" are the same in icon names; no set is material.
    name = name.replace("-", "_")
    return name if "/" in name else f"material/{name}"


class _BuiltinSet:
    """One zip of rio_desktop/icons/, read a chunk of 64 icons at a time."""

    def __init__(self, path: Path) -> None:
        import zipfile  # here: not on the start-up path

        self.path = path
        with zipfile.ZipFile(path) as archive:
            index = json.loads(archive.read("index.json"))
        self.view_box: str = index["view_box"]
        self.chunk: int = index["chunk"]
        self.names: list[str] = index["names"]

    def variants(self, name: str) -> dict[str, Any] | None:
        at = bisect.bisect_left(self.names, name)
        if at == len(self.names) or self.names[at] != name:
            return None
        return self._chunk(at // self.chunk)[name]

    @functools.lru_cache(maxsize=16)  # noqa: B019 (two sets, kept for good)
    def _chunk(self, number: int) -> dict[str, dict[str, Any]]:
        import zipfile

        with zipfile.ZipFile(self.path) as archive:
            return json.loads(archive.read(f"{number}.json"))

    def all_names(self, set_name: str) -> list[str]:
        """ "set/name" and "set/name:variant" for every icon."""
        out = []
        for number in range((len(self.names) + self.chunk - 1) // self.chunk):
            for name, variants in self._chunk(number).items():
                for variant in variants:
                    out.append(
                        f"{set_name}/{name}:{variant}"
                        if variant
                        else f"{set_name}/{name}"
                    )
        return out


@functools.cache
def _builtin(set_name: str) -> _BuiltinSet | None:
    file = _BUILTIN.get(set_name)
    return _BuiltinSet(_DATA / file) if file else None


def _split(key: str) -> tuple[str, str, str]:
    set_name, _, rest = key.partition("/")
    name, _, variant = rest.partition(":")
    return set_name, name, variant


@functools.cache
def _builtin_svg(key: str) -> str | None:
    set_name, name, variant = _split(key)
    icons = _builtin(set_name)
    if icons is None or "/" in name or ":" in variant:
        return None
    variants = icons.variants(name)
    if variants is None or variant not in variants:
        return None
    markup = variants[variant] or variants[""]
    if not icons.view_box:  # a set whose icons each carry their own <svg>
        return markup
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{icons.view_box}">'
        f"{markup}</svg>"
    )


def custom_icon(name: str) -> str | None:
    """The SVG markup of a registered icon, or None."""
    if not _CUSTOM:
        return None
    return _CUSTOM.get(_key(name))


def icon_svg(name: str) -> str | None:
    """The SVG markup of any icon (registered or built in), or None."""
    key = _key(name)
    return _CUSTOM.get(key) or _builtin_svg(key)


def icon_names() -> frozenset[str]:
    """Every icon name `rio.Icon` knows: "set/name" and "set/name:variant"."""
    return frozenset(_all_builtin_names()) | frozenset(_CUSTOM)


@functools.cache
def _all_builtin_names() -> tuple[str, ...]:
    return tuple(
        name
        for set_name in _BUILTIN
        for name in _builtin(set_name).all_names(set_name)  # type: ignore[union-attr]
    )


def _close_matches(key: str) -> list[str]:
    import difflib

    set_name, name, variant = _split(key)
    icons = _builtin(set_name)
    if icons is not None:
        pool = icons.names
        found = difflib.get_close_matches(name, pool, n=5, cutoff=0.6)
        # Names that contain the given one ("arrow" -> "arrow_back"...) too.
        found += [n for n in pool if name and name in n and n not in found][
            : 5 - len(found)
        ]
        suffix = f":{variant}" if variant else ""
        return [f"{set_name}/{n}{suffix}" for n in found]
    pool = sorted({*_CUSTOM, *(f"{s}/" for s in _BUILTIN)})
    return difflib.get_close_matches(key, pool, n=5, cutoff=0.6)


def _unknown_message(name: object) -> str:
    if not isinstance(name, str):
        return f"An icon name must be a string like 'material/castle', not {name!r}."
    key = _key(name)
    set_name, icon, variant = _split(key)
    parts = key.split("/")
    if len(parts) != 2 or not icon or key.count(":") > 1:
        return (
            f"Invalid icon name {name!r}: icon names look like 'set/name' or"
            " 'set/name:variant', e.g. 'material/castle:fill'."
        )
    known_set = set_name in _BUILTIN or any(
        k.startswith(f"{set_name}/") for k in _CUSTOM
    )
    if not known_set:
        sets = ", ".join(sorted({*_BUILTIN, *(k.split("/")[0] for k in _CUSTOM)}))
        return (
            f"Unknown icon {name!r}: there is no icon set {set_name!r}."
            f" The icon sets are: {sets}."
        )
    close = _close_matches(key)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    if variant and icon_svg(f"{set_name}/{icon}") is not None:
        hint = f" {set_name}/{icon} has no variant {variant!r}."
    return f"Unknown icon {name!r}.{hint}"


def check_icon(name: object) -> str:
    """The canonical name of a known icon; UnknownIconError (with the closest
    names) for anything else."""
    if isinstance(name, str) and icon_svg(name) is not None:
        return _key(name)
    raise UnknownIconError(_unknown_message(name))


def _sent_icons(owner: Any) -> set[str] | None:
    """The icons this component's page has had, or None (send markup)."""
    session = getattr(owner, "_session", None)
    if session is None:
        return None
    channel = session.channel
    state = _icons_sent.get(channel)
    # A new connection (page reload or reconnect) starts with nothing sent.
    if state is None or state[0] != channel.connection:
        state = (channel.connection, set())
        _icons_sent[channel] = state
    return state[1]


#: The icons each session's page has had: channel -> (its connection, names).
_icons_sent: weakref.WeakKeyDictionary[PageChannel, tuple[int, set[str]]] = (
    weakref.WeakKeyDictionary()
)


def icon_to_wire(name: object, owner: Any = None) -> object:
    """An icon field for the page: {"name", "svg"} the first time `owner`'s
    page sees that icon, its name after that; None stays None.

    An unknown name is logged (with close matches) and sent as no icon.
    """
    if name is None:
        return None
    if not isinstance(name, str) or (svg := icon_svg(name)) is None:
        log.error("%s", _unknown_message(name))
        return {"name": str(name), "svg": ""}
    key = _key(name)
    sent = _sent_icons(owner)
    if sent is not None:
        if key in sent:
            return key
        sent.add(key)
    return {"name": key, "svg": svg}


def _checked_svg(markup: str, origin: str) -> str:
    import xml.etree.ElementTree as ET

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
    import tarfile

    _check_part(set_name, "set")
    if set_name in _SETS or set_name in _BUILTIN:
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

"""UserSettings values <-> JSON, directed by the fields' annotations.

The types Rio's settings take: JSON's own (bool, int, float, str, None),
lists, tuples, sets, dicts (str, int or enum keys), dataclasses (also nested
and in lists), enums (by member name), flags (a list of member names),
`Literal`, unions, `datetime` / `date` / `time` (ISO 8601), `timedelta`
(seconds), `bytes` (base64), `UUID` and `Path` (text). A value whose
annotation is unknown (`Any`, a bare `list`) is converted by its own type.

`to_json` raises `TypeError` for a value it cannot store; `from_json`
raises `ValueError` for stored data that does not fit the annotation.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime
import enum
import types
import typing
import uuid
from pathlib import Path, PurePath
from typing import Any

__all__ = ["to_json", "from_json", "field_types"]

_UNION_TYPES: tuple[Any, ...] = (typing.Union, types.UnionType)


def field_types(cls: type) -> dict[str, Any]:
    """Each annotated name of `cls` and its bases -> its type (Any if the
    annotation cannot be resolved, e.g. a name local to a function)."""
    try:
        return typing.get_type_hints(cls, include_extras=True)
    except Exception:  # noqa: BLE001 - unresolvable forward references
        hints: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            for name in klass.__dict__.get("__annotations__", {}):
                hints[name] = Any
        return hints


def _strip(typ: Any) -> Any:
    while typing.get_origin(typ) is typing.Annotated:
        typ = typing.get_args(typ)[0]
    return typ


def to_json(typ: Any, value: Any) -> Any:
    """`value` as JSON data, as stored for a field annotated `typ`."""
    typ = _strip(typ)
    origin = typing.get_origin(typ)
    if origin in _UNION_TYPES:
        return to_json(_union_arm(typ, value), value)
    return _value_to_json(value, origin, typing.get_args(typ))


def _union_arm(typ: Any, value: Any) -> Any:
    for arm in typing.get_args(typ):
        arm_type = typing.get_origin(_strip(arm)) or _strip(arm)
        if arm_type is type(None) and value is None:
            return arm
        if isinstance(arm_type, type) and isinstance(value, arm_type):
            return arm
    return Any


def _value_to_json(value: Any, origin: Any, args: tuple[Any, ...]) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        if isinstance(value, enum.Enum):
            return _enum_to_json(value)
        return value
    if isinstance(value, enum.Enum):
        return _enum_to_json(value)
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (uuid.UUID, PurePath)):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        hints = field_types(type(value))
        return {
            f.name: to_json(hints.get(f.name, Any), getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    if isinstance(value, dict):
        key_type, value_type = args if len(args) == 2 else (Any, Any)
        return {
            _key_to_json(key): to_json(value_type, item) for key, item in value.items()
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        items = (
            sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        )
        if origin is tuple and args and args[-1] is not Ellipsis:
            return [to_json(t, item) for t, item in zip(args, items, strict=False)]
        item_type = args[0] if args else Any
        return [to_json(item_type, item) for item in items]
    raise TypeError(
        f"{value!r} ({type(value).__name__}) cannot be stored in settings"
        " (they are stored as JSON): use JSON values, lists/dicts/sets/tuples,"
        " dataclasses, enums, datetime, date, time, timedelta, bytes, UUID or"
        " Path"
    )


def _enum_to_json(value: enum.Enum) -> Any:
    if isinstance(value, enum.Flag):
        return [member.name for member in type(value) if member in value]
    return value.name


def _key_to_json(key: Any) -> str:
    if isinstance(key, enum.Enum):
        return key.name
    if isinstance(key, (str, int, uuid.UUID)) and not isinstance(key, bool):
        return str(key)
    raise TypeError(f"settings dict keys must be str, int or enum, not {key!r}")


def from_json(typ: Any, data: Any) -> Any:
    """The value a field annotated `typ` gets from stored `data`."""
    typ = _strip(typ)
    if typ is Any or isinstance(typ, (typing.TypeVar, str)):
        return data
    origin = typing.get_origin(typ)
    args = typing.get_args(typ)
    if origin in _UNION_TYPES:
        if data is None and type(None) in args:
            return None
        for arm in args:
            try:
                return from_json(arm, data)
            except (ValueError, TypeError):
                continue
        raise ValueError(f"{data!r} fits none of {typ}")
    if origin is typing.Literal:
        if data in args:
            return data
        raise ValueError(f"{data!r} is not one of {args}")
    if typ is type(None) or typ is None:
        if data is None:
            return None
        raise ValueError(f"{data!r} is not null")
    return _from_json_typed(origin or typ, args, data)


def _from_json_typed(typ: Any, args: tuple[Any, ...], data: Any) -> Any:
    if typ is bool:
        return _expect(data, bool)
    if typ is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise ValueError(f"{data!r} is not an integer")
        return data
    if typ is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise ValueError(f"{data!r} is not a number")
        return float(data)
    if typ is str:
        return _expect(data, str)
    if not isinstance(typ, type):
        return data  # e.g. a NewType or a protocol: take it as stored
    if issubclass(typ, enum.Flag):
        value = typ(0)
        for name in _expect(data, list):
            value |= typ[_expect(name, str)]
        return value
    if issubclass(typ, enum.Enum):
        try:
            return typ[_expect(data, str)]
        except KeyError:
            raise ValueError(f"{data!r} is not a {typ.__name__}") from None
    if issubclass(typ, datetime.timedelta):
        return typ(seconds=_from_json_typed(float, (), data))
    if issubclass(typ, (datetime.datetime, datetime.date, datetime.time)):
        return typ.fromisoformat(_expect(data, str))
    if issubclass(typ, (bytes, bytearray)):
        try:
            return typ(base64.b64decode(_expect(data, str), validate=True))
        except binascii.Error as error:
            raise ValueError(str(error)) from None
    if issubclass(typ, (uuid.UUID, PurePath)):
        return (Path if typ is PurePath else typ)(_expect(data, str))
    if dataclasses.is_dataclass(typ):
        return _dataclass_from_json(typ, data)
    if issubclass(typ, dict):
        key_type, value_type = args if len(args) == 2 else (str, Any)
        return typ(
            (_key_from_json(key_type, key), from_json(value_type, item))
            for key, item in _expect(data, dict).items()
        )
    if issubclass(typ, (list, tuple, set, frozenset)):
        items = _expect(data, list)
        if typ is tuple and args and args[-1] is not Ellipsis:
            if len(args) != len(items):
                raise ValueError(f"{data!r} does not have {len(args)} items")
            return tuple(
                from_json(t, item) for t, item in zip(args, items, strict=True)
            )
        item_type = args[0] if args else Any
        return typ(from_json(item_type, item) for item in items)
    if isinstance(data, typ):
        return data
    raise ValueError(f"{data!r} is not a {typ.__name__}")


def _dataclass_from_json(typ: type, data: Any) -> Any:
    data = _expect(data, dict)
    hints = field_types(typ)
    given = {}
    for f in dataclasses.fields(typ):
        if not f.init or f.name not in data:
            continue  # a missing field takes its default (or fails below)
        given[f.name] = from_json(hints.get(f.name, Any), data[f.name])
    try:
        return typ(**given)
    except TypeError as error:
        raise ValueError(f"{typ.__name__}: {error}") from None


def _key_from_json(typ: Any, key: str) -> Any:
    typ = _strip(typ)
    if isinstance(typ, type) and issubclass(typ, enum.Enum):
        return from_json(typ, key)
    if typ is int:
        try:
            return int(key)
        except ValueError:
            raise ValueError(f"{key!r} is not an integer key") from None
    if typ is uuid.UUID:
        return uuid.UUID(key)
    return key


def _expect(data: Any, kind: type) -> Any:
    if not isinstance(data, kind) or (kind is not bool and isinstance(data, bool)):
        raise ValueError(f"{data!r} is not a {kind.__name__}")
    return data

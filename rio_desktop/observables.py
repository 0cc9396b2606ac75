"""Observed data outside components: `Dataclass`, `List`, `Dict`, `Set`.

A component whose `build()` reads an attribute of a `rio.Dataclass` (or
iterates a `rio.List`...) is rebuilt when that attribute is assigned (or the
container changes), in every session that read it, as a component field
would be. Values held by an attachment or shared between components stay in
sync without `force_refresh()`.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import sys
import weakref
from collections.abc import Iterable
from typing import Any, ClassVar, SupportsIndex, TypeVar

from . import _context
from .component import AttributeBinding, dataclass_transform

__all__ = ["Dataclass", "Dict", "List", "Set"]

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


class _Readers:
    """The components that read something while building; rebuilt on change."""

    __slots__ = ("components",)

    def __init__(self) -> None:
        self.components: weakref.WeakSet[Any] = weakref.WeakSet()

    def track(self) -> None:
        builder = _context.current_builder.get()
        if builder is not None:
            self.components.add(builder)

    def changed(self) -> None:
        for component in list(self.components):
            if component._id is None:
                self.components.discard(component)  # unmounted
            else:
                component.force_refresh()


def _readers(obj: Any, key: str) -> _Readers:
    table = obj.__dict__.setdefault("_rio_readers", {})
    readers = table.get(key)
    if readers is None:
        readers = table[key] = _Readers()
    return readers


class _ObservedField:
    """A `Dataclass` field: reading it in a build subscribes the builder."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type[Dataclass]) -> Any:
        if obj is None:
            field = owner.__dataclass_fields__[self.name]
            if field.default is not dataclasses.MISSING:
                return field.default
            raise AttributeError(self.name)
        try:
            value = obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(
                f"{type(obj).__name__}.{self.name} has no value yet"
            ) from None
        if _context.current_builder.get() is not None:
            _readers(obj, self.name).track()
        if type(value) is AttributeBinding:
            return value.get()
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        values = obj.__dict__
        current = values.get(self.name, _UNSET)
        if type(current) is AttributeBinding and type(value) is not AttributeBinding:
            current.set(value)
        elif current is value:
            return
        else:
            values[self.name] = value
        table = values.get("_rio_readers")
        if table is not None and self.name in table:
            table[self.name].changed()
        bound = values.get("_bound_children")
        if bound and self.name in bound:
            live = [(c, n) for c, n in bound[self.name] if c._id is not None]
            bound[self.name] = live
            for child, child_name in live:
                child._field_changed(child_name)


_UNSET = object()


class _DataclassBindings:
    __slots__ = ("_owner",)

    def __init__(self, owner: Dataclass) -> None:
        self._owner = owner

    def __getattr__(self, name: str) -> AttributeBinding:
        if name not in self._owner.__dataclass_fields__:
            raise AttributeError(
                f"{type(self._owner).__name__} has no field {name!r} to bind to"
            )
        return AttributeBinding(self._owner, name)  # type: ignore[arg-type]


def _is_mutable_default(value: Any) -> bool:
    return isinstance(value, (list, dict, set, bytearray)) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type)
    )


@dataclass_transform(eq_default=False, field_specifiers=(dataclasses.field,))
class Dataclass:
    """Base class for your own observed data classes.

    Subclasses are dataclasses (fields from annotations, a keyword/positional
    constructor). Components that read a field in `build()` are rebuilt when
    it is assigned. Mutable defaults (`items: list[str] = []`) are copied for
    each instance.

    Example:
        ```python
        class Cart(rio.Dataclass):
            items: list[str] = []
            total: float = 0.0


        class CartView(rio.Component):
            def build(self) -> rio.Component:
                cart = self.session[Cart]
                return rio.Text(f"{len(cart.items)} items, {cart.total:.2f}")
        ```
    """

    # Set on each subclass by dataclasses.dataclass.
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in cls.__dict__.get("__annotations__", {}):
            default = cls.__dict__.get(name, dataclasses.MISSING)
            if _is_mutable_default(default):
                setattr(
                    cls,
                    name,
                    dataclasses.field(
                        default_factory=functools.partial(copy.deepcopy, default)
                    ),
                )
        dataclasses.dataclass(eq=False)(cls)
        for name in cls.__dataclass_fields__:
            setattr(cls, name, _ObservedField(name))

    def bind(self) -> Any:
        """`obj.bind().x` is a two-way binding to `obj.x` for a child's field."""
        return _DataclassBindings(self)


# --- containers ------------------------------------------------------------------
#
# Each container subscribes the building component when it is read and
# rebuilds its readers when it changes. The methods Rio documents are spelled
# out (with Rio's parameters); the rest are wrapped by `_observe`.


class _Observed:
    """Mixin: reads in a build subscribe the builder; changes rebuild it."""

    def _read(self) -> None:
        if _context.current_builder.get() is not None:
            _readers(self, "items").track()

    def _changed(self) -> None:
        table = self.__dict__.get("_rio_readers")
        if table is not None and "items" in table:
            table["items"].changed()


def _observe(
    cls: type, base: type, reads: Iterable[str], changes: Iterable[str]
) -> None:
    def reading(method: Any) -> Any:
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            self._read()
            return method(self, *args, **kwargs)

        return wrapper

    def changing(method: Any) -> Any:
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = method(self, *args, **kwargs)
            self._changed()
            return result

        return wrapper

    for names, wrap in ((reads, reading), (changes, changing)):
        for name in names:
            if not hasattr(base, name):
                continue  # set has no __getitem__
            wrapper = wrap(getattr(base, name))
            wrapper.__name__ = name
            wrapper.__doc__ = getattr(base, name).__doc__
            setattr(cls, name, wrapper)


_READS = ("__iter__", "__len__", "__getitem__", "__contains__", "__eq__", "__repr__")


class List(_Observed, list[T]):
    """A list whose changes rebuild the components that read it in `build()`."""

    def __init__(self, items: Iterable[T] = (), /) -> None:
        super().__init__(items)

    def append(self, value: T) -> None:
        list.append(self, value)
        self._changed()

    def extend(self, values: Iterable[T]) -> None:
        list.extend(self, values)
        self._changed()

    def insert(self, index: SupportsIndex, value: T) -> None:
        list.insert(self, index, value)
        self._changed()

    def pop(self, index: SupportsIndex | None = None, /) -> T:
        value = list.pop(self) if index is None else list.pop(self, index)
        self._changed()
        return value

    def remove(self, value: T) -> None:
        list.remove(self, value)
        self._changed()

    def clear(self) -> None:
        list.clear(self)
        self._changed()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        list.sort(self, *args, **kwargs)
        self._changed()

    def reverse(self) -> None:
        list.reverse(self)
        self._changed()

    def count(self, value: T) -> int:
        self._read()
        return list.count(self, value)

    def index(
        self, value: T, start: SupportsIndex = 0, stop: SupportsIndex = sys.maxsize
    ) -> int:
        self._read()
        return list.index(self, value, start, stop)

    def copy(self) -> List[T]:
        self._read()
        return List(list.__iter__(self))

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (type(self), (list(list.__iter__(self)),))


_observe(
    List,
    list,
    (*_READS, "__reversed__"),
    ("__setitem__", "__delitem__", "__iadd__", "__imul__"),
)


class Dict(_Observed, dict[K, V]):
    """A dict whose changes rebuild the components that read it in `build()`."""

    def __init__(self, items: Any = (), /, **kwargs: V) -> None:
        super().__init__(items, **kwargs)

    def pop(self, *args: Any, **kwargs: Any) -> V:
        value = dict.pop(self, *args, **kwargs)
        self._changed()
        return value

    def popitem(self) -> tuple[K, V]:
        item = dict.popitem(self)
        self._changed()
        return item

    def update(self, *args: Any, **kwargs: Any) -> None:
        dict.update(self, *args, **kwargs)
        self._changed()

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (type(self), (dict(dict.items(self)),))


_observe(
    Dict,
    dict,
    (*_READS, "get", "keys", "values", "items", "copy"),
    ("__setitem__", "__delitem__", "__ior__", "setdefault", "clear"),
)


class Set(_Observed, set[T]):
    """A set whose changes rebuild the components that read it in `build()`."""

    def __init__(self, items: Iterable[T] = (), /) -> None:
        super().__init__(items)

    def add(self, value: T) -> None:
        set.add(self, value)
        self._changed()

    def discard(self, value: object) -> None:
        set.discard(self, value)
        self._changed()

    # Rio's signature: one iterable (set.update takes any number).
    def update(self, values: Iterable[T]) -> None:  # type: ignore[override]
        set.update(self, values)
        self._changed()

    def clear(self) -> None:
        set.clear(self)
        self._changed()

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (type(self), (set(set.__iter__(self)),))


_observe(
    Set,
    set,
    (*_READS, "copy", "isdisjoint", "issubset", "issuperset"),
    (
        "__ior__",
        "__iand__",
        "__isub__",
        "__ixor__",
        "remove",
        "pop",
        "difference_update",
        "intersection_update",
        "symmetric_difference_update",
    ),
)

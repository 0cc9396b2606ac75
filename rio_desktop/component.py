"""The Component base class: declared fields, observed attributes and layout.

Users declare fields as class annotations, the Rio way::

    class Counter(rio.Component):
        count: int = 0

        def build(self) -> rio.Component:
            return rio.Button(f"{self.count}", on_press=self._increment)

`__init_subclass__` turns each annotation into a `Field` descriptor. Assigning a
field never builds anything: it only tells the session that the component is
dirty, and the session refreshes once per event-loop tick.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import inspect
import sys
import typing
from collections.abc import Callable, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    Optional,
    ParamSpec,
    TypeVar,
    Union,
)

from . import _context

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
elif TYPE_CHECKING:  # typing_extensions: known to type checkers, not needed to run
    from typing_extensions import dataclass_transform
else:  # pragma: no cover - Python 3.10

    def dataclass_transform(**_: Any) -> Callable[[T], T]:
        return lambda cls: cls


__all__ = [
    "AttributeBinding",
    "Component",
    "ComponentResizeEvent",
    "EventHandler",
    "Field",
    "FundamentalComponent",
    "KW_ONLY",
    "field",
]

T = TypeVar("T")
P = ParamSpec("P")

#: The type of an event handler: None, or a function (sync or async) taking
#: the parameters P. `rio.EventHandler[[]]` takes none,
#: `rio.EventHandler[rio.KeyDownEvent]` takes the event.
# typing's spelling: `X | None` of a ParamSpec callable is not subscriptable.
EventHandler = Optional[typing.Callable[P, Union[Any, typing.Awaitable[Any]]]]  # noqa: UP006, UP007, UP045

#: Fields declared after `_: rio.KW_ONLY` are keyword-only arguments.
KW_ONLY = dataclasses.KW_ONLY

#: Declares a field with options, as for a dataclass: `default`,
#: `default_factory`, `init` (False: not a constructor argument) and
#: `kw_only`. `repr`, `hash`, `compare` and `metadata` are accepted for
#: compatibility; components compare by identity and have their own repr.
field = dataclasses.field

_MISSING: Any = object()

#: Set by the refresh machinery, never fields (a user field of one of these
#: names would break the component).
_INTERNAL_NAMES = frozenset(
    {"_id", "_session", "_values", "_explicit", "_parent", "_depth", "_children"}
    | {"_build_result", "_bound_children", "_from_page"}
)
_FACTORY: Any = getattr(dataclasses, "_HAS_DEFAULT_FACTORY", "<factory>")
_IMMUTABLE_TYPES = (type(None), bool, int, float, complex, str, bytes, range)


@dataclasses.dataclass
class ComponentResizeEvent:
    """What a `@rio.event.on_resize` handler receives.

    Attributes:
        width: The component's new width, in font-heights.
        height: The component's new height, in font-heights.
    """

    width: float
    height: float


class AttributeBinding:
    """A two-way link to a field of another component, made by `bind()`."""

    __slots__ = ("owner", "name")

    def __init__(self, owner: Component, name: str) -> None:
        self.owner = owner
        self.name = name

    def get(self) -> Any:
        return getattr(self.owner, self.name)

    def set(self, value: Any) -> None:
        setattr(self.owner, self.name, value)


class _BindingFactory:
    """`self.bind().value` returns a binding to `self.value`."""

    __slots__ = ("_owner",)

    def __init__(self, owner: Component) -> None:
        self._owner = owner

    def __getattr__(self, name: str) -> AttributeBinding:
        if name not in type(self._owner)._fields:
            raise AttributeError(
                f"{type(self._owner).__name__} has no field {name!r} to bind to"
            )
        return AttributeBinding(self._owner, name)


class Field:
    """An observed attribute of a component.

    Reading returns the value; assigning a different value marks the component
    dirty in its session, so it is rebuilt (or re-sent to the page) on the next
    refresh. The instance's `_values` dict keeps the values it was given or
    assigned (and default_factory products); a field missing there is at its
    class default, so a row of a big list costs one small dict.
    """

    __slots__ = ("name", "default", "default_factory", "init", "kw_only", "shown")

    def __init__(
        self,
        name: str,
        default: Any = _MISSING,
        default_factory: Callable[[], Any] | None = None,
        *,
        init: bool = True,
        kw_only: bool = False,
        shown: Any = _MISSING,
    ) -> None:
        self.name = name
        self.default = default
        self.default_factory = default_factory
        #: Whether the constructor takes it.
        self.init = init
        self.kw_only = kw_only
        #: The default as written (for the signature): a copied mutable
        #: default is a factory here, but reads as `[]` in the signature.
        self.shown = default if shown is _MISSING else shown

    def make_default(self) -> Any:
        if self.default_factory is not None:
            return self.default_factory()
        return self.default

    @typing.overload
    def __get__(self, obj: None, owner: type) -> Field: ...
    @typing.overload
    def __get__(self, obj: Component, owner: type) -> Any: ...
    def __get__(self, obj: Component | None, owner: type) -> Any:
        if obj is None:
            return self
        value = obj._values.get(self.name, self.default)
        if type(value) is AttributeBinding:
            return value.get()
        return value

    def __set__(self, obj: Component, value: Any) -> None:
        values = obj._values
        current = values.get(self.name, self.default)
        if type(current) is AttributeBinding and type(value) is not AttributeBinding:
            # Writing through a binding updates the bound (parent) field.
            current.set(value)
            obj._field_changed(self.name)
            return
        if current is value:
            return
        values[self.name] = value
        obj._field_changed(self.name)


class _UnsetField(Field):
    """A field that may have no value yet (`field(init=False)`, no default)."""

    __slots__ = ()

    def __get__(self, obj: Component | None, owner: type) -> Any:
        if obj is None:
            return self
        value = obj._values.get(self.name, _MISSING)
        if value is _MISSING:
            raise AttributeError(
                f"{type(obj).__name__}.{self.name} has no value yet: assign it"
                " (e.g. in __post_init__) before reading it"
            )
        if type(value) is AttributeBinding:
            return value.get()
        return value


#: One frozenset per way of calling a constructor (which fields, in which
#: order), shared by every component made that way: 5,000 rows, one set.
_EXPLICIT_SETS: dict[tuple[str, ...], frozenset[str]] = {}
_MAX_EXPLICIT_SETS = 4096


def _is_classvar(annotation: Any) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(
            ("ClassVar", "typing.ClassVar", "t.ClassVar", "te.ClassVar")
        )
    return typing.get_origin(annotation) is ClassVar or annotation is ClassVar


def _is_kw_only_marker(annotation: Any) -> bool:
    if isinstance(annotation, str):
        return annotation.rsplit(".", 1)[-1] == "KW_ONLY"
    return annotation is dataclasses.KW_ONLY


class _SignatureDescriptor:
    """`inspect.signature(SomeComponent)`: the fields as parameters.

    Made on first use (nothing at class creation or construction), one per
    class. A class with its own `__init__` (Column's `*children`) gets None,
    so `inspect` reads that `__init__` instead.
    """

    def __get__(self, obj: Any, owner: type) -> inspect.Signature | None:
        if obj is not None:
            return None
        cached = owner.__dict__.get("_signature_cache")
        if cached is None:
            cached = _make_signature(owner)
            owner._signature_cache = cached  # type: ignore[attr-defined]
        return cached if isinstance(cached, inspect.Signature) else None


def _make_signature(cls: type) -> inspect.Signature | Literal[False]:
    init_owner = next(k for k in cls.__mro__ if "__init__" in k.__dict__)
    fields = cls._fields  # type: ignore[attr-defined]
    annotations: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        annotations.update(klass.__dict__.get("__annotations__", {}))
    parameters: list[inspect.Parameter] = []
    if init_owner is not Component:
        # An own __init__ (Column's `*children, **kwargs`): its parameters,
        # and for **kwargs the fields it passes on.
        init = init_owner.__dict__["__init__"]
        own = list(inspect.signature(init).parameters.values())[1:]
        if not any(p.kind is p.VAR_KEYWORD for p in own):
            return False
        taken = {p.name for p in own}
        parameters = [p for p in own if p.kind is not p.VAR_KEYWORD]
        for name, f in fields.items():
            if f.init and name not in taken:
                parameters.append(_parameter(name, f, annotations, keyword=True))
        return inspect.Signature(
            parameters, return_annotation=None, __validate_parameters__=False
        )
    positional = cls._positional_fields  # type: ignore[attr-defined]
    for name in positional:
        parameters.append(_parameter(name, fields[name], annotations, keyword=False))
    for name, f in fields.items():
        if f.init and name not in positional:
            parameters.append(_parameter(name, f, annotations, keyword=True))
    # Like a dataclass, a required field may follow one with a default.
    return inspect.Signature(
        parameters, return_annotation=None, __validate_parameters__=False
    )


def _parameter(
    name: str, field: Field, annotations: dict[str, Any], *, keyword: bool
) -> inspect.Parameter:
    if field.shown is not _MISSING:
        default = field.shown
    elif field.default_factory is not None:
        default = _FACTORY  # shows as <factory>, as for a dataclass
    else:
        default = inspect.Parameter.empty
    return inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY
        if keyword
        else inspect.Parameter.POSITIONAL_OR_KEYWORD,
        default=default,
        annotation=annotations.get(name, inspect.Parameter.empty),
    )


@dataclass_transform(
    eq_default=False, field_specifiers=(dataclasses.field, dataclasses.Field)
)
class _DeclaredFields:
    """Tells type checkers that Component and its subclasses take their fields
    as constructor arguments, as a dataclass does (Component's own layout
    fields included, which a decorator on Component itself would leave out).
    """

    __slots__ = ()


class Component(_DeclaredFields):
    """The base class of every component, built-in or your own.

    Subclass it, declare fields as annotated class attributes and return the
    component's content from `build()`. Every component also takes the layout
    fields below as keyword arguments. Sizes are in font-heights: 1 unit is the
    height of one line of default text.

    Args:
        key: Identifies this component among its siblings, so it keeps its
            state (and its page element) when the list is reordered.
        margin, margin_x, margin_y, margin_left, margin_top, margin_right,
            margin_bottom: Space around the component; the specific ones win.
        min_width, min_height: The least size the component gets.
        grow_x, grow_y: Take extra space in a Row / Column.
        align_x, align_y: 0 (start) .. 1 (end). An aligned component takes its
            natural size instead of filling its slot.
        accessibility_role: The ARIA role of the component's element
            ("status", "navigation"...), for screen readers.

    Fields whose name starts with an underscore (`_is_open: bool = False`)
    are the component's private state: assigning one rebuilds it like any
    field, and a parent rebuilding it leaves them alone. A mutable default
    (`items: list[str] = []`) is copied for each instance.

    Example:
        ```python
        class Greeting(rio.Component):
            name: str = "world"

            def build(self) -> rio.Component:
                return rio.Text(f"Hello, {self.name}!", margin=1)
        ```
    """

    _fields: ClassVar[dict[str, Field]] = {}
    # Derived from _fields by _install_fields, for a fast __init__.
    _init_fields: ClassVar[dict[str, Field]] = {}
    _default_factories: ClassVar[tuple[tuple[str, Callable[[], Any]], ...]] = ()
    _required_fields: ClassVar[tuple[str, ...]] = ()
    _has_post_init: ClassVar[bool] = False
    #: Every class's own __post_init__, base classes first (Rio calls them all).
    _post_inits: ClassVar[tuple[Callable[[Any], None], ...]] = ()
    #: Whether the page must report this component's size (@on_resize).
    _reports_resize: ClassVar[bool] = False
    _positional_fields: ClassVar[tuple[str, ...]] = ()
    #: For a call with one positional argument and nothing else to fill (no
    #: factory, no other required field): its explicit set.
    _one_arg_explicit: ClassVar[frozenset[str] | None] = None
    _event_handlers: ClassVar[dict[str, list[tuple[str, Any]]]] = {}
    # Built-in components rendered by the page set this to their page type.
    _fundamental_type: ClassVar[str | None] = None

    __signature__: ClassVar[Any] = _SignatureDescriptor()

    # Rio's layout fields, in Rio's order; keyword-only.
    _: KW_ONLY
    key: str | int | None = None
    min_width: float = 0
    min_height: float = 0
    grow_x: bool = False
    grow_y: bool = False
    align_x: float | None = None
    align_y: float | None = None
    margin_left: float | None = None
    margin_top: float | None = None
    margin_right: float | None = None
    margin_bottom: float | None = None
    margin_x: float | None = None
    margin_y: float | None = None
    margin: float | None = None
    accessibility_role: str | None = None

    # Bookkeeping, not fields (annotations here would make fields at run
    # time; for the type checker, init=False keeps them out of __init__): set
    # by the constructor and by the session's tree when the component enters it.
    if TYPE_CHECKING:
        #: The values given or assigned (a field missing is at its default).
        _values: dict[str, Any] = dataclasses.field(init=False)
        #: The fields the constructor was given.
        _explicit: frozenset[str] = dataclasses.field(init=False)
        #: The id on the page while mounted; None before and after.
        _id: int | None = dataclasses.field(init=False)
        # The Session (typed Any: the component model lies under the session).
        _session: Any = dataclasses.field(init=False)
        #: The component that built (or holds) this one; None for the root.
        _parent: Component | None = dataclasses.field(init=False)
        #: How many ancestors it has (parents rebuild before children).
        _depth: int = dataclasses.field(init=False)
        #: A built-in component's mounted children.
        _children: Sequence[Component] = dataclasses.field(init=False)
        #: What a high-level component's build() returned (reconciled).
        _build_result: Component | None = dataclasses.field(init=False)
        #: Children bound to a field of this one: field -> (child, its field).
        _bound_children: dict[str, list[tuple[Component, str]]] | None = (
            dataclasses.field(init=False)
        )
        #: The field being set from the page (not echoed back to it).
        _from_page: str | None = dataclasses.field(init=False)
    else:
        _parent = None
        _depth = 0
        _children = ()
        _build_result = None
        _bound_children = None
        _from_page = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _install_fields(cls)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        if len(args) == 1 and not kwargs:
            # Text("Row 1"), for every row of a big list on every rebuild:
            # nothing to check or fill (see _one_arg_explicit).
            explicit = cls._one_arg_explicit
            if explicit is not None:
                state = self.__dict__
                state["_values"] = {cls._positional_fields[0]: args[0]}
                state["_explicit"] = explicit
                state["_id"] = None
                state["_session"] = _context.current_session.get(None)
                if cls._has_post_init:
                    for post_init in cls._post_inits:
                        post_init(self)
                return
        # This runs for every row of a big list on every rebuild: set
        # operations instead of per-field Python loops.
        given = kwargs
        if args:
            positional = cls._positional_fields
            if len(args) > len(positional):
                raise TypeError(
                    f"{cls.__name__}() takes {len(positional)} positional"
                    f" argument(s) but {len(args)} were given; pass the rest by"
                    " keyword"
                )
            if len(args) == 1:
                given = {positional[0]: args[0]}
            else:
                given = dict(zip(positional, args, strict=False))
            if kwargs:
                count = len(given) + len(kwargs)
                given.update(kwargs)
                if len(given) != count:
                    twice = min(set(positional[: len(args)]) & kwargs.keys())
                    raise TypeError(
                        f"{cls.__name__}() got multiple values for argument {twice!r}"
                    )
        if not kwargs.keys() <= cls._init_fields.keys():
            unknown = min(kwargs.keys() - cls._init_fields.keys())
            raise TypeError(
                f"{cls.__name__}() got an unexpected keyword argument {unknown!r}"
            )
        # `given` is a fresh dict (**kwargs or the zip above): keep it as the
        # instance's values. Plain defaults are read from the class.
        names = tuple(given)
        explicit = _EXPLICIT_SETS.get(names)
        if explicit is None:
            explicit = frozenset(names)
            if len(_EXPLICIT_SETS) < _MAX_EXPLICIT_SETS:
                _EXPLICIT_SETS[names] = explicit
        values = given
        for name, factory in cls._default_factories:
            if name not in values:
                values[name] = factory()
        if cls._required_fields:
            missing = [n for n in cls._required_fields if n not in given]
            if missing:
                raise TypeError(
                    f"{cls.__name__}() is missing the required argument {missing[0]!r}"
                )
        state = self.__dict__
        state["_values"] = values
        state["_explicit"] = explicit
        state["_id"] = None
        state["_session"] = _context.current_session.get(None)
        if cls._has_post_init:
            for post_init in cls._post_inits:
                post_init(self)

    # --- what users call -------------------------------------------------

    def build(self) -> Component:
        """Return this component's content. Override it in your components."""
        raise NotImplementedError(
            f"{type(self).__name__} must define build() and return a component"
        )

    @property
    def session(self) -> Any:
        """The `Session` this component belongs to."""
        session = self._session
        if session is None:
            raise RuntimeError(
                f"{type(self).__name__} is not part of a session yet. Use"
                " self.session in build() or in event handlers, not in the"
                " constructor."
            )
        return session

    def bind(self) -> Any:
        """Return an object whose attributes are two-way bindings to fields.

        Pass `self.bind().value` to a child instead of `self.value`: when the
        child changes its field (say, the user types), `self.value` changes
        too, and the other way round.
        """
        return _BindingFactory(self)

    def force_refresh(self) -> None:
        """Rebuild this component on the next refresh even if no field changed.

        Needed after changes Rio cannot see, such as `self.items.append(x)`.
        """
        self._field_changed(None)

    async def call_event_handler(
        self, handler: EventHandler[P], *args: P.args, **kwargs: P.kwargs
    ) -> None:
        """Call an event handler (sync or async) if there is one, and await it.

        For components that take handlers from their users: None is skipped,
        and an exception the handler raises is reported as any handler's is
        (logged with its traceback, shown in the page), not raised.

        Example:
            ```python
            class Stars(rio.Component):
                on_rate: rio.EventHandler[int] = None

                async def _rate(self, stars: int) -> None:
                    await self.call_event_handler(self.on_rate, stars)
            ```
        """
        if handler is None:
            return
        session = self._session
        if session is None:
            result = handler(*args, **kwargs)
            if inspect.isawaitable(result):
                await result
            return
        pending = session.runtime.run_user(self, None, handler, *args, **kwargs)
        if pending is not None:
            await pending

    def mark_mutated(self, field: str) -> None:
        """Tell the session a field changed in place (e.g. `self.items.append`).

        Changes inside a list or dict cannot be detected; call this after them.
        """
        if field not in type(self)._fields:
            raise AttributeError(f"{type(self).__name__} has no field {field!r}")
        self._field_changed(field)

    def set_quietly(self, field: str, value: Any) -> None:
        """Set a field without scheduling a refresh (for constructors)."""
        self._values[field] = value

    # --- internals ---------------------------------------------------------

    def _set_from_page(self, name: str, value: Any) -> None:
        """Store a value the user entered on the page (typing, a click...).

        The field changes like any assignment: a bound parent field follows,
        and components that show it rebuild. Only this component's own element
        is not sent the value again, since the page already shows it; echoing
        it would re-render the input under the user's cursor.
        """
        self._from_page = name
        try:
            setattr(self, name, value)
        finally:
            del self._from_page

    def _field_changed(self, name: str | None) -> None:
        session = self._session
        if (
            session is not None
            and self._id is not None
            and (name is None or self._from_page != name)
        ):
            session.runtime.mark_dirty(self, name)
        bound = self._bound_children
        if bound and name in bound:
            live = [(c, n) for c, n in bound[name] if c._id is not None]
            bound[name] = live
            for child, child_name in live:
                child._field_changed(child_name)

    def _serialize_field(self, name: str, value: Any) -> Any:
        return serialize_value(value)

    def _raw(self, name: str) -> Any:
        """The stored value of a field, without following a binding."""
        return self._values.get(name, type(self)._fields[name].default)

    def __repr__(self) -> str:
        key = f" key={self.key!r}" if self.key is not None else ""
        return f"<{type(self).__name__} id={self._id}{key}>"


def _install_fields(cls: type[Component]) -> None:
    """Turn the annotations declared on `cls` into `Field` descriptors.

    As in a dataclass (and Rio): every annotated name is a field, also one
    starting with an underscore (a component's private state); fields after
    `_: KW_ONLY` (or `field(kw_only=True)`) are keyword-only, the others
    positional, after the base classes' positional fields.
    """
    fields: dict[str, Field] = {}
    positional: list[str] = []
    for base in reversed(cls.__mro__[1:]):
        if issubclass(base, Component):
            fields.update(base.__dict__.get("_fields", {}))
            for name in base.__dict__.get("_positional_fields", ()):
                if name not in positional:
                    positional.append(name)

    own_positional: list[str] = []
    kw_only = False
    is_base = cls.__name__ == "Component" and cls.__module__ == __name__
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        if name == "_" and _is_kw_only_marker(annotation):
            kw_only = True
            continue
        if name in _INTERNAL_NAMES:
            if is_base:
                continue
            raise TypeError(
                f"{cls.__name__}.{name}: this name is used by rio_desktop"
                " itself; give the field another name"
            )
        field = _field_from_default(cls, name, cls.__dict__.get(name, _MISSING))
        if kw_only:
            field.kw_only = True
        fields[name] = field
        setattr(cls, name, field)
        if field.init and not field.kw_only and name not in positional:
            own_positional.append(name)
        elif not field.init or field.kw_only:
            if name in positional:
                positional.remove(name)
    cls._fields = fields
    cls._init_fields = {n: f for n, f in fields.items() if f.init}
    cls._default_factories = tuple(
        (n, f.default_factory) for n, f in fields.items() if f.default_factory
    )
    cls._required_fields = tuple(
        n
        for n, f in fields.items()
        if f.init and f.default_factory is None and f.default is _MISSING
    )
    cls._post_inits = tuple(
        k.__dict__["__post_init__"]
        for k in reversed(cls.__mro__)
        if "__post_init__" in k.__dict__
    )
    cls._has_post_init = bool(cls._post_inits)
    if "_positional_fields" not in cls.__dict__:
        cls._positional_fields = tuple(positional + own_positional)
    first = cls._positional_fields[:1]
    simple = not cls._default_factories
    if first and simple and set(cls._required_fields) <= set(first):
        # The same object the general path caches, so comparisons stay cheap.
        cls._one_arg_explicit = _EXPLICIT_SETS.setdefault(first, frozenset(first))
    else:
        cls._one_arg_explicit = None
    cls._event_handlers = _collect_event_handlers(cls)
    cls._reports_resize = "on_resize" in cls._event_handlers
    cls._signature_cache = None  # type: ignore[attr-defined]


def _field_from_default(cls: type, name: str, default: Any) -> Field:
    if isinstance(default, dataclasses.Field):
        value = default.default
        given_factory = default.default_factory
        kind: Any = Field
        if value is dataclasses.MISSING and given_factory is dataclasses.MISSING:
            if not default.init:
                kind = _UnsetField
            return kind(name, init=default.init, kw_only=default.kw_only is True)
        if given_factory is not dataclasses.MISSING:
            return Field(
                name,
                default_factory=given_factory,
                init=default.init,
                kw_only=default.kw_only is True,
            )
        field = _field_from_default(cls, name, value)
        field.init = default.init
        field.kw_only = default.kw_only is True
        return field
    if isinstance(default, Field):
        return Field(
            name,
            default.default,
            default.default_factory,
            init=default.init,
            kw_only=default.kw_only,
            shown=default.shown,
        )
    if default is _MISSING or _is_shareable(default):
        return Field(name, default)
    # Rio copies a mutable default (a list, a dict, a dataclass...) for each
    # instance, so that instances never share it.
    kind = type(default)
    make_copy: Callable[[], Any]
    if kind in (list, dict, set, bytearray) and not default:
        make_copy = kind
    else:
        make_copy = functools.partial(copy.deepcopy, default)
    return Field(name, default_factory=make_copy, shown=default)


def _is_shareable(value: Any) -> bool:
    """Whether every instance may hold this very default object."""
    if isinstance(value, _IMMUTABLE_TYPES):
        return True
    if isinstance(value, (list, dict, set, bytearray)):
        return False
    params = getattr(type(value), "__dataclass_params__", None)
    if params is not None and params.frozen:
        return True
    try:
        return copy.deepcopy(value) is value
    except Exception:
        return True  # cannot be copied: shared, as before


def _collect_event_handlers(cls: type) -> dict[str, list[tuple[str, Any]]]:
    """Find methods decorated with `rio_desktop.event.*`, base classes first."""
    handlers: dict[str, list[tuple[str, Any]]] = {}
    seen: set[str] = set()
    for klass in reversed(cls.__mro__):
        for attr, value in vars(klass).items():
            if not callable(value) or attr in seen:
                continue
            tags = getattr(value, "_rio_events", None)
            if not tags:
                continue
            seen.add(attr)
            for kind, arg in tags:
                handlers.setdefault(kind, []).append((attr, arg))
    return handlers


_install_fields(Component)


class FundamentalComponent(Component):
    """A built-in component that the page renders itself (no `build()`).

    Subclasses name their page type in `_fundamental_type`, list the fields
    that hold child components in `_child_fields`, and handle what the page
    sends in `_on_page_event`.
    """

    _fundamental_type: ClassVar[str | None] = "Fundamental"
    _child_fields: ClassVar[tuple[str, ...]] = ()

    if TYPE_CHECKING:
        # Component.__init__, which takes the fields of type(self): what a
        # subclass's own __init__ reaches with super().__init__(...).
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...

    def build(self) -> Component:
        raise RuntimeError(f"{type(self).__name__} is rendered by the page")

    def _on_page_event(self, name: str, payload: Any) -> Any:
        """Handle an event from the page; may return an awaitable."""
        raise ValueError(f"{type(self).__name__} has no event {name!r}")

    def _call(self, handler: Any, *args: Any) -> Any:
        """Call an optional user event handler; the session awaits results.

        Exceptions raised by the handler are the app's bugs, not bad input
        from the page: the session's `runtime.run_user` reports them (the
        returned awaitable of an async handler never raises either).
        """
        if handler is None:
            return None
        return self.session.runtime.run_user(self, None, handler, *args)


def serialize_value(value: Any) -> Any:
    """Turn a field value into JSON-ready data for the page."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Component):
        return value._id
    if isinstance(value, (list, tuple)):
        return [serialize_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): serialize_value(v) for k, v in value.items()}
    to_json = getattr(value, "_to_json", None)
    if to_json is not None:
        return to_json()
    if callable(value):
        return True  # the page only needs to know a handler is there
    return str(value)

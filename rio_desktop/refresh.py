"""Build -> reconcile -> delta: the heart of rio-desktop.

Pure Python: no I/O and no asyncio, so it is tested without a browser. The
session marks components dirty; `ComponentTree.refresh()` then

1. rebuilds the dirty high-level components, parents before children,
2. reconciles each new build output into the instances already in the tree,
   by (type, key) and then by position, so a child keeps its own state unless
   its parent passes that field again,
3. and returns a `Delta`: new components in full, for existing ones only the
   properties that changed, and the ids that left the tree.

The cost of a refresh grows with what was rebuilt, never with the whole tree.
"""

from __future__ import annotations

import gc
import heapq
import logging
import operator
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .component import AttributeBinding, Component, serialize_value
from .protocol import ComponentDelta

__all__ = ["ComponentTree", "Delta", "LAYOUT_FIELDS", "serialize_value"]

log = logging.getLogger(__name__)

#: Fields every component has that the page uses to lay it out.
LAYOUT_FIELDS: frozenset[str] = frozenset(
    {
        "margin",
        "margin_x",
        "margin_y",
        "margin_left",
        "margin_top",
        "margin_right",
        "margin_bottom",
        "min_width",
        "min_height",
        "grow_x",
        "grow_y",
        "align_x",
        "align_y",
        "accessibility_role",
    }
)
_NOT_SENT = frozenset({"key"})
_ABSENT = object()


@dataclass
class Delta:
    """What one refresh changed, ready to be encoded for the page."""

    #: id -> properties; new components carry "_type" and all their properties.
    components: dict[int, dict[str, Any]] = field(default_factory=dict)
    removed: list[int] = field(default_factory=list)
    root: int | None = None
    mounted: list[Component] = field(default_factory=list)
    unmounted: list[Component] = field(default_factory=list)
    #: Components whose parent rebuilt them with new values (for on_populate).
    repopulated: list[Component] = field(default_factory=list)
    rebuilt: int = 0

    def is_empty(self) -> bool:
        return not (self.components or self.removed or self.root is not None)

    def to_message(self) -> ComponentDelta:
        return ComponentDelta(self.components, self.removed, self.root)


def is_fundamental(component: Component) -> bool:
    return type(component)._fundamental_type is not None


def _same(old: Any, new: Any) -> bool:
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    if type(new) is list or type(new) is tuple:
        if len(old) != len(new):
            return False
        if all(map(operator.is_, old, new)):  # reconciled children: same objects
            return True
        return all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(new, Component):
        return False
    if type(new) is AttributeBinding:
        return old.owner is new.owner and old.name == new.name
    try:
        return bool(old == new)
    except Exception:
        return False


def _both_handlers(old: Any, new: Any) -> bool:
    """Two event handlers: the page only knows "there is one", so no change."""
    return (
        callable(old)
        and callable(new)
        and not isinstance(old, (type, Component))
        and not isinstance(new, (type, Component))
    )


def _heap_entry(component: Component) -> tuple[int, int, Component]:
    """The refresh order of a dirty component: parents first, then by id."""
    # Only mounted components are marked dirty; unmounting unmarks them.
    assert component._id is not None
    return (component._depth, component._id, component)


def _is_child_value(value: Any) -> bool:
    if isinstance(value, Component):
        return True
    if type(value) is list or type(value) is tuple:
        return any(isinstance(v, Component) for v in value)
    return False


class ComponentTree:
    """The live component tree of one session, and its refresh."""

    def __init__(
        self,
        session: Any,
        build_root: Callable[[], Component],
        *,
        build_context: Callable[[Component | None], Any],
        error_component: Callable[[Component, BaseException], Component],
    ) -> None:
        self._session = session
        self._build_root = build_root
        self._build_context = build_context
        self._error_component = error_component
        self.components: dict[int, Component] = {}
        self.root: Component | None = None
        self._next_id = 1
        self._dirty: dict[Component, set[str | None]] = {}
        self._heap: list[tuple[int, int, Component]] = []
        self._delta: Delta | None = None
        self._changed: dict[Component, set[str]] = {}
        self._detached: list[tuple[Component, Component]] = []

    # --- marking -------------------------------------------------------------

    def mark_dirty(self, component: Component, name: str | None) -> None:
        """Record that `name` of `component` changed (None: rebuild it)."""
        names = self._dirty.get(component)
        if names is None:
            self._dirty[component] = names = set()
            if self._delta is not None:  # marked while refreshing
                heapq.heappush(self._heap, _heap_entry(component))
        names.add(name)

    @property
    def has_work(self) -> bool:
        return self.root is None or bool(self._dirty)

    # --- the refresh -----------------------------------------------------------

    def refresh(self) -> Delta:
        """Rebuild what is dirty and return what changed."""
        # A rebuild allocates many short-lived objects (a big list's rows,
        # freed by reference counting once reconciled); meanwhile the cycle
        # collector would scan the whole heap again and again (a quarter of
        # the time of one changed row among 5,000). Pause it for the refresh.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._refresh()
        finally:
            if collecting:
                gc.enable()

    def _refresh(self) -> Delta:
        delta = self._delta = Delta()
        self._changed = {}
        self._detached = []
        self._mounted_ids: set[int] = set()
        try:
            if self.root is None:
                with self._build_context(None):
                    root = self._build_root()
                self.root = self._reconcile(None, root, parent=None, mount=True)
                delta.root = self.root._id
            self._heap = [_heap_entry(c) for c in self._dirty]
            heapq.heapify(self._heap)
            while self._heap:
                _, _, component = heapq.heappop(self._heap)
                names = self._dirty.pop(component, None)
                if names is None or component._id is None:
                    continue
                self._process(component, names)
            self._dirty.clear()
            self._collect_garbage()
            self._serialize()
        finally:
            self._delta = None
        return delta

    def _process(self, component: Component, names: set[str | None]) -> None:
        props = {n for n in names if n is not None and n not in _NOT_SENT}
        if is_fundamental(component):
            if None in names:  # force_refresh(): send every field again
                props = set(type(component)._fields) - _NOT_SENT
            child_fields = type(component)._child_fields  # type: ignore[attr-defined]
            if props & set(child_fields) or None in names:
                self._refresh_fundamental_children(component)
            self._note_changed(component, props)
            return
        self._note_changed(component, props & LAYOUT_FIELDS)
        if None in names or props - LAYOUT_FIELDS:
            self._rebuild(component)

    def _note_changed(self, component: Component, props: set[str]) -> None:
        if props:
            self._changed.setdefault(component, set()).update(props)

    def _rebuild(self, component: Component) -> None:
        assert self._delta is not None
        self._delta.rebuilt += 1
        with self._build_context(component):
            try:
                output = component.build()
                if not isinstance(output, Component):
                    raise TypeError(
                        f"{type(component).__name__}.build() returned"
                        f" {type(output).__name__}; it must return a component"
                    )
            except Exception as error:
                # It logs the error too (the session's error policy).
                output = self._error_component(component, error)
        old = component._build_result
        new = self._reconcile(old, output, parent=component, mount=True)
        if new is not old:
            component._build_result = new
            self._note_changed(component, {"child"})
            if old is not None:
                self._detached.append((old, component))

    def _refresh_fundamental_children(self, component: Component) -> None:
        """Mount children assigned directly to a built-in component's field."""
        old_children = component._children
        for name in type(component)._child_fields:  # type: ignore[attr-defined]
            value = component._raw(name)
            if isinstance(value, Component):
                self._reconcile(None, value, parent=component, mount=True)
            elif isinstance(value, (list, tuple)):
                for child in value:
                    if isinstance(child, Component):
                        self._reconcile(None, child, parent=component, mount=True)
        self._update_children(component, old_children)

    def _update_children(
        self, component: Component, old_children: Sequence[Component]
    ) -> None:
        new_children = list(self._children_of(component))
        component._children = new_children or ()
        if old_children:
            keep = {id(c) for c in new_children}
            for child in old_children:
                if id(child) not in keep:
                    self._detached.append((child, component))

    # --- reconciliation -----------------------------------------------------

    def _reconcile(
        self, old: Any, new: Component, *, parent: Component | None, mount: bool
    ) -> Component:
        """Return the instance that takes `new`'s place in the tree."""
        if new._id is not None:  # already live: moved, or passed down again
            if mount:
                self._attach(new, parent)
            return new
        if (
            isinstance(old, Component)
            and old._id is not None
            and type(old) is type(new)
            and old._values.get("key") == new._values.get("key")
        ):
            self._update(old, new)
            return old
        if mount:
            self._mount(new, parent)
        return new

    def _reconcile_list(
        self, old_list: Any, new_list: Any, *, parent: Component, mount: bool
    ) -> list[Any]:
        """Reconcile a list of children: by (type, key) first, then position."""
        old_items = list(old_list) if isinstance(old_list, (list, tuple)) else []
        old_count = len(old_items)
        keyed: dict[tuple[type, Any], Component] = {}
        for item in old_items:
            if isinstance(item, Component):
                key = item._values.get("key")
                if key is not None:
                    keyed[(type(item), key)] = item
        result: list[Any] = []
        for index, item in enumerate(new_list):
            if not isinstance(item, Component):
                result.append(item)
                continue
            new_values = item._values
            key = new_values.get("key")
            if key is not None:
                match = keyed.pop((type(item), key), None)
            else:
                match = old_items[index] if index < old_count else None
                if (
                    isinstance(match, Component)
                    and match._values.get("key") is not None
                ):
                    match = None
            # The common case in a big list: the same row again. Skip the
            # general update when every value given is the one already live.
            if (
                type(match) is type(item)
                and match._id is not None
                and item._id is None
                and match._explicit == item._explicit
            ):
                old_values = match._values
                for name, value in new_values.items():
                    if old_values.get(name, _ABSENT) is not value:
                        break
                else:
                    result.append(match)
                    continue
            result.append(self._reconcile(match, item, parent=parent, mount=mount))
        return result

    def _update(self, old: Component, new: Component) -> None:
        """Copy the fields `new` was given explicitly into the live `old`.

        Fields the parent passed last time but not now go back to `new`'s
        (default) value; fields no parent passed keep the component's state.
        """
        fundamental = is_fundamental(old)
        child_fields = getattr(type(old), "_child_fields", ())
        changed: set[str] = set()
        children_changed = False
        from_parent = new._explicit
        if old._explicit != from_parent:
            from_parent = from_parent | old._explicit
            old._explicit = new._explicit
        fields = type(old)._fields
        old_values = old._values
        new_values = new._values
        for name in from_parent:
            # A field the parent passed before but not now is at its default.
            new_value = new_values.get(name, fields[name].default)
            old_value = old_values.get(name, fields[name].default)
            is_child_field = name in child_fields
            if is_child_field or (not fundamental and _is_child_value(new_value)):
                if isinstance(new_value, Component):
                    new_value = self._reconcile(
                        old_value, new_value, parent=old, mount=is_child_field
                    )
                elif isinstance(new_value, (list, tuple)):
                    new_value = self._reconcile_list(
                        old_value, new_value, parent=old, mount=is_child_field
                    )
            if _same(old_value, new_value):
                continue
            if fundamental and _both_handlers(old_value, new_value):
                # A fresh closure each build: keep the newest, tell nobody.
                old_values[name] = new_value
                continue
            old_values[name] = new_value
            if type(new_value) is AttributeBinding:
                _register_binding(old, name, new_value)
            changed.add(name)
            children_changed = children_changed or is_child_field
        if not changed:
            return
        assert self._delta is not None
        self._delta.repopulated.append(old)
        if fundamental:
            if children_changed:
                self._update_children(old, old._children)
            self._note_changed(old, changed - _NOT_SENT)
        else:
            for name in changed:
                self.mark_dirty(old, name)

    def _mount(self, component: Component, parent: Component | None) -> None:
        assert self._delta is not None
        component._id = self._next_id
        self._next_id += 1
        self._mounted_ids.add(component._id)
        component._session = self._session
        self.components[component._id] = component
        self._attach(component, parent)
        for name, value in component._values.items():
            if type(value) is AttributeBinding:
                _register_binding(component, name, value)
        self._delta.mounted.append(component)
        if is_fundamental(component):
            for name in type(component)._child_fields:  # type: ignore[attr-defined]
                value = component._raw(name)
                if isinstance(value, Component):
                    self._reconcile(None, value, parent=component, mount=True)
                elif isinstance(value, (list, tuple)):
                    for child in value:
                        if isinstance(child, Component):
                            self._reconcile(None, child, parent=component, mount=True)
            # A leaf (most rows of a big list) shares the empty tuple.
            component._children = list(self._children_of(component)) or ()
        else:
            component._build_result = None
            self.mark_dirty(component, None)

    def _attach(self, component: Component, parent: Component | None) -> None:
        component._parent = parent
        component._depth = 0 if parent is None else parent._depth + 1

    # --- removal --------------------------------------------------------------

    def _collect_garbage(self) -> None:
        """Unmount what left the tree, unless it was moved under a new parent."""
        assert self._delta is not None
        for component, former_parent in self._detached:
            if component._id is None or component._parent is not former_parent:
                continue
            if self._still_child_of(component, former_parent):
                continue
            self._unmount(component)

    def _still_child_of(self, component: Component, parent: Component) -> bool:
        if is_fundamental(parent):
            return any(c is component for c in parent._children)
        return parent._build_result is component

    def _unmount(self, component: Component) -> None:
        assert self._delta is not None
        stack = [component]
        while stack:
            current = stack.pop()
            if current._id is None:
                continue
            for child in self._children_of(current):
                if child._parent is current:
                    stack.append(child)
            del self.components[current._id]
            self._delta.removed.append(current._id)
            self._delta.unmounted.append(current)
            self._dirty.pop(current, None)
            self._changed.pop(current, None)
            current._id = None

    def _children_of(self, component: Component) -> Iterator[Component]:
        if not is_fundamental(component):
            child = component._build_result
            if child is not None:
                yield child
            return
        for name in type(component)._child_fields:  # type: ignore[attr-defined]
            value = component._raw(name)
            if isinstance(value, Component):
                yield value
            elif isinstance(value, (list, tuple)):
                for child in value:
                    if isinstance(child, Component):
                        yield child

    # --- serialization --------------------------------------------------------

    def _serialize(self) -> None:
        delta = self._delta
        assert delta is not None
        # Created and dropped again in this refresh: the page never saw them.
        delta.removed = [i for i in delta.removed if i not in self._mounted_ids]
        new_ids: set[int] = set()
        for component in delta.mounted:
            if component._id is not None:
                new_ids.add(component._id)
                delta.components[component._id] = serialize_full(component)
        for component, props in self._changed.items():
            if component._id is None or component._id in new_ids:
                continue
            delta.components[component._id] = serialize_props(component, props)

    def full_state(self) -> ComponentDelta:
        """Every live component in full: for a page that (re)connects."""
        return ComponentDelta(
            {cid: serialize_full(c) for cid, c in self.components.items()},
            root=self.root._id if self.root is not None else None,
            reset=True,
        )


def serialize_full(component: Component) -> dict[str, Any]:
    """All properties the page needs to create a component's element.

    Fields still at their declared default are left out; the page knows them.
    """
    cls = type(component)
    fields = cls._fields
    fundamental = cls._fundamental_type
    out: dict[str, Any] = {"_type": fundamental or "HighLevel"}
    for name, value in component._values.items():
        if name in _NOT_SENT:
            continue
        if not fundamental and name not in LAYOUT_FIELDS:
            continue
        if type(value) is AttributeBinding:
            value = value.get()
        default = fields[name].default
        if value is default or (
            fields[name].default_factory is None
            and type(value) is type(default)
            and value == default
        ):
            continue
        out[name] = component._serialize_field(name, value)
    if not fundamental:
        child = component._build_result
        out["child"] = child._id if child is not None else None
    if cls._reports_resize:
        out["_report_resize"] = True
    return out


def serialize_props(component: Component, props: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in props:
        if name == "child":
            child = component._build_result
            out["child"] = child._id if child is not None else None
            continue
        value = getattr(component, name)
        out[name] = component._serialize_field(name, value)
    return out


def _register_binding(child: Component, name: str, binding: AttributeBinding) -> None:
    bound = binding.owner.__dict__.setdefault("_bound_children", {})
    bound.setdefault(binding.name, []).append((child, name))

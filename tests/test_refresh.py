"""The refresh: only what is dirty is rebuilt, and only what changed is sent."""

from __future__ import annotations

import dataclasses
import json

import pytest

import rio_desktop as rio
from rio_desktop.protocol import encode


class Row(rio.Component):
    label: str = ""
    clicks: int = 0

    def build(self) -> rio.Component:
        return rio.Text(f"{self.label}: {self.clicks}")


class Rows(rio.Component):
    labels: list[str] = dataclasses.field(default_factory=list)
    build_count: int = 0

    def build(self) -> rio.Component:
        return rio.Column(*[rio.Text(label) for label in self.labels])


def find(tree, cls):
    return [c for c in tree.components.values() if type(c) is cls]


def test_first_refresh_sends_every_component_in_full(make_tree):
    """The first delta creates the whole tree, root included."""
    harness = make_tree(lambda: rio.Column(rio.Text("a"), rio.Text("b")))
    delta = harness.refresh()
    assert delta.root is not None
    types = sorted(p["_type"] for p in delta.components.values())
    assert types == ["Column", "Text", "Text"]
    texts = [p["text"] for p in delta.components.values() if p["_type"] == "Text"]
    assert texts == ["a", "b"]


def test_only_dirty_components_rebuild(make_tree):
    """Changing one row's state rebuilds that row, not its siblings."""
    harness = make_tree(lambda: rio.Column(*[Row(label=str(i)) for i in range(10)]))
    harness.refresh()
    rows = find(harness.tree, Row)
    rows[3].clicks += 1
    delta = harness.refresh()
    assert delta.rebuilt == 1
    assert list(delta.components.values()) == [{"text": "3: 1"}]


def test_child_state_survives_parent_rebuild(make_tree):
    """A child keeps fields its parent does not pass when the parent rebuilds."""

    class Parent(rio.Component):
        title: str = "x"

        def build(self) -> rio.Component:
            return rio.Column(rio.Text(self.title), Row(label="row"))

    harness = make_tree(Parent)
    harness.refresh()
    (row,) = find(harness.tree, Row)
    row.clicks = 5
    harness.refresh()
    (parent,) = find(harness.tree, Parent)
    parent.title = "y"
    delta = harness.refresh()
    (row_after,) = find(harness.tree, Row)
    assert row_after is row and row.clicks == 5
    assert {"text": "y"} in delta.components.values()
    assert not delta.removed


def test_parent_passing_a_field_again_overrides_child_state(make_tree):
    """A field the parent passes explicitly is copied into the live child."""

    class Parent(rio.Component):
        label: str = "a"

        def build(self) -> rio.Component:
            return Row(label=self.label)

    harness = make_tree(Parent)
    harness.refresh()
    (parent,) = find(harness.tree, Parent)
    parent.label = "b"
    delta = harness.refresh()
    assert {"text": "b: 0"} in delta.components.values()


def test_keyed_reorder_moves_ids_without_recreating(make_tree):
    """Reordering keyed children keeps every id and creates nothing."""

    class Keyed(rio.Component):
        order: list[str] = dataclasses.field(default_factory=lambda: ["a", "b", "c"])

        def build(self) -> rio.Component:
            return rio.Column(*[Row(label=k, key=k) for k in self.order])

    harness = make_tree(Keyed)
    harness.refresh()
    ids = {row.label: row._id for row in find(harness.tree, Row)}
    (keyed,) = find(harness.tree, Keyed)
    keyed.order = ["c", "a", "b"]
    delta = harness.refresh()
    assert not delta.mounted and not delta.removed
    (column,) = find(harness.tree, rio.Column)
    assert list(delta.components) == [column._id]
    assert delta.components[column._id] == {"children": [ids["c"], ids["a"], ids["b"]]}


def test_removal_reports_gone_ids(make_tree):
    """Children that leave the tree are reported, with their descendants."""
    harness = make_tree(lambda: Rows(labels=["a", "b", "c"]))
    harness.refresh()
    (rows,) = find(harness.tree, Rows)
    texts = find(harness.tree, rio.Text)
    gone_ids = sorted(t._id for t in texts[1:])
    rows.labels = ["a"]
    delta = harness.refresh()
    assert sorted(delta.removed) == gone_ids
    assert all(t._id is None for t in texts[1:])


def test_one_row_among_5000_sends_one_component(make_tree):
    """With 5,000 rows shown, changing one row's text sends that row only."""
    harness = make_tree(lambda: Rows(labels=[f"row {i}" for i in range(5000)]))
    first = harness.refresh()
    assert len(first.components) == 5002
    (rows,) = find(harness.tree, Rows)
    rows.labels[1234] = "changed"
    rows.mark_mutated("labels")
    delta = harness.refresh()
    assert len(delta.components) == 1
    (props,) = delta.components.values()
    assert props == {"text": "changed"}
    assert not delta.removed and not delta.mounted
    wire = encode(delta.to_message())
    assert len(wire.encode()) < 100, wire


def test_assignments_in_one_tick_batch_into_one_refresh(make_tree):
    """Several assignments before a refresh produce one rebuild."""
    harness = make_tree(lambda: Row(label="a"))
    harness.refresh()
    (row,) = find(harness.tree, Row)
    for _ in range(5):
        row.clicks += 1
    delta = harness.refresh()
    assert delta.rebuilt == 1
    assert list(delta.components.values()) == [{"text": "a: 5"}]


def test_build_error_shows_placeholder(make_tree):
    """A build() that raises is replaced by an error placeholder."""

    class Broken(rio.Component):
        def build(self) -> rio.Component:
            raise ValueError("boom")

    harness = make_tree(lambda: rio.Column(Broken(), rio.Text("fine")))
    delta = harness.refresh()
    types = [p["_type"] for p in delta.components.values()]
    assert "ErrorPlaceholder" in types and "Text" in types


def test_mutable_default_is_copied_for_each_instance():
    """As in Rio, a list default is not shared: each instance gets its own."""

    class Rows(rio.Component):
        items: list[int] = []  # noqa: RUF012

    first, second = Rows(), Rows()
    first.items.append(1)
    assert second.items == [] and Rows().items == []


def test_unknown_keyword_is_a_clear_error():
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        rio.Text("x", colour="red")


def test_delta_is_json(make_tree):
    harness = make_tree(lambda: rio.Button("go", on_press=lambda: None))
    message = harness.refresh().to_message()
    decoded = json.loads(encode(message))
    (button,) = decoded["components"].values()
    assert button == {"_type": "Button", "content": "go", "on_press": True}


def test_new_closures_are_not_resent(make_tree):
    """A parent passing a fresh lambda each build sends nothing for it."""

    class Parent(rio.Component):
        title: str = "a"

        def build(self) -> rio.Component:
            return rio.Column(
                rio.Text(self.title), rio.Button("b", on_press=lambda: None)
            )

    harness = make_tree(Parent)
    harness.refresh()
    (parent,) = find(harness.tree, Parent)
    (button,) = find(harness.tree, rio.Button)
    first_handler = button.on_press
    parent.title = "b"
    delta = harness.refresh()
    assert list(delta.components.values()) == [{"text": "b"}]
    assert button.on_press is not first_handler  # the newest closure is kept


def test_force_refresh_resends_a_builtin_component(make_tree):
    harness = make_tree(lambda: rio.Text("x", style="heading1"))
    harness.refresh()
    (text,) = find(harness.tree, rio.Text)
    text.force_refresh()
    (props,) = harness.refresh().components.values()
    assert props["text"] == "x" and props["style"] == "heading1"


def test_field_no_longer_passed_returns_to_default(make_tree):
    """Text("B") replacing Text("B", grow_x=True) is not growing any more."""

    class Parent(rio.Component):
        grow: bool = True

        def build(self) -> rio.Component:
            if self.grow:
                return rio.Text("B", grow_x=True)
            return rio.Text("B")

    harness = make_tree(Parent)
    harness.refresh()
    (parent,) = find(harness.tree, Parent)
    (text,) = find(harness.tree, rio.Text)
    parent.grow = False
    delta = harness.refresh()
    assert text.grow_x is False
    assert list(delta.components.values()) == [{"grow_x": False}]


def test_constructor_errors_name_the_argument():
    with pytest.raises(TypeError, match="multiple values for argument 'text'"):
        rio.Text("a", text="b")
    # As in Rio, only `text` is positional.
    with pytest.raises(TypeError, match="takes 1 positional argument"):
        rio.Text("a", True)

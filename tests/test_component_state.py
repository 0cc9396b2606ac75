"""Component state as in Rio: private fields, copied defaults, signatures."""

from __future__ import annotations

import dataclasses
import inspect
import logging
from pathlib import Path
from typing import Any

import pytest

import rio_desktop as rio
from rio_desktop.component import FundamentalComponent
from rio_desktop.testing import run


class Disclosure(rio.Component):
    title: str = "Details"
    _is_open: bool = False

    def _toggle(self) -> None:
        self._is_open = not self._is_open

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Button(self.title, on_press=self._toggle),
            rio.Text("open" if self._is_open else "closed"),
        )


def texts(delta: Any) -> list[str]:
    return [p["text"] for p in delta.components.values() if "text" in p]


def test_assigning_private_state_rebuilds(make_tree):
    """`_is_open` is state: assigning it re-renders, like a public field."""
    live: dict[str, Disclosure] = {}

    def root() -> Disclosure:
        live["d"] = Disclosure()
        return live["d"]

    harness = make_tree(root)
    assert "closed" in texts(harness.refresh())
    live["d"]._toggle()
    assert texts(harness.refresh()) == ["open"]


def test_private_state_is_a_constructor_argument():
    """As in Rio, `_is_open=True` may be passed (and positionally too)."""
    assert Disclosure(_is_open=True)._is_open is True
    assert Disclosure("Title", True)._is_open is True
    params = inspect.signature(Disclosure).parameters
    assert list(params)[:2] == ["title", "_is_open"]


def test_parent_rebuild_keeps_private_state(make_tree):
    """A parent rebuilding does not reset a child's private state."""

    class Page(rio.Component):
        label: str = "a"

        def build(self) -> rio.Component:
            return Disclosure(self.label)

    live: dict[str, Any] = {}

    def root() -> Page:
        live["page"] = Page()
        return live["page"]

    harness = make_tree(root)
    harness.refresh()
    disclosure = live["page"]._build_result
    disclosure._toggle()
    harness.refresh()
    live["page"].label = "b"
    harness.refresh()
    assert live["page"]._build_result is disclosure
    assert disclosure._is_open is True and disclosure.title == "b"


@dataclasses.dataclass
class Point:
    x: int = 0


class Defaults(rio.Component):
    items: list[str] = []  # noqa: RUF012
    tags: dict[str, int] = {"a": 1}  # noqa: RUF012
    seen: set[int] = set()  # noqa: RUF012
    point: Point = Point()  # noqa: RUF009
    nested: list[list[int]] = [[1]]  # noqa: RUF012

    def build(self) -> rio.Component:
        return rio.Text(", ".join(self.items))


def test_mutable_defaults_are_copied_for_each_instance():
    first, second = Defaults(), Defaults()
    first.items.append("x")
    first.tags["b"] = 2
    first.seen.add(1)
    first.point.x = 5
    first.nested[0].append(2)
    assert second.items == [] and second.tags == {"a": 1} and second.seen == set()
    assert second.point == Point(0) and second.nested == [[1]]
    # The signature shows the default as written, as Rio's does.
    assert inspect.signature(Defaults).parameters["items"].default == []


def test_two_instances_with_a_list_default_do_not_share_it(make_tree):
    class Adder(rio.Component):
        items: list[str] = []  # noqa: RUF012

        def _add(self) -> None:
            self.items.append("row")
            self.force_refresh()

        def build(self) -> rio.Component:
            return rio.Text(f"{len(self.items)} rows")

    adders: list[Adder] = []

    def root() -> rio.Component:
        adders[:] = [Adder(key="a"), Adder(key="b")]
        return rio.Column(*adders)

    harness = make_tree(root)
    assert texts(harness.refresh()) == ["0 rows", "0 rows"]
    adders[0]._add()
    assert texts(harness.refresh()) == ["1 rows"]
    assert adders[1].items == []


def test_kw_only_and_field_options():
    class Options(rio.Component):
        name: str
        _: rio.KW_ONLY
        size: int = 3
        computed: str = rio.field(init=False, default="")
        history: list[int] = rio.field(default_factory=list)
        late: str = rio.field(init=False)

        def __post_init__(self) -> None:
            self.computed = self.name.upper()

        def build(self) -> rio.Component:
            return rio.Text(self.computed)

    options = Options("ada", size=4)
    assert (options.computed, options.size, options.history) == ("ADA", 4, [])
    with pytest.raises(TypeError, match="positional"):
        Options("ada", 4)
    with pytest.raises(TypeError, match="unexpected keyword argument 'computed'"):
        Options("ada", computed="x")
    with pytest.raises(AttributeError, match="late has no value yet"):
        _ = options.late
    signature = inspect.signature(Options)
    assert str(signature).startswith("(name: 'str', *, key:")
    assert "computed" not in signature.parameters
    assert signature.parameters["size"].kind is inspect.Parameter.KEYWORD_ONLY


def test_every_post_init_runs_base_first():
    calls: list[str] = []

    class Base(rio.Component):
        def __post_init__(self) -> None:
            calls.append("base")

        def build(self) -> rio.Component:
            return rio.Text("x")

    class Child(Base):
        def __post_init__(self) -> None:
            calls.append("child")

    Child()
    assert calls == ["base", "child"]


def test_component_signatures_list_rios_parameters():
    layout = [
        "key",
        "min_width",
        "min_height",
        "grow_x",
        "grow_y",
        "align_x",
        "align_y",
        "margin_left",
        "margin_top",
        "margin_right",
        "margin_bottom",
        "margin_x",
        "margin_y",
        "margin",
        "accessibility_role",
    ]
    assert list(inspect.signature(rio.Component).parameters) == layout
    listener = inspect.signature(rio.KeyEventListener).parameters
    assert list(listener) == [
        "content",
        *layout,
        "auto_focus",
        "on_key_down",
        "on_key_up",
        "on_key_press",
        "event_order",
    ]
    assert listener["content"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert listener["event_order"].default == "after-child"
    # A component with its own __init__ (*children) shows it, plus its fields.
    column = inspect.signature(rio.Column).parameters
    assert next(iter(column.values())).kind is inspect.Parameter.VAR_POSITIONAL
    assert {"spacing", "key", "margin"} <= set(column)
    # Type checkers see the fields: the base is a dataclass_transform.
    assert hasattr(rio.Component, "__dataclass_transform__")


def test_package_ships_py_typed():
    package = Path(rio.__file__).parent
    assert (package / "py.typed").is_file()
    pyproject = (package.parent / "pyproject.toml").read_text("utf-8")
    assert "py.typed" in pyproject


def test_event_handler_type_alias():
    assert rio.EventHandler[[]] is not None
    assert rio.EventHandler[rio.KeyDownEvent] is not None


def test_accessibility_role_is_sent_to_the_page(make_tree):
    class Banner(rio.Component):
        def build(self) -> rio.Component:
            return rio.Text("hi", accessibility_role="status")

    harness = make_tree(lambda: Banner(accessibility_role="region"))
    props = list(harness.refresh().components.values())
    assert {"accessibility_role": "region", "_type": "HighLevel"}.items() <= (
        props[0].items()
    )
    assert any(p.get("accessibility_role") == "status" for p in props)


class Rating(rio.Component):
    on_rate: rio.EventHandler[int] = None
    stars: int = 0

    async def _rate(self) -> None:
        await self.call_event_handler(self.on_rate, 4)

    def build(self) -> rio.Component:
        return rio.Button(f"rate {self.stars}", on_press=self._rate)


class RatingPage(rio.Component):
    rated: str = "none"
    use_async: bool = False
    fail: bool = False

    def _sync(self, stars: int) -> None:
        if self.fail:
            raise RuntimeError("handler failed")
        self.rated = f"sync {stars}"

    async def _async(self, stars: int) -> None:
        self.rated = f"async {stars}"

    def build(self) -> rio.Component:
        return rio.Column(
            Rating(on_rate=self._async if self.use_async else self._sync),
            rio.Text(f"rated={self.rated}"),
        )


async def test_call_event_handler_runs_sync_and_async_handlers(caplog):
    async with run(rio.App(build=RatingPage)) as client:
        await client.click("rate 0")
        assert client.has_text("rated=sync 4")
        page = client.session.runtime.tree.root
        while not isinstance(page, RatingPage):
            page = (
                page.content
                if isinstance(page, FundamentalComponent)
                else page._build_result
            )
        page.use_async = True
        await client.settle()
        await client.click("rate 0")
        assert client.has_text("rated=async 4")
        page.fail = True
        page.use_async = False
        await client.settle()
        with caplog.at_level(logging.ERROR):
            await client.click("rate 0")
        assert "handler failed" in caplog.text  # logged, the session lives on


class Settings(rio.UserSettings):
    auth_token: str
    volume: int = 3


def test_user_settings_field_without_default_is_an_argument():
    """As in Rio: `Settings(auth_token="")`; `Settings()` names what is missing."""
    assert Settings(auth_token="t").auth_token == "t"
    assert Settings("t", 5).volume == 5
    with pytest.raises(TypeError, match="missing the required argument 'auth_token'"):
        Settings()
    assert list(inspect.signature(Settings).parameters) == ["auth_token", "volume"]


def test_user_settings_without_default_load_stored_values():
    from rio_desktop.user_settings import SettingsStore

    store = SettingsStore(None)
    store._data = {"Settings": {"auth_token": "stored", "volume": 9}}
    settings = Settings(auth_token="")
    store.attach(settings, load=True)
    assert (settings.auth_token, settings.volume) == ("stored", 9)

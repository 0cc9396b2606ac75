"""Deterministic proxies for the benchmarks in bench/: sizes and counts, no times."""

from __future__ import annotations

import dataclasses
import gzip
import importlib
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import wait_for

import rio_desktop as rio
from rio_desktop._slim import slim
from rio_desktop.protocol import encode


class Counter(rio.Component):
    count: int = 0

    def build(self) -> rio.Component:
        return rio.Text(f"Count: {self.count}")


class RowList(rio.Component):
    rows: list[str] = dataclasses.field(default_factory=list)

    def build(self) -> rio.Component:
        return rio.Column(*[rio.Text(row) for row in self.rows])


class Bench(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(Counter(), RowList())


def only(tree, cls):
    (component,) = [c for c in tree.components.values() if type(c) is cls]
    return component


def test_defaults_are_per_instance_and_required_fields_checked():
    """The fast constructor fills defaults, calls factories, checks required."""

    class Needs(rio.Component):
        name: str
        items: list[int] = dataclasses.field(default_factory=list)

        def build(self) -> rio.Component:
            return rio.Text(self.name)

    a, b = Needs("a"), Needs(name="b")
    assert a.items == [] and a.items is not b.items
    assert a.margin is None and a.min_width == 0 and a._explicit == {"name"}
    with pytest.raises(TypeError, match="missing the required argument 'name'"):
        Needs()


def test_counter_click_rebuilds_one_component(make_tree):
    """B2: a counter change rebuilds the counter only and sends one text."""
    harness = make_tree(Bench)
    harness.refresh()
    only(harness.tree, Counter).count += 1
    delta = harness.refresh()
    assert delta.rebuilt == 1
    assert list(delta.components.values()) == [{"text": "Count: 1"}]


def test_5000_rows_cost_under_48_bytes_each(make_tree):
    """B3: 5,000 new rows serialize to < 48 bytes per row before compression."""
    harness = make_tree(Bench)
    harness.refresh()
    only(harness.tree, RowList).rows = [f"Row {i}" for i in range(5000)]
    delta = harness.refresh()
    assert delta.rebuilt == 1 and len(delta.mounted) == 5000
    assert len(encode(delta.to_message()).encode()) < 5000 * 48


def test_one_row_among_5000_is_one_small_update(make_tree):
    """B4: replacing the list with one changed row sends under 100 bytes."""
    harness = make_tree(Bench)
    harness.refresh()
    rows = only(harness.tree, RowList)
    rows.rows = [f"Row {i}" for i in range(5000)]
    harness.refresh()
    changed = list(rows.rows)
    changed[2500] = "Changed 1"
    rows.rows = changed
    delta = harness.refresh()
    assert delta.rebuilt == 1 and not delta.mounted and not delta.removed
    assert list(delta.components.values()) == [{"text": "Changed 1"}]
    assert len(encode(delta.to_message()).encode()) < 100


def test_one_argument_calls_take_the_short_path_only_when_it_is_the_same():
    """B3/B4: Text("Row 1") skips the general constructor (0.9 -> 0.45 us);
    classes with factories or a second required field do not (a __post_init__
    runs on both paths), and both paths give the same result."""
    short, general = rio.Text("Row 1"), rio.Text(text="Row 1")
    assert short._values == general._values == {"text": "Row 1"}
    assert short._explicit is general._explicit  # one shared set: cheap ==
    assert rio.Text._one_arg_explicit is not None

    class WithFactory(rio.Component):
        name: str = ""
        items: list = dataclasses.field(default_factory=list)

    class WithPostInit(rio.Component):
        name: str = ""

        def __post_init__(self) -> None:
            self.set_quietly("name", self.name.upper())

    class TwoRequired(rio.Component):
        first: str
        second: str

    for cls in (WithFactory, TwoRequired):
        assert cls._one_arg_explicit is None, cls
    assert WithPostInit._one_arg_explicit is not None
    one, two = WithFactory("a"), WithFactory("b")
    assert one.items == [] and one.items is not two.items
    assert WithPostInit("shout").name == "SHOUT"
    with pytest.raises(TypeError, match="missing the required argument 'second'"):
        TwoRequired("x")
    with pytest.raises(TypeError, match="takes 0 positional"):
        rio.Component("x")


def test_unchanged_rows_skip_the_general_update(make_tree, monkeypatch):
    """B4: of 5,000 rows rebuilt, only the changed one goes through _update."""
    from rio_desktop.refresh import ComponentTree

    harness = make_tree(Bench)
    harness.refresh()
    rows = only(harness.tree, RowList)
    rows.rows = [f"Row {i}" for i in range(5000)]
    harness.refresh()
    updated: list[object] = []
    general_update = ComponentTree._update

    def counting_update(self, old, new):
        updated.append(old)
        general_update(self, old, new)

    monkeypatch.setattr(ComponentTree, "_update", counting_update)
    changed = list(rows.rows)
    changed[2500] = "Changed 1"
    rows.rows = changed
    delta = harness.refresh()
    assert list(delta.components.values()) == [{"text": "Changed 1"}]
    texts = [c for c in updated if isinstance(c, rio.Text)]
    assert [t.text for t in texts] == ["Changed 1"]
    assert len(updated) <= 3  # the Column, and the one Text


def test_a_refresh_runs_no_garbage_collection(make_tree):
    """B3/B4: the cycle collector does not scan the heap during a rebuild."""
    import gc

    harness = make_tree(Bench)
    harness.refresh()
    collections: list[int] = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        only(harness.tree, RowList).rows = [f"Row {i}" for i in range(5000)]
        harness.refresh()
    finally:
        gc.callbacks.remove(count)
    assert collections == []
    assert gc.isenabled()
    gc.disable()
    try:
        harness.refresh()
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_a_row_keeps_only_what_it_was_given():
    """B5: defaults are read from the class; a row stores one small dict."""
    row = rio.Text("Row 1")
    assert row._values == {"text": "Row 1"}
    assert row.overflow == "nowrap" and row.margin is None and row.key is None
    row.margin = 2
    assert row._values == {"text": "Row 1", "margin": 2}


def _wait_for(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


@pytest.mark.browser
def test_new_rows_get_no_inline_layout_styles(serve, page):
    """B3 on the page: rows at default layout are created without style writes."""
    server = serve(rio.App(build=lambda: RowList(rows=["a", "b", "c"])))
    page.goto(server.url)
    page.get_by_text("c", exact=True).wait_for()
    margins = page.evaluate(
        "[...document.querySelectorAll('.rio-text')].map(e => e.style.marginLeft)"
    )
    assert margins == ["", "", ""]


@pytest.mark.browser
def test_closing_the_page_drops_its_session_at_once(serve, page):
    """B5: a closed tab's session goes without waiting for the reconnect grace."""
    server = serve(rio.App(build=Bench), reconnect_grace=600)
    page.goto(server.url)
    page.get_by_text("Count: 0").wait_for()
    assert len(server.server.sessions) == 1
    page.close()
    _wait_for(lambda: not server.server.sessions)


@pytest.mark.browser
def test_shared_space_is_a_class_not_a_has_selector(serve, page):
    """B3/B4 on the page: which children share space is a class kept by JS.

    A CSS :has() rule made Chromium restyle all 5,000 rows on any change.
    """
    css = (Path(__file__).parent.parent / "webui" / "style.css").read_text()
    assert ":has(" not in css

    class Toggle(rio.Component):
        grow: bool = False

        def build(self) -> rio.Component:
            return rio.Column(rio.Text("a"), rio.Text("b", grow_y=self.grow))

    server = serve(rio.App(build=Toggle))
    page.goto(server.url)
    page.get_by_text("b", exact=True).wait_for()
    shares = (
        "document.querySelector('.rio-column').classList.contains('rio-share-space')"
    )
    assert page.evaluate(shares) is True
    toggle = server.run(
        lambda: next(
            c
            for c in server.session().runtime.tree.components.values()
            if type(c) is Toggle
        )
    )
    server.run(lambda: setattr(toggle, "grow", True))
    page.wait_for_function(f"!({shares})")
    server.run(lambda: setattr(toggle, "grow", False))
    page.wait_for_function(shares)


def test_page_modules_are_served_gzipped(serve):
    """B1: the page and its modules go out gzipped to a browser that accepts
    it; the page, which holds a one-time token, is never cached."""
    server = serve(rio.App(build=Bench))
    with urllib.request.urlopen(server.url) as response:
        page_html = response.read().decode()
    request = urllib.request.Request(server.url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Cache-Control"] == "no-store"
        zipped = response.read()
    unzipped = gzip.decompress(zipped).decode()
    assert '<script id="rio-config"' in unzipped
    assert len(zipped) < 0.5 * len(unzipped.encode())
    src = re.search(r'src="([^"]*app\.js)"', page_html).group(1)
    request = urllib.request.Request(
        server.url.rstrip("/") + src, headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        body = gzip.decompress(response.read())
    webui = Path(__file__).parent.parent / "webui"
    source = (webui / "app.js").read_text("utf-8")
    assert body.decode() == slim(source)
    assert len(body) < 0.85 * len(source.encode())  # comments and indentation


def test_slimmed_page_files_keep_every_line_of_code():
    """The page's files lose whole comment lines and indentation, nothing else."""
    source = (
        "// a comment\n"
        "/* a block\n"
        "   comment */\n"
        "  const url = 'http://example.com'; // kept: code before it\n"
        "\n"
        "    const re = /a\\/\\/b/; /* kept too */\n"
        "  /** one line */\n"
        "body { color: red; }\n"
    )
    assert slim(source) == (
        "const url = 'http://example.com'; // kept: code before it\n"
        "const re = /a\\/\\/b/; /* kept too */\n"
        "body { color: red; }\n"
    )


def test_page_files_are_compressed_before_the_first_page(serve):
    """B1: the first page's modules do not wait for gzip on the server."""
    server = serve(rio.App(build=Bench))
    app_server = server.server
    names = {"style.css", "app.js", *app_server.page.preloads}

    def compressed() -> set[str]:
        return {path.name for path, _ in list(app_server.page.gzip_cache)}

    wait_for(lambda: compressed() >= names, timeout=5)
    assert "components_input.js" in names


WARM_UP_SCRIPT = """
import asyncio, sys
import rio_desktop as rio
from rio_desktop.hosts.window import WindowHost
from rio_desktop.server import AppServer

async def main():
    app = rio.App(build=lambda: rio.Text("hi"))
    async with AppServer(app, host_types=(WindowHost,)):
        loaded = lambda: [name in sys.modules for name in ("zoneinfo", "tzlocal")]
        print("listening", loaded())
        await asyncio.sleep(0)
        print("idle", loaded())

asyncio.run(main())
"""


def _run_in_fresh_python(script: str) -> list[str]:
    """The lines `script` prints, run in a new interpreter (nothing imported)."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_server_loads_the_timezone_machinery_while_idle():
    """The first session finds zoneinfo and tzlocal loaded (~5-20 ms saved)."""
    assert _run_in_fresh_python(WARM_UP_SCRIPT) == [
        "listening [False, False]",
        "idle [True, True]",
    ]


LAZY_SCRIPT = """
import sys
import rio_desktop as rio
prefix = "rio_desktop.components._"
loaded = lambda: sorted(m for m in sys.modules if m.startswith(prefix))
print(len(loaded()), "rio_desktop.components._slider" in loaded())
print(rio.Slider.__name__, "rio_desktop.components._slider" in loaded())
from rio_desktop import SliderChangeEvent, Tabs
print("Tabs" in dir(rio), SliderChangeEvent.__name__, Tabs.__module__)
try:
    rio.Sliderr
except AttributeError as error:
    print(error)
"""


def test_components_load_on_first_use():
    """B1: `import rio_desktop` loads a handful of component modules, not all."""
    first, second, third, fourth = _run_in_fresh_python(LAZY_SCRIPT)
    count, slider_loaded = first.split()
    assert int(count) <= 8 and slider_loaded == "False", first
    assert second == "Slider True"
    assert third == "True SliderChangeEvent rio_desktop.components._tabs"
    assert "has no attribute 'Sliderr'" in fourth


def test_every_component_name_is_listed_for_type_checkers():
    """The lazy table, __all__ and the TYPE_CHECKING imports name the same."""
    import ast

    from rio_desktop import components

    source = Path(components.__file__).read_text("utf-8")
    typed: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            typed.update({alias.name: node.module for alias in node.names})
    assert typed == components._MODULES
    assert sorted(components.__all__) == sorted(components._MODULES)
    for name, module in components._MODULES.items():
        value = getattr(rio, name)
        if not isinstance(value, type):
            # A type alias (rio.HardwareKey): its __module__ is typing's.
            owner = importlib.import_module(f"rio_desktop.components.{module}")
            assert getattr(owner, name) is value, name
            continue
        assert value.__module__ == f"rio_desktop.components.{module}", name


BEFORE_THE_WINDOW_SCRIPT = """
import sys
import rio_desktop as rio
from rio_desktop import desktop

class Counter(rio.Component):
    def build(self):
        return rio.Text("0")

app = rio.App(build=Counter)
heavy = ("asyncio", "aiohttp", "yarl", "concurrent.futures", "rio_desktop.session")
print([name for name in heavy if name in sys.modules])
import rio_desktop.cli
from rio_desktop.reload import Reloader
Reloader(rio_desktop.cli.__file__, app)  # what `rio-desktop run` adds
print([name for name in heavy if name in sys.modules])
print(rio.Session.__module__, rio.URL.__name__, rio.page.__module__)
"""


def test_a_window_app_starts_its_window_before_loading_the_server():
    """W1: all that runs before the window's process is forked (importing
    rio_desktop and the desktop runtime, defining an app; and for `rio-desktop
    run`, the CLI and its file watcher) loads neither asyncio nor aiohttp nor
    yarl; the server loads them meanwhile."""
    loaded, loaded_by_the_cli, names = _run_in_fresh_python(BEFORE_THE_WINDOW_SCRIPT)
    assert loaded == "[]"
    assert loaded_by_the_cli == "[]"
    assert names == "rio_desktop.session URL rio_desktop.routing"


def test_every_lazy_public_name_is_listed_for_type_checkers():
    """rio_desktop's own lazy table, __all__ and TYPE_CHECKING imports agree."""
    import ast

    source = Path(rio.__file__).read_text("utf-8")
    typed: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    module = "." * statement.level + statement.module
                    typed.update({a.name: module for a in statement.names})
    typed.pop("*")
    assert typed == rio._LAZY
    assert set(rio._LAZY) <= set(rio.__all__)
    for name, module in rio._LAZY.items():
        value = getattr(rio, name)
        if not (
            isinstance(value, type) or callable(value) and hasattr(value, "__code__")
        ):
            continue  # a type alias (ImageLike, QueryParameter) has no module
        assert value.__module__.endswith(module.lstrip(".")), name


class ShowsCodeLater(rio.Component):
    shown: bool = False

    def _show(self) -> None:
        self.shown = True

    def build(self) -> rio.Component:
        if not self.shown:
            return rio.Button("Show the code", on_press=self._show)
        return rio.Column(
            rio.Markdown("Some *notes*"),
            rio.CodeBlock("x = 1", language="python"),
            rio.Text("after the code"),
        )


@pytest.mark.browser
def test_text_components_load_only_when_a_page_shows_one(serve, page):
    """B1: Markdown, CodeBlock and Table load with the first one shown, and
    the delta that needs them (and what follows it) waits for them."""
    server = serve(rio.App(build=ShowsCodeLater))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server.url)
    page.get_by_text("Show the code").wait_for()
    assert not [url for url in requested if url.endswith("components_text.js")]
    page.get_by_text("Show the code").click()
    page.get_by_text("after the code").wait_for()
    assert page.locator(".rio-markdown em").inner_text() == "notes"
    assert page.locator(".rio-codeblock .rio-tok-keyword, .rio-codeblock code").count()
    assert [url for url in requested if url.endswith("components_text.js")]
    assert page.locator(".rio-error").count() == 0


class ShowsInputsLater(rio.Component):
    shown: bool = False

    def _show(self) -> None:
        self.shown = True

    async def _focus(self) -> None:
        await self.field.grab_keyboard_focus()

    def build(self) -> rio.Component:
        self.field = rio.TextInput(label="Later field")
        if not self.shown:
            return rio.Row(
                rio.Text("Count"), rio.Button("Show inputs", on_press=self._show)
            )
        return rio.Column(
            self.field,
            rio.Tooltip(rio.Text("Tipped"), "A tip"),
            rio.Button("Focus the field", on_press=self._focus),
        )


@pytest.mark.browser
def test_first_page_loads_no_inputs_popups_or_page_calls_it_does_not_use(serve, page):
    """B1: a page of Text and Buttons loads neither the other inputs, nor
    Revealer/Popup/Tooltip, nor the page calls (calls.js); each loads with
    the first delta or call that needs it, and works as before."""
    server = serve(rio.App(build=ShowsInputsLater))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server.url)
    page.get_by_role("button", name="Show inputs").wait_for()
    lazy = ("components_inputs_more.js", "components_layout_more.js", "calls.js")
    assert not [url for url in requested if url.endswith(lazy)]
    page.get_by_role("button", name="Show inputs").click()
    page.get_by_role("button", name="Focus the field").click()
    field = page.locator("input[aria-label='Later field']")
    _wait_for(lambda: field.evaluate("e => document.activeElement === e"))
    # The inputs' own rules arrived with them: the labelled box is Rio's height.
    box = page.locator(".rio-input-box").evaluate("e => getComputedStyle(e).minHeight")
    rem = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    assert box == f"{3 * rem:g}px"
    assert (
        page.locator(".rio-tooltip").evaluate("e => getComputedStyle(e).position")
        == "absolute"
    )
    for name in lazy:
        assert [url for url in requested if url.endswith(name)], name
    assert page.locator(".rio-error").count() == 0

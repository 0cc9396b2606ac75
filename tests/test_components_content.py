"""Content components in Chromium, plus an app whose build() raises."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import case_page
from helpers import wait_for

import rio_desktop as rio
from rio_desktop.components._markdown import markdown_to_tree

W, H = 800, 600
_LIVE: dict[str, Any] = {}


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A solid-colour PNG, made here so the test needs no files."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


class Items(rio.Component):
    pressed: str = "none"

    def build(self) -> rio.Component:
        return rio.Column(
            rio.ListView(
                rio.SimpleListItem(
                    "Inbox",
                    secondary_text="3 unread",
                    left_child=rio.Icon("material/inbox"),
                    on_press=lambda: setattr(self, "pressed", "inbox"),
                    key="inbox",
                ),
                rio.SimpleListItem(
                    "Sent",
                    on_press=lambda: setattr(self, "pressed", "sent"),
                    key="sent",
                ),
            ),
            rio.Text(f"pressed {self.pressed}"),
            align_y=0,
        )


class Broken(rio.Component):
    def build(self) -> rio.Component:
        raise RuntimeError("kaput in build")


class PartlyBroken(rio.Component):
    count: int = 0

    def build(self) -> rio.Component:
        return rio.Column(
            Broken(),
            rio.Button(
                f"Count {self.count}",
                on_press=lambda: setattr(self, "count", self.count + 1),
            ),
            align_y=0,
        )


MARKDOWN = """# Big title

Some **bold**, *slanted* and `code`, a [safe link](https://example.com/x)
and a [bad link](javascript:alert(1)).

<script>window.pwned = true</script> <img src=x onerror="window.pwned=true">

- first
- second

```python
def greet():
    return "hi"  # comment
```
"""


def _image_case(tmp: Path) -> rio.Component:
    path = tmp / "green.png"
    path.write_bytes(png(8, 8, (0, 200, 0)))
    return rio.Row(
        rio.Image(png(4, 2, (200, 0, 0)), min_width=8, min_height=4, key="bytes"),
        rio.Image(path, fill_mode="zoom", min_width=8, min_height=4, key="path"),
        rio.Text("images"),
        align_x=0,
        align_y=0,
        spacing=1,
    )


CASES: dict[str, Callable[[], rio.Component]] = {
    "start": lambda: rio.Text("Start"),
    "markdown": lambda: rio.Markdown(MARKDOWN, align_y=0),
    "icons": lambda: rio.Row(
        rio.Icon("material/castle", fill="primary", min_width=4, min_height=4),
        rio.Icon("home", fill=rio.Color.from_hex("#ff0000")),
        rio.Text("icons"),
        align_x=0,
        align_y=0,
    ),
    "link_code": lambda: rio.Column(
        rio.Link("Docs", "https://example.com/docs", open_in_new_tab=True),
        rio.CodeBlock('def f(x):\n    return "s" + 1  # c', language="python"),
        rio.CodeBlock('{"a": [1, true, null]}', language="json"),
        align_y=0,
        spacing=1,
    ),
    "progress": lambda: rio.Column(
        rio.ProgressBar(0.5, min_width=20, align_x=0, key="half"),
        rio.ProgressBar(None, key="busy"),
        rio.ProgressCircle(0.75, min_size=3, align_x=0),
        rio.Text("progress"),
        align_y=0,
        spacing=1,
    ),
    "tables": lambda: rio.Column(
        rio.Table({"Name": ["Ada", "Linus"], "Born": [1815, 1969]}),
        rio.Table(
            [{"City": "Wien", "Pop": 2.0}, {"City": "Graz"}], show_row_numbers=False
        ),
        align_y=0,
        spacing=1,
    ),
    "items": Items,
    "broken": PartlyBroken,
}


class Harness(rio.Component):
    case: str = "start"

    def build(self) -> rio.Component:
        _LIVE["harness"] = self
        factory = CASES.get(self.case) or (lambda: _image_case(_LIVE["tmp"]))
        content = factory()
        content.key = self.case
        return content


@pytest.fixture(scope="module")
def shown(chromium, tmp_path_factory):
    _LIVE["tmp"] = tmp_path_factory.mktemp("images")
    with case_page(chromium, rio.App(build=Harness), _LIVE, "Start", (W, H)) as show:
        yield show


# --- without a browser -----------------------------------------------------


def test_markdown_tree_has_no_html_or_unsafe_links():
    """Raw HTML stays text; javascript: links lose their link."""
    tree = markdown_to_tree(
        "<b>x</b> [a](javascript:evil()) [b](JaVa\tscript:x) [c](data:text/html,x)"
    )
    hrefs = [attrs.get("href", "") for attrs in _walk(tree)]
    assert not any(":" in href for href in hrefs), hrefs
    assert tree[0][2] == "<b>x</b> "


def _walk(tree: Any) -> Any:
    for node in tree:
        if isinstance(node, list):
            yield node[1]
            yield from _walk(node[2:])


def test_unknown_icon_name_fails_at_construction():
    """A misspelt icon raises right away and suggests the right name."""
    with pytest.raises(ValueError, match="material/castle"):
        rio.Icon("material/castel")
    assert len(rio.components._icon.icon_names()) >= 200


def test_table_accepts_dataframes_when_installed():
    """A pandas DataFrame becomes columns and rows (skipped without pandas)."""
    pandas = pytest.importorskip("pandas")
    from rio_desktop.components._table import table_data

    frame = pandas.DataFrame({"a": [1, 2], "b": ["x", None]})
    assert table_data(frame) == {"columns": ["a", "b"], "rows": [[1, "x"], [2, None]]}


def test_bad_inputs_say_what_to_do():
    """Image, Link and Table reject wrong input with a hint."""
    with pytest.raises(TypeError, match="pathlib.Path"):
        rio.Image("logo.png")
    with pytest.raises(ValueError, match="http"):
        rio.Link("x", "javascript:alert(1)")
    with pytest.raises(ValueError, match="same number"):
        rio.Table({"a": [1], "b": [1, 2]})
    with pytest.raises(TypeError, match="colour set"):
        rio.Rectangle(fill="blurple")


# --- in Chromium -----------------------------------------------------------

pytestmark_browser = pytest.mark.browser


@pytest.mark.browser
def test_markdown_renders_safely(shown):
    """Headings, emphasis, lists and code render; scripts and bad links don't."""
    page = shown("markdown", "Big title")
    assert page.locator(".rio-markdown h1").inner_text() == "Big title"
    assert page.locator(".rio-markdown strong").inner_text() == "bold"
    assert page.locator(".rio-markdown li").count() == 2
    assert page.locator(".rio-markdown a").count() == 1
    assert (
        page.locator(".rio-markdown a").get_attribute("href") == "https://example.com/x"
    )
    assert page.locator(".rio-markdown script, .rio-markdown img").count() == 0
    page.get_by_text("<script>", exact=False).wait_for()  # shown as text
    assert page.evaluate("window.pwned") is None
    assert page.locator(".rio-markdown .rio-tok-keyword").first.inner_text() == "def"


@pytest.mark.browser
def test_icons_draw_in_their_colour(shown):
    """Icons are SVGs with paths, sized by min_width, filled as asked."""
    page = shown("icons", "icons")
    castle = page.locator('.rio-icon[data-icon="material/castle"]')
    assert castle.bounding_box()["width"] == 64
    castle.locator("path").first.wait_for()  # the icon set loads lazily
    fill = castle.locator("svg").evaluate("e => getComputedStyle(e).fill")
    assert fill == "rgb(1, 223, 253)"  # Rio's default primary, 01dffd
    home = page.locator('.rio-icon[data-icon="material/home"] svg')
    assert home.evaluate("e => getComputedStyle(e).fill") == "rgb(255, 0, 0)"


@pytest.mark.browser
def test_images_from_bytes_and_path_load_by_url(shown):
    """Bytes and files are served by URL (not inlined) and load in the page."""
    page = shown("images", "images")
    images = page.locator(".rio-image img")
    page.wait_for_function(
        "[...document.querySelectorAll('.rio-image img')]"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )
    sources = images.evaluate_all("all => all.map(i => i.getAttribute('src'))")
    assert all("/rio-desktop/blob/" in s for s in sources), sources
    sizes = images.evaluate_all(
        "all => all.map(i => [i.naturalWidth, i.naturalHeight])"
    )
    assert sizes == [[4, 2], [8, 8]]
    assert images.nth(1).evaluate("e => getComputedStyle(e).objectFit") == "cover"
    box = page.locator(".rio-image").first.bounding_box()
    assert (box["width"], box["height"]) == (128, 64)


@pytest.mark.browser
def test_link_and_code_blocks(shown):
    """A link points at its URL; code blocks highlight Python and JSON."""
    page = shown("link_code", "Docs")
    link = page.get_by_role("link", name="Docs")
    assert link.get_attribute("href") == "https://example.com/docs"
    assert link.get_attribute("target") == "_blank"
    keywords = page.locator(".rio-codeblock").nth(0).locator(".rio-tok-keyword")
    assert keywords.all_inner_texts() == ["def", "return"]
    strings = page.locator(".rio-codeblock").nth(0).locator(".rio-tok-string")
    assert strings.all_inner_texts() == ['"s"']
    assert page.locator(".rio-tok-comment").first.inner_text() == "# c"
    json_block = page.locator(".rio-codeblock").nth(1)
    assert json_block.locator(".rio-tok-number").all_inner_texts() == ["1"]
    assert json_block.locator(".rio-tok-keyword").all_inner_texts() == ["true", "null"]


@pytest.mark.browser
def test_progress_indicators(shown):
    """ProgressBar 0.5 fills half; None animates; the circle draws its arc."""
    page = shown("progress", "progress")
    bar = page.locator(".rio-progressbar").first
    fill = bar.locator(".rio-progressbar-fill")
    # Half full once the width transition has run.
    wait_for(
        lambda: abs(fill.bounding_box()["width"] - bar.bounding_box()["width"] / 2) < 1,
        what="the bar filled half",
    )
    assert bar.get_attribute("aria-valuenow") == "0.5"
    busy = page.locator(".rio-progressbar").nth(1)
    assert "rio-indeterminate" in busy.get_attribute("class")
    circle = page.locator(".rio-progresscircle")
    assert circle.bounding_box()["width"] == 48
    assert circle.get_attribute("aria-valuenow") == "0.75"


@pytest.mark.browser
def test_tables(shown):
    """Dict-of-columns and list-of-dicts tables show headers and cells."""
    page = shown("tables", "Ada")
    first, second = page.locator(".rio-table").nth(0), page.locator(".rio-table").nth(1)
    assert first.locator("thead th").all_inner_texts() == ["", "Name", "Born"]
    assert first.locator("tbody tr").nth(1).inner_text().split() == [
        "2",
        "Linus",
        "1969",
    ]
    assert second.locator("thead th").all_inner_texts() == ["City", "Pop"]
    assert second.locator("tbody tr").nth(1).locator("td").all_inner_texts() == [
        "Graz",
        "",
    ]


@pytest.mark.browser
def test_list_view_items_are_pressable(shown):
    """SimpleListItems show both lines and their icon, and report presses."""
    page = shown("items", "pressed none")
    assert page.get_by_text("3 unread").is_visible()
    assert page.locator(".rio-listitem .rio-icon").count() == 1
    page.get_by_text("Sent", exact=True).click()
    page.get_by_text("pressed sent").wait_for()
    page.get_by_text("Inbox", exact=True).click()
    page.get_by_text("pressed inbox").wait_for()


@pytest.mark.browser
def test_failing_build_shows_placeholder_and_app_works_on(shown, monkeypatch):
    """build() raising shows the exception (in development: released apps
    show no internals); a button elsewhere still counts."""
    monkeypatch.setenv("RIO_DESKTOP_DEV", "1")
    page = shown("broken", "Count 0")
    error = page.locator(".rio-error")
    error.wait_for()
    assert "RuntimeError: kaput in build" in error.inner_text()
    assert "Broken.build() raised" in error.inner_text()
    for i in range(1, 4):
        page.get_by_role("button", name=f"Count {i - 1}").click()
        page.get_by_text(f"Count {i}").wait_for()
    assert "kaput in build" in page.locator(".rio-error").inner_text()

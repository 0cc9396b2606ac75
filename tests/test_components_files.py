"""FilePickerArea as a website, in Chromium: drops and clicks upload files.

Dropped files are dispatched as a real `drop` event with a DataTransfer
holding File objects (what a drag from the desktop gives the page); a click
opens the page's file chooser, which Playwright answers. The files travel to
the app over the session's upload route, with `App(max_upload_size=...)`.
The window's drop (the user's own paths) is in test_window_drop.py.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from helpers import wait_for

import rio_desktop as rio

_LIVE: dict[str, Any] = {}

DROP = """([selector, files]) => {
  const target = document.querySelector(selector);
  const transfer = new DataTransfer();
  for (const [name, text] of files) {
    transfer.items.add(new File([text], name, { type: "text/plain" }));
  }
  const box = target.getBoundingClientRect();
  const at = { clientX: box.left + 20, clientY: box.top + 20 };
  for (const type of ["dragenter", "dragover", "drop"]) {
    target.dispatchEvent(new DragEvent(type, {
      bubbles: true, cancelable: true, dataTransfer: transfer, ...at,
    }));
  }
}"""


class PickerApp(rio.Component):
    multiple: bool = False
    picked: list = []
    removed: list = []
    pressed: list = []

    async def on_pick(self, event: rio.FilePickEvent) -> None:
        data = await event.file.read_bytes()
        self.picked = [*self.picked, (event.file.name, data)]

    def on_remove(self, event: rio.FilePickEvent) -> None:
        self.removed = [*self.removed, event.file.name]

    def on_press(self, event: rio.FilePressEvent) -> None:
        self.pressed = [*self.pressed, event.file.name]

    def build(self) -> rio.Component:
        _LIVE["app"] = self
        return rio.Column(
            rio.FilePickerArea(
                file_types=["txt"],
                multiple=self.multiple,
                on_pick_file=self.on_pick,
                on_remove_file=self.on_remove,
                on_press_file=self.on_press,
            ),
            rio.Text(
                "picked: " + ", ".join(f"{n}={d.decode()}" for n, d in self.picked)
            ),
            rio.Text("removed: " + ", ".join(self.removed)),
            rio.Text("pressed: " + ", ".join(self.pressed)),
            spacing=1,
            margin=1,
            align_y=0,
        )


def _drop(page: Any, *files: tuple[str, str]) -> None:
    page.evaluate(DROP, [".rio-fpa", [list(f) for f in files]])


def _chips(page: Any) -> list[str]:
    return page.locator(".rio-fpa-file-name").all_inner_texts()


def test_api_matches_rio() -> None:
    area = rio.FilePickerArea("Drop it", file_types=["*.PDF", ".csv"])
    assert area.child_text == "Drop it" and area.child_component is None
    assert area.files == [] and area.multiple is False
    assert area._serialize_field("file_types", area.file_types) == ["csv", "pdf"]
    inner = rio.Text("custom")
    area = rio.FilePickerArea(inner)
    assert area.child_component is inner and area.child_text is None
    with pytest.warns(DeprecationWarning, match="on_pick_file"):
        area = rio.FilePickerArea(on_choose_file=print)
    assert area.on_pick_file is print
    file = rio.FileInfo("a.txt", 1, "text/plain", b"a")
    assert rio.FilePickEvent(file).file is file
    assert rio.FilePressEvent(file).file is file


def test_looks_like_rio(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=PickerApp))
    page.goto(server.url)
    area = page.locator(".rio-fpa")
    assert area.locator(".rio-fpa-title").inner_text() == "Drag & Drop files here"
    assert area.locator(".rio-fpa-types").inner_text() == "TXT documents"
    assert area.locator(".rio-fpa-browse").inner_text() == "Browse"
    box = area.bounding_box()
    # Rio 0.12.3 draws this area 104 px high at this size.
    assert box is not None and abs(box["height"] - 104) < 2


def test_a_drop_uploads_the_file(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=PickerApp))
    page.goto(server.url)
    page.locator(".rio-fpa").wait_for()
    _drop(page, ("hello.txt", "hello world"))
    page.get_by_text("picked: hello.txt=hello world").wait_for()
    assert _chips(page) == ["hello.txt"]
    file = server.run(lambda: _LIVE["app"].picked)
    assert file == [("hello.txt", b"hello world")]

    # One file at a time: the next drop replaces it.
    _drop(page, ("second.txt", "2"), ("third.txt", "3"))
    page.get_by_text("removed: hello.txt").wait_for()
    page.get_by_text("picked: hello.txt=hello world, second.txt=2").wait_for()
    wait_for(lambda: _chips(page) == ["second.txt"])


def test_files_are_pressed_and_removed(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=lambda: PickerApp(multiple=True)))
    page.goto(server.url)
    page.locator(".rio-fpa").wait_for()
    _drop(page, ("b.txt", "B"), ("a.txt", "A"))
    page.get_by_text("picked: b.txt=B, a.txt=A").wait_for()
    wait_for(lambda: _chips(page) == ["a.txt", "b.txt"])  # sorted, as in Rio

    page.locator(".rio-fpa-file", has_text="b.txt").click()
    page.get_by_text("pressed: b.txt").wait_for()
    chip = page.locator(".rio-fpa-file", has_text="a.txt")
    chip.hover()
    chip.locator(".rio-fpa-remove").click()
    page.get_by_text("removed: a.txt").wait_for()
    wait_for(lambda: _chips(page) == ["b.txt"])
    # Neither click opened a file dialog nor picked anything more.
    assert server.run(lambda: len(_LIVE["app"].picked)) == 2

    # A rebuild of the parent changes the settings it passes and keeps the
    # picked files, which it does not pass.
    server.run(lambda: setattr(_LIVE["app"], "multiple", False))
    file_input = page.locator(".rio-fpa input[type=file]")
    wait_for(lambda: file_input.evaluate("input => !input.multiple"))
    assert _chips(page) == ["b.txt"]


def test_a_click_opens_the_file_chooser(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=lambda: PickerApp(multiple=True)))
    page.goto(server.url)
    with page.expect_file_chooser() as chooser_info:
        page.locator(".rio-fpa-title").click()
    chooser = chooser_info.value
    assert chooser.is_multiple()
    chooser.set_files(
        [
            {"name": "one.txt", "mimeType": "text/plain", "buffer": b"1"},
            {"name": "two.txt", "mimeType": "text/plain", "buffer": b"22"},
        ]
    )
    page.get_by_text("picked: one.txt=1, two.txt=22").wait_for()
    wait_for(lambda: _chips(page) == ["one.txt", "two.txt"])
    accept = page.locator(".rio-fpa input[type=file]").get_attribute("accept")
    assert accept == ".txt"


def test_a_too_large_drop_is_refused(
    serve: Any, page: Any, caplog: pytest.LogCaptureFixture
) -> None:
    server = serve(rio.App(build=PickerApp, max_upload_size=100))
    page.goto(server.url)
    page.locator(".rio-fpa").wait_for()
    with caplog.at_level(logging.ERROR):
        _drop(page, ("big.txt", "x" * 5000))
        wait_for(lambda: "larger than the limit of 100 bytes" in caplog.text)
    assert "max_upload_size" in caplog.text
    # Nothing was picked; a small file still goes through afterwards.
    _drop(page, ("small.txt", "ok"))
    page.get_by_text("picked: small.txt=ok").wait_for()
    assert _chips(page) == ["small.txt"]

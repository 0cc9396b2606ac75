"""KeyEventListener: Rio's key names, handler mappings, auto_focus, event_order."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ServerThread

import rio_desktop as rio
from rio_desktop.components._key_event_listener import KeyDownEvent


class KeyPad(rio.Component):
    last: str = "none"
    presses: int = 0
    ups: int = 0
    saved: int = 0
    typed: str = ""
    #: The latest events, oldest first: "press:q down:q up:q".
    trail: str = ""

    def _log(self, kind: str, key: str) -> None:
        self.trail = " ".join([*self.trail.split()[-7:], f"{kind}:{key}"])

    def _down(self, event: rio.KeyDownEvent) -> None:
        self._log("down", event.software_key)
        mods = "+".join(sorted(event.modifiers)) or "-"
        self.last = f"hw={event.hardware_key} sw={event.software_key}"
        self.last += f" text={event.text!r} mods={mods}"

    def _press(self, event: rio.KeyPressEvent) -> None:
        self.presses += 1
        self._log("press", event.software_key)

    def _up(self, event: rio.KeyUpEvent) -> None:
        self.ups += 1
        self._log("up", event.software_key)

    def _save(self, event: rio.KeyDownEvent) -> None:
        self.saved += 1

    def build(self) -> rio.Component:
        return rio.Column(
            rio.KeyEventListener(
                rio.Column(
                    rio.Text(f"last: {self.last}"),
                    rio.Text(f"presses={self.presses} ups={self.ups}"),
                    rio.Text(f"trail: {self.trail}"),
                ),
                auto_focus=True,
                on_key_down=self._down,
                on_key_press=self._press,
                on_key_up=self._up,
            ),
            rio.KeyEventListener(
                rio.Column(
                    rio.Text(f"saved={self.saved}"),
                    rio.TextInput(self.bind().typed, label="Type here"),
                ),
                on_key_down={("control", "s"): self._save, "escape": self._save},
            ),
            spacing=1,
            margin=1,
        )


@pytest.fixture(scope="module")
def key_page(chromium: Any) -> Iterator[Any]:
    server = ServerThread(rio.App(build=KeyPad, name="Keys"))
    context = chromium.new_context(viewport={"width": 900, "height": 600})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(server.url)
    page.get_by_text("last: none").wait_for()
    yield page
    context.close()
    server.close()


def pressed(page: Any, key: str, shown: str) -> None:
    page.keyboard.press(key)
    page.get_by_text(f"last: {shown}", exact=True).wait_for()


@pytest.mark.browser
def test_keys_arrive_with_rios_names(key_page):
    """auto_focus took the focus: keys go to the listener without a click."""
    page = key_page
    pressed(page, "KeyA", "hw=a sw=a text='a' mods=-")
    pressed(page, "Shift+KeyA", "hw=a sw=a text='A' mods=shift")
    pressed(page, "Enter", "hw=enter sw=enter text='\\n' mods=-")
    pressed(page, "ArrowLeft", "hw=arrow-left sw=arrow-left text='' mods=-")
    pressed(page, "Shift+Digit1", "hw=1 sw=! text='!' mods=shift")
    pressed(page, "Control+KeyB", "hw=b sw=b text='b' mods=control")
    pressed(page, "F5", "hw=f5 sw=f5 text='' mods=-")
    pressed(page, "Space", "hw=space sw=space text=' ' mods=-")
    pressed(page, "NumpadAdd", "hw=numpad-plus sw=+ text='+' mods=-")
    pressed(page, "ShiftRight", "hw=right-shift sw=shift text='' mods=shift")


@pytest.mark.browser
def test_key_down_once_key_press_on_every_repeat(key_page):
    page = key_page
    page.keyboard.down("KeyQ")
    page.keyboard.down("KeyQ")  # held: the browser repeats it
    page.keyboard.up("KeyQ")
    # The events of the earlier tests' keys may still be arriving: they come
    # first, so the trail ends with these.
    trail = page.get_by_text("trail: ")
    trail.filter(has_text="press:q down:q press:q up:q").wait_for()
    assert trail.inner_text().endswith("press:q down:q press:q up:q")
    page.get_by_text("last: hw=q sw=q text='q' mods=-").wait_for()


@pytest.mark.browser
def test_a_mapping_reports_only_its_combinations(key_page):
    """{("control", "s"): save, "escape": save}: only those are reported.
    Keys that edit a text field inside (Ctrl+S too, as in Rio) are the
    field's; Escape in the field is not, so it is reported."""
    page = key_page
    field = page.get_by_label("Type here")
    field.click()
    page.keyboard.type("s")
    page.keyboard.press("Control+KeyS")
    page.keyboard.press("Escape")
    page.get_by_text("saved=1").wait_for()
    assert field.input_value() == "s"
    page.get_by_text("saved=1").click()
    page.keyboard.press("KeyS")
    page.keyboard.press("Control+KeyS")
    page.get_by_text("saved=2").wait_for()
    page.keyboard.press("KeyS")
    page.keyboard.press("Escape")
    page.get_by_text("saved=3").wait_for()


def test_event_values_and_str():
    event = KeyDownEvent(
        hardware_key="s",
        software_key="s",
        text="s",
        modifiers=frozenset({"shift", "control"}),
    )
    assert str(event) == "control + shift + s"
    listener = rio.KeyEventListener(rio.Text("x"), on_key_down=print)
    parsed = KeyDownEvent._from_payload(
        listener,
        {
            "hardware_key": "no-such-key",
            "software_key": "not-a-name",
            "text": "",
            "modifiers": ["alt"],
        },
    )
    assert (parsed.hardware_key, parsed.software_key) == ("unknown", "unknown")


def test_key_name_types_are_rios():
    hardware = typing.get_args(rio.HardwareKey)
    named = typing.get_args(rio.NamedSoftwareKey)
    assert len(hardware) == 172 and len(named) == 321
    assert {"a", "enter", "left-shift", "numpad-plus", "f24"} <= set(hardware)
    assert {"enter", "arrow-left", "shift", "tv-3d-mode"} <= set(named)
    assert str in typing.get_args(rio.SoftwareKey)


def test_bad_combinations_and_event_order_are_refused():
    with pytest.raises(ValueError, match="no key name"):
        rio.KeyEventListener(rio.Text("x"), on_key_down={("ctrl", "s"): print})
    with pytest.raises(ValueError, match="event_order"):
        rio.KeyEventListener(rio.Text("x"), event_order="first")  # type: ignore[arg-type]

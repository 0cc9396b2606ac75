"""Drags on a PointerEventListener (and Rio's deprecated MouseEventListener),
driven with Playwright's real mouse: button down, moves, button up.

As in Rio 0.12.3: the drag starts when the left button goes down over the
listener (no distance threshold), moves are reported until the button is
released even outside the listener, and a drag that moved is not a press.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import wait_for

import rio_desktop as rio

pytestmark = pytest.mark.browser

_LOG: list[tuple[str, Any]] = []


def _target(text: str, color: str) -> rio.Component:
    """What the listeners watch: a 10 x 5 rectangle showing `text`."""
    return rio.Rectangle(
        content=rio.Text(text),
        fill=rio.Color.from_hex(color),
        min_width=10,
        min_height=5,
    )


class DragApp(rio.Component):
    x: float = 0
    y: float = 0

    def _start(self, event: rio.PointerEvent) -> None:
        _LOG.append(("start", event))

    def _move(self, event: rio.PointerMoveEvent) -> None:
        _LOG.append(("move", event))
        self.x += event.relative_x
        self.y += event.relative_y

    def _end(self, event: rio.PointerEvent) -> None:
        _LOG.append(("end", event))

    def build(self) -> rio.Component:
        return rio.Column(
            rio.PointerEventListener(
                _target("handle", "#8888ff"),
                on_drag_start=self._start,
                on_drag_move=self._move,
                on_drag_end=self._end,
                on_press=lambda event: _LOG.append(("press", event)),
                align_x=0,
                align_y=0,
            ),
            rio.Text(f"moved {self.x:.2f} {self.y:.2f}"),
            align_x=0,
            align_y=0,
        )


def _open(serve: Any, page: Any) -> tuple[float, float, float]:
    """The handle's top left in CSS px, and px per font-height."""
    _LOG.clear()
    server = serve(rio.App(build=DragApp))
    page.goto(server.url)
    handle = page.locator(".rio-pointer-listener")
    page.get_by_text("moved 0.00 0.00", exact=True).wait_for()
    box = handle.bounding_box()
    unit = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    return box["x"], box["y"], unit


def _kinds() -> list[str]:
    return [kind for kind, _ in _LOG]


def test_a_mouse_drag_reports_start_moves_and_end(serve: Any, page: Any) -> None:
    left, top, unit = _open(serve, page)
    x, y = left + 2 * unit, top + unit
    page.mouse.move(x, y)
    page.mouse.down()
    wait_for(lambda: "start" in _kinds())
    # Out of the listener and beyond: the moves keep coming.
    page.mouse.move(x + 3 * unit, y + unit, steps=3)
    page.mouse.move(x + 20 * unit, y + 15 * unit, steps=2)
    page.mouse.up()
    wait_for(lambda: "end" in _kinds())

    kinds = _kinds()
    assert kinds[0] == "start" and kinds[-1] == "end"
    assert set(kinds[1:-1]) == {"move"}
    start, end = _LOG[0][1], _LOG[-1][1]
    assert (start.pointer_type, start.button) == ("mouse", "left")
    assert start.component_x == pytest.approx(2, abs=0.1)
    assert start.component_y == pytest.approx(1, abs=0.1)
    assert end.button == "left"
    assert end.component_x == pytest.approx(22, abs=0.1)
    assert end.window_y - start.window_y == pytest.approx(15, abs=0.1)
    moves = [event for kind, event in _LOG if kind == "move"]
    assert all(isinstance(m, rio.PointerMoveEvent) for m in moves)
    assert {m.button for m in moves} == {None}  # as in Rio: no button on moves
    assert sum(m.relative_x for m in moves) == pytest.approx(20, abs=0.1)
    assert sum(m.relative_y for m in moves) == pytest.approx(15, abs=0.1)
    # The app moved something by the drag, the user sees it; no press.
    page.get_by_text("moved 20.00 15.00", exact=True).wait_for()
    assert "press" not in _kinds()


def test_a_click_without_moving_is_a_drag_and_a_press(serve: Any, page: Any) -> None:
    # Rio has no distance threshold: the drag starts on the button going down.
    left, top, unit = _open(serve, page)
    page.mouse.click(left + unit, top + unit)
    wait_for(lambda: "press" in _kinds())
    assert _kinds() == ["start", "end", "press"]


def test_the_right_button_does_not_drag(serve: Any, page: Any) -> None:
    left, top, unit = _open(serve, page)
    page.mouse.move(left + unit, top + unit)
    page.mouse.down(button="right")
    page.mouse.move(left + 5 * unit, top + 2 * unit, steps=2)
    page.mouse.up(button="right")
    # A left drag after it is reported: the right one was not.
    page.mouse.down()
    page.mouse.move(left + 2 * unit, top + unit)
    page.mouse.up()
    wait_for(lambda: "end" in _kinds())
    assert _kinds()[0] == "start"
    assert _LOG[0][1].component_x == pytest.approx(5, abs=0.1)


# --- MouseEventListener: deprecated, drawn as a PointerEventListener --------


class MouseApp(rio.Component):
    def build(self) -> rio.Component:
        def note(kind: str) -> Any:
            return lambda event: _LOG.append((kind, event))

        return rio.Column(
            rio.MouseEventListener(
                _target("old", "#88ff88"),
                on_press=note("press"),
                on_mouse_down=note("down"),
                on_mouse_up=note("up"),
                on_mouse_enter=note("enter"),
                on_mouse_leave=note("leave"),
                on_drag_start=note("start"),
                on_drag_move=note("move"),
                on_drag_end=note("end"),
            ),
            align_x=0,
            align_y=0,
        )


def test_mouse_event_listener_warns_naming_its_replacement() -> None:
    with pytest.warns(DeprecationWarning, match="PointerEventListener") as caught:
        rio.MouseEventListener(rio.Text("x"))
    assert caught[0].filename == __file__
    assert issubclass(rio.MouseButton, __import__("enum").Enum)
    assert rio.MouseButton("right") is rio.MouseButton.RIGHT
    event = rio.DragStartEvent(1.0, 2.0, rio.MouseButton.LEFT, None)
    assert (event.x, event.y, event.button) == (1.0, 2.0, rio.MouseButton.LEFT)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_mouse_event_listener_reports_clicks_and_drags(serve: Any, page: Any) -> None:
    _LOG.clear()
    server = serve(rio.App(build=MouseApp))
    page.goto(server.url)
    box = page.get_by_text("old", exact=True).bounding_box()
    unit = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    x, y = box["x"] + unit / 2, box["y"] + unit / 2
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wait_for(lambda: "press" in _kinds())
    assert _kinds() == ["enter", "down", "start", "end", "up", "press"]
    down = _LOG[1][1]
    assert isinstance(down, rio.MouseDownEvent)
    assert down.button is rio.MouseButton.LEFT
    assert (down.x, down.y) == (pytest.approx(x / unit), pytest.approx(y / unit))
    start = _LOG[2][1]
    assert isinstance(start, rio.DragStartEvent)
    # The component under the pointer: the Text inside the rectangle.
    assert isinstance(start.component, rio.Text) and start.component.text == "old"

    _LOG.clear()
    page.mouse.down()
    page.mouse.move(x + 30 * unit, y + 20 * unit, steps=2)
    page.mouse.up()
    wait_for(lambda: "end" in _kinds())
    kinds = _kinds()
    assert kinds[:2] == ["down", "start"] and "move" in kinds and "press" not in kinds
    moves = [event for kind, event in _LOG if kind == "move"]
    assert all(isinstance(m, rio.DragMoveEvent) for m in moves)
    assert moves[-1].x == pytest.approx(x / unit + 30, abs=0.1)
    assert moves[-1].button is rio.MouseButton.LEFT
    end = _LOG[kinds.index("end")][1]
    assert isinstance(end, rio.DragEndEvent) and end.y == pytest.approx(
        y / unit + 20, abs=0.1
    )
    # The pointer left during the drag: the leave is reported.
    wait_for(lambda: "leave" in _kinds())

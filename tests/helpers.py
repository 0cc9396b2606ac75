"""Small helpers shared by the test modules."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from conftest import case_page

import rio_desktop as rio

T = TypeVar("T")


def wait_for(
    predicate: Callable[[], T], timeout: float = 10.0, what: str | None = None
) -> T:
    """Poll `predicate` until it returns something truthy; fail after `timeout`
    (naming `what` was awaited, if given)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    if what is not None:
        raise AssertionError(f"{what}: not within {timeout}s")
    raise AssertionError("condition not met in time")


def case_harness(
    cases: Mapping[str, Callable[[], rio.Component]],
    live: dict[str, Any],
    first: str = "start",
) -> type[rio.Component]:
    """The root component of a case page (conftest.case_page): it shows
    `cases[self.case]()`, keyed by the case so that nothing is reconciled into
    the previous case, and stores itself in `live["harness"]`."""

    class Harness(rio.Component):
        case: str = first

        def build(self) -> rio.Component:
            live["harness"] = self
            content = cases[self.case]()
            content.key = self.case
            return content

    return Harness


@contextlib.contextmanager
def show_cases(
    chromium: Any,
    cases: Mapping[str, Callable[[], rio.Component]],
    live: dict[str, Any],
    size: tuple[int, int] = (800, 600),
) -> Iterator[Any]:
    """conftest.case_page for a `case_harness(cases, live)` app: its "start"
    case must show the text "Start"."""
    app = rio.App(build=case_harness(cases, live))
    with case_page(chromium, app, live, "Start", size) as show:
        yield show

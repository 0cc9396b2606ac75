"""Profile rio-desktop's refresh path without a browser (B3 and B4).

    bench/.peers/rio-desktop/bin/python bench/profile_refresh.py [--profile]

Builds the benchmark app's tree in a bare ComponentTree, shows 5,000 rows,
changes one, and prints the time and delta size of each step; --profile
prints a pyinstrument profile of the same steps.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).parent)]

import rio_desktop  # noqa: E402

sys.modules["rio"] = rio_desktop  # the benchmark app is written for Rio
from apps.rio_app import Bench, RowList  # noqa: E402

from rio_desktop import _context  # noqa: E402
from rio_desktop.components import ErrorPlaceholder  # noqa: E402
from rio_desktop.protocol import encode  # noqa: E402
from rio_desktop.refresh import ComponentTree  # noqa: E402


class Harness:
    def __init__(self) -> None:
        self.tree = ComponentTree(
            self,
            Bench,
            build_context=self._context,
            error_component=lambda c, e: ErrorPlaceholder(summary=str(e)),
        )

    @contextlib.contextmanager
    def _context(self, builder: Any):
        token = _context.current_session.set(self)
        try:
            yield
        finally:
            _context.current_session.reset(token)

    @property
    def runtime(self) -> Harness:
        return self

    def mark_dirty(self, component: Any, name: str | None) -> None:
        self.tree.mark_dirty(component, name)


def step(name: str, harness: Harness, action: Any) -> None:
    start = time.perf_counter()
    action()
    delta = harness.tree.refresh()
    wire = encode(delta.to_message())
    ms = (time.perf_counter() - start) * 1000
    print(
        f"{name:<14} {ms:7.1f} ms  {len(wire.encode()):>8} bytes  "
        f"rebuilt {delta.rebuilt}"
    )


def main() -> None:
    harness = Harness()
    harness.tree.refresh()
    (rows,) = [c for c in harness.tree.components.values() if type(c) is RowList]
    step("rows 5000", harness, lambda: rows._show(5000))
    for _ in range(3):
        step("change one", harness, rows._change_one)


if __name__ == "__main__":
    if "--profile" in sys.argv:
        from pyinstrument import Profiler

        with Profiler() as profiler:
            main()
        profiler.print(show_all=False)
    else:
        main()

"""A small window app for tests/test_single_instance.py and
bench/second_launch.py: it shows what `on_second_instance` received and
appends what it observed to ``report.jsonl`` in ``RIO_DESKTOP_TEST_DIR``.

``RIO_DESKTOP_TEST_SINGLE_INSTANCE=0`` runs it with
``run_in_window(single_instance=False)``. The argument ``--raise`` makes the
handler raise (after reporting), to show that the app keeps running.
"""

from __future__ import annotations

import json
import os
import sys
import time
import weakref
from pathlib import Path
from typing import Any

# Timed from the very start of the process (bench/second_launch.py).
STARTED = time.time()

import rio_desktop as rio  # noqa: E402

TEST_DIR = os.environ.get("RIO_DESKTOP_TEST_DIR")
TITLE = "Single Instance Test"


def report(event: str, **data: Any) -> None:
    if not TEST_DIR:
        return
    line = json.dumps({"event": event, "time": time.time(), "pid": os.getpid(), **data})
    with open(Path(TEST_DIR) / "report.jsonl", "a", encoding="utf-8") as file:
        file.write(line + "\n")


class Received(rio.Component):
    """The last hand-over, shown in the page."""

    text: str = "No second start yet."

    def build(self) -> rio.Component:
        _shown.add(self)
        return rio.Column(
            rio.Text(TITLE, style="heading1"),
            rio.Text(self.text),
            margin=2,
            spacing=1,
            align_y=0,
        )


_shown: weakref.WeakSet[Received] = weakref.WeakSet()


async def on_second_instance(event: rio.SecondInstanceEvent) -> None:
    report("second_instance", argv=event.argv, cwd=str(event.cwd))
    for component in list(_shown):
        component.text = f"Started again in {event.cwd} with {event.argv[1:]}"
    if "--raise" in event.argv:
        raise ValueError("the handler failed on purpose")


app = rio.App(
    build=Received,
    name=TITLE,
    on_second_instance=on_second_instance,
    on_session_start=lambda session: report("session_start"),
)


def main() -> None:
    report("start", started=STARTED, argv=sys.argv)
    single = os.environ.get("RIO_DESKTOP_TEST_SINGLE_INSTANCE", "1") != "0"
    try:
        app.run_in_window(width=30, height=20, single_instance=single)
    except SystemExit as exit:
        report("exit", code=exit.code)
        raise
    report("exit", code=0)


if __name__ == "__main__":
    main()

"""What the window tests' apps share: they run in a process of their own,
report what they observe as JSON lines in ``report.jsonl`` in
``RIO_DESKTOP_TEST_DIR`` and take commands (JSON lines) from
``commands.jsonl`` there; `window_support.WindowApp` is the other end.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import rio_desktop as rio

TEST_DIR = Path(os.environ.get("RIO_DESKTOP_TEST_DIR", "."))

RunCommand = Callable[[rio.Session, dict[str, Any]], Awaitable[Any]]


def report(event: str, **data: Any) -> None:
    """Append one observation to ``report.jsonl``."""
    line = json.dumps({"event": event, "time": time.time(), **data})
    with open(TEST_DIR / "report.jsonl", "a", encoding="utf-8") as file:
        file.write(line + "\n")


async def answer(
    session: rio.Session, command: dict[str, Any], run_command: RunCommand
) -> None:
    """Run one command and report its result (or its error) under its id."""
    try:
        value = await run_command(session, command)
    except Exception as error:
        report(
            "result",
            id=command.get("id"),
            ok=False,
            error=f"{type(error).__name__}: {error}",
        )
    else:
        report("result", id=command.get("id"), ok=True, value=value)


async def remote_control(session: rio.Session, run_command: RunCommand) -> None:
    """Run each new line of ``commands.jsonl`` as it is written, each in its
    own task (a command may wait for the user, e.g. a dialog)."""
    commands = TEST_DIR / "commands.jsonl"
    done = 0
    while True:
        await asyncio.sleep(0.02)
        try:
            text = commands.read_text("utf-8")
        except FileNotFoundError:
            continue
        # Complete lines only: the last one may still be being written.
        for line in text.split("\n")[:-1][done:]:
            done += 1
            session.create_task(answer(session, json.loads(line), run_command))

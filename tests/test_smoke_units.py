"""Smoke mode's parts without a window: its settings, the process's age,
one ending per run."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from rio_desktop._smoke import Smoke, smoke_enabled, smoke_timeout

ROOT = Path(__file__).resolve().parent.parent


def test_the_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RIO_DESKTOP_SMOKE", raising=False)
    assert not smoke_enabled()
    monkeypatch.setenv("RIO_DESKTOP_SMOKE", "0")
    assert not smoke_enabled()
    monkeypatch.setenv("RIO_DESKTOP_SMOKE", "1")
    assert smoke_enabled()
    monkeypatch.delenv("RIO_DESKTOP_SMOKE_TIMEOUT", raising=False)
    assert smoke_timeout() == 60
    monkeypatch.setenv("RIO_DESKTOP_SMOKE_TIMEOUT", "2.5")
    assert smoke_timeout() == 2.5
    monkeypatch.setenv("RIO_DESKTOP_SMOKE_TIMEOUT", "soon")
    assert smoke_timeout() == 60


def test_the_age_is_counted_from_the_process_start() -> None:
    """A child's age when it asks lies within the time its parent saw it
    live (plus the clock's tick: /proc counts hundredths)."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        " import time; time.sleep(0.3);"  # the child's own work before asking
        " from rio_desktop._smoke import process_age; print(process_age())"
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    lived = time.monotonic() - started
    age = float(done.stdout)
    assert 0.29 <= age <= lived + 0.05


def test_a_run_ends_once(capsys: pytest.CaptureFixture[str]) -> None:
    finished = []
    smoke = Smoke(60, lambda: finished.append(True))
    smoke.rendered()
    smoke.fail("too late")
    smoke.ended_without_render("closed")
    assert smoke.failure is None and finished == [True]
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("smoke: first render after ") and line.endswith(" ms")

    smoke = Smoke(60, lambda: finished.append(False))
    smoke.fail("the page did not answer")
    smoke.rendered()
    assert smoke.failure == "the page did not answer"
    assert finished == [True, False]
    assert capsys.readouterr().out == ""  # the failure is said by its caller

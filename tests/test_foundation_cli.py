"""`rio-desktop run` explains what is wrong in one line."""

from __future__ import annotations

import subprocess
import sys


def run_cli(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rio_desktop", "run", "--website", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_file(tmp_path):
    result = run_cli("nope.py", cwd=tmp_path)
    assert result.returncode != 0
    assert "nope.py: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_module_without_app(tmp_path):
    (tmp_path / "plain.py").write_text("x = 1\n")
    result = run_cli("plain.py", cwd=tmp_path)
    assert result.returncode != 0
    assert "defines no rio_desktop.App" in result.stderr
    assert "app = rio.App(build=MyComponent)" in result.stderr


def test_exception_at_import(tmp_path):
    (tmp_path / "broken.py").write_text("raise RuntimeError('kaputt')\n")
    result = run_cli("broken.py", cwd=tmp_path)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "RuntimeError: kaputt" in last_line
    assert "Fix the error and run again" in last_line


def test_the_build_and_run_commands_do_not_import_each_other() -> None:
    script = (
        "import sys, rio_desktop._build;"
        " assert 'rio_desktop.cli' not in sys.modules, 'build imports cli'"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr

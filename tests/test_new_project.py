"""`rio-desktop new` makes a project that runs as it is and passes its own test."""

from __future__ import annotations

import subprocess
import sys
import urllib.request

from test_reload import start_cli, stop


def rio_desktop(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rio_desktop", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_new_project_passes_its_own_test_and_runs(tmp_path):
    """The generated project's test passes and `run` serves its app."""
    result = rio_desktop("new", "my-app", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "my-app"
    assert result.stdout.strip() == (
        "Created my-app/. Run it with: rio-desktop run my-app/app.py;"
        " test it with: cd my-app && python -m pytest"
    )
    assert sorted(p.name for p in project.iterdir()) == [
        ".gitignore",
        "app.py",
        "assets",
        "pyproject.toml",
        "tests",
    ]
    assert 'name = "my-app"' in (project / "pyproject.toml").read_text()

    # The rio_client fixture comes from rio-desktop's pytest plugin, which an
    # installed rio-desktop registers; named here for a source checkout (where
    # it is installed too, this changes nothing).
    plugin = ["-p", "rio_desktop.testing.plugin"]
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *plugin],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "1 passed" in tests.stdout

    process, line = start_cli("run", "--website", "--port", "0", "app.py", cwd=project)
    try:
        assert line.startswith("My App is running as a website at http://127.0.0.1:")
        url = line.split(" at ")[1].split(";")[0]
        with urllib.request.urlopen(url, timeout=10) as response:
            assert "<title>My App</title>" in response.read().decode()
    finally:
        stop(process)


def test_new_refuses_bad_names_and_existing_folders(tmp_path):
    """A bad name or an existing folder is one line saying what to do."""
    bad = rio_desktop("new", "9 lives", cwd=tmp_path)
    assert bad.returncode == 2
    assert "is not a usable project name" in bad.stderr
    (tmp_path / "taken").mkdir()
    taken = rio_desktop("new", "taken", cwd=tmp_path)
    assert taken.returncode == 2
    assert taken.stderr.strip() == (
        "rio-desktop: taken already exists; pick another name or remove it."
    )

"""The built wheel carries the page: a non-editable install serves it, and
registers the pytest plugin of rio_desktop.testing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.timeout(300)
def test_installed_wheel_serves_the_example(tmp_path):
    """pip install of the wheel (not editable) runs examples/counter.py."""
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    # A clean build: no setuptools warning (the licence, undeclared data).
    output = build.stdout + build.stderr
    assert "Warning" not in output, output
    (wheel,) = (tmp_path / "dist").glob("rio_desktop-*.whl")
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    assert (site / "rio_desktop" / "webui" / "app.js").is_file()
    assert (site / "rio_desktop" / "webui" / "fonts" / "LICENSE.txt").is_file()
    template = site / "rio_desktop" / "templates" / "project"
    assert (template / "tests" / "test_app.py.tmpl").is_file()
    assert (template / ".gitignore.tmpl").is_file()
    (licence,) = site.glob("rio_desktop-*.dist-info/licenses/LICENSE")
    assert "MIT License" in licence.read_text()
    for name in ("material.zip", "brand.zip", "material-LICENSE.txt"):
        assert (site / "rio_desktop" / "icons" / name).is_file()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(site)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rio_desktop",
            "run",
            "--website",
            "--port",
            str(port),
            str(ROOT / "examples" / "counter.py"),
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 30
        while True:
            try:
                page = urllib.request.urlopen(base, timeout=2).read().decode()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError(
                        process.stdout.read() if process.stdout else ""
                    ) from None
                time.sleep(0.1)
        assert "<title>Counter</title>" in page
        script = page.split('<script type="module" src="')[1].split('"')[0]
        source = urllib.request.urlopen(base.rstrip("/") + script, timeout=5).read()
        assert b"WebSocket" in source
        check = subprocess.run(
            [sys.executable, "-c", "import rio_desktop; print(rio_desktop.__file__)"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert check.stdout.startswith(str(site))
        # The wheel registers the pytest plugin: rio_client needs no -p.
        (tmp_path / "test_fixture.py").write_text(
            "import rio_desktop as rio\n\n"
            "async def test_click(rio_client):\n"
            "    client = await rio_client(rio.App(build=lambda: rio.Button('Hi')))\n"
            "    await client.click('Hi')\n"
        )
        tests = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            + ["-o", "asyncio_mode=auto", "test_fixture.py"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )
        assert tests.returncode == 0, tests.stdout + tests.stderr
    finally:
        process.terminate()
        process.wait(10)

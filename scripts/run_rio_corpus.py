"""Run every app of tests/rio_apps/ on Rio 0.12.3 itself.

Proves that the corpus is valid Rio: each app is served by Rio as a website
(`app.run_as_web_server`, in a subprocess of Rio's own venv), opened in
Chromium with Playwright, and checked as its check.json says. Rio's venv
(default /tmp/rio-venv) is created with `pip install rio-ui==0.12.3` if
missing; rio-ui is never installed into the project's venv.

Usage: .venv/bin/python scripts/run_rio_corpus.py [APP ...] [--rio-venv DIR]
Exit status 0 when every app passes; a failing app's page is screenshotted
to /tmp/rio-corpus-APP.png.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "rio_apps"))

import _corpus  # noqa: E402

RIO_VERSION = "0.12.3"
# Rio's buttons ignore presses for 350 ms after they appear.
RIO_BUTTON_DELAY_MS = 400
# How many Rio servers start while one app is being checked.
AHEAD = 3
CHROMIUM = os.environ.get("RIO_DESKTOP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Runs in Rio's venv: import the app as the corpus does, serve it.
SERVE = """
import sys
sys.path.insert(0, sys.argv[1])
import _corpus
app = _corpus.import_app(sys.argv[2])
app.run_as_web_server(host="127.0.0.1", port=int(sys.argv[3]), quiet=True)
"""


def ensure_rio_venv(venv: Path) -> Path:
    """The venv's python, after creating the venv with rio-ui if missing."""
    python = venv / "bin" / "python"
    check = [str(python), "-c", "import importlib.metadata as m;"
             "print(m.version('rio-ui'))"]  # fmt: skip
    if python.exists():
        found = subprocess.run(check, capture_output=True, text=True)
        if found.stdout.strip() == RIO_VERSION:
            return python
    print(f"creating {venv} with rio-ui=={RIO_VERSION}", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", f"rio-ui=={RIO_VERSION}"],
        check=True,
    )
    return python


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RioServer:
    """One app served by Rio in a subprocess; its output goes to a file."""

    def __init__(self, python: Path, name: str) -> None:
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = tempfile.TemporaryFile("w+")
        self.process = subprocess.Popen(
            [str(python), "-c", SERVE, str(_corpus.APPS_DIR), name, str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=str(_corpus.APPS_DIR / name),
        )

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Rio exited:\n{self.output()}")
            try:
                urllib.request.urlopen(self.url, timeout=2).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"Rio did not answer in {timeout} s:\n{self.output()}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def check_app(browser, device: dict, server: RioServer) -> str | None:
    """None when the app passes on Rio, else what went wrong."""
    try:
        server.wait_ready()
    except RuntimeError as error:
        return str(error)
    # Rio serves a static page to crawlers, and headless Chromium's user
    # agent looks like one: present as a desktop Chrome, as Rio's tests do.
    context = browser.new_context(
        **{**device, "viewport": {"width": 1000, "height": 800}}
    )
    page = context.new_page()
    page.set_default_timeout(_corpus.TIMEOUT_MS)
    try:
        check = _corpus.load_check(server.name)
        _corpus.run_check(page, server.url, check, settle_ms=RIO_BUTTON_DELAY_MS)
        # Read before the page goes away: closing it makes Rio print noise.
        output = server.output()
    except Exception as error:  # Playwright's errors too
        with contextlib.suppress(Exception):
            page.screenshot(path=f"/tmp/rio-corpus-{server.name}.png")
        return f"{error}\n--- Rio's output ---\n{server.output()}"
    finally:
        context.close()
    if app_tracebacks(output):
        return f"Rio printed a traceback:\n{output}"
    return None


def app_tracebacks(output: str) -> list[str]:
    """The tracebacks in Rio's output, less those of a page going away.

    Rio prints one when a page is left while a task still writes to its
    websocket (a `goto` step does that): that is not the app's fault.
    """
    blocks = output.split("Traceback (most recent call last):")[1:]
    noise = ("Disconnect", "_rio_transport.close")
    return [b for b in blocks if not any(marker in b for marker in noise)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apps", nargs="*", help="apps to run (default: all)")
    parser.add_argument("--rio-venv", default="/tmp/rio-venv", type=Path)
    options = parser.parse_args()
    names = options.apps or _corpus.app_names()
    python = ensure_rio_venv(options.rio_venv)

    from playwright.sync_api import sync_playwright

    # Rio takes seconds to import: a few servers start ahead of the check.
    waiting = list(names)
    started: list[RioServer] = []
    failures: dict[str, str] = {}
    try:
        with sync_playwright() as playwright:
            device = dict(playwright.devices["Desktop Chrome"])
            device.pop("viewport", None)
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS
            )
            while waiting or started:
                while waiting and len(started) < AHEAD:
                    started.append(RioServer(python, waiting.pop(0)))
                server = started.pop(0)
                problem = check_app(browser, device, server)
                server.stop()
                print(f"{'FAIL' if problem else 'ok  '} {server.name}", flush=True)
                if problem:
                    failures[server.name] = problem
            browser.close()
    finally:
        for server in started:
            server.stop()
    for name, problem in failures.items():
        print(f"\n=== {name} ===\n{problem}")
    print(f"\n{len(names) - len(failures)} of {len(names)} apps pass on Rio")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

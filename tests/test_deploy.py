"""The website deployed as the README says: gunicorn's aiohttp workers on
one port, and nginx in front of two gunicorn instances with the affinity
cookie. Real processes, a real Chromium; the app is tests/gunicorn_app.py."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
pytest.importorskip("gunicorn", reason="pip install gunicorn (the test extras)")

TESTS = Path(__file__).parent
ROOT = TESTS.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SECRET = "a test deployment's secret"


@dataclass
class Gunicorn:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def worker_pids(self) -> set[int]:
        """The master's children: its workers."""
        return children_of(self.process.pid)


def children_of(parent: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (name) state ppid ...": the name may hold spaces and ")".
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
            found.add(int(entry.name))
    return found


def no_control_socket() -> list[str]:
    """gunicorn 24+ opens a control socket in ~/.gunicorn; several
    instances at once would share it."""
    from gunicorn.config import KNOWN_SETTINGS

    names = {setting.name for setting in KNOWN_SETTINGS}
    return ["--no-control-socket"] if "control_socket_disable" in names else []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], Any], what: str, timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture
def gunicorn(tmp_path: Path) -> Iterator[Callable[[int], Gunicorn]]:
    """Starts `gunicorn gunicorn_app:web_app` with n aiohttp workers."""
    started: list[Gunicorn] = []

    def start(workers: int) -> Gunicorn:
        port = free_port()
        log = tmp_path / f"gunicorn-{port}.log"
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(TESTS)]),
            "RIO_DESKTOP_SECRET_KEY": SECRET,
        }
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "gunicorn_app:web_app",
            "--worker-class",
            "aiohttp.GunicornWebWorker",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--graceful-timeout=3",
            *no_control_socket(),
        ]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        site = Gunicorn(process, port, log)
        started.append(site)
        wait_until(lambda: answers(site.url), "gunicorn to answer")
        wait_until(lambda: len(site.worker_pids()) == workers, "its workers")
        return site

    yield start
    for site in started:
        site.process.terminate()
    for site in started:
        try:
            site.process.wait(15)
        except subprocess.TimeoutExpired:
            site.process.kill()
            site.process.wait()


class Visitor:
    """One browser context (a visitor with its own cookies) and its page."""

    def __init__(self, chromium: Any, url: str) -> None:
        self.context = chromium.new_context()
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.page.goto(url, wait_until="commit")

    def wait_for_clicks(self, count: int) -> None:
        self.page.get_by_text(f"Clicked {count} times", exact=True).wait_for()

    def click(self) -> None:
        self.page.get_by_role("button", name="Click me").click()

    def worker(self) -> int:
        text = self.page.get_by_text(re.compile(r"^worker \d+$")).text_content()
        return int((text or "").split()[1])

    def download(self) -> str:
        """Press Download; the text of the file the browser saved."""
        with self.page.expect_download() as saved:
            self.page.get_by_role("button", name="Download").click()
        return Path(saved.value.path()).read_text()

    def drop_socket(self) -> None:
        """Close the page's websocket and wait for the page to reconnect."""
        self.page.evaluate("window.rioDesktop.socket.close()")
        self.page.wait_for_function("window.rioDesktop.socket?.readyState === 1")

    def close(self) -> None:
        self.context.close()


def open_and_click(chromium: Any, url: str, count: int) -> list[Visitor]:
    """`count` visitors at once: each renders, counts a click."""
    visitors = [Visitor(chromium, url) for _ in range(count)]
    for visitor in visitors:
        visitor.wait_for_clicks(0)
        visitor.click()
    for visitor in visitors:
        visitor.wait_for_clicks(1)
    return visitors


@pytest.mark.timeout(300)
def test_four_gunicorn_workers_serve_every_session(chromium, gunicorn):
    """60 sessions, 6 at a time, over 4 workers on one port: each renders
    and counts a click, wherever its page and its socket landed, and one in
    six downloads a file. A worker killed: its pages come back as fresh
    sessions; 24 new ones work."""
    site = gunicorn(4)
    workers_seen: Counter[int] = Counter()
    kept: list[Visitor] = []
    for batch in range(10):
        visitors = open_and_click(chromium, site.url, 6)
        for visitor in visitors:
            workers_seen[visitor.worker()] += 1
        # Its URL reaches any worker; the session's own serves it.
        assert visitors[0].download() == "1 clicks"
        if batch >= 8:  # the last 12 pages stay open for the kill
            kept += visitors
        else:
            for visitor in visitors:
                visitor.close()
    assert sum(workers_seen.values()) == 60
    assert len(workers_seen) >= 2, workers_seen  # not all on one worker
    worker_of = [visitor.worker() for visitor in kept]
    victim = Counter(worker_of).most_common(1)[0][0]
    assert victim in site.worker_pids()

    os.kill(victim, signal.SIGKILL)
    for visitor, worker in zip(kept, worker_of, strict=True):
        if worker == victim:
            # Its socket came back elsewhere: a fresh session for its URL.
            visitor.wait_for_clicks(0)
            visitor.click()
            visitor.wait_for_clicks(1)
            assert visitor.worker() != victim
        else:  # untouched: its session and state live on
            visitor.wait_for_clicks(1)
            visitor.click()
            visitor.wait_for_clicks(2)
    for visitor in kept:
        visitor.close()
    wait_until(lambda: len(site.worker_pids()) == 4, "the master to replace it")

    for _ in range(4):
        for visitor in open_and_click(chromium, site.url, 6):
            assert visitor.worker() != victim
            visitor.close()


def nginx_config(tmp: Path, port: int, upstreams: list[int]) -> str:
    """The README's nginx configuration, with every path in `tmp`."""
    servers = "\n".join(f"    server 127.0.0.1:{p};" for p in upstreams)
    temp_paths = "\n".join(
        f"  {kind}_temp_path {tmp}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
{temp_paths}
  map $http_upgrade $connection_upgrade {{
    default upgrade;
    ''      close;
  }}
  # A visitor's first request has no cookie yet: spread those at random.
  map $cookie_rio_desktop_affinity $rio_affinity {{
    ''      $request_id;
    default $cookie_rio_desktop_affinity;
  }}
  upstream rio_app {{
    hash $rio_affinity consistent;
{servers}
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://rio_app;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 1h;
    }}
  }}
}}
"""


@pytest.fixture
def nginx(tmp_path: Path) -> Iterator[Callable[[list[int]], str]]:
    """Starts nginx (as this user, in the foreground) in front of ports."""
    processes: list[subprocess.Popen[bytes]] = []

    def start(upstreams: list[int]) -> str:
        if not Path(NGINX).exists():
            pytest.fail(f"{NGINX} is missing: apt-get install nginx")
        home = tmp_path / "nginx"
        home.mkdir()
        port = free_port()
        config = home / "nginx.conf"
        config.write_text(nginx_config(home, port, upstreams))
        command = [NGINX, "-p", str(home), "-c", str(config), "-e", "stderr"]
        processes.append(
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=None)
        )
        url = f"http://127.0.0.1:{port}/"
        wait_until(lambda: answers(url), "nginx to answer")
        return url

    yield start
    for process in processes:
        process.terminate()
        process.wait(10)


def test_nginx_spreads_visitors_and_keeps_each_on_its_instance(
    chromium, gunicorn, nginx
):
    """Two gunicorn instances behind nginx hashing the affinity cookie:
    visitors spread over both, and a page whose socket drops comes back to
    its own session, state and all."""
    first, second = gunicorn(1), gunicorn(1)
    url = nginx([first.port, second.port])
    visitors: list[Visitor] = []
    seen: dict[int, Visitor] = {}
    while len(seen) < 2 and len(visitors) < 30:
        (visitor,) = open_and_click(chromium, url, 1)
        visitors.append(visitor)
        seen.setdefault(visitor.worker(), visitor)
    assert set(seen) == first.worker_pids() | second.worker_pids()

    for worker, visitor in seen.items():
        visitor.click()
        visitor.click()
        visitor.wait_for_clicks(3)
        visitor.drop_socket()
        visitor.click()
        visitor.wait_for_clicks(4)  # the same session: not a fresh one
        assert visitor.worker() == worker
    for visitor in visitors:
        visitor.close()


def test_a_page_whose_session_is_gone_starts_afresh_in_place(serve, page):
    """Its token is spent and its session closed: the page asks for a new
    token and shows a fresh session, without reloading (the window object
    keeps what was put on it)."""
    from gunicorn_app import app

    server = serve(app)
    visitor_page = page
    visitor_page.goto(server.url)
    clicked = visitor_page.get_by_role("button", name="Click me")
    clicked.click()
    clicked.click()
    visitor_page.get_by_text("Clicked 2 times", exact=True).wait_for()
    visitor_page.evaluate("window.notReloaded = true")
    first = server.session()
    (connection,) = server.server.connections
    server.call(server.server.connections.close(connection))
    visitor_page.get_by_text("Clicked 0 times", exact=True).wait_for()
    clicked.click()
    visitor_page.get_by_text("Clicked 1 times", exact=True).wait_for()
    assert visitor_page.evaluate("window.notReloaded") is True
    (session,) = server.server.sessions
    assert session is not first

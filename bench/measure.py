"""One benchmark run of one framework: start its server, drive it, measure.

Runs inside the driver venv (Playwright, psutil). Every server is a separate
process from its own venv under bench/.peers/, listening on 127.0.0.1 only.

Bytes are measured in the kernel, not in the browser: the sum of
`bytes_sent` (tcp_info, via `ss`) over the server's connections, so HTTP
headers, websocket framing and compression all count as they are on the wire.
"""

from __future__ import annotations

import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PEERS = BENCH / ".peers"
PROBE = (BENCH / "probe.js").read_text("utf-8")

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

#: name -> (venv folder, app script, extra environment)
FRAMEWORKS: dict[str, tuple[str, str, dict[str, str]]] = {
    "rio-desktop": ("rio-desktop", "rio_desktop_app.py", {"PYTHONPATH": str(REPO)}),
    "rio": ("rio", "rio_app.py", {}),
    "nicegui": ("nicegui", "nicegui_app.py", {}),
    # Not a framework: the B2 floor (see apps/floor_app.py).
    "floor": ("rio-desktop", "floor_app.py", {}),
}
PEER_NAMES = ("rio", "nicegui")
CHANGED_ROW = 2500
#: Headless Chromium draws at 60 Hz and holds a page's tasks after a click
#: until the next frame (DeferRendererTasksAfterInput), so a reply's wait
#: depends on where in the frame the click lands. Back-to-back clicks from
#: this driver land at a phase set by its own CDP round trips, which differ
#: from page to page (a heavier page measured below the bare websocket page).
#: Each click therefore waits a random part of one frame first; every
#: framework gets the same sequence of waits.
FRAME_S = 1 / 60
PHASE_SEED = 6


@dataclass
class Settings:
    clicks: int = 200
    b4_changes: int = 5
    sessions: int = 20
    close_wait: float = 15.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A framework's app in its own process, on a free 127.0.0.1 port."""

    def __init__(self, framework: str) -> None:
        venv, script, extra_env = FRAMEWORKS[framework]
        self.framework = framework
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        workdir = PEERS / "work" / framework
        workdir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, **extra_env, "PYTHONUNBUFFERED": "1"}
        self._log = open(workdir / "server.log", "ab")  # noqa: SIM115
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [
                str(PEERS / venv / "bin" / "python"),
                str(BENCH / "apps" / script),
                str(self.port),
            ],
            cwd=workdir,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 60.0) -> float:
        """Seconds from process start until GET / is answered."""
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.framework} exited; see its server.log")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/", headers={"Connection": "close"})
                conn.getresponse().read()
                conn.close()
                return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.005)
        raise TimeoutError(f"{self.framework} did not answer within {timeout} s")

    def rss_mb(self) -> float:
        """Resident memory of the server and any children, in MB."""
        root = psutil.Process(self.process.pid)
        procs = [root, *root.children(recursive=True)]
        return sum(p.memory_info().rss for p in procs) / 1e6

    def bytes_sent(self) -> dict[str, int]:
        """Bytes sent so far per open server connection (kernel count)."""
        out = subprocess.run(
            ["ss", "-tinH", "state", "established", f"( sport = :{self.port} )"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        counts: dict[str, int] = {}
        # Each connection: an address line, then a line of tcp_info fields.
        for address, info in re.findall(r"^(\S.*?)\n\s+(.*?)$", out, re.M):
            match = re.search(r"\bbytes_sent:(\d+)", info)
            if match:
                counts[" ".join(address.split()[-2:])] = int(match.group(1))
        return counts

    def quiet_bytes(self, settle: float = 0.25, limit: float = 5.0) -> dict[str, int]:
        """bytes_sent once nothing more has been sent for `settle` seconds."""
        deadline = time.perf_counter() + limit
        last = self.bytes_sent()
        while time.perf_counter() < deadline:
            time.sleep(settle)
            now = self.bytes_sent()
            if now == last:
                return now
            last = now
        return last

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log.close()


def sent_between(before: dict[str, int], after: dict[str, int]) -> int:
    """Bytes sent between two snapshots, on connections open at the second.

    A connection closed in between (an idle keep-alive) is left out, so the
    figure never goes negative.
    """
    return sum(n - before.get(conn, 0) for conn, n in after.items())


def open_page(browser: Any, server: Server) -> tuple[Any, Any, float]:
    """A fresh context (cold cache) with the app; returns first render ms."""
    # Rio serves a page without a live session to "HeadlessChrome" (a
    # crawler, to Rio), so every framework gets an ordinary Chrome UA.
    user_agent = (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
        f" Chrome/{browser.version} Safari/537.36"
    )
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, user_agent=user_agent
    )
    context.add_init_script(PROBE)
    page = context.new_page()
    page.set_default_timeout(200_000)
    page.goto(server.url, wait_until="commit")
    page.wait_for_function("window.__bench && window.__bench.firstRender !== null")
    first = page.evaluate("window.__bench.firstRender")
    return context, page, first


def click_until(
    page: Any,
    label: str,
    expected: str,
    timeout_ms: int = 180_000,
    attempts: int = 1,
    phase: random.Random | None = None,
) -> float:
    """Milliseconds from a real mouse click on `label` until `expected` shows.

    With `phase`, the click waits a random part of a frame first (see
    FRAME_S); the wait is not counted.

    With attempts > 1, a click that shows nothing within timeout_ms is
    repeated (Rio now and then ignores the first click after loading) and
    the time counts from the last click. Give big updates a timeout longer
    than the slowest framework needs, or a late answer counts as a repeat.
    """
    for attempt in range(attempts):
        x, y = page.evaluate(
            "([label, expected, t]) => window.__bench.arm(label, expected, t)",
            [label, expected, timeout_ms],
        )
        if phase is not None:
            time.sleep(phase.uniform(0, FRAME_S))
        page.mouse.click(x, y)
        try:
            return page.evaluate("window.__bench.result()")
        except Exception:
            if attempt == attempts - 1:
                raise
            print(f"    no answer to a click on {label!r}; clicking again", flush=True)
    raise AssertionError("unreachable")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def run_speed(browser: Any, framework: str, settings: Settings) -> dict[str, float]:
    """B1 to B4 on one fresh server process."""
    result: dict[str, float] = {}
    phase = random.Random(PHASE_SEED)
    server = Server(framework)
    try:
        result["b1_ready_s"] = server.wait_ready()
        context, page, first = open_page(browser, server)
        result["b1_first_render_ms"] = first
        result["b1_first_page_kb"] = sum(server.quiet_bytes().values()) / 1000

        times = [
            click_until(page, "Increment", f"Count: {i}", 5_000, 3, phase)
            for i in range(1, settings.clicks + 1)
        ]
        result["b2_p50_ms"] = statistics.median(times)
        result["b2_p95_ms"] = percentile(times, 0.95)
        context.close()

        for rows in (1000, 5000):
            context, page, _ = open_page(browser, server)
            before = server.quiet_bytes()
            result[f"b3_{rows}_ms"] = click_until(
                page, f"Rows {rows}", f"Row {rows - 1}", 60_000, 2, phase
            )
            after = server.quiet_bytes()
            result[f"b3_{rows}_kb"] = sent_between(before, after) / 1000
            if rows != 5000:
                context.close()

        change_ms, change_bytes = [], []
        for k in range(1, settings.b4_changes + 1):
            before = server.quiet_bytes()
            change_ms.append(
                click_until(page, "Change one", f"Changed {k}", phase=phase)
            )
            change_bytes.append(sent_between(before, server.quiet_bytes()))
        result["b4_ms"] = statistics.median(change_ms)
        result["b4_bytes"] = statistics.median(change_bytes)
        context.close()
    finally:
        server.stop()
    return result


def run_floor(browser: Any, settings: Settings) -> dict[str, float]:
    """B2 on a bare websocket page: what any server round trip costs here."""
    phase = random.Random(PHASE_SEED)
    server = Server("floor")
    try:
        server.wait_ready()
        context, page, _ = open_page(browser, server)
        times = [
            click_until(page, "Increment", f"Count: {i}", 5_000, phase=phase)
            for i in range(1, settings.clicks + 1)
        ]
        context.close()
    finally:
        server.stop()
    return {
        "b2_p50_ms": statistics.median(times),
        "b2_p95_ms": percentile(times, 0.95),
    }


def run_memory(browser: Any, framework: str, settings: Settings) -> dict[str, float]:
    """B5 on one fresh server process: RSS with 0, 1 and N sessions, then 0."""
    result: dict[str, float] = {}
    server = Server(framework)
    contexts = []
    try:
        server.wait_ready()
        time.sleep(0.5)
        empty = server.rss_mb()
        opened = 0
        for i in range(settings.sessions):
            context, page, _ = open_page(browser, server)
            contexts.append(context)
            try:
                click_until(page, "Rows 5000", "Row 4999", 40_000, attempts=3)
            except Exception as error:  # a peer that gives up under load
                if i == 0:
                    raise
                print(f"    {framework}: session {i + 1} failed: {error}", flush=True)
                break
            opened += 1
            if i == 0:
                time.sleep(0.5)
                one = server.rss_mb()
        time.sleep(0.5)
        full = server.rss_mb()
        for context in contexts:
            context.close()
        contexts.clear()
        # Give sessions close_wait seconds to go; stop early once memory is
        # back within 10 % of what the sessions took.
        deadline = time.perf_counter() + settings.close_wait
        while time.perf_counter() < deadline:
            time.sleep(0.5)
            if server.rss_mb() - empty <= 0.1 * (full - empty):
                break
        after = server.rss_mb()
        used = full - empty
        result["b5_empty_mb"] = empty
        result["b5_one_session_mb"] = one - empty
        result["b5_sessions"] = opened
        result["b5_per_session_mb"] = (full - one) / max(1, opened - 1)
        result["b5_all_sessions_mb"] = used
        result["b5_after_close_mb"] = after - empty
        result["b5_kept_pct"] = 100 * (after - empty) / used if used > 0 else 0.0
    finally:
        for context in contexts:
            context.close()
        server.stop()
    return result

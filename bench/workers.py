"""Website mode under gunicorn: 1 worker against 4, with 200 sessions.

Run by hand (not a test)::

    .venv/bin/python bench/workers.py [--sessions 200] [--workers 1 4]

For each worker count it starts ``gunicorn gunicorn_app:web_app`` (the
counter of tests/gunicorn_app.py) with aiohttp workers on a free port and a
shared ``RIO_DESKTOP_SECRET_KEY``, then, from this process:

- opens the sessions, ``--parallel`` at a time, each as the page would: GET
  the page for its token, open the websocket, send hello, wait for the
  first tree. Figure: sessions started per second (wall clock).
- with all of them open, every session presses its button ``--clicks``
  times, all sessions at once; each press is timed from sending the event
  to the delta that answers it. Figures: click p50 and p95.

The sessions are protocol clients (aiohttp), not browsers: 200 Chromium
pages do not fit on a small machine. They run in this process, on the same
cores as the workers, so on a 2-core machine the client takes its share.
Results go to bench/results/<date>-workers.json and a table is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"

HELLO = {
    "type": "hello",
    "timezone": "UTC",
    "languages": ["en"],
    "width": 80,
    "height": 50,
    "pixel_ratio": 1,
    "prefers_dark": False,
    "url": "http://127.0.0.1/",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_gunicorn(workers: int, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(TESTS)]),
        "RIO_DESKTOP_SECRET_KEY": "bench secret",
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
        "--no-control-socket",
        "--log-level=warning",
    ]
    process = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                break
        except OSError:
            time.sleep(0.1)
    return process


class Session:
    """The page's side of one session: its socket and its button."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, button: int) -> None:
        self.ws = ws
        self.button = button

    async def click(self) -> float:
        started = time.perf_counter()
        await self.ws.send_json({"type": "event", "id": self.button, "name": "press"})
        while True:
            message = await self.ws.receive_json(timeout=60)
            if message["type"] == "delta":
                return time.perf_counter() - started


async def open_session(http: aiohttp.ClientSession, url: str) -> Session:
    async with http.get(url) as response:
        page = await response.text()
    config = page.split('id="rio-config" type="application/json">')[1]
    token = json.loads(config.split("</script>")[0])["token"]
    ws = await http.ws_connect(f"{url}rio-desktop/ws?token={token}")
    await ws.send_json(HELLO)
    while True:
        message = await ws.receive_json(timeout=60)
        if message["type"] != "delta":
            continue
        for key, props in message["components"].items():
            if props.get("_type") == "Button":
                return Session(ws, int(key))


async def measure(url: str, sessions: int, parallel: int, clicks: int) -> dict:
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        limit = asyncio.Semaphore(parallel)

        async def one() -> Session:
            async with limit:
                return await open_session(http, url)

        # Warm up: workers still booting, the first session's imports.
        warm = await asyncio.gather(*(one() for _ in range(parallel)))
        for session in warm:
            await session.ws.close()
        started = time.perf_counter()
        opened = await asyncio.gather(*(one() for _ in range(sessions)))
        opening = time.perf_counter() - started

        async def clicking(session: Session) -> list[float]:
            return [await session.click() for _ in range(clicks)]

        rounds = await asyncio.gather(*(clicking(s) for s in opened))
        times = sorted(t for per_session in rounds for t in per_session)
        for session in opened:
            await session.ws.close()
    return {
        "sessions": sessions,
        "sessions_per_second": round(sessions / opening, 1),
        "click_p50_ms": round(statistics.median(times) * 1000, 1),
        "click_p95_ms": round(times[int(len(times) * 0.95)] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--parallel", type=int, default=20)
    parser.add_argument("--clicks", type=int, default=5)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 4])
    args = parser.parse_args()
    results: dict[str, Any] = {"cores": os.cpu_count(), "runs": {}}
    for workers in args.workers:
        port = free_port()
        process = start_gunicorn(workers, port)
        try:
            figures = asyncio.run(
                measure(
                    f"http://127.0.0.1:{port}/",
                    args.sessions,
                    args.parallel,
                    args.clicks,
                )
            )
        finally:
            process.terminate()
            process.wait(30)
        results["runs"][str(workers)] = figures
        print(f"{workers} worker(s): {figures}", flush=True)
    out = ROOT / "bench" / "results" / f"{date.today().isoformat()}-workers.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print("\n| workers | sessions/s | click p50 | click p95 |\n|---|---|---|---|")
    for workers, figures in results["runs"].items():
        print(
            f"| {workers} | {figures['sessions_per_second']} |"
            f" {figures['click_p50_ms']} ms | {figures['click_p95_ms']} ms |"
        )
    print(f"\nWritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

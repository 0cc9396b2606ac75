"""Window start-up: process start to first paint, rio-desktop vs bare pywebview.

Run by hand (not a test)::

    /work/venv/bin/python bench/window_startup.py [--runs 5]

Each run is a fresh process. Both kinds are timed the same way: the parent
notes the time just before starting the process; inside it a watcher thread
asks the window's page every 10 ms whether its content is on screen (for
rio-desktop: the app's first delta has been rendered into ``#rio-app``; for
the bare window: the static page's ``#content``) and reports the time it
first is. The two kinds alternate so that a warm disk cache favours neither.

With no DISPLAY it starts its own Xvfb. As root, Qt's web engine needs
``QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox``; this script sets it for its
children.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from display import start_xvfb, stop_xvfb

ROOT = Path(__file__).resolve().parent.parent

BARE_PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>Bare</title>
</head><body><div id="content"><h1>Counter</h1><p>Clicked 0 times</p>
<button>Click me</button></div></body></html>"""


def _watch(probe: str, started: float) -> None:
    """In the child: wait for the page's content, print the elapsed time."""
    import webview

    while not webview.windows:
        time.sleep(0.005)
    window = webview.windows[0]
    window.events.loaded.wait(30)
    while True:
        try:
            if window.evaluate_js(probe):
                break
        except Exception:  # the page is being replaced (redirects): try again
            pass
        time.sleep(0.01)
    print(f"FIRST_PAINT {time.time() - started:.4f}", flush=True)
    window.destroy()


def start_in_window_process(target: Callable[..., None], *args: object) -> None:
    """Run `target(*args)` in a thread of rio-desktop's window process.

    The window lives in its own process, forked from the app's, and only
    there does pywebview know it; so the watcher starts right after the fork.
    """
    os.environ["RIO_DESKTOP_WINDOW_PROCESS"] = "fork"
    os.register_at_fork(
        after_in_child=lambda: threading.Thread(
            target=target, args=args, daemon=True
        ).start()
    )


def child_rio(started: float) -> None:
    sys.path.insert(0, str(ROOT))
    import rio_desktop as rio

    class Counter(rio.Component):
        count: int = 0

        def build(self) -> rio.Component:
            return rio.Column(
                rio.Text("Counter", style="heading1"),
                rio.Text(f"Clicked {self.count} times"),
                rio.Button("Click me"),
            )

    probe = (
        "!!document.querySelector('#rio-app')"
        " && document.querySelector('#rio-app').innerText.includes('Clicked 0')"
    )
    start_in_window_process(_watch, probe, started)
    os.environ["RIO_DESKTOP_DATA_DIR"] = os.environ.get("BENCH_DATA", "/tmp/bench")
    rio.App(build=Counter, name="Bench Counter").run_in_window()


def child_bare(started: float) -> None:
    import http.server

    import webview

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(BARE_PAGE)))
            self.end_headers()
            self.wfile.write(BARE_PAGE)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    probe = "!!document.getElementById('content')"
    threading.Thread(target=_watch, args=(probe, started), daemon=True).start()
    webview.create_window("Bare", f"http://127.0.0.1:{port}/", width=800, height=600)
    webview.start(gui="qt", private_mode=True)
    server.shutdown()


def run_once(kind: str, env: dict[str, str]) -> float:
    started = time.time()
    env = {**env, "BENCH_STARTED": repr(started)}
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    for line in done.stdout.splitlines():
        if line.startswith("FIRST_PAINT "):
            return float(line.split()[1])
    raise RuntimeError(f"{kind}: no first paint\n{done.stdout}\n{done.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["rio", "bare"])
    args = parser.parse_args()
    if args.child:
        started = float(os.environ["BENCH_STARTED"])
        (child_rio if args.child == "rio" else child_bare)(started)
        return

    # pywebview was compiled when pip installed it; rio_desktop runs from
    # the source tree, so compile it too, or W1 would time the compiler.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "rio_desktop")],
        check=True,
    )
    env = dict(os.environ)
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    xvfb = start_xvfb(env)
    times: dict[str, list[float]] = {"bare": [], "rio": []}
    try:
        run_once("bare", env)  # warm the disk cache; not counted
        for _ in range(args.runs):
            for kind in ("bare", "rio"):
                times[kind].append(run_once(kind, env))
    finally:
        stop_xvfb(xvfb)
    bare = statistics.median(times["bare"])
    rio = statistics.median(times["rio"])
    print(f"runs: {args.runs} each, process start to first paint (median)")
    print(f"  bare pywebview (static page): {bare * 1000:7.0f} ms  {times['bare']}")
    print(f"  rio-desktop counter app:      {rio * 1000:7.0f} ms  {times['rio']}")
    print(f"  ratio rio-desktop / bare:     {rio / bare:7.2f}x  (goal: <= 1.2x)")


if __name__ == "__main__":
    main()

"""Window start-up: process start to first paint, rio-desktop vs bare pywebview.

Run by hand (not a test)::

    /work/venv/bin/python bench/window_startup.py [--runs 5]

Each run is a fresh process. Both kinds are timed the same way: the parent
notes the time just before starting the process; inside it a watcher thread
asks the window's page every 10 ms whether its content is on screen (for
rio-desktop: the app's first delta has been rendered into ``#rio-app``; for
the bare window: the static page's ``#content``) and reports the time it
first is. The two kinds alternate so that a warm disk cache favours neither.

``--shell`` adds a third kind: the same app with a menu bar (three menus)
and a tray icon with a menu (issue 17: they must not cost the start-up more
than 5 %); a `trayer` system tray runs on the display then, so that the tray
icon is really made.

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


def child_rio(started: float, shell: bool = False) -> None:
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
    options = {}
    if shell:

        def noop(session: object) -> None:
            pass

        options["menu"] = [
            rio.Menu(
                "File",
                [
                    rio.MenuItem("Open…", noop, shortcut="Ctrl+O"),
                    rio.MenuItem("Save", noop, shortcut="Ctrl+S"),
                    rio.MenuSeparator(),
                    rio.Menu(
                        "Recent", [rio.MenuItem(f"file{i}.txt", noop) for i in range(5)]
                    ),
                    rio.MenuItem("Quit", noop, shortcut="Ctrl+Q"),
                ],
            ),
            rio.Menu("Edit", [rio.MenuItem("Undo", noop, shortcut="Ctrl+Z")]),
            rio.Menu(
                "View", [rio.MenuItem("Grid", noop, shortcut="F6", checked=False)]
            ),
        ]
        options["tray"] = rio.TrayIcon(menu=[rio.MenuItem("Show", noop)])
    rio.App(build=Counter, name="Bench Counter", **options).run_in_window()


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
    parser.add_argument("--child", choices=["rio", "rio-shell", "bare"])
    parser.add_argument(
        "--shell", action="store_true", help="also time the app with a menu and tray"
    )
    args = parser.parse_args()
    if args.child:
        started = float(os.environ["BENCH_STARTED"])
        if args.child == "bare":
            child_bare(started)
        else:
            child_rio(started, shell=args.child == "rio-shell")
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
    kinds = ("bare", "rio", "rio-shell") if args.shell else ("bare", "rio")
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    tray = None
    if args.shell:
        tray = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1)  # by hand: let it take the tray before the first run
    try:
        run_once("bare", env)  # warm the disk cache; not counted
        for _ in range(args.runs):
            for kind in kinds:
                times[kind].append(run_once(kind, env))
    finally:
        if tray is not None:
            tray.terminate()
            tray.wait(5)
        stop_xvfb(xvfb)
    bare = statistics.median(times["bare"])
    rio = statistics.median(times["rio"])
    print(f"runs: {args.runs} each, process start to first paint (median)")
    print(f"  bare pywebview (static page): {bare * 1000:7.0f} ms  {times['bare']}")
    print(f"  rio-desktop counter app:      {rio * 1000:7.0f} ms  {times['rio']}")
    print(f"  ratio rio-desktop / bare:     {rio / bare:7.2f}x  (goal: <= 1.2x)")
    if args.shell:
        shell = statistics.median(times["rio-shell"])
        shown = times["rio-shell"]
        print(f"  with menu bar and tray:       {shell * 1000:7.0f} ms  {shown}")
        print(f"  ratio with / without them:    {shell / rio:7.2f}x  (goal: <= 1.05x)")


if __name__ == "__main__":
    main()

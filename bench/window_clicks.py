"""W2 click round trip in the window: rio-desktop vs a bare websocket page.

Run by hand (not a test)::

    /work/venv/bin/python bench/window_clicks.py [--clicks 100] [--runs 3]

Two kinds, each in a pywebview (Qt) window: B2's app (bench/apps/rio_app.py)
with its counter (``Count: N`` and an ``Increment`` button) and the
floor, bench/apps/floor_app.py's page (a button that sends one websocket
message; the server answers with the next number, which the page writes into
the DOM). Whatever rio-desktop adds to a click is measured above the floor.

Each run is a fresh process per kind; the kinds alternate. Inside it a driver
thread injects bench/probe.js into the loaded page and, for every click,
arms it (``window.__bench.arm``: where to click, and the text to wait for),
moves the mouse there and clicks with xdotool: real X input, as a user's.
The page times from the ``pointerdown`` (a capture listener on window) until
a MutationObserver sees ``Count: N`` laid out, so nothing outside the page
(xdotool, pywebview's evaluate_js) is counted. The first click is a warm-up;
clicks are about 0.6 s apart, so each is a single click. The page's clock
has 0.1 ms steps. Printed: per kind, the medians over runs of each run's p50
and p95. The p95 of 100 clicks follows the machine's load (other processes)
more than the app; compare p50s on a busy machine.

With no DISPLAY it starts its own Xvfb. As root, Qt's web engine needs
``QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox``; this script sets it for its
children.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from display import start_xvfb, stop_xvfb

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PROBE = (BENCH / "probe.js").read_text("utf-8")
TITLES = {"rio": "W2 rio-desktop", "floor": "W2 floor"}
KIND_NAMES = {"rio": "rio-desktop counter app", "floor": "bare websocket (floor)"}
CLICK_TIMEOUT_MS = 5000

# Arms the probe for one click; the result lands in window.__w2 (a number of
# milliseconds, or the error's text) so that it can be polled afterwards.
ARM = """(() => {
  const at = window.__bench.arm("Increment", %s, %d);
  window.__w2 = null;
  window.__bench.result().then(
    (ms) => { window.__w2 = ms; },
    (error) => { window.__w2 = String(error); },
  );
  return [at[0] * devicePixelRatio, at[1] * devicePixelRatio];
})()"""


def percentile(values: list[float], q: float) -> float:
    """Nearest rank, as bench/measure.py computes B2's p95."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def xdotool(*args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, check=True, timeout=30
    )
    return done.stdout


def window_origin(title: str) -> tuple[int, int]:
    """Screen position of the window's page (X and Y of its X window)."""
    found = xdotool("search", "--sync", "--onlyvisible", "--name", f"^{title}$")
    geometry = xdotool("getwindowgeometry", "--shell", found.split()[0])
    fields = dict(line.split("=", 1) for line in geometry.split())
    return int(fields["X"]), int(fields["Y"])


def _drive(title: str, clicks: int) -> None:
    """In the child: click `clicks` + 1 times, print the times, close."""
    import webview

    result: dict[str, object] = {}
    try:
        while not webview.windows:
            time.sleep(0.01)
        window = webview.windows[0]
        window.events.loaded.wait(60)
        deadline = time.monotonic() + 60
        while not window.evaluate_js(
            "!!document.body && document.body.innerText.includes('Increment')"
            " && document.body.innerText.includes('Count: 0')"
        ):
            if time.monotonic() > deadline:
                raise TimeoutError("the page never showed its counter")
            time.sleep(0.05)
        window.evaluate_js(PROBE)
        left, top = window_origin(title)
        time.sleep(0.5)  # let the page settle (the floor's socket opens)

        times = []
        pointer = None
        for count in range(1, clicks + 2):
            x, y = window.evaluate_js(
                ARM % (json.dumps(f"Count: {count}"), CLICK_TIMEOUT_MS)
            )
            target = (str(left + round(x)), str(top + round(y)))
            if target != pointer:  # (--sync waits ~16 s for a move to where it is)
                xdotool("mousemove", "--sync", *target)
                pointer = target
            time.sleep(0.1)  # hover first, as a user does
            xdotool("click", "1")
            # Clicks further apart than Qt's double-click interval (400 ms), so
            # each one is a single click; a random pause avoids lock-step with
            # the frame clock.
            time.sleep(random.uniform(0.45, 0.55))
            deadline = time.monotonic() + CLICK_TIMEOUT_MS / 1000 + 1
            while (ms := window.evaluate_js("window.__w2")) is None:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"no result for click {count}")
                time.sleep(0.01)
            if not isinstance(ms, (int, float)):
                raise RuntimeError(f"click {count}: {ms}")
            if count > 1:  # the first click is a warm-up
                times.append(ms)
        result["times"] = times
        from PyQt6.QtWebEngineCore import qWebEngineChromiumVersion

        result["chromium"] = qWebEngineChromiumVersion()
    except Exception as error:
        result["error"] = repr(error)
    print("RESULT " + json.dumps(result), flush=True)
    webview.windows[0].destroy()


def child_rio(clicks: int) -> None:
    sys.path[:0] = [str(ROOT), str(BENCH)]
    import rio_desktop as rio

    sys.modules["rio"] = rio  # the benchmark app (B2's) is written for Rio
    from apps.rio_app import Bench
    from window_startup import start_in_window_process

    title = TITLES["rio"]
    start_in_window_process(_drive, title, clicks)
    rio.App(build=Bench, name=title).run_in_window()


def child_floor(clicks: int) -> None:
    sys.path.insert(0, str(BENCH / "apps"))
    import floor_app
    import webview
    from aiohttp import web

    loop = asyncio.new_event_loop()
    runner = web.AppRunner(floor_app.app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    threading.Thread(target=loop.run_forever, daemon=True).start()

    title = TITLES["floor"]
    threading.Thread(target=_drive, args=(title, clicks), daemon=True).start()
    webview.create_window(title, f"http://127.0.0.1:{port}/", width=800, height=600)
    webview.start(gui="qt", private_mode=True)
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)


def run_once(kind: str, clicks: int, env: dict[str, str]) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--clicks", str(clicks)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120 + 2 * clicks,
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT ") :])
            if "error" not in result:
                return result
            break
    raise RuntimeError(f"{kind}: no clicks timed\n{done.stdout}\n{done.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["rio", "floor"])
    args = parser.parse_args()
    if args.child:
        (child_rio if args.child == "rio" else child_floor)(args.clicks)
        return
    if not shutil.which("xdotool"):
        raise SystemExit("xdotool is needed (apt-get install xdotool)")

    env = dict(os.environ)
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    env["QT_QPA_PLATFORM"] = "xcb"  # xdotool drives X windows
    env.pop("WAYLAND_DISPLAY", None)
    xvfb = start_xvfb(env)
    # kind -> "p50" / "p95" -> one value per run (ms)
    stats = {kind: {"p50": [], "p95": []} for kind in ("floor", "rio")}
    loads = [os.getloadavg()[0]]
    chromium = "?"
    try:
        with tempfile.TemporaryDirectory(prefix="w2-clicks-") as data:
            for run in range(args.runs):
                order = ("floor", "rio") if run % 2 == 0 else ("rio", "floor")
                for kind in order:
                    run_env = {**env, "RIO_DESKTOP_DATA_DIR": f"{data}/{run}-{kind}"}
                    result = run_once(kind, args.clicks, run_env)
                    chromium = result["chromium"]
                    p50 = statistics.median(result["times"])
                    p95 = percentile(result["times"], 0.95)
                    stats[kind]["p50"].append(p50)
                    stats[kind]["p95"].append(p95)
                    loads.append(os.getloadavg()[0])
                    print(
                        f"run {run + 1} {kind:<5}  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms"
                        f"  (load {loads[-1]:.2f})",
                        flush=True,
                    )
    finally:
        stop_xvfb(xvfb)

    median = {
        kind: {q: statistics.median(values) for q, values in qs.items()}
        for kind, qs in stats.items()
    }
    print(
        f"runs: {args.runs} each, {args.clicks} clicks per run, pointerdown to"
        f" 'Count: N' laid out, median over runs (QtWebEngine, Chromium {chromium})"
    )
    for kind in ("floor", "rio"):
        print(
            f"  {KIND_NAMES[kind] + ':':<26}"
            f" p50 {median[kind]['p50']:6.2f} ms  p95 {median[kind]['p95']:6.2f} ms"
        )
    for q in ("p50", "p95"):
        ratio = median["rio"][q] / median["floor"][q]
        print(f"  ratio rio-desktop / floor, {q}: {ratio:5.2f}x")
    print(f"  load average (1 min) seen: {min(loads):.2f} to {max(loads):.2f}")


if __name__ == "__main__":
    main()

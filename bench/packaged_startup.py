"""Packaged start-up and size: PyInstaller builds, rio-desktop vs bare pywebview.

Run by hand (not a test)::

    /work/venv/bin/python bench/packaged_startup.py [--runs 4]
        [--kinds folder,onefile,gtk] [--gtk-python /path/to/python]

Builds, once each, into a temporary folder, and prints each build's time and
size (the folder's, or the one file's):

1. a bare pywebview app (a static page served over loopback HTTP with a
   heading "Counter", "Clicked 0 times" and a button "Click me"), built with
   ``pyinstaller --windowed`` (``--onedir``, or ``--onefile``);
2. ``examples/counter.py``, built with ``rio-desktop build``: one-folder as
   it is by default (slim: without the parts of Qt the window never loads)
   and with ``--no-slim`` (all that PyInstaller's hooks collect, as the
   bare app has); with ``--onefile``.

``--kinds`` picks the kinds of build: ``folder`` (the first three),
``onefile`` (a bare and a rio-desktop one-file build) and ``gtk`` (one-folder
builds with pywebview's GTK backend: the bare app with ``gui="gtk"``, built
with rio-desktop's WebKit2 hook, which PyInstaller lacks, and
``rio-desktop build --backend gtk``). The gtk kind is built by the Python
given with ``--gtk-python`` (one with PyGObject, WebKitGTK on the system).

Then starts each executable once unmeasured, and then ``--runs`` times each,
alternating, so that a warm disk cache favours none. Both are timed the
same way: from just before ``Popen`` until the first screenshot of the X
screen that shows the button drawn (a filled, strongly coloured box). The
screen is grabbed every few milliseconds with ``XGetImage``; the time taken
is the midpoint of the grab. Started as the tests start the packaged counter
(``tests/test_build.py``): no arguments, another working folder, no
PYTHONPATH, ``QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox`` (root in CI).

With no DISPLAY it starts its own Xvfb. Needs numpy in the Python that runs
it (not a dependency of rio-desktop: `pip install numpy`).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from display import start_xvfb, stop_xvfb

from rio_desktop._build import _folder_size

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Counter"
POLL_INTERVAL = 0.02
TIMEOUT = 60.0

BARE_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Counter</title>
<style>body { font-family: sans-serif; text-align: center; margin-top: 30vh; }
button { background: #1f6feb; color: #fff; border: 2px solid #1f6feb;
border-radius: 0.4rem; padding: 0.5rem 1.2rem; font-size: 1rem; }</style>
</head><body><h1>Counter</h1><p>Clicked 0 times</p>
<button>Click me</button></body></html>"""

# The bare app: pywebview's own minimum, the page over loopback HTTP as
# rio-desktop serves its page.
BARE_SCRIPT = f'''"""A bare pywebview app showing a static counter page."""

import http.server
import threading

import webview

PAGE = {BARE_PAGE.encode()!r}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
webview.create_window("{TITLE}", f"http://127.0.0.1:{{server.server_address[1]}}/")
webview.start(gui="{{gui}}", private_mode=True)
server.shutdown()
'''


KIND_NAMES = {"folder": "one-folder", "onefile": "one-file", "gtk": "one-folder, GTK"}


@dataclass
class Build:
    name: str
    kind: str
    executable: Path
    seconds: float
    size: int

    @property
    def bare(self) -> bool:
        return self.name.startswith("bare")


# --- the X screen ----------------------------------------------------------


class _XImage(ctypes.Structure):
    # The leading fields of Xlib's XImage; only these are read.
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    ]


class Screen:
    """Grabs the whole X screen (the root window): height x width x (B, G, R)."""

    def __init__(self, display: str) -> None:
        xlib = ctypes.CDLL("libX11.so.6")
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        xlib.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
        xlib.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
        xlib.XGetImage.restype = ctypes.POINTER(_XImage)
        xlib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        xlib.XGetImage.argtypes += [ctypes.c_int] * 2 + [ctypes.c_uint] * 2
        xlib.XGetImage.argtypes += [ctypes.c_ulong, ctypes.c_int]
        xlib.XDestroyImage.argtypes = [ctypes.POINTER(_XImage)]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.xlib = xlib
        self.display = xlib.XOpenDisplay(display.encode())
        if not self.display:
            raise RuntimeError(f"cannot open X display {display}")
        self.root = xlib.XDefaultRootWindow(self.display)
        self.width = xlib.XDisplayWidth(self.display, 0)
        self.height = xlib.XDisplayHeight(self.display, 0)

    def grab(self) -> np.ndarray:
        all_planes, z_pixmap = 2**64 - 1, 2
        image = self.xlib.XGetImage(
            self.display, self.root, 0, 0, self.width, self.height, all_planes, z_pixmap
        )
        try:
            info = image.contents
            if info.bits_per_pixel != 32:
                raise RuntimeError(f"{info.bits_per_pixel} bits per pixel, not 32")
            raw = ctypes.string_at(info.data, info.bytes_per_line * info.height)
            pixels = np.frombuffer(raw, np.uint8).reshape(info.height, -1, 4)
            return pixels[:, : info.width, :3]
        finally:
            self.xlib.XDestroyImage(image)

    def close(self) -> None:
        self.xlib.XCloseDisplay(self.display)


def button_drawn(pixels: np.ndarray) -> bool:
    """Whether the screen shows a filled, strongly coloured box: the button.

    Looks at every 4th pixel of every 4th row: the full screen took ~50 ms per
    check, and a checker that busy slows the apps it is timing (both cores
    are in use while a window starts).
    """
    step = 4
    sample = pixels[::step, ::step]
    colourful = (sample.max(axis=2) - sample.min(axis=2)) > 100
    ys, xs = np.nonzero(colourful)
    if not len(xs):
        return False
    width = int(xs.max() - xs.min()) + 1
    height = int(ys.max() - ys.min()) + 1
    # Mostly filled: scattered coloured pixels are not a button.
    filled = len(xs) > 0.5 * width * height
    return width * step > 40 and height * step > 15 and filled


def windows_titled(display: str, title: str) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--name", f"^{title}$"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
    )
    return found.stdout.split()


# --- building ---------------------------------------------------------------


def run_build(
    name: str, kind: str, command: list[str], cwd: Path, executable: Path
) -> Build:
    started = time.monotonic()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if done.returncode != 0 or not executable.exists():
        raise RuntimeError(f"{name}: build failed\n{done.stdout}\n{done.stderr}")
    size = (
        executable.stat().st_size
        if kind == "onefile"
        else _folder_size(executable.parent)
    )
    return Build(name, kind, executable, seconds, size)


def build_bare(tmp: Path, kind: str, python: str = sys.executable) -> Build:
    folder = tmp / f"bare-{kind}"
    folder.mkdir()
    script = folder / "bare_counter.py"
    gui = "gtk" if kind == "gtk" else "qt"
    script.write_text(BARE_SCRIPT.replace("{gui}", gui))
    dist = folder / "dist"
    command = [python, "-m", "PyInstaller", "--windowed", "--noconfirm"]
    command += ["--onefile" if kind == "onefile" else "--onedir"]
    if kind == "gtk":
        command += ["--additional-hooks-dir", str(ROOT / "packaging")]
    command += ["--name", "BareCounter", "--distpath", str(dist)]
    command += ["--workpath", str(folder / "build"), "--specpath", str(folder)]
    command += [str(script)]
    executable = dist / "BareCounter"
    if kind != "onefile":
        executable = executable / "BareCounter"
    return run_build("bare pywebview", kind, command, folder, executable)


def build_rio(
    tmp: Path, kind: str, *options: str, python: str = sys.executable
) -> Build:
    folder = tmp / f"rio-{kind}{''.join(options)}"
    folder.mkdir()
    dist = folder / "dist"
    command = [python, "-m", "rio_desktop", "build"]
    command += [str(ROOT / "examples" / "counter.py"), "--dist", str(dist)]
    command += ["--work", str(folder / "build"), *options]
    executable = dist / "Counter"
    if kind != "onefile":
        executable = executable / "Counter"
    name = " ".join(["rio-desktop", *options])
    return run_build(name, kind, command, folder, executable)


def build_all(tmp: Path, kinds: list[str], gtk_python: str | None) -> list[Build]:
    builds = []
    if "folder" in kinds:
        builds.append(build_bare(tmp, "folder"))
        builds.append(build_rio(tmp, "folder"))
        builds.append(build_rio(tmp, "folder", "--no-slim"))
    if "onefile" in kinds:
        builds.append(build_bare(tmp, "onefile"))
        builds.append(build_rio(tmp, "onefile", "--onefile"))
    if "gtk" in kinds:
        if gtk_python is None:
            raise SystemExit("--kinds gtk needs --gtk-python")
        builds.append(build_bare(tmp, "gtk", gtk_python))
        builds.append(build_rio(tmp, "gtk", "--backend", "gtk", python=gtk_python))
    return builds


# --- starting ---------------------------------------------------------------


def app_env(display: str, data_dir: Path) -> dict[str, str]:
    """The environment of a double click, as tests/test_build.py sets it."""
    dropped = ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(
        DISPLAY=display,
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",
        RIO_DESKTOP_DATA_DIR=str(data_dir),
    )
    return env


def session_members(session: int) -> list[int]:
    """Live (not zombie) processes in `session`."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) == session:
            members.append(int(entry.name))
    return members


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the app and everything it started; fail if anything is left."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + 5
    while members := session_members(process.pid):
        for pid in members:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"processes left over: {members}")
        time.sleep(0.05)
    process.wait(5)


def wait_until_clear(screen: Screen, display: str) -> None:
    """Wait until no app window is left, so each start begins on a blank screen."""
    deadline = time.monotonic() + 10
    while windows_titled(display, TITLE) or button_drawn(screen.grab()):
        if time.monotonic() > deadline:
            raise RuntimeError("the previous app's window is still on the screen")
        time.sleep(0.1)


def time_start(build: Build, screen: Screen, env: dict[str, str], tmp: Path) -> float:
    """Seconds from just before Popen to the first screenshot with the button."""
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    log = tmp / f"{build.name}-{build.kind}-output.txt".replace(" ", "_")
    with open(log, "w") as stderr:
        started = time.monotonic()
        process = subprocess.Popen(
            [str(build.executable)],
            cwd=elsewhere,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
        try:
            while True:
                before = time.monotonic()
                pixels = screen.grab()
                after = time.monotonic()
                if button_drawn(pixels):
                    break
                if process.poll() is not None:
                    raise RuntimeError(f"{build.name} exited: {log.read_text()}")
                if after - started > TIMEOUT:
                    raise RuntimeError(f"{build.name}: no button within {TIMEOUT} s")
                time.sleep(POLL_INTERVAL)
            if not windows_titled(env["DISPLAY"], TITLE):
                raise RuntimeError(f"{build.name}: no window titled {TITLE!r}")
        finally:
            stop(process)
    return (before + after) / 2 - started


def grab_seconds(screen: Screen) -> float:
    """Median time of one screenshot (what each measurement's midpoint halves)."""
    durations = []
    for _ in range(20):
        before = time.monotonic()
        screen.grab()
        durations.append(time.monotonic() - before)
    return statistics.median(durations)


# --- report -------------------------------------------------------------------


def summary(times: list[float]) -> str:
    return (
        f"{statistics.median(times):.2f} s [{min(times):.2f}-{max(times):.2f}]"
        f"  ({', '.join(f'{t:.2f}' for t in times)})"
    )


def report(builds: list[Build], times: dict[str, list[float]], grab: float) -> None:
    runs = len(next(iter(times.values())))
    for kind in dict.fromkeys(build.kind for build in builds):
        group = [build for build in builds if build.kind == kind]
        [bare] = [build for build in group if build.bare]
        what = "one file" if kind == "onefile" else "folder"
        print(f"builds ({KIND_NAMES[kind]}):")
        for build in group:
            ratio = "" if build.bare else f" ({build.size / bare.size:.2f}x)"
            print(
                f"  {build.name:26} {what} size {build.size / 1_000_000:4.0f} MB"
                f"{ratio}, build time {build.seconds:3.0f} s"
            )
        print(
            f"  start-up, process start to the button drawn ({runs} runs each"
            f" after one warm-up; screenshot every {POLL_INTERVAL * 1000:.0f} ms,"
            f" one takes {grab * 1000:.0f} ms; median [min-max]):"
        )
        for build in group:
            key = f"{build.name} {build.kind}"
            ratio = statistics.median(times[key]) / statistics.median(
                times[f"{bare.name} {bare.kind}"]
            )
            shown = "" if build.bare else f" ({ratio:.2f}x)"
            print(f"  {build.name:26} {summary(times[key])}{shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument(
        "--kinds", default="folder", help="folder, onefile, gtk, comma-separated"
    )
    parser.add_argument(
        "--gtk-python", help="the Python (with PyGObject) that builds the gtk kind"
    )
    args = parser.parse_args()
    kinds = args.kinds.split(",")

    display_env = dict(os.environ)
    xvfb = start_xvfb(display_env)
    display = display_env["DISPLAY"]
    try:
        with tempfile.TemporaryDirectory(prefix="packaged-startup-") as name:
            tmp = Path(name)
            builds = build_all(tmp, kinds, args.gtk_python)
            screen = Screen(display)
            try:
                env = app_env(display, tmp / "data")
                times: dict[str, list[float]] = {
                    f"{build.name} {build.kind}": [] for build in builds
                }
                for run in range(args.runs + 1):
                    for build in builds:
                        wait_until_clear(screen, display)
                        seconds = time_start(build, screen, env, tmp)
                        if run:  # the first start of each only warms the cache
                            times[f"{build.name} {build.kind}"].append(seconds)
                grab = grab_seconds(screen)
            finally:
                screen.close()
            report(builds, times, grab)
    finally:
        stop_xvfb(xvfb)


if __name__ == "__main__":
    main()

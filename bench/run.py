"""The benchmark suite: rio-desktop side by side with Rio and NiceGUI.

    python bench/run.py            # full run: 5 rounds, every benchmark
    python bench/run.py --quick    # smoke run: 1 round, fewer clicks/sessions
    python bench/run.py --runs 7 --only b1,b2

Any Python >= 3.10 starts it. It creates the virtual environments under
bench/.peers/ (rio-desktop's dependencies; rio-ui; nicegui; the driver with
Playwright, psutil, matplotlib), then re-runs itself inside the driver venv.
Each round runs every framework, in a rotating order; results go to
bench/results/<date>.json, a Markdown table to bench/results/<date>.md (and,
with --readme, into README.md), and a plot of the ratios to
bench/results/<date>.png.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import traceback
import venv
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PEERS = BENCH / ".peers"
RESULTS = BENCH / "results"

#: venv folder -> what pip installs there.
VENVS = {
    "driver": ["playwright", "psutil", "matplotlib", "pyinstrument"],
    "rio-desktop": [
        "aiohttp>=3.9",
        "platformdirs>=3",
        "pywebview>=5",
        "pyperclip>=1.8",
        "tzlocal>=5",
        "pyinstrument",
    ],
    "rio": ["rio-ui==0.12.3"],
    "nicegui": ["nicegui==3.18.0"],
}


def ensure_venvs() -> None:
    """Create each venv once; a marker file records what was installed."""
    for name, requirements in VENVS.items():
        folder = PEERS / name
        marker = folder / "bench-installed.json"
        if marker.exists() and json.loads(marker.read_text()) == requirements:
            continue
        print(f"setting up bench/.peers/{name} ...", flush=True)
        if not (folder / "bin" / "python").exists():
            venv.create(folder, with_pip=True)
        subprocess.run(
            [
                str(folder / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "-q",
                *requirements,
            ],
            check=True,
        )
        marker.write_text(json.dumps(requirements))


def compile_rio_desktop() -> None:
    """Byte-compile the rio_desktop package the benchmark imports from REPO.

    pip compiled the peers when it installed them; without this, rio-desktop
    alone would be compiled from source at every start (always so where
    PYTHONDONTWRITEBYTECODE is set), and B1 would time the compiler.
    """
    subprocess.run(
        [
            str(PEERS / "rio-desktop" / "bin" / "python"),
            "-m",
            "compileall",
            "-q",
            str(REPO / "rio_desktop"),
        ],
        check=True,
    )


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (default 5)")
    parser.add_argument(
        "--mem-runs",
        type=int,
        default=None,
        help="rounds that include B5 (default: all)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="1 round, 50 clicks, 5 sessions: a smoke run",
    )
    parser.add_argument(
        "--only",
        default="b1,b2,b3,b4,b5,w1",
        help="which benchmarks: b1..b5, w1 (b1-b4 share a server)",
    )
    parser.add_argument("--frameworks", default="rio-desktop,rio,nicegui")
    parser.add_argument(
        "--no-floor",
        action="store_true",
        help="skip the B2 floor (a bare websocket page, no framework)",
    )
    parser.add_argument(
        "--chromium-arg",
        action="append",
        default=[],
        metavar="FLAG",
        help="extra Chromium flag, for analysis (e.g. "
        "--chromium-arg=--disable-features=DeferRendererTasksAfterInput)",
    )
    parser.add_argument(
        "--readme",
        action="store_true",
        help="write the table into README.md's Benchmarks section",
    )
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if not args.inside:
        ensure_venvs()
        compile_rio_desktop()
        driver = PEERS / "driver" / "bin" / "python"
        return subprocess.call([str(driver), __file__, "--inside", *argv])
    return run_inside(args)


def run_inside(args: argparse.Namespace) -> int:
    import measure
    import report
    from playwright.sync_api import sync_playwright

    settings = measure.Settings()
    runs = args.runs
    if args.quick:
        runs = 1
        settings = measure.Settings(clicks=50, b4_changes=3, sessions=5, close_wait=8)
    only = set(args.only.split(","))
    mem_runs = runs if args.mem_runs is None else min(args.mem_runs, runs)
    if "b5" not in only:
        mem_runs = 0
    frameworks = args.frameworks.split(",")
    with_floor = "b2" in only and not args.no_floor
    speed = bool(only & {"b1", "b2", "b3", "b4"})

    results: dict[str, list[dict[str, float]]] = {f: [] for f in frameworks}
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=measure.CHROMIUM,
            args=measure.CHROMIUM_ARGS + args.chromium_arg,
        )
        chromium_version = browser.version
        for round_ in range(runs):
            shift = round_ % len(frameworks)
            order = frameworks[shift:] + frameworks[:shift]
            for framework in order:
                print(f"round {round_ + 1}/{runs}: {framework}", flush=True)
                run: dict[str, float] = {}
                try:
                    if speed:
                        run.update(measure.run_speed(browser, framework, settings))
                    if "b5" in only and round_ < mem_runs:
                        run.update(measure.run_memory(browser, framework, settings))
                except Exception:
                    where = f"{framework}, round {round_ + 1}"
                    message = f"{where}:\n{traceback.format_exc()}"
                    print(message, file=sys.stderr, flush=True)
                    errors.append(message)
                results[framework].append(run)
                print("   ", report.one_line(run), flush=True)
            if with_floor:
                print(f"round {round_ + 1}/{runs}: B2 floor", flush=True)
                try:
                    floor = measure.run_floor(browser, settings)
                except Exception:
                    floor = {}
                    where = f"floor, round {round_ + 1}"
                    errors.append(f"{where}:\n{traceback.format_exc()}")
                results.setdefault(report.FLOOR, []).append(floor)
                print("   ", report.one_line(floor), flush=True)
        browser.close()

    window = report.window_startup(runs) if "w1" in only else None
    data = {
        "date": datetime.date.today().isoformat(),
        "machine": report.machine(),
        "versions": report.versions(chromium_version),
        "settings": {
            **vars(settings),
            "runs": runs,
            "mem_runs": mem_runs,
            "quick": args.quick,
            "extra_chromium_args": args.chromium_arg,
        },
        "runs": results,
        "errors": errors,
    }
    if window is not None:
        data["window_startup"] = window
    data["summary"] = report.summarise(results, window)
    RESULTS.mkdir(exist_ok=True)
    stem = data["date"] + ("-quick" if args.quick else "")
    defaults = parse_args([])
    if args.only != defaults.only:
        stem += "-" + args.only.replace(",", "")
    if args.frameworks != defaults.frameworks:
        stem += "-" + args.frameworks.replace(",", "-")
    if args.chromium_arg:
        stem += "-flags"
    # A second run on the same day must not overwrite the first's results.
    base, number = stem, 1
    while (RESULTS / f"{stem}.json").exists():
        number += 1
        stem = f"{base}-{number}"
    (RESULTS / f"{stem}.json").write_text(json.dumps(data, indent=1) + "\n")
    table = report.table(data)
    (RESULTS / f"{stem}.md").write_text(table)
    print(table)
    report.plot(data, RESULTS / f"{stem}.png")
    if args.readme:
        report.write_readme(REPO / "README.md", table, f"bench/results/{stem}.png")
    print(f"results: bench/results/{stem}.json, .md, .png")
    return 1 if errors else 0


if __name__ == "__main__":
    if "--inside" in sys.argv:
        sys.path.insert(0, str(BENCH))
    os.chdir(REPO)
    sys.exit(main(sys.argv[1:]))

"""Summaries of a benchmark run: medians, ratios, the table and the plot."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PEERS = BENCH / ".peers"
OURS = "rio-desktop"
#: Not a framework: the bare websocket page that gives B2's floor.
FLOOR = "floor"
PEERS_NAMES = ("rio", "nicegui")

#: key, label, unit, goal (lower is better everywhere; None: no goal).
METRICS: list[tuple[str, str, str, float | None]] = [
    ("b1_ready_s", "B1 server ready", "s", 0.25),
    ("b1_first_render_ms", "B1 first render", "ms", 150),
    ("b1_first_page_kb", "B1 first page transferred", "KB", 60),
    ("b2_p50_ms", "B2 click round trip p50", "ms", 6),
    ("b2_p95_ms", "B2 click round trip p95", "ms", None),
    ("b3_1000_ms", "B3 1,000 rows", "ms", None),
    ("b3_1000_kb", "B3 1,000 rows on the wire", "KB", None),
    ("b3_5000_ms", "B3 5,000 rows", "ms", 250),
    ("b3_5000_kb", "B3 5,000 rows on the wire", "KB", 150),
    ("b4_ms", "B4 one row among 5,000", "ms", 10),
    ("b4_bytes", "B4 bytes sent", "B", 100),
    ("b5_empty_mb", "B5 RSS, no session", "MB", None),
    ("b5_one_session_mb", "B5 one 5,000-row session", "MB", 15),
    ("b5_per_session_mb", "B5 per further session", "MB", None),
    ("b5_after_close_mb", "B5 after all closed (above empty)", "MB", None),
    ("b5_kept_pct", "B5 memory kept after close", "%", 10),
]


def one_line(run: dict[str, float]) -> str:
    return " ".join(f"{k}={v:.4g}" for k, v in run.items())


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    except (ValueError, OSError):
        memory = 0.0
    return {
        "system": f"{platform.system()} {platform.release()}",
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory, 1),
        "python": platform.python_version(),
    }


def _pip_version(venv: str, package: str) -> str:
    python = PEERS / venv / "bin" / "python"
    code = f"import importlib.metadata as m; print(m.version({package!r}))"
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def versions(chromium: str) -> dict[str, str]:
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "rio_desktop", "webui"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "rio-desktop": f"{commit}{'+changes' if dirty else ''}",
        "rio": _pip_version("rio", "rio-ui"),
        "nicegui": _pip_version("nicegui", "nicegui"),
        "aiohttp": _pip_version("rio-desktop", "aiohttp"),
        "chromium": chromium,
    }


def window_startup(runs: int) -> dict[str, Any] | None:
    """W1, from bench/window_startup.py (the window engineer's script).

    It needs pywebview with Qt, so it runs with the project's venv
    ($RIO_DESKTOP_PYTHON, default /work/venv/bin/python) when that exists.
    """
    script = BENCH / "window_startup.py"
    if not script.exists():
        return None
    python = os.environ.get("RIO_DESKTOP_PYTHON", "/work/venv/bin/python")
    if not Path(python).exists():
        python = str(PEERS / "rio-desktop" / "bin" / "python")
    try:
        out = subprocess.run(
            [python, str(script), "--runs", str(runs)],
            capture_output=True,
            text=True,
            timeout=900,
            cwd=REPO,
        )
    except subprocess.TimeoutExpired as error:
        return {"error": repr(error)}
    found: dict[str, Any] = {}
    for label, key in (
        ("bare pywebview", "bare_pywebview_ms"),
        ("rio-desktop counter app", "rio_desktop_ms"),
        ("ratio rio-desktop / bare", "ratio_to_bare"),
    ):
        match = re.search(re.escape(label) + r"[^:]*:\s*([\d.]+)", out.stdout)
        if match:
            found[key] = float(match.group(1))
    return found or {"error": (out.stderr or out.stdout)[-2000:]}


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


def summarise(
    results: dict[str, list[dict[str, float]]], window: dict[str, Any] | None
) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for key, *_ in METRICS:
        row: dict[str, Any] = {}
        for framework, runs in results.items():
            values = [r[key] for r in runs if key in r]
            if values:
                row[framework] = _stats(values)
        peers = {f: s["median"] for f, s in row.items() if f not in (OURS, FLOOR)}
        if OURS in row and peers:
            best = min(peers, key=peers.get)  # type: ignore[arg-type]
            row["best_peer"] = best
            ours = row[OURS]["median"]
            row["ratio"] = ours / peers[best] if peers[best] > 0 else None
        summary[key] = row
    if window:
        for key, value in window.items():
            if isinstance(value, (int, float)):
                summary[f"w1_{key}"] = {OURS: {"median": value}}
    return summary


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(data: dict[str, Any]) -> str:
    summary = data["summary"]
    frameworks = list(data["runs"])
    m, v, s = data["machine"], data["versions"], data["settings"]
    lines = [
        f"Run of {data['date']} on {m['cpu']} ({m['cores']} cores,"
        f" {m['memory_gb']} GB), {m['system']}, Python {m['python']},"
        f" Chromium {v['chromium']}; rio-desktop {v['rio-desktop']},"
        f" Rio {v['rio']}, NiceGUI {v['nicegui']}."
        f" {s['runs']} rounds ({s['mem_runs']} with B5), medians [min-max]."
        + (
            f" Extra Chromium flags: {' '.join(s['extra_chromium_args'])}."
            if s.get("extra_chromium_args")
            else ""
        ),
        "",
        "| benchmark | goal | "
        + " | ".join("bare websocket (floor)" if f == FLOOR else f for f in frameworks)
        + " | rio-desktop / best peer |",
        "|---|---|" + "---|" * len(frameworks) + "---|",
    ]
    for key, label, unit, goal in METRICS:
        row = summary.get(key, {})
        if not any(f in row for f in frameworks):
            continue
        cells = []
        for framework in frameworks:
            st = row.get(framework)
            cells.append(
                "-"
                if st is None
                else f"{_fmt(st['median'])} [{_fmt(st['min'])}-{_fmt(st['max'])}]"
            )
        ratio = row.get("ratio")
        ratio_text = "-" if ratio is None else f"{ratio:.2f} (vs {row['best_peer']})"
        goal_text = "-" if goal is None else f"<= {_fmt(goal)}"
        lines.append(
            f"| {label} ({unit}) | {goal_text} | "
            + " | ".join(cells)
            + f" | {ratio_text} |"
        )
    for key, row in summary.items():
        if key.startswith("w1_"):
            lines.append(
                f"| W1 {key[3:]} | - | {_fmt(row[OURS]['median'])} | "
                + " | ".join("-" for _ in frameworks[1:])
                + " | - |"
            )
    if data.get("errors"):
        lines += ["", f"{len(data['errors'])} run(s) failed; see the JSON file."]
    return "\n".join(lines) + "\n"


def plot(data: dict[str, Any], path: Path) -> None:
    """Bar chart of rio-desktop / best peer per benchmark (log scale)."""
    import matplotlib
    import matplotlib.ticker

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels, ratios = [], []
    for key, label, unit, _ in METRICS:
        ratio = data["summary"].get(key, {}).get("ratio")
        if ratio:
            labels.append(f"{label} ({unit})")
            ratios.append(ratio)
    if not ratios:
        return
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(ratios) + 1.4))
    colors = ["#2a9d48" if r <= 1 else "#d1495b" for r in ratios]
    ax.barh(labels, ratios, color=colors)
    ax.set_xscale("log")
    ticks = [
        t
        for t in (0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30)
        if min(ratios) / 3 <= t <= max(ratios) * 3
    ]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.axvline(1.0, color="black", linewidth=1)
    ax.invert_yaxis()
    for y, r in enumerate(ratios):
        ax.text(r, y, f" {r:.2g}", va="center", fontsize=8)
    ax.set_xlabel("rio-desktop / best of Rio and NiceGUI (median; < 1 is better)")
    ax.set_title(f"rio-desktop vs. best peer, {data['date']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


START = "<!-- bench-table:start -->"
END = "<!-- bench-table:end -->"


def write_readme(readme: Path, table_text: str, image: str) -> None:
    """Replace the generated part of README.md's Benchmarks section."""
    text = readme.read_text("utf-8")
    if START not in text or END not in text:
        print("README.md lacks the bench-table markers", file=sys.stderr)
        return
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    body = f"{START}\n{table_text}\n![rio-desktop / best peer]({image})\n{END}"
    readme.write_text(head + body + tail, "utf-8")

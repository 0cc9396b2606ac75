"""Does it look like Rio? Each component's first docstring example, both sides.

Run by hand (not part of the suite); needs Rio 0.12.3 in its own venv
(default /tmp/rio-venv, see scripts/rio_docstring_examples.py):

    .venv/bin/python bench/look_compare.py [NAME ...] [--baseline FILE]

For every component of Rio 0.12.3 whose docstrings hold an example, the
FIRST example is rendered on Rio and here, in the same Chromium, at the same
viewport, and both pages are screenshotted. The examples are extracted and
served by scripts/rio_docstring_examples.py (imported, not copied): each is a
page `Column(marker text, example)` of one app per side.

The figure per component is the share of the viewport's pixels that differ
(any colour channel by more than TOLERANCE out of 255, which forgives
anti-aliasing but not a changed colour, font, size or position).

Writes bench/results/look.md (the table) and, into the gitignored
test-artifacts/look/, `<component>-rio.png`, `-here.png`, `-diff.png`
(differing pixels red) and results.json. `--baseline` takes an earlier
results.json and adds its figures as a "before" column.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import rio_docstring_examples as docstrings  # noqa: E402

OUT = ROOT / "test-artifacts" / "look"
TABLE = ROOT / "bench" / "results" / "look.md"
VIEWPORT = {"width": 1000, "height": 800}
TOLERANCE = 32
# Rio fades components in; both sides get the same time to settle.
SETTLE_MS = 900

# Counts differing pixels in the page (canvas), and draws the diff picture.
DIFF = """async ([a, b, tolerance]) => {
    const load = (src) => new Promise((ok, fail) => {
        const img = new Image(); img.onload = () => ok(img); img.onerror = fail;
        img.src = src;
    });
    const [one, two] = await Promise.all([load(a), load(b)]);
    const w = Math.max(one.width, two.width), h = Math.max(one.height, two.height);
    const pixels = (img) => {
        const c = new OffscreenCanvas(w, h), g = c.getContext("2d");
        g.fillStyle = "#fff"; g.fillRect(0, 0, w, h); g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, w, h).data;
    };
    const p = pixels(one), q = pixels(two);
    const out = new OffscreenCanvas(w, h), g = out.getContext("2d");
    const diff = g.createImageData(w, h);
    let differ = 0;
    for (let i = 0; i < p.length; i += 4) {
        const d = Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i + 1] - q[i + 1]),
                           Math.abs(p[i + 2] - q[i + 2]));
        const grey = 255 - (255 - (p[i] + p[i + 1] + p[i + 2]) / 3) * 0.25;
        if (d > tolerance) {
            differ++;
            diff.data.set([230, 0, 0, 255], i);
        } else {
            diff.data.set([grey, grey, grey, 255], i);
        }
    }
    g.putImageData(diff, 0, 0);
    const blob = await out.convertToBlob({type: "image/png"});
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = "";
    for (let i = 0; i < bytes.length; i += 8192)
        text += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return {share: differ / (w * h), png: btoa(text)};
}"""


def component_of(name: str, components: set[str]) -> str:
    """`Button#0` -> Button; `Button.on_press#0` (a method's) -> ""."""
    owner = name.split("#")[0]
    return owner if owner in components else ""


def first_examples(rio_python: Path, folder: Path, wanted: list[str]) -> list[Any]:
    """The first renderable example of each component, in name order."""
    examples = docstrings.collect(rio_python, folder, [])
    dump = json.loads((docstrings.WORK / "docstrings.json").read_text("utf-8"))
    components = set(dump["components"])
    chosen: dict[str, Any] = {}
    for example in examples:
        component = component_of(example.name, components)
        if not component or component in chosen:
            continue
        if wanted and not any(w in component for w in wanted):
            continue
        # Only a docstring's first example counts, even if it cannot run.
        chosen[component] = example
    return [chosen[name] for name in sorted(chosen)]


def screenshot_side(side: str, python: Path, folder: Path, examples: list[Any]) -> None:
    """Screenshot every example on one side into OUT/<component>-<side>.png."""
    from playwright.sync_api import sync_playwright

    suffix = "rio" if side == "rio" else "here"
    pages = [e for e in examples if e.kind in ("expression", "component")]
    apps = [e for e in examples if e.kind == "app"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=docstrings.CHROMIUM, args=docstrings.CHROMIUM_ARGS
        )
        # Rio serves crawlers a static page: both sides get a desktop agent.
        agent = playwright.devices["Desktop Chrome"]["user_agent"]
        context = browser.new_context(viewport=VIEWPORT, user_agent=agent)
        try:
            jobs = [(None, "")] if pages else []
            jobs += [(e, f"{e.module}:{e.app_attribute}") for e in apps]
            for app_example, app in jobs:
                server = docstrings.Server(side, python, folder, app)
                try:
                    errors = server.start()
                    targets = pages if app_example is None else [app_example]
                    for example in targets:
                        path = "" if app_example is not None else example.slug
                        ready = docstrings.APP_READY if app else docstrings.READY
                        url = server.url + path
                        outcome = (
                            "import: " + errors[example.module]
                            if example.module in errors
                            else shoot(context, url, ready, suffix, example)
                        )
                        example.results[side] = outcome
                        print(f"  {side:7} {example.name}: {outcome}", flush=True)
                except RuntimeError as error:
                    for example in [app_example] if app_example else pages:
                        example.results[side] = "server: " + str(error)[-200:]
                finally:
                    server.stop()
        finally:
            context.close()
            browser.close()


def shoot(context: Any, url: str, ready: str, suffix: str, example: Any) -> str:
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit")
        try:
            page.wait_for_function(ready, timeout=docstrings.LOAD_TIMEOUT_MS)
        except Exception:
            return "did not load"
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_timeout(SETTLE_MS)
        if page.locator(docstrings.PLACEHOLDERS).count():
            return "placeholder: the example's component failed"
        page.mouse.move(VIEWPORT["width"] - 1, VIEWPORT["height"] - 1)
        page.screenshot(
            path=str(OUT / f"{example.look_name}-{suffix}.png"),
            animations="disabled",
            caret="hide",
        )
        return "ok"
    finally:
        page.close()


def compare(examples: list[Any]) -> None:
    """Fill example.share from the two screenshots; write the diff picture."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=docstrings.CHROMIUM, args=docstrings.CHROMIUM_ARGS
        )
        page = browser.new_page()
        try:
            for example in examples:
                files = [OUT / f"{example.look_name}-{s}.png" for s in ("rio", "here")]
                if not all(f.exists() for f in files) or any(
                    example.results.get(side) != "ok" for side in ("rio", "desktop")
                ):
                    example.share = None
                    continue
                urls = [
                    "data:image/png;base64," + base64.b64encode(f.read_bytes()).decode()
                    for f in files
                ]
                found = page.evaluate(DIFF, [*urls, TOLERANCE])
                example.share = found["share"]
                (OUT / f"{example.look_name}-diff.png").write_bytes(
                    base64.b64decode(found["png"])
                )
        finally:
            browser.close()


def table(examples: list[Any], baseline: dict[str, float | None]) -> str:
    def cell(share: float | None) -> str:
        return "-" if share is None else f"{100 * share:.1f} %"

    lines = [
        "# The same look: Rio 0.12.3 and rio-desktop",
        "",
        "Made by `bench/look_compare.py` (run by hand): each component's first",
        "docstring example on both sides, one Chromium, viewport"
        f" {VIEWPORT['width']}x{VIEWPORT['height']};",
        f"share of pixels differing by more than {TOLERANCE}/255 in a channel.",
        f"Measured {time.strftime('%Y-%m-%d')};"
        " the pictures are in test-artifacts/look/.",
        "",
        "| component | example | "
        + ("before | " if baseline else "")
        + "differing pixels | note |",
        "| --- | --- | " + ("---: | " if baseline else "") + "---: | --- |",
    ]
    for example in examples:
        note = ""
        if example.share is None:
            rio = example.results.get("rio", example.skip or "not run")
            here = example.results.get("desktop", "not run")
            note = f"Rio: {rio}" if rio != "ok" else f"here: {here}"
        before = f"{cell(baseline.get(example.look_name))} | " if baseline else ""
        lines.append(
            f"| {example.look_name} | `{example.name}` | {before}"
            f"{cell(example.share)} | {note[:120].replace('|', '/')} |"
        )
    measured = [e.share for e in examples if e.share is not None]
    if measured:
        lines += [
            "",
            f"{len(measured)} of {len(examples)} components measured;"
            f" mean {100 * sum(measured) / len(measured):.1f} %.",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only components with this name")
    parser.add_argument("--rio-venv", default="/tmp/rio-venv", type=Path)
    parser.add_argument("--baseline", type=Path, help="an earlier results.json")
    options = parser.parse_args()
    rio_python = options.rio_venv / "bin" / "python"
    if not rio_python.exists():
        sys.exit(f"{rio_python} is missing: see scripts/rio_docstring_examples.py")
    OUT.mkdir(parents=True, exist_ok=True)
    folder = docstrings.WORK / "look-examples"
    examples = first_examples(rio_python, folder, options.names)
    for example in examples:
        example.look_name = example.name.split("#")[0]
        example.share = None
    runnable = [e for e in examples if e.kind != "skipped"]
    print(f"{len(examples)} components, {len(runnable)} examples to render")
    screenshot_side("rio", rio_python, folder, runnable)
    screenshot_side("desktop", docstrings.PROJECT_PYTHON, folder, runnable)
    compare(runnable)
    baseline = {}
    if options.baseline:
        baseline = json.loads(options.baseline.read_text("utf-8"))
    results = {e.look_name: e.share for e in examples}
    (OUT / "results.json").write_text(json.dumps(results, indent=1), "utf-8")
    TABLE.write_text(table(examples, baseline), "utf-8")
    ranked = sorted(
        (e for e in examples if e.share is not None), key=lambda e: -e.share
    )
    for example in ranked[:8]:
        print(f"{100 * example.share:5.1f} %  {example.look_name}")
    print(f"table: {TABLE}; pictures: {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Render the code examples of Rio 0.12.3's docstrings on Rio and here.

Measures how many of the examples that render on Rio also render on
rio_desktop, and why the others fail. Nothing of Rio's text is kept in the
tree: the examples are read at run time from the installed Rio (a subprocess
of Rio's venv dumps the docstrings as JSON) and written under /tmp.

Each ```python block of the docstrings of Rio's public names (classes, their
methods, `rio.event`'s decorators) becomes one example:

- a snippet that defines `app = rio.App(...)` is served as that app;
- a snippet whose last statement is an expression (`rio.Button("Hi")`) is
  wrapped into a component's `build()` that returns it;
- otherwise the last component class it defines is rendered (required `str`,
  `int`, `float` and `bool` fields get made-up values).

Snippets that need a third-party package, a local file, or a name they do
not define (`child1`, `MyAppRoot`) are skipped and counted apart, as are
those that build no component. Requests to other hosts than the app's are
blocked, on both sides alike.

Each side serves every example as a page of one app (the apps as their own
servers), in a subprocess: Rio's venv for Rio, the project's venv for
rio_desktop (there `import rio` gives rio_desktop). Chromium opens each page
and the example is classified: it renders; its module fails to import; an
error placeholder shows; the page has a script error; the server printed a
traceback; or it never finished loading.

Usage: .venv/bin/python scripts/rio_docstring_examples.py [NAME ...]
           [--rio-venv DIR] [--fresh] [--json FILE]
NAME filters the examples by substring ("Button", "event.").
Rio's results are cached in /tmp/rio-docstring-examples/ (by code); --fresh
renders them again. Writes every result to --json (default
/tmp/rio-docstring-examples/results.json).
"""

from __future__ import annotations

import argparse
import ast
import builtins
import collections
import contextlib
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

# The Chromium the corpus script drives, with its flags, and its port finder.
from run_rio_corpus import CHROMIUM, free_port  # noqa: E402
from run_rio_corpus import CHROMIUM_ARGS as CORPUS_CHROMIUM_ARGS  # noqa: E402

WORK = Path("/tmp/rio-docstring-examples")
PROJECT_PYTHON = ROOT / ".venv" / "bin" / "python"
# Other hosts than the app's do not resolve: the same on both sides, and
# cheaper than routing every request through Playwright.
CHROMIUM_ARGS = [
    *CORPUS_CHROMIUM_ARGS,
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
MARKER = "docstring-example-ready"
# How long a page may take to show its example, and how long errors may
# take to arrive once it has.
LOAD_TIMEOUT_MS = 10_000
SETTLE_MS = 200
# How many servers start while the examples of another are rendered.
SERVERS_AHEAD = 3

# Runs in Rio's venv: every docstring's python blocks, and Rio's components.
DUMP = r"""
import inspect, json, re, sys
import rio

def docs(name, obj):
    found = []
    if obj.__doc__:
        found.append((name, obj.__doc__))
    if inspect.isclass(obj):
        for key, value in vars(obj).items():
            if key.startswith("_"):
                continue
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            if isinstance(value, property):
                value = value.fget
            if inspect.isfunction(value) and value.__doc__:
                found.append((f"{name}.{key}", value.__doc__))
    return found

sources = []
for name in sorted(dir(rio)):
    obj = getattr(rio, name)
    if name.startswith("_") or inspect.ismodule(obj):
        continue
    if inspect.isclass(obj) or callable(obj):
        sources += docs(name, obj)
for name in sorted(dir(rio.event)):
    obj = getattr(rio.event, name)
    if not name.startswith("_") and inspect.isfunction(obj):
        sources += docs(f"event.{name}", obj)

examples, seen = [], set()
block = re.compile(r"```(\w*)[^\n]*\n(.*?)```", re.S)
for where, doc in sources:
    for number, (language, code) in enumerate(block.findall(inspect.cleandoc(doc))):
        if language in ("py", "python") and code not in seen:
            seen.add(code)
            examples.append({"name": f"{where}#{number}", "code": code})
components = sorted(
    name for name in dir(rio)
    if inspect.isclass(getattr(rio, name))
    and issubclass(getattr(rio, name), rio.Component)
)
with open(sys.argv[1], "w") as file:
    json.dump({"examples": examples, "components": components}, file)
"""

# Runs in either venv: serve the prepared examples (argv: side, examples
# dir, port, results file, and an app module:attribute or nothing).
SERVE = r"""
import importlib, json, sys
side, folder, port, results = sys.argv[1:5]
if side == "desktop":
    import rio_desktop
    sys.modules["rio"] = rio_desktop
import rio
sys.path.insert(0, folder)

def describe(error):
    return f"{type(error).__name__}: {error}"

errors = {}
if len(sys.argv) > 5:
    module_name, attribute = sys.argv[5].split(":")
    try:
        app = getattr(importlib.import_module(module_name), attribute)
    except Exception as error:
        errors[module_name] = describe(error)
        app = None
else:
    def page_builder(make, slug):
        def build():
            # Tells the driver which example the output that follows is of.
            print(f"@@example {slug}", flush=True)
            return rio.Column(rio.Text(MARKER_TEXT), make())
        return build

    pages = []
    for entry in json.load(open(f"{folder}/index.json")):
        try:
            module = importlib.import_module(entry["module"])
        except Exception as error:
            errors[entry["module"]] = describe(error)
            continue
        pages.append(rio.ComponentPage(
            name=entry["module"], url_segment=entry["slug"],
            build=page_builder(module.make_example, entry["slug"]),
        ))
    app = rio.App(name="Docstring examples", build=rio.PageView, pages=pages)
with open(results, "w") as file:
    json.dump(errors, file)
if app is not None:
    app.run_as_web_server(host="127.0.0.1", port=int(sys.argv[3]), quiet=True)
""".replace("MARKER_TEXT", repr(MARKER))

FILE_SUFFIX = re.compile(
    r"\.(png|jpe?g|gif|svg|webp|mp4|webm|mp3|wav|pdf|ttf|otf|woff2?)$", re.I
)
# Standard modules a snippet uses without importing them: imported for it.
FORGOTTEN_IMPORTS = {
    "asyncio": "import asyncio",
    "functools": "import functools",
    "dataclasses": "import dataclasses",
    "Path": "from pathlib import Path",
    "date": "from datetime import date",
    "datetime": "import datetime",
    "timedelta": "from datetime import timedelta",
}
MADE_UP_VALUES = {"str": "'Example'", "int": "1", "float": "1.0", "bool": "False"}
RUN_METHODS = {"run_in_window", "run_in_browser", "run_as_web_server", "as_fastapi"}


@dataclass
class Example:
    name: str
    code: str
    slug: str = ""
    kind: str = ""  # "component", "expression", "app", or "skipped"
    skip: str = ""  # why it was skipped
    notes: list[str] = field(default_factory=list)
    app_attribute: str = ""
    results: dict[str, str] = field(default_factory=dict)  # side -> outcome

    @property
    def module(self) -> str:
        return "ex_" + self.slug.replace("-", "_")


# --- preparing the examples -------------------------------------------------


def bound_names(tree: ast.AST) -> set[str]:
    """Every name the snippet binds anywhere (scopes are not told apart)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names


def undefined_names(tree: ast.AST) -> set[str]:
    known = bound_names(tree) | set(dir(builtins)) | {"rio", "self", "__file__"}
    return {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name)
        and isinstance(node.ctx, ast.Load)
        and node.id not in known
    }


def external_needs(tree: ast.AST) -> str:
    """Why the snippet cannot run here without outside things, or ""."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for module in modules:
                top = module.split(".")[0]
                if top and top != "rio" and top not in sys.stdlib_module_names:
                    return f"needs the package {top}"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if FILE_SUFFIX.search(text) and not text.startswith(("http:", "https:")):
                return f"needs the local file {text}"
        if isinstance(node, ast.Attribute) and node.attr == "assets":
            return "needs the app's assets folder"
    return ""


def is_run_call(statement: ast.stmt) -> bool:
    """`app.run_in_browser()` and the like: dropped from every snippet."""
    value = statement.value if isinstance(statement, (ast.Expr, ast.Assign)) else None
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr in RUN_METHODS
    )


def app_attribute(statements: list[ast.stmt]) -> str:
    """The name a top-level `X = rio.App(...)` binds, or ""."""
    for statement in statements:
        if (
            isinstance(statement, ast.Assign)
            and isinstance(statement.value, ast.Call)
            and ast.unparse(statement.value.func) == "rio.App"
            and isinstance(statement.targets[0], ast.Name)
        ):
            return statement.targets[0].id
    return ""


def call_root(node: ast.expr) -> ast.expr:
    """`rio.Column().add(a).add(b)` -> `rio.Column`; `grid.add(x)` -> `grid`."""
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute) and isinstance(
            node.value, (ast.Call, ast.Attribute)
        ):
            node = node.value
        elif isinstance(node, ast.Attribute) and ast.unparse(node.value) != "rio":
            return node.value
        else:
            return node


def component_classes(statements: list[ast.stmt], components: set[str]) -> list:
    """The snippet's classes that derive from a component, in order."""
    found: list[ast.ClassDef] = []
    for statement in statements:
        if not isinstance(statement, ast.ClassDef):
            continue
        for base in statement.bases:
            text = ast.unparse(base)
            name = text.removeprefix("rio.")
            if (text.startswith("rio.") and name in components) or name in {
                c.name for c in found
            }:
                found.append(statement)
                break
    return found


def made_up_arguments(cls: ast.ClassDef) -> str | None:
    """Arguments for the class's required fields, None if it cannot be done."""
    arguments = []
    for statement in cls.body:
        if (
            isinstance(statement, ast.AnnAssign)
            and statement.value is None
            and isinstance(statement.target, ast.Name)
        ):
            value = MADE_UP_VALUES.get(ast.unparse(statement.annotation))
            if value is None:
                return None
            arguments.append(f"{statement.target.id}={value}")
    return ", ".join(arguments)


def prepare(example: Example, components: set[str]) -> str:
    """Classify the example; the module source that renders it, or ""."""
    try:
        tree = ast.parse(example.code)
    except SyntaxError as error:
        example.kind, example.skip = "skipped", f"not valid Python ({error.msg})"
        return ""
    statements = [s for s in tree.body if not is_run_call(s)]
    if need := external_needs(tree):
        example.kind, example.skip = "skipped", need
        return ""
    imports = []
    for name in sorted(undefined_names(tree)):
        if name in FORGOTTEN_IMPORTS:
            imports.append(FORGOTTEN_IMPORTS[name])
            example.notes.append(f"added `{FORGOTTEN_IMPORTS[name]}`")
        else:
            example.kind = "skipped"
            example.skip = f"uses the undefined name {name}"
            return ""
    if any(
        isinstance(n, ast.Constant) and str(n.value).startswith("http")
        for n in ast.walk(tree)
    ):
        example.notes.append("loads a URL (blocked)")
    header = "import rio\n" + "".join(f"{line}\n" for line in imports)

    if attribute := app_attribute(statements):
        example.kind, example.app_attribute = "app", attribute
        return header + ast.unparse(ast.Module(statements, []))

    if statements and isinstance(statements[-1], ast.Expr):
        last = statements[-1].value
        root = call_root(last)
        if isinstance(root, ast.Name) and root.id in bound_names(tree):
            returned = root.id  # `grid.add(...)`: the grid
        elif isinstance(root, ast.Attribute) and root.attr in components:
            returned = ast.unparse(last)
        else:
            example.kind = "skipped"
            example.skip = f"builds no component ({ast.unparse(root)})"
            return ""
        top = [
            s
            for s in statements[:-1]
            if isinstance(s, (ast.Import, ast.ImportFrom, ast.ClassDef))
            or isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
        ]
        body = [s for s in statements if s not in top]
        if returned == ast.unparse(last):
            body.pop()  # returned as it is
        lines = [ast.unparse(s) for s in body] + [f"return {returned}"]
        build = "".join(
            "        " + line + "\n" for text in lines for line in text.splitlines()
        )
        example.kind = "expression"
        return (
            header
            + ast.unparse(ast.Module(top, []))
            + "\n\nclass Example(rio.Component):\n"
            + "    def build(self) -> rio.Component:\n"
            + build
            + "\n\nmake_example = Example\n"
        )

    classes = component_classes(statements, components)
    if not classes:
        example.kind, example.skip = "skipped", "defines no component"
        return ""
    cls = classes[-1]
    arguments = made_up_arguments(cls)
    if arguments is None:
        example.kind = "skipped"
        example.skip = f"{cls.name} needs arguments that cannot be made up"
        return ""
    if arguments:
        example.notes.append(f"{cls.name}({arguments})")
    example.kind = "component"
    return (
        header
        + ast.unparse(ast.Module(statements, []))
        + f"\n\n\ndef make_example():\n    return {cls.name}({arguments})\n"
    )


def slug_of(name: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    while slug in taken:
        slug += "-x"
    taken.add(slug)
    return slug


def collect(rio_python: Path, folder: Path, wanted: list[str]) -> list[Example]:
    """Dump Rio's examples, prepare them, write their modules to `folder`."""
    # Rio writes terminal codes to stdout on import: the JSON goes to a file.
    dump = WORK / "docstrings.json"
    dump.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(rio_python), "-c", DUMP, str(dump)], check=True)
    data = json.loads(dump.read_text("utf-8"))
    components = set(data["components"])
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    examples, taken, index = [], set(), []
    for raw in data["examples"]:
        if wanted and not any(w in raw["name"] for w in wanted):
            continue
        example = Example(raw["name"], raw["code"], slug_of(raw["name"], taken))
        source = prepare(example, components)
        if source:
            (folder / f"{example.module}.py").write_text(source, "utf-8")
            if example.kind != "app":
                index.append({"module": example.module, "slug": example.slug})
        examples.append(example)
    (folder / "index.json").write_text(json.dumps(index), "utf-8")
    return examples


# --- rendering --------------------------------------------------------------


class Server:
    """The examples (or one app) served by one side, in a subprocess."""

    def __init__(self, side: str, python: Path, folder: Path, app: str = "") -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.results = Path(tempfile.mktemp(suffix=".json", dir=folder))
        self.log = tempfile.TemporaryFile("w+")
        self.read_up_to = 0
        arguments = [side, str(folder), str(self.port), str(self.results)]
        # A file, not `-c`: Rio's App wants its creating module's __file__.
        script = folder / "serve.py"
        script.write_text(SERVE, "utf-8")
        self.process = subprocess.Popen(
            [str(python), "-u", str(script), *arguments, *([app] if app else [])],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=str(folder),
        )

    def start(self, timeout: float = 120) -> dict[str, str]:
        """Wait until it answers; the modules that failed to import."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if self.results.exists():
                    return json.loads(self.results.read_text())
                raise RuntimeError(f"the server exited:\n{self.new_output()}")
            if self.results.exists():
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(self.url, timeout=2).close()
                    return json.loads(self.results.read_text())
            time.sleep(0.2)
        raise RuntimeError(f"no answer in {timeout} s:\n{self.new_output()}")

    def full_output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def new_output(self) -> str:
        """What the server printed since the last call."""
        self.log.seek(self.read_up_to)
        text = self.log.read()
        self.read_up_to = self.log.tell()
        return text

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        self.results.unlink(missing_ok=True)


def tracebacks(output: str) -> list[str]:
    """The last line of each traceback in the output, less a page's leaving."""
    noise = ("Disconnect", "_rio_transport.close", "ConnectionReset")
    found = []
    for block in output.split("Traceback (most recent call last):")[1:]:
        if any(marker in block for marker in noise):
            continue
        lines = [line for line in block.splitlines() if line.strip()]
        error = re.compile(r"^[\w.]+(Error|Exception|Warning)\b")
        last = next(
            (line for line in reversed(lines) if error.match(line)),
            lines[-1] if lines else "",
        )
        found.append(last.strip())
    return found


PLACEHOLDERS = ".rio-error, .rio-error-placeholder"
READY = f"""() => document.body && (
    document.body.innerText.includes({MARKER!r})
    || document.querySelector({PLACEHOLDERS!r}) !== null)"""
# Rio's elements have the class rio-component, rio_desktop's a data-rio-id.
APP_READY = """() => document.querySelector('.rio-component, [data-rio-id]')"""


def visit(context: Any, server: Server, path: str, ready: str) -> str:
    """Open one page; "ok" or what went wrong."""
    page = context.new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    try:
        page.goto(server.url + path, wait_until="commit")
        try:
            page.wait_for_function(ready, timeout=LOAD_TIMEOUT_MS)
        except Exception:
            shown = page.locator("body").inner_text()[:200]
            return f"did not load: page says {shown!r}"
        page.wait_for_timeout(SETTLE_MS)
        placeholders = page.locator(PLACEHOLDERS).all_inner_texts()
    finally:
        page.close()
    if placeholders:
        lines = [line for line in placeholders[0].split("\n") if line.strip()]
        lines = [line for line in lines[:2] if not line.startswith("Traceback")]
        return "placeholder: " + " | ".join(lines)[:300]
    if script_errors:
        return "script error: " + script_errors[0].split("\n")[0][:300]
    return "ok"


def late_tracebacks(side: str, examples: list[Example], output: str) -> None:
    """Mark the examples that rendered but made the server print a traceback.

    The server prints `@@example SLUG` when it builds an example's page: the
    output up to the next such line is that example's.
    """
    by_slug = {example.slug: example for example in examples}
    for segment in output.split("@@example ")[1:]:
        slug, _, text = segment.partition("\n")
        example = by_slug.get(slug.strip())
        found = tracebacks(text)
        if example and found and example.results.get(side) == "ok":
            example.results[side] = "traceback: " + found[0][:300]
            print(f"  {side:7} {example.name}: {example.results[side]}")


def render_side(side: str, python: Path, folder: Path, examples: list[Example]) -> None:
    """Fill `example.results[side]` for every prepared example.

    Runs in a thread of its own (with its own Playwright and Chromium), so
    that both sides render at once. The app examples' servers are started
    a few ahead, as they take seconds to import Rio.
    """
    from playwright.sync_api import sync_playwright

    pages = [e for e in examples if e.kind in ("expression", "component")]
    apps = [e for e in examples if e.kind == "app"]
    jobs: list[tuple[Example | None, str]] = [(None, "")] if pages else []
    jobs += [(e, f"{e.module}:{e.app_attribute}") for e in apps]
    started: list[tuple[Example | None, Server]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        # Rio serves a static page to crawlers, and headless Chromium looks
        # like one: present as a desktop Chrome, as Rio's tests do.
        agent = playwright.devices["Desktop Chrome"]["user_agent"]
        context = browser.new_context(
            viewport={"width": 1000, "height": 800},
            **({"user_agent": agent} if side == "rio" else {}),
        )
        try:
            while jobs or started:
                while jobs and len(started) < SERVERS_AHEAD:
                    example, app = jobs.pop(0)
                    started.append((example, Server(side, python, folder, app)))
                example, server = started.pop(0)
                try:
                    if example is None:
                        render_pages(side, server, context, pages)
                    else:
                        render_app(side, server, context, example)
                finally:
                    server.stop()
        finally:
            for _, server in started:
                server.stop()
            context.close()
            browser.close()


def render_pages(side: str, server: Server, context: Any, pages: list[Example]) -> None:
    """The examples that are pages of the one app of examples."""
    import_errors = server.start()
    for example in pages:
        if example.module in import_errors:
            outcome = "import: " + import_errors[example.module]
        else:
            outcome = visit(context, server, example.slug, READY)
        example.results[side] = outcome
        print(f"  {side:7} {example.name}: {outcome}", flush=True)
    time.sleep(SETTLE_MS / 1000)
    late_tracebacks(side, pages, server.full_output())


def render_app(side: str, server: Server, context: Any, example: Example) -> None:
    """An example that is an app of its own."""
    try:
        import_errors = server.start()
        if import_errors:
            outcome = "import: " + import_errors[example.module]
        else:
            outcome = visit(context, server, "", APP_READY)
            time.sleep(SETTLE_MS / 1000)
            found = tracebacks(server.full_output())
            if outcome == "ok" and found:
                outcome = "traceback: " + found[0][:300]
    except RuntimeError as error:
        outcome = "server: " + str(error).splitlines()[-1][:300]
    example.results[side] = outcome
    print(f"  {side:7} {example.name}: {outcome}", flush=True)


# --- the report -------------------------------------------------------------


def cause(outcome: str) -> str:
    """A failure's cause, worded so that like failures group together."""
    text = outcome.split(": ", 1)[-1]
    patterns = [
        (r"module 'rio(?:_desktop)?' has no attribute '(\w+)'", "missing rio.{0}"),
        (r"module 'rio(?:_desktop)?\.(\w+)' has no attribute '(\w+)'",
         "missing rio.{0}.{1}"),
        (r"type object '(\w+)' has no attribute '(\w+)'", "missing {0}.{1}"),
        (r"'(\w+)' object has no attribute '(\w+)'", "missing {0}().{1}"),
        (r"(\w+)(?:\.__init__)?\(\) got an unexpected keyword argument '(\w+)'",
         "missing parameter {0}({1}=)"),
        (r"Unknown component type (\w+)", "no page renderer for {0}"),
    ]  # fmt: skip
    for pattern, wording in patterns:
        if match := re.search(pattern, text):
            return wording.format(*match.groups())
    return re.sub(r"\d+", "N", text)[:160]


def report(examples: list[Example]) -> str:
    lines = []
    skipped = [e for e in examples if e.kind == "skipped"]
    tried = [e for e in examples if e.kind != "skipped"]
    on_rio = [e for e in tried if e.results.get("rio") == "ok"]
    fail_rio = [e for e in tried if e.results.get("rio") != "ok"]
    here = [e for e in on_rio if e.results.get("desktop") == "ok"]
    failing = [e for e in on_rio if e.results.get("desktop") != "ok"]
    lines.append(
        f"{len(examples)} python examples in Rio {RIO_VERSION}'s docstrings:"
        f" {len(skipped)} skipped, {len(tried)} rendered on both sides"
    )
    lines.append(f"{len(on_rio)} render on Rio; {len(fail_rio)} fail there (excluded)")
    percent = 100 * len(here) / len(on_rio) if on_rio else 0.0
    lines.append(
        f"RENDER HERE: {len(here)} of {len(on_rio)} that render on Rio"
        f" ({percent:.0f} %)"
    )
    groups: dict[str, list[str]] = collections.defaultdict(list)
    kinds: dict[str, str] = {}
    for example in failing:
        outcome = example.results.get("desktop", "not run")
        key = cause(outcome)
        groups[key].append(example.name)
        kinds.setdefault(key, outcome.split(":")[0])
    lines.append("\nFailures here, by cause (most common first):")
    for key, names in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"  {len(names):3}  [{kinds[key]}] {key}")
        lines.append(f"         {', '.join(names)}")
    lines.append("\nFail on Rio (excluded):")
    for example in fail_rio:
        lines.append(f"  {example.name}: {example.results.get('rio')}")
        lines.append(f"      here: {example.results.get('desktop')}")
    lines.append("\nSkipped:")
    reasons: dict[str, list[str]] = collections.defaultdict(list)
    for example in skipped:
        reason = re.sub(r"(name|file|package) .*", r"\1", example.skip)
        reason = re.sub(r"^\w+ needs", "needs", reason)
        reasons[reason].append(f"{example.name} ({example.skip})")
    for reason, names in sorted(reasons.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"  {len(names):3}  {reason}: {', '.join(names)}")
    return "\n".join(lines)


RIO_VERSION = "0.12.3"


def rio_cache_key(example: Example) -> str:
    return hashlib.sha256(f"{example.kind}\n{example.code}".encode()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only examples whose name has this")
    parser.add_argument("--rio-venv", default="/tmp/rio-venv", type=Path)
    parser.add_argument("--fresh", action="store_true", help="render Rio again")
    parser.add_argument("--json", default=WORK / "results.json", type=Path)
    options = parser.parse_args()
    rio_python = options.rio_venv / "bin" / "python"
    if not rio_python.exists():
        sys.exit(
            f"{rio_python} is missing: python -m venv {options.rio_venv} &&"
            f" {rio_python} -m pip install rio-ui=={RIO_VERSION}"
        )
    folder = WORK / "examples"
    examples = collect(rio_python, folder, options.names)
    cache_file = WORK / "rio-cache.json"
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    to_render = [e for e in examples if e.kind != "skipped"]
    for example in to_render:
        cached = cache.get(rio_cache_key(example))
        if cached is not None and not options.fresh:
            example.results["rio"] = cached
    missing = [e for e in to_render if "rio" not in e.results]
    if missing:
        print(f"Rio {RIO_VERSION}: {len(missing)} examples", flush=True)
    # Both sides at once; here every example is rendered, but only those
    # that render on Rio are measured.
    rio_side = threading.Thread(
        target=render_side, args=("rio", rio_python, folder, missing)
    )
    rio_side.start()
    try:
        render_side("desktop", PROJECT_PYTHON, folder, to_render)
    finally:
        rio_side.join()
    for example in missing:
        if "rio" in example.results:
            cache[rio_cache_key(example)] = example.results["rio"]
    cache_file.write_text(json.dumps(cache, indent=1))
    options.json.write_text(
        json.dumps([asdict(e) for e in examples], indent=1), "utf-8"
    )
    print("\n" + report(examples))
    print(f"\nevery result: {options.json}; the prepared examples: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

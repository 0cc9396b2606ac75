"""What the Rio corpus's runners share: finding, importing and checking apps.

Used by `scripts/run_rio_corpus.py` (the apps on Rio 0.12.3) and by
`tests/test_rio_corpus.py` (the apps on rio_desktop). Needs only the standard
library at import time, so that Rio's venv can import it too.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

APPS_DIR = Path(__file__).resolve().parent

# How long one wait for a text may take, in milliseconds.
TIMEOUT_MS = 10_000


def app_names() -> list[str]:
    """Every app of the corpus: the folders that hold a check.json."""
    return sorted(
        path.parent.name
        for path in APPS_DIR.glob("*/check.json")
        if not path.parent.name.startswith("_")
    )


def load_check(name: str) -> dict[str, Any]:
    """The app's check.json."""
    return json.loads((APPS_DIR / name / "check.json").read_text("utf-8"))


def module_name(name: str) -> str:
    """The name the app's package is imported under."""
    return f"rio_corpus_{name}"


def import_app(name: str) -> Any:
    """Import the app's package (fresh) and return its `app`.

    The package is imported from its folder under a name of its own, so its
    relative imports (`from . import components`) and its `pages` package work
    as they do in a project that `rio new` made.
    """
    package = module_name(name)
    for loaded in [m for m in sys.modules if m.split(".")[0] == package]:
        del sys.modules[loaded]
    folder = APPS_DIR / name
    spec = importlib.util.spec_from_file_location(
        package, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None, folder
    module = importlib.util.module_from_spec(spec)
    sys.modules[package] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[package]
        raise
    return module.app


@contextlib.contextmanager
def rio_is(module: types.ModuleType) -> Iterator[None]:
    """Make `import rio` give `module` for as long as the block runs."""
    saved = sys.modules.get("rio")
    sys.modules["rio"] = module
    try:
        yield
    finally:
        if saved is None:
            del sys.modules["rio"]
        else:
            sys.modules["rio"] = saved


def _visible_text(page: Any, text: str) -> Any:
    return page.get_by_text(text, exact=True).filter(visible=True).first


def wait_for_texts(page: Any, texts: list[str], when: str) -> None:
    """Fail unless every text shows on the page."""
    for text in texts:
        try:
            _visible_text(page, text).wait_for(timeout=TIMEOUT_MS)
        except Exception as error:
            shown = page.locator("body").inner_text()[:600]
            raise AssertionError(
                f"{when}: {text!r} is not shown; the page says: {shown!r}"
            ) from error


def wait_gone(page: Any, texts: list[str], when: str) -> None:
    """Fail unless no text of `texts` shows on the page any more."""
    for text in texts:
        try:
            page.get_by_text(text, exact=True).filter(visible=True).first.wait_for(
                state="detached", timeout=TIMEOUT_MS
            )
        except Exception as error:
            raise AssertionError(f"{when}: {text!r} is still shown") from error


def perform_step(
    page: Any, base_url: str, step: dict[str, Any], settle_ms: int = 0
) -> None:
    """Do one step of an app's interaction.

    `settle_ms`: how long a new button ignores presses (Rio's ignore the
    first 350 ms after they appear); waited before each click.
    """
    if "click" in step:
        target = _visible_text(page, step["click"])
        target.wait_for(timeout=TIMEOUT_MS)
        # A button made sensitive by the step before (text typed into a
        # bound input) ignores a click until that change reaches the page.
        page.wait_for_function(
            "element => !element.closest(':disabled, [aria-disabled=true]')",
            arg=target.element_handle(),
            timeout=TIMEOUT_MS,
        )
        if settle_ms:
            page.wait_for_timeout(settle_ms)
        # A button's label may let clicks through to the button: force.
        target.click(force=True, timeout=TIMEOUT_MS)
    elif "press" in step:
        page.keyboard.press(step["press"])
    elif "goto" in step:
        page.goto(base_url.rstrip("/") + step["goto"], wait_until="commit")
    elif "resize" in step:
        width, height = step["resize"]
        page.set_viewport_size({"width": width, "height": height})
    elif "fill" in step:
        field = page.locator("input[type=text], input:not([type]), textarea")
        field = field.nth(step.get("input", 0))
        field.click(timeout=TIMEOUT_MS)
        field.fill(step["fill"])
        field.press("Enter")
    else:
        raise ValueError(f"unknown step {step!r}")


def run_check(
    page: Any, base_url: str, check: dict[str, Any], settle_ms: int = 0
) -> None:
    """Open the app at `base_url` and do what its check.json says."""
    # The texts are waited for next: no need to wait for the load event.
    page.goto(base_url.rstrip("/") + check.get("url", "/"), wait_until="commit")
    wait_for_texts(page, check["expect"], "after loading")
    for step in check["steps"]:
        perform_step(page, base_url, step, settle_ms)
    wait_for_texts(page, check["after"], f"after {check['steps']}")
    wait_gone(page, check.get("gone", []), f"after {check['steps']}")

"""Finding the pages of an app in its ``pages`` folder.

Every ``.py`` file of the folder is imported (as a submodule of the package
that holds the folder, so relative imports work) and its ``@rio.page`` class
becomes a page. The pages of ``pages/<name>/`` are the children of the page
in ``pages/<name>.py``. A file that fails to import, or has no page, becomes
a page showing what went wrong (file and line), and a warning is logged.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import sys
import traceback
import types
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from .routing import ComponentPage, _words, page_of, sort_pages

if TYPE_CHECKING:
    from .component import Component

__all__ = ["discover_pages"]

log = logging.getLogger(__name__)


def discover_pages(directory: Path, package: str | None) -> list[ComponentPage]:
    """The pages defined in `directory`, sorted (see `routing.sort_pages`).

    Args:
        directory: The pages folder. A missing folder has no pages.
        package: The module name of the folder (``"myapp.pages"``), or None
            to import the files as top-level modules.
    """
    try:
        files = sorted(directory.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    pages = [
        found
        for path in files
        if path.suffix in (".py", ".pyw") and path.is_file()
        if (found := _page_from_file(path, package)) is not None
    ]
    return sort_pages(pages)


def _page_from_file(path: Path, package: str | None) -> ComponentPage | None:
    module_name = f"{package}.{path.stem}" if package else path.stem
    try:
        module = _import(path, module_name)
    except BaseException as error:  # noqa: BLE001 (SystemExit in a page too)
        if isinstance(error, KeyboardInterrupt):
            raise
        where = _where(error, path)
        problem = f"{type(error).__name__}: {error}"
        message = f"Failed to import the page file {where}: {problem}"
        log.error("%s\n%s", message, "".join(traceback.format_exception(error)))
        warnings.warn(message, stacklevel=2)
        return _error_page(path, f"Could not import {path.name}", _details(error, path))
    found = [
        p for value in list(vars(module).values()) if (p := page_of(value)) is not None
    ]
    # Only pages defined in this file (not imported from a sibling).
    found = [p for p in found if getattr(p.build, "__module__", None) == module_name]
    if path.stem == "__init__":
        if not found:
            return None
        warnings.warn(
            f"{path}: define pages in their own files, not in __init__.py",
            stacklevel=2,
        )
    if not found:
        message = (
            f"{path} has no page: decorate its component class with @rio.page(...),"
            " or move the file out of the pages folder"
        )
        warnings.warn(message, stacklevel=2)
        return _error_page(path, f"No page in {path.name}", message)
    if len(found) > 1:
        warnings.warn(
            f"{path} defines {len(found)} pages; only the first,"
            f" {found[0].name!r}, is used: give each page its own file",
            stacklevel=2,
        )
    result = found[0]
    # Set afresh on every discovery (the module, and so the page, may be
    # reused from sys.modules): the page's own children, then the folder's.
    state = vars(result)
    own = state.setdefault("_declared_children", list(result.children))
    state["children"] = own + discover_pages(path.with_suffix(""), module_name)
    return result


def _import(path: Path, module_name: str) -> types.ModuleType:
    existing = sys.modules.get(module_name)
    if existing is not None and getattr(existing, "__file__", None) == str(path):
        return existing
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path} cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def _where(error: BaseException, path: Path) -> str:
    """ "file, line N" of the innermost frame of the app's code, if any."""
    if isinstance(error, SyntaxError) and error.filename:
        return f"{error.filename}, line {error.lineno}"
    frames = traceback.extract_tb(error.__traceback__)
    own = [f for f in frames if not _is_library(f.filename)] or frames
    if not own:
        return str(path)
    return f"{own[-1].filename}, line {own[-1].lineno}"


def _details(error: BaseException, path: Path) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    # Leave out the import machinery above the page file.
    start = next((i for i, f in enumerate(frames) if Path(f.filename) == path), 0)
    lines = traceback.format_list(frames[start:])
    lines += traceback.format_exception_only(type(error), error)
    return f"{_where(error, path)}\n\n" + "".join(lines)


def _is_library(filename: str) -> bool:
    return "importlib" in filename or filename.startswith("<frozen")


def _error_page(path: Path, summary: str, details: str) -> ComponentPage:
    words = _words(path.stem)
    return ComponentPage(
        name=" ".join(words).title(),
        url_segment="-".join(words),
        build=functools.partial(_error_placeholder, summary, details),
    )


def _error_placeholder(summary: str, details: str) -> Component:
    """The import error where tracebacks may be shown (development, a local
    page: the session's error policy), else the short notice of any error."""
    from . import _context
    from .components import ErrorPlaceholder

    session = _context.current_session.get(None)
    if session is not None and not session.runtime.shows_details():
        return ErrorPlaceholder(summary="Something went wrong", details="")
    return ErrorPlaceholder(summary=summary, details=details)

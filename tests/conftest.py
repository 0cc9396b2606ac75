from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import pytest

from rio_desktop import _context
from rio_desktop.component import Component
from rio_desktop.components import ErrorPlaceholder
from rio_desktop.refresh import ComponentTree


class TreeHarness:
    """A component tree without a server: marks go straight to the tree."""

    def __init__(self, build: Callable[[], Component]) -> None:
        self.tree = ComponentTree(
            self,
            build,
            build_context=self._context,
            error_component=lambda c, e: ErrorPlaceholder(summary=str(e)),
        )

    @contextlib.contextmanager
    def _context(self, builder: Any):
        token = _context.current_session.set(self)
        try:
            yield
        finally:
            _context.current_session.reset(token)

    def _mark_dirty(self, component: Component, name: str | None) -> None:
        self.tree.mark_dirty(component, name)

    def refresh(self):
        return self.tree.refresh()


@pytest.fixture
def make_tree() -> Callable[[Callable[[], Component]], TreeHarness]:
    return TreeHarness

"""What an App shows around the user's content: the session's root (the
content plus the dialogs above it), the connection-lost message, and the
default root (a navigation sidebar and a `PageView`) for apps without
``build``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .component import Component, FundamentalComponent

__all__ = [
    "DefaultRootComponent",
    "RootContent",
    "SessionRoot",
    "default_connection_lost_message",
]

log = logging.getLogger(__name__)


class SessionRoot(FundamentalComponent):
    """The top of every session's tree: the app's content plus open dialogs
    (which the session's `DialogStack` adds and removes)."""

    _fundamental_type = "AppRoot"
    _child_fields = ("content", "dialogs")

    content: Component | None = None
    dialogs: list[Component] | None = None


class RootContent(FundamentalComponent):
    """The app's content, and the component the page shows (above it) while
    the connection to the server is lost. It is built in advance: once the
    connection is gone, the server cannot send it any more."""

    _fundamental_type = "RootContent"
    _child_fields = ("content", "connection_lost")
    #: Shown only while the connection is lost (testing.py leaves it out).
    _offscreen_fields = ("connection_lost",)

    content: Component | None = None
    connection_lost: Component | None = None


def build_connection_lost(build: Callable[[], Component]) -> Component | None:
    """`build()`, or the default message if it raises (logged)."""
    try:
        return build()
    except Exception:
        log.exception("App(build_connection_lost_message=...) raised")
        return default_connection_lost_message()


def default_connection_lost_message() -> Component:
    """A pill at the top of the window saying the connection is lost."""
    from .components import Rectangle, Text

    # No icon: it would load the icon set with every app's first page.
    return Rectangle(
        content=Text(
            "Connection lost, reconnecting…",
            selectable=False,
            margin_x=2.5,
            margin_y=1.2,
        ),
        fill="hud",
        corner_radius=99999,
        shadow_radius=0.6,
        shadow_offset_y=0.15,
        margin_top=3,
        align_x=0.5,
        align_y=0.0,
    )


class _NavLink(Component):
    """One page in the default navigation."""

    page: Any = None
    is_current: bool = False

    def build(self) -> Component:
        from .color import Color
        from .components import Link, Rectangle, Text

        return Rectangle(
            content=Link(
                Text(self.page.name, selectable=False, margin_x=0.8, margin_y=0.5),
                target_url=f"/{self.page.url_segment}",
            ),
            fill="primary" if self.is_current else Color.TRANSPARENT,
            corner_radius=0.4,
            margin_x=0.4,
        )


class DefaultRootComponent(Component):
    """The root of an App without ``build``: with one page, just that page;
    with more, a sidebar (the app's name, description and a link to each
    page) next to a `PageView`."""

    def build(self) -> Component:
        from .components import Column, Rectangle, Row, Text
        from .routing import ComponentPage, PageView

        session = self.session
        app = session.app
        pages = [p for p in app.pages if isinstance(p, ComponentPage)]
        if len(app.pages) == 1:
            return PageView()
        active = session.active_page_instances
        current = active[0] if active else None
        links: list[Component] = [
            _NavLink(page=p, is_current=p is current) for p in pages
        ]
        sidebar = Column(
            spacing=0.5,
            margin_y=0.8,
            min_width=16,
            align_y=0,
            children=[
                Text(app.name, style="heading1", overflow="wrap", margin_x=0.8),
                Text(app.description, overflow="wrap", margin_x=0.8),
                Column(spacing=0.3, margin_y=1.5, children=links),
            ],
        )
        return Row(
            children=[
                Rectangle(content=sidebar, fill="neutral", margin=0.5, margin_left=0),
                PageView(grow_x=True),
            ]
        )

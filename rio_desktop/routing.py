"""Pages: `ComponentPage`, the `@page` decorator, `PageView` and URL matching.

An app with ``App(pages=[...])`` shows the page whose ``url_segment`` matches
the first segment of the URL path (relative to where the app is served); a
page's ``children`` match the next segment, and so on. Each `PageView` in the
tree shows one level: the outermost the top-level page, a `PageView` inside
that page the child page, and so on.

Before a page is shown its guard runs. A guard may return a URL to redirect
to; redirects are followed until no guard objects, and a loop is reported
instead of being followed forever.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from yarl import URL

from .component import Component
from .components import Button, Column, Text

if TYPE_CHECKING:
    from .session import Session

__all__ = [
    "ComponentPage",
    "GuardEvent",
    "Page",
    "PageView",
    "RedirectLoopError",
    "page",
]

log = logging.getLogger(__name__)

C = TypeVar("C", bound=type)

#: More redirects than this in one navigation are treated as a loop.
MAX_REDIRECTS = 16

_SEGMENT = re.compile(r"^[^/?#]*$")


class RedirectLoopError(RuntimeError):
    """Page guards kept redirecting to each other."""


@dataclasses.dataclass(frozen=True)
class GuardEvent:
    """What a page guard gets: the session and the pages about to be shown.

    Attributes:
        session: The session that is navigating.
        active_pages: The pages that would be shown, outermost first.
    """

    session: Session
    active_pages: tuple[ComponentPage, ...]


Guard = Callable[[GuardEvent], "URL | str | None"]


@dataclasses.dataclass(frozen=True, eq=False)
class ComponentPage:
    """A page of a multi-page app.

    Args:
        name: A human readable name, e.g. for a navigation bar.
        url_segment: The part of the URL that selects this page ("about" for
            ``/about``). The page with ``""`` is shown for the bare URL.
        build: A component class, or any function returning a component,
            that builds the page's content.
        icon: An icon name, for navigation bars.
        guard: Called before the page is shown, with a `GuardEvent`. Return
            None to allow it, or a URL (``"/login"``) to redirect there.
        meta_tags: HTML meta tags of the page (kept for Rio compatibility).
        children: Sub-pages, shown by a `PageView` inside this page's content.

    A page reads its query parameters from the session:
    ``self.session.active_page_url.query.get("id")``; it rebuilds when they
    change.

    Example:
        ```python
        app = rio.App(
            pages=[
                rio.ComponentPage(name="Home", url_segment="", build=Home),
                rio.ComponentPage(name="About", url_segment="about", build=About),
            ],
        )
        ```
    """

    name: str
    url_segment: str
    build: Callable[[], Component]
    icon: str = "material/arrow-forward"
    guard: Guard | None = None
    meta_tags: dict[str, str] = dataclasses.field(default_factory=dict)
    children: Sequence[Any] = ()

    def __post_init__(self) -> None:
        if not _SEGMENT.match(self.url_segment):
            raise ValueError(
                f"ComponentPage url_segment {self.url_segment!r} may not contain"
                " '/', '?' or '#': it is one segment of the path. Nest pages"
                " with children=[...] instead."
            )
        if not callable(self.build):
            raise TypeError(
                f"ComponentPage {self.name!r}: build must be a component class or"
                f" a function returning a component, not {type(self.build).__name__}"
            )
        object.__setattr__(
            self, "children", tuple(_as_page(child) for child in self.children)
        )

    def __repr__(self) -> str:
        return f"<ComponentPage {self.name!r} /{self.url_segment}>"


#: Rio's older name for `ComponentPage`.
Page = ComponentPage


def page(
    *,
    url_segment: str | None = None,
    name: str | None = None,
    icon: str = "material/arrow-forward",
    guard: Guard | None = None,
    meta_tags: dict[str, str] | None = None,
    children: Iterable[Any] = (),
) -> Callable[[C], C]:
    """Make a component class a page; pass the class in ``App(pages=[...])``.

    Args:
        url_segment: Defaults to the class name in kebab case, without a
            trailing "Page": ``AboutUsPage`` -> ``"about-us"``.
        name: Defaults to the class name in words: "About Us".
        icon, guard, meta_tags, children: As for `ComponentPage`.

    Example:
        ```python
        @rio.page(url_segment="about")
        class AboutPage(rio.Component):
            def build(self) -> rio.Component:
                return rio.Text("About us")

        app = rio.App(pages=[AboutPage])
        ```
    """

    def decorate(cls: C) -> C:
        words = _words(cls.__name__)
        if len(words) > 1 and words[-1].lower() == "page":
            words = words[:-1]
        cls._rio_page = ComponentPage(  # type: ignore[attr-defined]
            name=name if name is not None else " ".join(words),
            url_segment=(
                url_segment
                if url_segment is not None
                else "-".join(w.lower() for w in words)
            ),
            build=cls,
            icon=icon,
            guard=guard,
            meta_tags=dict(meta_tags or {}),
            children=tuple(children),
        )
        return cls

    return decorate


def _words(name: str) -> list[str]:
    return re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name) or [name]


def _as_page(value: Any) -> ComponentPage:
    if isinstance(value, ComponentPage):
        return value
    found = getattr(value, "_rio_page", None)
    if isinstance(found, ComponentPage):
        return found
    raise TypeError(
        f"{value!r} is not a page: pass rio.ComponentPage(...) objects or"
        " component classes decorated with @rio.page(...)"
    )


def as_pages(values: Iterable[Any]) -> tuple[ComponentPage, ...]:
    """Check and normalise ``App(pages=...)``."""
    return tuple(_as_page(value) for value in values)


# --- resolving a URL ---------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Resolution:
    """Where a navigation ended: the URL, its pages, and what went wrong."""

    url: URL
    pages: tuple[ComponentPage, ...]
    #: None if every segment matched a page; otherwise why nothing is shown.
    error: str | None = None


def is_inside(url: URL, base_url: URL) -> bool:
    """Whether `url` belongs to the app served at `base_url`."""
    if url.scheme not in ("http", "https") or url.origin() != base_url.origin():
        return False
    base_path = base_url.path if base_url.path.endswith("/") else base_url.path + "/"
    return url.path == base_path.rstrip("/") or url.path.startswith(base_path)


def segments_of(url: URL, base_url: URL) -> list[str]:
    """The URL's path below the app's base path, as non-empty segments."""
    base_path = base_url.path.rstrip("/")
    rest = url.path[len(base_path) :] if url.path.startswith(base_path) else url.path
    return [segment for segment in rest.split("/") if segment]


def match(pages: Sequence[ComponentPage], segments: Sequence[str]) -> Resolution:
    """The chain of pages for `segments` (guards not applied)."""
    chain: list[ComponentPage] = []
    level: Sequence[ComponentPage] = pages
    for segment in segments:
        found = next((p for p in level if p.url_segment == segment), None)
        if found is None:
            return Resolution(URL(), tuple(chain), "not-found")
        chain.append(found)
        level = found.children
    # The bare URL of a level shows its "" page, if it has one.
    while True:
        default = next((p for p in level if p.url_segment == ""), None)
        if default is None:
            break
        chain.append(default)
        level = default.children
    if not chain and pages:
        return Resolution(URL(), (), "not-found")
    return Resolution(URL(), tuple(chain))


def resolve(
    session: Session,
    url: URL,
    absolute: Callable[[URL | str], URL],
) -> Resolution:
    """Match `url` to pages, run their guards and follow their redirects.

    Args:
        session: Handed to the guards.
        url: An absolute URL inside the app.
        absolute: Turns a guard's redirect target into an absolute URL.
    """
    pages = session._app.pages
    base_url = session._base_url
    visited: list[URL] = []
    while True:
        visited.append(url)
        result = match(pages, segments_of(url, base_url))
        redirect = None
        for index in range(len(result.pages)):
            guard = result.pages[index].guard
            if guard is None:
                continue
            try:
                redirect = guard(GuardEvent(session, result.pages))
            except Exception:
                log.exception("The guard of page %r raised", result.pages[index].name)
                return Resolution(url, result.pages[:index], "guard-failed")
            if redirect is not None:
                break
        if redirect is None:
            return dataclasses.replace(result, url=url)
        target = absolute(redirect)
        if target in visited or len(visited) > MAX_REDIRECTS:
            chain = " -> ".join(u.path_qs for u in [*visited, target])
            log.error(
                "Page guards redirect in a loop: %s. Make at least one of these"
                " guards return None for the URL it redirects to.",
                chain,
            )
            return Resolution(url, (), f"redirect-loop: {chain}")
        url = target


# --- showing pages -----------------------------------------------------------


class PageView(Component):
    """Shows the active page; a `PageView` inside a page shows its sub-page.

    Args:
        fallback_build: Builds what to show when no page matches the URL.
            Defaults to a "page not found" message with a link home.

    Example:
        ```python
        class Root(rio.Component):
            def build(self) -> rio.Component:
                return rio.Column(NavBar(), rio.PageView(grow_y=True))
        ```
    """

    fallback_build: Callable[[], Component] | None = None

    def build(self) -> Component:
        session = self.session
        pages = session.active_page_instances  # rebuilds when the page changes
        level = self._level()
        if level < len(pages):
            return pages[level].build()
        error = session._page_error
        if level == len(pages) and error is not None:
            if error.startswith("redirect-loop"):
                return _Problem(
                    title="This page redirects in a loop",
                    detail=error.partition(": ")[2],
                )
            if self.fallback_build is not None:
                return self.fallback_build()
            if error == "guard-failed":
                return _Problem(
                    title="This page could not be opened",
                    detail="Its guard raised an error; see the server's log.",
                )
            return _Problem(
                title="Page not found",
                detail=f"There is no page at {session.active_page_url.path}",
            )
        return Column()

    def _level(self) -> int:
        """How many PageViews are above this one."""
        level = 0
        parent = getattr(self, "_parent", None)
        while parent is not None:
            if isinstance(parent, PageView):
                level += 1
            parent = getattr(parent, "_parent", None)
        return level


class _Problem(Component):
    """The built-in "page not found" (or redirect loop) page."""

    title: str = ""
    detail: str = ""

    def build(self) -> Component:
        return Column(
            Text(self.title, style="heading1"),
            Text(self.detail, overflow="wrap"),
            Button(
                "Take me home",
                style="minor",
                on_press=lambda: self.session.navigate_to("/"),
                align_x=0.5,
            ),
            spacing=1,
            align_x=0.5,
            align_y=0.35,
            margin=2,
        )

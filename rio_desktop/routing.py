"""Pages: `ComponentPage`, `Redirect`, the `@page` decorator, `PageView` and
URL matching.

An app shows the page whose ``url_segment`` matches the first part of the URL
path (relative to where the app is served); a page's ``children`` match what
follows, and so on. Each `PageView` in the tree shows one level: the
outermost the top-level page, a `PageView` inside that page the child page.

Before pages are shown their guards run (outermost first). A guard may return
a URL to redirect to; a `Redirect` always does. Redirects are followed until
no guard objects; a loop, or a guard that raises, makes the navigation fail
(`NavigationFailed`).

Where the active page changes: `Navigator._show` (it calls
``runtime.changed("active_page_url")``, which rebuilds every `PageView`).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from yarl import URL

from ._url_params import QueryParameter, UrlPattern, parameter_parsers
from .component import KW_ONLY, Component
from .components import Button, Column, Text

if TYPE_CHECKING:
    from ._url_params import Parser
    from .session import Session

__all__ = [
    "ComponentPage",
    "GuardEvent",
    "NavigationFailed",
    "Page",
    "PageView",
    "QueryParameter",
    "Redirect",
    "RedirectLoopError",
    "page",
]

log = logging.getLogger(__name__)

C = TypeVar("C", bound=Callable[..., Any])

#: More redirects than this in one navigation are treated as a loop.
MAX_REDIRECTS = 16

DEFAULT_ICON = "rio/logo:color"


class NavigationFailed(Exception):
    """Navigating to a page failed: a page guard raised, or guards redirect
    in a loop. (A URL without a page is not a failure: the `PageView` shows
    its fallback.)"""


class RedirectLoopError(NavigationFailed):
    """Page guards kept redirecting to each other."""


@dataclasses.dataclass(frozen=True)
class GuardEvent:
    """What a page guard gets: the session and the pages about to be shown.

    Attributes:
        session: The session that is navigating.
        active_pages: The pages (and redirects) that would be shown,
            outermost first.
    """

    session: Session
    active_pages: Sequence[ComponentPage | Redirect]


Guard = Callable[[GuardEvent], "URL | str | None"]


@dataclasses.dataclass(frozen=True, eq=False)
class Redirect:
    """A URL of the app that sends the user elsewhere at once.

    Put it among the pages: ``rio.Redirect(url_segment="old", target="/new")``
    makes ``/old`` show ``/new``.

    Args:
        url_segment: The part of the URL it answers, like a page's.
        target: Where to go: ``"/new"`` (relative to the app) or a full URL.
    """

    url_segment: str
    target: str | URL
    if TYPE_CHECKING:  # set in __post_init__, not a field
        _pattern: UrlPattern = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        vars(self)["_pattern"] = UrlPattern(self.url_segment)

    def __repr__(self) -> str:
        return f"<Redirect /{self.url_segment} -> {self.target}>"


@dataclasses.dataclass(frozen=True, eq=False)
class ComponentPage:
    """A page of a multi-page app.

    Args:
        name: A human readable name, e.g. for a navigation bar.
        url_segment: The part of the URL that selects this page ("about" for
            ``/about``). The page with ``""`` is shown for the bare URL. It
            may hold path parameters: ``"user/{user_id}"`` passes
            ``user_id`` (converted to its annotated type) to `build`.
        build: A component class, or any function returning a component,
            that builds the page's content. Fields (or arguments) annotated
            ``rio.QueryParameter[T]`` get their value from the URL's query.
        icon: An icon name, for navigation bars.
        children: Sub-pages, shown by a `PageView` inside this page's content.
        guard: Called before the page is shown, with a `GuardEvent`. Return
            None to allow it, or a URL (``"/login"``) to redirect there.
        meta_tags: HTML meta tags of the page.

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
    build: Callable[..., Component]
    _: dataclasses.KW_ONLY
    icon: str = DEFAULT_ICON
    children: Sequence[ComponentPage | Redirect] = ()
    guard: Guard | None = None
    meta_tags: dict[str, str] = dataclasses.field(default_factory=dict)
    if TYPE_CHECKING:  # set in __post_init__, not a field
        _pattern: UrlPattern = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        if not callable(self.build):
            raise TypeError(
                f"ComponentPage {self.name!r}: build must be a component class or"
                f" a function returning a component, not {type(self.build).__name__}"
            )
        state = vars(self)
        state["_pattern"] = UrlPattern(self.url_segment)
        state["_page_order_"] = None
        state["children"] = [_as_page(child) for child in self.children]

    @functools.cached_property
    def _parsers(self) -> dict[str, Parser]:
        try:
            return parameter_parsers(self.build, self._pattern.parameter_names)
        except TypeError as error:
            raise TypeError(f"page {self.name!r} ({self.build}): {error}") from None

    def _build_with(self, path_args: dict[str, Any], query: Any) -> Component:
        """Build the page with its path arguments and query parameters."""
        arguments = dict(path_args)
        for name, parser in self._parsers.items():
            if name in arguments or name not in query:
                continue
            try:
                arguments[name] = parser.convert(query[name])
            except ValueError:
                pass  # a bad value: the field keeps its default
        return self.build(**arguments)

    def __repr__(self) -> str:
        return f"<ComponentPage {self.name!r} /{self.url_segment}>"


#: Rio's older name for `ComponentPage`.
Page = ComponentPage


def page(
    *,
    url_segment: str | None = None,
    name: str | None = None,
    icon: str = DEFAULT_ICON,
    guard: Guard | None = None,
    meta_tags: dict[str, str] | None = None,
    order: int | None = None,
    children: Iterable[Any] = (),
) -> Callable[[C], C]:
    """Make a component class (or build function) a page.

    Pages in the ``pages`` folder next to the module that creates the `App`
    are found by ``rio.App()``; elsewhere pass the class in ``App(pages=[...])``.

    Args:
        url_segment: Defaults to the class name in kebab case:
            ``AboutUsPage`` -> ``"about-us-page"``.
        name: Defaults to the class name in words: "About Us Page".
        order: Where the page goes among its siblings (0 first); pages
            without one keep their order (the "" page first, then by name)
            in the places left.
        icon, guard, meta_tags, children: As for `ComponentPage`.

    Example:
        ```python
        @rio.page(name="About", url_segment="about")
        class AboutPage(rio.Component):
            def build(self) -> rio.Component:
                return rio.Text("About us")
        ```
    """

    def decorate(build: C) -> C:
        words = _words(build.__name__)
        result = ComponentPage(
            name=name if name is not None else " ".join(words).title(),
            url_segment=(
                url_segment if url_segment is not None else "-".join(words).lower()
            ),
            build=build,
            icon=icon,
            guard=guard,
            meta_tags=dict(meta_tags or {}),
            children=tuple(children),
        )
        vars(result)["_page_order_"] = order
        build._rio_page = result  # type: ignore[attr-defined]
        return build

    return decorate


def page_of(value: Any) -> ComponentPage | None:
    """The page `value` was decorated as, if any (not a base class's)."""
    try:
        found = vars(value).get("_rio_page")
    except TypeError:  # no __dict__
        return None
    return found if isinstance(found, ComponentPage) else None


def _words(name: str) -> list[str]:
    """ "HTTPServerPage" -> ["http", "server", "page"]; "my_page" -> ["my", "page"]"""
    found = re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+", name)
    return [word.lower() for word in found] or [name.lower()]


def _as_page(value: Any) -> ComponentPage | Redirect:
    if isinstance(value, (ComponentPage, Redirect)):
        return value
    found = page_of(value)
    if found is not None:
        return found
    raise TypeError(
        f"{value!r} is not a page: pass rio.ComponentPage(...) or rio.Redirect(...)"
        " objects, or component classes decorated with @rio.page(...)"
    )


def as_pages(values: Iterable[Any]) -> list[ComponentPage | Redirect]:
    """Check and normalise ``App(pages=...)``."""
    return [_as_page(value) for value in values]


def soft_sort(pages: list[ComponentPage], order: Callable[[Any], int | None]) -> None:
    """Put pages with an order at that index; the others fill the gaps,
    keeping their order. Pages with the same order keep theirs."""
    keyed = [(index, order(p)) for index, p in enumerate(pages)]
    places: dict[int, int] = {i: key for i, key in keyed if key is not None}
    taken = set(places.values())
    free = (n for n in itertools.count() if n not in taken)
    for index, key in keyed:
        if key is None:
            places[index] = next(free)
    ranked = sorted(range(len(pages)), key=lambda i: (places[i], i))
    pages[:] = [pages[i] for i in ranked]


def sort_pages(pages: list[ComponentPage]) -> list[ComponentPage]:
    """Discovered pages' order: the "" page first, then by name, then `order`."""
    result = sorted(pages, key=lambda p: (p.url_segment != "", p.name))
    soft_sort(result, lambda p: vars(p).get("_page_order_"))
    return result


# --- resolving a URL ---------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Resolution:
    """Where a navigation ended: the URL, its pages, and what went wrong."""

    url: URL
    pages: tuple[ComponentPage, ...]
    #: None if every segment matched a page; otherwise why nothing is shown.
    error: str | None = None
    #: Each page's path arguments.
    arguments: tuple[dict[str, Any], ...] = ()
    #: The exception `Session.navigate_to` raises, if the navigation failed.
    failure: NavigationFailed | None = None


def is_inside(url: URL, base_url: URL) -> bool:
    """Whether `url` belongs to the app served at `base_url`."""
    if url.scheme not in ("http", "https") or url.origin() != base_url.origin():
        return False
    base_path = base_url.path if base_url.path.endswith("/") else base_url.path + "/"
    return url.path == base_path.rstrip("/") or url.path.startswith(base_path)


def relative_path(url: URL, base_url: URL) -> str:
    """The URL's path below the app's base path, without leading slash."""
    base_path = base_url.path.rstrip("/")
    rest = url.path[len(base_path) :] if url.path.startswith(base_path) else url.path
    return "/".join(segment for segment in rest.split("/") if segment)


def segments_of(url: URL, base_url: URL) -> list[str]:
    """The URL's path below the app's base path, as non-empty segments."""
    return [s for s in relative_path(url, base_url).split("/") if s]


def _chain(
    pages: Sequence[ComponentPage | Redirect], path: str
) -> tuple[list[tuple[ComponentPage | Redirect, dict[str, Any]]], str]:
    """The pages (and path arguments) `path` activates, outermost first, and
    the part of `path` no page matched."""
    result: list[tuple[ComponentPage | Redirect, dict[str, Any]]] = []
    level: Sequence[ComponentPage | Redirect] = pages
    while True:
        for candidate in level:
            found = vars(candidate)["_pattern"].match(path)
            if found is None:
                continue
            raw, rest = found
            if isinstance(candidate, ComponentPage) and raw:
                try:
                    args = {
                        name: candidate._parsers[name].convert(value)
                        for name, value in raw.items()
                    }
                except ValueError:
                    continue
            else:
                args = dict(raw)
            break
        else:
            return result, path
        result.append((candidate, args))
        if not isinstance(candidate, ComponentPage):
            return result, rest
        level, path = candidate.children, rest


def match(
    pages: Sequence[ComponentPage | Redirect], segments: Sequence[str]
) -> Resolution:
    """The chain of pages for `segments` (guards not applied)."""
    chain, rest = _chain(pages, "/".join(segments))
    found = tuple(p for p, _ in chain)
    args = tuple(a for _, a in chain)
    last = found[-1] if found else None
    incomplete = isinstance(last, ComponentPage) and bool(last.children)
    error = "not-found" if rest or not found or incomplete else None
    return Resolution(URL(), found, error, args)  # type: ignore[arg-type]


def resolve(
    session: Session,
    url: URL,
    *,
    pages: Sequence[ComponentPage | Redirect],
    base_url: URL,
    absolute: Callable[[URL | str], URL],
) -> Resolution:
    """Match `url` to pages, run their guards and follow their redirects.

    Args:
        session: Handed to the guards.
        url: An absolute URL inside the app.
        pages: The app's pages.
        base_url: Where the app is served.
        absolute: Turns a ``"/..."`` redirect target into an absolute URL.
    """
    first = url
    visited: list[URL] = []
    while True:
        visited.append(url)
        result = match(pages, segments_of(url, base_url))
        event = GuardEvent(session, result.pages)
        redirect = None
        for index, candidate in enumerate(result.pages):
            if isinstance(candidate, Redirect):
                redirect = candidate.target
            elif candidate.guard is not None:
                try:
                    redirect = candidate.guard(event)
                except Exception as error:
                    message = (
                        f"Navigation to {first} failed: the guard of page"
                        f" {candidate.name!r} raised {type(error).__name__}: {error}"
                    )
                    log.exception(message)
                    failure = NavigationFailed(message)
                    return Resolution(
                        url,
                        result.pages[:index],
                        "guard-failed",
                        result.arguments[:index],
                        failure,
                    )
            if redirect is not None:
                break
        if redirect is None:
            return dataclasses.replace(result, url=url)
        target = _apply_redirect(url, redirect, absolute)
        if target in visited or len(visited) > MAX_REDIRECTS:
            chain = " -> ".join(u.path_qs for u in [*visited, target])
            log.error(
                "Page guards redirect in a loop: %s. Make at least one of these"
                " guards return None for the URL it redirects to.",
                chain,
            )
            failure = RedirectLoopError(
                f"Navigation to {first} failed: page guards redirect in a loop: {chain}"
            )
            return Resolution(url, (), f"redirect-loop: {chain}", (), failure)
        if not is_inside(target, base_url):
            return Resolution(target, (), None)
        url = target


def _apply_redirect(
    url: URL, redirect: URL | str, absolute: Callable[[URL | str], URL]
) -> URL:
    """The redirect's target; the query and fragment of `url` carry over
    unless the target sets them."""
    text = str(redirect)
    target = URL(text)
    if not target.is_absolute() and not text.startswith("/"):
        target = url.join(target)
    else:
        target = absolute(redirect)
    query = dict(url.query)
    query.update(target.query)
    return target.with_query(query).with_fragment(target.fragment or url.fragment)


def iter_page_urls(
    pages: Sequence[ComponentPage | Redirect], *, include_redirects: bool = False
) -> Iterator[str]:
    """Every URL (relative, no leading slash) that shows a page.

    A page with path parameters is listed once per combination of their
    values if each has few (bool, Literal); otherwise it is left out.
    """

    def of_level(level: Iterable[ComponentPage | Redirect]) -> Iterator[str]:
        for candidate in level:
            if isinstance(candidate, ComponentPage):
                yield from of_page(candidate)
            elif include_redirects:
                yield candidate.url_segment

    def of_page(p: ComponentPage) -> Iterator[str]:
        names = p._pattern.parameter_names
        if names:
            options = [p._parsers[name].values for name in names]
            if any(values is None for values in options):
                return
            own = [
                p._pattern.build(dict(zip(names, combination, strict=True)))
                for combination in itertools.product(*options)  # type: ignore[arg-type]
            ]
        else:
            own = [p.url_segment]
        if not p.children:
            yield from own
            return
        below = ["/" + child for child in of_level(p.children)]
        for mine in own:
            for child in below:
                yield mine + child

    return (url.rstrip("/") for url in of_level(pages))


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

    _: KW_ONLY
    fallback_build: Callable[[], Component] | None = None

    def build(self) -> Component:
        session = self.session
        pages = session.active_page_instances  # rebuilds when the page changes
        level = self._level()
        if level < len(pages):
            url = session.active_page_url
            navigator = session.navigator
            chain, _ = _chain(session.app.pages, relative_path(url, navigator.base_url))
            args = chain[level][1] if level < len(chain) else {}
            return pages[level]._build_with(args, url.query)
        error = session.navigator.page_error or ""
        if error.startswith("redirect-loop"):
            return _Problem(
                title="This page redirects in a loop",
                detail=error.partition(": ")[2],
            )
        if error == "guard-failed":
            return _Problem(
                title="This page could not be opened",
                detail="Its guard raised an error; see the server's log.",
            )
        if self.fallback_build is not None:
            return self.fallback_build()
        return _Problem(
            title="Page not found",
            detail=f"There is no page at {session.active_page_url.path}",
        )

    def _level(self) -> int:
        """How many PageViews are above this one."""
        level = 0
        parent = self._parent
        while parent is not None:
            if isinstance(parent, PageView):
                level += 1
            parent = parent._parent
        return level


class _Problem(Component):
    """The built-in "page not found" (or redirect loop) page."""

    title: str = ""
    detail: str = ""

    def build(self) -> Component:
        home = Button(
            "Take me home",
            style="minor",
            on_press=lambda: self.session.navigate_to("/"),
            align_x=0.5,
        )
        return Column(
            spacing=1,
            align_x=0.5,
            align_y=0.35,
            margin=2,
            children=[
                Text(self.title, style="heading1"),
                Text(self.detail, overflow="wrap"),
                home,
            ],
        )

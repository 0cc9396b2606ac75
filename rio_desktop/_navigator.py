"""Navigator: which page a session shows, and how it gets to another.

It owns the app's base URL and the active page (URL, page instances, and why
none is shown), resolves navigation targets through `routing.resolve` (guards
and redirects) and keeps the browser's history in step through the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from yarl import URL

from . import routing

if TYPE_CHECKING:
    from ._page_channel import PageChannel
    from .runtime import ComponentRuntime
    from .session import Session

__all__ = ["Navigator"]

#: How the browser's history follows a navigation (None: it already did).
_History = Literal["pushState", "replaceState"] | None


class Navigator:
    """The active page of one session.

    Args:
        session: Handed to the page guards.
        channel: Where history updates go (``pushState``/``replaceState``).
        runtime: Told when the active page changes (`PageView`s rebuild,
            `on_page_change` handlers run).
        pages: The app's pages (a function: hot reload replaces the app).
        base_url: Where the app is served; its query and fragment are dropped.
        url: The page's URL as the page reported it (absolute, or relative to
            `base_url`).
    """

    def __init__(
        self,
        session: Session,
        channel: PageChannel,
        runtime: ComponentRuntime,
        *,
        pages: Callable[[], Sequence[routing.ComponentPage | routing.Redirect]],
        base_url: URL,
        url: str,
    ) -> None:
        self._session = session
        self._channel = channel
        self._runtime = runtime
        self._pages = pages
        #: Where the app is served: absolute, no query, no fragment.
        self.base_url = base_url.with_query(None).with_fragment(None)
        #: The absolute URL of the page being shown.
        self.active_url = self.absolute_url(url)
        #: The pages shown, outermost first.
        self.active_pages: tuple[routing.ComponentPage, ...] = ()
        #: Why no page is shown at some level ("not-found", "guard-failed",
        #: "redirect-loop: ..."), or None.
        self.page_error: str | None = None

    def absolute_url(self, url: str) -> URL:
        """A URL from the page, relative to the base URL if not absolute."""
        target = URL(url)
        if not target.is_absolute():
            target = self.base_url.join(target)
        return target

    def target_url(self, url: URL | str) -> URL:
        """A navigation target as an absolute URL.

        "/x" is relative to the app's base URL (not the server's root, which
        differs when the app is mounted under a sub-path); "x" and "?q=1" are
        relative to the active page.
        """
        target = URL(str(url)) if not isinstance(url, URL) else url
        if target.is_absolute() or target.scheme:
            return target
        if target.path.startswith("/"):
            base = self.base_url.path.rstrip("/")
            return self.base_url.join(URL(base + str(target), encoded=True))
        return self.active_url.join(target)

    def is_inside(self, url: URL) -> bool:
        """Whether `url` is a page of this app (not another site's)."""
        return routing.is_inside(url, self.base_url)

    def resolve(self, url: URL) -> routing.Resolution:
        """The pages `url` shows, after the guards and redirects."""
        return routing.resolve(
            self._session,
            url,
            pages=self._pages(),
            base_url=self.base_url,
            absolute=self.target_url,
        )

    def show_first_page(self) -> None:
        """Resolve the URL the page was opened at (a guard may redirect)."""
        if self._pages():
            requested = self.active_url
            resolution = self.resolve(requested)
            redirected = resolution.url != requested
            self._show(resolution, "replaceState" if redirected else None)

    def go(self, target: URL, *, replace: bool) -> None:
        """Show the page at `target`, an absolute URL inside the app."""
        resolution = self.resolve(target)
        history: _History
        if resolution.url == self.active_url and not replace:
            # No new history entry, but "#part" scrolls to its target again.
            history = "replaceState" if target.fragment else None
        else:
            history = "replaceState" if replace else "pushState"
        self._show(resolution, history)

    def page_navigated(self, url: str) -> None:
        """The user went back or forward in the browser's history."""
        target = self.absolute_url(url)
        resolution = self.resolve(target)
        redirected = resolution.url != target
        self._show(resolution, "replaceState" if redirected else None)

    def _show(self, resolution: routing.Resolution, history: _History) -> None:
        """Make `resolution` the active page; update the browser's history."""
        self.active_url = resolution.url
        self.active_pages = resolution.pages
        self.page_error = resolution.error
        self._runtime.changed("active_page_url")
        if history is not None:
            self._channel.notify(history, str(resolution.url))

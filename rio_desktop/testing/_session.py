"""SessionDriver: runs one Session the way the server does, in memory.

It goes through the session's framework-side collaborators, as the server
does:

- `session.connection`: `start()`, `handle_message()`, `shutdown()`: what
  the server calls for a new page, each message from the page, and the end;
- `session.runtime`: `refresh_pending`, `events_pending`, `tasks`,
  `periodic_tasks` (whether the session has work left), `tree.components`
  (a component by its page id) and `on_user_error` (each error of user code,
  after the one error policy has logged it);
- `App._new_attachments()`: a new session's attachments, as the server
  makes them.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from yarl import URL

from .. import dialog, protocol
from ..session import Session

if TYPE_CHECKING:
    from ..app import App
    from ..component import Component
    from ..hosts.base import Host

__all__ = ["SessionDriver"]


class SessionDriver:
    """One Session under test, fed and read without a server or a socket.

    Args:
        app: The app.
        host: The session's platform (a `TestHost`).
        hello: What the page would say first.
        base_url: Where the app would be served.
        send: Receives each message the session sends to the page.
    """

    def __init__(
        self,
        app: App,
        host: Host,
        hello: protocol.Hello,
        *,
        base_url: URL,
        send: Callable[[dict[str, Any]], None],
    ) -> None:
        self.app = app
        self._close_hook_ran = False
        self._user_errors: list[BaseException] = []
        self.session = Session(
            app,
            host,
            hello,
            http_headers={"user-agent": "rio_desktop.testing"},
            client_ip="127.0.0.1",
            client_port=None,
            base_url=base_url,
            send=send,
        )
        self.session.runtime.on_user_error = self._user_errors.append

    async def start(self) -> None:
        """What the server does for a new page: attachments, the app's
        `on_session_start`, then the first build."""
        for value in self.app._new_attachments():
            self.session.attach(value)
        await _call_hook(self.app.on_session_start, self.session)
        self.session.connection.start()

    def deliver(self, message: dict[str, Any]) -> None:
        """Hand the session one message from the page, checked as the
        server checks it.

        Raises:
            protocol.ProtocolError: The message is one the server would drop.
        """
        self.session.connection.handle_message(
            protocol.decode(protocol.encode(message))
        )

    def has_refresh_pending(self) -> bool:
        """A refresh, or a session event (page change, resize), is due."""
        runtime = self.session.runtime
        return runtime.refresh_pending or runtime.events_pending

    def busy_tasks(self) -> set[asyncio.Task[Any]]:
        """The session's tasks that will finish on their own: not `periodic`
        timers, not handlers waiting for the user to answer a dialog."""
        runtime = self.session.runtime
        timers = {t for ts in runtime.periodic_tasks.values() for t in ts}
        return {
            task
            for task in runtime.tasks - timers
            if not task.done() and not _waits_for_an_open_dialog(task)
        }

    def take_errors(self) -> list[BaseException]:
        """The errors of user code since the last call."""
        errors = list(self._user_errors)
        self._user_errors.clear()
        return errors

    def component(self, component_id: int) -> Component | None:
        """The live component the page knows by `component_id`."""
        return self.session.runtime.tree.components.get(component_id)

    async def close(self) -> None:
        """What the server does when the page goes (or the app closed it):
        end the session, then the app's `on_session_close`, once."""
        if not self.session.is_closed:
            self.session.connection.shutdown()
        if not self._close_hook_ran:
            self._close_hook_ran = True
            await _call_hook(self.app.on_session_close, self.session)


async def _call_hook(hook: Callable[..., Any] | None, arg: Any) -> None:
    """Run an app hook; unlike the server, let its exception fail the test."""
    if hook is None:
        return
    result = hook(arg)
    if inspect.isawaitable(result):
        await result


def _waits_for_an_open_dialog(task: asyncio.Task[Any]) -> bool:
    """Whether `task` is stopped in `Dialog.wait_for_close` of an open dialog
    (a handler awaiting the user's answer)."""
    coroutine: Any = task.get_coro()
    while inspect.iscoroutine(getattr(coroutine, "cr_await", None)):
        coroutine = coroutine.cr_await
    frame = getattr(coroutine, "cr_frame", None)
    if frame is None or frame.f_code is not dialog.Dialog.wait_for_close.__code__:
        return False
    waiting_for = frame.f_locals.get("self")
    return isinstance(waiting_for, dialog.Dialog) and waiting_for.is_open

"""Dialogs: components shown above the app, opened from Python code.

`Session.show_custom_dialog` puts a `_DialogContainer` into the session
root's ``dialogs`` list; the page draws that list in a layer above the app
(``webui/dialogs.js``). The `Dialog` object is the handle the caller keeps: it
closes the dialog and hands its result to whoever waits for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .component import Component, FundamentalComponent
from .components import Button, Card, Column, Row, Text

if TYPE_CHECKING:
    from .session import Session

__all__ = ["Dialog"]

T = TypeVar("T")


class Dialog(Generic[T]):
    """An open (or closed) dialog, as returned by `Session.show_custom_dialog`.

    Example:
        ```python
        dialog = await self.session.show_custom_dialog(build=ask_name)
        name = await dialog.wait_for_close()  # None if the user dismissed it
        ```
    """

    def __init__(
        self,
        session: Session,
        *,
        owning_component: Component | None,
        on_close: Callable[[], Any] | None,
    ) -> None:
        self._session = session
        self._owning_component = owning_component
        self._on_close = on_close
        self._result: asyncio.Future[T | None] = (
            asyncio.get_running_loop().create_future()
        )
        self._container: _DialogContainer | None = None

    @property
    def is_open(self) -> bool:
        """True until the dialog is closed, by code or by the user."""
        return not self._result.done()

    async def close(self, result: T | None = None) -> None:
        """Close the dialog; `wait_for_close()` returns `result`.

        `on_close` does not run: it is for closes the code did not ask for.
        Closing a closed dialog does nothing.
        """
        self._finish(result, notify=False)

    async def wait_for_close(self) -> T | None:
        """Wait until the dialog is closed and return its result.

        The result is what `close()` was given, or None if the user closed
        the dialog (clicking outside it, Escape) or its owner went away.
        """
        return await asyncio.shield(self._result)

    def _finish(self, result: T | None, *, notify: bool) -> None:
        if self._result.done():
            return
        self._result.set_result(result)
        session = self._session
        session._dialogs.remove(self)
        root = session._root
        if self._container is not None and root.dialogs:
            root.dialogs = [d for d in root.dialogs if d is not self._container]
        if notify and self._on_close is not None:
            session._call_handler(self._on_close)

    def __repr__(self) -> str:
        return f"<Dialog {'open' if self.is_open else 'closed'}>"


class _DialogContainer(FundamentalComponent):
    """One dialog on the page: a full-screen layer holding the content."""

    _fundamental_type = "DialogContainer"
    _child_fields = ("content",)

    content: Component | None = None
    modal: bool = True
    user_closeable: bool = True

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "close-request":
            return super()._on_page_event(name, payload)
        dialog: Dialog[Any] | None = getattr(self, "_dialog", None)
        if self.user_closeable and dialog is not None:
            dialog._finish(None, notify=True)
        return None


class _DialogContent(Component):
    """Calls the user's build function, so the content rebuilds like any other."""

    build_content: Any = None

    def build(self) -> Component:
        content = self.build_content()
        if not isinstance(content, Component):
            raise TypeError(
                "The build function of a dialog must return a component, not"
                f" {type(content).__name__}"
            )
        return content


def show(
    session: Session,
    build: Callable[[], Component],
    *,
    modal: bool,
    user_closeable: bool,
    on_close: Callable[[], Any] | None,
    owning_component: Component | None,
) -> Dialog[Any]:
    """Open a dialog in `session` (see `Session.show_custom_dialog`)."""
    if not callable(build):
        raise TypeError(
            "show_custom_dialog(build=...) takes a function returning a component"
            f" (or a component class), not {type(build).__name__}"
        )
    if owning_component is not None and owning_component._id is None:
        raise ValueError(
            f"The owning component {owning_component!r} is not on the screen, so"
            " the dialog would close at once. Pass a component that is mounted"
            " (e.g. self in an event handler)."
        )
    dialog: Dialog[Any] = Dialog(
        session, owning_component=owning_component, on_close=on_close
    )
    with session._build_context(None):
        container = _DialogContainer(
            content=_DialogContent(build_content=build),
            modal=modal,
            user_closeable=user_closeable,
        )
    container._dialog = dialog  # type: ignore[attr-defined]
    dialog._container = container
    session._dialogs.append(dialog)
    root = session._root
    root.dialogs = [*(root.dialogs or ()), container]
    return dialog


def close_owned_by(session: Session, component: Component) -> None:
    """Close the dialogs whose owning component left the screen."""
    for dialog in list(session._dialogs):
        if dialog._owning_component is component:
            dialog._finish(None, notify=True)


def close_all(session: Session) -> None:
    """The session ended: wake everyone waiting for a dialog."""
    for dialog in list(session._dialogs):
        if not dialog._result.done():
            dialog._result.set_result(None)
    session._dialogs.clear()


# --- ready-made dialogs -------------------------------------------------------


def _rich_text(text: str) -> Component:
    from . import components

    markdown = getattr(components, "Markdown", None)
    if markdown is not None:
        return markdown(text)
    return Text(text, overflow="wrap")


def _heading(title: str | None, icon: str | None) -> Component | None:
    if title is None and icon is None:
        return None
    from . import components

    parts: list[Component] = []
    icon_class = getattr(components, "Icon", None)
    if icon is not None and icon_class is not None:
        parts.append(icon_class(icon, min_width=1.6, min_height=1.6))
    if title is not None:
        parts.append(Text(title, style="heading2", align_y=0.5))
    return Row(*parts, spacing=0.6)


def _dialog_card(*parts: Component | None) -> Component:
    return Card(
        Column(*[p for p in parts if p is not None], spacing=1.2, margin=1.5),
        min_width=20,
        align_x=0.5,
        align_y=0.5,
        margin=1,
    )


async def show_yes_no(
    session: Session,
    text: str,
    *,
    title: str | None,
    icon: str | None,
    default: bool | None,
    yes_text: str,
    no_text: str,
    yes_color: Any,
    no_color: Any,
    owning_component: Component | None,
) -> bool | None:
    """See `Session.show_yes_no_dialog`."""
    dialog: Dialog[bool] | None = None

    async def choose(value: bool) -> None:
        assert dialog is not None
        await dialog.close(value)

    def style(option: bool) -> str:
        return "minor" if default is not None and default != option else "major"

    def build() -> Component:
        return _dialog_card(
            _heading(title, icon),
            _rich_text(text),
            Row(
                Button(
                    no_text,
                    style=style(False),  # type: ignore[arg-type]
                    color=no_color,
                    on_press=lambda: choose(False),
                    grow_x=True,
                ),
                Button(
                    yes_text,
                    style=style(True),  # type: ignore[arg-type]
                    color=yes_color,
                    on_press=lambda: choose(True),
                    grow_x=True,
                ),
                spacing=1,
            ),
        )

    dialog = show(
        session,
        build,
        modal=True,
        user_closeable=True,
        on_close=None,
        owning_component=owning_component,
    )
    return await dialog.wait_for_close()


async def show_simple(
    session: Session,
    *,
    title: str | None,
    content: str | Component,
    options: Mapping[str, T] | Sequence[T],
    default_option: T | None,
    owning_component: Component | None,
) -> T | None:
    """See `Session.show_simple_dialog`."""
    if isinstance(options, Mapping):
        choices = list(options.items())
    else:
        choices = [(str(option), option) for option in options]
    if not choices:
        raise ValueError("show_simple_dialog() needs at least one option")
    dialog: Dialog[T] | None = None

    async def choose(value: T) -> None:
        assert dialog is not None
        await dialog.close(value)

    def build() -> Component:
        body = _rich_text(content) if isinstance(content, str) else content
        buttons = [
            Button(
                label,
                style="major" if value == default_option else "minor",
                on_press=lambda value=value: choose(value),
                grow_x=True,
            )
            for label, value in choices
        ]
        return _dialog_card(_heading(title, None), body, Row(*buttons, spacing=1))

    dialog = show(
        session,
        build,
        modal=True,
        user_closeable=True,
        on_close=None,
        owning_component=owning_component,
    )
    return await dialog.wait_for_close()

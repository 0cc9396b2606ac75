"""Dialogs: components shown above the app, opened from Python code.

Each session has a `DialogStack` (`session.dialog_stack`): `show` puts a
`_DialogContainer` into the session root's ``dialogs`` list; the page draws
that list in a layer above the app (``webui/dialogs.js``). The `Dialog` object
is the handle the caller keeps: it closes the dialog and hands its result to
whoever waits for it.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._app_root import SessionRoot
from .component import Component, FundamentalComponent
from .components import Button, Column, Row, Text

if TYPE_CHECKING:
    from .runtime import ComponentRuntime
    from .session import Session

__all__ = ["Dialog", "DialogStack"]

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
        stack: DialogStack,
        *,
        owning_component: Component | None,
        on_close: Callable[[], Any] | None,
    ) -> None:
        self._stack = stack
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

    @property
    def is_closed(self) -> bool:
        """True once the dialog is closed, by code or by the user."""
        return self._result.done()

    async def close(self, result_value: T | None = None) -> None:
        """Close the dialog; `wait_for_close()` returns `result_value`.

        `on_close` does not run: it is for closes the code did not ask for.
        Closing a closed dialog does nothing.
        """
        self._finish(result_value, notify=False)

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
        self._stack._remove(self, notify=notify)

    def __repr__(self) -> str:
        return f"<Dialog {'open' if self.is_open else 'closed'}>"


class _DialogContainer(FundamentalComponent):
    """One dialog on the page: a full-screen layer holding the content."""

    _fundamental_type = "DialogContainer"
    _child_fields = ("content",)

    content: Component | None = None
    modal: bool = True
    user_closeable: bool = True

    # The handle of this dialog: an attribute, not a field sent to the page.
    if TYPE_CHECKING:
        _dialog: Dialog[Any] | None = dataclasses.field(init=False)
    else:
        _dialog = None

    def _on_page_event(self, name: str, payload: Any) -> Any:
        if name != "close-request":
            return super()._on_page_event(name, payload)
        if self.user_closeable and self._dialog is not None:
            self._dialog._finish(None, notify=True)
        return None


class _DialogContent(Component):
    """Calls the user's build function, so the content rebuilds like any other.

    With style "default" the content sits on a raised neutral surface in the
    middle of the screen, as Rio's dialogs do; "custom" shows it as it is.
    """

    build_content: Any = None
    style: str = "default"

    def build(self) -> Component:
        content = self.build_content()
        if not isinstance(content, Component):
            raise TypeError(
                "The build function of a dialog must return a component, not"
                f" {type(content).__name__}"
            )
        if self.style != "default":
            return content
        from .components import Container, Rectangle, ThemeContextSwitcher

        theme = self.session.theme
        return Rectangle(
            content=Container(ThemeContextSwitcher(content, "neutral"), margin=1.5),
            fill=theme.neutral_color,
            corner_radius=theme.corner_radius_medium,
            shadow_radius=1.8,
            shadow_offset_y=1.0,
            align_x=0.5,
            align_y=0.4,
        )


class DialogStack:
    """The dialogs open in one session, in the order they were opened.

    Args:
        runtime: Builds the dialogs' content and runs their `on_close`.
    """

    def __init__(self, runtime: ComponentRuntime) -> None:
        self._runtime = runtime
        self._dialogs: list[Dialog[Any]] = []
        #: The session's root, whose ``dialogs`` the page shows; the session
        #: sets it whenever it builds a new root.
        self.root = SessionRoot()

    def __bool__(self) -> bool:
        return bool(self._dialogs)

    def containers(self) -> list[Component]:
        """The open dialogs' components, for a new root (dialogs opened before
        the first build, in on_session_start, carry over)."""
        return [d._container for d in self._dialogs if d._container is not None]

    def show(
        self,
        build: Callable[[], Component],
        *,
        modal: bool,
        user_closeable: bool,
        on_close: Callable[[], Any] | None,
        owning_component: Component | None,
        style: str = "default",
    ) -> Dialog[Any]:
        """Open a dialog (see `Session.show_custom_dialog`)."""
        if not callable(build):
            raise TypeError(
                "show_custom_dialog(build=...) takes a function returning a"
                f" component (or a component class), not {type(build).__name__}"
            )
        if owning_component is not None and owning_component._id is None:
            raise ValueError(
                f"The owning component {owning_component!r} is not on the screen,"
                " so the dialog would close at once. Pass a component that is"
                " mounted (e.g. self in an event handler)."
            )
        dialog: Dialog[Any] = Dialog(
            self, owning_component=owning_component, on_close=on_close
        )
        with self._runtime.build_context(None):
            container = _DialogContainer(
                content=_DialogContent(build_content=build, style=style),
                modal=modal,
                user_closeable=user_closeable,
            )
        container._dialog = dialog
        dialog._container = container
        self._dialogs.append(dialog)
        self.root.dialogs = [*(self.root.dialogs or ()), container]
        return dialog

    def _remove(self, dialog: Dialog[Any], *, notify: bool) -> None:
        """`dialog` closed: take it off the page; `notify`: run its on_close."""
        self._dialogs.remove(dialog)
        root = self.root
        if dialog._container is not None and root.dialogs:
            root.dialogs = [d for d in root.dialogs if d is not dialog._container]
        if notify and dialog._on_close is not None:
            self._runtime.call_handler(
                dialog._on_close,
                component=dialog._owning_component,
                kind="dialog on_close",
            )

    def close_owned_by(self, component: Component) -> None:
        """Close the dialogs whose owning component left the screen."""
        for dialog in list(self._dialogs):
            if dialog._owning_component is component:
                dialog._finish(None, notify=True)

    def close_all(self) -> None:
        """The session ended (or its app was replaced): wake everyone
        waiting for a dialog."""
        for dialog in list(self._dialogs):
            if not dialog._result.done():
                dialog._result.set_result(None)
        self._dialogs.clear()


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
        parts.append(icon_class(icon, min_width=1.9, min_height=1.9, align_y=0.5))
    if title is not None:
        parts.append(Text(title, style="heading2", overflow="wrap", grow_x=True))
    return Row(spacing=1, children=parts)


def _buttons(session: Session, buttons: Sequence[Component]) -> Component:
    """The answer buttons: a row at the right, a column in a narrow window."""
    if session.window_width < 60:
        return Column(spacing=1, children=list(buttons))
    return Row(
        spacing=1, margin_top=1, margin_left=5, align_x=1, children=list(buttons)
    )


def _stack(parts: Sequence[Component | None]) -> Component:
    """The dialog's parts, top to bottom (None: left out)."""
    return Column(spacing=1, children=[p for p in parts if p is not None])


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

    def button(label: str, color: Any, value: bool) -> Component:
        return Button(
            label,
            color=color,
            style="major" if default is value else "colored-text",
            on_press=lambda: choose(value),
        )

    def build() -> Component:
        answers = [
            button(yes_text, yes_color, True),
            button(no_text, no_color, False),
        ]
        return _stack(
            [_heading(title, icon), _rich_text(text), _buttons(session, answers)]
        )

    dialog = session.dialog_stack.show(
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
                style="major"
                if default_option is not None and value == default_option
                else "colored-text",
                on_press=lambda value=value: choose(value),
            )
            for label, value in choices
        ]
        return _stack([_heading(title, None), body, _buttons(session, buttons)])

    dialog = session.dialog_stack.show(
        build,
        modal=True,
        user_closeable=True,
        on_close=None,
        owning_component=owning_component,
    )
    return await dialog.wait_for_close()

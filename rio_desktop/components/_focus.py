"""`grab_keyboard_focus()` for the components that take keyboard input."""

from __future__ import annotations

import asyncio

__all__ = ["KeyboardFocusable"]


class KeyboardFocusable:
    """Mixin: move the keyboard focus to the component from Python."""

    async def grab_keyboard_focus(self) -> None:
        """Give this component the keyboard focus, as a click into it would.

        Raises:
            RuntimeError: if the component is not on the page (not part of
                a build that was shown).
        """
        # A component created in this handler reaches the page with the
        # refresh already scheduled for this tick: let it go out first.
        await asyncio.sleep(0)
        component_id = self._id  # type: ignore[attr-defined]
        session = self._session  # type: ignore[attr-defined]
        if component_id is None or session is None:
            raise RuntimeError(
                f"{type(self).__name__}.grab_keyboard_focus(): the component is"
                " not on the page; call it from an event handler once it is"
                " shown (or use auto_focus=True)"
            )
        await session.channel.call("focusComponent", component_id)

"""Ambient state: the session whose code is running right now."""

from __future__ import annotations

import contextvars
from typing import Any

#: The session that is building or handling an event. Components created while
#: it is set belong to it.
current_session: contextvars.ContextVar[Any] = contextvars.ContextVar(
    "rio_desktop_current_session"
)

#: The component whose build() is running; reads of session attributes made
#: while it is set make that component rebuild when the attribute changes.
current_builder: contextvars.ContextVar[Any] = contextvars.ContextVar(
    "rio_desktop_current_builder", default=None
)

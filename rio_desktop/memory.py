"""Giving the memory of closed sessions back to the operating system.

CPython's small-object allocator returns a 1 MiB arena only once nothing in
it is alive. A session fills many arenas with its components; after it
closes, a few small objects made meanwhile by caches and free lists (yarl's
URL caches, the attribute lookup cache, asyncio's, aiohttp's and multidict's
free lists) keep most of those arenas, and so the memory, in the process.
The server calls `fill_free_lists` (and starts its executor) at start-up, and
`drop_caches` then `collect_garbage` once sessions have closed (see
`MemoryRelease`). Bench B5 measures what it gains (see README.md).
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import yarl
from aiohttp import helpers as aiohttp_helpers
from aiohttp import web_app
from aiohttp.http import RawRequestMessage
from multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy, istr

try:  # private: skipped where multidict renamed it or runs without C
    from multidict._multidict import (  # type: ignore[import-not-found]
        _freelist_clear as _clear_multidict_pools,
    )
except ImportError:
    _clear_multidict_pools = None

__all__ = ["MemoryRelease", "collect_garbage", "drop_caches", "fill_free_lists"]

#: Memory is released once no session has closed for this long (seconds)...
RELEASE_QUIET = 1.0
#: ... or at the latest this long after the first close of a burst.
RELEASE_MAX_WAIT = 10.0


def drop_caches() -> None:
    """Empty the caches that keep objects of closed sessions alive.

    Each holds a few small objects made while a session was open, scattered
    over the arenas the session's components filled; they are rebuilt on
    demand, so emptying them after sessions close costs next to nothing.

    - yarl keeps the last 128 URLs it parsed or built, per kind, and every
      websocket URL differs (it carries the session's one-time token).
    - The interpreter's attribute lookup cache holds on to the attribute
      names it saw, also names made at run time (``f"{name}_palette"``).
    - aiohttp keeps the last Date header it formatted (and its second), and
      each handler wrapped in the middlewares.
    """
    yarl.cache_clear()
    yarl_url: ModuleType | None
    try:
        import yarl._url as yarl_url  # the URL caches are not public
    except ImportError:  # another yarl: its public caches are cleared above
        yarl_url = None
    for name in (
        "encode_url",
        "pre_encoded_url",
        "build_pre_encoded_url",
        "from_parts",
    ):
        clear = getattr(getattr(yarl_url, name, None), "cache_clear", None)
        if clear is not None:
            clear()
    sys._clear_type_cache()
    # Private: skipped where aiohttp moved or renamed them.
    if isinstance(getattr(aiohttp_helpers, "_cached_formatted_datetime", None), str):
        aiohttp_helpers._cached_current_datetime = None
        aiohttp_helpers._cached_formatted_datetime = ""
    clear = getattr(
        getattr(web_app, "_cached_build_middleware", None), "cache_clear", None
    )
    if clear is not None:
        clear()


#: asyncio's C Future keeps up to this many freed await-iterators for reuse.
_FUTURE_ITER_FREE_LIST = 255
#: aiohttp's compiled parser keeps up to 250 freed request messages, and its
#: websocket reader 8 freed read() coroutines (a few more do no harm).
_AIOHTTP_MESSAGE_FREE_LIST = 250
_AIOHTTP_READ_FREE_LIST = 16
#: multidict keeps up to 32 freed dicts, proxies, views and iterators, and
#: freed hash tables by size: (log2 of the slots, how many).
_MULTIDICT_POOL = 32
_MULTIDICT_TABLE_POOLS = ((3, 32), (4, 32), (5, 32), (6, 16))


def fill_free_lists(loop: asyncio.AbstractEventLoop) -> None:
    """Fill the free lists of asyncio, aiohttp and multidict at start-up.

    Each keeps freed objects for reuse, up to a fixed count. Left empty, they
    fill up while the first sessions are open (a session awaits a few futures
    at once; every request makes a message and multidicts), with objects
    allocated amid those sessions' components; once the sessions have closed,
    each such object keeps a whole 1 MiB arena of the process alive. Filled
    now, while the heap is compact, the sessions reuse these objects instead.
    Costs well under a millisecond.
    """
    future = loop.create_future()
    iterators = [future.__await__() for _ in range(_FUTURE_ITER_FREE_LIST)]
    del iterators
    future.cancel()
    # Placeholder fields: only the message objects are wanted. (RawRequestMessage
    # is aiohttp's C parser's class here, not the NamedTuple type checkers see.)
    messages = [
        RawRequestMessage("GET", "/", None, None, None, False, None, False, False, None)  # type: ignore[arg-type]
        for _ in range(_AIOHTTP_MESSAGE_FREE_LIST)
    ]
    del messages
    try:  # private: skipped where aiohttp moved or renamed it
        from aiohttp._websocket.reader import WebSocketDataQueue

        queue = WebSocketDataQueue(None, 2**16, loop=loop)  # type: ignore[arg-type]
        for read in [queue.read() for _ in range(_AIOHTTP_READ_FREE_LIST)]:
            read.close()
    except (ImportError, TypeError):
        pass
    held: list[Any] = []
    for _ in range(_MULTIDICT_POOL):
        for kind, proxy in (
            (MultiDict, MultiDictProxy),
            (CIMultiDict, CIMultiDictProxy),
        ):
            multi = kind(a="")
            held += (multi, proxy(multi), multi.keys(), multi.items())
            held += (multi.values(), iter(multi))
    # Hash tables pool by size and by key kind: istr keys in a CIMultiDict
    # (parsed headers), str keys in one (headers given as plain str). Grown
    # by add(), as the parser does, to each pooled size.
    for log2_size, count in _MULTIDICT_TABLE_POOLS:
        names = [f"k{i}" for i in range((1 << log2_size) * 2 // 3)]
        for keys in (names, [istr(name) for name in names]):
            for _ in range(count):
                multi = CIMultiDict()
                for key in keys:
                    multi.add(key, "")
                held.append(multi)
    del held


def collect_garbage() -> None:
    """Free the cycles of closed sessions, then return free heap to the OS.

    A full collection also empties the interpreter's free lists (tuples,
    dicts, floats...), which the sessions' last objects went into. Nothing
    may be allocated after it, or it lands in (and keeps) a freed arena.
    """
    gc.collect()
    # multidict's pools (see `fill_free_lists`) now hold the dicts, views and
    # hash tables the sessions freed last, amid their objects: each would
    # keep an arena. They refill on demand.
    if _clear_multidict_pools is not None:
        _clear_multidict_pools()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


class MemoryRelease:
    """Once sessions have closed, gives their memory back to the OS.

    A session's tree is full of reference cycles (component <-> parent),
    which only the cycle collector frees, and freed heap stays in the
    process unless it is trimmed. Python's small-object allocator returns a
    1 MiB arena only once nothing in it is alive, so one leftover of a
    session (a cache entry, a free-list block) keeps its arena.

    Debounced: one pass once no session has closed for `RELEASE_QUIET` (at
    most `RELEASE_MAX_WAIT` after the first close of a burst), so that the
    pass comes after the connections have been torn down. `shrink` is
    called first: it lets go of tables that grew while the sessions were open.
    """

    def __init__(self, shrink: Callable[[], None]) -> None:
        self._shrink = shrink
        self._handle: asyncio.TimerHandle | None = None
        self._last_close = 0.0
        self._due = 0.0

    def session_closed(self) -> None:
        """Schedule a release (or push the scheduled one back)."""
        loop = asyncio.get_running_loop()
        self._last_close = loop.time()
        if self._handle is None:
            self._due = self._last_close + RELEASE_MAX_WAIT
            self._handle = loop.call_later(RELEASE_QUIET, self._release)

    def _release(self) -> None:
        loop = asyncio.get_running_loop()
        at = min(self._last_close + RELEASE_QUIET, self._due)
        if loop.time() < at:
            self._handle = loop.call_at(at, self._release)
            return
        self._handle = None
        # Floats made amid the sessions: not needed until the next close.
        self._last_close = self._due = 0.0
        self._shrink()
        drop_caches()
        # Collect on the loop's next pass, not in this timer callback. asyncio
        # drops cancelled timers from the front of its queue at the start of
        # a pass, so the ones queued behind this timer (aiohttp's keep-alive
        # timers of the closed connections, due in an hour) go first, with
        # the contexts they copied while the sessions were open; collecting
        # after that empties the free list those contexts went to.
        loop.call_soon(collect_garbage)


def _find_malloc_trim() -> Any:
    """glibc's malloc_trim, or None elsewhere (looked up once, at import)."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _find_malloc_trim()

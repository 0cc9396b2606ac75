"""Single instance for window mode: one running copy of an app per user.

The first start of an app takes an OS lock and opens a hand-over channel; a
second start by the same user finds the lock taken, sends its command line and
working directory over the channel, and exits: the first raises its window and
calls `App(on_second_instance=...)` with a `SecondInstanceEvent`.

- The lock: ``instance-<app>.lock`` in the app's data folder (per user and per
  app; ``RIO_DESKTOP_DATA_DIR`` moves it with the settings). `fcntl.flock` on
  POSIX, `msvcrt.locking` on Windows: the kernel releases both when the
  process dies, so a first instance killed with SIGKILL never blocks the next
  start. The lock file itself is never removed (removing it would let two
  processes lock two different files).
- Where the channel is: ``instance-<app>.json`` next to the lock, written by
  the lock's holder ({"pid", "channel", "address"...}).
- The channel, POSIX: an AF_UNIX socket in a folder only the user can enter
  (``$XDG_RUNTIME_DIR/rio-desktop``, else ``<user cache dir>/run``, else
  ``<tmp>/rio-desktop-<uid>``: created 0700, refused when it is a symlink or
  another user's, tightened when group or others may enter). On Linux both
  ends also check the other's uid (SO_PEERCRED). The second start sends one
  JSON line ``{"argv": [...], "cwd": "..."}``; the first answers one line
  ``{"ok": true, "pid": N}``, or ``{"ok": false, "closing": true}`` while its
  window is closing (the second then waits for the lock and starts itself).
  It is served on the app's asyncio loop.
- The channel, Windows (not tested here): a named pipe with a random name
  through `multiprocessing.connection` (AF_PIPE), with a random 32-byte
  authkey that is only in the info file, in the user's own profile; the
  same JSON messages. Served by a thread that hands each message to the loop.

Everything a second start needs is imported here, and nothing heavy: it runs
before the window's and the server's modules are loaded.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
import socket
import stat
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = [
    "FirstInstance",
    "HandOverError",
    "SecondInstanceEvent",
    "claim",
    "claim_or_exit",
]

log = logging.getLogger(__name__)

#: Seconds a second start waits for the first to answer (or to finish
#: closing). Generous: a first instance that is itself still starting answers
#: once its loop runs, which takes seconds on a loaded machine.
HAND_OVER_TIMEOUT = 10.0
#: Seconds the first waits for a connected second start's message.
READ_TIMEOUT = 5.0
#: The longest message accepted (a long list of file paths fits).
MAX_MESSAGE = 1024 * 1024
#: AF_UNIX paths are limited to 104 (macOS) or 108 (Linux) bytes.
MAX_SOCKET_PATH = 100
_IS_WINDOWS = sys.platform == "win32"


@dataclasses.dataclass(frozen=True)
class SecondInstanceEvent:
    """What an `App(on_second_instance=...)` handler receives when the app is
    started again while its window is open.

    Attributes:
        argv: The second start's command line, as its `sys.argv` was
            (``argv[0]`` is the script or the executable).
        cwd: The second start's working directory, absolute: relative paths
            in `argv` are relative to it (``event.cwd / event.argv[1]``).
    """

    argv: list[str]
    cwd: Path


class HandOverError(RuntimeError):
    """The app is running, but its first instance did not take the hand-over
    (hung, or busy for longer than `HAND_OVER_TIMEOUT`)."""


class _NotListening(Exception):
    """Nobody (yet, or any more) answers at the channel's address."""


# --- names and places ---------------------------------------------------------


def _slug(app_name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", app_name).strip("-.")[:24]
    return slug or "app"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "replace")).hexdigest()


def file_key(app_name: str) -> str:
    """The app's part of the lock's and the info file's names."""
    return f"{_slug(app_name)}-{_digest(app_name)[:8]}"


def socket_name(app_name: str, data_dir: Path) -> str:
    """The socket's file name: per app and per data folder, so that tests
    with their own ``RIO_DESKTOP_DATA_DIR`` never share one."""
    where = str(data_dir.resolve())
    return f"{_slug(app_name)}-{_digest(app_name, where)[:12]}.sock"


def private_dir_problem(path: Path) -> str | None:
    """Make `path` a folder only this user can enter; what is wrong, or None.

    Created 0700 if missing (its parents with the usual mode). Refused when
    it is not a folder (a symlink included) or is another user's; tightened
    to 0700 when group or others have any access.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
        if not stat.S_ISDIR(info.st_mode):
            return f"{path} is not a folder"
        if info.st_uid != os.getuid():
            return f"{path} belongs to another user (uid {info.st_uid})"
        if info.st_mode & 0o077:
            os.chmod(path, 0o700)
            if os.lstat(path).st_mode & 0o077:
                return f"{path} cannot be made private"
    except OSError as error:
        return f"{path}: {error.strerror or error}"
    return None


def _socket_dir_candidates() -> list[Path]:
    candidates = []
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        candidates.append(Path(runtime) / "rio-desktop")
    try:
        import platformdirs

        candidates.append(
            Path(platformdirs.user_cache_dir("rio-desktop", appauthor=False)) / "run"
        )
    except Exception as error:  # no home folder, say
        log.debug("No user cache folder for the hand-over socket: %r", error)
    import tempfile

    candidates.append(Path(tempfile.gettempdir()) / f"rio-desktop-{os.getuid()}")
    return candidates


def socket_path(app_name: str, data_dir: Path) -> Path:
    """Where the first instance listens: in the first candidate folder that
    is private and short enough for an AF_UNIX address.

    Raises:
        OSError: No candidate folder will do (each one's problem named).
    """
    name = socket_name(app_name, data_dir)
    problems = []
    for folder in _socket_dir_candidates():
        path = folder / name
        if len(os.fsencode(path)) > MAX_SOCKET_PATH:
            problems.append(f"{folder} is too long a path for a socket")
            continue
        problem = private_dir_problem(folder)
        if problem is None:
            return path
        problems.append(problem)
    raise OSError("no private folder for the hand-over socket: " + "; ".join(problems))


# --- the lock -----------------------------------------------------------------


class _Lock:
    """An OS lock on a file: held until released or the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOINHERIT", 0)
        self.fd: int | None = os.open(path, flags, 0o600)
        self.held = False

    def try_acquire(self) -> bool:
        """Take the lock if it is free; False if another process holds it."""
        assert self.fd is not None
        if _IS_WINDOWS:
            import msvcrt

            os.lseek(self.fd, 0, os.SEEK_SET)
            try:
                msvcrt.locking(self.fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            except OSError:
                return False
        else:
            import fcntl

            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
        self.held = True
        return True

    def child_closer(self) -> _FdCloser:
        """Closes this descriptor in a forked child, keeping the lock (a
        flock belongs to the open file, shared with the parent)."""
        assert self.fd is not None
        return _FdCloser(self.fd)

    def release(self) -> None:
        if self.fd is None:
            return
        fd, self.fd = self.fd, None
        try:
            if self.held and _IS_WINDOWS:
                import msvcrt

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            pass
        finally:
            self.held = False
            os.close(fd)  # releases a flock


class _FdCloser:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def close(self) -> None:
        try:
            os.close(self.fd)
        except OSError:
            pass


# --- the first instance's side --------------------------------------------------


#: What the first instance does with a hand-over: True if taken, False while
#: its window is closing. Called on the loop.
Receiver = Callable[[SecondInstanceEvent], bool]


def _event_from(message: Any) -> SecondInstanceEvent:
    if not isinstance(message, dict):
        raise ValueError("not a JSON object")
    argv, cwd = message.get("argv"), message.get("cwd")
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        raise ValueError("argv is not a list of strings")
    if not isinstance(cwd, str) or not os.path.isabs(cwd):
        raise ValueError("cwd is not an absolute path")
    return SecondInstanceEvent(argv=list(argv), cwd=Path(cwd))


def _reply_for(accepted: bool) -> dict[str, Any]:
    if accepted:
        return {"ok": True, "pid": os.getpid()}
    return {"ok": False, "closing": True, "pid": os.getpid()}


def _peer_uid(sock: Any) -> int | None:
    """The uid of the process at the other end of an AF_UNIX socket (Linux);
    None where the OS does not tell."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    import struct

    size = struct.calcsize("3i")
    _pid, uid, _gid = struct.unpack(
        "3i", sock.getsockopt(socket.SOL_SOCKET, option, size)
    )
    return uid


class _SocketChannel:
    """POSIX: an AF_UNIX socket, bound at once, served on the loop later."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.unlink()  # a socket left by a killed first instance
        except FileNotFoundError:
            pass
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(str(path))
            os.chmod(path, 0o600)
            sock.listen(16)
        except BaseException:
            sock.close()
            raise
        self.sock = sock
        self._server: Any = None
        self._receive: Receiver | None = None

    def info(self) -> dict[str, Any]:
        return {"channel": "unix", "address": str(self.path)}

    def child_closers(self) -> tuple[Any, ...]:
        return (self.sock,)

    async def serve(self, receive: Receiver) -> None:
        import asyncio

        self._receive = receive
        self._server = await asyncio.start_unix_server(
            self._connected, sock=self.sock, limit=MAX_MESSAGE
        )

    async def _connected(self, reader: Any, writer: Any) -> None:
        import asyncio

        try:
            uid = _peer_uid(writer.get_extra_info("socket"))
            if uid is not None and uid != os.getuid():
                log.warning("Refused a hand-over from another user (uid %s).", uid)
                return
            line = await asyncio.wait_for(reader.readline(), READ_TIMEOUT)
            event = _event_from(json.loads(line))
            assert self._receive is not None
            reply = _reply_for(self._receive(event))
            writer.write(json.dumps(reply).encode() + b"\n")
            await writer.drain()
        except (ValueError, OSError, asyncio.TimeoutError) as error:
            log.warning("Ignoring a broken hand-over from a second start: %r", error)
        finally:
            writer.close()

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def close(self) -> None:
        self.sock.close()
        try:
            # Only the lock's holder binds this path, and it still holds it.
            self.path.unlink()
        except OSError:
            pass


class _ConnectionChannel:
    """Windows: `multiprocessing.connection` over a named pipe with an
    authkey (the family is a parameter so that tests run it over AF_UNIX)."""

    def __init__(self, address: str, family: str) -> None:
        import secrets
        from multiprocessing.connection import Listener

        self.family = family
        self.authkey = secrets.token_bytes(32)
        self.listener = Listener(address, family=family, authkey=self.authkey)
        self.address = self.listener.address
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def info(self) -> dict[str, Any]:
        return {
            "channel": "connection",
            "family": self.family,
            "address": self.address,
            "authkey": self.authkey.hex(),
        }

    def child_closers(self) -> tuple[Any, ...]:
        return ()  # the window's process is spawned: it inherits no handle

    async def serve(self, receive: Receiver) -> None:
        import asyncio

        loop = asyncio.get_running_loop()

        async def on_loop(event: SecondInstanceEvent) -> bool:
            return receive(event)

        def accept_forever() -> None:
            from multiprocessing import AuthenticationError

            # Until `stop` connects to wake it: whatever it is doing when
            # stopped, it comes back to accept() and takes that connection.
            while True:
                try:
                    connection = self.listener.accept()
                except AuthenticationError:
                    log.warning("Refused a hand-over without the right key.")
                    continue
                except EOFError:  # gone during the key exchange
                    continue
                except OSError as error:
                    if not self._stopped.is_set():
                        log.warning("Hand-overs stopped: %r", error)
                    return
                with connection:
                    if self._stopped.is_set():
                        return
                    try:
                        if not connection.poll(READ_TIMEOUT):
                            raise TimeoutError("no message")
                        data = connection.recv_bytes(MAX_MESSAGE)
                        event = _event_from(json.loads(data))
                        accepted = asyncio.run_coroutine_threadsafe(
                            on_loop(event), loop
                        ).result(HAND_OVER_TIMEOUT)
                        connection.send_bytes(json.dumps(_reply_for(accepted)).encode())
                    except Exception as error:
                        log.warning(
                            "Ignoring a broken hand-over from a second start: %r",
                            error,
                        )

        self._thread = threading.Thread(
            target=accept_forever, name="rio-desktop hand-over", daemon=True
        )
        self._thread.start()

    async def stop(self) -> None:
        if self._stopped.is_set():
            return
        self._stopped.set()
        if self._thread is not None and self._thread.is_alive():
            # Wake the thread blocked in accept() with a connection of our own.
            import asyncio

            await asyncio.to_thread(self._wake)

    def _wake(self) -> None:
        from multiprocessing.connection import Client

        def connect() -> None:
            try:
                Client(self.address, family=self.family, authkey=self.authkey).close()
            except Exception:
                pass

        # Its key exchange has no timeout: never wait for it for long.
        threading.Thread(target=connect, daemon=True).start()
        if self._thread is not None:
            self._thread.join(2)

    def close(self) -> None:
        self._stopped.set()
        try:
            self.listener.close()
        except OSError:
            pass


class FirstInstance:
    """The lock, held, and the hand-over channel of the running instance."""

    def __init__(self, lock: _Lock, info_path: Path, channel: Any) -> None:
        self._lock = lock
        self._info_path = info_path
        self._channel = channel

    @property
    def info(self) -> dict[str, Any]:
        return {"pid": os.getpid(), **self._channel.info()}

    def child_closers(self) -> tuple[Any, ...]:
        """What a forked window process closes: the lock's descriptor and
        the listening socket (the lock stays with this process)."""
        return (self._lock.child_closer(), *self._channel.child_closers())

    async def serve(self, receive: Receiver) -> None:
        """Take hand-overs on the running loop; `receive` runs on it."""
        await self._channel.serve(receive)

    async def stop_serving(self) -> None:
        await self._channel.stop()

    def close(self) -> None:
        """Stop listening and release the lock (the next start is first)."""
        self._channel.close()
        try:
            self._info_path.unlink()
        except OSError:
            pass
        self._lock.release()


def _open_channel(app_name: str, data_dir: Path) -> Any:
    if _IS_WINDOWS:
        import secrets

        name = f"rio-desktop-{file_key(app_name)}-{secrets.token_hex(8)}"
        return _ConnectionChannel(rf"\\.\pipe\{name}", "AF_PIPE")
    return _SocketChannel(socket_path(app_name, data_dir))


# --- the second instance's side --------------------------------------------------


def _read_info(path: Path) -> dict[str, Any] | None:
    try:
        info = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def _send_unix(address: str, data: bytes, deadline: float) -> dict[str, Any]:
    try:
        info = os.lstat(address)
    except FileNotFoundError:
        raise _NotListening("no socket") from None
    if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.getuid():
        raise HandOverError(f"{address} is not this user's hand-over socket")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            sock.connect(address)
        except (FileNotFoundError, ConnectionRefusedError) as error:
            raise _NotListening(repr(error)) from None
        uid = _peer_uid(sock)
        if uid is not None and uid != os.getuid():
            raise HandOverError(f"{address} is served by another user (uid {uid})")
        reply = b""
        try:
            sock.sendall(data)
            while not reply.endswith(b"\n"):
                sock.settimeout(max(0.01, deadline - time.monotonic()))
                chunk = sock.recv(4096)  # TimeoutError when the first is hung
                if not chunk:
                    break
                reply += chunk
                if len(reply) > 65536:
                    break
        except (BrokenPipeError, ConnectionResetError) as error:
            raise _NotListening(repr(error)) from None
    try:
        return json.loads(reply)
    except ValueError:
        raise _NotListening(f"no answer but {reply[:100]!r}") from None


def _send_connection(info: dict[str, Any], data: bytes, deadline: float) -> Any:
    from multiprocessing import AuthenticationError
    from multiprocessing.connection import Client

    result: dict[str, Any] = {}

    def exchange() -> None:
        try:
            connection = Client(
                info["address"],
                family=info.get("family"),
                authkey=bytes.fromhex(info["authkey"]),
            )
            with connection:
                connection.send_bytes(data)
                if not connection.poll(max(0.01, deadline - time.monotonic())):
                    raise TimeoutError("no answer")
                result["reply"] = json.loads(connection.recv_bytes(65536))
        except BaseException as error:
            result["error"] = error

    # The pipe client and the key exchange wait without a timeout of their
    # own: bound them by running them in a thread.
    thread = threading.Thread(
        target=exchange, name="rio-desktop hand-over", daemon=True
    )
    thread.start()
    thread.join(max(0.01, deadline - time.monotonic()))
    if thread.is_alive():
        raise TimeoutError("no answer")
    error = result.get("error")
    if isinstance(error, (FileNotFoundError, ConnectionRefusedError, EOFError)):
        raise _NotListening(repr(error))
    if isinstance(error, AuthenticationError):
        raise HandOverError("the running instance's key did not match")
    if isinstance(error, (KeyError, ValueError, TypeError)):
        raise _NotListening(f"unusable channel info: {error!r}")
    if error is not None:
        raise error
    return result.get("reply")


def _hand_over(info: dict[str, Any], data: bytes, deadline: float) -> Any:
    if info.get("channel") == "unix" and isinstance(info.get("address"), str):
        return _send_unix(info["address"], data, deadline)
    if info.get("channel") == "connection":
        return _send_connection(info, data, deadline)
    raise _NotListening("no channel named")


def _allow_first_to_take_the_foreground() -> None:
    """Windows gives the foreground only to the process the user started
    last: let the first instance's window take it from us."""
    if not _IS_WINDOWS:
        return
    try:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]
    except Exception:
        pass


def claim(
    app_name: str,
    data_dir: Path,
    *,
    argv: list[str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
) -> FirstInstance | None:
    """Become the app's first instance, or hand over to the running one.

    Args:
        app_name: The app's name (`App.name`).
        data_dir: The app's data folder: the lock is kept there.
        argv, cwd: What to hand over (default: `sys.argv`, the working
            directory).
        timeout: Seconds to wait for the running instance's answer (or for
            it to finish closing); default `HAND_OVER_TIMEOUT`.

    Returns:
        The `FirstInstance` (the lock held, the channel bound) when no other
        instance runs; None when the running instance took the hand-over.

    Raises:
        HandOverError: Another instance holds the lock and did not take the
            hand-over within `timeout`.
        OSError: The lock or the channel cannot be set up here.
    """
    if timeout is None:
        timeout = HAND_OVER_TIMEOUT
    deadline = time.monotonic() + timeout
    key = file_key(app_name)
    lock = _Lock(data_dir / f"instance-{key}.lock")
    info_path = data_dir / f"instance-{key}.json"
    message = {
        "argv": list(sys.argv if argv is None else argv),
        "cwd": os.path.abspath(os.getcwd() if cwd is None else cwd),
    }
    data = json.dumps(message).encode() + b"\n"
    pid: Any = None
    try:
        while True:
            if lock.try_acquire():
                channel = _open_channel(app_name, data_dir)
                first = FirstInstance(lock, info_path, channel)
                try:
                    from .user_settings import write_json_atomically

                    write_json_atomically(info_path, first.info)
                except BaseException:
                    channel.close()
                    raise
                return first
            info = _read_info(info_path)
            if info is not None:
                pid = info.get("pid")
                _allow_first_to_take_the_foreground()
                try:
                    reply = _hand_over(info, data, deadline)
                except TimeoutError:
                    break
                except (_NotListening, OSError) as error:
                    log.debug("No hand-over yet: %r", error)
                else:
                    if isinstance(reply, dict) and reply.get("ok") is True:
                        lock.release()
                        return None
            if time.monotonic() >= deadline:
                break
            time.sleep(0.02)
    except BaseException:
        lock.release()
        raise
    lock.release()
    process = f" (process {pid})" if isinstance(pid, int) else ""
    raise HandOverError(
        f"{app_name} is already running{process} but did not answer within"
        f" {timeout:g} s, so no second window is opened (two would overwrite"
        " each other's settings). If its window is stuck, end that process and"
        " start the app again."
    )


def claim_or_exit(app_name: str, data_dir: Path) -> FirstInstance | None:
    """`claim` for `run_in_window`: the `FirstInstance`, or None when single
    instance cannot work here (a warning says why; the app runs anyway).

    Raises:
        SystemExit: 0 once the running instance took the hand-over; with a
            message (status 1) when it did not answer.
    """
    try:
        first = claim(app_name, data_dir)
    except HandOverError as error:
        raise SystemExit(f"rio-desktop: {error}") from None
    except OSError as error:
        log.warning("Running without single instance: %s", error)
        return None
    if first is None:
        if sys.stdout is not None:
            print(
                f"{app_name} is already running: its window was brought to the front.",
                flush=True,
            )
        raise SystemExit(0)
    return first

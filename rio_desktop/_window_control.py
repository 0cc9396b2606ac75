"""The window process's side of window control: size, position and state
changed as the app process asks (`WindowHandle.set_window_size`, ...)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class _Control:
    """Changes the window's size, position and state (pixels), as the app
    process asks. Each call returns once the toolkit has applied it.

    pywebview's `Window` methods where it has one; the Qt widget
    (`window.native`, a QMainWindow) for the minimum size, centring and
    focus; GTK gets a small fallback (untested), other backends what
    pywebview offers.
    """

    #: Seconds to wait for the GUI thread to run a call.
    TIMEOUT = 10.0

    def __init__(self, window: Any, *, fullscreen: bool = False) -> None:
        self.window = window
        #: pywebview only toggles full screen: the state is kept here.
        self.fullscreen = fullscreen
        self.lock = threading.Lock()
        self._qt_runner: Any = None

    # --- the calls -------------------------------------------------------------

    def set_window_size(self, width: Any, height: Any) -> None:
        width, height = _pixels(width, 1), _pixels(height, 1)
        self.window.resize(width, height)
        self._settle()

    def set_window_min_size(self, width: Any, height: Any) -> None:
        width, height = _pixels(width, 0), _pixels(height, 0)
        qt = self._qt_widget()
        if qt is not None:
            self._on_gui(lambda: qt.setMinimumSize(width, height))
        elif self._backend() == "gtk":
            native = self.window.native
            self._on_gui(lambda: native.set_size_request(width, height))
        else:
            raise NotImplementedError(
                f"set_window_min_size is not supported by the {self._backend()}"
                " window backend"
            )

    def set_window_position(self, x: Any, y: Any) -> None:
        self.window.move(_pixels(x, None), _pixels(y, None))
        self._settle()

    def center_window(self) -> None:
        qt = self._qt_widget()
        if qt is not None:

            def centre() -> None:
                from qtpy.QtWidgets import QApplication

                # pywebview's widget has a `screen` attribute (a QRect) that
                # hides QWidget.screen().
                handle = qt.windowHandle()
                where = handle.screen() if handle is not None else None
                where = where or QApplication.primaryScreen()
                if where is None:  # no screen at all: nowhere to centre on
                    return
                screen = where.availableGeometry()
                frame = qt.frameGeometry()
                qt.move(  # the frame's position
                    screen.x() + max(0, (screen.width() - frame.width()) // 2),
                    screen.y() + max(0, (screen.height() - frame.height()) // 2),
                )

            self._on_gui(centre)
            return
        import webview

        screen = webview.screens[0]
        width, height = self.window.width, self.window.height
        self.window.move(
            screen.x + max(0, (screen.width - width) // 2),
            screen.y + max(0, (screen.height - height) // 2),
        )

    def maximize_window(self) -> None:
        self.window.maximize()
        self._settle()

    def minimize_window(self) -> None:
        self.window.minimize()
        self._settle()

    def restore_window(self) -> None:
        self.set_fullscreen(False)
        self.window.restore()
        self._settle()

    def set_fullscreen(self, on: Any) -> None:
        if not isinstance(on, bool):
            raise ValueError("set_fullscreen wants true or false")
        with self.lock:
            if on != self.fullscreen:
                self.window.toggle_fullscreen()
                self.fullscreen = on
        self._settle()

    def set_always_on_top(self, on: Any) -> None:
        if not isinstance(on, bool):
            raise ValueError("set_always_on_top wants true or false")
        qt = self._qt_widget()
        if qt is not None and qt.windowHandle() is not None:
            # On the native window: pywebview changes the widget's flags,
            # which makes Qt replace the native window (a new X window).
            from qtpy.QtCore import Qt

            handle = qt.windowHandle()
            self._on_gui(lambda: handle.setFlag(Qt.WindowType.WindowStaysOnTopHint, on))
            return
        self.window.on_top = on

    def focus_window(self) -> None:
        qt = self._qt_widget()
        if qt is not None:
            from qtpy.QtCore import Qt

            def focus() -> None:
                state = qt.windowState()
                if state & Qt.WindowState.WindowMinimized:
                    qt.setWindowState(state & ~Qt.WindowState.WindowMinimized)
                qt.show()
                qt.raise_()
                qt.activateWindow()

            self._on_gui(focus)
        elif self._backend() == "gtk":
            native = self.window.native
            self._on_gui(native.present)
        else:
            self.window.show()
            self.window.restore()

    # --- the toolkit ---------------------------------------------------------------

    def _backend(self) -> str:
        module = type(getattr(self.window, "native", None)).__module__
        if module.startswith("webview.platforms."):
            return module.rsplit(".", 1)[1]
        if module.startswith("gi."):
            return "gtk"
        return module

    def _qt_widget(self) -> Any:
        native = getattr(self.window, "native", None)
        if native is not None and hasattr(native, "setMinimumSize"):
            return native
        return None

    def _settle(self) -> None:
        """Wait until the GUI thread has run what pywebview queued for it."""
        if self._qt_widget() is not None:
            self._on_gui(lambda: None)

    def _on_gui(self, function: Callable[[], Any]) -> Any:
        """Run `function` on the GUI thread; return its result."""
        done = threading.Event()
        outcome: list[Any] = [None, None]

        def job() -> bool:
            try:
                outcome[0] = function()
            except BaseException as error:  # raised in the calling thread
                outcome[1] = error
            finally:
                done.set()
            return False  # GLib: do not run again

        if self._qt_widget() is not None:
            self._qt_run(job)
        elif self._backend() == "gtk":
            from gi.repository import GLib

            GLib.idle_add(job)
        else:
            job()
        if not done.wait(self.TIMEOUT):
            raise TimeoutError("the window did not answer")
        if outcome[1] is not None:
            raise outcome[1]
        return outcome[0]

    def _qt_run(self, job: Callable[[], Any]) -> None:
        with self.lock:
            if self._qt_runner is None:
                self._qt_runner = _make_qt_runner()
        self._qt_runner.run.emit(job)


def _make_qt_runner() -> Any:
    """A QObject on the GUI thread that runs the jobs emitted to it (a
    queued signal: Qt widgets may be used from their own thread only)."""
    from qtpy.QtCore import QCoreApplication, QObject, Signal, Slot

    class Runner(QObject):
        run = Signal(object)

        def __init__(self) -> None:
            super().__init__()
            self.run.connect(self._run)

        @Slot(object)
        def _run(self, job: Any) -> None:
            job()

    runner = Runner()
    application = QCoreApplication.instance()
    if application is not None:
        runner.moveToThread(application.thread())
    return runner


def _pixels(value: Any, minimum: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"not a number of pixels: {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{value} pixels is less than {minimum}")
    return value

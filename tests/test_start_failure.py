"""First-run diagnostics: why the window could not open, said in one line
(the first of last-run.log, a message box), naming what to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rio_desktop import _start_report, _window_failure
from rio_desktop._window_failure import (
    DEBIAN_PACKAGES,
    display_problem,
    missing_library_problem,
)

ROOT = Path(__file__).resolve().parent.parent


# --- what is missing, from what the loader or Qt printed -------------------------


def test_a_missing_library_in_an_import_error_names_its_debian_package() -> None:
    error = (
        "libxkbcommon-x11.so.0: cannot open shared object file: No such file"
        " or directory"
    )
    assert missing_library_problem(error, "Qt WebEngine") == (
        "Qt WebEngine needs libxkbcommon-x11.so.0, which is not installed:"
        " install libxkbcommon-x11-0 with your package manager"
        " (apt install libxkbcommon-x11-0)."
    )


def test_qts_own_words_about_xcb_cursor_name_libxcb_cursor0() -> None:
    # What Qt 6.5+ prints before it aborts when the xcb plugin cannot load.
    printed = (
        "qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to"
        " load the Qt xcb platform plugin.\n"
        'qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even'
        " though it was found.\n"
        "This application failed to start because no Qt platform plugin could"
        " be initialized."
    )
    problem = missing_library_problem(printed, 'The Qt platform plugin "xcb"')
    assert problem is not None
    assert problem.startswith(
        'The Qt platform plugin "xcb" needs libxcb-cursor.so.0, which is not installed'
    )
    assert problem.endswith("(apt install libxcb-cursor0).")


def test_a_dlopen_error_with_a_path_and_an_unknown_library() -> None:
    error = (
        "/opt/app/_internal/PyQt6/Qt6/plugins/platforms/libqxcb.so:"
        " libfoo-bar.so.3: cannot open shared object file: No such file or"
        " directory"
    )
    assert missing_library_problem(error, "Qt") == (
        "Qt needs libfoo-bar.so.3, which is not installed: install the"
        " package that has it with your package manager (Debian/Ubuntu:"
        " apt-file search libfoo-bar.so.3)."
    )
    assert missing_library_problem("Segmentation fault", "Qt") is None


def test_every_qt_library_ci_installs_is_known() -> None:
    """The libraries .ci/apt-packages.txt installs for Qt WebEngine are the
    ones a user may lack: each has its package named."""
    lines = (ROOT / ".ci" / "apt-packages.txt").read_text().splitlines()
    qt_part = lines[lines.index("# What Qt WebEngine needs on a bare machine.") + 1 :]
    wanted = {line for line in qt_part if line.startswith("lib")}
    assert wanted and wanted <= set(DEBIAN_PACKAGES.values())


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("gcc") is None,
    reason="builds two small shared libraries with gcc (Linux)",
)
def test_a_plugin_that_cannot_load_is_found_out_by_loading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in for Qt's xcb plugin that needs a library which is gone:
    loading it the way the diagnosis does names that library."""
    (tmp_path / "dep.c").write_text("int rio_dep(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text(
        "int rio_dep(void);\nint rio_plugin(void) { return rio_dep(); }\n"
    )
    gcc = ["gcc", "-shared", "-fPIC"]
    subprocess.run(
        [*gcc, "-Wl,-soname,libxcb-rio-test.so.7", "-o", "libdep.so", "dep.c"],
        cwd=tmp_path,
        check=True,
    )
    subprocess.run(
        [*gcc, "-o", "libqxcb.so", "plugin.c", "-L.", "-ldep"],
        cwd=tmp_path,
        check=True,
    )
    (tmp_path / "libdep.so").unlink()
    monkeypatch.setattr(
        _window_failure, "_xcb_plugins", lambda binding: [tmp_path / "libqxcb.so"]
    )
    problem = _window_failure._xcb_plugin_problem("PyQt6")
    assert problem is not None
    assert problem.startswith(
        'The Qt platform plugin "xcb" needs libxcb-rio-test.so.7, which is not'
        " installed"
    )


# --- the display ---------------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11")
def test_a_display_without_an_x_server_is_named(monkeypatch) -> None:
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":987")
    assert display_problem() == (
        "There is no X server at DISPLAY=:987: start the app in a desktop"
        " session (or check that DISPLAY names a running X server)."
    )
    monkeypatch.delenv("DISPLAY")
    assert display_problem() is None  # no display at all: said before trying


# --- the report: the log's first line, the message box ------------------------------


def test_the_reason_becomes_the_logs_first_line_before_this_starts_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "last-run.log"
    marker = _start_report.START_MARKER.format(pid=os.getpid())
    log.write_text(
        "--- started, process 1\nan earlier start's message\n"
        f"{marker}\nqt.qpa.xcb: could not connect to display\n"
    )
    shown = []
    monkeypatch.setattr(
        _start_report, "show_message_box", lambda *args: shown.append(args)
    )
    monkeypatch.delenv("RIO_DESKTOP_SMOKE", raising=False)
    line = "Counter: cannot open a window. There is no X server at DISPLAY=:9."
    _start_report.report_start_failure("Counter", line, "details\n", log=log)
    assert log.read_text().splitlines() == [
        line,
        marker,
        "qt.qpa.xcb: could not connect to display",
        "details",
    ]
    old = (tmp_path / "last-run.log.old").read_text()
    assert old == "--- started, process 1\nan earlier start's message\n"
    assert shown == [("Counter", f"{line}\n\nMore in {log}")]


def test_a_smoke_run_shows_no_message_box(tmp_path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(
        _start_report, "show_message_box", lambda *args: shown.append(args)
    )
    monkeypatch.setenv("RIO_DESKTOP_SMOKE", "1")
    log = tmp_path / "log" / "last-run.log"
    _start_report.report_start_failure("Counter", "Counter: no.", log=log)
    assert log.read_text() == "Counter: no.\n"
    assert shown == []


def test_the_macos_box_passes_the_texts_as_arguments(monkeypatch) -> None:
    """Code path only (macOS cannot run here): the texts never go into the
    AppleScript source, so quotes in them need no escaping."""
    ran = []

    def fake_run(command, **kwargs):
        ran.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(_start_report.subprocess, "run", fake_run)
    text = 'Install "libnss3"'
    assert _start_report._macos_box("Counter", text)
    [command] = ran
    assert command[0] == "osascript" and command[-2:] == ["Counter", text]
    assert all(text not in part for part in command[:-2])


def test_no_box_on_linux_without_a_display(monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert _start_report.show_message_box("Counter", "text") is False

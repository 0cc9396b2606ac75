"""The window runtime's pieces that need no window: filters, settings, checks."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

import rio_desktop as rio
from rio_desktop.desktop import window_unavailable_reason
from rio_desktop.hosts.window import file_dialog_filter, os_languages
from rio_desktop.user_settings import SettingsStore


def test_file_types_become_one_dialog_filter_pywebview_accepts() -> None:
    from webview.util import parse_file_type

    (entry,) = file_dialog_filter(["pdf", ".PNG", "*.txt", "application/json"])
    assert entry == "Files (*.pdf;*.png;*.txt;*.json)"
    assert parse_file_type(entry) == ("Files", "*.pdf;*.png;*.txt;*.json")
    (images,) = file_dialog_filter(["image/*"])
    assert "*.png" in images and "*.jpg" in images
    assert file_dialog_filter(None) == ()
    with pytest.raises(ValueError, match="neither a file extension"):
        file_dialog_filter(["my file"])


def test_os_languages_come_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("LANGUAGE", "de_AT:en_GB")
    assert os_languages() == ["de-AT", "en-GB"]
    monkeypatch.delenv("LANGUAGE")
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert os_languages() == ["fr-FR"]


def test_no_display_is_one_sentence_saying_so(monkeypatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    reason = window_unavailable_reason()
    assert reason is not None and "no display" in reason and "\n" not in reason
    monkeypatch.setenv("DISPLAY", ":1234")
    assert window_unavailable_reason() is None
    assert window_unavailable_reason("qt") is None
    assert "Unknown window backend 'tk'" in window_unavailable_reason("tk")


def test_a_missing_backend_names_what_to_install(monkeypatch) -> None:
    import rio_desktop.desktop as desktop

    monkeypatch.setenv("DISPLAY", ":1234")
    monkeypatch.setattr(desktop, "has_module", lambda name: name == "webview")
    assert window_unavailable_reason("qt") == (
        "The Qt window backend is not installed: pip install 'rio-desktop[qt]'"
    )
    assert "pip install 'rio-desktop[gtk]'" in window_unavailable_reason("gtk")


def test_run_in_window_without_display_exits_with_one_line(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(
        "import rio_desktop as rio\n"
        "app = rio.App(build=lambda: rio.Text('hi'), name='X')\n"
        "app.run_in_window()\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Cannot open a window: There is no display (neither DISPLAY nor"
        " WAYLAND_DISPLAY is set): run it in a desktop session, or serve it as"
        " a website."
    ]


def test_importing_rio_desktop_loads_no_gui_toolkit() -> None:
    code = (
        "import sys, rio_desktop, rio_desktop.desktop;"
        "print([m for m in sys.modules if m.split('.')[0] in"
        " ('webview', 'PyQt6', 'qtpy', 'gi')])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


class Prefs(rio.UserSettings):
    volume: float = 0.5
    recent: list = []


class Named(rio.UserSettings):
    section_name = "general"
    theme: str = "light"


async def test_settings_are_written_soon_and_atomically(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    prefs = Prefs()
    store.attach(prefs, load=True)
    prefs.volume = 0.9
    prefs.recent = ["a.txt"]
    # Written soon after the changes (not at once): wait for the file.
    deadline = asyncio.get_running_loop().time() + 10
    while not path.exists():
        assert asyncio.get_running_loop().time() < deadline, "settings not written"
        await asyncio.sleep(0.02)
    assert json.loads(path.read_text()) == {
        "Prefs": {"volume": 0.9, "recent": ["a.txt"]}
    }
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp

    # A new run loads them into the default instance...
    again = Prefs()
    SettingsStore(path).attach(again, load=True)
    assert (again.volume, again.recent) == (0.9, ["a.txt"])
    # ...unless the instance was attached later (its values win).
    later_store = SettingsStore(path)
    later_store.attach(Prefs(volume=0.1), load=False)
    later_store.flush()
    assert json.loads(path.read_text())["Prefs"]["volume"] == 0.1


def test_section_names_and_defaults_are_per_instance(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s.json")
    named = Named()
    store.attach(named, load=True)
    named.theme = "dark"
    store.flush()
    assert json.loads((tmp_path / "s.json").read_text())["general"] == {"theme": "dark"}
    first, second = Prefs(), Prefs()
    first.recent.append("x")
    assert second.recent == []


def test_settings_must_be_json_values() -> None:
    with pytest.raises(TypeError, match="stored as JSON"):
        Prefs(volume=object())
    with pytest.raises(TypeError, match="has no setting 'colour'"):
        Prefs(colour="red")


def test_a_corrupt_file_is_set_aside_with_a_warning(tmp_path: Path, caplog) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"Prefs": ')
    prefs = Prefs()
    SettingsStore(path).attach(prefs, load=True)
    assert prefs.volume == 0.5
    assert (tmp_path / "settings.json.bak").read_text() == '{"Prefs": '
    assert "corrupt" in caplog.text

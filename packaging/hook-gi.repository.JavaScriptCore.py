"""PyInstaller hook for JavaScriptCore's GObject bindings, which WebKit2's
(see hook-gi.repository.WebKit2.py) depend on: the typelib of the version
that goes with the WebKit2 found."""

from __future__ import annotations

from PyInstaller.utils.hooks.gi import GiModuleInfo

binaries: list[tuple[str, str]] = []
datas: list[tuple[str, str]] = []
hiddenimports: list[str] = []

for version in ("4.1", "4.0"):
    module_info = GiModuleInfo("JavaScriptCore", version)
    if module_info.available:
        binaries, datas, hiddenimports = module_info.collect_typelib_data()
        break

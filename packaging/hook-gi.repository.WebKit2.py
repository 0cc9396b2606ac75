"""PyInstaller hook for WebKitGTK's GObject bindings (`--backend gtk`).

PyInstaller has no hook for WebKit2: without one, the built app cannot
import `gi.repository.WebKit2` (its typelib is missing). pywebview asks for
WebKit2 4.1 (with Soup 3) and falls back to 4.0 (with Soup 2.4); the hook
collects whichever the building machine has, in the same order.
"""

from __future__ import annotations

from PyInstaller.utils.hooks.gi import GiModuleInfo

binaries: list[tuple[str, str]] = []
datas: list[tuple[str, str]] = []
hiddenimports: list[str] = []

for webkit, soup in (("4.1", "3.0"), ("4.0", "2.4")):
    module_info = GiModuleInfo("WebKit2", webkit)
    if not module_info.available:
        continue
    for info in (module_info, GiModuleInfo("Soup", soup)):
        if info.available:
            found = info.collect_typelib_data()
            binaries += found[0]
            datas += found[1]
            hiddenimports += found[2]
    break

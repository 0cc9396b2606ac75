"""PyInstaller hook for rio_desktop: the page's files and the lazily imported modules.

`rio-desktop build` passes this folder as `hookspath`. The page (webui/) goes
where `rio_desktop.server.webui_dir()` looks in a frozen app:
``rio_desktop/webui`` next to the bundled modules.
"""

from __future__ import annotations

from pathlib import Path

from PyInstaller.utils.hooks import collect_submodules

import rio_desktop
from rio_desktop.server import webui_dir

#: Modules only the developer's tools use; a shipped app never imports them.
_DEVELOPMENT_ONLY = (
    "rio_desktop.cli",
    "rio_desktop.reload",
    "rio_desktop.testing",
    "rio_desktop._build",
    "rio_desktop.packaging",
    "rio_desktop.templates",
    "rio_desktop.webui",
    "rio_desktop.__main__",
)

datas = [
    (str(webui_dir()), "rio_desktop/webui"),
    # The built-in icon sets (zips of SVG markup) and their licences.
    (str(Path(rio_desktop.__file__).parent / "icons"), "rio_desktop/icons"),
]

hiddenimports = collect_submodules(
    "rio_desktop", filter=lambda name: not name.startswith(_DEVELOPMENT_ONLY)
)

excludedimports = list(_DEVELOPMENT_ONLY)

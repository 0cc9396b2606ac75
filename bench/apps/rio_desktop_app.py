"""The benchmark app for rio-desktop: Rio's app (rio_app.py), run unchanged
with the name `rio` bound to rio_desktop, as the project promises.

Usage: python rio_desktop_app.py PORT
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import rio_desktop

sys.modules["rio"] = rio_desktop
runpy.run_path(str(Path(__file__).with_name("rio_app.py")), run_name="__main__")

"""Rio 0.12.3 itself, for the tests that compare with it.

Rio is never a dependency of rio_desktop: it is installed, once per machine,
into a throwaway virtual environment outside the repository
(``$RIO_REFERENCE_VENV``, else ``~/.cache/rio-desktop/rio-ui-0.12.3``).
Its code is generated at test time and never committed.
"""

from __future__ import annotations

import os
import re
import subprocess
import venv
from pathlib import Path

RIO_VERSION = "0.12.3"


def rio_venv() -> Path:
    """The folder of a venv with rio-ui installed (made on first use)."""
    default = Path.home() / ".cache" / "rio-desktop" / f"rio-ui-{RIO_VERSION}"
    folder = Path(os.environ.get("RIO_REFERENCE_VENV", default))
    marker = folder / "rio-installed"
    if not marker.exists():
        venv.create(folder, with_pip=True, clear=True)
        subprocess.run(
            [str(folder / "bin" / "python"), "-m", "pip", "install", "-q"]
            + [f"rio-ui=={RIO_VERSION}"],
            check=True,
            timeout=600,
        )
        marker.write_text(RIO_VERSION)
    return folder


def make_starter(template: str, name: str, where: Path) -> Path:
    """The package of `rio new NAME --type website --template TEMPLATE`,
    written by Rio into `where`, with its `import rio` lines changed to
    `import rio_desktop as rio` and nothing else."""
    subprocess.run(
        [str(rio_venv() / "bin" / "rio"), "new", name, "--type", "website"]
        + ["--template", template],
        cwd=where,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        check=True,
        timeout=120,
    )
    package = where / name / name
    for source in package.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        changed = re.sub(r"(?m)^(\s*)import rio$", r"\1import rio_desktop as rio", text)
        source.write_text(changed, encoding="utf-8")
    return package

"""``rio-desktop build``: package an app as an executable with PyInstaller.

The command fills two templates from the packaging folder (a launcher script
and a spec file), runs PyInstaller on them with the folder's hook for
rio_desktop, shows PyInstaller's progress as one line, and ends with one line
saying where the result is and how big it is.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ._cli_common import CliError, load_app
from .app import App

__all__ = ["BuildOptions", "build", "packaging_dir"]

#: Modules a packaged app never needs: test and build tools, other GUI kits.
EXCLUDES = [
    "tkinter",
    "PyInstaller",
    "pytest",
    "_pytest",
    "playwright",
    "setuptools",
    "pip",
    "IPython",
    "matplotlib",
    "numpy",
]

#: PyInstaller log line (its start) -> what the progress line says.
PHASES: list[tuple[str, str]] = [
    ("Initializing module dependency graph", "analysing imports"),
    ("Analyzing", "analysing imports"),
    ("Processing module hooks", "running hooks"),
    ("Processing pre-safe-import-module hook", "running hooks"),
    ("Performing binary vs. data reclassification", "collecting libraries"),
    ("Looking for dynamic libraries", "collecting libraries"),
    ("Building PYZ", "bundling Python code"),
    ("Building PKG", "building the executable"),
    ("Building EXE", "building the executable"),
    ("Building COLLECT", "collecting files"),
]
_PHASE_NAMES = list(dict.fromkeys(name for _, name in PHASES))


@dataclass
class BuildOptions:
    """What `rio-desktop build` was asked to do."""

    file: Path
    name: str | None = None
    icon: Path | None = None
    onefile: bool = False
    windowed: bool = True
    dist: Path = Path("dist")
    work: Path = Path("build")
    clean: bool = False
    verbose: bool = False


def packaging_dir() -> Path:
    """The hooks and templates: inside the package once installed."""
    installed = Path(__file__).parent / "packaging"
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent / "packaging"


def build(options: BuildOptions, *, out: TextIO | None = None) -> Path:
    """Build the executable; returns its path (the folder's executable)."""
    out = out or sys.stdout
    if importlib.util.find_spec("PyInstaller") is None:
        raise CliError("PyInstaller is not installed: pip install 'rio-desktop[build]'")
    file = options.file.resolve()
    app = load_app(options.file)
    attribute = _attribute_of(app, file)
    name = options.name or _file_name(app.name)
    work = (options.work / name).resolve()
    dist = options.dist.resolve()
    work.mkdir(parents=True, exist_ok=True)

    datas: list[tuple[str, str]] = []
    app_dir = file.parent
    if app.assets_dir.is_dir():
        datas.append((str(app.assets_dir), _bundled_assets_path(app, app_dir)))
    icon_source = options.icon or app.icon
    bundled_icon = None
    exe_icon = None
    if icon_source is not None:
        icon_source = Path(icon_source)
        if not icon_source.is_file():
            raise CliError(f"{icon_source}: no such icon file; give a .png or .ico.")
        bundled_icon = "rio_desktop_icon" + icon_source.suffix.lower()
        (work / bundled_icon).write_bytes(icon_source.read_bytes())
        datas.append((str(work / bundled_icon), "."))
        exe_icon = _executable_icon(icon_source, work)

    templates = packaging_dir()
    launcher = work / f"{name}.py"
    launcher.write_text(
        _fill(
            (templates / "launcher.py.in").read_text("utf-8"),
            title=app.name,
            module=file.stem,
            attribute=attribute,
            icon=bundled_icon,
        ),
        "utf-8",
    )
    spec = work / f"{name}.spec"
    spec.write_text(
        _fill(
            (templates / "app.spec.in").read_text("utf-8"),
            name=name,
            launcher=str(launcher),
            # The folder holding rio_desktop: PyInstaller cannot follow an
            # editable install's import hook, a plain path it can.
            paths=[str(app_dir), str(Path(__file__).resolve().parent.parent)],
            hooks_dir=str(templates),
            hiddenimports=[file.stem, "rio_desktop"],
            datas=datas,
            excludes=EXCLUDES,
            onefile=options.onefile,
            console=not options.windowed,
            icon=str(exe_icon) if exe_icon else None,
        ),
        "utf-8",
    )

    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(spec),
        "--noconfirm",
        "--log-level",
        "INFO",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
    ]
    if options.clean:
        command.append("--clean")
    started = time.monotonic()
    log_file = work / "pyinstaller.log"
    _run_with_progress(command, log_file, out, verbose=options.verbose)
    seconds = time.monotonic() - started

    if options.onefile:
        result = dist / _exe(name)
        size = result.stat().st_size
        where = str(result)
    else:
        folder = dist / name
        result = folder / _exe(name)
        size = _folder_size(folder)
        where = f"{result} (folder {folder}/)"
    print(
        f"Built {app.name}: {where}, {_megabytes(size)}, in {seconds:.0f} s",
        file=out,
        flush=True,
    )
    return result


# --- the pieces ----------------------------------------------------------------


def _attribute_of(app: App, file: Path) -> str:
    """The module-level name the App is bound to, for the launcher."""
    module = sys.modules.get(f"_rio_desktop_app_{file.stem}")
    for key, value in vars(module or object()).items():
        if value is app:
            return key
    raise CliError(f"{file}: the App must be bound to a module-level name.")


def _file_name(app_name: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", app_name).strip("-.")
    return name or "app"


def _bundled_assets_path(app: App, app_dir: Path) -> str:
    """Where the assets go in the bundle: the same place relative to the code."""
    try:
        return str(app.assets_dir.resolve().relative_to(app_dir))
    except ValueError:
        raise CliError(
            f"{app.assets_dir}: the assets folder must be inside the app's"
            f" folder {app_dir} to be packaged; move it there."
        ) from None


def _executable_icon(icon: Path, work: Path) -> Path | None:
    """The icon PyInstaller puts on the executable (Windows and macOS only).

    Linux executables carry no icon; the window gets the bundled one. A PNG is
    converted with Pillow if installed (PyInstaller does it), else with Qt,
    which the window runtime already brings.
    """
    wanted = {"win32": ".ico", "darwin": ".icns"}.get(sys.platform)
    if wanted is None:
        return None
    if icon.suffix.lower() == wanted:
        return icon.resolve()
    if importlib.util.find_spec("PIL") is not None:
        return icon.resolve()
    target = work / f"icon{wanted}"
    try:
        from qtpy.QtGui import QImage

        if QImage(str(icon)).save(str(target)):
            return target
    except Exception:
        pass
    raise CliError(
        f"{icon}: cannot convert it to {wanted}; pip install pillow, or give"
        f" an {wanted} file with --icon."
    )


def _fill(template: str, **values: object) -> str:
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", repr(value))
    leftover = re.search(r"\{\{(\w+)\}\}", template)
    if leftover:
        raise RuntimeError(f"template value {leftover.group(1)!r} is missing")
    return template


def _run_with_progress(
    command: list[str], log_file: Path, out: TextIO, *, verbose: bool
) -> None:
    """Run PyInstaller, showing its phase as one line; its log goes to a file."""
    interactive = out.isatty() and not verbose
    started = time.monotonic()
    shown = ""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    tail: list[str] = []
    with open(log_file, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            env=env,
        )
        assert process.stdout is not None
        for line in process.stdout:
            log.write(line)
            tail = (tail + [line.rstrip()])[-40:]
            if verbose:
                out.write(line)
                continue
            phase = _phase_of(line)
            if phase is None or (
                shown and _PHASE_NAMES.index(phase) <= _PHASE_NAMES.index(shown)
            ):
                continue  # PyInstaller analyses in rounds: never go back
            shown = phase
            step = _PHASE_NAMES.index(phase) + 1
            text = (
                f"[{step}/{len(_PHASE_NAMES)}] {phase}"
                f" ({time.monotonic() - started:.0f} s)"
            )
            if interactive:
                out.write("\r" + text.ljust(60))
            else:
                out.write(text + "\n")
            out.flush()
        status = process.wait()
    if interactive:
        out.write("\r" + " " * 60 + "\r")
    if status != 0:
        out.write("\n".join(tail) + "\n")
        raise CliError(
            f"PyInstaller failed (exit {status}); its last lines are above,"
            f" the whole log is in {log_file}."
        )


def _phase_of(line: str) -> str | None:
    message = line.split(": ", 1)[-1]
    for start, phase in PHASES:
        if message.startswith(start):
            return phase
    return None


def _exe(name: str) -> str:
    return name + ".exe" if sys.platform == "win32" else name


def _folder_size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for file in files:
            path = os.path.join(root, file)
            if not os.path.islink(path):
                total += os.path.getsize(path)
    return total


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB"

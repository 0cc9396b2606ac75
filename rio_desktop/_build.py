"""``rio-desktop build``: package an app as an executable with PyInstaller.

The command fills two templates from the packaging folder (a launcher script
and a spec file), runs PyInstaller on them with the folder's hook for
rio_desktop, shows PyInstaller's progress as one line, and ends with one line
saying where the result is and how big it is.

What differs by platform is decided here, not in the spec: on macOS the
one-folder build becomes an `.app` bundle (Info.plist, .icns icon, optional
code signing), on Windows the `.exe` gets a version resource and an .ico, and
on Linux the Qt build leaves out the parts of Qt the window never loads
and the GTK build the icon themes and translations the system's GTK has.
`plan_build` writes the files and returns the PyInstaller command without
running it, for any target platform (the tests render a macOS spec on Linux).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ._cli_common import CliError, load_app
from .app import App

__all__ = ["BuildOptions", "BuildPlan", "build", "packaging_dir", "plan_build"]

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

#: Qt's Python modules that PyInstaller's hooks would bring in for Qt
#: WebEngine although the window never imports them. Qt WebEngine links
#: to the QtQuick and QtQml libraries (which stay), but the hooks of their
#: Python modules also collect every QML plugin and the libraries those link
#: to (Quick 3D, Multimedia with FFmpeg, PDF, ...).
QT_UNUSED_MODULES = [
    "QtQml",
    "QtQuick",
    "QtQuickWidgets",
    "QtWebEngineQuick",
]

#: Qt WebEngine's translations of its own texts, one .pak per language.
_WEBENGINE_LOCALES = "*/translations/qtwebengine_locales"

#: What a Linux Qt build leaves out (fnmatch patterns on paths in the bundle;
#: `*` also matches /): parts of Qt that neither pywebview's window nor
#: rio-desktop loads.
QT_LEAVE_OUT = [
    # Chromium's own texts in other languages (en-US is the fallback).
    f"{_WEBENGINE_LOCALES}/*",
    # Qt's translations: loaded only through a QTranslator, which neither
    # pywebview nor rio-desktop installs.
    "*/translations/*.qm",
    # The web inspector's files: a built app never opens it (debug off).
    "*/resources/qtwebengine_devtools_resources.pak",
    # Plugins for what a desktop window does not show or use: image formats
    # other than PNG, JPEG, GIF, ICO and SVG; platforms other than X11,
    # Wayland and offscreen (embedded framebuffers, VNC); input devices read
    # directly (evdev, TUIO); positioning; printing.
    *(
        f"*/plugins/imageformats/libq{name}.so"
        for name in ("pdf", "tiff", "webp", "tga", "wbmp", "icns")
    ),
    *(
        f"*/plugins/platforms/libq{name}.so"
        for name in ("eglfs", "linuxfb", "minimal", "minimalegl", "vnc", "vkkhrdisplay")
    ),
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/generic/*",
    "*/plugins/position/*",
    "*/plugins/printsupport/*",
    # The libraries only those plugins link to (Qt's, and CUPS with its
    # TLS and service discovery libraries).
    *(f"*libQt6{name}.so*" for name in ("Pdf", "SerialPort", "EglFSDeviceIntegration")),
    *(
        f"{name}.so*"
        for name in (
            "libcups",
            "libavahi-client",
            "libavahi-common",
            "libgnutls",
            "libhogweed",
            "libnettle",
            "libgmp",
            "libidn2",
            "libp11-kit",
            "libtasn1",
            "libunistring",
        )
    ),
]

#: What a Linux GTK build leaves out, as PyInstaller's hook options: its
#: GTK hooks collect every icon theme, GTK theme and translation of the
#: building machine. The built app runs only where WebKitGTK is installed
#: (its helper processes are the system's), and so GTK with its icons and
#: themes; GTK reads its translations from the system's locale folder.
GTK_HOOKSCONFIG: dict[str, Any] = {"gi": {"icons": [], "themes": [], "languages": []}}

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
    #: The version in the Info.plist (macOS) and the version resource
    #: (Windows); default: the app module's __version__, else the version in
    #: the pyproject.toml next to the app, else 0.0.0.
    version: str | None = None
    #: macOS bundle identifier; default org.rio-desktop.<name>.
    bundle_id: str | None = None
    #: The company name in the Windows version resource.
    company: str | None = None
    #: macOS: the identity to sign the app with (`codesign -s`).
    codesign_identity: str | None = None
    #: macOS: an entitlements .plist for the signature.
    entitlements: Path | None = None
    #: Linux: the window backend to bundle, "qt" (default) or "gtk".
    backend: str | None = None
    #: Leave out the parts of Qt the window never loads (Linux, Qt).
    slim: bool = True
    #: Languages (e.g. "de", "pt-BR") whose Qt WebEngine locale files are
    #: kept besides en-US; they translate the engine's own texts (context
    #: menu, form validation messages).
    languages: tuple[str, ...] = field(default_factory=tuple)


@dataclass
class BuildPlan:
    """The files `plan_build` wrote and what running PyInstaller will make."""

    name: str
    title: str
    spec: Path
    launcher: Path
    command: list[str]
    #: The executable (inside the .app on macOS).
    executable: Path
    #: What the result is: the one file, the folder, or the .app.
    result: Path
    log_file: Path


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
    if options.backend == "gtk" and importlib.util.find_spec("gi") is None:
        raise CliError(
            "--backend gtk: PyGObject is not installed in this Python:"
            " pip install 'rio-desktop[gtk]' (and WebKitGTK: sudo apt install"
            " gir1.2-webkit2-4.1)"
        )
    plan = plan_build(options)
    started = time.monotonic()
    _run_with_progress(plan.command, plan.log_file, out, verbose=options.verbose)
    seconds = time.monotonic() - started

    if plan.result.is_dir():
        size = _folder_size(plan.result)
        where = f"{plan.executable} (folder {plan.result}/)"
    else:
        size = plan.result.stat().st_size
        where = str(plan.result)
    print(
        f"Built {plan.title}: {where}, {_megabytes(size)}, in {seconds:.0f} s",
        file=out,
        flush=True,
    )
    return plan.executable


def plan_build(options: BuildOptions, *, platform: str | None = None) -> BuildPlan:
    """Write the launcher and the spec for `platform` (default: this one)
    into the work folder; returns them with the PyInstaller command."""
    platform = platform or sys.platform
    file = options.file.resolve()
    app = load_app(options.file)
    attribute = _attribute_of(app, file)
    name = options.name or _file_name(app.name)
    backend = _backend(options.backend, platform)
    work = (options.work / name).resolve()
    dist = options.dist.resolve()
    work.mkdir(parents=True, exist_ok=True)
    version = options.version or _app_version(file)

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
        exe_icon = _executable_icon(icon_source, work, platform)

    templates = packaging_dir()
    launcher = work / f"{name}.py"
    launcher.write_text(
        _fill(
            (templates / "launcher.py.in").read_text("utf-8"),
            title=app.name,
            module=file.stem,
            attribute=attribute,
            icon=bundled_icon,
            backend=backend,
        ),
        "utf-8",
    )

    bundle = platform == "darwin" and not options.onefile
    slim = platform.startswith("linux") and options.slim
    leave_out: list[str] = []
    keep: list[str] = []
    if slim and backend == "qt":
        leave_out, keep = qt_leave_out(options.languages)
    version_file = None
    if platform == "win32":
        version_file = work / "version_info.txt"
        version_file.write_text(
            windows_version_info(
                name=name,
                title=app.name,
                version=version,
                company=options.company or "",
                description=app.description,
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
            excludes=EXCLUDES
            + _other_backends(backend)
            + (_qt_modules(QT_UNUSED_MODULES) if leave_out else []),
            hooksconfig=GTK_HOOKSCONFIG if slim and backend == "gtk" else {},
            leave_out=leave_out,
            keep=keep,
            onefile=options.onefile,
            # Debug symbols out of the libraries (libpython's are most of it).
            strip=slim and shutil.which("strip") is not None,
            console=not options.windowed,
            icon=str(exe_icon) if exe_icon else None,
            version_file=str(version_file) if version_file else None,
            codesign_identity=_mac_only(options.codesign_identity, platform),
            entitlements_file=_mac_only(_entitlements(options.entitlements), platform),
            bundle=bundle,
            bundle_id=_bundle_id(options.bundle_id, name),
            version=version,
            info_plist=_info_plist(
                app.name, version, _bundle_id(options.bundle_id, name)
            ),
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

    exe = name + ".exe" if platform == "win32" else name
    if options.onefile:
        result = executable = dist / exe
    elif bundle:
        result = dist / f"{name}.app"
        executable = result / "Contents" / "MacOS" / exe
    else:
        result = dist / name
        executable = result / exe
    return BuildPlan(
        name=name,
        title=app.name,
        spec=spec,
        launcher=launcher,
        command=command,
        executable=executable,
        result=result,
        log_file=work / "pyinstaller.log",
    )


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


def _backend(backend: str | None, platform: str) -> str | None:
    """The window backend the build bundles: on Linux "qt" unless "gtk" is
    asked for; elsewhere pywebview's default for the platform (None)."""
    if backend not in (None, "qt", "gtk"):
        raise CliError(f"--backend {backend}: use qt or gtk.")
    if not platform.startswith("linux"):
        if backend is not None:
            raise CliError(
                "--backend is for Linux builds; Windows and macOS use"
                " their system's web view."
            )
        return None
    return backend or "qt"


def _other_backends(backend: str | None) -> list[str]:
    """The GUI bindings a build for `backend` must not pull in."""
    qt = ["PyQt6", "PySide6", "PyQt5", "PySide2", "qtpy"]
    if backend == "qt":
        return ["gi"]
    if backend == "gtk":
        return qt
    return qt + ["gi"]  # Windows, macOS: the system's web view


def _app_version(file: Path) -> str:
    """The app module's __version__, else its pyproject.toml's, else 0.0.0."""
    module = sys.modules.get(f"_rio_desktop_app_{file.stem}")
    version = getattr(module, "__version__", None)
    if isinstance(version, str) and version:
        return version
    pyproject = file.parent / "pyproject.toml"
    if pyproject.is_file():
        found = re.search(
            r'^\[project\][^\[]*?^version\s*=\s*["\']([^"\']+)["\']',
            pyproject.read_text("utf-8"),
            re.MULTILINE | re.DOTALL,
        )
        if found:
            return found.group(1)
    return "0.0.0"


def _bundle_id(given: str | None, name: str) -> str:
    """The macOS bundle identifier: reverse DNS, letters, digits, - and ."""
    if given is not None:
        if not re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", given):
            raise CliError(
                f"--bundle-id {given}: use reverse-DNS form with letters,"
                " digits and hyphens, e.g. com.example.my-app."
            )
        return given
    part = re.sub(r"[^A-Za-z0-9-]+", "-", name).strip("-").lower() or "app"
    return f"org.rio-desktop.{part}"


def _info_plist(title: str, version: str, bundle_id: str) -> dict[str, Any]:
    """What the .app's Info.plist says besides PyInstaller's defaults."""
    return {
        "CFBundleName": title,
        "CFBundleDisplayName": title,
        "CFBundleIdentifier": bundle_id,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        # The window loads the app's page from its own server on 127.0.0.1.
        "NSAppTransportSecurity": {"NSAllowsLocalNetworking": True},
    }


def _entitlements(path: Path | None) -> str | None:
    if path is None:
        return None
    if not path.is_file():
        raise CliError(f"{path}: no such entitlements file.")
    return str(path.resolve())


def _mac_only(value: str | None, platform: str) -> str | None:
    if value is not None and platform != "darwin":
        raise CliError(
            "--codesign-identity and --entitlements sign macOS apps; build on macOS."
        )
    return value


def windows_version_info(
    *, name: str, title: str, version: str, company: str, description: str
) -> str:
    """The version resource of the Windows .exe, as PyInstaller reads it
    (the text form of its VSVersionInfo, given to EXE(version=...))."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    numbers = [min(number, 65535) for number in numbers] + [0] * (4 - len(numbers))
    strings = {
        "CompanyName": company,
        "FileDescription": description or title,
        "FileVersion": version,
        "InternalName": name,
        "OriginalFilename": f"{name}.exe",
        "ProductName": title,
        "ProductVersion": version,
    }
    structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# The version resource of {name}.exe, written by `rio-desktop build`.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={tuple(numbers)!r},
    prodvers={tuple(numbers)!r},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{structs},
        ],
      )
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ],
)
"""


def qt_leave_out(languages: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """What a Linux Qt build leaves out: (patterns, exceptions), matched with
    fnmatch against paths in the bundle."""
    keep = [f"{_WEBENGINE_LOCALES}/en-US.pak"]
    keep += [f"{_WEBENGINE_LOCALES}/{_locale_file(language)}" for language in languages]
    return list(QT_LEAVE_OUT), keep


def _qt_modules(names: list[str]) -> list[str]:
    """`names` in each Qt binding pywebview's Qt backend can run on."""
    return [f"{binding}.{name}" for binding in ("PyQt6", "PySide6") for name in names]


def _locale_file(language: str) -> str:
    """Qt WebEngine's locale file for a language tag: de -> de.pak,
    pt_br -> pt-BR.pak (region in capitals, as the files are named)."""
    parts = language.replace("_", "-").split("-")
    tag = parts[0].lower() + "".join(f"-{part.upper()}" for part in parts[1:])
    return f"{tag}.pak"


def _bundled_assets_path(app: App, app_dir: Path) -> str:
    """Where the assets go in the bundle: the same place relative to the code."""
    try:
        return str(app.assets_dir.resolve().relative_to(app_dir))
    except ValueError:
        raise CliError(
            f"{app.assets_dir}: the assets folder must be inside the app's"
            f" folder {app_dir} to be packaged; move it there."
        ) from None


def _executable_icon(icon: Path, work: Path, platform: str) -> Path | None:
    """The icon PyInstaller puts on the executable (Windows and macOS only).

    Linux executables carry no icon; the window gets the bundled one. A PNG is
    converted with Pillow if installed (PyInstaller does it), else with Qt,
    which the window runtime already brings.
    """
    wanted = {"win32": ".ico", "darwin": ".icns"}.get(platform)
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

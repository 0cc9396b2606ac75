"""What `rio-desktop build` asks PyInstaller for, per target platform, without
building: the spec is run against stand-ins for PyInstaller's build steps
(Analysis, EXE, COLLECT, BUNDLE), which record what they were given."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from rio_desktop import cli
from rio_desktop._build import BuildOptions, plan_build
from rio_desktop._cli_common import CliError

ROOT = Path(__file__).resolve().parent.parent


class Step:
    """A stand-in for one PyInstaller build step."""

    def __init__(self, calls: list[Step], kind: str, *args: Any, **kwargs: Any):
        self.kind, self.args, self.kwargs = kind, args, kwargs
        calls.append(self)


class FakeAnalysis:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.scripts: list[Any] = []
        self.pure: list[Any] = []
        self.binaries = [
            ("PyQt6/Qt6/lib/libQt6WebEngineCore.so.6", "/x", "BINARY"),
            ("libpython3.11.so.1.0", "/x", "BINARY"),
        ]
        self.datas = [
            (f"PyQt6/Qt6/translations/qtwebengine_locales/{name}.pak", "/x", "DATA")
            for name in ("en-US", "de", "fr", "pt-BR")
        ] + [("rio_desktop/webui/app.js", "/x", "DATA")]


def run_spec(spec: Path) -> dict[str, Any]:
    """Execute the spec with stand-ins; returns the steps by kind."""
    calls: list[Step] = []
    analyses: list[FakeAnalysis] = []

    def analysis(*args: Any, **kwargs: Any) -> FakeAnalysis:
        analyses.append(FakeAnalysis(*args, **kwargs))
        return analyses[-1]

    namespace: dict[str, Any] = {"Analysis": analysis}
    for kind in ("PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = lambda *a, _kind=kind, **k: Step(calls, _kind, *a, **k)
    exec(compile(spec.read_text("utf-8"), str(spec), "exec"), namespace)
    steps: dict[str, Any] = {step.kind: step for step in calls}
    steps["Analysis"] = analyses[0]
    return steps


@pytest.fixture
def counter(tmp_path: Path) -> Path:
    """A copy of examples/counter.py, so a pyproject.toml can sit beside it."""
    app = tmp_path / "app" / "counter.py"
    app.parent.mkdir()
    shutil.copy(ROOT / "examples" / "counter.py", app)
    return app


def plan(counter: Path, platform: str, **options: Any) -> dict[str, Any]:
    work = counter.parent.parent / "build"
    done = plan_build(
        BuildOptions(file=counter, work=work, dist=work.parent / "dist", **options),
        platform=platform,
    )
    steps = run_spec(done.spec)
    steps["plan"] = done
    return steps


def test_a_mac_build_is_an_app_bundle_with_name_version_and_identifier(
    counter: Path,
) -> None:
    steps = plan(counter, "darwin", version="1.4.2")
    assert steps["EXE"].kwargs["strip"] is False
    bundle = steps["BUNDLE"]
    assert bundle.args == (steps["COLLECT"],)
    assert bundle.kwargs["name"] == "Counter.app"
    assert bundle.kwargs["bundle_identifier"] == "org.rio-desktop.counter"
    plist = bundle.kwargs["info_plist"]
    assert plist["CFBundleName"] == plist["CFBundleDisplayName"] == "Counter"
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == "1.4.2"
    assert plist["CFBundleIdentifier"] == "org.rio-desktop.counter"
    assert plist["NSHighResolutionCapable"] is True
    assert steps["plan"].executable.parts[-4:] == (
        "Counter.app",
        "Contents",
        "MacOS",
        "Counter",
    )
    # The Mac's own web view: no Qt in the bundle.
    assert "PyQt6" in steps["Analysis"].kwargs["excludes"]


def test_a_mac_build_gets_the_icns_icon_signature_and_entitlements(
    counter: Path, tmp_path: Path
) -> None:
    icon = tmp_path / "app.icns"
    icon.write_bytes(b"icns")
    entitlements = tmp_path / "entitlements.plist"
    entitlements.write_text("<plist/>")
    steps = plan(
        counter,
        "darwin",
        icon=icon,
        bundle_id="com.example.counter",
        codesign_identity="Developer ID Application: Ada (TEAM1234)",
        entitlements=entitlements,
    )
    assert steps["BUNDLE"].kwargs["icon"] == str(icon)
    assert steps["BUNDLE"].kwargs["bundle_identifier"] == "com.example.counter"
    exe = steps["EXE"].kwargs
    assert exe["icon"] == str(icon)
    assert exe["codesign_identity"] == "Developer ID Application: Ada (TEAM1234)"
    assert exe["entitlements_file"] == str(entitlements)


def test_the_version_comes_from_the_projects_pyproject_when_not_given(
    counter: Path,
) -> None:
    (counter.parent / "pyproject.toml").write_text(
        '[project]\nname = "counter"\nversion = "2.0.1"\n\n[tool.x]\nversion = "9"\n'
    )
    plist = plan(counter, "darwin")["BUNDLE"].kwargs["info_plist"]
    assert plist["CFBundleShortVersionString"] == "2.0.1"


def test_a_onefile_mac_build_is_no_bundle(counter: Path) -> None:
    steps = plan(counter, "darwin", onefile=True)
    assert "BUNDLE" not in steps and "COLLECT" not in steps


def test_a_windows_exe_gets_a_version_resource_and_the_ico(
    counter: Path, tmp_path: Path
) -> None:
    icon = tmp_path / "app.ico"
    icon.write_bytes(b"ico")
    steps = plan(counter, "win32", icon=icon, version="3.1.4b2", company="Ada Ltd")
    exe = steps["EXE"].kwargs
    assert exe["icon"] == str(icon)
    assert steps["plan"].executable.name == "Counter.exe"
    assert "BUNDLE" not in steps

    # The file PyInstaller reads into a VSVersionInfo: run it the same way.
    built: dict[str, Any] = {}

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: built.setdefault(kind, []).append((args, kwargs))

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"]
    names += ["StringStruct", "VarFileInfo", "VarStruct"]
    eval(
        Path(exe["version"]).read_text("utf-8"), {name: record(name) for name in names}
    )
    fixed = built["FixedFileInfo"][0][1]
    assert fixed["filevers"] == fixed["prodvers"] == (3, 1, 4, 2)
    strings = dict(args for args, _ in built["StringStruct"])
    assert strings["ProductName"] == "Counter"
    assert strings["CompanyName"] == "Ada Ltd"
    assert strings["ProductVersion"] == strings["FileVersion"] == "3.1.4b2"
    assert strings["OriginalFilename"] == "Counter.exe"
    assert strings["FileDescription"]


def test_a_linux_qt_build_keeps_only_the_webengine_locales_asked_for(
    counter: Path,
) -> None:
    steps = plan(counter, "linux", languages=("pt_br",))
    kept = [entry[0] for entry in steps["Analysis"].datas]
    locales = "PyQt6/Qt6/translations/qtwebengine_locales"
    assert f"{locales}/en-US.pak" in kept and f"{locales}/pt-BR.pak" in kept
    assert f"{locales}/de.pak" not in kept and f"{locales}/fr.pak" not in kept
    assert "rio_desktop/webui/app.js" in kept
    assert len(steps["Analysis"].binaries) == 2
    excludes = steps["Analysis"].kwargs["excludes"]
    assert "gi" in excludes and "PyQt6.QtQuick" in excludes
    # Debug symbols go where there is a strip tool to remove them.
    assert steps["EXE"].kwargs["strip"] is (shutil.which("strip") is not None)
    assert steps["COLLECT"].kwargs["strip"] is steps["EXE"].kwargs["strip"]


def test_no_slim_keeps_everything(counter: Path) -> None:
    steps = plan(counter, "linux", slim=False)
    assert len(steps["Analysis"].datas) == 5
    assert steps["EXE"].kwargs["strip"] is False
    assert "PyQt6.QtQuick" not in steps["Analysis"].kwargs["excludes"]


def test_a_gtk_build_leaves_qt_out_and_opens_a_gtk_window(counter: Path) -> None:
    steps = plan(counter, "linux", backend="gtk")
    assert "PyQt6" in steps["Analysis"].kwargs["excludes"]
    assert 'options["backend"] = backend' in steps["plan"].launcher.read_text()
    assert "backend = 'gtk'" in steps["plan"].launcher.read_text()
    # PyInstaller's GTK hooks collect no icon theme, GTK theme or
    # translation: the system's GTK, which WebKitGTK brings, has them.
    assert steps["Analysis"].kwargs["hooksconfig"] == {
        "gi": {"icons": [], "themes": [], "languages": []}
    }
    unslim = plan(counter, "linux", backend="gtk", slim=False)
    assert unslim["Analysis"].kwargs["hooksconfig"] == {}


def test_mac_and_linux_only_options_are_refused_elsewhere(counter: Path) -> None:
    with pytest.raises(CliError, match="macOS"):
        plan(counter, "linux", codesign_identity="Ada")
    with pytest.raises(CliError, match="Linux"):
        plan(counter, "win32", backend="gtk")
    with pytest.raises(CliError, match="bundle-id"):
        plan(counter, "darwin", bundle_id="not an id")


def test_the_command_line_passes_the_build_options(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    given: list[BuildOptions] = []
    monkeypatch.setattr("rio_desktop._build.build", given.append)
    entitlements = tmp_path / "e.plist"
    status = cli.main(
        ["build", "app.py", "--version", "1.2", "--bundle-id", "com.example.app"]
        + ["--company", "Ada Ltd", "--codesign-identity", "Ada"]
        + ["--entitlements", str(entitlements), "--backend", "gtk"]
        + ["--language", "de", "--language", "fr", "--no-slim"]
    )
    assert status == 0
    [options] = given
    assert (options.version, options.bundle_id, options.company) == (
        "1.2",
        "com.example.app",
        "Ada Ltd",
    )
    assert options.codesign_identity == "Ada"
    assert options.entitlements == entitlements
    assert options.backend == "gtk"
    assert options.languages == ("de", "fr")
    assert options.slim is False

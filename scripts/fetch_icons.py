"""Build rio_desktop/icons/ (the built-in icon sets) from their npm packages.

    .venv/bin/python scripts/fetch_icons.py

Downloads the packages with `npm pack` into a temporary folder and writes:

- `material.zip`: Google's Material Symbols, "rounded" style, weight 400
  (npm `@material-symbols/svg-400`, Apache-2.0), with their `:fill` variants.
  Newer releases of the package dropped some older names (aliases such as
  "done" or "expand_more" that Rio apps use): those come from older releases
  of the same package, the newest release that has them.
- `brand.zip`: company logos from Bootstrap Icons (npm `bootstrap-icons`,
  MIT), under the names Rio uses for them ("brand/github", "brand/x"...).
- `rio.zip` and `styling.zip`: Rio's own sets (its logo, "rio/logo:color",
  and four corner shapes), from the rio-ui 0.12.3 wheel on PyPI, Rio's own
  release (Apache-2.0): Rio is their only upstream. Their icons have viewBoxes
  of their own, so each is kept as a whole <svg> element.
- the packages' licence files next to them.

The zip format (read by rio_desktop/components/_icon_registry.py): an
`index.json` entry {"view_box": ..., "chunk": N, "names": [sorted names]} and
entries "0.json", "1.json"... each holding N consecutive names as
{name: {"": inner svg markup, "variant": markup or 0}}, 0 meaning "the same
markup as the plain icon". Reading one icon decompresses ~50 KB, not the set.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rio_desktop" / "icons"
MATERIAL = "@material-symbols/svg-400"
#: Newest first: a name takes the markup of the newest release that has it.
MATERIAL_VERSIONS = ["0.48.2", "0.27.0", "0.14.7", "0.10.3"]
BOOTSTRAP = "bootstrap-icons"
BOOTSTRAP_VERSION = "1.13.2"
RIO_UI = "rio-ui==0.12.3"
CHUNK = 64

#: Rio's brand names -> (Bootstrap Icons file, variant or "").
BRANDS = {
    "alipay": "alipay",
    "amazon": "amazon",
    "amd": "amd",
    "android": "android2",
    "android:head": "android",
    "apple": "apple",
    "bing": "bing",
    "bluesky": "bluesky",
    "bluetooth": "bluetooth",
    "chrome": "browser-chrome",
    "discord": "discord",
    "dropbox": "dropbox",
    "edge": "browser-edge",
    "facebook": "facebook",
    "firefox": "browser-firefox",
    "git": "git",
    "github": "github",
    "gitlab": "gitlab",
    "google": "google",
    "google_play": "google-play",
    "instagram": "instagram",
    "linkedin": "linkedin",
    "mastodon": "mastodon",
    "meta": "meta",
    "microsoft": "microsoft",
    "nvidia": "nvidia",
    "opencollective": "opencollective",
    "paypal": "paypal",
    "pinterest": "pinterest",
    "reddit": "reddit",
    "safari": "browser-safari",
    "signal": "signal",
    "skype": "skype",
    "slack": "slack",
    "snapchat": "snapchat",
    "spotify": "spotify",
    "stack_overflow": "stack-overflow",
    "steam": "steam",
    "stripe": "stripe",
    "substack": "substack",
    "telegram": "telegram",
    "threads": "threads",
    "tiktok": "tiktok",
    "trello": "trello",
    "twitch": "twitch",
    "twitter": "twitter",
    "ubuntu": "ubuntu",
    "vimeo": "vimeo",
    "wechat": "wechat",
    "whatsapp": "whatsapp",
    "wikipedia": "wikipedia",
    "windows": "windows",
    "x": "twitter-x",
    "youtube": "youtube",
}

_SVG = re.compile(r"\s*<svg\b([^>]*)>(.*)</svg>\s*", re.S)


def npm_pack(spec: str, into: Path) -> Path:
    """Download one npm package tarball (the ordinary npm client) and unpack it."""
    out = subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(into)],
        check=True,
        capture_output=True,
        text=True,
    )
    tgz = into / out.stdout.strip().splitlines()[-1]
    folder = into / tgz.name.removesuffix(".tgz")
    with tarfile.open(tgz) as archive:
        archive.extractall(folder, filter="data")
    return folder / "package"


def inner(svg: str, view_box: str, origin: str) -> str:
    """The markup inside the <svg> element, whitespace between tags dropped."""
    found = _SVG.fullmatch(svg)
    if found is None or f'viewBox="{view_box}"' not in found[1]:
        raise SystemExit(f"{origin}: not an svg with viewBox {view_box!r}")
    return re.sub(r">\s+<", "><", found[2].strip())


def _add(out: zipfile.ZipFile, name: str, text: str) -> None:
    # A fixed date: the same packages give the same bytes.
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    out.writestr(info, text, compresslevel=9)


def write_set(path: Path, view_box: str, icons: dict[str, dict[str, str]]) -> None:
    names = sorted(icons)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        index = {"view_box": view_box, "chunk": CHUNK, "names": names}
        _add(out, "index.json", json.dumps(index, separators=(",", ":")))
        for start in range(0, len(names), CHUNK):
            chunk = {}
            for name in names[start : start + CHUNK]:
                variants = icons[name]
                plain = variants[""]
                chunk[name] = {
                    key: (0 if key and markup == plain else markup)
                    for key, markup in variants.items()
                }
            _add(
                out, f"{start // CHUNK}.json", json.dumps(chunk, separators=(",", ":"))
            )
    print(f"{path.name}: {len(names)} icons, {path.stat().st_size:,} bytes")


def material(work: Path) -> None:
    icons: dict[str, dict[str, str]] = {}
    license_text = None
    for version in MATERIAL_VERSIONS:
        package = npm_pack(f"{MATERIAL}@{version}", work)
        license_text = license_text or (package / "LICENSE").read_text("utf-8")
        folder = package / "rounded"
        for svg in sorted(folder.glob("*.svg")):
            if svg.stem.endswith("-fill"):
                continue
            name = svg.stem.replace("-", "_")
            if name in icons:
                continue
            filled = folder / f"{svg.stem}-fill.svg"
            view_box = "0 -960 960 960"
            icons[name] = {"": inner(svg.read_text("utf-8"), view_box, str(svg))}
            if filled.exists():
                markup = inner(filled.read_text("utf-8"), view_box, str(filled))
                icons[name]["fill"] = markup
    write_set(OUT / "material.zip", "0 -960 960 960", icons)
    versions = ", ".join(MATERIAL_VERSIONS)
    (OUT / "material-LICENSE.txt").write_text(
        "rio_desktop/icons/material.zip: Material Symbols by Google (rounded,"
        f" weight 400),\nfrom the npm package {MATERIAL} (releases {versions}),"
        "\nunder the Apache License 2.0 below.\n\n" + (license_text or ""),
        encoding="utf-8",
    )


def brand(work: Path) -> None:
    package = npm_pack(f"{BOOTSTRAP}@{BOOTSTRAP_VERSION}", work)
    icons: dict[str, dict[str, str]] = {}
    for rio_name, file_name in BRANDS.items():
        name, _, variant = rio_name.partition(":")
        svg = package / "icons" / f"{file_name}.svg"
        markup = inner(svg.read_text("utf-8"), "0 0 16 16", str(svg))
        icons.setdefault(name, {"": ""})[variant] = markup
    for name, variants in icons.items():
        if not variants[""]:
            raise SystemExit(f"brand/{name} has variants but no plain icon")
    write_set(OUT / "brand.zip", "0 0 16 16", icons)
    (OUT / "brand-LICENSE.txt").write_text(
        "rio_desktop/icons/brand.zip: logos from Bootstrap Icons, from the npm"
        f" package\n{BOOTSTRAP} {BOOTSTRAP_VERSION}, under the MIT License"
        " below. The logos are\ntrademarks of their owners.\n\n"
        + (package / "LICENSE").read_text("utf-8"),
        encoding="utf-8",
    )


def whole_svg(svg: str, origin: str) -> str:
    """An <svg> element as the page needs it: no XML declaration, comments,
    editor metadata, or whitespace between tags."""
    svg = re.sub(r"<\?xml[^>]*\?>|<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<metadata\b.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(
        r"<sodipodi:namedview\b.*?(/>|</sodipodi:namedview>)", "", svg, flags=re.S
    )
    svg = re.sub(r"\s+", " ", svg).strip()
    svg = re.sub(r">\s+<", "><", svg)
    if not svg.startswith("<svg") or "viewBox=" not in svg.split(">", 1)[0]:
        raise SystemExit(f"{origin}: not an svg with a viewBox")
    return svg


def rio_sets(work: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        + ["--only-binary=:all:", "--dest", str(work), RIO_UI],
        check=True,
    )
    wheel = next(work.glob("rio_ui-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        license_name = next(
            n
            for n in archive.namelist()
            if n.endswith(".dist-info/licenses/LICENSE.txt")
        )
        license_text = archive.read(license_name).decode("utf-8")
        for set_name in ("rio", "styling"):
            data = archive.read(f"rio/assets/icon_sets/{set_name}.tar.xz")
            icons: dict[str, dict[str, str]] = {}
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:xz") as tar:
                for member in tar.getmembers():
                    if not (member.isfile() and member.name.endswith(".svg")):
                        continue
                    parts = Path(member.name).parts  # set/[variant/]name.svg
                    variant = parts[1] if len(parts) == 3 else ""
                    text = tar.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
                    icons.setdefault(Path(member.name).stem, {})[variant] = whole_svg(
                        text, member.name
                    )
            write_set(OUT / f"{set_name}.zip", "", icons)
    (OUT / "rio-LICENSE.txt").write_text(
        "rio_desktop/icons/rio.zip and styling.zip: Rio's own icon sets (its"
        f" logo and\nfour corner shapes), from the wheel of {RIO_UI} on PyPI,"
        " under the\nApache License 2.0 below. The Rio name and logo are"
        " trademarks of their\nowners; the licence grants no right to them.\n\n"
        + license_text,
        encoding="utf-8",
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[1:])  # e.g. "rio": build only that
    with tempfile.TemporaryDirectory() as temp:
        if not only or "material" in only:
            material(Path(temp))
        if not only or "brand" in only:
            brand(Path(temp))
        if not only or "rio" in only:
            rio_sets(Path(temp))


if __name__ == "__main__":
    main()

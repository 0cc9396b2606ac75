"""rio_desktop.Color gives exactly Rio 0.12.3's values.

tests/rio_reference/colors.json was written by scripts/rio_reference_colors.py
running on Rio itself; every case there is replayed here.
"""

from __future__ import annotations

import builtins
import copy
import inspect
import json
import math
import pickle
from pathlib import Path
from typing import Any, get_args

import pytest

import rio_desktop as rio
from rio_desktop.color import COLOR_SET_NAMES, color_to_css

REFERENCE = json.loads(
    (Path(__file__).parent / "rio_reference" / "colors.json").read_text()
)
TOLERANCE = 1e-9


def build(spec: dict[str, Any]) -> rio.Color:
    if "const" in spec:
        return getattr(rio.Color, spec["const"])
    make = getattr(rio.Color, spec["ctor"])
    return make(*spec.get("args", []), **spec.get("kwargs", {}))


def resolve(case: dict[str, Any]) -> Any:
    base = build(case["base"])
    args = [build(a) if isinstance(a, dict) else a for a in case["args"]]
    return getattr(base, case["op"])(*args, **case.get("kwargs", {}))


def close(ours: Any, theirs: Any) -> bool:
    if isinstance(theirs, list):
        return len(ours) == len(theirs) and all(map(close, ours, theirs))
    if isinstance(theirs, float) or isinstance(ours, float):
        return math.isclose(ours, theirs, rel_tol=0, abs_tol=TOLERANCE)
    return ours == theirs


def assert_matches(color: rio.Color, expected: dict[str, Any], label: str) -> None:
    for name, theirs in expected.items():
        if name == "repr":
            ours: Any = repr(color)
        elif name == "serialized":
            ours = list(color.srgba)
        else:
            ours = getattr(color, name)
            if isinstance(ours, tuple):
                ours = list(ours)
        if name in ("hsv", "hue") and color.hsv[1] < 1e-6:
            # The hue of a grey is noise: compare the rest only.
            ours, theirs = (ours[1:], theirs[1:]) if name == "hsv" else (0, 0)
        assert close(ours, theirs), f"{label}.{name}: {ours!r} != Rio's {theirs!r}"


def check_outcome(make: Any, case: dict[str, Any], label: str) -> None:
    if "error" in case:
        with pytest.raises(getattr(builtins, case["error"])) as info:
            make()
        assert type(info.value).__name__ == case["error"], label
        return
    assert_matches(make(), case["color"], label)


def label_of(spec: dict[str, Any]) -> str:
    if "const" in spec:
        return f"Color.{spec['const']}"
    args = [repr(a) for a in spec.get("args", [])]
    args += [f"{k}={v!r}" for k, v in spec.get("kwargs", {}).items()]
    return f"Color.{spec['ctor']}({', '.join(args)})"


@pytest.mark.parametrize("name", sorted(REFERENCE["constants"]))
def test_named_constants_are_rios(name):
    """Every named colour (RED, GRAY, MAGENTA...) has Rio's values."""
    assert_matches(getattr(rio.Color, name), REFERENCE["constants"][name], name)


def test_issue_examples():
    """The two mismatches the issue names now agree with Rio."""
    assert rio.Color.from_rgb(0.2, 0.4, 0.6).hex == "7ba8ca"
    assert rio.Color.RED.hex == "ff0000"
    assert rio.Color.GRAY == rio.Color.GREY
    assert rio.Color.MAGENTA.hex == "ff00ff"


def test_constructors_give_rios_values():
    """Every constructor case (from_rgb, from_hex, from_hsv, from_gray...) matches Rio,
    including which inputs raise."""
    for case in REFERENCE["constructors"]:
        spec = case["spec"]
        check_outcome(lambda spec=spec: build(spec), case, label_of(spec))


def test_operations_give_rios_values():
    """brighter, darker, desaturated, blend and replace match Rio, errors too."""
    for case in REFERENCE["operations"]:
        label = f"{label_of(case['base'])}.{case['op']}{case['args']}"
        check_outcome(lambda case=case: resolve(case), case, label)


def test_equality_and_hash_match_rio():
    """Colours compare equal (and hash alike) exactly when Rio's do."""
    for case in REFERENCE["equality"]:
        a, b = build(case["a"]), build(case["b"])
        assert (a == b) is case["equal"], (case["a"], case["b"])
        assert (hash(a) == hash(b)) is case["same_hash"], (case["a"], case["b"])


def test_direct_call_raises_like_rio():
    """rio.Color(...) is refused, as in Rio, and names the constructors."""
    with pytest.raises(RuntimeError, match="from_rgb"):
        rio.Color()  # type: ignore[call-arg]
    assert REFERENCE["direct_call"] == {"error": "RuntimeError"}


@pytest.mark.parametrize("name", sorted(REFERENCE["signatures"]))
def test_signatures_match_rio(name):
    """Parameter names, defaults and keyword-only-ness are Rio's."""
    ours = inspect.signature(getattr(rio.Color, name))
    theirs = REFERENCE["signatures"][name]
    # Compare without annotations: both spell them as strings, differently.
    strip = [
        p.replace(annotation=inspect.Parameter.empty) for p in ours.parameters.values()
    ]
    ours_text = str(
        ours.replace(parameters=strip, return_annotation=inspect.Signature.empty)
    )
    theirs_sig = _parse_signature(theirs)
    assert ours_text == theirs_sig, f"{name}: {ours_text} != Rio's {theirs_sig}"


def _parse_signature(text: str) -> str:
    """Rio's recorded signature text without annotations."""
    params = text.split(") ->")[0].removeprefix("(")
    names = []
    for part in params.split(", ") if params else []:
        name, _, rest = part.partition(":")
        default = rest.partition(" = ")[2] if " = " in rest else None
        names.append(name if default is None else f"{name}={default}")
    return f"({', '.join(names)})"


def test_properties_exist():
    """Every property Rio has is there."""
    for name in REFERENCE["properties"]:
        assert isinstance(inspect.getattr_static(rio.Color, name), property), name


def test_color_set_accepts_rios_names():
    """ColorSet accepts every name Rio's does, and Color itself."""
    assert set(REFERENCE["color_set_names"]) <= set(COLOR_SET_NAMES)
    assert rio.Color in get_args(rio.ColorSet)


@pytest.mark.parametrize(
    "spec",
    [c["spec"] for c in REFERENCE["constructors"] if "color" in c][::7],
    ids=label_of,
)
def test_css_draws_rios_pixels(spec):
    """On the wire a colour is the CSS Rio's page would draw: its sRGB values
    times 255, which the browser rounds half up to whole channels."""
    case = next(c for c in REFERENCE["constructors"] if c["spec"] == spec)
    r, g, b, opacity = case["color"]["srgba"]
    channels = [math.floor(c * 255 + 0.5) for c in (r, g, b)]
    css = color_to_css(build(spec))
    if opacity >= 1:
        assert css == "#" + "".join(f"{c:02x}" for c in channels)
    else:
        body = css.removeprefix("rgba(").removesuffix(")").split(", ")
        assert [int(v) for v in body[:3]] == channels
        assert float(body[3]) == opacity


def test_example_colour_css():
    """from_rgb takes linear values; from_hex and the CSS are sRGB."""
    assert rio.Color.from_rgb(0.2, 0.4, 0.6).css == "#7ba8ca"
    assert rio.Color.from_hex("#336699").css == "#336699"
    assert rio.Color.from_rgb(0.2, 0.4, 0.6, srgb=True).css == "#336699"
    assert (
        rio.Color.from_hex("#33669980").css == "rgba(51, 102, 153, 0.5019607843137255)"
    )


def test_colours_copy_and_pickle():
    """Colours survive copy, deepcopy and pickle (Theme and settings copy them)."""
    color = rio.Color.from_hex("#33669980")
    assert copy.copy(color) == color
    assert copy.deepcopy(color) == color
    assert pickle.loads(pickle.dumps(color)) == color


def test_rio_desktop_extras_keep_working():
    """luminance, contrast_with, best_text_color, with_opacity and coerce,
    which Rio lacks, still answer for the colour as it is shown."""
    assert rio.Color.BLACK.contrast_with(rio.Color.WHITE) == pytest.approx(21.0)
    assert rio.Color.WHITE.luminance == pytest.approx(1.0)
    assert rio.Color.from_hex("#767676").contrast_with(rio.Color.WHITE) == (
        pytest.approx(4.54, abs=0.01)
    )
    assert rio.Color.from_hex("#ffeb3b").best_text_color() == rio.Color.BLACK
    half = rio.Color.RED.with_opacity(0.5)
    assert (half.hexa, half.opacity) == ("ff000080", 0.5)
    assert rio.Color.coerce("#102030") == rio.Color.from_hex("#102030")


class _Swatch(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("swatch"),
            rio.Rectangle(
                fill=rio.Color.from_rgb(0.2, 0.4, 0.6), min_height=2, key="linear"
            ),
            rio.Rectangle(
                fill=rio.Color.from_hex("#33669980"), min_height=2, key="translucent"
            ),
            align_y=0,
        )


@pytest.mark.browser
def test_page_draws_rios_colours(serve, page):
    """In Chromium the colours are the ones Rio's page shows."""
    server = serve(rio.App(build=_Swatch))
    page.goto(server.url)
    page.get_by_text("swatch").wait_for()
    colours = page.evaluate(
        "[...document.querySelectorAll('.rio-rectangle')]"
        ".map(e => getComputedStyle(e).backgroundColor)"
    )
    assert "rgb(123, 168, 202)" in colours
    assert "rgba(51, 102, 153, 0.5)" in colours  # Chrome keeps 8-bit alpha

"""Write Rio's colour values as JSON, for tests/test_color_rio.py.

Run it with a Python that has rio-ui 0.12.3 installed (never this project's
venv: rio-ui is not a dependency):

    /tmp/rio-venv/bin/python scripts/rio_reference_colors.py \
        tests/rio_reference/colors.json

(a path, not stdout: importing rio writes terminal escapes to stdout.)

Every case records how a colour was made ("ctor" with its arguments, or a
named "const"), what was done to it ("op"), and what Rio answered: the
colour's values, a plain value, or the name of the exception raised. The test
replays each case on rio_desktop.Color and compares.
"""

from __future__ import annotations

import inspect
import json
import sys
import typing
import warnings
from typing import Any

import rio

Color = rio.Color

CONSTANTS = [
    "BLACK",
    "WHITE",
    "GREY",
    "GRAY",
    "RED",
    "GREEN",
    "BLUE",
    "CYAN",
    "MAGENTA",
    "YELLOW",
    "PINK",
    "PURPLE",
    "ORANGE",
    "TRANSPARENT",
]

# Names looked up on Color that Rio documents but may not define.
MAYBE_CONSTANTS = ["BROWN"]

PUBLIC_MEMBERS = [
    "from_rgb",
    "from_hex",
    "from_hsv",
    "from_gray",
    "from_grey",
    "from_oklab",
    "replace",
    "brighter",
    "darker",
    "desaturated",
    "blend",
    "__init__",
]

PROPERTIES = [
    "red",
    "green",
    "blue",
    "opacity",
    "rgb",
    "rgba",
    "srgb",
    "srgba",
    "oklab",
    "oklaba",
    "hsv",
    "hue",
    "saturation",
    "value",
    "hex",
    "hexa",
    "perceived_brightness",
    "as_plotly",
]


def build(spec: dict[str, Any]) -> Color:
    if "const" in spec:
        return getattr(Color, spec["const"])
    return getattr(Color, spec["ctor"])(*spec.get("args", []), **spec.get("kwargs", {}))


# What most cases record; the named constants record every property.
SHORT = ["oklaba", "rgba", "srgba", "hsv", "hexa", "perceived_brightness"]


def describe(color: Color, names: list[str] = SHORT) -> dict[str, Any]:
    out: dict[str, Any] = {name: getattr(color, name) for name in names}
    if names is PROPERTIES:
        out["repr"] = repr(color)
        # What Rio puts on the wire; its page makes rgba(r*255, ...) of it.
        out["serialized"] = list(color._serialize(None))  # type: ignore[arg-type]
    return out


def outcome(make: Any) -> dict[str, Any]:
    try:
        value = make()
    except Exception as error:  # noqa: BLE001 - the type is the reference
        return {"error": type(error).__name__}
    if isinstance(value, Color):
        return {"color": describe(value)}
    return {"value": value}


def ctor(name: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {"ctor": name, "args": list(args)}
    if kwargs:
        spec["kwargs"] = kwargs
    return spec


def constructor_cases() -> list[dict[str, Any]]:
    specs: list[dict[str, Any]] = []
    levels = [0.0, 0.2, 0.6, 1.0]
    for i, (r, g, b) in enumerate(
        (r, g, b) for r in levels for g in levels for b in levels
    ):
        opacity = [1.0, 0.5, 0.0, 0.25][i % 4]
        specs.append(ctor("from_rgb", r, g, b, opacity))
        specs.append(ctor("from_rgb", r, g, b, opacity, srgb=True))
    specs += [
        ctor("from_rgb"),
        ctor("from_rgb", 0.2, 0.4, 0.6),
        ctor("from_rgb", red=0.3),
        ctor("from_rgb", 0.5, 0.5, 0.5, srgb=True),
        ctor("from_rgb", 1.5, 0.0, 0.0),
        ctor("from_rgb", -0.1, 0.0, 0.0),
        ctor("from_rgb", 0.0, 0.0, 0.0, 1.2),
    ]
    for text in [
        "#000",
        "fff",
        "#f80",
        "#f808",
        "#336699",
        "7ba8ca",
        "#ff8000",
        "#ff000080",
        "#102030",
        "#0a6ebd",
        "#AbCdEf",
        "#1f6feb80",
        "#12345",
        "",
        "#zzzzzz",
        "##fff",
    ]:
        specs.append(ctor("from_hex", text))
        specs.append(ctor("from_hex", text, srgb=False))
    for hue in [0.0, 0.1, 0.33, 0.5, 0.66, 0.9, 1.0]:
        for saturation in [0.0, 0.5, 1.0]:
            for value in [0.0, 0.5, 1.0]:
                specs.append(ctor("from_hsv", hue, saturation, value))
    specs += [
        ctor("from_hsv", 0.25, 0.75, 0.5, 0.25),
        ctor("from_hsv", 1.2, 0.5, 0.5),
        ctor("from_hsv", 0.2, -0.5, 0.5),
        ctor("from_hsv", 0.2, 0.5, 1.5),
        ctor("from_hsv", 0.2, 0.5, 0.5, 2.0),
    ]
    for gray in [0.0, 0.25, 0.5, 0.8, 1.0, 1.5, -0.1]:
        specs.append(ctor("from_gray", gray))
        specs.append(ctor("from_grey", gray, 0.5))
    specs.append(ctor("from_gray", gray=0.3, opacity=0.7))
    specs.append(ctor("from_grey", grey=0.3))
    specs += [
        ctor("from_oklab", 0.5, 0.1, -0.1),
        ctor("from_oklab", 0.7, -0.2, 0.15, 0.4),
        ctor("from_oklab", 1.0, 0.0, 0.0),
        ctor("from_oklab", 0.9, 0.5, 0.5),
        ctor("from_oklab", 1.1, 0.0, 0.0),
        ctor("from_oklab", 0.5, 0.6, 0.0),
        ctor("from_oklab", 0.5, 0.0, -0.6),
        ctor("from_oklab", 0.5, 0.0, 0.0, -0.1),
    ]
    return specs


def base_colors() -> list[dict[str, Any]]:
    return [
        {"const": "RED"},
        {"const": "GRAY"},
        {"const": "BLACK"},
        {"const": "WHITE"},
        {"const": "PURPLE"},
        {"const": "TRANSPARENT"},
        ctor("from_hex", "#336699"),
        ctor("from_hex", "#0a6ebd80"),
        ctor("from_hex", "#ffeb3b"),
        ctor("from_rgb", 0.2, 0.4, 0.6, 0.9),
        ctor("from_hsv", 0.8, 0.3, 0.9),
        ctor("from_gray", 0.1),
    ]


def operation_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []

    def add(base: dict[str, Any], op: str, *args: Any, **kwargs: Any) -> None:
        case: dict[str, Any] = {"base": base, "op": op, "args": list(args)}
        if kwargs:
            case["kwargs"] = kwargs
        cases.append(case)

    others = [{"const": "WHITE"}, {"const": "BLUE"}, ctor("from_hex", "#12345678")]
    for base in base_colors():
        for amount in [-0.5, 0.0, 0.1, 0.5, 0.9, 1.0, 1.5]:
            add(base, "brighter", amount)
            add(base, "darker", amount)
        for amount in [0.0, 0.5, 1.0, -0.1, 1.1]:
            add(base, "desaturated", amount)
        add(base, "desaturated")
        for other in others:
            for factor in [-0.5, 0.25, 1.0, 1.5]:
                add(base, "blend", other, factor)
        add(base, "replace")
        add(base, "replace", red=0.5)
        add(base, "replace", green=0.0, blue=1.0)
        add(base, "replace", opacity=0.3)
        add(base, "replace", red=1.5)
    return cases


def equality_cases() -> list[dict[str, Any]]:
    pairs = [
        ({"const": "RED"}, ctor("from_hex", "#ff0000")),
        ({"const": "RED"}, ctor("from_rgb", 1.0, 0.0, 0.0)),
        ({"const": "GRAY"}, {"const": "GREY"}),
        ({"const": "PINK"}, {"const": "MAGENTA"}),
        ({"const": "WHITE"}, ctor("from_gray", 1.0)),
        ({"const": "BLACK"}, ctor("from_gray", 0.0)),
        (ctor("from_hex", "#ff8000"), ctor("from_rgb", 1.0, 128 / 255, 0.0)),
        (
            ctor("from_hex", "#ff8000"),
            ctor("from_rgb", 1.0, 128 / 255, 0.0, srgb=True),
        ),
        (ctor("from_hex", "#336699"), ctor("from_hex", "336699")),
        ({"const": "TRANSPARENT"}, {"const": "BLACK"}),
    ]
    out = []
    for a, b in pairs:
        left, right = build(a), build(b)
        out.append(
            {
                "a": a,
                "b": b,
                "equal": left == right,
                "same_hash": hash(left) == hash(right),
            }
        )
    return out


def resolve(case: dict[str, Any]) -> Any:
    base = build(case["base"])
    args = [build(a) if isinstance(a, dict) else a for a in case["args"]]
    return getattr(base, case["op"])(*args, **case.get("kwargs", {}))


def signatures() -> dict[str, str]:
    out = {}
    for name in PUBLIC_MEMBERS:
        out[name] = str(inspect.signature(getattr(Color, name)))
    return out


def color_set_names() -> list[str]:
    names: list[str] = []
    for member in typing.get_args(rio.ColorSet):
        names += [arg for arg in typing.get_args(member) if isinstance(arg, str)]
    return sorted(names)


def main() -> None:
    warnings.simplefilter("ignore")  # Rio's deprecation warnings
    ctor_specs = constructor_cases()
    reference = {
        "rio_version": rio.__version__ if hasattr(rio, "__version__") else None,
        "constants": {
            name: describe(getattr(Color, name), PROPERTIES) for name in CONSTANTS
        },
        "missing_constants": [n for n in MAYBE_CONSTANTS if not hasattr(Color, n)],
        "direct_call": outcome(lambda: Color()),  # type: ignore[call-arg]
        "constructors": [
            {"spec": spec, **outcome(lambda spec=spec: build(spec))}
            for spec in ctor_specs
        ],
        "operations": [
            {**case, **outcome(lambda case=case: resolve(case))}
            for case in operation_cases()
        ],
        "equality": equality_cases(),
        "signatures": signatures(),
        "properties": PROPERTIES,
        "color_set_names": color_set_names(),
    }
    # One case a line: readable diffs, a third of the size of indented JSON.
    lines = []
    for key, value in sorted(reference.items()):
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = ",\n  ".join(json.dumps(v, sort_keys=True) for v in value)
            text = f"[\n  {items}\n ]"
        elif isinstance(value, dict) and key == "constants":
            items = ",\n  ".join(
                f"{json.dumps(k)}: {json.dumps(v, sort_keys=True)}"
                for k, v in value.items()
            )
            text = f"{{\n  {items}\n }}"
        else:
            text = json.dumps(value, sort_keys=True)
        lines.append(f" {json.dumps(key)}: {text}")
    with open(sys.argv[1], "w", encoding="utf-8") as file:
        file.write("{\n" + ",\n".join(lines) + "\n}\n")


if __name__ == "__main__":
    main()

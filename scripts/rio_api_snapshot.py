"""Write Rio's public API to tests/rio_reference/api.json, for tests/test_rio_api.py.

    python scripts/rio_api_snapshot.py [--venv /tmp/rio-venv] [--out FILE]

Rio (rio-ui==0.12.3) is never a dependency of rio-desktop: this script makes
(or reuses) a throwaway virtual environment with it, then runs itself there
with ``--collect`` to read Rio's API by introspection. The JSON holds:

- ``names``: every public name of the ``rio`` package, with its kind
  (component, class, exception, function, alias, module...) and whether
  Rio's own docs mark it ``public: False``;
- ``events``: the decorators in ``rio.event``;
- ``callables``: the parameters (name, kind, whether there is a default, the
  default where it is a plain value) of every public class's constructor,
  function and method;
- ``members``: the public methods, properties and constants of each class.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

RIO_VERSION = "0.12.3"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "tests" / "rio_reference" / "api.json"

# Methods every high-level component defines; users never call them.
_COMPONENT_INTERNALS = {"build", "build_css_source", "build_javascript_source"}


def ensure_venv(path: Path) -> Path:
    """The venv's python, with rio-ui installed (made if missing)."""
    python = path / "bin" / "python"
    if not python.exists():
        print(f"creating {path}", file=sys.stderr)
        venv.create(path, with_pip=True)
    check = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.metadata as m; print(m.version('rio-ui'))",
        ],
        capture_output=True,
        text=True,
    )
    if check.stdout.strip() != RIO_VERSION:
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"rio-ui=={RIO_VERSION}"],
            check=True,
        )
    return python


# --- inside the venv ---------------------------------------------------------


def _simple(value: Any) -> bool:
    if value is None or type(value) in (bool, int, float, str):
        return True
    if type(value) is tuple:
        return all(_simple(v) for v in value)
    return False


def _params(signature: Any, *, drop_self: bool) -> list[dict[str, Any]]:
    import inspect

    result = []
    for index, param in enumerate(signature.parameters.values()):
        if drop_self and index == 0 and param.name == "self":
            continue
        entry: dict[str, Any] = {
            "name": param.name,
            "kind": param.kind.name,
            "has_default": param.default is not inspect.Parameter.empty,
        }
        if entry["has_default"]:
            if _simple(param.default):
                default = param.default
                entry["default"] = list(default) if type(default) is tuple else default
                entry["default_type"] = type(default).__name__
            else:
                entry["default_repr"] = repr(param.default)[:80]
        result.append(entry)
    return result


def _signature(obj: Any, *, is_class: bool) -> list[dict[str, Any]] | None:
    import inspect

    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        signature = None
    variadic_only = signature is not None and all(
        p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        for p in signature.parameters.values()
    )
    if is_class and (signature is None or variadic_only):
        # Rio's component metaclass hides the dataclass __init__ behind
        # (*args, **kwargs): read the __init__ itself.
        init = obj.__dict__.get("__init__") or getattr(obj, "__init__", None)
        try:
            return _params(inspect.signature(init), drop_self=True)
        except (TypeError, ValueError):
            return None
    if signature is None:
        return None
    return _params(signature, drop_self=False)


def _kind(rio: Any, value: Any) -> str:
    import enum
    import inspect

    if inspect.ismodule(value):
        return "module"
    if inspect.isclass(value):
        if issubclass(value, rio.Component):
            return "component"
        if issubclass(value, BaseException):
            return "exception"
        if issubclass(value, enum.Enum):
            return "enum"
        if value.__name__.endswith("Event"):
            return "event"
        return "class"
    if inspect.isfunction(value):
        return "function"
    return "alias"


def _is_private(value: Any) -> bool:
    import re

    doc = getattr(value, "__doc__", None) or ""
    return re.search(r"`public`:\s*False", doc) is not None


def _members(rio: Any, cls: type) -> dict[str, str]:
    import inspect

    is_component = cls is not rio.Component and issubclass(cls, rio.Component)
    base = set(dir(rio.Component)) if is_component else set()
    members: dict[str, str] = {}
    for name in dir(cls):
        if name.startswith("_") or name in base:
            continue
        if is_component and name in _COMPONENT_INTERNALS:
            continue
        owner = next((k for k in cls.__mro__ if name in k.__dict__), None)
        if owner is None or not owner.__module__.startswith("rio"):
            continue  # from object, Exception, Enum, Generic...
        static = owner.__dict__[name]
        if isinstance(static, staticmethod):
            kind = "staticmethod"
        elif isinstance(static, classmethod):
            kind = "classmethod"
        elif inspect.isfunction(static):
            kind = "method"
        elif type(static).__name__ == "ComponentProperty":
            kind = "field"
        elif hasattr(static, "__get__") and not isinstance(static, type):
            kind = "property"
        else:
            kind = "attribute"
        members[name] = kind
    return members


def collect() -> dict[str, Any]:
    import inspect
    import warnings

    warnings.simplefilter("ignore")
    import rio
    import rio.event

    names: dict[str, dict[str, Any]] = {}
    callables: dict[str, list[dict[str, Any]] | None] = {}
    members: dict[str, dict[str, str]] = {}
    for name in sorted(dir(rio)):
        if name.startswith("_"):
            continue
        value = getattr(rio, name)
        kind = _kind(rio, value)
        names[name] = {"kind": kind, "private": _is_private(value)}
        if kind == "function":
            callables[name] = _signature(value, is_class=False)
        elif inspect.isclass(value):
            callables[name] = _signature(value, is_class=True)
            found = _members(rio, value)
            if found:
                members[name] = found
            for member, member_kind in found.items():
                if member_kind in ("method", "classmethod", "staticmethod"):
                    callables[f"{name}.{member}"] = _signature(
                        getattr(value, member), is_class=False
                    )
    events = sorted(
        n
        for n, v in vars(rio.event).items()
        if not n.startswith("_")
        and inspect.isfunction(v)
        and v.__module__ == rio.event.__name__
    )
    for event in events:
        callables[f"event.{event}"] = _signature(
            getattr(rio.event, event), is_class=False
        )
    return {
        "rio_version": rio.__version__ if hasattr(rio, "__version__") else RIO_VERSION,
        "names": names,
        "events": events,
        "callables": callables,
        "members": members,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=Path("/tmp/rio-venv"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--collect", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.collect:
        # A file, not stdout: importing rio writes terminal escapes there.
        data = collect()
        args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
        return
    python = ensure_venv(args.venv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(python), __file__, "--collect", "--out", str(args.out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

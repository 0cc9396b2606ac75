"""rio_desktop has Rio 0.12.3's public API: names, parameters, members.

The reference is tests/rio_reference/api.json, written from Rio itself by
scripts/rio_api_snapshot.py. Every check is one test, so a failure names what
is missing; ``python tests/test_rio_api.py`` prints the whole list, grouped.

Deliberate exceptions are listed below, each with its reason. A name or
parameter that is simply not done yet is NOT an exception: it fails.
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import rio_desktop as rio

API = json.loads(
    (Path(__file__).parent / "rio_reference" / "api.json").read_text(encoding="utf-8")
)

# --- deliberate exceptions -----------------------------------------------------

#: Rio's internals: names it exports but that are not part of what Rio apps
#: write (Rio's own docstrings mark each of them `public: False`).
RIO_INTERNALS = {
    "DevelComponent": "Rio's dev tools (its in-browser developer sidebar)",
    "CodeExplorer": "a component of Rio's documentation site",
    "GraphEditor": "Rio's node editor (experimental, undocumented)",
    "GraphStore": "Rio's node editor (experimental, undocumented)",
    "NodeInput": "Rio's node editor (experimental, undocumented)",
    "NodeOutput": "Rio's node editor (experimental, undocumented)",
    "DialogContainer": (
        "Rio's internal root of a dialog; apps call Session.show_custom_dialog"
    ),
    "DefaultRootComponent": "Rio's own root when App has no build (not public in"
    " Rio); rio_desktop draws its own default root",
    "AutoForm": "not public in Rio 0.12.3 (unfinished there)",
    "FormBuilder": "not public in Rio 0.12.3 (unfinished there)",
    "InvalidProjectConfigError": "about Rio's rio.toml project files, which"
    " rio-desktop does not use",
    "Extension": "Rio's extension API, not public in Rio 0.12.3",
    "ExtensionAppStartEvent": "Rio's extension API, not public in Rio 0.12.3",
    "ExtensionAppCloseEvent": "Rio's extension API, not public in Rio 0.12.3",
    "ExtensionAsFastapiEvent": "Rio's extension API, not public in Rio 0.12.3",
    "ExtensionPageChangeEvent": "Rio's extension API, not public in Rio 0.12.3",
    "ExtensionSessionStartEvent": "Rio's extension API, not public in Rio 0.12.3",
    "ExtensionSessionCloseEvent": "Rio's extension API, not public in Rio 0.12.3",
}

#: Rio's module names (rio.app, rio.components, ...) are its source layout, not
#: API; rio_desktop's modules differ. `rio.event` and `rio.icons` are API and
#: are checked.
MODULES_CHECKED = {"event", "icons"}

#: Missing components (and what belongs only to them) are issue 15's work:
#: "Rio apps run unchanged (2 of 2): Rio's whole component set".
PENDING_ISSUE_15: set[str] = set()

#: The built-in components' parameters that differ from Rio's today, one
#: problem per line: issue 15's work. Only this list may shrink.
PENDING_ISSUE_15_PROBLEMS = {
    line
    for line in (Path(__file__).parent / "rio_reference" / "pending_issue_15.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("#")
}

#: Single parameter differences kept on purpose, with the reason.
DELIBERATE_PROBLEMS = {
    "Table.add: missing": "Rio 0.12.3 marks Table.add not public (unfinished there)",
}


def _unexcused(problems: list[str]) -> list[str]:
    return [
        p
        for p in problems
        if p not in PENDING_ISSUE_15_PROBLEMS and p not in DELIBERATE_PROBLEMS
    ]


#: Callables whose parameters are deliberately not Rio's.
CALLABLE_EXCEPTIONS = {
    "Session": "sessions are made by the server; Rio's takes its own server"
    " and transport objects",
    "Session.serve": "Rio's internal message loop, not called by apps",
    "Dialog": "dialogs are made by Session.show_custom_dialog, in Rio too",
}

#: Members (methods, properties) deliberately left out, with the reason.
MEMBER_EXCEPTIONS = {
    "Session.serve": CALLABLE_EXCEPTIONS["Session.serve"],
}


def _excused_name(name: str) -> bool:
    info = API["names"][name]
    if info["kind"] == "module" and name not in MODULES_CHECKED:
        return True
    return name in RIO_INTERNALS or name in PENDING_ISSUE_15


def _excused_callable(key: str) -> bool:
    owner = key.split(".")[0]
    if key in CALLABLE_EXCEPTIONS or owner in RIO_INTERNALS:
        return True
    return owner != "event" and owner in API["names"] and _excused_name(owner)


# --- looking things up in rio_desktop --------------------------------------------

_MISSING = object()


def _resolve(key: str) -> Any:
    value: Any = rio
    for part in key.split("."):
        value = getattr(value, part, _MISSING)
        if value is _MISSING:
            return _MISSING
    return value


def _kind_problem(rio_kind: str, value: Any) -> str | None:
    if rio_kind == "component":
        ok = inspect.isclass(value) and issubclass(value, rio.Component)
    elif rio_kind == "exception":
        ok = inspect.isclass(value) and issubclass(value, BaseException)
    elif rio_kind in ("class", "event", "enum"):
        ok = inspect.isclass(value)
    elif rio_kind == "function":
        ok = callable(value)
    elif rio_kind == "module":
        ok = inspect.ismodule(value)
    else:
        ok = True
    return None if ok else f"is {type(value).__name__}, Rio's is a {rio_kind}"


def _same_default(rio_param: dict[str, Any], ours: inspect.Parameter) -> bool:
    if "default" not in rio_param:
        return True  # not a plain value: not compared
    expected = rio_param["default"]
    actual = ours.default
    if rio_param["default_type"] == "tuple":
        return isinstance(actual, (tuple, list)) and list(actual) == expected
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(actual) is type(expected) and actual == expected
    return actual == expected and type(actual) in (type(expected), int, float, str)


def parameter_problems(key: str) -> list[str]:
    """What differs between Rio's parameters of `key` and rio_desktop's."""
    rio_params = API["callables"][key]
    if rio_params is None:
        return []
    value = _resolve(key)
    if value is _MISSING:
        return [f"{key}: missing"]
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError) as error:
        if not inspect.isclass(value):
            return [f"{key}: no signature ({error})"]
        # An exception class without __init__ of its own: as the snapshot
        # does for Rio's, read the inherited __init__.
        signature = inspect.signature(value.__init__)
        signature = signature.replace(
            parameters=list(signature.parameters.values())[1:]
        )
    ours = list(signature.parameters.values())
    by_name = {p.name: p for p in ours}
    if all(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in ours) and any(
        p["kind"] not in ("VAR_POSITIONAL", "VAR_KEYWORD") for p in rio_params
    ):
        return [f"{key}: signature is {signature}, Rio's names its parameters"]
    problems = []
    # Positional parameters: the same order; positional-only ones match by
    # place (their names are not part of the API).
    rio_positional = [
        p
        for p in rio_params
        if p["kind"] in ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD")
    ]
    our_positional = [
        p for p in ours if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    by_place: dict[str, inspect.Parameter] = {}
    for index, rio_param in enumerate(rio_positional):
        if index >= len(our_positional):
            break
        if rio_param["kind"] == "POSITIONAL_ONLY":
            by_place[rio_param["name"]] = our_positional[index]
        elif our_positional[index].name != rio_param["name"]:
            problems.append(
                f"{key}: positional order {[p.name for p in our_positional]},"
                f" Rio's {[p['name'] for p in rio_positional]}"
            )
            break
    for rio_param in rio_params:
        if rio_param["kind"] in ("VAR_POSITIONAL", "VAR_KEYWORD"):
            continue  # Rio's *args / **kwargs promise no names
        name = rio_param["name"]
        param = by_place.get(name) or by_name.get(name)
        if param is None:
            problems.append(f"{key}({name}=): missing")
            continue
        if param.kind.name != rio_param["kind"]:
            problems.append(
                f"{key}({name}=): {param.kind.name}, Rio's is {rio_param['kind']}"
            )
        # A default where Rio has none breaks no Rio code: not compared.
        has_default = param.default is not inspect.Parameter.empty
        if rio_param["has_default"] and not has_default:
            problems.append(f"{key}({name}=): required, Rio's has a default")
        elif rio_param["has_default"] and not _same_default(rio_param, param):
            problems.append(
                f"{key}({name}=): default {param.default!r}, Rio's"
                f" {rio_param['default']!r}"
            )
    return problems


def member_problems(owner: str) -> list[str]:
    """Rio's methods, properties and constants of `owner` missing here."""
    cls = _resolve(owner)
    if cls is _MISSING:
        return [f"{owner}: missing"]
    fields: set[str] = set()
    try:
        fields = set(inspect.signature(cls).parameters)
    except (TypeError, ValueError):
        pass
    problems = []
    for name, kind in API["members"][owner].items():
        if kind == "field" or f"{owner}.{name}" in MEMBER_EXCEPTIONS:
            continue  # fields are the constructor's parameters, checked there
        if f"{owner}.{name}" in API["callables"]:
            continue  # a method: test_parameters checks it
        if hasattr(cls, name) or (kind == "attribute" and name in fields):
            continue
        annotations: dict[str, Any] = {}
        for klass in getattr(cls, "__mro__", ()):
            annotations.update(getattr(klass, "__annotations__", {}))
        if kind in ("attribute", "property") and name in annotations:
            continue  # an instance attribute declared on the class
        problems.append(f"{owner}.{name}: missing ({kind})")
    return problems


# --- the checks ------------------------------------------------------------------

NAMES = sorted(n for n in API["names"] if not _excused_name(n))
CALLABLES = sorted(k for k in API["callables"] if not _excused_callable(k))
MEMBER_OWNERS = sorted(o for o in API["members"] if not _excused_callable(o))


@pytest.mark.parametrize("name", NAMES)
def test_public_name(name: str) -> None:
    value = getattr(rio, name, _MISSING)
    assert value is not _MISSING, f"rio.{name} ({API['names'][name]['kind']}) missing"
    problem = _kind_problem(API["names"][name]["kind"], value)
    assert problem is None, f"rio.{name} {problem}"


@pytest.mark.parametrize("name", API["events"])
def test_event_decorator(name: str) -> None:
    assert callable(getattr(rio.event, name, None)), f"rio.event.{name} missing"


def _skip_if_owner_missing(key: str) -> None:
    owner = key.split(".")[0]
    if owner != "event" and _resolve(owner) is _MISSING:
        pytest.skip(f"rio.{owner} is missing: test_public_name fails for it")


@pytest.mark.parametrize("key", CALLABLES)
def test_parameters(key: str) -> None:
    _skip_if_owner_missing(key)
    problems = _unexcused(parameter_problems(key))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("owner", MEMBER_OWNERS)
def test_members(owner: str) -> None:
    _skip_if_owner_missing(owner)
    problems = _unexcused(member_problems(owner))
    assert not problems, "\n".join(problems)


def test_exceptions_are_still_needed() -> None:
    """An exception for a name rio_desktop has (or Rio lacks) is stale."""
    stale = [n for n in PENDING_ISSUE_15 if hasattr(rio, n)]
    stale += [n for n in RIO_INTERNALS if n not in API["names"]]
    stale += [k for k in CALLABLE_EXCEPTIONS if k not in API["callables"]]
    current = {p for items in checklist().values() for p in items}
    stale += sorted(PENDING_ISSUE_15_PROBLEMS - current)
    assert not stale, f"remove these from the exceptions: {sorted(stale)}"


# --- the checklist ------------------------------------------------------------------


def checklist() -> dict[str, list[str]]:
    """Everything that differs from Rio, grouped (for `python tests/...`)."""
    groups: dict[str, list[str]] = {}
    for name in NAMES:
        value = getattr(rio, name, _MISSING)
        kind = API["names"][name]["kind"]
        if value is _MISSING:
            private = (
                " (Rio marks it public: False)" if API["names"][name]["private"] else ""
            )
            groups.setdefault(f"missing names: {kind}", []).append(name + private)
        elif (problem := _kind_problem(kind, value)) is not None:
            groups.setdefault("names of another kind", []).append(f"{name} {problem}")
    for name in API["events"]:
        if not callable(getattr(rio.event, name, None)):
            groups.setdefault("missing rio.event decorators", []).append(name)
    for key in CALLABLES:
        owner = key.split(".")[0]
        kind = API["names"].get(owner, {}).get("kind", "")
        group = "component parameters" if kind == "component" else "parameters"
        if _resolve(owner) is _MISSING:
            continue  # already listed as a missing name
        for problem in parameter_problems(key):
            groups.setdefault(group, []).append(problem)
    for owner in MEMBER_OWNERS:
        if _resolve(owner) is _MISSING:
            continue
        for problem in member_problems(owner):
            groups.setdefault("members", []).append(problem)
    return groups


if __name__ == "__main__":
    total = 0
    for group, items in checklist().items():
        print(f"\n## {group} ({len(items)})")
        for item in items:
            print(f"- {item}")
        total += len(items)
    print(f"\n{total} differences from Rio {API['rio_version']}")
    sys.exit(1 if total else 0)

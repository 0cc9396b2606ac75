"""URL patterns of pages and the parameters a page's build takes from the URL.

A page's ``url_segment`` may hold path parameters: ``"user/{user_id}"``
matches ``user/42`` and passes ``user_id`` to the page's build;
``"{rest:path}"`` takes the rest of the path. Fields (or build parameters)
annotated ``QueryParameter[T]`` get their value from the URL's query string.
Values are converted to the annotated type (str, int, float, bool, a
`Literal`, or an optional one of those); a value that does not convert is
left out (a path parameter that does not convert means the page does not
match).
"""

from __future__ import annotations

import inspect
import re
import sys
import types
import typing
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, TypeVar, Union

__all__ = ["QUERY_PARAMETER", "QueryParameter", "UrlPattern", "parameter_parsers"]

T = TypeVar("T")


class QUERY_PARAMETER:  # noqa: N801 (a marker, named as Rio names it)
    """Marks an annotation as taken from the URL's query string."""


#: ``name: rio.QueryParameter[str] = ""``: the value comes from ``?name=...``.
QueryParameter = Annotated[T, QUERY_PARAMETER]


class UrlPattern:
    """A page's url_segment, compiled: literal segments and ``{parameters}``."""

    __slots__ = ("regex", "template", "parameter_names")
    regex: re.Pattern[str]
    template: str
    parameter_names: tuple[str, ...]

    def __init__(self, pattern: str) -> None:
        if pattern.startswith("/"):
            raise ValueError(
                f"url_segment {pattern!r} may not start with '/': it is relative"
                f" to the parent page (write {pattern.lstrip('/')!r})"
            )
        if "?" in pattern or "#" in pattern:
            raise ValueError(
                f"url_segment {pattern!r} may not contain '?' or '#': declare"
                " query parameters as fields annotated rio.QueryParameter[...]"
            )
        names: list[str] = []
        parts: list[str] = []
        if not pattern:
            self.regex, self.template, self.parameter_names = re.compile("$"), "", ()
            return
        for segment in pattern.split("/"):
            if not segment:
                raise ValueError(f"url_segment {pattern!r} has an empty segment")
            if not segment.startswith("{"):
                if "{" in segment or "}" in segment:
                    raise ValueError(
                        f"url_segment {pattern!r}: a segment with braces must be"
                        " exactly one {parameter}"
                    )
                parts.append(re.escape(segment))
                continue
            if not segment.endswith("}"):
                raise ValueError(f"url_segment {pattern!r}: {segment!r} lacks '}}'")
            name, _, kind = segment[1:-1].partition(":")
            if kind not in ("", "path"):
                raise ValueError(
                    f"url_segment {pattern!r}: unknown parameter kind {kind!r}"
                    " (only {name:path} is known)"
                )
            if not name.isidentifier():
                raise ValueError(
                    f"url_segment {pattern!r}: parameter name {name!r} is not"
                    " a Python identifier"
                )
            if name in names:
                raise ValueError(f"url_segment {pattern!r} repeats {name!r}")
            names.append(name)
            parts.append(f"(?P<{name}>.+)" if kind else f"(?P<{name}>[^/]+)")
        self.regex = re.compile("/".join(parts) + "(?:/|$)", re.IGNORECASE)
        self.template = pattern
        self.parameter_names = tuple(names)

    def match(self, path: str) -> tuple[dict[str, str], str] | None:
        """Match the start of `path` (no leading slash): (parameters, rest)."""
        found = self.regex.match(path)
        if found is None:
            return None
        return found.groupdict(), path[found.end() :].lstrip("/")

    def build(self, values: Mapping[str, str]) -> str:
        """The URL segment with `values` put in for its parameters."""
        return re.sub(
            r"\{(\w+)(?::path)?\}", lambda found: values[found[1]], self.template
        )


# --- converting parameter values -------------------------------------------

_TRUE = ("true", "t", "yes", "y", "1")
_FALSE = ("false", "f", "no", "n", "0")


class Parser:
    """Converts a URL string to a value of one type."""

    def __init__(self, convert: Callable[[str], Any], values: Sequence[str] | None):
        self.convert = convert
        #: Every valid value as a string, if there are few (else None).
        self.values = values


def _parse_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"{text!r} is not a boolean")


def parser_for(annotation: Any) -> Parser:
    """The parser for a parameter annotated `annotation` (TypeError if none)."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return parser_for(typing.get_args(annotation)[0])
    if annotation in (str, int, float):
        return Parser(annotation, None)
    if annotation is bool:
        return Parser(_parse_bool, ("true", "false"))
    if origin is typing.Literal:
        options = typing.get_args(annotation)
        kinds = {type(option) for option in options}
        if len(kinds) != 1:
            raise TypeError("a Literal parameter's values must be of one type")
        inner = parser_for(kinds.pop())

        def convert(text: str) -> Any:
            value = inner.convert(text)
            if value not in options:
                raise ValueError(f"{text!r} is not one of {options}")
            return value

        return Parser(convert, [str(option) for option in options])
    if origin in (Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(rest) == 1:
            return parser_for(rest[0])
    raise TypeError(
        f"URL parameters of type {annotation!r} are not supported; use str,"
        " int, float, bool or a Literal"
    )


def _is_query(annotation: Any) -> bool:
    return typing.get_origin(annotation) is Annotated and any(
        meta is QUERY_PARAMETER for meta in annotation.__metadata__
    )


def _resolve(annotation: Any, namespace: dict[str, Any]) -> Any:
    if isinstance(annotation, str):
        return eval(annotation, namespace)  # noqa: S307 (the app's own annotation)
    return annotation


def _annotations_of(build: Callable[..., Any]) -> list[tuple[str, Any, bool, Any]]:
    """(name, annotation, has a default, globals) of what `build` accepts."""
    from .component import Component

    result = []
    if isinstance(build, type) and issubclass(build, Component):
        for cls in reversed(build.__mro__):
            module = sys.modules.get(cls.__module__)
            namespace = {**vars(module), **vars(cls)} if module else dict(vars(cls))
            for name, annotation in cls.__dict__.get("__annotations__", {}).items():
                field = build._fields.get(name)
                if field is None:
                    continue
                has_default = field.default_factory is not None or (
                    field.default is not _field_missing()
                )
                result.append((name, annotation, has_default, namespace))
        return result
    try:
        signature = inspect.signature(build)
    except (TypeError, ValueError):
        return []
    target = getattr(build, "func", build)  # functools.partial
    module = sys.modules.get(getattr(target, "__module__", ""), None)
    namespace = dict(vars(module)) if module else {}
    for name, parameter in signature.parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.kind is parameter.POSITIONAL_ONLY:
            continue
        has_default = parameter.default is not parameter.empty
        result.append((name, parameter.annotation, has_default, namespace))
    return result


def _field_missing() -> Any:
    from .component import _MISSING

    return _MISSING


def parameter_parsers(
    build: Callable[..., Any], path_names: Sequence[str]
) -> dict[str, Parser]:
    """The parsers of `build`'s path parameters and query parameters."""
    parsers: dict[str, Parser] = {}
    seen: set[str] = set()
    for name, raw, has_default, namespace in _annotations_of(build):
        seen.add(name)
        try:
            annotation = _resolve(raw, namespace)
        except Exception:
            text = str(raw).lower()
            if "query" in text or name in path_names:
                warnings.warn(
                    f"The annotation of {name!r} of {getattr(build, '__name__', build)}"
                    f" ({raw!r}) cannot be evaluated, so it cannot take its value"
                    " from the URL: make the names it uses importable at run time.",
                    stacklevel=2,
                )
            continue
        if name not in path_names:
            if not _is_query(annotation):
                continue
            if not has_default:
                raise TypeError(f"the query parameter {name!r} needs a default value")
        if annotation is inspect.Parameter.empty:
            raise TypeError(f"the parameter {name!r} needs a type annotation")
        parsers[name] = parser_for(annotation)
    missing = [name for name in path_names if name not in seen]
    if missing:
        raise TypeError(
            f"the url_segment has the parameter {missing[0]!r}, but"
            f" {getattr(build, '__name__', build)} takes no such argument"
        )
    return parsers

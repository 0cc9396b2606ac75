"""UserSettings: values that outlive the app, and where they are kept.

In window mode the settings of every `UserSettings` subclass attached to the
session are kept in ``platformdirs.user_data_dir(<app name>)/settings.json``:
loaded when the session starts, written within a second of a change
(atomically: a temporary file, then a rename), and flushed when the app
closes (`SettingsStore`).

In website mode they are kept in the visitor's browser, in ``localStorage``
under ``rio-desktop:settings:<base path>`` (`BrowserSettingsStore`): the page
sends what it has in its ``hello``, and the session sends the whole object
back (a ``saveSettings`` page call) on the loop tick after a change; the page
writes it within a quarter second, or at once when it is left.

A field annotated `HttpOnly[...]` is kept out of the page's reach in website
mode: not in ``localStorage`` but in an HttpOnly cookie, which the page
fetches from a one-time URL (the server sets it) and the websocket handshake
carries back. In a window it is in the settings file like the others.

Values are converted by their fields' annotations (`_settings_codec`):
dataclasses, enums, datetimes, sets... Both load the same way: a section that
is not an object, or a field whose stored value does not fit its type, is
ignored with a warning and the default stays.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import json
import logging
import os
import tempfile
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, ClassVar, NoReturn, TypeVar

from . import _settings_codec as codec

__all__ = [
    "UserSettings",
    "HttpOnly",
    "SettingsStore",
    "BrowserSettingsStore",
    "settings_dir",
]

_T = TypeVar("_T")
#: The marker `HttpOnly` puts in a field's `Annotated` metadata (Rio's own).
HTTP_ONLY = "rio.HttpOnly"
#: Annotate a `UserSettings` field `HttpOnly[str]`: in website mode it is kept
#: in an HttpOnly cookie, out of reach of scripts in the page.
HttpOnly = Annotated[_T, HTTP_ONLY]

log = logging.getLogger(__name__)

#: How long after a change the settings file is written.
WRITE_DELAY = 0.5

_NO_DEFAULT: Any = object()


def settings_dir(app_name: str) -> Path:
    """The folder an app's settings and window geometry are kept in."""
    import platformdirs

    override = os.environ.get("RIO_DESKTOP_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(app_name, appauthor=False))


class UserSettings:
    """Settings that are remembered between runs of the app.

    Subclass it, declare fields, and attach an instance to the session
    (usually through `App(default_attachments=[...])`). A field without a
    default is a constructor argument, as in a dataclass
    (`Settings(auth_token="")`); the attached instance's values are the
    defaults on the first run. Assigning a field saves it. In window mode
    they are stored on disk, in the app's data folder; in website mode in
    the visitor's browser (``localStorage``), so they come back when the same
    browser opens the app again.

    Mutating a list or dict in place is not noticed: assign a new value, or
    attach the instance again (`session.attach(settings)`), as in Rio.

    Field types: JSON values, lists, tuples, sets, dicts, dataclasses, enums,
    `datetime`, `date`, `time`, `timedelta`, `bytes`, `UUID`, `Path`, and
    unions of them. A field annotated `rio.HttpOnly[...]` is, in website
    mode, kept in an HttpOnly cookie that scripts in the page cannot read.

    Example:
        ```python
        class Settings(rio.UserSettings):
            language: str = "en"
            volume: float = 0.5

        app = rio.App(build=MyRoot, default_attachments=[Settings()])

        # in a component:
        self.session[Settings].volume = 0.8   # saved
        ```

    Attributes:
        section_name: The key under which this class's fields are stored;
            defaults to the class name.
    """

    section_name: ClassVar[str] = ""
    #: Field name -> class default (`_NO_DEFAULT`: a constructor argument).
    _fields: ClassVar[dict[str, Any]] = {}
    #: Field name -> resolved annotation; made on first use (`_field_types`).
    _types: ClassVar[dict[str, Any] | None] = None
    #: The fields annotated `HttpOnly[...]`; made on first use.
    _http_only: ClassVar[frozenset[str] | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = dict(getattr(cls, "_fields", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if _is_classvar(annotation):
                continue
            default = cls.__dict__.get(name, _NO_DEFAULT)
            if isinstance(default, dataclasses.Field):
                if default.default_factory is not dataclasses.MISSING:
                    default = default.default_factory()
                elif default.default is not dataclasses.MISSING:
                    default = default.default
                else:
                    default = _NO_DEFAULT
                if default is not _NO_DEFAULT:
                    setattr(cls, name, default)
                else:
                    delattr(cls, name)
            fields[name] = default
        cls._fields = fields
        cls._types = None
        cls.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [
                inspect.Parameter(
                    name,
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    default=inspect.Parameter.empty
                    if default is _NO_DEFAULT
                    else default,
                )
                for name, default in fields.items()
            ],
            __validate_parameters__=False,
        )

    def __init__(self, *args: Any, **values: Any) -> None:
        cls = type(self)
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(
                f"{cls.__name__}() takes {len(fields)} positional argument(s)"
                f" but {len(args)} were given"
            )
        for name, value in zip(fields, args, strict=False):
            if name in values:
                raise TypeError(
                    f"{cls.__name__}() got multiple values for argument {name!r}"
                )
            values[name] = value
        object.__setattr__(self, "_store", None)
        for name, default in fields.items():
            if name in values:
                continue
            if default is _NO_DEFAULT:
                raise TypeError(
                    f"{cls.__name__}() is missing the required argument {name!r}"
                )
            object.__setattr__(self, name, copy.deepcopy(default))
        for name, value in values.items():
            if name not in fields:
                raise TypeError(
                    f"{cls.__name__} has no setting {name!r}; declare it as a"
                    " class attribute"
                )
            setattr(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in type(self)._fields:
            _check_storable(type(self), name, value)
            object.__setattr__(self, name, value)
            store: SettingsStore | None = self.__dict__.get("_store")
            if store is not None:
                store.changed(self)
            return
        object.__setattr__(self, name, value)

    def __deepcopy__(self, memo: dict[int, Any]) -> UserSettings:
        clone = type(self).__new__(type(self))
        object.__setattr__(clone, "_store", None)
        for name in type(self)._fields:
            object.__setattr__(clone, name, copy.deepcopy(getattr(self, name), memo))
        return clone

    def __repr__(self) -> str:
        values = ", ".join(f"{n}={getattr(self, n)!r}" for n in type(self)._fields)
        return f"{type(self).__name__}({values})"

    def bind(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Settings cannot be bound (as in Rio): bind to a component's field
        and copy the value into the settings in its change handler."""
        raise AttributeError(
            f"{type(self).__name__}.bind(): settings cannot be bound; bind a"
            " component's field and assign the settings in its change handler"
        )

    @classmethod
    def _section(cls) -> str:
        return cls.section_name or cls.__name__

    @classmethod
    def _field_types(cls) -> dict[str, Any]:
        types = cls.__dict__.get("_types")
        if types is None:
            hints = codec.field_types(cls)
            types = {name: hints.get(name, Any) for name in cls._fields}
            cls._types = types
        return types

    @classmethod
    def _http_only_fields(cls) -> frozenset[str]:
        """The fields annotated `HttpOnly[...]`."""
        names = cls.__dict__.get("_http_only")
        if names is None:
            names = frozenset(
                name
                for name, typ in cls._field_types().items()
                if HTTP_ONLY in getattr(typ, "__metadata__", ())
            )
            cls._http_only = names
        return names

    def _to_json(self) -> dict[str, Any]:
        types = type(self)._field_types()
        return {
            name: codec.to_json(types[name], getattr(self, name))
            for name in type(self)._fields
        }

    def _load_json(self, data: dict[str, Any]) -> None:
        """Take the stored values; one of the wrong kind keeps its default."""
        fields = type(self)._fields
        types = type(self)._field_types()
        for name, value in data.items():
            if name not in fields:
                continue  # a setting the app no longer has
            default = fields[name]
            if default is _NO_DEFAULT:  # the attached instance's value
                default = getattr(self, name)
            if types[name] is not Any:
                try:
                    value = codec.from_json(types[name], value)
                except (ValueError, TypeError):
                    pass
                else:
                    object.__setattr__(self, name, value)
                    continue
            elif _same_json_kind(default, value):
                object.__setattr__(self, name, value)
                continue
            log.warning(
                "Ignoring the stored setting %s.%s = %.80r: it does not fit its"
                " type (default %.80r), so the default is used",
                type(self).__name__,
                name,
                value,
                default,
            )


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "str"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return type(value).__name__


def _same_json_kind(default: Any, value: Any) -> bool:
    """Whether a stored `value` may replace `default` (None: anything may)."""
    if default is None:
        return True
    if isinstance(default, int) and not isinstance(default, bool):
        # An int setting stays an int: 2.5 for a count is not a count.
        return isinstance(value, int) and not isinstance(value, bool)
    return _json_kind(default) == _json_kind(value)


def _is_classvar(annotation: Any) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(
            ("ClassVar", "typing.ClassVar", "t.ClassVar", "te.ClassVar")
        )
    return typing.get_origin(annotation) is ClassVar


def _check_storable(cls: type[UserSettings], name: str, value: Any) -> None:
    try:
        json.dumps(codec.to_json(cls._field_types()[name], value))
    except (TypeError, ValueError) as error:
        raise TypeError(f"{cls.__name__}.{name} = {value!r}: {error}") from None


class SettingsStore:
    """The settings file of one app: sections of JSON values.

    All methods run on the server's event loop (one thread).

    Args:
        path: The settings file, or None to keep settings in memory only.
    """

    #: Seconds between a change and the write.
    write_delay: float = WRITE_DELAY

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._data: dict[str, Any] = {}
        self._dirty = False
        self._timer: Any = None
        if path is not None:
            self._data = _read_or_set_aside(path)

    @property
    def _persistent(self) -> bool:
        return self.path is not None

    def _write(self) -> None:
        assert self.path is not None
        try:
            write_json_atomically(self.path, self._data)
        except OSError as error:
            log.warning("Could not save the settings to %s: %s", self.path, error)

    def attach(self, settings: UserSettings, *, load: bool) -> None:
        """Bind `settings`: take the stored values (load) or store its own."""
        section = settings._section()
        stored = self._data.get(section)
        if load and stored is not None and not isinstance(stored, dict):
            log.warning(
                "Ignoring the stored settings %r: %.80r is not an object; the"
                " defaults are used",
                section,
                stored,
            )
        if load and isinstance(stored, dict):
            settings._load_json(stored)
        object.__setattr__(settings, "_store", self)
        if not load or not isinstance(stored, dict):
            self.changed(settings)

    def detach(self, settings: UserSettings) -> None:
        object.__setattr__(settings, "_store", None)

    def changed(self, settings: UserSettings) -> None:
        """A field changed: write the file soon."""
        self._data[settings._section()] = settings._to_json()
        self._dirty = True
        if not self._persistent or self._timer is not None:
            return
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.flush()
            return
        self._timer = loop.call_later(self.write_delay, self.flush)

    def flush(self) -> None:
        """Write pending changes now (atomically)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._dirty or not self._persistent:
            return
        self._dirty = False
        self._write()


#: The key of `user_settings` in a page's hello when what the browser had
#: stored was not a JSON object (the page keeps it aside as ``<key>.bak``).
BROWSER_ERROR_KEY = "rio-desktop:error"


class BrowserSettingsStore(SettingsStore):
    """Website mode: the settings of one visitor, kept in their browser.

    The page reads ``localStorage`` when it connects and sends the object in
    its ``hello`` (`stored`); every change is handed to `save` (which asks
    the page to store the whole object) on the next loop tick, so several
    assignments in one handler make one write. The page debounces the
    ``localStorage`` write itself and flushes it when it is left.

    Fields annotated `HttpOnly[...]` never go to the page: they come from the
    app's HttpOnly cookie (`cookie`, read from the websocket handshake) and
    changes go to `save_cookie`, which has the server set the cookie.

    Args:
        stored: The hello's ``user_settings``: sections by name.
        save: Called with all sections to store (a copy).
        cookie: The HttpOnly fields' sections, from the cookie.
        save_cookie: Called with the HttpOnly fields' sections when they
            changed; None: they last as long as the session.
    """

    write_delay = 0.0

    def __init__(
        self,
        stored: Mapping[str, Any],
        save: Callable[[dict[str, Any]], None],
        *,
        cookie: Mapping[str, Any] | None = None,
        save_cookie: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        super().__init__(None)
        self._save = save
        self._save_cookie = save_cookie
        error = stored.get(BROWSER_ERROR_KEY)
        if error is not None:
            log.warning(
                "The settings stored in the browser were corrupt (%s); the page"
                " kept them aside and the defaults are used",
                str(error)[:200],
            )
            stored = {}
        self._data = dict(stored)
        self._cookie = {
            section: values
            for section, values in (cookie or {}).items()
            if isinstance(values, dict)
        }
        #: What the cookie holds now, as far as this session knows.
        self._cookie_sent: dict[str, Any] | None = copy.deepcopy(self._cookie)
        #: Section -> its HttpOnly fields, for each attached class that has some.
        self._http_only: dict[str, frozenset[str]] = {}

    @property
    def _persistent(self) -> bool:
        return True

    def attach(self, settings: UserSettings, *, load: bool) -> None:
        section = settings._section()
        http_only = settings._http_only_fields()
        if http_only:
            self._http_only[section] = http_only
            local = self._data.get(section)
            merged = {
                name: value
                for name, value in (local if isinstance(local, dict) else {}).items()
                if name not in http_only  # the page could have written these
            }
            from_cookie = self._cookie.get(section, {})
            merged.update(
                (name, value)
                for name, value in from_cookie.items()
                if name in http_only
            )
            self._data[section] = merged
        super().attach(settings, load=load)

    def resend(self) -> None:
        """Store everything again (the page reconnected: calls may be lost)."""
        self._cookie_sent = None
        if self._data:
            self._write()

    def _write(self) -> None:
        local: dict[str, Any] = {}
        cookie: dict[str, Any] = {}
        for section, values in self._data.items():
            http_only = self._http_only.get(section)
            if not http_only or not isinstance(values, dict):
                local[section] = copy.deepcopy(values)
                continue
            local[section] = {
                k: copy.deepcopy(v) for k, v in values.items() if k not in http_only
            }
            cookie[section] = {
                k: copy.deepcopy(v) for k, v in values.items() if k in http_only
            }
        self._save(local)
        self._cookie = copy.deepcopy(cookie)  # what a re-attach loads
        if cookie and cookie != self._cookie_sent and self._save_cookie is not None:
            self._cookie_sent = copy.deepcopy(cookie)
            self._save_cookie(cookie)


def write_json_atomically(path: Path, data: Any) -> None:
    """Write `data` as JSON to `path` via a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, indent=2, ensure_ascii=False)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _read_or_set_aside(path: Path) -> dict[str, Any]:
    """The JSON object in `path`; a corrupt file is renamed to `.bak`."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return {}
    except OSError as error:
        log.warning("Could not read the settings in %s: %s", path, error)
        return {}
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except ValueError as error:
        backup = path.with_name(path.name + ".bak")
        log.warning(
            "The settings file %s is corrupt (%s); it was moved to %s and the"
            " defaults are used",
            path,
            error,
            backup,
        )
        try:
            os.replace(path, backup)
        except OSError:
            pass
        return {}
    return data

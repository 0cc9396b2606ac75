"""Small public helpers Rio apps use: Markdown escaping, `ImageLike`,
`i_know_what_im_doing`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from yarl import URL

__all__ = [
    "ImageLike",
    "escape_markdown",
    "escape_markdown_code",
    "i_know_what_im_doing",
]

T = TypeVar("T")

# Every character that means something in Markdown text, escaped with "\".
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!"})
# Inside a code span only the backslash and the backtick are special.
_CODE_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`"})


def escape_markdown(text: str) -> str:
    """`text` escaped so that Markdown shows it as it is.

    Example:
        ```python
        rio.Markdown(f"Hello, **{rio.escape_markdown(user_name)}**!")
        ```
    """
    return text.translate(_MARKDOWN_SPECIAL)


def escape_markdown_code(text: str) -> str:
    """`text` escaped for use inside a Markdown code span or block."""
    return text.translate(_CODE_SPECIAL)


def i_know_what_im_doing(thing: T) -> T:
    """Decorator that silences Rio's warnings about likely mistakes.

    rio-desktop does not give those warnings, so it returns `thing` as it is.
    """
    return thing


def __getattr__(name: str) -> Any:
    # ImageLike needs yarl, which `import rio_desktop` does not load.
    if name == "ImageLike":
        from yarl import URL

        value = Path | bytes | URL
        globals()["ImageLike"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    ImageLike = Path | bytes | URL

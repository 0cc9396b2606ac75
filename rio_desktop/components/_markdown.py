"""Markdown -> a small tree of allowed elements, never raw HTML.

The page builds DOM elements from the tree with `createElement` and
`textContent`, so `<script>` in the text stays text. Link targets are
limited to http(s), mailto and relative URLs.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from ..component import KW_ONLY, FundamentalComponent

__all__ = ["Markdown", "markdown_to_tree", "safe_url"]

Node = list[Any]  # [tag, {attributes}, *children]; children are str or Node

_PUNCTUATION = set("\\`*_{}[]()#+-.!~|<>\"'")
_SAFE_SCHEMES = ("http", "https", "mailto")


def safe_url(url: str) -> str | None:
    """`url` if it is http(s), mailto or relative; None otherwise."""
    cleaned = "".join(ch for ch in url.strip() if ch >= " " and ch != "\x7f")
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    if match and match.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return cleaned


class Markdown(FundamentalComponent):
    """Renders Markdown text: headings, emphasis, lists, quotes, code, links.

    Raw HTML in the text is shown as text, not interpreted, and links may
    only go to http(s), mailto or relative addresses, so untrusted text is
    safe to show.

    Args:
        text: The Markdown source.
        default_language: Highlighting for fenced code blocks without a
            language ("python", "javascript", "json").
        selectable: False stops the user from selecting the text.
        justify: Horizontal alignment of the text.
        wrap: Rio's older switch: False is overflow="nowrap", "ellipsize"
            is overflow="ellipsize"; True (default) leaves `overflow` to say.
        overflow: "wrap" (default), "nowrap" or "ellipsize".
        scroll_code_x, scroll_code_y: How code blocks scroll, as in
            `rio.CodeBlock`: "never", "auto" or "always".

    Example:
        ```python
        rio.Markdown("# Hello\\n\\nSome **bold** text and a [link](https://rio.dev).")
        ```
    """

    _fundamental_type = "Markdown"

    text: str = ""
    _: KW_ONLY
    default_language: str | None = None
    selectable: bool = True
    justify: Literal["left", "right", "center", "justify"] = "left"
    wrap: bool | Literal["ellipsize"] = True
    overflow: Literal["nowrap", "wrap", "ellipsize"] = "wrap"
    scroll_code_x: Literal["auto", "always", "never"] = "never"
    scroll_code_y: Literal["auto", "always", "never"] = "never"

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "text":
            return markdown_to_tree(value)
        return super()._serialize_field(name, value)


# --- blocks ----------------------------------------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^ {0,3}> ?(.*)$")
_BULLET = re.compile(r"^( {0,3})([-*+])\s+(.*)$")
_ORDERED = re.compile(r"^( {0,3})(\d{1,9})[.)]\s+(.*)$")


def markdown_to_tree(text: str) -> list[Node]:
    """Parse Markdown into [tag, attrs, *children] nodes of allowed tags."""
    return _blocks(text.replace("\r\n", "\n").replace("\t", "    ").split("\n"))


def _blocks(lines: list[str]) -> list[Node]:
    out: list[Node] = []
    i = 0
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(["p", {}, *_inline("\n".join(paragraph).strip())])
            paragraph.clear()

    while i < len(lines):
        line = lines[i]
        if not line.strip():
            flush()
            i += 1
            continue
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker, language = fence.group(1), fence.group(2)
            body: list[str] = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(marker):
                body.append(lines[i])
                i += 1
            i += 1
            attrs = {"language": language} if language else {}
            out.append(["pre", attrs, ["code", {}, "\n".join(body)]])
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            out.append([f"h{level}", {}, *_inline(heading.group(2) or "")])
            i += 1
            continue
        if _RULE.match(line) and not (paragraph and line.strip().startswith("-")):
            flush()
            out.append(["hr", {}])
            i += 1
            continue
        if _QUOTE.match(line):
            flush()
            quoted: list[str] = []
            while i < len(lines) and lines[i].strip():
                match = _QUOTE.match(lines[i])
                quoted.append(match.group(1) if match else lines[i])
                i += 1
            out.append(["blockquote", {}, *_blocks(quoted)])
            continue
        if _BULLET.match(line) or _ORDERED.match(line):
            flush()
            i = _list(lines, i, out)
            continue
        paragraph.append(line)
        i += 1
    flush()
    return out


def _list(lines: list[str], i: int, out: list[Node]) -> int:
    """Parse a list starting at line i into `out`; return the next line."""
    ordered = _ORDERED.match(lines[i]) is not None
    pattern = _ORDERED if ordered else _BULLET
    first = pattern.match(lines[i])
    assert first is not None
    attrs: dict[str, Any] = {}
    if ordered and int(first.group(2)) != 1:
        attrs["start"] = int(first.group(2))
    node: Node = ["ol" if ordered else "ul", attrs]
    while i < len(lines):
        match = pattern.match(lines[i])
        if not match:
            break
        indent = (
            len(match.group(1)) + len(match.group(0)) - len(match.group(0).lstrip())
        )
        item = [match.group(3)]
        content_indent = len(lines[i]) - len(match.group(3))
        i += 1
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                if i + 1 < len(lines) and lines[i + 1].startswith(" " * content_indent):
                    item.append("")
                    i += 1
                    continue
                break
            stripped_indent = len(line) - len(line.lstrip(" "))
            if stripped_indent >= max(content_indent, 2) or (
                stripped_indent > indent and not pattern.match(line)
            ):
                item.append(line[min(stripped_indent, content_indent) :])
                i += 1
                continue
            if pattern.match(line) or _BULLET.match(line) or _ORDERED.match(line):
                break
            item.append(line.strip())  # lazy continuation
            i += 1
        children = _blocks(item)
        if len(children) == 1 and children[0][0] == "p":
            children = children[0][2:]  # tight item: no paragraph
        elif children and children[0][0] == "p":
            children = [*children[0][2:], *children[1:]]
        node.append(["li", {}, *children])
        if i < len(lines) and not lines[i].strip():
            break
    out.append(node)
    return i


# --- inline ------------------------------------------------------------------


def _inline(text: str) -> list[Any]:
    out: list[Any] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.append("".join(buffer))
            buffer.clear()

    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _PUNCTUATION:
            buffer.append(text[i + 1])
            i += 2
            continue
        if ch == "\\" and i + 1 < n and text[i + 1] == "\n":
            flush()
            out.append(["br", {}])
            i += 2
            continue
        if ch == "`":
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            end = text.find("`" * run, i + run)
            if end != -1:
                flush()
                out.append(["code", {}, text[i + run : end].strip() or " "])
                i = end + run
                continue
            buffer.append("`" * run)
            i += run
            continue
        if text.startswith(("**", "__"), i):
            marker = text[i : i + 2]
            end = text.find(marker, i + 2)
            if end > i + 2:
                flush()
                out.append(["strong", {}, *_inline(text[i + 2 : end])])
                i = end + 2
                continue
        if text.startswith("~~", i):
            end = text.find("~~", i + 2)
            if end > i + 2:
                flush()
                out.append(["del", {}, *_inline(text[i + 2 : end])])
                i = end + 2
                continue
        if ch in "*_" and i + 1 < n and not text[i + 1].isspace():
            end = _closing(text, ch, i + 1)
            word_inside = ch == "_" and i > 0 and text[i - 1].isalnum()
            if end != -1 and not word_inside:
                flush()
                out.append(["em", {}, *_inline(text[i + 1 : end])])
                i = end + 1
                continue
        if ch == "[":
            link = _link(text, i)
            if link is not None:
                label, url, end = link
                flush()
                href = safe_url(url)
                if href is None:
                    out.extend(_inline(label))  # unsafe target: keep the text
                else:
                    out.append(["a", {"href": href}, *_inline(label)])
                i = end
                continue
        if ch == "<":
            end = text.find(">", i)
            inner = text[i + 1 : end] if end != -1 else ""
            if re.fullmatch(r"(https?://|mailto:)[^\s<>]+", inner):
                flush()
                out.append(["a", {"href": inner}, inner])
                i = end + 1
                continue
        if ch == "\n":
            if len(buffer) >= 2 and buffer[-1] == " " and buffer[-2] == " ":
                while buffer and buffer[-1] == " ":
                    buffer.pop()
                flush()
                out.append(["br", {}])
            else:
                buffer.append(" ")
            i += 1
            continue
        buffer.append(ch)
        i += 1
    flush()
    return out


def _closing(text: str, marker: str, start: int) -> int:
    """Index of the single `marker` closing emphasis opened before `start`."""
    i = start
    while True:
        i = text.find(marker, i)
        if i == -1:
            return -1
        doubled = text.startswith(marker * 2, i)
        if not doubled and not text[i - 1].isspace():
            return i
        i += 2 if doubled else 1


def _link(text: str, start: int) -> tuple[str, str, int] | None:
    """Parse `[label](url)` at `start`: (label, url, index after) or None."""
    depth = 0
    for j in range(start, len(text)):
        if text[j] == "[":
            depth += 1
        elif text[j] == "]":
            depth -= 1
            if depth == 0:
                break
    else:
        return None
    if not text.startswith("(", j + 1):
        return None
    close = text.find(")", j + 2)
    if close == -1:
        return None
    target = text[j + 2 : close].strip()
    url = target.split()[0] if target else ""
    return text[start + 1 : j], url.strip("<>"), close + 1

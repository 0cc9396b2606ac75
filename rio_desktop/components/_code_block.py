from __future__ import annotations

from ..component import FundamentalComponent

__all__ = ["CodeBlock"]


class CodeBlock(FundamentalComponent):
    """Shows source code in a monospace font, with syntax highlighting.

    Highlighting runs offline in the page for Python, JavaScript/TypeScript
    and JSON; other languages show plain.

    Args:
        code: The source text.
        language: "python", "javascript", "json"...; None: plain.
        show_controls: Show a button that copies the code.

    Example:
        ```python
        rio.CodeBlock("print('hello')", language="python")
        ```
    """

    _fundamental_type = "CodeBlock"

    code: str = ""
    language: str | None = None
    show_controls: bool = True

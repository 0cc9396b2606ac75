from __future__ import annotations

from typing import Literal

from ..component import KW_ONLY, FundamentalComponent

__all__ = ["CodeBlock"]


class CodeBlock(FundamentalComponent):
    """Shows source code in a monospace font, with syntax highlighting.

    Highlighting runs offline in the page for Python, JavaScript/TypeScript
    and JSON; other languages show plain.

    Args:
        code: The source text.
        language: "python", "javascript", "json"...; None: plain.
        show_controls: Show a button that copies the code.
        scroll_code_x, scroll_code_y: "never" (the block is as large as the
            code), "auto" (scroll bars when the code is larger than the
            block) or "always".

    Example:
        ```python
        rio.CodeBlock("print('hello')", language="python")
        ```
    """

    _fundamental_type = "CodeBlock"

    code: str = ""
    _: KW_ONLY
    language: str | None = None
    show_controls: bool = True
    scroll_code_x: Literal["auto", "always", "never"] = "never"
    scroll_code_y: Literal["auto", "always", "never"] = "never"

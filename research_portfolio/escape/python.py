"""Python source: a value as a literal (``repr``), which ``ast.literal_eval`` reads back as the same value.

A value is never put inside a docstring, a comment or a hand-written string: only where an
expression stands, as the whole expression.
"""

from __future__ import annotations

from typing import Any


def literal(value: str | int | float | bool | None | list[Any] | tuple[Any, ...] | dict[str, Any]) -> str:
    """*value* as Python source; strings, numbers, None and containers of them only, whose repr is a literal."""
    return repr(value)

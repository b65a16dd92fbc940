"""Markdown (CommonMark and MyST): a value as inline text, never as markup, HTML, a role or a directive.

CommonMark lets a backslash stand before any ASCII punctuation character to print it as itself, so
each one is written that way; MyST's roles, substitutions and math start with punctuation too. A
value that would start a new line cannot be inline text: it is refused before it gets here.
"""

from __future__ import annotations

import string

INLINE = str.maketrans({mark: "\\" + mark for mark in string.punctuation})


def inline(value: str) -> str:
    """*value* as Markdown inline text that shows it as written."""
    if any(char in value for char in "\r\n"):
        raise ValueError("a line break cannot be written as inline text")
    return value.translate(INLINE)

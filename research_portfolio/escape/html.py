"""HTML: text between tags, and a value inside a double-quoted attribute."""

from __future__ import annotations

import html


def text(value: str) -> str:
    """*value* as the text of an element: ``<``, ``>`` and ``&`` become references."""
    return html.escape(value, quote=False)


def attribute(value: str) -> str:
    """*value* inside ``name="..."``: quotes too become references."""
    return html.escape(value, quote=True)

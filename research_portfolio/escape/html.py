"""HTML: text between tags, a value inside a double-quoted attribute, and opening tags written from data."""

from __future__ import annotations

import html

#: docutils' HTML writer escapes these, "@" included (an address is harder to harvest).
SPECIAL = {ord("&"): "&amp;", ord("<"): "&lt;", ord('"'): "&quot;", ord(">"): "&gt;", ord("@"): "&#64;"}


def text(value: str) -> str:
    """*value* as the text of an element: ``<``, ``>`` and ``&`` become references."""
    return html.escape(value, quote=False)


def attribute(value: str) -> str:
    """*value* inside ``name="..."``: quotes too become references."""
    return html.escape(value, quote=True)


def encode(value: str) -> str:
    """*value* as docutils' HTML writer writes text and attributes (an ``@`` too), for markup that sits beside its own."""
    return value.translate(SPECIAL)


def element(tag: str, attributes: dict[str, str | int | None], empty: bool = False) -> str:
    """An opening tag with its attributes, every value escaped as docutils escapes it; a value of None is left out.

    An *empty* element (``img``) is closed in the tag, as XHTML (the e-book) requires and HTML allows.
    """
    written = "".join(f' {name}="{encode(str(value))}"' for name, value in attributes.items() if value is not None)
    return f"<{tag}{written} />" if empty else f"<{tag}{written}>"

"""HTML: text and attribute values escaped as docutils' HTML writer escapes them, and opening tags written from data."""

from __future__ import annotations

#: docutils' HTML writer escapes these, "@" included (an address is harder to harvest).
SPECIAL = {ord("&"): "&amp;", ord("<"): "&lt;", ord('"'): "&quot;", ord(">"): "&gt;", ord("@"): "&#64;"}


def encode(text: str) -> str:
    """*text* as HTML text or an attribute's value."""
    return text.translate(SPECIAL)


def element(tag: str, attributes: dict[str, str | int | None], empty: bool = False) -> str:
    """An opening tag with its attributes, every value escaped as docutils escapes it; a value of None is left out.

    An *empty* element (``img``) is closed in the tag, as XHTML (the e-book) requires and HTML allows.
    """
    written = "".join(f' {name}="{encode(str(value))}"' for name, value in attributes.items() if value is not None)
    return f"<{tag}{written} />" if empty else f"<{tag}{written}>"

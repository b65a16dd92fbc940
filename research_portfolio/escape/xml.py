"""XML 1.0 (the sitemap, the e-book's metadata, SVG): text and attribute values.

XML cannot hold most control characters at all, not even as references: each becomes U+FFFD, so the
document stays well-formed.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
TEXT = {"\r": "&#13;"}  # a parser reads a bare carriage return as a line feed
ATTRIBUTE = {'"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}


def text(value: str) -> str:
    return escape(NOT_XML.sub("\ufffd", value), TEXT)


def attribute(value: str) -> str:
    """*value* inside a quoted attribute; tabs and line ends as references, which attribute normalization keeps."""
    return escape(NOT_XML.sub("\ufffd", value), ATTRIBUTE)

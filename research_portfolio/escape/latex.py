"""LaTeX (XeLaTeX, as the engine builds): text and the address of ``\\href``, from a complete table of our own.

Sphinx's ``texescape.escape`` uses tables it fills only when a LaTeX build starts; called earlier
(while the settings are read) it returns its input unchanged. This table never depends on that:
every character TeX reads as a command, a group, a parameter, a comment, math, an alignment tab or
an active space is written as the command that prints it, and so are the characters that the
fonts' TeX ligatures would join (``--``, ``''``, ``,,``, ``<<``, ``!```). Control characters, which
TeX refuses or reads as line ends, become spaces. The result prints the value as written, also
inside a PDF string (``\\hypersetup{pdftitle={...}}``).
"""

from __future__ import annotations

import re
from urllib.parse import quote

TEXT = str.maketrans({
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "[": "{[}",  # never an optional argument of the command before it
    "]": "{]}",
    "-": "-{}",  # the ligatures -- and ---
    "'": r"\textquotesingle{}",
    "`": r"\textasciigrave{}",
    '"': r"\textquotedbl{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    ",": ",{}",  # the ligature ,,
    "!": "!{}",  # !` and ?` are ligatures for ¡ and ¿
    "?": "?{}",
    "\N{ZERO WIDTH NO-BREAK SPACE}": "",
    **{chr(code): " " for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029]},
})
NOT_TEXT = re.compile("[\ud800-\udfff]")  # lone surrogates: no file can hold them
#: What an address may hold as it is: URL syntax without TeX's specials (the rest become %XX; ``%``, ``#``, ``&``, ``_`` are escaped).
URL_SAFE = "/:;=?@!*'(),.-+#&%"
URL_SPECIALS = str.maketrans({"%": r"\%", "#": r"\#", "&": r"\&", "_": r"\_", "~": r"\%7E"})


def text(value: str) -> str:
    """*value* as LaTeX text that prints it exactly."""
    return NOT_TEXT.sub("\ufffd", value).translate(TEXT)


def url(value: str) -> str:
    """*value* as the address argument of ``\\href``: percent-encoded where URL syntax allows, TeX's specials escaped."""
    return quote(NOT_TEXT.sub("\ufffd", value), safe=URL_SAFE).translate(URL_SPECIALS)

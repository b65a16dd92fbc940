"""Values and entries written as BibTeX: whatever a value holds, it is read back as that one field.

BibTeX ends a braced value at the brace that balances its opening one, and counts every brace,
even one after a backslash, so a value with a brace too many (``@comment{`` from a service, a title
with a stray ``}``) would swallow or end the fields after it. Here a brace without its partner is
left out, with the backslash that escapes it (no spelling of a lone brace is one valid value), and
a value is one line (a line starting with ``@`` would start an entry for some readers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Months BibTeX knows as macros, written bare (``month = may``) as every export writes them.
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
#: What a key may hold: BibTeX ends a key at a comma, a brace or white space, and biber refuses quotes and more.
KEY = re.compile(r"^[A-Za-z0-9_:./+-]+$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def value(text: str) -> str:
    """*text* as one braced BibTeX value: one line, its braces balanced."""
    text = " ".join(CONTROL.sub(" ", text).split())
    kept = " ".join(_balanced(text).split())
    if re.search(r"(?<!\\)(?:\\\\)*\\$", kept):
        kept = kept[:-1].rstrip()  # a backslash at the end would escape the closing brace in LaTeX
    return "{" + kept + "}"


def _balanced(text: str) -> str:
    """*text* without the braces that have no partner (and the backslash before such a brace)."""
    unmatched: set[int] = set()
    opened: list[int] = []
    for position, char in enumerate(text):
        if char == "{":
            opened.append(position)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                unmatched.add(position)
    unmatched.update(opened)
    for position in list(unmatched):
        if position and text[position - 1] == "\\":
            unmatched.add(position - 1)
    return "".join(char for position, char in enumerate(text) if position not in unmatched)


def field(name: str, text: str, indent: str = "  ", width: int = 0) -> str:
    """``name = {value},`` on one line; a month BibTeX knows is written bare (``month = may``)."""
    written = text.strip().lower()[:3] if name.lower() == "month" and _is_month(text) else value(text)
    return f"{indent}{name.ljust(width)} = {written},"


def _is_month(text: str) -> bool:
    """"may", "May", "June": a month's macro or its whole name ("Sept." and "6" stay braced, as written)."""
    word = text.strip().lower()
    return word[:3] in MONTHS and (len(word) == 3 or word in MONTH_NAMES)


def entry(kind: str, key: str, fields: Iterable[tuple[str, str]], indent: str = "  ", width: int = 0) -> str:
    """A whole entry: ``@kind{key,``, a line per field, ``}`` (no newline after it)."""
    if not re.fullmatch(r"[A-Za-z]+", kind):
        raise ValueError(f"{kind!r} is not a BibTeX entry type")
    if not KEY.match(key):
        raise ValueError(f"{key!r} is not a BibTeX key (letters, digits and _:./+- only)")
    return "\n".join([f"@{kind}{{{key},", *(field(name, text, indent, width) for name, text in fields), "}"])

"""Small checks and forms of a person's name that the settings and the .bib reader share."""

from __future__ import annotations

import re
import unicodedata

from pybtex.bibtex.utils import split_tex_string
from pybtex.database import Person

from .scripts import CJK_WORD

#: A word in Chinese, Japanese or Korean script.


def name_problem(name: str) -> str:
    """Why *name* is not one name in BibTeX's syntax ("Last, Jr, First" at most), or an empty string.

    pybtex raises on such a name outside its parser; checking first keeps a wrong name one located message.
    """
    return "too many commas (a name is First Last, Last, First or Last, Jr, First)" if len(split_tex_string(name, ",")) > 3 else ""


def read_name(name: str) -> Person:
    """A name as written, read as BibTeX reads it, except that a Chinese, Japanese or Korean name keeps its order.

    Such a name is written family name first ("中村 健", "박 지민"), where BibTeX's "First Last" would
    take its last word for the family name; it is read as "中村, 健". A name with a comma, or in
    another script, is BibTeX's.
    """
    words = name.split()
    if "," not in name and len(words) > 1 and all(CJK_WORD.fullmatch(word) for word in words):
        name = f"{words[0]}, {' '.join(words[1:])}"
    return Person(name)


def slugify(text: str) -> str:
    """A name as a file name: "Zoë Müller-Smith" becomes "zoe-muller-smith"; empty for a name with no Latin letter."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")

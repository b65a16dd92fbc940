"""Small checks and forms of a person's name that the settings and the .bib reader share."""

from __future__ import annotations

import re
import unicodedata

from pybtex.bibtex.utils import split_tex_string


def name_problem(name: str) -> str:
    """Why *name* is not one name in BibTeX's syntax ("Last, Jr, First" at most), or an empty string.

    pybtex raises on such a name outside its parser; checking first keeps a wrong name one located message.
    """
    return "too many commas (a name is First Last, Last, First or Last, Jr, First)" if len(split_tex_string(name, ",")) > 3 else ""


def slugify(text: str) -> str:
    """A name as a file name: "Zoë Müller-Smith" becomes "zoe-muller-smith"; empty for a name with no Latin letter."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")

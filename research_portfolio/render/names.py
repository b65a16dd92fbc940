"""One form of each person's name, for every list, figure, page's metadata and message.

A .bib spells a name in BibTeX's syntax, with LaTeX in it (``Bahn{\\'{i}}k, S``) and, from Mendeley or
PubMed, initials without their full stops (``{Van Assen}, M A L M``). The lists print a name through
the pybtex name style here; :func:`person_name` gives the same name as plain Unicode text, so the
co-author summary and figure, the JSON-LD, the PDF and the build's messages read it as the lists do.
"""

from __future__ import annotations

import re
from typing import Any

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import Person
from pybtex.richtext import Text
from pybtex.style.names.plain import NameStyle

from ..bib import entries

PLAIN_TEXT = PlainTextBackend()


#: A straight quote in a name is an apostrophe (O'Brien, van 't Veer), never an opening quote; ``\\'`` is an accent.
APOSTROPHE = re.compile(r"(?<!\\)'")


class PortfolioNameStyle(NameStyle):
    """BibTeX's ``{ff~}{vv~}{ll}{, jj}``, with a full stop after a bare initial ("M A L M" reads "M. A. L. M.")
    and an apostrophe where the .bib types a straight quote ("van ’t Veer", not smart quotes' "van ‘t Veer")."""

    def format(self, person: Person, abbr: bool = False) -> Any:
        parts = person.first_names + person.middle_names
        if not any(_bare_initial(name) for name in parts) and APOSTROPHE.search(str(person)) is None:
            return super().format(person, abbr)
        written = Person()
        written.first_names = [_apostrophe(_initialled(name)) for name in person.first_names]
        written.middle_names = [_apostrophe(_initialled(name)) for name in person.middle_names]
        written.prelast_names = [_apostrophe(name) for name in person.prelast_names]
        written.last_names = [_apostrophe(name) for name in person.last_names]
        written.lineage_names = person.lineage_names
        return super().format(written, abbr)


def _bare_initial(name: str) -> bool:
    letters = name.replace("{", "").replace("}", "")
    return len(letters) == 1 and letters.isalpha() and letters.isupper()


def _initialled(name: str) -> str:
    return f"{name}." if _bare_initial(name) else name


def _apostrophe(name: str) -> str:
    return APOSTROPHE.sub("\N{RIGHT SINGLE QUOTATION MARK}", name)


NAME_STYLE = PortfolioNameStyle()
#: Each spelling's name as a reader sees it, once per process: names repeat across entries and builds.
PERSON_NAMES: dict[str, str] = {}


def person_name(person: Person) -> str:
    """One person's name as plain Unicode text, the form the lists print: for figures, metadata and messages.

    LaTeX decoded, braces gone, bare initials with their full stop, al-folio's star dropped:
    ``{Van Assen}, M A L M`` is "M. A. L. M. Van Assen", ``Bahn{\\'{i}}k, S`` is "S. Bahník";
    a name in Chinese, Japanese or Korean script reads family name first.
    """
    written = str(person)
    if written not in PERSON_NAMES:
        person = entries.unstarred(person)
        name = Text(entries.full_name(person)) if entries.eastern(person) else NAME_STYLE.format(person).format()
        PERSON_NAMES[written] = " ".join(name.render(PLAIN_TEXT).replace("\N{NO-BREAK SPACE}", " ").split())
    return PERSON_NAMES[written]

"""The engine's own words in the reader's language: the ``research_portfolio`` message catalogue.

Every label the engine writes into a page, the e-book, the PDF, a figure or a search result
("Summary", "Cite this paper", "3 papers", "et al.") goes through :func:`_` (or :func:`ngettext`
for a count), looked up in ``locale/<language>/LC_MESSAGES/research_portfolio.mo`` for conf.py's
``language``, as Sphinx looks up its own words. A word kept in a module-level constant is marked
with :func:`N_` where it is defined and translated with ``_(constant)`` where it is written, so
that the constant stays the same key in every language and the language is the build's, not the
one of the first build of the process. Data is never translated: names, titles and what the .bib
says stay as written; nor are the build's messages, which stay in English.

``make messages`` extracts the marked words into ``locale/research_portfolio.pot`` and updates
and compiles each translation.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .compat import forget_translations, translator

CATALOG = "research_portfolio"
LOCALE_DIR = Path(__file__).parent / "locale"


def _(message: str) -> str:
    """*message* in the build's language (English until the catalogue is registered, and where no translation has it)."""
    return str(translator(CATALOG).gettext(message)) if message else message  # gettext("") is the header


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of *singular* or *plural* that *count* takes in the build's language."""
    return str(translator(CATALOG).ngettext(singular, plural, count))


def N_(message: str) -> str:
    """Mark *message* for the catalogue where it is defined; it is translated where it is written, with :func:`_`."""
    return message


def setup(app: Sphinx) -> ExtensionMetadata:
    """Load the catalogue for conf.py's ``language`` (Sphinx reads ``language`` before any extension is set up)."""
    forget_translations(CATALOG)
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    return {"parallel_read_safe": True, "parallel_write_safe": True}

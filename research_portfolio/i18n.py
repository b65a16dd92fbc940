"""The engine's own words in the reader's language: the ``research_portfolio`` message catalogue.

Every label the engine writes into a page, the e-book, the PDF, a figure or a search result
("Summary", "Cite this paper", "3 papers", "et al.") goes through :func:`_` (or :func:`ngettext`
for a count), looked up in ``locale/<language>/LC_MESSAGES/research_portfolio.mo`` for conf.py's
``language``, as Sphinx looks up its own words. A word kept in a module-level constant is marked
with :func:`N_` where it is defined and translated with ``_(constant)`` where it is written, so
that the constant stays the same key in every language and the language is the build's, not the
one of the first build of the process. Templates find the engine's words after Sphinx's, and so
do furo's words that Sphinx's catalogue lacks (:data:`THEME_WORDS`). Data is never translated:
names, titles and what the .bib says stay as written; nor are the build's messages, in English.

``make messages`` extracts the marked words into ``locale/research_portfolio.pot`` and updates
and compiles each translation.
"""

from __future__ import annotations

from gettext import NullTranslations
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .compat import forget_translations, template_environment, translator

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


#: Words furo's templates ask Sphinx's catalogue for, which holds none of them: the engine's catalogue has them.
THEME_WORDS = (N_("Skip to content"), N_("Back to top"), N_("On this page"), N_("Previous"), N_("Next"), N_("Home"),
               N_("View this page"), N_("Edit this page"), N_("Please activate JavaScript to enable the search functionality."))


class TemplateTranslations(NullTranslations):
    """What a template's ``_()`` and ``{% trans %}`` find: Sphinx's words first, then the engine's."""

    def __init__(self, sphinx: NullTranslations, engine: NullTranslations) -> None:
        super().__init__()
        self.sphinx, self.engine = sphinx, engine

    def gettext(self, message: str) -> str:
        found = self.sphinx.gettext(message)
        return found if found != message else self.engine.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self.sphinx.ngettext(singular, plural, n)
        return found if found not in (singular, plural) else self.engine.ngettext(singular, plural, n)


def translate_templates(app: Sphinx) -> None:
    """The theme's and the engine's templates translate with both catalogues, in this builder's environment alone.

    Sphinx installs its own catalogue in the builder's Jinja environment; a word it lacks ("Back to
    top", which furo asks for) or one of the engine's is then looked up in the engine's.
    """
    environment = template_environment(app.builder)
    if environment is not None and hasattr(environment, "install_gettext_translations"):
        environment.install_gettext_translations(TemplateTranslations(app.translator, translator(CATALOG)))


def setup(app: Sphinx) -> ExtensionMetadata:
    """Load the catalogue for conf.py's ``language`` (Sphinx reads ``language`` before any extension is set up)."""
    forget_translations(CATALOG)
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.connect("builder-inited", translate_templates)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""sphinx-research-portfolio: a researcher's portfolio from one BibTeX file, as a web site, e-book, PDF and CV.

Add ``"research_portfolio"`` to a Sphinx project's extensions and describe the person in conf.py
(``portfolio_person``); the package supplies everything else (furo, MyST, the bibliography style,
the e-book and PDF settings) as defaults the site may override. Each module does one job and is a
Sphinx extension of its own; ``python -m research_portfolio new`` starts a new site.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

__version__ = "1.2.0"

#: The oldest Sphinx the package is tested with (pyproject.toml's range starts there).
NEEDS_SPHINX = "8.1"

MODULES = (
    "sphinx_ext.unfinished", "i18n", "config.defaults", "bib.sources", "sphinx_ext.database", "sphinx_ext.cache", "sphinx_ext.domain",
    "sphinx_ext.styling", "sphinx_ext.lists", "sphinx_ext.paperlinks", "web.paperpages", "figures.directive", "web.webmeta",
    "sphinx_ext.accessibility", "print.latex", "text.scripts", "print.epub", "sphinx_ext.rebuild", "web.links", "sphinx_ext.mentions",
    "sphinx_ext.dependencies", "sphinx_ext.collector", "sphinx_ext.citations", "sphinx_ext.emptysections", "web.images", "web.home",
    "print.previewstrip", "web.discussed", "sphinx_ext.notelegend", "print.printedlinks",
)


def setup(app: Sphinx) -> ExtensionMetadata:
    from .config import defaults, settings

    app.require_sphinx(NEEDS_SPHINX)
    app.setup_extension("myst_parser")
    settings.register(app)
    # First the settings are checked, then the package's defaults fill in what the site left unset.
    app.connect("config-inited", settings.check, priority=100)
    app.connect("config-inited", defaults.apply, priority=150)
    app.connect("env-check-consistency", settings.check_theme_pages)
    for module in MODULES:
        app.setup_extension(f"{__name__}.{module}")
    # env_version: the environment a build saved is discarded when what the package keeps in it changes.
    return {"version": __version__, "env_version": 5, "parallel_read_safe": True, "parallel_write_safe": True}

"""The bibliography style registered for a build, with the owner, author limit and title case of conf.py."""

from __future__ import annotations

import functools

from pybtex.plugin import find_plugin, register_plugin
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

from ..bib import entries
from ..render.style import STYLE_NAME, PortfolioStyle, formatting_style
from . import database


def register(app: Sphinx, config: Config) -> None:
    """Register the style under its plugin name, with the owner, author limit and title case from conf.py.

    The lists and paper pages always use this style, by its name; ``bibtex_default_style`` may name
    another for sphinxcontrib-bibtex's own citations.
    """
    settings = {"cache": {}, "owner": entries.owner(config.portfolio_person), "max_authors": config.portfolio_max_authors,
                "site": database.site_of(app), "title_case": config.portfolio_title_case}
    register_plugin("pybtex.style.formatting", STYLE_NAME, type("PortfolioStyle", (PortfolioStyle,), settings), force=True)
    formatting_style.cache_clear()
    remember_plugins()


#: The pybtex plugins sphinxcontrib-bibtex and every style look up for each citation.
LOOKED_UP = (("pybtex.style.names", "plain"), ("pybtex.style.labels", "number"), ("pybtex.style.sorting", "none"),
             ("pybtex.backends", "docutils"), ("pybtex.backends", "plaintext"))


@functools.cache
def remember_plugins() -> None:
    """Register the plugins looked up for every citation as what they are, runtime plugins.

    pybtex finds a runtime plugin in a dictionary, but an installed one by reading the metadata of
    every installed package (some 20 ms): a footnote citation looks up three, so a page citing 26
    papers spent 2 s on it. The classes are the installed ones; only the lookup changes.
    """
    for group, name in LOOKED_UP:
        register_plugin(group, name, find_plugin(group, name), force=True)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", register)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

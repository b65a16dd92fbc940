"""The bibliography style configured for a build, with the owner, author limit and title case of conf.py.

Registered under a name of its own for each set of settings, never over a name another application uses.
"""

from __future__ import annotations

import functools
import hashlib
import weakref
from importlib.metadata import PackageNotFoundError, distribution
from typing import Any

from pybtex.plugin import find_plugin, register_plugin
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

from ..bib import entries
from ..render.style import GROUP, STYLE_NAME, PortfolioStyle, configured
from . import database

#: The style of each application, for when it starts its build; the configured styles, by name (each registered once).
STYLE_OF: weakref.WeakKeyDictionary[Sphinx, str] = weakref.WeakKeyDictionary()
REGISTERED: dict[str, type[PortfolioStyle]] = {}


def register(app: Sphinx, config: Config) -> None:
    """The style configured with the owner, author limit, site and title case from conf.py, under a name of its own.

    The package installs the style as the pybtex plugin ``portfolio`` (an entry point, with the
    defaults of :class:`PortfolioStyle`): what any program that asks pybtex for it gets. A build
    registers a subclass holding its settings under ``portfolio-<digest of the settings>``, a name
    no other settings use, and sphinxcontrib-bibtex is pointed at it where ``bibtex_default_style``
    names ``portfolio``; no name another application may use changes what it stands for. The lists
    and paper pages always use this style; ``bibtex_default_style`` may name another for
    sphinxcontrib-bibtex's own citations.
    """
    site = database.site_of(app)
    settings = [config.portfolio_person, config.portfolio_max_authors, config.portfolio_title_case, repr(site)]
    name = f"{STYLE_NAME}-{hashlib.sha256(repr(settings).encode()).hexdigest()[:16]}"
    if name not in REGISTERED:
        REGISTERED[name] = type("PortfolioStyle", (PortfolioStyle,), {"owner": entries.owner(config.portfolio_person), "site": site,
                                                                      "max_authors": config.portfolio_max_authors,
                                                                      "title_case": config.portfolio_title_case})
        register_plugin(GROUP, name, REGISTERED[name])
    REGISTERED[name].cache = {}  # each build formats its entries afresh
    configured[STYLE_NAME] = STYLE_OF[app] = name
    if config.bibtex_default_style == STYLE_NAME:
        config.bibtex_default_style = name
    provide_the_plain_name()
    remember_plugins()


@functools.cache
def provide_the_plain_name() -> None:
    """Where the package runs without its entry points (from a checkout on the path), ``portfolio`` is added, never replaced."""
    try:
        installed = bool(distribution("sphinx-research-portfolio").entry_points.select(group=GROUP, name=STYLE_NAME))
    except PackageNotFoundError:
        installed = False
    if not installed:
        register_plugin(GROUP, STYLE_NAME, PortfolioStyle)


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


def use_this_builds_style(app: Sphinx, *args: Any) -> list[str]:
    """Point STYLE_NAME at this application's style again when it starts its build (another may have been made since)."""
    if app in STYLE_OF:
        configured[STYLE_NAME] = STYLE_OF[app]
    return []


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", register)
    app.connect("builder-inited", use_this_builds_style)
    app.connect("env-get-outdated", use_this_builds_style)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

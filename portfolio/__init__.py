"""A research portfolio on Sphinx: publications from BibTeX, in place, in HTML, ePub and PDF.

Each module does one job and is a Sphinx extension of its own; this package registers the
settings they share and sets them all up. The settings hold everything specific to a person,
so a fork changes conf.py, the .bib file and the pages, never this code.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

MODULES = (
    "sources", "database", "domain", "style", "lists", "paperpages", "figures", "webmeta", "accessibility", "latex",
    "epub", "rebuild", "downloads",
)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("portfolio_person", {}, "env", types=frozenset({dict}))
    app.add_config_value("portfolio_themes", {}, "env", types=frozenset({dict}))
    app.add_config_value("portfolio_highlights", [], "env", types=frozenset({list, tuple}))
    app.add_config_value("portfolio_max_authors", 10, "env", types=frozenset({int}))
    for module in MODULES:
        app.setup_extension(f"{__name__}.{module}")
    # env_version: the environment a build saved is discarded when what the package keeps in it changes.
    return {"version": "1.0", "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}

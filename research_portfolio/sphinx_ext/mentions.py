"""A paper named in the prose: ``{paper}`key``` or ``{paper}`Short name <key>```.

The role writes the paper's title as the style shows it everywhere (or the short name given), in
italics, as a :class:`~research_portfolio.sphinx_ext.domain.paper_title` node: on the web it links to the
paper's own page, like every title in a list; in the PDF and the e-book it stays italic text, and
the footnote marker of the citation beside it leads to the reference. An unknown key is a warning
at the page's line, as a citation's is.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.typing import ExtensionMetadata

from ..render.style import STYLE_NAME, formatting_style, plain_text
from . import database, dependencies
from .domain import paper_title

logger = logging.getLogger(__name__)

EXPLICIT = re.compile(r"^(?P<text>.+?)\s*<(?P<key>[^<>]+)>$", re.DOTALL)


class PaperMention(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        explicit = EXPLICIT.match(self.text)
        key = (explicit["key"] if explicit else self.text).strip()
        dependencies.record(self.env, "entry", key)
        entry = database.catalogue(self.env).entries.get(key)
        if entry is None:
            logger.warning(f'paper mentioned by an unknown key "{key}"', location=self.get_location(),
                           type="portfolio", subtype="mention")
            return [nodes.emphasis(self.rawtext, explicit["text"] if explicit else key)], []
        text = explicit["text"] if explicit else plain_text(formatting_style(STYLE_NAME).format_title(entry)).rstrip(".")
        return [paper_title(self.rawtext, "", nodes.emphasis("", text), key=key, classes=["pub-mention"])], []


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_role("paper", PaperMention())
    return {"parallel_read_safe": True, "parallel_write_safe": True}

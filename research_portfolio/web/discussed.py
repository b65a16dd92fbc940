"""A theme's page shows each of its papers' previews where it first discusses the paper.

With ``portfolio_theme_previews = True``, on the page of each theme of ``portfolio_themes``, the
first ``{paper}`` mention of a paper of that theme (its ``themes`` field names it) that has a
``preview`` gets a small figure before the paragraph that holds it: the preview with its
``preview_alt``, and a caption naming the paper as the mention does (on the web, a link to its page).
A paper mentioned on another theme's page is a cross-reference there and gets no figure: each
preview is shown once, beside the text that tells the paper.

The figure is a docutils ``figure`` with an ``image``, so every builder has it and Sphinx copies
the file: the e-book shows the static folder's file; the PDF gathers a section's figures into one strip
(:mod:`research_portfolio.print.previewstrip`).
On the web the image becomes a :class:`~research_portfolio.web.images.picture` (WebP copies in a
``srcset``, ``width``/``height``, loaded lazily); the figure floats beside the text on a wide
screen and stands above its paragraph on a phone (portfolio.css).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docutils import nodes
from pybtex.database import Entry
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.typing import ExtensionMetadata

from ..bib import entries
from ..compat import builder_name
from ..print.previewstrip import FIGURE_CLASS
from ..render.nodes import paper_title
from ..sphinx_ext import database
from ..sphinx_ext.lists import plain
from ..text.scripts import enclosing
from . import images

#: The figure's share of the text's width in the e-book (the web's is portfolio.css's).
FIGURE_WIDTH = "30%"
#: How wide the web draws the preview: 15rem beside the text on a wide screen, at most 18rem above it on a phone.
SIZES = "(min-width: 46em) 15rem, 18rem"


class ThemePreviews(SphinxTransform):
    """On a theme's page, a figure before the paragraph that first mentions each paper of the theme."""

    default_priority = 800  # after the parser's own transforms; before the images are collected (doctree-read)

    def apply(self, **kwargs: Any) -> None:
        if not self.config.portfolio_theme_previews:
            return
        theme = next((key for key, (_, page) in self.config.portfolio_themes.items() if page == self.env.docname), None)
        if theme is None:
            return
        catalogue = database.catalogue(self.env)
        shown: set[str] = set()
        for mention in list(self.document.findall(paper_title)):
            entry = catalogue.entries.get(mention["key"])
            paragraph = enclosing(mention, nodes.paragraph)
            if (entry is None or entry.key in shown or theme not in entries.themes(entry) or paragraph is None
                    or paragraph.parent is None or "pub-mention" not in mention["classes"]):
                continue
            found = figure(self.env.srcdir, catalogue.site, entry, mention.astext(),
                           [name for name in mention["classes"] if name.startswith("language-")])
            if found is not None:
                shown.add(entry.key)
                found["ids"] = [nodes.make_id(f"preview-{entry.key}")]  # the writers number and link a figure by its id
                self.document.set_id(found)
                paragraph.parent.insert(paragraph.parent.index(paragraph), found)


def figure(srcdir: str | Path, site: entries.Site, entry: Entry, name: str, language: list[str]) -> nodes.figure | None:
    """The paper's preview and a caption naming it (*name*, as the prose does); None when it has no preview."""
    source = entries.preview_file(entry, site)
    folder = next((folder for folder in site.static if source and (folder / source).is_file()), None)
    if source is None or folder is None:
        return None
    uri = "/" + Path(os.path.relpath(folder / source, srcdir)).as_posix()
    image = nodes.image(uri=uri, alt=plain(entry, "preview_alt"), portfolio_source=source)
    caption = nodes.caption("", "", paper_title("", "", nodes.emphasis("", name), key=entry.key, classes=language))
    return nodes.figure("", image, caption, align="right", width=FIGURE_WIDTH, classes=[FIGURE_CLASS])


class Pictures(SphinxPostTransform):
    """On the web and in the e-book, the figure's image is a :class:`~research_portfolio.web.images.picture`.

    The web gets the responsive copies, and the figure the style sheet's width (beside the text, or
    above it on a phone); the e-book the static folder's own file, which its paper pages use too, so
    the book holds each image once, at :data:`FIGURE_WIDTH`.
    """

    default_priority = 200
    builders = (*images.WEB_BUILDERS, "epub")

    def run(self, **kwargs: Any) -> None:
        for found in self.document.findall(nodes.figure):
            if FIGURE_CLASS not in found["classes"]:
                continue
            if builder_name(self.env) in images.WEB_BUILDERS:
                found.attributes.pop("width", None)
            for image in list(found.findall(nodes.image)):
                image.replace_self(images.picture("", source=image["portfolio_source"], alt=image["alt"], sizes=SIZES,
                                                  classes=["pub-discussed-image"]))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_transform(ThemePreviews)
    app.add_post_transform(Pictures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

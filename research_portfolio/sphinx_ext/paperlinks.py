"""On the web, a reference's title links to its paper's own page, and a file of the static folder to the site's copy.

Both are settled where a page is written (``doctree-resolved``, and a list entry or paper page as
it is written), relative to that page (:mod:`research_portfolio.sphinx_ext.staticlinks`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from ..bib.pagenames import PAGE_BUILDERS, page_name
from ..render.nodes import paper_title
from . import database
from .staticlinks import relative_static_link


def link_titles(builder: Any, tree: nodes.Element, pagename: str) -> None:
    """Each paper title in *tree* becomes a link to its paper's page, and static links relative ones."""
    papers = database.catalogue(builder.env).entries
    for node in list(tree.findall(paper_title)):
        if node["key"] in papers:
            uri = builder.get_relative_uri(pagename, page_name(node["key"]))
            node[:] = [nodes.reference("", "", *node.children, refuri=uri, internal=True)]
    for reference in tree.findall(nodes.reference):
        if "refuri" in reference:
            reference["refuri"] = relative_static_link(builder, reference["refuri"], pagename)


@contextmanager
def titles_linked(builder: Any, tree: nodes.Element, pagename: str) -> Iterator[None]:
    """:func:`link_titles` over a tree the page only borrows (an entry's view, shared by every page), undone after.

    Writing the shared nodes with the links in place costs less than a copy of them for each page.
    """
    papers = database.catalogue(builder.env).entries
    titles = [(node, node.children[:]) for node in tree.findall(paper_title) if node["key"] in papers]
    addresses = [(reference, reference["refuri"]) for reference in tree.findall(nodes.reference) if "refuri" in reference]
    try:
        link_titles(builder, tree, pagename)
        yield
    finally:
        for reference, uri in addresses:
            reference["refuri"] = uri
        for node, children in titles:
            node[:] = children


def link_page_titles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name in PAGE_BUILDERS:
        link_titles(app.builder, doctree, docname)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("doctree-resolved", link_page_titles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

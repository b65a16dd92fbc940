"""In print, a reference's links show what a reader types to find the paper, not words.

On the web and in the e-book a reference ends with words that are links ("PDF · arXiv · DOI · Code");
on paper a word leads nowhere. The PDF shows one identifier of the paper as the tooltip on the web
says it, its DOI (the version of record) where it has one, else its preprint's or OpenReview's
(``doi:10.1000/182``, ``arXiv:2101.00001``), set so that it may break after a slash or
a dot, and still a link in the PDF: the paper leads to its PDF, code and slides, and a two-page CV
stays two pages. A reference with no identifier shows its addresses as one would type them
(``github.com/ada/engine``).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.latex import LaTeXTranslator

from ..render.style import DOI_CLASS, IDENTIFIER_CLASS, LINK_SEPARATOR, LINKS_ROLE


class printed_address(nodes.Inline, nodes.TextElement):
    """An identifier or address as printed: a URL's characters, breakable after a slash or a dot."""


class PrintedLinks(SphinxPostTransform):
    """A reference's link row: its one identifier, else its addresses, each written as its ``reftitle``."""

    builders = ("latex",)
    default_priority = 200  # before the script runs of print are marked (900)

    def run(self, **kwargs: Any) -> None:
        for row in list(self.document.findall(nodes.inline)):
            if LINKS_ROLE not in row["classes"]:
                continue
            kept = printed(list(row.findall(nodes.reference)))
            for link in kept:
                if link.get("reftitle"):  # a link without one keeps its word
                    link[:] = [printed_address(link["reftitle"], link["reftitle"])]
            row[:] = [part for number, link in enumerate(kept) for part in ([nodes.Text(LINK_SEPARATOR)] if number else []) + [link]]


def printed(links: list[nodes.reference]) -> list[nodes.reference]:
    """The links print shows: the paper's DOI, else its first identifier, else every link (addresses)."""
    named = [link for link in links if IDENTIFIER_CLASS in link["classes"]]
    return [min(named, key=lambda link: DOI_CLASS not in link["classes"])] if named else links


def visit_printed_address(translator: LaTeXTranslator, node: printed_address) -> None:
    translator.body.append(r"\sphinxnolinkurl{%s}" % translator.encode_uri(node.astext()))
    raise nodes.SkipNode


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_node(printed_address, latex=(visit_printed_address, None))  # made for print alone (PrintedLinks)
    app.add_post_transform(PrintedLinks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

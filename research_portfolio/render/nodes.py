"""The docutils nodes a formatted reference is made of, and how each writer writes them."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

#: The comment before each reference's title in the .tex: ``check-pdf`` names the entry of a missing glyph by it.
ENTRY_MARK = "%portfolio-entry:"


class paper_title(nodes.inline):
    """A paper's title in a reference, with the ``key`` of its entry: the web links it to the paper's page."""


def visit_paper_title(translator: nodes.NodeVisitor, node: paper_title) -> None:
    translator.visit_inline(node)  # every writer has one for inline nodes


def depart_paper_title(translator: nodes.NodeVisitor, node: paper_title) -> None:
    translator.depart_inline(node)


def visit_paper_title_latex(translator: LaTeXTranslator, node: paper_title) -> None:
    """Before a reference's title in the .tex, a comment naming its entry: ``check-pdf`` names the entry of a missing glyph.

    A title named in the prose (the ``paper`` role) gets none: the rest of its paragraph is not the entry's.
    """
    if "pub-mention" not in node["classes"]:
        translator.body.append(f"{ENTRY_MARK}{node['key']}\n")
    translator.visit_inline(node)


class isolate(nodes.inline):
    """Inline text in a writing direction of its own: HTML's <bdi> on the web and in the e-book, text elsewhere."""


def visit_isolate_html(translator: nodes.NodeVisitor, node: isolate) -> None:
    translator.body.append(translator.starttag(node, "bdi", ""))


def depart_isolate_html(translator: nodes.NodeVisitor, node: isolate) -> None:
    translator.body.append("</bdi>")


def skip(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    """For a node of ours that a format leaves out (a figure in plain text, a web-only block in print)."""
    raise nodes.SkipNode

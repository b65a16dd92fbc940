"""HTML that accessibility checkers accept, fixed where Sphinx writes it rather than in the output.

Sphinx writes each toctree caption (furo's sidebar headings "Research", "CV") as
``<p class="caption" role="heading">`` without the ``aria-level`` that role requires (axe rule
aria-required-attr, an error for the Nu HTML Checker; Sphinx issue #14030). The translator below
adds it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.html5 import HTML5Translator

CAPTION_LEVEL = "2"  # the sidebar's headings sit below the page's one h1


class AccessibleHTMLTranslator(HTML5Translator):
    def visit_title(self, node: nodes.title) -> None:
        start = len(self.body)
        super().visit_title(node)
        if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
            self.body[start] = self.body[start].replace('role="heading"', f'role="heading" aria-level="{CAPTION_LEVEL}"', 1)


def setup(app: Sphinx) -> ExtensionMetadata:
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, AccessibleHTMLTranslator, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

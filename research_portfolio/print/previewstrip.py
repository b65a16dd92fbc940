"""In the PDF, the previews of a theme page's section stand in one strip at the head of the section.

A theme page gives each paper it tells a small figure (:mod:`research_portfolio.web.discussed`),
which the web floats beside its paragraph. Print cannot float a figure beside a paragraph reliably
(``wrapfigure`` collides with the next one, with footnotes and with page breaks), so here the figures of
one section become one unnumbered figure: the previews side by side, three to a row, bottom-aligned
at the same height, each with its paper's name below (a section's only preview larger). It stands exactly where the first of them stood
(``[H]``, not a float: a float waiting for room would leave the text it belongs to, and move the end of
a chapter from one LaTeX run to the next); under a heading, it keeps the heading on its page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.latex import LaTeXTranslator

from ..text.scripts import ancestors

#: The class of a figure of a paper's preview where the prose discusses it.
FIGURE_CLASS = "pub-discussed"
PER_ROW = 3
#: Each preview's column, and the highest an image is drawn: a strip is a few lines of the page, not a gallery.
COLUMN = r"0.3\linewidth"
GAP = r"0.03\linewidth"
HEIGHT = "3cm"
#: A section's only preview has the strip to itself: drawn larger, so that its labels can be read on paper.
ALONE = (r"0.55\linewidth", "5.5cm")


class preview_strip(nodes.General, nodes.Element):
    """The preview figures of one section, side by side."""


class PreviewStrips(SphinxPostTransform):
    """Each section's preview figures, gathered into one :class:`preview_strip` where the first stood."""

    default_priority = 200
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        by_section: dict[int, list[nodes.figure]] = {}
        for found in self.document.findall(nodes.figure):
            if FIGURE_CLASS in found["classes"]:
                section = next((parent for parent in ancestors(found) if isinstance(parent, nodes.section)), self.document)
                by_section.setdefault(id(section), []).append(found)
        for figures in by_section.values():
            strip = preview_strip("", classes=[FIGURE_CLASS])
            figures[0].replace_self(strip)
            for found in figures[1:]:
                found.parent.remove(found)
            strip.extend(figures)


def visit_preview_strip_latex(translator: LaTeXTranslator, node: preview_strip) -> None:
    figures = [child for child in node.children if isinstance(child, nodes.figure)]
    column, height = ALONE if len(figures) == 1 else (COLUMN, HEIGHT)
    translator.body.append("\n\\begin{figure}[H]\n\\centering\n")
    for start in range(0, len(figures), PER_ROW):
        row = figures[start:start + PER_ROW]
        if start:
            translator.body.append("\\par\\bigskip\n")
        cells = []
        for found in row:
            image = next(iter(found.findall(nodes.image)))
            path = Path(translator.builder.images.get(image["uri"], image["uri"]))
            cells.append(rf"\begin{{minipage}}[b]{{{column}}}\centering"
                         rf"\sphinxincludegraphics[width=\linewidth,height={height},keepaspectratio]"
                         rf"{{{{{path.with_suffix('').as_posix()}}}{path.suffix}}}\end{{minipage}}")
        translator.body.append(rf"\hspace{{{GAP}}}".join(cells) + "\\par\\smallskip\n")
        for number, found in enumerate(row):
            if number:
                translator.body.append(rf"\hspace{{{GAP}}}")
            translator.body.append(rf"\begin{{minipage}}[t]{{{column}}}\centering\small ")
            for caption in found.findall(nodes.caption):
                for part in caption.children:
                    part.walkabout(translator)
            translator.body.append("\\end{minipage}")
        translator.body.append("\n")
    translator.body.append("\\end{figure}\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_node(preview_strip, latex=(visit_preview_strip_latex, None))  # made by PreviewStrips in LaTeX alone
    app.add_post_transform(PreviewStrips)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A page's notes say what the equal-contribution mark means, as a publication list does.

A reference in a note (a footnote citation) marks the authors who contributed equally with
:data:`~research_portfolio.render.style.EQUAL_MARK`, as every list does; a list says under its
heading what the mark means, and so do the notes: on the web and in the e-book once, after the
notes that show it, and in print, where each note stands at the foot of its page, at the end of the
note itself.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.typing import ExtensionMetadata

from ..compat import builder_format
from ..render.style import EQUAL_MARK
from .lists import legend_paragraph, legend_text


def shows_equal_mark(note: nodes.footnote) -> bool:
    return any(mark.astext() == EQUAL_MARK for mark in note.findall(nodes.superscript))


class ExplainEqualMarks(SphinxPostTransform):
    """After the notes that mark equal contributors, the mark's meaning (in print, in each such note)."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        marked = [note for note in self.document.findall(nodes.footnote) if shows_equal_mark(note)]
        if builder_format(self.env) == "latex":
            for note in marked:  # the reference whole, then what its mark means: never inside the reference
                paragraphs = list(note.findall(nodes.paragraph))
                if paragraphs:
                    paragraphs[-1] += nodes.inline("", " ", *legend_text())
            return
        for notes in {id(note.parent): note.parent for note in marked if note.parent is not None}.values():
            if notes.parent is not None:
                notes.parent.insert(notes.parent.index(notes) + 1, legend_paragraph())


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_post_transform(ExplainEqualMarks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

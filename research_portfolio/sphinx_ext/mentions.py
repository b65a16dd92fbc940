"""A paper named in the prose: ``{paper}`key``` or ``{paper}`Short name <key>```.

The role writes the paper's title as the style shows it everywhere (or the short name given), in
italics, as a :class:`~research_portfolio.sphinx_ext.domain.paper_title` node: on the web it links to the
paper's own page, like every title in a list; in the PDF and the e-book it stays italic text, and
the footnote marker of the citation beside it leads to the reference. An unknown key is a warning
at the page's line, as a citation's is.

On the web the mention is itself the way to the paper, so a footnote marker of the same paper in the
same paragraph would be a second one: it is left out there (:class:`MentionedNotMarked`), and the
markers left are numbered 1, 2, 3... in order. The page's references keep every paper, in the order
the prose first names or marks them; those named without a marker have no number, as nothing in the
prose points at them. The e-book and the PDF, where the mention is plain italics, keep every marker.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.typing import ExtensionMetadata

from ..bib import entries
from ..bib.pagenames import PAGE_BUILDERS
from ..render.style import STYLE_NAME, formatting_style, language_classes, plain_text
from ..text.scripts import enclosing
from . import database, dependencies
from .domain import footnote_papers, paper_title

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
        language = [] if explicit else language_classes(entries.language_tag(entry))  # a short name is the prose's words
        return [paper_title(self.rawtext, "", nodes.emphasis("", text), key=key, classes=["pub-mention", *language])], []


class MentionedNotMarked(SphinxPostTransform):
    """On the web, a footnote marker of a paper that a mention in the same paragraph already links is left out.

    The footnotes then are ordered as the prose first names or marks their papers, and numbered
    again: those still marked 1, 2, 3..., those only named lose their number, which no marker in the
    prose would show. Only builders with paper pages
    (PAGE_BUILDERS) do it, where a mention links its paper's page; it runs after
    :class:`~research_portfolio.sphinx_ext.citations.MarkAgainstItsWord` took out the space before each marker.
    """

    default_priority = 6
    builders = PAGE_BUILDERS

    def run(self, **kwargs: Any) -> None:
        papers = database.catalogue(self.env).entries
        notes = {note_id: note for note in self.document.findall(nodes.footnote) for note_id in note["ids"]}
        paper_of = footnote_papers(self.document)
        marks = list(self.document.findall(nodes.footnote_reference))
        dropped = [mark for mark in marks if paper_of.get(mark.get("refid", "")) in mentioned_papers(mark, papers)]
        if not dropped:
            return
        seen = first_seen(self.document, notes, paper_of)
        for mark in dropped:
            note = notes[mark["refid"]]
            note["backrefs"] = [backref for backref in note["backrefs"] if backref not in mark["ids"]]
            mark.parent.remove(mark)
        renumber(notes, [mark for mark in marks if mark not in dropped], seen)


def first_seen(document: nodes.document, notes: dict[str, nodes.footnote], paper_of: dict[str, str]) -> dict[int, int]:
    """Where the prose first names or marks the paper of each note: id of the note -> its rank."""
    note_of = {key: notes[note_id] for note_id, key in paper_of.items() if note_id in notes}
    seen: dict[int, int] = {}
    for node in document.findall(lambda node: isinstance(node, nodes.footnote_reference) or
                                 (isinstance(node, paper_title) and "pub-mention" in node["classes"])):
        note = notes.get(node.get("refid", "")) if isinstance(node, nodes.footnote_reference) else note_of.get(node["key"])
        if note is not None:
            seen.setdefault(id(note), len(seen))
    return seen


def mentioned_papers(mark: nodes.Element, papers: Any) -> set[str]:
    """The papers that mentions link in the paragraph holding *mark*."""
    paragraph = enclosing(mark, nodes.paragraph)
    if paragraph is None:
        return set()
    return {title["key"] for title in paragraph.findall(paper_title) if "pub-mention" in title["classes"]
            and title["key"] in papers}


def renumber(notes: dict[str, nodes.footnote], marks: list[nodes.Element], seen: dict[int, int]) -> None:
    """Order the auto-numbered footnotes as *seen*, and number those *marks* lead to 1, 2, 3...; the rest have no number."""
    numbered = sorted({id(note): note for note in notes.values() if note.get("auto") == 1}.values(), key=footnote_number)
    order = sorted(numbered, key=lambda note: seen.get(id(note), len(seen)))  # stable: a note never seen stays last
    marked = {id(notes[mark["refid"]]) for mark in marks if mark.get("refid") in notes}
    counted = itertools.count(1)
    labels = {id(note): str(next(counted)) for note in order if id(note) in marked}
    for note in numbered:
        if id(note) in labels:
            note[0][:] = [nodes.Text(labels[id(note)])]
        elif len(note) and isinstance(note[0], nodes.label):
            note.remove(note[0])
    for mark in marks:
        if mark.get("auto") == 1 and mark.get("refid") in notes:
            mark[:] = [nodes.Text(labels[id(notes[mark["refid"]])])]
    position = {id(note): at for at, note in enumerate(order)}
    for parent in {id(note.parent): note.parent for note in numbered}.values():
        places = [at for at, child in enumerate(parent.children) if isinstance(child, nodes.footnote) and child.get("auto") == 1]
        for at, note in zip(places, sorted((parent[at] for at in places), key=lambda note: position[id(note)])):
            parent[at] = note


def footnote_number(note: nodes.Element) -> int:
    label = note[0].astext() if len(note) and isinstance(note[0], nodes.label) else ""
    return int(label) if label.isdigit() else 0


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_role("paper", PaperMention())
    app.add_post_transform(MentionedNotMarked)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

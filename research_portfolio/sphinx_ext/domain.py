"""Which page cites which paper (with the sentence that cites it), holds the full list, or draws a figure.

The paper pages need to know, for each paper, the pages that discuss it and what they say, and where
the list of every paper is. A domain keeps this per document, as ``sphinx.ext.todo`` keeps its todos:
``clear_doc`` forgets a page that is read again and ``merge_domaindata`` joins what parallel readers
found, so incremental and parallel builds agree with a clean one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.typing import ExtensionMetadata

from ..render.nodes import (
    depart_isolate_html,
    depart_paper_title,
    isolate,
    paper_title,
    visit_isolate_html,
    visit_paper_title,
    visit_paper_title_latex,
)
from ..text.scripts import enclosing

logger = logging.getLogger(__name__)

#: A possible sentence end: . ! or ? then a space and a capital letter, a digit or an opening quote.
SENTENCE_END = re.compile(r"([.!?])[\"'\u201d)\]]?\s+(?=[\"'\u201c(\[]?[A-Z0-9])")
#: Words whose full stop ends no sentence: initials ("Eric J. Michaud") and common abbreviations.
NOT_AN_END = re.compile(r"(?:\b[A-Z]|\b(?:Prof|Dr|e\.g|i\.e|etc|Fig|Eq|al|vs|No|Phys|Rev|Lett))\.$")


class PortfolioDomain(Domain):
    name = "portfolio"
    label = "Research portfolio"
    initial_data = {"citations": {}, "full_lists": {}, "missing": {}, "views": {}}  # copied per build
    data_version = 4

    @property
    def citations(self) -> dict[str, dict[str, list[str]]]:
        """docname -> paper key -> the sentences of that page that cite the paper."""
        return self.data.setdefault("citations", {})

    @property
    def full_lists(self) -> dict[str, bool]:
        """The pages that hold the list of every paper by year (a dict used as an ordered set)."""
        return self.data.setdefault("full_lists", {})

    @property
    def missing(self) -> dict[str, list[str]]:
        """docname -> the keys it cites that the .bib does not have."""
        return self.data.setdefault("missing", {})

    @property
    def views(self) -> dict[str, list[list[Any]]]:
        """docname -> what the page shows of the .bib: [view name, arguments, digest] (see dependencies.py)."""
        return self.data.setdefault("views", {})

    def clear_doc(self, docname: str) -> None:
        for table in (self.citations, self.full_lists, self.missing, self.views):
            table.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for name in ("citations", "full_lists", "missing", "views"):
                if docname in otherdata.get(name, {}):
                    self.data.setdefault(name, {})[docname] = otherdata[name][docname]

    def resolve_any_xref(self, *args: Any) -> list[Any]:
        return []

    def citing(self, key: str) -> list[tuple[str, list[str]]]:
        """(docname, sentences) for every page that cites *key*, in page order."""
        return [(docname, keys[key]) for docname, keys in sorted(self.citations.items()) if key in keys]


def portfolio_domain(env: BuildEnvironment) -> PortfolioDomain:
    return cast(PortfolioDomain, env.get_domain(PortfolioDomain.name))


def record_citations(app: Sphinx, doctree: nodes.document) -> None:
    """Note each paper the page cites in its text (a footnote citation) and the sentence around it."""
    found: dict[str, list[str]] = {}
    for key, sentence in citing_sentences(doctree):
        sentences = found.setdefault(key, [])
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    if found:
        portfolio_domain(app.env).citations[app.env.docname] = found


def footnote_papers(doctree: nodes.document) -> dict[str, str]:
    """The key of the paper each footnote citing one holds the reference of, by the footnote's ids."""
    papers = {}
    for footnote in doctree.findall(nodes.footnote):
        key = next((title["key"] for title in footnote.findall(paper_title) if "pub-title" in title["classes"]), None)
        if key:
            papers.update(dict.fromkeys(footnote["ids"], key))
    return papers


def citing_sentences(doctree: nodes.document) -> Iterator[tuple[str, str]]:
    """(key, sentence) for each footnote reference to a paper; the sentence without reference marks."""
    footnote_keys = footnote_papers(doctree)
    for reference in doctree.findall(nodes.footnote_reference):
        key = footnote_keys.get(reference.get("refid", ""))
        if key:
            yield key, sentence_around(reference)


def sentence_around(reference: nodes.Element) -> str:
    """The sentence of the paragraph that holds *reference*."""
    paragraph = enclosing(reference, nodes.paragraph)
    if paragraph is None:
        return ""
    before: list[str] = []
    after: list[str] = []
    seen = False
    for node in paragraph.findall(nodes.Text):
        if any(isinstance(ancestor, nodes.footnote_reference) for ancestor in _ancestors(node, paragraph)):
            if _inside(node, reference):
                seen = True
            continue
        (after if seen else before).append(node.astext())
    head = sentences("".join(before))[-1]
    tail = sentences("".join(after))[0]
    return re.sub(r"\s+([.,;:!?])", r"\1", " ".join((head + tail).split()))


def sentences(text: str) -> list[str]:
    """*text* cut into sentences."""
    found, start = [], 0
    for end in SENTENCE_END.finditer(text):
        if not NOT_AN_END.search(text[start : end.start(1) + 1]):
            found.append(text[start : end.end()])
            start = end.end()
    return [*found, text[start:]]


def _ancestors(node: nodes.Node, stop: nodes.Node) -> Iterator[nodes.Node]:
    while node.parent is not None and node is not stop:
        node = node.parent
        yield node


def _inside(node: nodes.Node, container: nodes.Node) -> bool:
    return any(ancestor is container for ancestor in _ancestors(node, container.parent))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_domain(PortfolioDomain)
    writer = (visit_paper_title, depart_paper_title)
    app.add_node(paper_title, html=writer, latex=(visit_paper_title_latex, depart_paper_title), text=writer, man=writer,
                 texinfo=writer)
    inline = (visit_paper_title, depart_paper_title)  # any inline text
    app.add_node(isolate, html=(visit_isolate_html, depart_isolate_html),
                 epub=(visit_isolate_html, depart_isolate_html), latex=inline, text=inline, man=inline,
                 texinfo=inline)
    app.connect("doctree-read", record_citations)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

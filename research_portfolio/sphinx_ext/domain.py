"""Which page cites which paper, and which holds the full list.

The paper pages need to know, for each paper, the pages that discuss it, and where the list of every
paper is. A domain keeps this per document, as ``sphinx.ext.todo`` keeps its todos:
``clear_doc`` forgets a page that is read again and ``merge_domaindata`` joins what parallel readers
found, so incremental and parallel builds agree with a clean one.
"""

from __future__ import annotations

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

logger = logging.getLogger(__name__)


class PortfolioDomain(Domain):
    name = "portfolio"
    label = "Research portfolio"
    initial_data = {"citations": {}, "full_lists": {}, "missing": {}, "views": {}}  # copied per build
    data_version = 5

    @property
    def citations(self) -> dict[str, list[str]]:
        """docname -> the keys of the papers that page cites, in the order it first cites them."""
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

    def citing(self, key: str) -> list[str]:
        """Every page that cites *key*, in page order."""
        return [docname for docname, keys in sorted(self.citations.items()) if key in keys]


def portfolio_domain(env: BuildEnvironment) -> PortfolioDomain:
    return cast(PortfolioDomain, env.get_domain(PortfolioDomain.name))


def record_citations(app: Sphinx, doctree: nodes.document) -> None:
    """Note each paper the page cites in its text (a footnote citation)."""
    found = list(dict.fromkeys(cited_papers(doctree)))
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


def cited_papers(doctree: nodes.document) -> Iterator[str]:
    """The key of the paper each footnote reference leads to, in the page's order."""
    footnote_keys = footnote_papers(doctree)
    for reference in doctree.findall(nodes.footnote_reference):
        key = footnote_keys.get(reference.get("refid", ""))
        if key:
            yield key


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

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
from sphinx.writers.latex import LaTeXTranslator
from sphinxcontrib.bibtex.citation_target import parse_citation_targets
from sphinxcontrib.bibtex.domain import BibtexDomain
from sphinxcontrib.bibtex.foot_domain import BibtexFootDomain
from sphinxcontrib.bibtex.foot_roles import FootCiteRole
from sphinxcontrib.bibtex.roles import CiteRole

from .pdfcheck import ENTRY_MARK

logger = logging.getLogger(__name__)

#: A possible sentence end: . ! or ? then a space and a capital letter, a digit or an opening quote.
SENTENCE_END = re.compile(r"([.!?])[\"'\u201d)\]]?\s+(?=[\"'\u201c(\[]?[A-Z0-9])")
#: Words whose full stop ends no sentence: initials ("Eric J. Michaud") and common abbreviations.
NOT_AN_END = re.compile(r"(?:\b[A-Z]|\b(?:Prof|Dr|e\.g|i\.e|etc|Fig|Eq|al|vs|No|Phys|Rev|Lett))\.$")


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


class PortfolioDomain(Domain):
    name = "portfolio"
    label = "Research portfolio"
    initial_data = {"citations": {}, "full_lists": {}, "missing": {}, "figures": {}, "views": {}}  # copied per build
    data_version = 3

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

    @property
    def figures(self) -> dict[str, bool]:
        """The pages that draw a figure from the .bib (a dict used as an ordered set)."""
        return self.data.setdefault("figures", {})

    def clear_doc(self, docname: str) -> None:
        for table in (self.citations, self.full_lists, self.missing, self.figures, self.views):
            table.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for name in ("citations", "full_lists", "missing", "figures", "views"):
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


def citing_sentences(doctree: nodes.document) -> Iterator[tuple[str, str]]:
    """(key, sentence) for each footnote reference to a paper; the sentence without reference marks."""
    footnote_keys = {}
    for footnote in doctree.findall(nodes.footnote):
        key = next((node["key"] for node in footnote.findall(paper_title)), None)
        if key:
            footnote_keys.update(dict.fromkeys(footnote["ids"], key))
    for reference in doctree.findall(nodes.footnote_reference):
        key = footnote_keys.get(reference.get("refid", ""))
        if key:
            yield key, sentence_around(reference)


def sentence_around(reference: nodes.Element) -> str:
    """The sentence of the paragraph that holds *reference*."""
    paragraph = reference.parent
    while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
        paragraph = paragraph.parent
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


class NotingMissingKeys:
    """A citation role that also notes the keys it cites that the .bib lacks, for the closing count.

    sphinxcontrib-bibtex warns of each missing key with its page and line; the count comes from the
    roles the page really runs, so a citation shown in a code block (a page teaching how to cite)
    is text, not a citation.
    """

    env: BuildEnvironment
    text: str

    def note_missing(self, keys: Iterable[str]) -> None:
        """Note the keys the .bib lacks, and each cited entry as a view of the page (dependencies.py)."""
        from . import dependencies  # it reads this module's domain

        known = cast(BibtexDomain, self.env.get_domain("cite")).bibdata.data.entries
        keys = [key for key in keys if key]
        missing = [key for key in keys if key not in known]
        if missing:
            portfolio_domain(self.env).missing.setdefault(self.env.docname, []).extend(missing)
        for key in keys:
            dependencies.record(self.env, "entry", key)


class FootCite(NotingMissingKeys, FootCiteRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.note_missing(key.strip() for key in self.text.split(","))
        return super().run()


class Cite(NotingMissingKeys, CiteRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.note_missing(target.key for target in parse_citation_targets(self.target))
        return super().run()


def replace_citation_roles(app: Sphinx) -> None:
    """The same roles under the same names, noting missing keys (sphinxcontrib-bibtex's are replaced)."""
    for domain, role, names in (("footcite", FootCite, BibtexFootDomain.roles), ("cite", Cite, BibtexDomain.roles)):
        app.add_role(domain, role(), override=True)
        for name in names:
            app.add_role_to_domain(domain, name, role(), override=True)


def report_missing_keys(app: Sphinx, env: BuildEnvironment) -> None:
    """One closing line after the located warnings: how many citations point to missing keys."""
    missing = portfolio_domain(env).missing
    count = sum(len(keys) for keys in missing.values())
    if count:
        files = ", ".join(app.config.bibtex_bibfiles)
        logger.warning(
            f"{count} citation{'s' if count > 1 else ''} on {len(missing)} page{'s' if len(missing) > 1 else ''} "
            f"point{'' if count > 1 else 's'} to keys missing from {files}: add those entries to the .bib, or fix the keys where the "
            "warnings above say",
            type="portfolio", subtype="citations",
        )


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_domain(PortfolioDomain)
    writer = (visit_paper_title, depart_paper_title)
    app.add_node(paper_title, html=writer, latex=(visit_paper_title_latex, depart_paper_title), text=writer, man=writer,
                 texinfo=writer)
    inline = (visit_paper_title, depart_paper_title)  # any inline text
    app.add_node(isolate, html=(visit_isolate_html, depart_isolate_html),
                 epub=(visit_isolate_html, depart_isolate_html), latex=inline, text=inline, man=inline,
                 texinfo=inline)
    replace_citation_roles(app)
    app.connect("doctree-read", record_citations)
    app.connect("env-check-consistency", report_missing_keys)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

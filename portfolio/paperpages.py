"""A web page per paper, generated from the database at build time, and links to it from every reference.

The pages are HTML only (``html-collect-pages``): the PDF and the ePub carry the lists, not a page
per paper. They stay out of the toctree, so furo's sidebar does not grow with the bibliography.
Each page shows the paper's full reference, its BibTeX and the pages that cite it, which an
environment collector records while the pages are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from pybtex.database import Entry
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from pybtex_docutils import Backend
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import database
from .lists import legend

PAGE_BUILDERS = ("html", "dirhtml")


def page_name(key: str) -> str:
    return "papers/" + re.sub(r"[^A-Za-z0-9_-]+", "-", key)


def cited_keys(doctree: nodes.Node) -> set[str]:
    """Keys of the papers a page cites in its text (its footnotes), not those it merely lists."""
    return {
        node["bibkey"]
        for node in doctree.findall(nodes.inline)
        if "bibkey" in node and not _in_publication_list(node)
    }


def _in_publication_list(node: nodes.Node) -> bool:
    while node.parent is not None:
        node = node.parent
        if isinstance(node, nodes.bullet_list) and "publication-list" in node["classes"]:
            return True
    return False


class CitationCollector(EnvironmentCollector):
    """Records, for each page, the papers it cites: a paper page lists the pages that discuss it."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        env.portfolio_citations.pop(docname, None)  # type: ignore[attr-defined]

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
        for docname in docnames & other.portfolio_citations.keys():  # type: ignore[attr-defined]
            env.portfolio_citations[docname] = other.portfolio_citations[docname]  # type: ignore[attr-defined]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        keys = cited_keys(doctree)
        if keys:
            app.env.portfolio_citations[app.env.docname] = keys  # type: ignore[attr-defined]


class LinkTitlesToPaperPages(SphinxPostTransform):
    """On the web, a reference's title links to the paper's own page."""

    builders = PAGE_BUILDERS
    default_priority = 400

    def run(self, **kwargs: Any) -> None:
        entries = database.catalogue(self.app).entries
        for node in list(self.document.findall(nodes.inline)):
            key = node.get("bibkey")
            if key in entries:
                uri = self.app.builder.get_relative_uri(self.env.docname, page_name(key))
                node[:] = [nodes.reference("", "", *node.children, refuri=uri, internal=True)]


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    if app.builder.name not in PAGE_BUILDERS:
        return
    style = find_plugin("pybtex.style.formatting", app.config.bibtex_default_style)()
    citations: dict[str, set[str]] = app.env.portfolio_citations  # type: ignore[attr-defined]
    for key, entry in database.catalogue(app).entries.items():
        pagename = page_name(key)
        citing = sorted(docname for docname, keys in citations.items() if key in keys)
        body = app.builder.render_partial(paper_section(app, pagename, entry, style, citing))["fragment"]
        title = str(Text.from_latex(entry.fields["title"]))
        yield pagename, {"title": title, "body": body, "paper": entry}, "page.html"


def paper_section(app: Sphinx, pagename: str, entry: Entry, style: Any, citing: list[str]) -> nodes.section:
    """The body of a paper's page: title, everyone who wrote it, where it appeared, links, BibTeX."""
    backend = Backend()
    section = nodes.section(ids=[nodes.make_id(entry.key) or "paper"])
    section += nodes.title("", "", *Text.from_latex(entry.fields["title"]).render(backend))
    section += nodes.paragraph("", "", *style.format_authors(entry).add_period().render(backend), classes=["pub-authors"])
    section.extend(legend([entry]))
    venue = Text(" ").join([part for part in (style.format_venue(entry), style.format_badge(entry)) if part])
    section += nodes.paragraph("", "", *venue.render(backend), classes=["pub-venue"])
    section += nodes.paragraph("", "", *style.format_links(entry).render(backend), classes=["pub-links"])
    themes = [app.config.portfolio_themes[theme] for theme in database.themes(entry)]
    section += _link_line(app, pagename, "Research theme: " if len(themes) == 1 else "Research themes: ", [page for _, page in themes])
    if citing:
        section += _link_line(app, pagename, "Discussed on: ", citing)
    section += nodes.rubric("", "BibTeX")
    section += nodes.literal_block("", database.standard_bibtex(entry), language="bibtex")
    return section


def _link_line(app: Sphinx, pagename: str, label: str, docnames: list[str]) -> nodes.paragraph:
    paragraph = nodes.paragraph("", label)
    for position, docname in enumerate(docnames):
        if position:
            paragraph += nodes.Text(", ")
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
        paragraph += nodes.reference("", title, refuri=app.builder.get_relative_uri(pagename, docname), internal=True)
    return paragraph


def init_citations(app: Sphinx) -> None:
    if not hasattr(app.env, "portfolio_citations"):
        app.env.portfolio_citations = {}  # type: ignore[attr-defined]


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("builder-inited", init_citations)
    app.add_env_collector(CitationCollector)
    app.add_post_transform(LinkTitlesToPaperPages)
    app.connect("html-collect-pages", collect_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A web page per paper, generated from the database at build time, and links to it from every reference.

The pages are HTML only (``html-collect-pages``): the PDF and the ePub carry the lists, not a page
per paper. They stay out of the toctree, so furo's sidebar does not grow with the bibliography.
Each page shows the paper's full reference, its BibTeX and the pages that cite it, which an
environment collector records while the pages are read.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from pybtex.database import Entry
from pybtex.richtext import Text
from pybtex_docutils import Backend
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector

from . import database
from .lists import legend
from .style import formatting_style, rich_field

PAGE_BUILDERS = ("html",)
#: The code that writes the pages, so that changing it rewrites them.
CODE = hashlib.sha256(b"".join((Path(__file__).parent / name).read_bytes()
                               for name in ("paperpages.py", "style.py", "webmeta.py", "templates/paper.html"))).hexdigest()
TEMPLATES = Path(__file__).parent / "templates"


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
    """Records the papers each page cites, and which page holds the full list, for the paper pages.

    ``env.portfolio_citations`` maps a page to the keys it cites; ``env.portfolio_full_lists`` holds the
    pages with the list of every paper by year, to which a paper page links back.
    """

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        env.portfolio_citations.pop(docname, None)  # type: ignore[attr-defined]
        env.portfolio_full_lists.discard(docname)  # type: ignore[attr-defined]

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
        for docname in docnames & other.portfolio_citations.keys():  # type: ignore[attr-defined]
            env.portfolio_citations[docname] = other.portfolio_citations[docname]  # type: ignore[attr-defined]
        env.portfolio_full_lists |= docnames & other.portfolio_full_lists  # type: ignore[attr-defined]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        keys = cited_keys(doctree)
        if keys:
            app.env.portfolio_citations[app.env.docname] = keys  # type: ignore[attr-defined]
        if any("pub-summary" in node["classes"] for node in doctree.findall(nodes.paragraph)):
            app.env.portfolio_full_lists.add(app.env.docname)  # type: ignore[attr-defined]


def link_titles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """On the web, a reference's title links to the paper's own page."""
    if app.builder.name not in PAGE_BUILDERS:
        return
    entries = database.catalogue(app.env).entries
    for node in list(doctree.findall(nodes.inline)):
        key = node.get("bibkey")
        if key in entries:
            uri = app.builder.get_relative_uri(docname, page_name(key))
            node[:] = [nodes.reference("", "", *node.children, refuri=uri, internal=True)]


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Each paper's page, written only when what it shows has changed since the last build."""
    if app.builder.name not in PAGE_BUILDERS:
        return
    style = formatting_style(app.config.bibtex_default_style)
    citations: dict[str, set[str]] = app.env.portfolio_citations  # type: ignore[attr-defined]
    record = PageRecord(app)
    for key, entry in database.catalogue(app.env).entries.items():
        pagename = page_name(key)
        citing = sorted(docname for docname, keys in citations.items() if key in keys)
        if record.unchanged(pagename, entry, citing):
            continue
        body = app.builder.render_partial(paper_body(app, pagename, entry, style, citing))["fragment"]
        yield pagename, {"title": str(rich_field(entry, "title")), "body": body, "paper": entry}, "paper.html"
    record.save()


class PageRecord:
    """What each paper page showed when it was last written, kept beside the doctrees.

    A page is written again when its entry, the pages citing it, the site's navigation, the
    configuration, the templates or this extension's code change, or when its file is missing;
    otherwise a rebuild leaves it alone, so an unchanged site rebuilds in well under a second.
    """

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.path = Path(app.doctreedir) / "portfolio-pages.json"
        self.previous = json.loads(self.path.read_text()) if self.path.exists() else {}
        self.current: dict[str, str] = {}
        env = app.env
        site = [
            app.builder.build_info.config_hash,
            app.builder.build_info.tags_hash,
            app.builder.templates.newest_template_mtime(),
            sorted((docname, title.astext()) for docname, title in env.titles.items()),
            sorted((docname, list(children)) for docname, children in env.toctree_includes.items()),
            sorted(env.portfolio_full_lists),  # type: ignore[attr-defined]
            CODE,
        ]
        self.site = json.dumps(site, default=str)

    def unchanged(self, pagename: str, entry: Entry, citing: list[str]) -> bool:
        inputs = [self.site, entry.type, sorted(entry.fields.items()),
                  {role: [str(person) for person in persons] for role, persons in entry.persons.items()}, citing]
        digest = hashlib.sha256(json.dumps(inputs, default=str).encode()).hexdigest()
        self.current[pagename] = digest
        written = Path(self.app.outdir) / (pagename + self.app.builder.out_suffix)
        return self.previous.get(pagename) == digest and written.exists()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.current, indent=0, sort_keys=True))


def share_navigation(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Paper pages all sit in papers/ and outside the toctree, so they share one rendering of it.

    furo renders the whole navigation for every page; with a lab-sized bibliography that is most of
    the cost of the paper pages. This runs before furo's own handler (priority 500).
    """
    if templatename != "paper.html":
        return
    cache: dict[str, str] = app.builder.__dict__.setdefault("_portfolio_navigation", {})
    render = context["toctree"]

    def toctree(**options: Any) -> str:
        key = json.dumps(options, sort_keys=True, default=str)
        if key not in cache:
            cache[key] = render(**options)
        return cache[key]

    context["toctree"] = toctree


def paper_body(app: Sphinx, pagename: str, entry: Entry, style: Any, citing: list[str]) -> nodes.container:
    """The body of a paper's page, below its title: who wrote it, where it appeared, links, BibTeX."""
    backend = Backend()
    body = nodes.container()
    body += nodes.paragraph("", "", *style.format_authors(entry).add_period().render(backend), classes=["pub-authors"])
    body.extend(legend([entry]))
    venue = Text(" ").join([part for part in (style.format_venue(entry), style.format_badge(entry)) if part])
    body += nodes.paragraph("", "", *venue.render(backend), classes=["pub-venue"])
    body += nodes.paragraph("", "", *style.format_links(entry).render(backend), classes=["pub-links"])
    themes = [app.config.portfolio_themes[theme] for theme in database.themes(entry)]
    body += _link_line(app, pagename, "Research theme: " if len(themes) == 1 else "Research themes: ", [page for _, page in themes])
    if citing:
        body += _link_line(app, pagename, "Discussed on: ", citing)
    body += nodes.rubric("", "BibTeX")
    body += nodes.literal_block("", database.standard_bibtex(entry), language="bibtex")
    for docname in sorted(app.env.portfolio_full_lists):  # type: ignore[attr-defined]
        uri = app.builder.get_relative_uri(pagename, docname) + f"#year-{database.year(entry)}"
        back = nodes.reference("", f"\N{LEFTWARDS ARROW} All publications of {database.year(entry)}", refuri=uri, internal=True)
        body += nodes.paragraph("", "", back, classes=["pub-back"])
    return body


def _link_line(app: Sphinx, pagename: str, label: str, docnames: list[str]) -> nodes.paragraph:
    paragraph = nodes.paragraph("", label)
    for position, docname in enumerate(docnames):
        if position:
            paragraph += nodes.Text(", ")
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
        paragraph += nodes.reference("", title, refuri=app.builder.get_relative_uri(pagename, docname), internal=True)
    return paragraph


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """Delete the page of a paper that left the .bib, so the web never shows a removed paper."""
    if exception is not None or app.builder.name not in PAGE_BUILDERS:
        return
    current = {page_name(key) for key in database.catalogue(app.env).entries} | set(app.env.found_docs)
    outdir = Path(app.outdir)
    for path in (outdir / "papers").glob(f"*{app.builder.out_suffix}"):
        if str(path.relative_to(outdir).with_suffix("")) not in current:
            path.unlink()


def add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path.append(str(TEMPLATES))


def init_citations(app: Sphinx) -> None:
    if not hasattr(app.env, "portfolio_citations"):
        app.env.portfolio_citations = {}  # type: ignore[attr-defined]
        app.env.portfolio_full_lists = set()  # type: ignore[attr-defined]


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", init_citations)
    app.add_env_collector(CitationCollector)
    app.connect("doctree-resolved", link_titles)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", share_navigation, priority=400)
    app.connect("build-finished", remove_stale_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A web page per paper, generated from the database at build time, and links to it from every reference.

The pages are HTML only (``html-collect-pages``): the PDF and the ePub carry the lists, not a page
per paper. They stay out of the toctree, so furo's sidebar does not grow with the bibliography.
What a page shows is :mod:`research_portfolio.web.paperbody`'s. The theme's page around it (furo's
header, sidebar, footer) is the same for every paper but for the title, the metadata and the links
to the previous and next paper: it is rendered once through Sphinx with markers in those places
(:class:`Shell`), and each page is that shell with the markers filled in. A page is written only
when what it shows has changed since the last build (:class:`PageRecord`).
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from docutils import nodes
from markupsafe import Markup
from markupsafe import escape as escape_html
from pybtex.database import Entry
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config
from sphinx.util.docutils import new_document
from sphinx.util.typing import ExtensionMetadata

from ..bib import entries
from ..bib.pagenames import PAGE_BUILDERS, page_name
from ..compat import forget_in_search_index, keep_in_search_index, keep_when_loading_search_index
from ..render.style import STYLE_NAME, formatting_style, plain_text
from ..sphinx_ext import database
from ..sphinx_ext.cache import MISSING, build_cache, digest, note_generated_pages
from ..sphinx_ext.dependencies import entry_digests
from ..sphinx_ext.domain import paper_title, portfolio_domain
from ..sphinx_ext.lists import web_backend
from ..sphinx_ext.staticlinks import relative_static_links
from .paperbody import paper_html
from .shellmarks import MARK, SHELL_PAGE
from .webmeta import author_names, paper_tags

TEMPLATES = Path(__file__).parent / "templates"


def web_builder(app: Sphinx) -> StandaloneHTMLBuilder:
    """The HTML builder that writes the paper pages (the only builder in PAGE_BUILDERS)."""
    return cast(StandaloneHTMLBuilder, app.builder)


def link_titles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """On the web, a reference's title links to the paper's own page, and its files to the site's own copy."""
    if app.builder.name not in PAGE_BUILDERS:
        return
    entries = database.catalogue(app.env).entries
    for node in list(doctree.findall(paper_title)):
        key = node["key"]
        if key in entries:
            uri = app.builder.get_relative_uri(docname, page_name(key))
            node[:] = [nodes.reference("", "", *node.children, refuri=uri, internal=True)]
    relative_static_links(app, doctree, docname)


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Write each paper's page that changed; Sphinx is handed no page of its own to render (the shell aside)."""
    if app.builder.name not in PAGE_BUILDERS:
        return
    builder = web_builder(app)
    style = formatting_style(STYLE_NAME)
    domain = portfolio_domain(app.env)
    papers = database.catalogue(app.env).papers()
    keep_in_search_index(builder, {page_name(entry.key) for entry in papers})
    # What the pages say in plain words (titles, authors) is kept for the entries that did not change.
    texts = build_cache(app.env)
    digests = entry_digests(app.env)
    note_generated_pages(app.env, (page_name(entry.key) for entry in papers))
    titles = {entry.key: texts.get(("title", entry.key), digests[entry.key], functools.partial(display_title, style, entry),
                                   page=page_name(entry.key))
              for entry in papers}
    shell = Shell(builder)
    record = PageRecord(app)
    pages = []
    for number, entry in enumerate(papers):
        pagename = page_name(entry.key)
        citing = domain.citing(entry.key)
        # Onward in the order of the full list, newest first: furo's own "Previous" and "Next" links.
        around = {name: (builder.get_relative_uri(pagename, page_name(other.key)), titles[other.key])
                  for name, other in (("prev", papers[number - 1] if number else None),
                                      ("next", papers[number + 1] if number + 1 < len(papers) else None)) if other}
        pages.append((pagename, entry, citing, around, record.unchanged(pagename, entry, digests[entry.key], [citing, around])))
    # An unchanged page keeps what the last build indexed of it (keep_when_loading_search_index).
    indexed = forget_in_search_index(builder, {pagename for pagename, *_, unchanged in pages if not unchanged})
    for pagename, entry, citing, around, unchanged in pages:
        if not (unchanged and indexed):
            authors = texts.get(("authors", entry.key), digests[entry.key], functools.partial(all_authors, entry),
                                page=pagename)
            index_for_search(builder, pagename, entry, titles[entry.key], authors)
        if unchanged:
            continue
        body = paper_html(builder, pagename, entry, citing, web_backend(builder, pagename))
        metatags = paper_tags(app, entry, pagename, titles[entry.key], pageurl(builder, pagename))
        page = shell.variant(prev="prev" in around, next="next" in around)
        page.write(builder, pagename, html.escape(titles[entry.key]), body, metatags, around)
    yield from ()


def display_title(style: Any, entry: Entry) -> str:
    return plain_text(style.display_title(entry))


def all_authors(entry: Entry) -> str:
    return " ".join(author_names(entry))


def pageurl(builder: Any, pagename: str) -> str:
    """The page's canonical address, as Sphinx makes it for every page (empty without html_baseurl)."""
    base = builder.config.html_baseurl
    return posixpath.join(base, builder.get_target_uri(pagename)) if base else ""


class Shell:
    """furo's page for a paper, rendered once per build (and per kind of neighbours) with markers to fill in.

    The shell is rendered by Sphinx itself, for a page in papers/ named :data:`SHELL_PAGE`, so every
    relative path, style sheet, script and the whole navigation are those of a real paper page; the
    html-page-context handlers see a context that says ``portfolio_shell``, and leave the markers.
    """

    def __init__(self, builder: Any) -> None:
        self.builder = builder
        self.variants: dict[tuple[bool, bool], ShellPage] = {}

    def variant(self, prev: bool, next: bool) -> ShellPage:
        if (prev, next) not in self.variants:
            self.variants[prev, next] = ShellPage(self.render(prev, next))
        return self.variants[prev, next]

    def render(self, prev: bool, next: bool) -> str:
        context: dict[str, Any] = {"title": MARK["title"], "body": MARK["body"], "portfolio_shell": True}
        if prev:
            context["prev"] = {"link": MARK["prev-link"], "title": MARK["prev-title"]}
        if next:
            context["next"] = {"link": MARK["next-link"], "title": MARK["next-title"]}
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "shell.html"
            self.builder.handle_page(SHELL_PAGE, context, "paper.html", outfilename=str(target))
            return target.read_text(encoding=self.builder.config.html_output_encoding)




class ShellPage:
    """One rendering of the shell, and how a page is made from it."""

    def __init__(self, rendered: str) -> None:
        self.rendered = rendered
        # The title stands twice: in <title>, through furo's |striptags|e, and as the page's heading.
        head, _, rest = rendered.partition(MARK["title"])
        self.pieces = [head, rest]
        self.folders: set[Path] = set()  # made already, in this build

    def write(self, builder: Any, pagename: str, title: str, body: str, metatags: str, around: dict[str, tuple[str, str]]) -> None:
        page = self.pieces[0] + str(escape_html(Markup(title).striptags())) + self.pieces[1]
        values = {"title": title, "body": body, "metatags": metatags}
        for side, (uri, other_title) in around.items():
            values[f"{side}-link"], values[f"{side}-title"] = uri, html.escape(other_title)
        for name, value in values.items():
            page = page.replace(MARK[name], value)
        page = page.replace(SHELL_PAGE, pagename)
        target = Path(builder.get_outfilename(pagename))
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        with open(target, "w", encoding=builder.config.html_output_encoding, errors="xmlcharrefreplace") as file:
            file.write(page)


def index_for_search(builder: Any, pagename: str, entry: Entry, title: str, authors: str) -> None:
    """Feed the search index what a reader searches a paper by: its title, summary and authors.

    The title is the result's title; the BibTeX and the page's other parts stay out of the index.
    """
    section = nodes.section("", nodes.title("", title), ids=["paper"])
    for text in (entries.summary(entry), authors):
        section += nodes.paragraph("", text)
    document = new_document(pagename)
    document += section
    builder.index_page(pagename, document, title)


class PageRecord:
    """What each paper page showed when it was last written, kept in the build's cache (cache.py).

    A page is written again when its entry, the pages citing it, its neighbours, the site's
    navigation or anything the cache is keyed on (the configuration, the theme, the templates, the
    code) change, or when its file is missing; otherwise a rebuild leaves it alone, so an unchanged
    site rebuilds in well under a second. A build with a fresh environment (``-E``, the first, or
    one after a build that did not finish) trusts no record and writes them all.
    """

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.cache = build_cache(app.env)
        self.fresh = bool(getattr(app, "fresh_env_used", False))
        env = app.env
        site = [sorted((docname, title.astext()) for docname, title in env.titles.items()),
                sorted((docname, list(children)) for docname, children in env.toctree_includes.items()),
                list(portfolio_domain(env).full_lists)]
        self.site = json.dumps(site, default=str)

    def unchanged(self, pagename: str, entry: Entry, entry_digest: str, context: object) -> bool:
        """Whether the page shows what it showed last time: the same entry, site and *context* (citing pages, neighbours)."""
        shown = digest([self.site, entry.type, entry_digest, context])
        name = ("paper page", pagename)
        written = Path(self.app.outdir) / (pagename + web_builder(self.app).out_suffix)
        same = not self.fresh and self.cache.lookup(name, shown, page=pagename) is not MISSING and written.exists()
        self.cache.put(name, shown, True, page=pagename)
        return same


def keep_paper_pages_in_search_index(app: Sphinx) -> None:
    if app.builder.name in PAGE_BUILDERS:
        keep_when_loading_search_index(app.builder, lambda: {page_name(entry.key) for entry in database.catalogue(app.env).papers()})


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


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """Delete the page of a paper that left the .bib, so the web never shows a removed paper."""
    if exception is not None or app.builder.name not in PAGE_BUILDERS:
        return
    current = {page_name(key) for key in database.catalogue(app.env).entries} | set(app.env.found_docs)
    outdir = Path(app.outdir)
    for path in (outdir / "papers").glob(f"*{web_builder(app).out_suffix}"):
        if str(path.relative_to(outdir).with_suffix("")) not in current:
            path.unlink()


def add_templates(app: Sphinx, config: Config) -> None:
    # A new list: the site's may be Sphinx's default, which every later project in this process would share.
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", keep_paper_pages_in_search_index)
    app.connect("doctree-resolved", link_titles)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", share_navigation, priority=400)
    app.connect("build-finished", remove_stale_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

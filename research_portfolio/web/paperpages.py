"""A web page per paper, built from the database through Sphinx's own page path, and kept out of the toctree.

Each paper's page is an ``html-collect-pages`` page under its real name (``papers/<key>``): Sphinx
renders the theme's ``page.html`` around it, so every ``html-page-context`` handler (metadata,
sitemaps, analytics) sees it as it sees any page, with every theme. What the page shows is
:mod:`research_portfolio.paperbody`'s, written by the builder's own HTML translator. The pages stay
out of the toctree, so a theme's sidebar does not grow with the bibliography (each shows the navigation
of the paper's theme page, or the publication list's, that page marked current); the e-book and the PDF
carry the lists, and ``singlehtml`` (one page for the whole site) writes none, saying so once.
A page is written only when what it shows has changed since the last build (:class:`PageRecord`).
"""

from __future__ import annotations

import functools
import json
import os
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from docutils import nodes
from pybtex.database import Entry
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import new_document
from sphinx.util.typing import ExtensionMetadata

from ..bib import entries
from ..bib.pagenames import PAGE_BUILDERS, page_name
from ..compat import (
    forget_in_search_index,
    keep_in_search_index,
    keep_when_loading_search_index,
    output_path,
    pydata_navigation_as_on,
    toctree_as_on,
)
from ..i18n import _
from ..render.view import entry_view, make_views
from ..sphinx_ext import database
from ..sphinx_ext.cache import MISSING, build_cache, digest, note_generated_pages
from ..sphinx_ext.dependencies import entry_digests
from ..sphinx_ext.domain import portfolio_domain
from ..sphinx_ext.paperlinks import link_titles
from .paperbody import paper_section
from .webmeta import author_names

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
#: The template of every paper page: the theme's own page, whatever the theme.
PAGE_TEMPLATE = "page.html"


def web_builder(app: Sphinx) -> StandaloneHTMLBuilder:
    """The HTML builder that writes the paper pages (one of PAGE_BUILDERS)."""
    return cast(StandaloneHTMLBuilder, app.builder)


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Each paper's page that changed, as (page name, context, template) for Sphinx to render."""
    if app.builder.name not in PAGE_BUILDERS:
        return
    builder = app.builder
    domain = portfolio_domain(app.env)
    papers = database.catalogue(app.env).papers()
    keep_in_search_index(builder, {page_name(entry.key) for entry in papers})
    # What the pages say in plain words (titles, authors) is kept for the entries that did not change.
    texts, digests = build_cache(app.env), entry_digests(app.env)
    note_generated_pages(app.env, (page_name(entry.key) for entry in papers))
    titles = {entry.key: texts.get(("title", entry.key), digests[entry.key], functools.partial(title_text, app.env, entry),
                                   page=page_name(entry.key))
              for entry in papers}
    record = PageRecord(app)
    pages = []
    for entry, group, around in neighbours(app, papers):
        pagename = page_name(entry.key)
        citing = domain.citing(entry.key)
        links = {side: (builder.get_relative_uri(pagename, page_name(other.key)),
                        _("{title} (in {group})").format(title=titles[other.key], group=group))
                 for side, other in around.items()}
        pages.append((pagename, entry, citing, links, record.unchanged(pagename, entry, digests[entry.key], [citing, links])))
    # An unchanged page keeps what the last build indexed of it (keep_when_loading_search_index).
    indexed = forget_in_search_index(builder, {pagename for pagename, *_rest, unchanged in pages if not unchanged})
    make_views(app.env, [entry for _pagename, entry, *_rest, unchanged in pages if not unchanged])  # together, at once
    in_navigation = {child for children in app.env.toctree_includes.values() for child in children}
    for pagename, entry, citing, links, unchanged in pages:
        if not (unchanged and indexed):
            authors = texts.get(("authors", entry.key), digests[entry.key], functools.partial(authors_text, entry), page=pagename)
            index_for_search(builder, pagename, entry, titles[entry.key], authors)
        if not unchanged:
            place = place_in_navigation(builder, entry, in_navigation)
            yield pagename, page_context(builder, pagename, entry, citing, links, place), PAGE_TEMPLATE


def title_text(env: Any, entry: Entry) -> str:
    return entry_view(env, entry).title_text


def authors_text(entry: Entry) -> str:
    return " ".join(author_names(entry))


def neighbours(app: Sphinx, papers: list[Entry]) -> Iterator[tuple[Entry, str, dict[str, Entry]]]:
    """Each paper, the group it is read in, and the papers before and after it there.

    A paper's group is its first theme (as its page's "previous" and "next" say), or its year when it
    has none; within a group, the full list's order, newest first.
    """
    themes = app.config.portfolio_themes
    groups: dict[str, list[Entry]] = {}
    names: dict[str, str] = {}
    for entry in papers:
        theme = first_theme(entry, themes)
        group = f"theme:{theme}" if theme else f"year:{entries.status(entry) or entries.year(entry)}"
        names[group] = themes[theme][0] if theme else entries.status(entry) or entries.year(entry)
        groups.setdefault(group, []).append(entry)
    for group, members in groups.items():
        for number, entry in enumerate(members):
            around = {"prev": members[number - 1] if number else None,
                      "next": members[number + 1] if number + 1 < len(members) else None}
            yield entry, names[group], {side: other for side, other in around.items() if other is not None}


def first_theme(entry: Entry, themes: dict[str, Any]) -> str | None:
    """The first of the paper's themes that the site has (``portfolio_themes``), or None."""
    return next((theme for theme in entries.themes(entry) if theme in themes), None)


def place_in_navigation(builder: Any, entry: Entry, in_navigation: set[str]) -> str | None:
    """The page a paper's page marks as current in the navigation: its first theme's, else the full list's.

    A paper page is in no toctree, so no theme's sidebar would mark anything on it; it shows the
    navigation of the page a reader reaches it from. None when neither page is in a toctree (those
    *in_navigation* are).
    """
    env = builder.env
    theme = first_theme(entry, builder.config.portfolio_themes)
    candidates = [builder.config.portfolio_themes[theme][1]] if theme else []
    candidates += sorted(portfolio_domain(env).full_lists)
    return next((docname for docname in candidates if docname in in_navigation), None)


def page_context(builder: Any, pagename: str, entry: Entry, citing: list[str],
                 links: dict[str, tuple[str, str]], place: str | None) -> dict[str, Any]:
    """What the theme's page template is given for a paper: its title, body, neighbours and place in the navigation."""
    section = paper_section(builder, pagename, entry, citing)
    link_titles(builder, section, pagename)
    translator = render(builder, pagename, section)
    # Titles in a page's context are HTML, as Sphinx gives them for every page: encoded by the same translator.
    context: dict[str, Any] = {"title": translator.encode(section[0].astext()), "body": "".join(translator.body),
                               "portfolio_paper": entry.key, "toc": "", "display_toc": False, "meta": {},
                               "sourcename": "", "page_source_suffix": ""}
    if place is not None:
        context["portfolio_navigation"] = place
    for side, (uri, text) in links.items():
        context[side] = {"link": uri, "title": translator.encode(text)}
    return context


def render(builder: Any, pagename: str, section: nodes.section) -> Any:
    """The builder's HTML translator, having written *section* as the body of *pagename*.

    Every paper page of a build is written by one translator into one document, each in turn: a
    translator and a document made for each of two thousand pages would cost more than the pages.
    """
    writer = WRITERS.get(builder)
    if writer is None:
        document = new_document("<paper pages>", builder.docsettings)
        writer = WRITERS[builder] = (document, builder.create_translator(document, builder))
    document, translator = writer
    document[:] = [section]
    translator.body = []
    current, builder.current_docname = builder.current_docname, pagename
    try:
        section.walkabout(translator)
    finally:
        builder.current_docname = current
    return translator


#: The document and HTML translator that write the paper pages of each build.
WRITERS: weakref.WeakKeyDictionary[Any, tuple[nodes.document, Any]] = weakref.WeakKeyDictionary()
#: The document each build gives the search index for a paper page, one page at a time.
INDEXED: weakref.WeakKeyDictionary[Any, nodes.document] = weakref.WeakKeyDictionary()


def index_for_search(builder: Any, pagename: str, entry: Entry, title: str, authors: str) -> None:
    """Feed the search index what a reader searches a paper by: its title, summary and authors.

    The title is the result's title; the BibTeX and the page's other parts stay out of the index.
    """
    section = nodes.section("", nodes.title("", title), ids=["paper"])
    for text in (entries.summary(entry), authors):
        section += nodes.paragraph("", text)
    if builder not in INDEXED:
        INDEXED[builder] = new_document("<paper pages>")
    document = INDEXED[builder]
    document[:] = [section]
    builder.index_page(pagename, document, title)


class PageRecord:
    """What each paper page showed when it was last written, kept in the build's cache (cache.py).

    A page is written again when its entry, the pages citing it, its neighbours, the site's
    navigation, the site's static files (a page links them with their checksums) or anything the
    cache is keyed on (the configuration, the theme, the templates, the code, the versions) change,
    or when its file is missing; otherwise a rebuild leaves it alone, so an unchanged site rebuilds
    in well under a second. A build with a fresh environment (``-E``, the first, or one after a
    build that did not finish) trusts no record and writes them all.
    """

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.cache = build_cache(app.env)
        self.fresh = bool(getattr(app, "fresh_env_used", False))
        env = app.env
        site = [sorted((docname, title.astext()) for docname, title in env.titles.items()),
                sorted((docname, list(children)) for docname, children in env.toctree_includes.items()),
                list(portfolio_domain(env).full_lists), static_files(app)]
        self.site = json.dumps(site, default=str)

    def unchanged(self, pagename: str, entry: Entry, entry_digest: str, context: object) -> bool:
        """Whether the page shows what it showed last time: the same entry, site and *context* (citing pages, neighbours)."""
        shown = digest([self.site, entry.type, entry_digest, context])
        name = ("paper page", pagename)
        written = output_path(web_builder(self.app), pagename).exists()
        same = not self.fresh and self.cache.lookup(name, shown, page=pagename) is not MISSING and written
        self.cache.put(name, shown, True, page=pagename)
        return same


def static_files(app: Sphinx) -> list[tuple[str, int, int]]:
    """Each file of the site's static folders, with its size and time: a page links them with their checksums."""
    found = []
    for folder in app.config.html_static_path:
        root = Path(app.confdir, folder)
        for directory, _folders, files in os.walk(root):
            for name in files:
                stat = os.stat(os.path.join(directory, name))
                found.append((os.path.relpath(os.path.join(directory, name), root), stat.st_size, stat.st_mtime_ns))
    return sorted(found)


def keep_paper_pages_in_search_index(app: Sphinx) -> None:
    if app.builder.name in PAGE_BUILDERS:
        keep_when_loading_search_index(app.builder, lambda: {page_name(entry.key) for entry in database.catalogue(app.env).papers()})


def say_why_no_pages(app: Sphinx) -> None:
    """A single-page build has no page per paper: it says so once, as information (it is no fault)."""
    if app.builder.name == "singlehtml":
        logger.info("research_portfolio: the singlehtml builder writes the whole site as one page, so papers get "
                    "no pages of their own; the lists show every paper in full.")  # a message of the build: in English


def share_navigation(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Paper pages show the navigation of their place (:func:`place_in_navigation`), made once for all that share it.

    The ``toctree`` function Sphinx gives the templates becomes that of the paper's theme page (or of
    the publication list), with its links starting from the paper's page: every theme that draws its
    sidebar from it (furo, alabaster, Read the Docs, sphinx-book-theme) marks that page as current.
    A theme renders the navigation for every page, and Sphinx the tag of every style sheet and script
    with its checksum; with a lab-sized bibliography that is most of the cost of the paper pages.
    What they give a page in papers/ is the same for every paper page of a build with the same place,
    so it is made once. This runs before the themes' own handlers (furo's is at priority 500).
    """
    if "portfolio_paper" not in context:
        return
    shared: dict[tuple[Any, ...], str] = app.builder.__dict__.setdefault("_portfolio_paper_pages", {})
    place = context.get("portfolio_navigation")
    if place is not None and "toctree" in context:
        context["toctree"] = toctree_as_on(app.builder, pagename, place) or context["toctree"]

    def once(name: str, make: Any, key: Any) -> str:
        kept = (name, place if name == "toctree" else None, key)  # the navigation differs by place, the assets do not
        if kept not in shared:
            shared[kept] = make()
        return shared[kept]

    for name in ("toctree", "css_tag", "js_tag"):
        if name in context:
            context[name] = shared_function(name, context[name], once)


def theme_navigation(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """pydata-sphinx-theme's own navigation functions, made again for a paper page's place (after its handler, at 500).

    That theme (and sphinx-book-theme's header) marks the current page with functions bound to the
    page, not with the ``toctree`` function :func:`share_navigation` replaces.
    """
    place = context.get("portfolio_navigation")
    if "portfolio_paper" in context and place is not None:
        pydata_navigation_as_on(app, pagename, place, templatename, context)


def shared_function(name: str, function: Any, once: Any) -> Any:
    if name == "toctree":
        return lambda **options: once(name, lambda: function(**options), json.dumps(options, sort_keys=True, default=str))
    # A style sheet or script: its file (None for an inline script, whose body is an attribute), attributes
    # and priority say all its tag says; a theme may also hand a plain file name.
    return lambda asset: once(name, lambda: function(asset), (str(getattr(asset, "filename", asset)), getattr(asset, "priority", None),
                                                              json.dumps(getattr(asset, "attributes", {}), sort_keys=True, default=str)))


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """Delete the page of a paper that left the .bib, so the web never shows a removed paper."""
    if exception is not None or app.builder.name not in PAGE_BUILDERS:
        return
    builder = web_builder(app)
    current = {str(output_path(builder, name)) for name in
               {page_name(key) for key in database.catalogue(app.env).entries} | set(app.env.found_docs)}
    for path in (Path(app.outdir) / "papers").rglob(f"*{builder.out_suffix}"):
        if str(path) not in current:
            path.unlink()


#: The themes whose search page lacks a heading and a search box in the page (theirs is in the sidebar,
#: behind the menu on a phone), which the engine's templates add; alabaster's (Sphinx's) and pydata's
#: and sphinx_book_theme's have both.
SEARCH_PAGE_TEMPLATES = ("furo", "sphinx_rtd_theme")


def add_templates(app: Sphinx, config: Config) -> None:
    """A search page that lacks a heading and a search box in the page gets them (:data:`SEARCH_PAGE_TEMPLATES`)."""
    if config.html_theme in SEARCH_PAGE_TEMPLATES:  # a new list: Sphinx's default stays untouched
        config.templates_path = [*config.templates_path, str(TEMPLATES / config.html_theme), str(TEMPLATES / "partials")]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", keep_paper_pages_in_search_index)
    app.connect("builder-inited", say_why_no_pages)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", share_navigation, priority=400)
    app.connect("html-page-context", theme_navigation, priority=600)
    app.connect("build-finished", remove_stale_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

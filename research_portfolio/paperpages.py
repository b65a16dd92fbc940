"""A web page per paper, generated from the database at build time, and links to it from every reference.

The pages are HTML only (``html-collect-pages``): the PDF and the ePub carry the lists, not a page
per paper. They stay out of the toctree, so furo's sidebar does not grow with the bibliography.
Each page leads with the paper's summary, then its full reference and links, the sentences of the
research pages that cite it (recorded by the portfolio domain while they are read), and the paper
as a plain-text reference and as BibTeX, each with a copy button.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast
from xml.sax.saxutils import escape

from docutils import nodes
from pybtex.database import Entry
from pybtex.richtext import Text
from pybtex_docutils import Backend
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config
from sphinx.util.docutils import new_document
from sphinx.util.osutil import relative_uri
from sphinx.util.typing import ExtensionMetadata

from . import database, entries
from .cache import code_key
from .compat import keep_in_search_index
from .domain import paper_title, portfolio_domain
from .lists import collapsible, legend, plain, section_id
from .pagenames import page_name
from .style import STYLE_NAME, formatting_style, plain_text
from .urls import published

PAGE_BUILDERS = ("html",)
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


def relative_static_links(app: Sphinx, tree: nodes.Element, pagename: str) -> None:
    """Links to files of the static folder, absolute in print, become relative on the web.

    The style links a paper's PDF or slides under ``html_baseurl`` so that the PDF and the e-book
    reach the published copy; a page of the site reaches its own, wherever the site is served.
    """
    static = published(app.config.html_baseurl, "_static/")
    for reference in tree.findall(nodes.reference):
        if reference.get("refuri", "").startswith(static):
            target = "_static/" + reference["refuri"].removeprefix(static)
            reference["refuri"] = relative_uri(app.builder.get_target_uri(pagename), target)


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Each paper's page, written only when what it shows has changed since the last build."""
    if app.builder.name not in PAGE_BUILDERS:
        return
    style = formatting_style(STYLE_NAME)
    domain = portfolio_domain(app.env)
    record = PageRecord(app)
    papers = database.catalogue(app.env).papers()
    keep_in_search_index(app.builder, {page_name(entry.key) for entry in papers})
    titles = {entry.key: html.escape(plain_text(style.display_title(entry))) for entry in papers}  # page titles are HTML
    for number, entry in enumerate(papers):
        pagename = page_name(entry.key)
        index_for_search(app, pagename, entry, style)
        citing = domain.citing(entry.key)
        # Onward in the order of the full list, newest first: furo's own "Previous" and "Next" links.
        around = {name: {"link": app.builder.get_relative_uri(pagename, page_name(other.key)), "title": titles[other.key]}
                  for name, other in (("prev", papers[number - 1] if number else None),
                                      ("next", papers[number + 1] if number + 1 < len(papers) else None)) if other}
        if record.unchanged(pagename, entry, [citing, around]):
            continue
        tree = paper_body(app, pagename, entry, style, citing)
        relative_static_links(app, tree, pagename)
        body = web_builder(app).render_partial(tree)["fragment"]
        yield pagename, {"title": titles[entry.key], "body": body, "paper": entry, **around}, "paper.html"
    record.save()


def index_for_search(app: Sphinx, pagename: str, entry: Entry, style: Any) -> None:
    """Feed the search index what a reader searches a paper by: its title, summary, authors and venue.

    The title is the result's title; the BibTeX and the page's other parts stay out of the index.
    """
    title = plain_text(style.display_title(entry))
    section = nodes.section("", nodes.title("", title), ids=["paper"])
    for text in (entries.summary(entry), plain_text(style.format_authors(entry)), plain_text(style.format_venue(entry))):
        section += nodes.paragraph("", text)
    document = new_document(pagename)
    document += section
    web_builder(app).index_page(pagename, document, title)


class PageRecord:
    """What each paper page showed when it was last written, kept beside the doctrees.

    A page is written again when its entry, the pages citing it, the site's navigation, the
    configuration, the templates or this extension's code change, or when its file is missing;
    otherwise a rebuild leaves it alone, so an unchanged site rebuilds in well under a second.
    A build with a fresh environment (``-E``, or the first) forgets the record and writes them all.
    """

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.path = record_path(app)
        self.previous = json.loads(self.path.read_text()) if self.path.exists() else {}
        self.current: dict[str, str] = {}
        env = app.env
        site = [
            web_builder(app).build_info.config_hash,
            web_builder(app).build_info.tags_hash,
            app.builder.templates.newest_template_mtime(),
            sorted((docname, title.astext()) for docname, title in env.titles.items()),
            sorted((docname, list(children)) for docname, children in env.toctree_includes.items()),
            list(portfolio_domain(env).full_lists),
            code_key(),
        ]
        self.site = json.dumps(site, default=str)

    def unchanged(self, pagename: str, entry: Entry, context: object) -> bool:
        """Whether the page shows what it showed last time: the same entry, site and *context* (citing pages, neighbours)."""
        inputs = [self.site, entry.type, sorted(entry.fields.items()),
                  {role: [str(person) for person in persons] for role, persons in entry.persons.items()}, context]
        digest = hashlib.sha256(json.dumps(inputs, default=str).encode()).hexdigest()
        self.current[pagename] = digest
        written = Path(self.app.outdir) / (pagename + web_builder(self.app).out_suffix)
        return self.previous.get(pagename) == digest and written.exists()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.current, indent=0, sort_keys=True))


def record_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / "portfolio-pages.json"


def forget_record_with_the_environment(app: Sphinx) -> None:
    """A fresh environment has read no page yet: nothing written before can be trusted."""
    if not app.env.all_docs:
        record_path(app).unlink(missing_ok=True)


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


def paper_body(app: Sphinx, pagename: str, entry: Entry, style: Any, citing: list[tuple[str, list[str]]]) -> nodes.container:
    """A paper's page below its title: what it found, who wrote it, where, links, context, how to cite it."""
    backend = Backend()
    body = nodes.container()
    if entries.summary(entry):
        body += nodes.paragraph("", entries.summary(entry), classes=["pub-lead"])
    body += nodes.paragraph("", "", *style.format_authors(entry).add_period().render(backend), classes=["pub-authors"])
    body.extend(legend([entry]))
    venue = Text(" ").join([part for part in (style.format_venue(entry), style.format_badge(entry)) if part])
    body += nodes.paragraph("", "", *venue.render(backend), classes=["pub-venue"])
    body += nodes.paragraph("", "", *style.format_links(entry).render(backend), classes=["pub-links"])
    body.extend(preview(app, pagename, entry))
    if entries.field(entry, "award"):
        body += nodes.paragraph("", plain(entry, "award"), classes=["pub-award"])
    if entries.field(entry, "abstract"):
        body += _section("Abstract", nodes.paragraph("", plain(entry, "abstract")))
    body.extend(discussion(app, pagename, entry, citing))
    body += _section(
        "Cite this paper",
        collapsible(label="Plain text", text=plain_reference(app, entry), literal=True, open=True),
        collapsible(label="BibTeX", text=database.standard_bibtex(entry), literal=True, open=True),
    )
    for docname in portfolio_domain(app.env).full_lists:
        uri = app.builder.get_relative_uri(pagename, docname) + f"#year-{section_id(entries.status(entry) or entries.year(entry))}"
        group = f"of {entries.year(entry)}" if not entries.status(entry) else entries.when(entry) or "without a year"
        back = nodes.reference("", f"\N{LEFTWARDS ARROW} All publications {group}", refuri=uri, internal=True)
        body += nodes.paragraph("", "", back, classes=["pub-back"])
    return body


def discussion(app: Sphinx, pagename: str, entry: Entry, citing: list[tuple[str, list[str]]]) -> Iterator[nodes.Element]:
    """One line, "Discussed in" the pages that cite the paper (else its themes' pages), and what they add.

    A sentence that cites the paper is quoted only where it says something the summary, the title
    and the author list do not: the page does not say the same thing twice.
    """
    themes = [page for _, page in (app.config.portfolio_themes.get(theme, ("", "")) for theme in entries.themes(entry))
              if page in app.env.titles]
    pages = [docname for docname, _ in citing] or themes
    if not pages:
        return
    yield _link_line(app, pagename, "Discussed in ", pages, classes=["pub-discussed"])
    for _, sentences in citing:
        for sentence in sentences:
            if adds_to(sentence, entry):
                yield nodes.block_quote("", nodes.paragraph("", sentence), classes=["pub-context"])


#: Words that carry no content of their own, left out when a sentence is compared with a summary.
FUNCTION_WORDS = frozenset("""a an and are as at be been but by can could did do does for from had has have how in into is it
its it's more most no not of on one or so such than that the their them then there these they this those to two was we were
what when where which while who whom why will with would""".split())


def content_words(text: str) -> set[str]:
    """The words of *text* that carry content, lower case, roughly stemmed (a trailing s dropped)."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.lower())
    return {word.removesuffix("s") for word in words if len(word) > 2 and word not in FUNCTION_WORDS}


def adds_to(sentence: str, entry: Entry) -> bool:
    """Whether *sentence* says enough the page does not already say (at least five words, and two fifths of it)."""
    known = content_words(" ".join([entries.summary(entry), entries.field(entry, "title"),
                                    *(entries.full_name(person) for person in entries.people(entry))]))
    words = content_words(sentence)
    new = words - known
    return len(new) >= 5 and len(new) >= 0.4 * len(words)


def preview(app: Sphinx, pagename: str, entry: Entry) -> list[nodes.Element]:
    """al-folio's preview image, when its file is in the static folder."""
    site = database.catalogue(app.env).site
    found = entries.static_file("preview", entries.field(entry, "preview"), site) if entries.field(entry, "preview") else None
    if found is None:
        return []
    source = relative_uri(app.builder.get_target_uri(pagename), f"_static/{found}")
    return [nodes.raw("", f'<img class="pub-preview" src="{escape(source)}" alt="" loading="lazy">', format="html")]


def plain_reference(app: Sphinx, entry: Entry) -> str:
    """The paper as a plain-text reference in the site's style: title, every author, venue."""
    style = formatting_style(STYLE_NAME)
    return plain_text(Text(" ").join([style.format_title(entry), Text(style.format_authors(entry), "."),
                                      style.format_venue(entry)]))


def _section(title: str, *children: nodes.Element) -> nodes.container:
    return nodes.container("", nodes.rubric("", title), *children, classes=["pub-section"])


def _link_line(app: Sphinx, pagename: str, label: str, docnames: list[str], classes: list[str] | None = None) -> nodes.paragraph:
    paragraph = nodes.paragraph("", label, classes=classes or [])
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
    for path in (outdir / "papers").glob(f"*{web_builder(app).out_suffix}"):
        if str(path.relative_to(outdir).with_suffix("")) not in current:
            path.unlink()


def add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path.append(str(TEMPLATES))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", forget_record_with_the_environment)
    app.connect("doctree-resolved", link_titles)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", share_navigation, priority=400)
    app.connect("build-finished", remove_stale_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

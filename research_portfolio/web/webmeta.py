"""What search engines, scholars' indexes and link previews read: metadata, sitemap, robots.txt, 404.

Every web page gets a meta description (the page's own from its front matter, a paper's reference
for a paper page, the person's description otherwise), OpenGraph and Twitter card tags with a card
drawn at build time, and JSON-LD: a ``Person`` on the home page, a ``ScholarlyArticle`` with Google
Scholar's ``citation_*`` tags on each paper page. When the build finishes, ``sitemap.xml`` lists
every page under ``html_baseurl`` and ``robots.txt`` points to it. The 404 page gets a ``<base>``
so that its links and styles work at whatever depth and on whatever host it is served.
"""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from pybtex.database import Entry
from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from ..bib import entries
from ..bib.pagenames import PAGE_BUILDERS, page_name
from ..escape import html as html_text
from ..escape import json, xml
from ..figures.cards import place_card
from ..i18n import _
from ..render.names import person_name
from ..render.style import STYLE_NAME, formatting_style, plain_text, rich_field
from ..render.view import entry_view
from ..sphinx_ext import database
from ..sphinx_ext.cache import output_file
from ..text.urls import published, site_path

SOCIAL_CARD = "_static/portfolio-social.png"
CARD_SIZE = (1200, 630)  # the size OpenGraph previews use
NOT_IN_SITEMAP = {"search", "genindex", "404"}


def meta(name: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{html_text.attribute(name)}" content="{html_text.attribute(content)}">\n'


def json_ld(data: dict[str, Any]) -> str:
    # On one line: with an indent, json falls back from its C encoder to Python (0.2 ms a paper page).
    return f'<script type="application/ld+json">\n{json.script(data)}\n</script>\n'


def page_description(doctree: nodes.document | None) -> str:
    for node in doctree.findall(nodes.meta) if doctree is not None else ():
        if node.get("name") == "description":
            return node["content"]
    return ""


def add_metadata(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Every page's tags; a paper page's (its context names the paper) come from :func:`paper_tags`."""
    if app.builder.name not in PAGE_BUILDERS:
        return
    paper = context.get("portfolio_paper")
    if paper is not None:
        entry = database.catalogue(app.env).entries[paper]
        title = entry_view(app.env, entry).title_text
        context["metatags"] = context.get("metatags", "") + paper_tags(app, entry, pagename, title, context.get("pageurl") or "")
        return
    person = app.config.portfolio_person
    described = page_description(doctree)
    title = html.unescape(re.sub(r"<[^>]+>", "", context.get("title", ""))) or app.config.project
    url = context.get("pageurl") or ""
    tags = page_tags(app, title, described or person.get("description", ""), url, "website", described=bool(described))
    if pagename == app.config.root_doc:
        tags += json_ld(person_data(app, url))
    if pagename == "404":
        tags += not_found_base(app.config.html_baseurl)
    context["metatags"] = context.get("metatags", "") + tags


def paper_tags(app: Sphinx, paper: Entry, pagename: str, title: str, url: str) -> str:
    """A paper page's tags: description, link previews, a ScholarlyArticle and Google Scholar's citation_* tags."""
    facts = Facts.of(app, paper)
    tags = page_tags(app, title, paper_description(app, paper), url, "article")
    return tags + json_ld(article_data(facts, url)) + "".join(meta(name, value) for name, value in scholar_tags(facts))


@dataclasses.dataclass
class Facts:
    """What the metadata of one paper says, worked out once for its JSON-LD and its citation_* tags."""

    entry: Entry
    title: str  # as the .bib writes it: metadata keeps the authors' case
    names: list[str]
    venue: str
    kind: str
    pdf: str

    @classmethod
    def of(cls, app: Sphinx, entry: Entry) -> Facts:
        site = database.catalogue(app.env).site
        return cls(entry, plain_text(rich_field(entry, "title")), author_names(entry), venue(entry),
                   entries.venue_kind(entry, site), entries.pdf_url(entry, site))


def page_tags(app: Sphinx, title: str, description: str, url: str, kind: str, described: bool = False) -> str:
    """The description (unless the page has its own meta tag) and the OpenGraph and Twitter card tags."""
    tags = "" if described else meta("description", description)
    # A preview's address and picture must be absolute: a site with no published address gives neither.
    image = published(app.config.html_baseurl, SOCIAL_CARD) if app.config.html_baseurl else ""
    alt = _("{project}: research portfolio").format(project=app.config.project) if image else ""
    for name, content in [("og:type", kind), ("og:site_name", app.config.project),
                          ("og:title", title), ("og:description", description), ("og:url", url),
                          ("og:image", image), ("og:image:alt", alt)]:
        if content:
            tags += meta(name, content, "property")
    for name, content in [("twitter:card", "summary_large_image" if image else "summary"), ("twitter:title", title),
                          ("twitter:description", description), ("twitter:image", image)]:
        if content:
            tags += meta(name, content)
    return tags


def not_found_base(baseurl: str) -> str:
    """The 404 page's <base>, so its styles and links work at any depth, on any host.

    Read the Docs serves it under the canonical path (``/en/latest/``); a host that serves the site
    from its root gets ``/`` instead, which a line of script sets before any stylesheet is read.
    """
    path = site_path(baseurl)
    script = f"if (!location.pathname.startsWith({json.script(path)})) document.querySelector('base').href = '/';"
    return f'<base href="{html_text.attribute(path)}">\n<script>{script}</script>\n'


def paper_description(app: Sphinx, entry: Entry) -> str:
    """What a paper page says of itself to search engines and link previews: its summary, else its reference."""
    return entries.summary(entry) or entry_view(app.env, entry).plain_reference()


def person_data(app: Sphinx, url: str) -> dict[str, Any]:
    person = app.config.portfolio_person
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person", "name": person.get("name") or app.config.author,
                            "url": url}
    if person.get("role"):
        data["jobTitle"] = person["role"]
    if person.get("affiliation"):
        data["affiliation"] = {"@type": "CollegeOrUniversity", "name": person["affiliation"]}
    if person.get("alumni_of"):
        data["alumniOf"] = [{"@type": "CollegeOrUniversity", "name": name} for name in person["alumni_of"]]
    if person.get("email"):
        data["email"] = f"mailto:{person['email']}"
    if person.get("website"):
        data["sameAs"] = [person["website"]]
    if person.get("description"):
        data["description"] = person["description"]
    return data


IDENTIFIER_LINKS = ("doi", "eprint", "openreview")  # the links that carry an identifier


def identifiers(entry: Entry) -> list[tuple[str, str, str]]:
    """(kind, value, URL) for the paper's DOI, arXiv id and OpenReview id."""
    found = {link.kind: link for link in entries.links(entry)}
    return [(found[kind].label, found[kind].identifier.split(":", 1)[1], found[kind].url)  # the label names the server
            for kind in IDENTIFIER_LINKS if kind in found]


def author_names(entry: Entry) -> list[str]:
    """The authors' names as Unicode text ("Puente-Rolón", not "Puente-Rol{\\'o}n"), without al-folio's star; once per build."""
    return formatting_style(STYLE_NAME).once(("author names", entry.key), lambda: [
        person_name(person) for person in entries.people(entry) if not entries.is_others(person)])


def venue(entry: Entry) -> str:
    name = entries.venue_field(entry)
    return plain_text(rich_field(entry, name)) if name else ""


def article_data(facts: Facts, url: str) -> dict[str, Any]:
    entry = facts.entry
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": facts.title,
        "name": facts.title,
        "author": [{"@type": "Person", "name": name} for name in facts.names],
        "url": url,
    }
    if not entries.status(entry):  # in press, submitted, ...: no date yet
        data["datePublished"] = entries.year(entry)
    if entries.summary(entry):
        data["abstract"] = entries.summary(entry)
    if facts.venue:
        data["isPartOf"] = {"@type": "Periodical" if facts.kind == "journal" else "CreativeWork", "name": facts.venue}
    found = identifiers(entry)
    if found:
        data["identifier"] = [{"@type": "PropertyValue", "propertyID": kind, "value": value} for kind, value, _ in found]
        data["sameAs"] = [link for _, _, link in found]
    return data


#: A range of pages: "1571--1589.e22", "1571–1589", and as ADS and EndNote write it, "2301-2315", "e1234-e1240".
PAGE_RANGE = re.compile(r"^(.+?)\s*(?:--+|\N{EN DASH})\s*(.+)$|^([A-Za-z]?\d+)\s*-\s*([A-Za-z]?\d+)$")


def page_range(pages: str) -> tuple[str, str]:
    """The first and last page of *pages*; the last is "" for a single page or an article number."""
    found = PAGE_RANGE.match(pages.strip())
    if found is None:
        return pages.strip(), ""
    return (found[1], found[2]) if found[1] is not None else (found[3], found[4])


def scholar_tags(facts: Facts) -> list[tuple[str, str]]:
    """Google Scholar's citation_* tags, from the entry's own fields only."""
    entry = facts.entry
    fields = entry.fields
    tags = [("citation_title", facts.title)]
    tags += [("citation_author", name) for name in facts.names]
    if not entries.status(entry):
        tags.append(("citation_publication_date", entries.year(entry)))
    if facts.venue and facts.kind == "journal":
        tags.append(("citation_journal_title", facts.venue))
    elif facts.venue and facts.kind in ("conference", "workshop"):
        tags.append(("citation_conference_title", facts.venue))
    for field, tag in (("volume", "citation_volume"), ("number", "citation_issue")):
        if field in fields:
            tags.append((tag, fields[field]))
    if "pages" in fields:
        first, last = page_range(fields["pages"])
        tags.append(("citation_firstpage", first))
        if last:
            tags.append(("citation_lastpage", last))
    if entries.doi(entry):
        tags.append(("citation_doi", entries.doi(entry)))
    if entries.arxiv_id(entry):
        tags.append(("citation_arxiv_id", entries.arxiv_id(entry)))
    if entries.pmid(entry):
        tags.append(("citation_pmid", entries.pmid(entry)))
    if facts.pdf.startswith(("https://", "http://")):  # the PDF the lists link
        tags.append(("citation_pdf_url", facts.pdf))
    return tags


def draw_social_card(app: Sphinx) -> None:
    """The picture link previews show, drawn once per build from the settings."""
    if app.builder.name not in PAGE_BUILDERS:
        return
    place_card(app, "social", CARD_SIZE, SOCIAL_CARD)


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """sitemap.xml with every page's canonical URL, and robots.txt pointing to it."""
    if exception is not None or app.builder.name not in PAGE_BUILDERS:
        return
    pages = {docname for docname in app.env.found_docs if docname not in NOT_IN_SITEMAP}
    pages |= {page_name(key) for key in database.catalogue(app.env).entries}
    base = app.config.html_baseurl
    outdir = Path(app.outdir)
    robots = "User-agent: *\nAllow: /\n"
    if base:  # a sitemap lists absolute addresses: a site with no published address has none
        urls = "".join(f"  <url><loc>{xml.text(published(base, app.builder.get_target_uri(page)))}</loc></url>\n"
                       for page in sorted(pages))
        with output_file(outdir / "sitemap.xml"):
            (outdir / "sitemap.xml").write_text(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n', encoding="utf-8"
            )
        robots += f"\nSitemap: {published(base, 'sitemap.xml')}\n"
    with output_file(outdir / "robots.txt"):
        (outdir / "robots.txt").write_text(robots, encoding="utf-8")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("builder-inited", draw_social_card)
    app.connect("html-page-context", add_metadata)
    app.connect("build-finished", write_sitemap)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

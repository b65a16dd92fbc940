"""What a paper's own page shows, as docutils nodes that the builder's own HTML translator writes.

In reading order: the title, who wrote it, where (with its honour), its links and al-folio's preview
image, then what the paper found (its summary), the abstract, one line saying which pages discuss it
(the way to what they say of it, in its context), how to cite it (a plain-text reference and BibTeX,
each with a copy button), and the way back to its year in the full list. The title, authors, venue
and links are copies of the entry's one view (:mod:`research_portfolio.view`), so they read exactly
as in every list.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from pybtex.database import Entry

from ..bib import entries
from ..i18n import _
from ..render.style import language_classes
from ..render.view import EntryView, entry_view
from ..sphinx_ext import database
from ..sphinx_ext.domain import portfolio_domain
from ..sphinx_ext.lists import collapsible, disclosure, legend_paragraph, plain, section_id
from . import images
from .images import picture

#: How wide a paper page draws its preview: the text column, at most 28rem (portfolio.css).
PREVIEW_SIZES = "(min-width: 32rem) 28rem, calc(100vw - 2rem)"
#: The most pixels high a paper's preview is drawn (24rem): under half a phone's screen.
PREVIEW_HEIGHT = 384


def paper_section(builder: Any, pagename: str, entry: Entry, citing: list[str]) -> nodes.section:
    """The page's content: a section titled with the paper's title, its parts in reading order."""
    view = entry_view(builder.env, entry)
    page = nodes.section(ids=["paper"])
    page += nodes.title("", "", *view.title.deepcopy().children, classes=language_classes(entries.language_tag(entry)))
    page.extend(authors(view, entry))
    if entries.equal_contributors(entry):
        page += legend_paragraph()
    page += part(view.venue, "pub-venue")
    if entries.field(entry, "award"):
        page += nodes.paragraph("", plain(entry, "award"), classes=["pub-award"])
    page += part(view.links, "pub-links")
    page.extend(preview(builder, pagename, entry))
    if entries.summary(entry):
        page += nodes.paragraph("", entries.summary(entry), classes=["pub-lead"])
    if entries.field(entry, "abstract"):
        page += section("abstract", _("Abstract"),
                        nodes.paragraph("", plain(entry, "abstract"), classes=language_classes(entries.language_tag(entry))))
    page.extend(discussion(builder, pagename, entry, citing))
    page += section("cite", _("Cite this paper"),
                    collapsible(label=_("Plain text"), text=view.plain_reference(), literal=True, open=True),
                    collapsible(label="BibTeX", text=database.standard_bibtex(entry), literal=True, open=True))
    for docname in portfolio_domain(builder.env).full_lists:
        uri = builder.get_relative_uri(pagename, docname) + f"#year-{section_id(entries.status(entry) or entries.year(entry))}"
        label = (_("All publications of {year}").format(year=entries.year(entry)) if not entries.status(entry)
                 else _("All publications {status}").format(status=entries.heading(entries.status(entry)).lower()))
        page += nodes.paragraph("", "", link(uri, f"\N{LEFTWARDS ARROW} {label}"), classes=["pub-back"])
    return page


def authors(view: EntryView, entry: Entry) -> list[nodes.Element]:
    """The authors as lists show them; past the lists' limit, every one of them a click away."""
    if view.short_authors is view.authors:
        return [part(view.authors, "pub-authors")]
    count = len(entries.people(entry))
    return [part(view.short_authors, "pub-authors"),
            disclosure("", part(view.authors, "pub-every-author"), label=_("All {count} authors").format(count=count),
                       classes=["pub-more", "pub-all-authors"])]


def part(shown: nodes.Element, role: str) -> nodes.paragraph:
    """A paragraph holding a copy of a part of the entry's view, with the class the style sheets know it by."""
    return nodes.paragraph("", "", *(child.deepcopy() for child in shown.children), classes=[role])


def section(identifier: str, title: str, *content: nodes.Element) -> nodes.section:
    """A part of the page under a heading of its own, which a screen reader's list of headings names."""
    return nodes.section("", nodes.title("", title), *content, ids=[identifier], classes=["pub-section"])


def link(uri: str, text: str) -> nodes.reference:
    return nodes.reference("", text, refuri=uri, internal=True)


def discussion(builder: Any, pagename: str, entry: Entry, citing: list[str]) -> list[nodes.Element]:
    """One line, "Discussed in" the pages that cite the paper (else its themes' pages).

    A sentence taken out of its page would lose what it refers to ("this search", "that measure") and
    mostly say again what the summary says: the line leads to the pages instead.
    """
    titles = builder.env.titles
    themes = [page for _title, page in (builder.config.portfolio_themes.get(theme, ("", "")) for theme in entries.themes(entry))
              if page in titles]
    pages = citing or themes
    if not pages:
        return []
    line = nodes.paragraph("", _("Discussed in") + " ", classes=["pub-discussed"])
    for number, docname in enumerate(pages):
        if number:
            line += nodes.Text(", ")
        line += link(builder.get_relative_uri(pagename, docname), titles[docname].astext() if docname in titles else docname)
    line += nodes.Text(".")
    return [line]


def preview(builder: Any, pagename: str, entry: Entry) -> list[picture]:
    """al-folio's preview image, when its file is in the static folder, at the width the page draws it."""
    site = database.catalogue(builder.env).site
    found = entries.preview_file(entry, site)
    shown = images.find(builder, found) if found is not None else None
    if shown is None:
        return []
    # A tall figure is drawn narrower, so that it is at most PREVIEW_HEIGHT pixels high: the width and
    # height the page gives it hold its place before it loads (the style sheet caps the width only).
    widest = shown.copies[-1][0] if shown.copies else shown.width
    width = min(widest, round(PREVIEW_HEIGHT * shown.width / shown.height)) if shown.height else None
    # Below the authors, venue and links on a phone: the browser may fetch it when it is about to show.
    return [picture("", source=found, alt=plain(entry, "preview_alt"), sizes=PREVIEW_SIZES, classes=["pub-preview"],
                    shown_width=width, zoom=True)]

"""The home page's first screen: the owner's photo beside the name, and the works they are known for.

``{portfolio-photo}`` places ``portfolio_person["photo"]`` (a file of the static folder) where it
stands, loaded first (it is on the first screen); a site without a photo gets nothing. The page that
holds it is the home page: the theme's own copy of the site's name is hidden there (portfolio.css),
so the name is read once, in the page's heading.

``{portfolio-works}`` takes one .bib key a line and shows each paper as a card: its preview image,
its title linking its page, and where it appeared with its honour ("Spotlight, ICLR 2023"). The
words are the catalogue's; the directive writes no prose of its own. A list of selected papers on
the same page leaves those papers out, so a visitor meets each once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from pybtex.database import Entry
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

from ..bib import entries
from ..config import settings
from ..i18n import _
from ..render.nodes import paper_title
from ..render.style import language_classes
from ..render.view import entry_view
from ..sphinx_ext import database, dependencies, lists
from ..sphinx_ext.cache import build_cache
from ..sphinx_ext.dependencies import entry_digests
from . import images
from .images import picture

#: How wide the photo is drawn: beside the name, 6rem on a phone and 11rem from 46em on (portfolio.css).
PHOTO_SIZES = "(min-width: 46em) 11rem, 6rem"
#: How wide a card's image is drawn: a third of the text column on a wide screen, 7rem beside its title on a phone.
WORK_SIZES = "(min-width: 46em) 15rem, 7rem"
#: The short name a venue gives in parentheses: "International Conference on Learning Representations (ICLR)".
SHORT_VENUE = re.compile(r"\(([A-Z][A-Za-z0-9&+-]*)\)\s*$")


class PortfolioPhoto(SphinxDirective):
    """The owner's photo, from ``portfolio_person["photo"]``."""

    def run(self) -> list[nodes.Node]:
        person = self.config.portfolio_person
        if not person.get("photo"):
            return []
        alt = _("Photo of {name}").format(name=person["name"]) if person.get("name") else _("Photo")
        return [picture("", source=person["photo"], alt=alt, sizes=PHOTO_SIZES, lazy=False,
                        shown_width=176, classes=["portfolio-photo"])]


class PortfolioWorks(SphinxDirective):
    """Cards for the papers named by key, one a line, in that order."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        catalogue = database.catalogue(self.env)
        cards = nodes.container(classes=["portfolio-works", "no-search"])  # the papers are found on their own pages
        for key in (line.strip() for line in self.content if line.strip()):
            dependencies.record(self.env, "entry", key)
            entry = catalogue.entries.get(key)
            if entry is None:
                raise self.error(f'unknown key "{key}": give one .bib key a line')
            cards += card(self.env, entry, catalogue.site)
        return [cards]


def card(env: BuildEnvironment, entry: Entry, site: entries.Site) -> nodes.container:
    """The paper's preview, its title (the web links it to the paper's page) and where it appeared."""
    found = nodes.container(classes=["portfolio-work"])
    preview = entries.preview_file(entry, site)
    if preview:
        found += picture("", source=preview, alt=entries.field(entry, "preview_alt"), sizes=WORK_SIZES,
                         shown_width=480, classes=["portfolio-work-image"])
    title = entry_view(env, entry).title.deepcopy().children
    found += nodes.paragraph("", "", paper_title("", "", nodes.strong("", "", *title), key=entry.key,
                                                 classes=language_classes(entries.language_tag(entry))),
                             classes=["portfolio-work-title"])
    found += nodes.paragraph("", venue_line(entry), classes=["portfolio-work-venue"])
    return found


def venue_line(entry: Entry) -> str:
    """"Spotlight, ICLR 2023": the honour, the venue's short name (else its name) and the year."""
    venue = entries.field(entry, entries.venue_field(entry) or "journal")
    short = SHORT_VENUE.search(venue)
    where = " ".join(part for part in ((short[1] if short else venue), entries.year(entry)) if part)
    return ", ".join(part for part in (entries.highlight(entry), where) if part)


#: How wide a list draws a paper's preview: a column of 8rem beside the entry (portfolio.css).
THUMBNAIL_SIZES = "8rem"


def visit_pub_entry_html(translator: Any, node: lists.pub_entry) -> None:
    """A list's entry; in a list with ``:images:`` (the selected papers), its paper's preview beside it."""
    if not node.get("images"):
        lists.visit_pub_entry_html(translator, node)
    builder = translator.builder
    key, pagename = node["key"], builder.current_docname
    entry = database.catalogue(builder.env).entries[key]
    translator.body.append(build_cache(builder.env).get(
        lists.entry_name(node, pagename), entry_digests(builder.env)[key],
        lambda: lists.entry_html(translator, node, pagename, preview_html(builder, entry)), page=pagename))
    raise nodes.SkipNode


def preview_html(builder: Any, entry: Entry) -> str:
    """The paper's preview beside its entry; nothing where it has none."""
    site = database.catalogue(builder.env).site
    found = entries.preview_file(entry, site)
    picture_ = images.find(builder, found) if found is not None else None
    if picture_ is None:
        return ""
    return images.img_html(picture_, builder.get_target_uri(builder.current_docname), lists.plain(entry, "preview_alt"),
                           THUMBNAIL_SIZES, classes=("pub-thumbnail",), shown_width=320)


def leave_out_the_works(app: Sphinx, doctree: nodes.document) -> None:
    """A list of selected papers leaves out the papers its page shows as works: a page names no paper twice.

    The list's note on the equal-contribution mark goes too when no paper left shows the mark.
    """
    shown = {title["key"] for cards in doctree.findall(nodes.container) if "portfolio-works" in cards["classes"]
             for title in cards.findall(paper_title)}
    if not shown:
        return
    papers = database.catalogue(app.env).entries
    for listed in [node for node in doctree.findall(nodes.container) if "pub-selected" in node["classes"]]:
        for entry in [entry for entry in listed.findall(lists.pub_entry) if entry["key"] in shown]:
            item = entry.parent
            item.parent.remove(item)
        left = [papers[entry["key"]] for entry in listed.findall(lists.pub_entry)]
        at = listed.parent.index(listed) if listed.parent is not None else 0
        before = listed.parent[at - 1] if at else None
        if isinstance(before, nodes.paragraph) and "pub-legend" in before["classes"] and not lists.legend(left):
            before.parent.remove(before)


def check_photo(app: Sphinx, config: Config) -> None:
    """A photo the static folder does not hold is one located message, and the page goes on without it."""
    photo = config.portfolio_person.get("photo")
    if photo and not any((Path(app.confdir) / folder / photo).is_file() for folder in config.html_static_path):
        settings.report(app.confdir, "portfolio_person", f"'photo': {photo!r} is not in the static folder",
                        f"an image in {', '.join(config.html_static_path) or 'html_static_path'}, named from there")
        config.portfolio_person = {key: value for key, value in config.portfolio_person.items() if key != "photo"}


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("portfolio-photo", PortfolioPhoto)
    app.add_directive("portfolio-works", PortfolioWorks)
    app.add_node(lists.pub_entry, override=True, html=(visit_pub_entry_html, None))  # the epub keeps lists' own
    app.connect("doctree-read", leave_out_the_works)
    app.connect("config-inited", check_photo, priority=160)  # after the settings' checks and the defaults
    return {"parallel_read_safe": True, "parallel_write_safe": True}

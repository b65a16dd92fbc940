"""The owner's links, as a row of words under the name and as furo's footer icons.

``{portfolio-links}`` writes one line of links: the CV, then email, website, GitHub, ORCID and
Google Scholar from ``portfolio_person``, then the portfolio's PDF and e-book. The email address and
the website are shown as they are (a visitor on a phone without a mail app can read and copy
them); the others by their names. The CV,
the PDF and the e-book appear only where the host publishes them (``portfolio_downloads``):

- ``"readthedocs"`` (the default on Read the Docs): the PDF and the e-book at Read the Docs'
  download addresses (``/_/downloads/<language>/<version>/pdf/``), the CV at ``cv.pdf``, where the
  post-build job of ``.readthedocs.yaml`` puts it;
- ``"site"``: all three beside the pages (``cv.pdf``, ``<slug>.pdf``, ``<slug>.epub``), as the
  GitHub Pages workflow publishes them;
- ``""`` (a local build): none, since none of the files is there.

Nothing is loaded from another host: the icons are inline SVG.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

from ..bib.entries import printable
from ..escape import html as html_text
from ..i18n import N_, _
from ..text.urls import published
from . import icons

CV_FILE = "cv.pdf"
HOSTS = ("", "readthedocs", "site")


@dataclasses.dataclass(frozen=True)
class Link:
    label: str  # in English, as ``:only:`` names it; translated where it is written
    url: str
    icon: str = ""
    shown: str = ""  # what the row shows instead of the label: an address a visitor can read and copy


def document_links(config: Config) -> list[Link]:
    """The CV, the portfolio PDF and the e-book, where the host publishes them."""
    host, base = config.portfolio_downloads, config.html_baseurl
    if host == "readthedocs":
        parts = urlsplit(base)
        language, version = ([*parts.path.strip("/").split("/"), "", ""])[:2]
        root = f"{parts.scheme}://{parts.netloc}/_/downloads/{language}/{version}/"
        pdf, epub = root + "pdf/", root + "epub/"
    elif host == "site":
        pdf, epub = published(base, f"{config.portfolio_slug}.pdf"), published(base, f"{config.portfolio_slug}.epub")
    else:
        return []
    return [Link(N_("CV"), published(base, CV_FILE), icons.CV), Link(N_("Portfolio PDF"), pdf, icons.DOWNLOAD),
            Link(N_("E-book"), epub, icons.BOOK)]


def person_links(config: Config) -> list[Link]:
    person = config.portfolio_person
    found = []
    if person.get("email"):
        found.append(Link(N_("Email"), f"mailto:{person['email']}", icons.EMAIL, shown=person["email"]))
    if person.get("website"):
        found.append(Link(N_("Website"), person["website"], icons.WEBSITE, shown=printable(person["website"])))
    if person.get("github"):
        found.append(Link(N_("GitHub"), f"https://github.com/{person['github']}", icons.SOURCE))
    if person.get("orcid"):
        found.append(Link(N_("ORCID"), f"https://orcid.org/{person['orcid']}", icons.WEBSITE))
    if person.get("scholar"):
        found.append(Link(N_("Google Scholar"), person["scholar"], icons.WEBSITE))
    return found


def row(config: Config) -> list[Link]:
    """The row under the name: the CV first, then the person's links, then the portfolio's files."""
    documents = document_links(config)
    return documents[:1] + person_links(config) + documents[1:]


class PortfolioLinks(SphinxDirective):
    """One line of labelled links; print has them on its title page instead.

    ``:only: CV`` (labels, comma-separated) keeps just those links: the Experience page links the CV.
    """

    option_spec = {"only": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        links = row(self.config)
        if "only" in self.options:
            wanted = {label.strip().lower() for label in self.options["only"].split(",")}
            links = [link for link in links if link.label.lower() in wanted]
        if not links:
            return []
        # A list: each link one unbreakable item; the separators between them are the style sheet's, so
        # none is left at the end or the start of a line, and lines are balanced so no link stands alone.
        items = nodes.bullet_list(classes=["portfolio-links"])
        for link in links:
            # An address shows exactly as written: Sphinx's SmartQuotes skips an element so marked (o'brien@, a-b.org).
            reference = (nodes.reference("", link.shown, refuri=link.url, support_smartquotes=False) if link.shown
                         else nodes.reference("", _(link.label), refuri=link.url))
            items += nodes.list_item("", nodes.paragraph("", "", reference))
        only = addnodes.only(expr="not latex")
        only += nodes.container("", items, classes=["portfolio-links-row"])
        return [only]


def add_footer_icons(app: Sphinx, config: Config) -> None:
    """The same links end furo's footer, each with its own icon; the site's own footer_icons win.

    Only furo has the option (another theme would warn about it, and fail a build under ``-W``).
    """
    if config.html_theme != "furo" or "footer_icons" in config.html_theme_options:
        return
    links = [*row(config), *source_link(config)]
    config.html_theme_options = {**config.html_theme_options, "footer_icons": [footer_icon(link) for link in links]}


def footer_icon(link: Link) -> dict[str, str]:
    """furo's footer icon for *link*: furo prints its name and address into attributes as they are, so they are escaped here."""
    return {"name": html_text.attribute(_(link.label)), "url": html_text.attribute(link.url), "html": link.icon, "class": ""}


def source_link(config: Config) -> list[Link]:
    repository = config.html_theme_options.get("source_repository", "")
    return [Link(N_("Source"), repository, icons.SOURCE)] if repository else []


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("portfolio-links", PortfolioLinks)
    app.connect("config-inited", add_footer_icons, priority=200)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

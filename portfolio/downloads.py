"""Links to the portfolio PDF, the e-book and the short CV, where the host publishes them.

Read the Docs serves the PDF and the ePub of each version at documented addresses
(``/_/downloads/<language>/<version>/pdf/``), and the short CV is built after the site and placed in
it as ``cv.pdf`` (``.readthedocs.yaml``). Only a build there has those files, so the links appear
only when ``portfolio_downloads`` is on (conf.py turns it on under Read the Docs): a local build
shows no link that leads nowhere. ``{portfolio-downloads}`` writes the links in a page, and the
same links join furo's footer icons.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

CV_FILE = "cv.pdf"
ICON = (
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M11 3h2v9.6l3.3-3.3 1.4 1.4L12 16.4'
    ' 6.3 10.7l1.4-1.4 3.3 3.3zM4 18h16v2H4z"/></svg>'
)


def download_links(config: Config) -> list[tuple[str, str]]:
    """(label, URL) of each download, or none when the site is not built where they are published."""
    if not config.portfolio_downloads:
        return []
    base = urlsplit(config.html_baseurl)
    language, version = ([*base.path.strip("/").split("/"), "", ""])[:2]
    root = f"{base.scheme}://{base.netloc}/_/downloads/{language}/{version}"
    return [("Portfolio (PDF)", f"{root}/pdf/"), ("E-book (ePub)", f"{root}/epub/"),
            ("Short CV (PDF)", f"{config.html_baseurl}{CV_FILE}")]


class Downloads(SphinxDirective):
    """A line of download links on the web; nothing where the files are not published, or in print."""

    def run(self) -> list[nodes.Node]:
        links = download_links(self.config)
        if not links:
            return []
        paragraph = nodes.paragraph("", "Download: ", classes=["portfolio-downloads"])
        for number, (label, url) in enumerate(links):
            if number:
                paragraph += nodes.Text(" \N{MIDDLE DOT} ")
            paragraph += nodes.reference("", label, refuri=url)
        only = addnodes.only(expr="builder_html or builder_dirhtml")
        only += paragraph
        return [only]


def add_footer_icons(app: Sphinx, config: Config) -> None:
    icons = [{"name": label, "url": url, "html": ICON, "class": ""} for label, url in download_links(config)]
    if icons:
        options = dict(config.html_theme_options)
        options["footer_icons"] = [*options.get("footer_icons", []), *icons]
        config.html_theme_options = options


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("portfolio_downloads", False, "env", types=frozenset({bool}))
    app.add_directive("portfolio-downloads", Downloads)
    app.connect("config-inited", add_footer_icons)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

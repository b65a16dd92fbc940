"""Links to files of the site's static folder: absolute in print, relative to the page on the web."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ..text.urls import published


def relative_static_links(app: Sphinx, tree: nodes.Element, pagename: str) -> None:
    """Links to files of the static folder, absolute in print, become relative on the web.

    The style links a paper's PDF or slides under ``html_baseurl`` so that the PDF and the e-book
    reach the published copy; a page of the site reaches its own, wherever the site is served.
    """
    for reference in tree.findall(nodes.reference):
        if "refuri" in reference:
            reference["refuri"] = relative_static_link(app.builder, reference["refuri"], pagename)


def relative_static_link(builder: Any, url: str, pagename: str) -> str:
    """*url*, relative to *pagename* when it is a file of the site's static folder, as it is otherwise."""
    static = published(builder.config.html_baseurl, "_static/")
    if not url.startswith(static):
        return url
    return relative_uri(builder.get_target_uri(pagename), "_static/" + url.removeprefix(static))

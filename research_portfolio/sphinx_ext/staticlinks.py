"""Links to files of the site's static folder: absolute in print, relative to the page on the web."""

from __future__ import annotations

from typing import Any

from sphinx.util.osutil import relative_uri

from ..text.urls import published


def relative_static_link(builder: Any, url: str, pagename: str) -> str:
    """*url*, relative to *pagename* when it is a file of the site's static folder, as it is otherwise."""
    static = published(builder.config.html_baseurl, "_static/")
    if not url.startswith(static):
        return url
    return relative_uri(builder.get_target_uri(pagename), "_static/" + url.removeprefix(static))

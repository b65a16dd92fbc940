"""Addresses under the site's published address (``html_baseurl``), joined the way a browser resolves them.

``html_baseurl`` may be given with or without its trailing slash, or not at all (a site not yet
published): every absolute address the package writes goes through :func:`published`, never ``+``.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlsplit


@lru_cache(maxsize=256)  # a build asks for the same few (its static folder, its card) thousands of times
def published(baseurl: str, path: str = "") -> str:
    """*path* under *baseurl*; *path* itself, relative, when the site has no published address."""
    if not baseurl:
        return path
    return urljoin(baseurl if baseurl.endswith("/") else baseurl + "/", path)


def site_path(baseurl: str) -> str:
    """The path part of the published address, ``/`` at least: ``/en/latest/`` on Read the Docs."""
    path = urlsplit(baseurl).path or "/"
    return path if path.endswith("/") else path + "/"

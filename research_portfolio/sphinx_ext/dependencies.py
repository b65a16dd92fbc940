"""Which pages an edit of the .bib touches: a page is read again when what it shows of the .bib changed.

Sphinx knows a page's dependencies as files, so a page that lists or cites one paper would be read
again at every edit of any entry (every list and every citing page of a 2,000-entry .bib). Instead,
each directive and role that reads the database records a *view* of it for the page being read:
a name, its arguments and a digest of what it read (the keys of a list with each entry's digest, a
figure's data, one cited entry). When the .bib changes, each recorded view is worked out again from
the new catalogue, and only the pages whose views differ are read again. The .bib stays a file
dependency of pages that use sphinxcontrib-bibtex's own ``bibliography`` directive, which this does
not follow.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from docutils import nodes
from pybtex.database import Entry
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from ..compat import bibtex_files, forget_dependencies, has_bibliography
from . import database
from .domain import portfolio_domain

#: How each kind of view is worked out again: (environment, arguments) -> what the page shows of the .bib.
VIEWS: dict[str, Callable[[BuildEnvironment, Any], Any]] = {}


def view(name: str) -> Callable[[Callable[[BuildEnvironment, Any], Any]], Callable[[BuildEnvironment, Any], Any]]:
    def register(function: Callable[[BuildEnvironment, Any], Any]) -> Callable[[BuildEnvironment, Any], Any]:
        VIEWS[name] = function
        return function
    return register


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def entry_digest(entry: Entry | None) -> str:
    """What an entry says, as a digest: its type, fields and people."""
    if entry is None:
        return ""
    people = [(role, [str(person) for person in persons]) for role, persons in entry.persons.items()]
    return digest([entry.type, list(entry.fields.items()), people])


def listed(env: BuildEnvironment, papers: Iterable[Entry]) -> list[tuple[str, str]]:
    """A list's view: each paper's key and digest, in order."""
    return [(entry.key, entry_digests(env).get(entry.key, "")) for entry in papers]


def entry_digests(env: BuildEnvironment) -> dict[str, str]:
    """Every entry's digest, worked out once per catalogue."""
    catalogue = database.catalogue(env)
    if catalogue.digests is None:
        catalogue.digests = {key: entry_digest(entry) for key, entry in catalogue.entries.items()}
    return catalogue.digests


@view("entry")
def cited_entry(env: BuildEnvironment, key: str) -> str:
    """One paper a page cites or names: its digest, or "" while the .bib lacks it."""
    return entry_digests(env).get(key, "")


#: What a directive passes when it has not worked out the view itself.
UNKNOWN = object()


def record(env: BuildEnvironment, name: str, arguments: Any, value: Any = UNKNOWN) -> None:
    """Note that the page being read shows *value*, the view *name* of the database with *arguments*."""
    shown = VIEWS[name](env, arguments) if value is UNKNOWN else value
    views = portfolio_domain(env).views.setdefault(env.docname, [])
    entry = [name, arguments, digest(shown)]
    if entry not in views:
        views.append(entry)


def changed_pages(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """The pages whose views of the database differ from what they showed when they were read."""
    domain = portfolio_domain(env)
    key = domain.data.get("catalogue_key")
    if domain.data.get("views_key") == key:
        return []  # the .bib and the settings are those the pages were read with
    domain.data["views_key"] = key
    outdated = []
    for docname, views in domain.views.items():
        if docname in removed or docname in changed:
            continue
        if any(digest(VIEWS[name](env, arguments)) != recorded for name, arguments, recorded in views):
            outdated.append(docname)
    return outdated


def own_the_dependency(app: Sphinx, doctree: nodes.document) -> None:
    """The .bib is no file dependency of a page whose every use of it is a recorded view.

    sphinxcontrib-bibtex's footnote citations make every citing page depend on the .bib files;
    a page with its ``bibliography`` directive keeps that dependency.
    """
    env = app.env
    if env.docname in portfolio_domain(env).views and not has_bibliography(doctree):
        forget_dependencies(env, env.docname, bibtex_files(env))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("env-get-outdated", changed_pages)
    app.connect("doctree-read", own_the_dependency)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

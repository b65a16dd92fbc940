"""Each entry's one view per build: the style's reference as docutils nodes, educated as the prose around it.

The pybtex style formats an entry; pybtex_docutils' backend turns it into docutils nodes, as
sphinxcontrib-bibtex does; Sphinx's own SmartQuotes transform then gives it the quotes, dashes and
ellipses that it gives every page. Every list, paper page, meta tag, the e-book and the PDF take
their copy of an entry from here, and every format's own writer writes it: on the web, docutils'
HTML translator (the builder's). A view is made once per build, when first asked for.
"""

from __future__ import annotations

import dataclasses
import re
import weakref
from copy import copy
from typing import Any, cast

from docutils import nodes
from pybtex.database import Entry
from pybtex_docutils import Backend
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxSmartQuotes
from sphinx.util.docutils import new_document

from ..bib import entries
from ..text.scripts import ancestors
from .style import AUTHORS_ROLE, LINKS_ROLE, STYLE_NAME, VENUE_ROLE, formatting_style


@dataclasses.dataclass
class EntryView:
    """One entry as docutils nodes: the whole reference, and its parts for the paper's own page.

    The parts are the reference's own elements, not copies: whoever shows one elsewhere copies it
    (a view is shared by every page of the build). Only every author of a paper whose reference
    names some of them is a paragraph of its own.
    """

    reference: nodes.paragraph  # title. authors. venue [badge] links.
    title: nodes.Element  # the title alone, in the site's display case
    authors: nodes.Element  # every author, with a full stop
    short_authors: nodes.Element  # as lists show them: past the lists' limit, the first, the owner and "N others"
    venue: nodes.Element  # where and when, then the honour and short venue name
    links: nodes.Element  # PDF · arXiv · DOI · Code

    def paragraphs(self) -> list[nodes.paragraph]:
        """What is educated: the reference, and every author where it does not hold them all."""
        every = [] if self.authors is self.short_authors else [cast(nodes.paragraph, self.authors)]
        return [self.reference, *every]

    @property
    def title_text(self) -> str:
        return self.title.astext()

    def plain_reference(self) -> str:
        """The paper as plain text: title, every author (without equal-contribution marks), venue (without its badges)."""
        title = self.title_text
        end = "" if title.endswith((".", "?", "!")) else "."
        authors = "".join(node.astext() for node in self.authors.findall(nodes.Text)
                          if not isinstance(node.parent, nodes.superscript))
        venue = "".join(node.astext() for node in self.venue.findall(nodes.Text)
                        if not any(set(BADGES) & set(parent["classes"]) for parent in ancestors(node)))
        return " ".join(f"{title}{end} {authors} {venue}".split())


#: The classes of what the venue line shows beside the venue (the honour, al-folio's short name): no part of a citation.
BADGES = ("pub-badge", "pub-abbr")


#: The views of each build (by its environment), by entry key; gone with the environment.
VIEWS: weakref.WeakKeyDictionary[BuildEnvironment, dict[str, EntryView]] = weakref.WeakKeyDictionary()


def entry_view(env: BuildEnvironment, entry: Entry) -> EntryView:
    """*entry*'s view for this build, made the first time it is asked for."""
    views = VIEWS.setdefault(env, {})
    if entry.key not in views:
        make_views(env, [entry])
    return views[entry.key]


def make_views(env: BuildEnvironment, papers: list[Entry]) -> None:
    """Make the views of the *papers* that have none yet, educated together (one transform for them all)."""
    views = VIEWS.setdefault(env, {})
    made = {entry.key: make_view(entry) for entry in papers if entry.key not in views}
    educate(env, [paragraph for view in made.values() for paragraph in view.paragraphs()])
    views.update(made)


def make_view(entry: Entry) -> EntryView:
    style = formatting_style(STYLE_NAME)
    backend = Backend()
    reference = backend.paragraph(style.format_entry("", entry))
    join_texts(reference)
    parts = {role: child for child in reference.children if isinstance(child, nodes.Element) for role in child["classes"]}
    short = parts.get(AUTHORS_ROLE, nodes.paragraph())
    if len(entries.people(entry)) > style.max_authors:
        every = nodes.paragraph("", "", *style.format_authors(entry).add_period().render(backend))
        join_texts(every)
    else:
        every = short
    return EntryView(reference=reference, title=parts.get("pub-title", nodes.paragraph()), authors=every, short_authors=short,
                     venue=parts.get(VENUE_ROLE, nodes.paragraph()), links=parts.get(LINKS_ROLE, nodes.paragraph()))


def join_texts(element: nodes.Element) -> None:
    """Adjacent text nodes as one (pybtex gives one per piece of a reference): the same text, fewer nodes to walk."""
    children: list[nodes.Node] = []
    for child in element.children:
        if isinstance(child, nodes.Text) and children and isinstance(children[-1], nodes.Text):
            children[-1] = nodes.Text(children[-1] + child)
        else:
            if isinstance(child, nodes.Element):
                join_texts(child)
            children.append(child)
    if len(children) != len(element.children):
        element[:] = children


#: The document settings of each build, for the transform.
SETTINGS: weakref.WeakKeyDictionary[BuildEnvironment, Any] = weakref.WeakKeyDictionary()


#: What SmartQuotes changes, under any action Sphinx's ``smartquotes_action`` can name (quotes, backticks, dashes,
#: ellipses, ``&quot;``): a paragraph with none of these comes out of the transform as it went in.
EDUCABLE = re.compile(r"""["'`]|--|\.\.\.|\. \. \.|&quot;""")
#: The letters of the actions after which :data:`EDUCABLE` holds ("-1", which straightens quotes, is not one).
KNOWN_ACTIONS = set("qbBdDiew")


def educate(env: BuildEnvironment, paragraphs: list[nodes.Element]) -> None:
    """Sphinx's SmartQuotes transform over *paragraphs*, with the settings it has for every page of the build.

    Only the paragraphs it can change go through it: each paragraph is educated on its own (the
    transform keeps no context from one to the next), so the others are left as they are.
    """
    if set(str(env.config.smartquotes_action)) <= KNOWN_ACTIONS:
        paragraphs = [paragraph for paragraph in paragraphs if EDUCABLE.search(paragraph.astext())]
    if not paragraphs:
        return
    if env not in SETTINGS:
        settings = SETTINGS[env] = copy(new_document("").settings)
        for name, value in env.settings.items():
            setattr(settings, name, value)
    document = new_document("<portfolio entries>", SETTINGS[env])
    document.extend(paragraphs)
    SphinxSmartQuotes(document, startnode=None).apply()
    for paragraph in paragraphs:
        paragraph.parent = None
    document.children = []

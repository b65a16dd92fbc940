"""The pybtex formatting style used for every reference on the site, in every format.

An entry reads: title. authors. venue volume(number), pages, year. [badge] links. The owner's name
is bold, equal contributors carry a superscript mark, highlights are badges, and every link says
what it points to ("arXiv:2210.01117", "doi:10.1103/…", "OpenReview", "Code"). The style is
registered as the pybtex plugin ``portfolio`` when the configuration is read, so the owner's name
comes from ``portfolio_person`` in conf.py rather than from code.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from docutils import nodes
from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import Entry, Person
from pybtex.plugin import find_plugin, register_plugin
from pybtex.richtext import BaseMultipartText, HRef, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

from . import database, entries
from .domain import paper_title
from .latextext import readable

STYLE_NAME = "portfolio"
PLAIN_TEXT = PlainTextBackend()
EQUAL_MARK = "*"
LINK_SEPARATOR = " \N{MIDDLE DOT} "


class Span(BaseMultipartText):
    """Text with a class: an inline node with that class for docutils, plain text for other backends."""

    def __init__(self, role: str, *parts: object) -> None:
        self.role = role
        self.info = (role,)
        super().__init__(*parts)

    def render(self, backend: Any) -> Any:
        text = super().render(backend)
        if getattr(backend, "name", "") == "docutils":  # the plain-text backend has no name
            return [self.node(*text)]
        return text

    def node(self, *children: nodes.Node) -> nodes.inline:
        return nodes.inline("", "", *children, classes=[self.role])


class PaperTitle(Span):
    """A paper's title; its docutils node is a :class:`paper_title` that names the entry."""

    def __init__(self, key: str, *parts: object) -> None:
        self.key = key
        super().__init__("pub-title", *parts)
        self.info = (key,)

    def node(self, *children: nodes.Node) -> nodes.inline:
        return paper_title("", "", *children, classes=[self.role], key=self.key)


class PortfolioStyle(BaseStyle):
    """Formats any entry type; the venue part is the only one that depends on the type."""

    default_name_style = "plain"
    default_label_style = "number"
    default_sorting_style = "none"

    #: Set by :func:`register`: the name to set in bold, how many authors a reference shows, the site.
    owner: Person | None = None
    max_authors = 10
    site = entries.Site()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._formatted: dict[tuple[str, str], FormattedEntry] = {}
        self._people: dict[tuple[str, bool], Text] = {}

    def format_entry(self, label: str, entry: Entry, bib_data: object = None) -> FormattedEntry:
        """The entry's reference; one style instance serves one build, so it formats each entry once."""
        if (label, entry.key) not in self._formatted:
            self._formatted[label, entry.key] = self._format_entry(label, entry)
        return self._formatted[label, entry.key]

    def _format_entry(self, label: str, entry: Entry) -> FormattedEntry:
        title = rich_field(entry, "title")
        # The full stop after a title stands apart: the web shows the title as a line of its own, without it.
        end = Span("pub-title-end", ".") if title and not title.endswith((".", "?", "!")) else Text()
        parts = [
            Text(PaperTitle(entry.key, title), end),
            self.format_authors(entry, self.max_authors).add_period(),
            self.format_venue(entry),
            self.format_badge(entry),
            Span("pub-links", self.format_links(entry)),
        ]
        return FormattedEntry(entry.key, Text(" ").join([part for part in parts if part]), label)

    def format_title(self, entry: Entry) -> Text:
        return rich_field(entry, "title").add_period()

    def format_authors(self, entry: Entry, limit: int | None = None) -> Text:
        """Authors in order, the owner in bold, equal contributors marked; past *limit*, "and N others".

        BibTeX's ``and others`` reads "et al."; a book with editors only names them as editors.
        """
        persons = entries.people(entry)
        others = bool(persons) and entries.is_others(persons[-1])
        persons = persons[:-1] if others else persons
        equal = entries.equal_contributors(entry)
        names = [self.format_person(person, equal) for person in persons]
        if limit and len(names) > limit:
            shown = max(limit - 4, self._owner_position(persons) + 1)
            names = [*names[:shown], Text(f"{len(names) - shown} others")]
            others = False
        if others:
            text = Text(", ").join(names) + Text(" et al.")
        elif len(names) <= 2:
            text = Text(" and ").join(names)
        else:
            text = Text(", ").join(names[:-1]) + Text(", and ", names[-1])
        if not entry.persons.get("author") and entry.persons.get("editor"):
            text += Text(" (editors)" if len(persons) > 1 else " (editor)")
        return text

    def format_person(self, person: Person, equal: list[Person]) -> Text:
        """One author: bold if the owner, marked if an equal contributor; never broken across lines."""
        marked = any(entries.same_person(person, other) for other in equal)
        if (str(person), marked) not in self._people:
            self._people[str(person), marked] = self._format_person(person, marked)
        return self._people[str(person), marked]

    def _format_person(self, person: Person, marked: bool) -> Text:
        name = self.format_name(entries.unstarred(person)).format()
        if self.owner is not None and entries.same_person(person, self.owner):
            name = Tag("strong", name)
        if marked:
            name = Text(name, Tag("sup", EQUAL_MARK))
        return Text(Span("pub-author", name))

    def format_venue(self, entry: Entry) -> Text:
        """Where and when: "Physical Review Letters 126(18), 180604, 2021."; "arXiv preprint, 2023."."""
        fields = entry.fields
        name = entries.venue_field(entry)
        if name:
            place = Text(Tag("em", rich_field(entry, name)))
        else:
            place = Text("arXiv preprint" if entries.arxiv_id(entry) else "")
        if entries.type_word(entry):
            place = Text(", ").join([part for part in (Text(entries.type_word(entry)), place) if part])
        if "volume" in fields:
            place += Text(f", {fields['series']} " if "series" in fields else " ", fields["volume"])
            if "number" in fields:
                place += Text(f"({fields['number']})")
        parts = [place] if place else []
        if "pages" in fields:
            parts.append(Text(re.sub(r"\s*-{1,3}\s*", "\N{EN DASH}", fields["pages"].strip())))
        parts.append(Text(entries.year(entry)))
        return Text(", ").join(parts).add_period()

    def format_badge(self, entry: Entry) -> Text:
        """The honour (ours or al-folio's award), then al-folio's short venue name."""
        badges = [Span(role, text) for role, text in (("pub-badge", entries.highlight(entry)),
                                                      ("pub-abbr", entries.field(entry, "abbr"))) if text]
        return Text(" ").join(badges) if badges else Text()

    def format_links(self, entry: Entry) -> Text:
        return Text(LINK_SEPARATOR).join([HRef(link.url, link.label) for link in entries.links(entry, self.site)])

    def _owner_position(self, persons: list[Person]) -> int:
        for position, person in enumerate(persons):
            if self.owner is not None and entries.same_person(person, self.owner):
                return position
        return -1


def rich_field(entry: Entry, name: str) -> Text:
    """A field's LaTeX as rich text, keeping a bare % (a LaTeX comment) and an escaped \\$ as the characters."""
    return _rich_text(entry.fields.get(name, ""))


def plain_text(text: Text) -> str:
    """Rich text as a reader sees it: no-break spaces as spaces, no markup."""
    # One backend for every call: render_as("text") would look the plugin up each time (milliseconds).
    return " ".join(text.render(PLAIN_TEXT).replace("\N{NO-BREAK SPACE}", " ").split())


@functools.lru_cache(maxsize=8192)
def _rich_text(latex: str) -> Text:
    # Decoding LaTeX is the slowest step of formatting; the same titles and venues recur in every format.
    return Text.from_latex(re.sub(r"(?<!\\)%", r"\\%", readable(latex)).replace("\\$", "$"))


@functools.cache
def formatting_style(name: str) -> BaseStyle:
    """One instance of a pybtex formatting style per build: finding and making one costs milliseconds."""
    return find_plugin("pybtex.style.formatting", name)()


def register(app: Sphinx, config: Config) -> None:
    """Register the style under its plugin name, with the owner and author limit from conf.py.

    The lists and paper pages always use this style, by its name; ``bibtex_default_style`` may name
    another for sphinxcontrib-bibtex's own citations.
    """
    settings = {"owner": entries.owner(config.portfolio_person), "max_authors": config.portfolio_max_authors,
                "site": database.site_of(app)}
    register_plugin("pybtex.style.formatting", STYLE_NAME, type("PortfolioStyle", (PortfolioStyle,), settings), force=True)
    formatting_style.cache_clear()


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", register)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The pybtex formatting style used for every reference on the site, in every format.

An entry reads: title. authors. where, year. note. [badge] links. The title is in the site's
display case (``portfolio_title_case``). "Where" holds the fields biblatex's standard style prints
for the entry's type, in its order and with its words ("In *Book*, edited by ..., chapter 3,
pp. 45–67"; "Technical report 42, Institution"). The owner's name is bold, equal contributors carry
a superscript mark, highlights are badges, and every link is a word that says what it points to
(PDF · arXiv · DOI · Code), with the identifier as its tooltip on the web. The style is registered
as the pybtex plugin ``portfolio`` (an entry point), and configured when the configuration is read,
so the owner's name comes from ``portfolio_person`` in conf.py rather than from code
(:mod:`research_portfolio.sphinx_ext.styling`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from docutils import nodes
from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import Entry, Person
from pybtex.plugin import find_plugin
from pybtex.richtext import BaseMultipartText, HRef, String, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle

from ..bib import entries
from ..compat import similar_text
from ..i18n import N_, _, ngettext
from ..text.latextext import readable, shown_braces
from ..text.titlecase import AS_WRITTEN, display_case
from .names import NAME_STYLE
from .nodes import isolate, paper_title

STYLE_NAME = "portfolio"
MAX_EDITORS = 3  # biblatex's maxnames: past three editors, the first and "et al."
PLAIN_TEXT = PlainTextBackend()
EQUAL_MARK = "*"
LINK_SEPARATOR = " \N{MIDDLE DOT} "
#: The classes of a reference's parts after its title: the authors, the venue (with its honour), the links.
AUTHORS_ROLE, VENUE_ROLE, LINKS_ROLE = "pub-ref-authors", "pub-ref-venue", "pub-links"
IDENTIFIER_CLASS, DOI_CLASS = "pub-identifier", "pub-doi"  # a link that names the paper itself; its DOI


class Span(BaseMultipartText):
    """Text with a class: an inline node with that class for docutils, plain text for other backends."""

    def __init__(self, role: str, *parts: object) -> None:
        self.role = role
        self.info: tuple[Any, ...] = (role,)
        super().__init__(*parts)

    def render(self, backend: Any) -> Any:
        text = super().render(backend)
        if getattr(backend, "name", "") == "docutils":  # the plain-text backend has no name
            return [self.node(*text)]
        return text

    def node(self, *children: nodes.Node) -> nodes.inline:
        return nodes.inline("", "", *children, classes=[self.role])


class Isolated(Span):
    """A name or venue that keeps its writing direction to itself (HTML's <bdi>): a Hebrew or Arabic journal
    never draws the volume, pages and year after it into its direction ("5, 21–30, 2019", not "2019 ,30–21 ,5")."""

    def node(self, *children: nodes.Node) -> nodes.inline:
        return isolate("", "", *children, classes=[self.role])


class PaperTitle(Span):
    """A paper's title; its docutils node is a :class:`paper_title` that names the entry, and its language.

    The language is docutils' ``language-`` class, which its HTML writer writes as ``lang``: a reader's
    voice reads a German title as German (WCAG's language of parts), a browser draws a Japanese one in
    Japanese glyphs.
    """

    def __init__(self, key: str, language: str, *parts: object) -> None:
        self.key, self.language = key, language
        super().__init__("pub-title", *parts)
        self.info = (key, language)

    def node(self, *children: nodes.Node) -> nodes.inline:
        return paper_title("", "", *children, classes=[self.role, *language_classes(self.language)], key=self.key)


def language_classes(tag: str) -> list[str]:
    """docutils' class for text in the language of BCP 47 *tag*, which HTML writers write as ``lang``; none for ""."""
    return [f"language-{tag}"] if tag else []


class TitledHRef(HRef):
    """A link with a tooltip: the identifier it points to, as the ``title`` of the link on the web.

    A link to an identifier of the paper (its DOI, its preprint, its OpenReview forum) is marked
    :data:`IDENTIFIER_CLASS`: print shows those (print/printedlinks.py).
    """

    classes: tuple[str, ...] = ()

    def __init__(self, url: str, title: str, *parts: object) -> None:
        super().__init__(url, *parts)
        self.title = title
        self.info = (self.url, title)  # what pybtex passes back to the class when it copies the link

    def render(self, backend: Any) -> Any:
        rendered = super().render(backend)
        if getattr(backend, "name", "") == "docutils" and self.title:
            for node in rendered:
                if isinstance(node, nodes.reference):
                    node["reftitle"] = self.title
                    node["classes"].extend(self.classes)
        return rendered


class IdentifierHRef(TitledHRef):
    """A link to an identifier of the paper (its preprint, its OpenReview forum): marked for print, which shows one."""

    classes: tuple[str, ...] = (IDENTIFIER_CLASS,)


class DoiHRef(IdentifierHRef):
    """A link to the paper's DOI, the version of record: the identifier print prefers."""

    classes = (IDENTIFIER_CLASS, DOI_CLASS)


#: The links that name the paper itself, by the field they come from (entries.Link.kind).
IDENTIFIER_LINKS = {"doi": DoiHRef, "eprint": IdentifierHRef, "openreview": IdentifierHRef, "pmid": IdentifierHRef}


class NoteLine(Span):
    """A line of a note after al-folio's ``<br>``: a line of its own on the web and in print."""

    def __init__(self, number: int, *parts: object) -> None:
        super().__init__("pub-note-line", *parts)
        self.info = (number,)  # lines never merge into one, as two spans of one class would


class PortfolioStyle(BaseStyle):
    """Formats any entry type; the venue part is the only one that depends on the type."""

    default_name_style = "plain"
    default_label_style = "number"
    default_sorting_style = "none"

    #: Set by :func:`register`: the name to set in bold, how many authors a reference shows, the site.
    owner: Person | None = None
    max_authors = 10
    site = entries.Site()
    title_case = AS_WRITTEN

    #: What this build has formatted, shared by every instance of the build's style class (sphinx_ext/styling.py makes
    #: it new for each build): sphinxcontrib-bibtex makes an instance for each citation, and every list, paper page,
    #: metadata tag and format asks again for the same entries. None in the installed plugin, which any program may
    #: use for any .bib: it keeps nothing.
    cache: dict[tuple[Any, ...], Any] | None = None

    def format_entry(self, label: str, entry: Entry, bib_data: object = None) -> FormattedEntry:
        """The entry's reference, formatted once per build."""
        return self.once(("entry", label, entry.key), lambda: self._format_entry(label, entry))

    def once(self, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        if self.cache is None:
            return make()
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def _format_entry(self, label: str, entry: Entry) -> FormattedEntry:
        title = self.display_title(entry)
        # The full stop after a title stands apart: the web shows the title as a line of its own, without it.
        end = Span("pub-title-end", ".") if title and not title.endswith((".", "?", "!")) else Text()
        # Each part in a span of its own: a paper's page shows the parts, taken from this reference (render/view.py).
        venue = Text(" ").join([part for part in (self.format_venue(entry), self.format_badge(entry)) if part])
        parts = [
            Text(PaperTitle(entry.key, entries.language_tag(entry), title), end),
            Span(AUTHORS_ROLE, self.format_authors(entry, self.max_authors).add_period()),
            Span(VENUE_ROLE, venue) if venue else Text(),
            Span(LINKS_ROLE, self.format_links(entry)),
        ]
        return FormattedEntry(entry.key, Text(" ").join([part for part in parts if part]), label)

    def format_title(self, entry: Entry) -> Text:
        return self.display_title(entry).add_period()

    def display_title(self, entry: Entry) -> Text:
        """The title in the site's display case, as every list, mention, paper page and print shows it."""
        return self.once(("title", entry.key), lambda: titled(
            entry, "title", lambda part: display_case(part, self.title_case, entries.language(entry))))

    def format_authors(self, entry: Entry, limit: int | None = None) -> Text:
        """Authors in order, the owner in bold, equal contributors marked; past *limit*, "and N others".

        BibTeX's ``and others`` reads "et al."; a book with editors only names them as editors.
        """
        if limit and len(entries.people(entry)) <= limit:
            limit = None  # all of them either way: one formatting serves the lists and the paper's page
        return self.once(("authors", entry.key, limit), lambda: self._format_authors(entry, limit))

    def _format_authors(self, entry: Entry, limit: int | None) -> Text:
        persons = entries.people(entry)
        others = bool(persons) and entries.is_others(persons[-1])
        persons = persons[:-1] if others else persons
        equal = entries.equal_contributors(entry)
        names = [self.format_person(person, equal) for person in persons]
        if limit and len(names) > limit:
            text = self.shortened(names, limit, self._owner_position(persons))
        else:
            text = Text(", ").join(names) + Text(" ", _("et al.")) if others else listing(names)
        if not entry.persons.get("author") and entry.persons.get("editor"):
            text += Text(" ", ngettext("(editor)", "(editors)", len(persons)))
        if entries.collaboration(entry):
            text += Text(f" ({entries.collaboration(entry)})")
        return text

    @staticmethod
    def shortened(names: list[Text], limit: int, owner: int) -> Text:
        """The first authors and "N others"; an owner further down stays in place, with their position.

        "A, B, C, D, E, F, …, **R. C. M. van Aert** (159th of 181), and 174 others": a consortium paper
        names its first authors and its owner, not the 158 names between them.
        """
        first = max(limit - 4, 1)
        if owner < limit - 1:  # the owner among the first authors, or on no entry: the list up to them
            shown = max(first, owner + 1)
            return listing([*names[:shown], Text(unnamed(len(names) - shown))])
        rest = len(names) - first - 1
        placed = Text(names[owner], " (", _("{position} of {total}").format(position=ordinal(owner + 1), total=len(names)), ")")
        if owner == len(names) - 1:  # the last author: "A, ..., F, 14 others, and the owner (21st of 21)"
            return listing([*names[:first], Text(unnamed(rest)), placed])
        return Text(", ").join([*names[:first], Text("\N{HORIZONTAL ELLIPSIS}"), placed,
                                Text(_("and {count} others").format(count=rest))])

    def format_person(self, person: Person, equal: list[Person]) -> Text:
        """One author: bold if the owner, marked if an equal contributor; never broken across lines."""
        marked = any(entries.same_person(person, other) for other in equal)
        return self.once(("person", str(person), marked), lambda: self._format_person(person, marked))

    def _format_person(self, person: Person, marked: bool) -> Text:
        person = entries.unstarred(person)
        name = Text(entries.full_name(person)) if entries.eastern(person) else NAME_STYLE.format(person).format()
        if self.owner is not None and entries.same_person(person, self.owner):
            name = Tag("strong", name)
        if marked:
            name = Text(name, Tag("sup", EQUAL_MARK))
        return Text(Isolated("pub-author", name))

    def format_venue(self, entry: Entry) -> Text:
        """Where and when, then the entry's note and biblatex's addendum: "*Physical Review Letters* 126(18), 180604, 2021."."""
        return self.once(("venue", entry.key), lambda: self._format_venue(entry))

    def _format_venue(self, entry: Entry) -> Text:
        units = [unit for unit in where(entry, self.editors) if unit]
        written = entries.when(entry)
        if written:
            # Work without a year says what state it is in: "..., in press."; alone, "Submitted."
            dated = units or not entries.status(entry) or entries.YEAR.match(written)
            units.append(Text(_(written)) if dated else Text(entries.heading(entries.status(entry))))
        sentence = Text(", ").join(units).add_period() if units else Text()
        if units and isinstance(units[0], Phrase):  # the sentence opens with our words: "Edited by ...", "Version 2"
            sentence = sentence.capfirst()
        addendum = rich_field(entry, "addendum").add_period() if entries.field(entry, "addendum") else Text()
        return Text(" ").join([part for part in (sentence, format_note(entry), addendum) if part])

    def editors(self, entry: Entry) -> Text:
        """"edited by A and B, translated by C", "edited by A et al." past three, as biblatex; the owner in bold.

        Editors who stand in the authors' place (a book with no author) are not named again. biblatex's
        author of the book a part is in (``bookauthor``) comes first ("by ..."), the writers of a
        foreword, an afterword or an introduction last.
        """
        editors = entry.persons.get("editor", []) if entry.persons.get("author") else []
        phrases = [self.named(_("by {}"), entries.names_in(entry, "bookauthor")), self.named(_("edited by {}"), editors),
                   self.named(_("translated by {}"), entries.translators(entry)),
                   *(self.named(_(words), entries.names_in(entry, name)) for name, words in zip(entries.PART_WRITERS, PART_WORDS))]
        phrases = [phrase for phrase in phrases if phrase]
        joined = Text(", ").join(phrases)
        return Phrase(joined) if phrases and isinstance(phrases[0], Phrase) else joined

    def named(self, template: str, persons: list[Person]) -> Text:
        """The people in *template* ("edited by {}"), the first and "et al." past three (or BibTeX's ``and others``)."""
        shown = [person for person in persons if not entries.is_others(person)]
        if not shown:
            return Text()
        names = [self.format_person(person, []) for person in shown]
        if len(names) > MAX_EDITORS or len(shown) < len(persons):
            return placed(template, Text(names[0], " ", _("et al.")))
        return placed(template, listing(names))

    def format_badge(self, entry: Entry) -> Text:
        """The honour (ours or al-folio's award), then al-folio's short venue name."""
        badges = [Span(role, text) for role, text in (("pub-badge", entries.highlight(entry)),
                                                      ("pub-abbr", entries.field(entry, "abbr"))) if text]
        return Text(" ").join(badges) if badges else Text()

    def format_links(self, entry: Entry) -> Text:
        return self.once(("links", entry.key), lambda: self._format_links(entry))

    def _format_links(self, entry: Entry) -> Text:
        return Text(LINK_SEPARATOR).join([IDENTIFIER_LINKS.get(link.kind, TitledHRef)(link.url, link.identifier, _(link.label))
                                          for link in entries.links(entry, self.site)])

    def _owner_position(self, persons: list[Person]) -> int:
        for position, person in enumerate(persons):
            if self.owner is not None and entries.same_person(person, self.owner):
                return position
        return -1


def listing(names: list[Text]) -> Text:
    """"A", "A and B", "A, B, and C"."""
    if len(names) <= 2:
        return Text(_(" and ")).join(names)
    return Text(", ").join(names[:-1]) + Text(_(", and "), names[-1])


class Phrase(Text):
    """Text that opens with the style's own words ("edited by", "version"): capitalized where it opens a sentence."""


#: What the reference says of those who wrote a part of a book, in the order of entries.PART_WRITERS.
PART_WORDS = (N_("with a foreword by {}"), N_("with an afterword by {}"), N_("with an introduction by {}"))


def placed(template: str, part: Text) -> Text:
    """A translated *template* with rich *part* in place of its ``{}``: "In {}" is "In *Book*", "载于 *Book*".

    A *Phrase* when words come before the part (never a name, which keeps its own case).
    """
    before, found, after = template.partition("{}")
    if not found:
        return Phrase(template, part)
    return Phrase(before, part, after) if before.strip() else Text(before, part, after)


# -- Where an entry appeared, by type, as biblatex's standard style tells it ------------------


def where(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """The parts of the reference that say where the entry appeared, in biblatex's order for its type."""
    return WHERE.get(entry.type, _periodical)(entry, editors)


def _periodical(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """@article, and any type without a form of its own: "*Journal* 126(18), 180604"."""
    name = entries.venue_field(entry)
    return [_numbered(_em(entry, name), entry, issues=True) if name else _preprint(entry), _pages(entry)]


def _inproceedings(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """"In *Proceedings* 36, Event (Venue), edited by ..., Organization, Publisher, Address, 1–10"."""
    if not entries.field(entry, "booktitle") or entries.venue_field(entry) != "booktitle":
        return _periodical(entry, editors)
    return [placed(_("In {}"), _numbered(_em(entry, "booktitle"), entry)), _event(entry), editors(entry),
            _rich(entry, "organization"), _rich(entry, "publisher"), _address(entry), _pages(entry)]


def _event(entry: Entry) -> Text:
    """biblatex's conference of a proceedings paper, where its book does not name it: "Eventtitle (Venue)"."""
    title, venue = _rich(entry, "eventtitle"), _rich(entry, "venue")
    if title and plain_text(title).casefold() in plain_text(rich_field(entry, "booktitle")).casefold():
        title = Text()
    return Text(title, " (", venue, ")") if title and venue else title or venue


def _incollection(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """"In *Book*, edited by ..., 2nd edition, Series 3, Publisher, Address, chapter 4, pp. 45–67"."""
    return [placed(_("In {}"), _em(entry, "booktitle")) if entries.field(entry, "booktitle") else Text(), editors(entry),
            _edition(entry), _series(entry), _rich(entry, "publisher"), _address(entry), _chapter(entry),
            _pages(entry, prefixed=True)]


def _inbook(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """A part of a book: the book is ``booktitle`` or, as BibDesk writes it, ``series``; else the title is the book's."""
    book = next((name for name in ("booktitle", "series") if entries.field(entry, name)), "")
    if not book:
        return [_chapter(entry), _pages(entry, prefixed=True), editors(entry), _edition(entry), _series(entry),
                _rich(entry, "publisher"), _address(entry)]
    return [placed(_("In {}"), _em(entry, book)), editors(entry), _edition(entry), _series(entry, named=book != "series"),
            _rich(entry, "publisher"), _address(entry), _chapter(entry), _pages(entry, prefixed=True)]


def _book(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """@book, @proceedings, @collection: "2nd edition, Series 12, Publisher, Address"."""
    return [_edition(entry), editors(entry), _series(entry),
            _rich(entry, "organization"), _rich(entry, "publisher"), _address(entry)]


def _report(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """"Technical report 42, Institution, Address"; the ``type`` field names another kind of report."""
    number = entries.field(entry, "number")
    return [Text(entries.type_word(entry), f" {number}" if number else ""), _first(entry, "institution", "organization", "publisher"),
            _address(entry)]


def _thesis(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """"PhD thesis, School, Address"."""
    return [Text(entries.type_word(entry)), _first(entry, "school", "institution"), _address(entry)]


def _misc(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """@misc, @unpublished, @online, @booklet: "Type, how it was published, Organization, Publisher, Address"."""
    published = entries.field(entry, "howpublished")
    venue = _rich(entry, "howpublished") if published and not entries.is_arxiv_venue(published) else _preprint(entry)
    return [Text(entries.type_word(entry)), venue, _version(entry), _rich(entry, "organization"),
            _rich(entry, "publisher"), _address(entry)]


def _manual(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """"2nd edition, Organization, Publisher, Address"."""
    return [Text(entries.type_word(entry)), _edition(entry), _version(entry), _rich(entry, "organization"),
            _rich(entry, "publisher"), _address(entry)]


def _patent(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """"US Patent 7,654,321 (United States), Holder", as biblatex: type, number, location, holder."""
    number, location = entries.field(entry, "number"), entries.field(entry, "location") or entries.field(entry, "address")
    return [Text(entries.type_word(entry), f" {number}" if number else "", f" ({location})" if location else ""),
            _first(entry, "holder", "assignee")]


def _data(entry: Entry, editors: Callable[[Entry], Text]) -> list[Text]:
    """@dataset, @software: "Dataset, version 2.1, Publisher"."""
    return [Text(entries.type_word(entry)), _version(entry), _first(entry, "howpublished", "publisher", "organization"),
            _address(entry)]


WHERE: dict[str, Callable[[Entry, Callable[[Entry], Text]], list[Text]]] = {
    "article": _periodical, "inproceedings": _inproceedings, "conference": _inproceedings,
    "incollection": _incollection, "inbook": _inbook, "book": _book, "proceedings": _book, "collection": _book,
    "techreport": _report, "report": _report, "phdthesis": _thesis, "mastersthesis": _thesis, "thesis": _thesis,
    "misc": _misc, "unpublished": _misc, "online": _misc, "electronic": _misc, "www": _misc, "booklet": _misc,
    "manual": _manual, "patent": _patent, "dataset": _data, "software": _data,
}


def _rich(entry: Entry, name: str) -> Text:
    return rich_field(entry, name) if entries.field(entry, name) else Text()


def _em(entry: Entry, name: str) -> Text:
    """A venue's or a book's name (with biblatex's subtitle and addon), in italics, in a direction of its own."""
    return Text(Isolated("pub-where", Tag("em", titled(entry, name)))) if entries.field(entry, name) else Text()


#: biblatex's parts of a title, by the field of the title: its subtitle and its addon.
TITLE_PARTS = {"title": ("subtitle", "titleaddon"), "booktitle": ("booksubtitle", "booktitleaddon"),
               "maintitle": ("mainsubtitle", "maintitleaddon"), "journaltitle": ("journalsubtitle", ""),
               "journal": ("journalsubtitle", "")}


def titled(entry: Entry, name: str, case: Callable[[Text], Text] = lambda part: part) -> Text:
    """The title in field *name* with biblatex's subtitle after a colon and its addon after a full stop, each in *case*.

    "Stadt und Kirche: Köln im späten Mittelalter. Nebst einem Register"; a title that ends in "?", "!" or "." takes no colon.
    """
    title = case(rich_field(entry, name))
    subtitle, addon = TITLE_PARTS.get(name, ("", ""))
    if subtitle and entries.field(entry, subtitle):
        title = Text(title, "" if str(title).endswith(("?", "!", ":", ".")) else ":", " ", case(rich_field(entry, subtitle)))
    if addon and entries.field(entry, addon):
        title = Text(title.add_period(), " ", rich_field(entry, addon))
    return title


def _first(entry: Entry, *names: str) -> Text:
    return next((rich_field(entry, name) for name in names if entries.field(entry, name)), Text())


def _address(entry: Entry) -> Text:
    return _first(entry, "address", "location")


def _numbered(container: Text, entry: Entry, issues: bool = False) -> Text:
    """A journal or proceedings with its volume and number: "*Journal* 126(18)", "*Book*, Series 12".

    A journal's issue of no volume (*issues*) reads "*Slavic Review*, no. 4".
    """
    volume, number, series = (entries.field(entry, name) for name in ("volume", "number", "series"))
    named = plain_text(container).casefold()
    said = re.escape(plain_text(rich_field(entry, "series")).casefold()) + rf"\s*#?\s*{re.escape(volume)}\b"
    if series and volume and re.search(said, named):  # ADS: "AAS Meeting Abstracts #235", its series and volume again
        series = volume = ""
    if not container or not volume:
        return Text(container, ", ", _("no. {number}").format(number=number)) if container and number and issues else container
    container += Text(", ", rich_field(entry, "series"), " ") if series else Text(" ")
    return container + Text(volume, f"({number})" if number else "")


def _series(entry: Entry, named: bool = True) -> Text:
    """A book's series and number ("Lecture Notes in Physics 942"), or its volume, of biblatex's ``maintitle`` if it has one.

    "Volume 3 of *Collected Works*, Lecture Notes in Physics 942" where the entry gives all three.
    """
    volume = entries.field(entry, "volume")
    whole = _em(entry, "maintitle")
    if whole:
        whole = placed(_("volume {volume} of {}").replace("{volume}", volume), whole) if volume else whole
    if named and entries.field(entry, "series"):
        number = entries.field(entry, "number") if whole and volume else volume or entries.field(entry, "number")
        joined = Text(", ").join([part for part in (whole, Text(rich_field(entry, "series"), f" {number}" if number else "")) if part])
        return Phrase(joined) if isinstance(whole, Phrase) else joined
    if whole:
        return whole
    return Phrase(_("volume {volume}").format(volume=volume)) if volume else Text()


def _edition(entry: Entry) -> Text:
    """"2nd edition" from 2, "Second edition" from Second; an edition that says "ed." as it is."""
    edition = entries.field(entry, "edition")
    if not edition:
        return Text()
    if edition.isdecimal():
        return Text(_("{ordinal} edition").format(ordinal=ordinal(int(edition)), number=edition))
    return rich_field(entry, "edition") if re.search(r"\bed(?:ition|\.)", edition, re.IGNORECASE) else placed(
        _("{} edition"), rich_field(entry, "edition"))


def ordinal(number: int) -> str:
    """"1st", "2nd", "159th", in the site's language."""
    if 10 <= number % 100 <= 20 or number % 10 not in (1, 2, 3):
        return _("{number}th").format(number=number)
    return {1: _("{number}st"), 2: _("{number}nd"), 3: _("{number}rd")}[number % 10].format(number=number)


def unnamed(count: int) -> str:
    """"1 other", "12 others": the authors a shortened list does not name."""
    return ngettext("{count} other", "{count} others", count).format(count=count)


def _chapter(entry: Entry) -> Text:
    return Text(_("chapter {chapter}").format(chapter=entries.field(entry, "chapter"))) if entries.field(entry, "chapter") else Text()


def _version(entry: Entry) -> Text:
    """"version 2.0.1", also for a release tagged "v2.0.1" (GitHub's, Zenodo's): not "version v2.0.1"."""
    version = re.sub(r"^[vV](?=\d)", "", entries.field(entry, "version"))
    return placed(_("version {version}").replace("{version}", "{}"), Text(version)) if version else Text()


#: MathSciNet's pages of a paper numbered by its journal: "Paper No. 109045, 31", the number and how many pages.
NUMBERED_PAPER = re.compile(r"(Paper No\.\s*\S+),\s*(\d+)")


def _pages(entry: Entry, prefixed: bool = False) -> Text:
    """Pages with an en dash; in a book, "pp. 45–67" or "p. 45", as biblatex; "Paper No. 109045, 31 pp.", as MathSciNet."""
    if entries.arxiv_id(entry) and entries.field(entry, "pages").lower().removeprefix("arxiv:") == entries.arxiv_id(entry).lower():
        return Text()  # ADS's "arXiv e-prints", pages = {arXiv:2403.12345}: the arXiv link says it
    numbered = NUMBERED_PAPER.fullmatch(entries.field(entry, "pages"))
    if numbered:
        return Text(_("{number}, {count} pp.").format(number=numbered[1], count=numbered[2]))
    pages = re.sub(r"\s*-{1,3}\s*", "\N{EN DASH}", entries.field(entry, "pages"))
    if not pages or not prefixed:
        return Text(pages)
    return Text((_("pp. {pages}") if re.search(r"[\N{EN DASH},]", pages) else _("p. {pages}")).format(pages=pages))


def _preprint(entry: Entry) -> Text:
    """"arXiv preprint", "bioRxiv preprint": an entry with no venue but a preprint server."""
    server = entries.preprint_server(entry)
    return Text(_("{server} preprint").format(server=server.name)) if server and entries.venue_field(entry) is None else Text()


def format_note(entry: Entry) -> Text:
    """The ``note``, after the reference: its Markdown links as links, each ``<br>`` a new line, the rest as text."""
    parts = entries.note_parts(entry)
    lines = []
    for number, pieces in enumerate(parts):
        line = Text(*[TitledHRef(url, entries.printable(url), _rich_text(text)) if url else _rich_text(text)
                      for text, url in pieces])
        line = line.add_period() if number == len(parts) - 1 else line  # the full stop ends the last line, not one of its own
        lines.append(line if number == 0 else NoteLine(number, " ", line))
    return Span("pub-entry-note", *lines) if lines else Text()


def rich_field(entry: Entry, name: str) -> Text:
    """A field's LaTeX as rich text, keeping a bare % (a LaTeX comment) and an escaped \\$ as the characters."""
    return _rich_text(entry.fields.get(name, ""))


def plain_text(text: Text) -> str:
    """Rich text as a reader sees it: no-break spaces as spaces, no markup."""
    # One backend for every call: render_as("text") would look the plugin up each time (milliseconds).
    return " ".join(text.render(PLAIN_TEXT).replace("\N{NO-BREAK SPACE}", " ").split())


def decoded(latex: str) -> str:
    """LaTeX (a name, a title) as the plain Unicode text a reader sees: for metadata, page titles, figures."""
    return plain_text(_rich_text(latex))


#: What makes a value LaTeX to decode; a value without any of these is its own text.
LATEX_MARKUP = re.compile(r"[\\{}$~%&^_`]|--|''|'\d\d")  # the last: a year's apostrophe (latextext.YEAR_APOSTROPHE)


@functools.lru_cache(maxsize=8192)
def _rich_text(latex: str) -> Text:
    # Decoding LaTeX is the slowest step of formatting (latexcodec): most titles and names need none of it.
    if not LATEX_MARKUP.search(latex):
        return Text(latex)
    try:
        text = Text.from_latex(re.sub(r"(?<!\\)%", r"\\%", readable(latex)).replace("\\$", "$"))
        return _braces_shown(text) if "\\{" in latex else text
    except UnicodeDecodeError:  # LaTeX no decoder reads (the .bib check names its line): the characters as written
        return Text(latex)


def _braces_shown(text: Any) -> Any:
    """*text* with the braces its formulas show as characters again, in every part (:func:`shown_braces`)."""
    if isinstance(text, String):
        return String(shown_braces(text.value))
    if isinstance(text, BaseMultipartText):
        return similar_text(text, [_braces_shown(part) for part in text.parts])
    return text


GROUP = "pybtex.style.formatting"
#: What STYLE_NAME stands for in the build at work: the style configured for its settings (sphinx_ext/styling.py).
configured: dict[str, str] = {}


def formatting_style(name: str) -> BaseStyle:
    """The instance of a pybtex formatting style for this build; ``portfolio`` is the one configured by conf.py."""
    return _instance(configured.get(name, name))


@functools.cache
def _instance(name: str) -> BaseStyle:
    # Finding and making a style costs milliseconds: one instance per style (its class holds the build's cache).
    return find_plugin(GROUP, name)()

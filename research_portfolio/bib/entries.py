"""What an entry says, read one way for every format and for the metadata: people, venue, kind, links.

A real-world .bib says the same thing in many ways: an arXiv id in ``eprint``, in al-folio's
``arxiv`` or in ``journal = {arXiv preprint arXiv:2404.19756}``; a DOI with or without its
``https://doi.org/``; a NeurIPS paper filed as ``@article``. Each fact is worked out here, once,
and the style, the paper pages, the figures and the metadata all ask this module.
"""

from __future__ import annotations

import codecs
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

import latexcodec  # noqa: F401  (registers the "ulatex" codec that decodes LaTeX)
from pybtex.database import Entry, Person

from ..i18n import N_, _
from ..text import languages
from ..text.names import name_problem, read_name
from ..text.scripts import CJK_WORD
from ..text.urls import published
from . import preprints
from .fields import ALFOLIO_DEFAULT_FOLDER, ALFOLIO_FOLDERS, LINK_FIELDS

ARXIV_VENUE = re.compile(r"^\s*(?:arxiv\s*(?:preprint|e-prints?)?\s*)(?:arxiv\s*)?[:\s]?\s*(?P<id>\S*?)\s*$", re.IGNORECASE)
ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/(?P<id>[^\s?#]+?)(?:\.pdf)?/?$", re.IGNORECASE)
YEAR = re.compile(r"^[0-9]{4}$")  # ASCII digits: "２０２３" is no year to BibTeX
DATE_YEAR = re.compile(r"^\s*([0-9]{4})(?:[-/]|\s*$)")
DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
SCHEME = re.compile(r"^(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = ("http", "https", "mailto")
#: Where one address ends and another begins, in a field that holds several.
SEVERAL_ADDRESSES = re.compile(r"[\s;,]+(?=[a-zA-Z][a-zA-Z0-9+.-]*://)")
#: A DOI inside an address or a publisher's path (``www.pnas.org/cgi/doi/10.1073/pnas.1322149111``).
DOI_INSIDE = re.compile(r"(?<![\w.])10\.\d{4,9}/[^\s?#]+")
#: What a publisher's address adds after the DOI: the page's view, not part of the DOI.
DOI_VIEW = re.compile(r"/(?:abstract|full|pdf|epdf|pdfdirect|meta|summary|references|figures|suppl_file)/?$", re.IGNORECASE)
#: Words that name a group as an author: ``{Open Science Collaboration}``, ``{ATLAS Collaboration}``.
GROUP_WORDS = frozenset({"collaboration", "consortium", "group", "team", "project", "initiative", "network", "committee",
                         "society", "association", "organization", "organisation", "council", "investigators",
                         "laboratory", "labs", "alliance", "foundation", "institute"})
#: Where the venue's name comes from, in order of preference (``note`` is printed after the reference).
VENUE_FIELDS = ("journal", "journaltitle", "booktitle", "howpublished", "publisher", "school", "institution", "organization")
#: Words that make a venue a conference, whatever the entry type says; conf.py's
#: ``portfolio_conference_venues`` adds more.
CONFERENCE_WORDS = (
    "conference on", "conference of the", "international conference", "annual conference", "joint conference",
    "symposium on", "neural information processing", "neurips", "nips", "icml", "iclr", "cvpr", "iccv", "eccv", "aaai",
    "ijcai", "aistats", "uai", "colt", "acl", "emnlp", "naacl", "kdd", "siggraph",
)
#: Words that may name a conference or a journal (PNAS, Proc. R. Soc. B): they decide only where the type does not.
GENERIC_CONFERENCE_WORDS = ("conference", "conferences", "proceedings", "proc.", "symposium", "symposia", "congress",
                            "meeting", "colloquium")
#: Commands that only set the look of a name, as a CV marks its owner: \\textbf{...}, {\\bf ...}.
EMPHASIS = re.compile(r"\\(?P<command>textbf|textit|textsc|textsl|textmd|emph|underline|uline|uuline|mbox)\s*\{"
                      r"|\{\s*\\(?:bf|bfseries|em|it|itshape|sl|sc|scshape)(?![a-zA-Z])\s*")
#: What separates given names and initials: "H.-P.", "A.H.", "Jean~Paul", Crossref's "Hans\u2010Peter".
GIVEN_SEPARATOR = re.compile(r"[\s.~\-\u2010\u2011]+")
#: Every kind of venue, in the order the figures and the CV show them.
KINDS = (N_("journal"), N_("conference"), N_("workshop"), N_("preprint"), N_("thesis"), N_("book"), N_("report"), N_("other"))
KIND_OF_TYPE = {
    "article": "journal", "inproceedings": "conference", "conference": "conference",
    "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "book": "book", "incollection": "book", "inbook": "book", "proceedings": "book", "collection": "book",
    "techreport": "report", "report": "report", "manual": "report",
    "patent": "other", "dataset": "other", "software": "other", "online": "other", "electronic": "other", "www": "other",
    "booklet": "other",
}
#: How a type is named in a reference when its ``type`` field says nothing else (biblatex's words).
TYPE_WORDS = {"phdthesis": N_("PhD thesis"), "mastersthesis": N_("Master's thesis"), "techreport": N_("Technical report"),
              "report": N_("Report"), "patent": N_("Patent"), "dataset": N_("Dataset"), "software": N_("Software")}
#: biblatex's keys for the ``type`` field, which it prints as words (JabRef writes ``type = {phdthesis}``).
BIBLATEX_TYPE_KEYS = {"phdthesis": N_("PhD thesis"), "mathesis": N_("Master's thesis"), "candthesis": N_("Candidate thesis"),
                      "techreport": N_("Technical report"), "resreport": N_("Research report"), "software": N_("Software")}
#: The types whose ``type`` field a reference prints ("Podcast", "Diploma thesis"), as biblatex does.
TYPED = ("phdthesis", "mastersthesis", "thesis", "techreport", "report", "patent", "dataset", "software", "misc",
         "manual", "unpublished")
#: What a .bib may give as the year of work that has none yet, and the heading it is listed under.
#: The keys are also how a reference ends with the state (:func:`when`).
STATUSES = {N_("in press"): N_("In press"), N_("forthcoming"): N_("Forthcoming"), "in review": "Under review",
            N_("under review"): N_("Under review"), N_("submitted"): N_("Submitted"), "in prep": "In preparation",
            N_("in preparation"): N_("In preparation")}
#: biblatex's ``pubstate`` values, for work without a year or a journal.
PUBSTATES = {"inpress": "In press", "forthcoming": "Forthcoming", "submitted": "Submitted", "underreview": "Under review",
             "inreview": "Under review", "inpreparation": "In preparation", "inprep": "In preparation"}
#: What a manuscript's note says of its state ("Manuscript submitted for publication", "Revise and resubmit").
NOTE_STATES = (("In press", re.compile(r"\b(?:in press|accepted)\b", re.IGNORECASE)),
               ("Under review", re.compile(r"\b(?:under review|in review|revise and resubmit|under revision|r&r)\b",
                                           re.IGNORECASE)),
               ("Submitted", re.compile(r"\bsubmitted\b", re.IGNORECASE)),
               ("In preparation", re.compile(r"\bin prep(?:aration)?\b", re.IGNORECASE)))
#: A manuscript (an @article with no journal) whose note and pubstate say nothing of its state.
WORK_IN_PROGRESS = N_("Work in progress")
NO_YEAR = N_("Undated")
#: Headings of work without a year or a journal, in the order lists show them: before the newest year, undated last.
STATUS_HEADINGS = ("In press", "Forthcoming", "Under review", "Submitted", "In preparation", WORK_IN_PROGRESS, NO_YEAR)
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)")
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class Link:
    kind: str  # the field it came from: eprint, doi, openreview, url, code, pdf, ...
    label: str  # what a reader sees: "arXiv", "PDF", "Code"
    url: str
    identifier: str = ""  # what it points to, for a tooltip: "arXiv:2101.00001", "github.com/ada/engine"


@dataclasses.dataclass(frozen=True)
class Site:
    """What reading an entry needs to know of the site: where it is published and its static folders."""

    baseurl: str = ""
    static: tuple[Path, ...] = ()
    conference_words: tuple[str, ...] = CONFERENCE_WORDS


# -- Fields of ours and al-folio's -----------------------------------------------------------


def field(entry: Entry, name: str) -> str:
    fields = entry.fields  # pybtex's case-insensitive mapping: its get() raises and catches a KeyError per missing field
    return fields[name].strip() if name in fields else ""


def themes(entry: Entry) -> list[str]:
    return [theme.strip() for theme in field(entry, "themes").split(",") if theme.strip()]


def highlight(entry: Entry) -> str:
    """The honour a badge shows: our ``highlight``, or al-folio's ``award_name``."""
    return field(entry, "highlight") or field(entry, "award_name")


def is_selected(entry: Entry) -> bool:
    return field(entry, "selected").lower() in ("true", "yes")


def summary(entry: Entry) -> str:
    return " ".join(field(entry, "summary").split())


def year(entry: Entry) -> str:
    """The ``year``, or the year of biblatex's ``date`` (``2019-03-14``), as JabRef and Zotero's biblatex write it."""
    written = field(entry, "year")
    if written or "date" not in entry.fields:
        return written
    found = DATE_YEAR.match(field(entry, "date"))
    return found[1] if found else ""


def status(entry: Entry) -> str:
    """The heading of work without a year or a journal ("In press", "Submitted", ...); empty for a paper with both.

    A year that names a state says it; an @article without a journal (a manuscript, as Mendeley exports
    submitted work) and an entry without a year say it in biblatex's ``pubstate`` or in their note
    ("Manuscript submitted for publication", "In preparation"); else the one is work in progress and
    the other undated.
    """
    written = " ".join(year(entry).lower().split())
    if written in STATUSES:
        return STATUSES[written]
    if written and not is_manuscript(entry):
        return ""
    stated = PUBSTATES.get(field(entry, "pubstate").lower().replace(" ", ""), "")
    note = field(entry, "note")
    noted = next((state for state, words in NOTE_STATES if words.search(note)), "")
    return stated or noted or (WORK_IN_PROGRESS if is_manuscript(entry) else NO_YEAR)


def is_manuscript(entry: Entry) -> bool:
    """An @article that names no journal and no preprint server: a manuscript, submitted or in preparation."""
    return entry.type == "article" and not (field(entry, "journal") or field(entry, "journaltitle")) and (
        preprint_server(entry) is None)


def heading(state: str) -> str:
    """A heading of :data:`STATUS_HEADINGS` in the site's language."""
    return _(state)


def when(entry: Entry) -> str:
    """What a reference ends with: the year, or the state of work without one ("in press"); empty with neither."""
    found = status(entry)
    if not found or (YEAR.match(year(entry)) and found in (WORK_IN_PROGRESS, *PUBSTATES.values())):
        return year(entry)  # a manuscript's year stays; its note or heading says its state
    if found in (NO_YEAR, WORK_IN_PROGRESS) or any(state == found and words.search(field(entry, "note"))
                                                   for state, words in NOTE_STATES):
        return ""  # nothing to say, or the note says it
    return found.lower()


def language(entry: Entry) -> str:
    """The language the entry says it is written in (biblatex's ``langid``, ``language``), or an empty string."""
    return field(entry, "langid") or field(entry, "language")


def language_tag(entry: Entry) -> str:
    """:func:`language` as the BCP 47 tag HTML's ``lang`` takes ("de" for ``ngerman``), or "" for none known."""
    return languages.language_tag(language(entry))


def chronological(papers: list[Entry]) -> list[Entry]:
    """Work without a year first (in press, ..., in preparation, no year), then newest first; file order within each."""
    def rank(entry: Entry) -> tuple[int, int]:
        found = status(entry)
        if found:
            return (0, STATUS_HEADINGS.index(found))
        return (1, -int(year(entry)) if year(entry).isdecimal() else 0)

    return sorted(papers, key=rank)


# -- People ------------------------------------------------------------------------------------


def people(entry: Entry) -> list[Person]:
    """The authors, or for a book with none, its editors."""
    return entry.persons.get("author") or entry.persons.get("editor") or []


def is_others(person: Person) -> bool:
    """BibTeX's ``and others``, or ``and et al.`` as NASA ADS cuts a long list short: the authors not named."""
    return " ".join(str(person).replace("{", "").replace("}", "").lower().split()).rstrip(".") in ("others", "et al")


def names_in(entry: Entry, name: str) -> list[Person]:
    """A field of names that pybtex keeps as text (``translator``, ``equalcontrib``), read as people."""
    value = field(entry, name)
    return [read_name(written) for written in re.split(r"\s+and\s+", value) if not name_problem(written)] if value else []


def translators(entry: Entry) -> list[Person]:
    """biblatex's ``translator`` field, as names ("Petrova, Elena and Ivanov, Oleg")."""
    return names_in(entry, "translator")


#: biblatex's fields of people who wrote a part of the book (the reference says "with a foreword by ..."),
#: and with the author of the book a part is in, every field of writers pybtex keeps as text.
PART_WRITERS = ("foreword", "afterword", "introduction")
WRITERS = ("bookauthor", *PART_WRITERS)


def contributors(entry: Entry) -> list[Person]:
    """Everyone the entry credits with the work: its authors, editors and translators, and biblatex's :data:`WRITERS`."""
    return [*entry.persons.get("author", []), *entry.persons.get("editor", []), *translators(entry),
            *(person for name in WRITERS for person in names_in(entry, name))]


def equal_contributors(entry: Entry) -> list[Person]:
    """Our ``equalcontrib`` field, and the authors al-folio users mark with a star ("Nowak*, Tomasz")."""
    return names_in(entry, "equalcontrib") + [person for person in people(entry) if "*" in str(person)]



def is_group(person: Person) -> bool:
    """A collective author: a braced name of several words (``{Open Science Collaboration}``), or one whose last word
    names a group ("Collaboration", "Consortium"); its members, the owner among them, go unnamed."""
    if person.first_names or person.middle_names or person.prelast_names:
        return fold(person.last_names[-1]) in GROUP_WORDS if person.last_names else False
    written = " ".join(person.last_names)
    return (written.startswith("{") and written.endswith("}") and " " in written.strip("{} ")) or (
        bool(person.last_names) and fold(written.split()[-1]) in GROUP_WORDS)


def unstarred(person: Person) -> Person:
    """The name without al-folio's equal-contribution star."""
    return Person(str(person).replace("*", "")) if "*" in str(person) else person


def without_emphasis(name: str) -> str:
    """*name* without the commands that only set its look, as CVs mark their owner: ``\\textbf{Marshall, H.P.}``."""
    while found := EMPHASIS.search(name):
        opening = found.end() - 1 if found["command"] else found.start()
        closing = _closing_brace(name, opening)
        if closing < 0:
            return name
        name = name[: found.start()] + name[found.end() : closing] + name[closing + 1 :]
    return name


def _closing_brace(text: str, opening: int) -> int:
    """Where the brace opened at *opening* closes, or -1."""
    depth = 0
    for position in range(opening, len(text)):
        if text[position] == "{" and text[position - 1 : position] != "\\":
            depth += 1
        elif text[position] == "}" and text[position - 1 : position] != "\\":
            depth -= 1
            if depth == 0:
                return position
    return -1


def full_name(person: Person) -> str:
    """A name as it is read aloud: "Eric J. Michaud", "Peter Van Katwyk"; "佐藤花子" family name first."""
    if eastern(person):
        return "".join(person.prelast_names + person.last_names + person.first_names + person.middle_names)
    return " ".join(person.first_names + person.middle_names + person.prelast_names + person.last_names)


def eastern(person: Person) -> bool:
    """Whether a name is written in Chinese, Japanese or Korean script, where the family name comes first.

    ``佐藤, 花子`` (BibTeX's "family, given") reads 佐藤花子, not 花子 佐藤; a name in Latin letters
    keeps the order its owner wrote it in.
    """
    given = "".join(person.first_names + person.middle_names)
    family = "".join(person.prelast_names + person.last_names)
    return bool(given and family and CJK_WORD.fullmatch(given + family))


class Owner(Person):
    """The site's owner: the name conf.py gives, who also answers to the other spellings it lists."""

    def __init__(self, name: str, other_names: Iterable[str] = ()) -> None:
        read = read_name(name)
        super().__init__(str(read))
        self.written = name
        self.spellings = (read, *(read_name(other) for other in other_names))


def owner(person: Mapping[str, Any]) -> Owner | None:
    """The owner that ``portfolio_person`` names (its other spellings included), or None when it names none."""
    return Owner(person["name"], person.get("other_names", ())) if person.get("name") else None


def same_person(one: Person, other: Person) -> bool:
    """Whether two names denote the same person, the owner under any of their spellings.

    Accents, case, LaTeX and middle names aside; a given name matches its initial, with or without
    full stops, spaces or hyphens ("Hans-Peter", "H.-P.", "H. P.", "H.P.", "HP" and "Hans Peter" are one).
    """
    return any(_same_name(this, that) for this in spellings(one) for that in spellings(other))


def spellings(person: Person) -> tuple[Person, ...]:
    return person.spellings if isinstance(person, Owner) else (person,)


def _same_name(one: Person, other: Person) -> bool:
    if surname(one) != surname(other):
        return False
    return any(_same_given(this, that) for this in given_readings(one) for that in given_readings(other))


def _same_given(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    if not one or not other or "".join(one) == "".join(other):
        return True
    return all(this == that or (min(len(this), len(that)) == 1 and this[0] == that[0]) for this, that in zip(one, other))


def surname(person: Person) -> str:
    return fold(" ".join(person.prelast_names + person.last_names))


def given_readings(person: Person) -> set[tuple[str, ...]]:
    """The given names as folded words, split at spaces, full stops and hyphens; run-together initials
    ("HP", as MEDLINE writes them) are read both as a name and as initials."""
    words = [word for word in GIVEN_SEPARATOR.split(" ".join(person.first_names + person.middle_names)) if fold(word)]
    readings = {tuple(fold(word) for word in words)}
    readings.add(tuple(part for word in words for part in (list(fold(word)) if _run_together(word) else [fold(word)])))
    return readings


def _run_together(word: str) -> bool:
    letters = word.replace("{", "").replace("}", "")
    return 2 <= len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper()


def name_key(person: Person) -> tuple[str, str]:
    first = person.first_names[0] if person.first_names else ""
    last = " ".join(person.prelast_names + person.last_names)
    return (fold(first), fold(last))



@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Letters and digits only, lower case, accents dropped: LaTeX is decoded first (``Luc{\\'\\i}a`` is "lucia")."""
    if "\\" in text:
        text = codecs.decode(text, "ulatex")  # type: ignore[call-overload]  # latexcodec decodes str; typeshed knows only bytes
    text = re.sub(r"\\[a-zA-Z]+\s*|\\.", "", text)
    text = unicodedata.normalize("NFKD", text.replace("{", "").replace("}", ""))
    return "".join(char for char in text if char.isalnum()).lower()


# -- Venue and kind ---------------------------------------------------------------------------


def arxiv_id(entry: Entry) -> str:
    """The arXiv id, wherever the entry keeps it; empty when it has none."""
    eprint = field(entry, "eprint")
    if eprint and eprint_type(entry) in ("", "arxiv"):
        if SCHEME.match(eprint) is None:
            return eprint
        found = ARXIV_URL.search(eprint)  # bioRxiv's exports put the PDF's address in eprint
        if found:
            return found["id"]
    if field(entry, "arxiv"):
        return field(entry, "arxiv")
    for name in ("journal", "booktitle", "howpublished", "note"):
        venue = ARXIV_VENUE.match(field(entry, name)) if is_arxiv_venue(field(entry, name)) else None
        if venue and venue["id"].removeprefix("abs/"):
            return venue["id"].removeprefix("abs/")
    found = ARXIV_URL.search(url(entry))
    return found["id"] if found else ""


def eprint_type(entry: Entry) -> str:
    """The server of ``eprint``, as BibTeX (``archiveprefix``) or biblatex (``eprinttype``) names it, lower case."""
    return (field(entry, "archiveprefix") or field(entry, "eprinttype")).lower()


def is_arxiv_venue(text: str) -> bool:
    """Whether a venue names arXiv alone ("arXiv preprint arXiv:2404.19756", "arXiv", "ArXiv e-prints")."""
    return bool(text) and ARXIV_VENUE.match(text) is not None and "arxiv" in text.lower()


def doi(entry: Entry) -> str:
    """The DOI without the resolver's address that many exports put before it."""
    return DOI_PREFIX.sub("", field(entry, "doi"))


def read_doi(value: str) -> str:
    """The DOI *value* holds: itself without a resolver, or the DOI inside a publisher's address; else *value*."""
    plain = DOI_PREFIX.sub("", value.strip())
    if plain.startswith("10."):
        return plain
    found = DOI_INSIDE.search(unquote(plain))
    return DOI_VIEW.sub("", found[0]).rstrip(".,;") if found else plain


def urls(entry: Entry) -> list[str]:
    """The addresses of the ``url`` field: Mendeley writes several into one, separated by spaces."""
    value = field(entry, "url")
    found = [address.strip(" ;,") for address in SEVERAL_ADDRESSES.split(value)]
    return found if len(found) > 1 and all(SCHEME.match(address) for address in found) else [value] if value else []


def url(entry: Entry) -> str:
    """The address the entry links: the first of its ``url`` field (the BibTeX shown keeps them all)."""
    found = urls(entry)
    return found[0] if found else ""


def resolves_doi(url: str, entry: Entry) -> bool:
    """Whether *url* is the entry's DOI at a resolver (Crossref and DBLP give ``http://dx.doi.org/...`` as the url)."""
    return bool(doi(entry)) and DOI_PREFIX.match(url) is not None and unquote(DOI_PREFIX.sub("", url)).lower() == doi(entry).lower()


def venue_field(entry: Entry) -> str | None:
    """The field that names where the paper appeared, unless that only says arXiv."""
    name = next((name for name in VENUE_FIELDS if field(entry, name)), None)
    return None if name is None or is_arxiv_venue(field(entry, name)) else name


def preprint_server(entry: Entry) -> preprints.Server | None:
    """The preprint server the entry is on, when it appeared nowhere else.

    A venue that names a server says so ("bioRxiv", "SSRN Electronic Journal"); an entry with no
    venue says it with its eprint, its DOI or its address. A journal paper that also has an arXiv id
    is a journal paper.
    """
    venue = next((field(entry, name) for name in VENUE_FIELDS if field(entry, name)), "")
    if venue:
        return preprints.by_words(venue)
    if arxiv_id(entry):
        return preprints.by_words("arxiv")
    return (preprints.by_words(eprint_type(entry)) if field(entry, "eprint") else None) or (
        preprints.by_doi(doi(entry)) or preprints.by_host(url(entry)))


def venue_kind(entry: Entry, site: Site = Site()) -> str:
    """journal, conference, workshop, preprint, thesis, book, report or other: what all the evidence says it is.

    A preprint server is a preprint; a workshop is a workshop; a venue naming a known conference is a
    conference whatever the type; otherwise the type decides, and a generic word ("Proceedings",
    "Symposium") only where the type says nothing (PNAS is a journal).
    """
    if preprint_server(entry):
        return "preprint"
    name = venue_field(entry)
    text = " ".join(field(entry, name).lower().split()) if name else ""
    if "workshop" in text:
        return "workshop"
    if names_any(text, site.conference_words):
        return "conference"
    if entry.type in KIND_OF_TYPE:
        return KIND_OF_TYPE[entry.type]
    if names_any(text, GENERIC_CONFERENCE_WORDS):
        return "conference"
    if name is None or names_any(text, ("preprint", "preprints")):
        return "preprint"  # a manuscript: @misc or @unpublished with no venue
    return "other"


def names_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether *text* holds one of *words* as whole words ("acl" is not in "oracle"; "proc." is in "Proc. R. Soc.")."""
    return bool(words) and whole_words(words).search(text) is not None


@functools.lru_cache(maxsize=16)
def whole_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all of *words*, each at a word's start and, ending in a letter or digit, at its end."""
    return re.compile("|".join(rf"\b{re.escape(word)}" + (r"\b" if word[-1].isalnum() else "") for word in words))


def type_word(entry: Entry) -> str:
    """A word for the type, from its ``type`` field or biblatex's ("PhD thesis", "Technical report", "Podcast")."""
    written = field(entry, "type") if entry.type in TYPED else ""
    if "\\" in written:
        written = codecs.decode(written, "ulatex")  # type: ignore[call-overload]  # latexcodec decodes str
    written = written.replace("{", "").replace("}", "")  # JabRef's "{PhD} dissertation"
    return _(BIBLATEX_TYPE_KEYS[written.lower()]) if written.lower() in BIBLATEX_TYPE_KEYS else written or _(
        TYPE_WORDS.get(entry.type, ""))


def collaboration(entry: Entry) -> str:
    """The collaboration an INSPIRE-HEP entry names ("ATLAS"), as physicists cite it: "ATLAS Collaboration"."""
    name = field(entry, "collaboration").replace("{", "").replace("}", "").strip()
    return name if not name or name.lower().endswith("collaboration") else f"{name} Collaboration"


# -- Links ------------------------------------------------------------------------------------


#: The sites where papers are published that readers know by name: a ``url`` there is linked under that name.
PUBLISHER_SITES = {
    "proceedings.mlr.press": "PMLR", "openreview.net": "OpenReview", "aclanthology.org": "ACL Anthology",
    "proceedings.neurips.cc": "NeurIPS Proceedings", "papers.nips.cc": "NeurIPS Proceedings", "ieeexplore.ieee.org": "IEEE Xplore",
    "dl.acm.org": "ACM Digital Library", "inspirehep.net": "INSPIRE", "ui.adsabs.harvard.edu": "ADS",
    "pubmed.ncbi.nlm.nih.gov": "PubMed", "www.biorxiv.org": "bioRxiv", "www.medrxiv.org": "medRxiv",
    "hal.science": "HAL", "zenodo.org": "Zenodo", "papers.ssrn.com": "SSRN", "ssrn.com": "SSRN", "www.ssrn.com": "SSRN",
    "www.jstor.org": "JSTOR",
    "www.semanticscholar.org": "Semantic Scholar", "pmc.ncbi.nlm.nih.gov": "PubMed Central",
    "clinicaltrials.gov": "ClinicalTrials.gov", "www.clinicaltrials.gov": "ClinicalTrials.gov",
    "www.webofscience.com": "Web of Science",
}


#: Sites that share a host with others, by the folder their records are in.
PUBLISHER_FOLDERS = {("www.ncbi.nlm.nih.gov", "pubmed"): "PubMed", ("www.ncbi.nlm.nih.gov", "pmc"): "PubMed Central"}


def same_record(address: str) -> str:
    """An ADS address as one record: ".../abs/2021ApJ...912...99R/abstract" is ".../abs/2021ApJ...912...99R"."""
    return address.removesuffix("/").removesuffix("/abstract")


def publisher_name(address: str) -> str:
    """The name readers know the site of *address* by ("PMLR" for proceedings.mlr.press), or ""."""
    parts = urlsplit(address)
    host = parts.hostname or ""
    folder = parts.path.strip("/").split("/")[0].lower()
    return PUBLISHER_SITES.get(host, "") or PUBLISHER_FOLDERS.get((host, folder), "")


def links(entry: Entry, site: Site = Site()) -> list[Link]:
    """Every link the entry gives, in one order, each a word that says what it points to.

    The PDF first (the ``pdf`` field, a ``url`` to a PDF, or arXiv's), then the identifiers
    (the preprint, OpenReview, the DOI, PubMed's record), the paper's page, and the fields of links: code, slides, ...
    """
    found = [link for link in (pdf_link(entry, site), eprint_link(entry)) if link]
    if field(entry, "openreview"):
        forum = field(entry, "openreview")
        found.append(Link("openreview", "OpenReview", f"https://openreview.net/forum?id={forum}", f"OpenReview:{forum}"))
    if doi(entry):
        found.append(Link("doi", "DOI", f"https://doi.org/{doi(entry)}", f"doi:{doi(entry)}"))
    if pmid(entry) and publisher_name(url(entry)) != "PubMed":
        found.append(Link("pmid", "PubMed", f"https://pubmed.ncbi.nlm.nih.gov/{pmid(entry)}/", f"PMID:{pmid(entry)}"))
    address = url(entry)
    if address and not any(address == link.url for link in found) and not ARXIV_URL.search(address) and not resolves_doi(
            address, entry):
        found.append(Link("url", publisher_name(address) or N_("Web page"), address, printable(address)))
    record = field(entry, "adsurl")  # NASA ADS's record of the paper, which astronomers read its citations from
    if record and SCHEME.match(record) and same_record(record) != same_record(address):
        found.append(Link("adsurl", publisher_name(record) or "ADS", record, printable(record)))
    for link_field in LINK_FIELDS:
        value = field(entry, link_field.name)
        if value and link_field.name != "pdf":
            target = file_url(link_field.name, value, site) if is_file(value) else value
            found.append(Link(link_field.name, link_field.label, target, value if is_file(value) else printable(value)))
    return found


def pmid(entry: Entry) -> str:
    """The paper's PubMed id: the ``pmid`` field (Paperpile, Mendeley), or an ``eprint`` of type pubmed or pmid (biblatex)."""
    found = field(entry, "pmid") or (field(entry, "eprint") if eprint_type(entry) in ("pubmed", "pmid") else "")
    return found if found.isdecimal() else ""


#: TeXMed's note on a PubMed record, its links as identifiers: "[DOI:\href{...}{10.1073/...}] [PubMed:\href{...}{31175432}]".
TEXMED_LINK = re.compile(r"\[([A-Za-z][A-Za-z ]*):\\href\{([^{}]*)\}\{([^{}]*)\}\]")  # DOI, PubMed, PubMed Central
TEXMED_NOTE = re.compile(rf"(?:\s*{TEXMED_LINK.pattern})+\s*")


#: SSRN's number for a paper as Google Scholar's venue gives it ("Available at SSRN 3345678").
SSRN_VENUE = re.compile(r"\bSSRN(?: No\.)?\s+(\d{4,9})\b")


def ssrn_id(entry: Entry) -> str:
    """The SSRN number a venue names ("Available at SSRN 3345678"), unless the DOI or the url already lead to SSRN."""
    ssrn = preprints.by_words("ssrn")  # the preprint servers' table knows SSRN's DOIs and hosts
    if ssrn is None or ssrn in (preprints.by_doi(doi(entry)), preprints.by_host(url(entry))):
        return ""
    found = (SSRN_VENUE.search(field(entry, name)) for name in ("journal", "journaltitle", "howpublished", "note", "number"))
    return next((match[1] for match in found if match), "")


def pdf_link(entry: Entry, site: Site = Site()) -> Link | None:
    """The paper's PDF: the ``pdf`` field, else a ``url`` that ends in .pdf, else arXiv's PDF of its id."""
    value = field(entry, "pdf")
    if value:
        return Link("pdf", N_("PDF"), file_url("pdf", value, site) if is_file(value) else value,
                    value if is_file(value) else printable(value))
    address = url(entry)
    if address and urlsplit(address).path.lower().endswith(".pdf") and not ARXIV_URL.search(address):
        return Link("pdf", N_("PDF"), address, printable(address))
    if arxiv_id(entry):
        return Link("pdf", N_("PDF"), f"https://arxiv.org/pdf/{arxiv_id(entry)}", f"arxiv.org/pdf/{arxiv_id(entry)}")
    return None


def pdf_url(entry: Entry, site: Site = Site()) -> str:
    """The address of the paper's PDF, the one the lists link, or an empty string."""
    link = pdf_link(entry, site)
    return link.url if link else ""


def eprint_link(entry: Entry) -> Link | None:
    """The paper on its preprint server: arXiv, or the server ``eprint``'s type names, where it has an address for the id.

    Without an ``eprint``, a venue that gives SSRN's number ("Available at SSRN 3345678") names the paper there.
    """
    if arxiv_id(entry):
        return Link("eprint", "arXiv", f"https://arxiv.org/abs/{arxiv_id(entry)}", f"arXiv:{arxiv_id(entry)}")
    ident = field(entry, "eprint") or ssrn_id(entry)
    server = preprints.by_words(eprint_type(entry) if field(entry, "eprint") else "ssrn" if ident else "")
    address = preprints.eprint_link(server, ident) if server else ""
    if server is None or not address:
        return None
    return Link("eprint", server.name, address, f"{server.name}:{ident}")


#: The fields Zotero keeps in an item's Extra field, one "Label: value" a line, and writes into ``note``
#: ("Number: 1 Publisher: Nature Publishing Group", "Pages: 2023.05.12.540123 Section: New Results",
#: "type: dataset"): Zotero's labels and CSL's names. Identifiers (DOI, arXiv, PMID) and a paper's
#: state ("Status: in press") are not among them: a reader needs those.
ZOTERO_FIELDS = ("Number", "Publisher", "Pages", "Section", "Issue", "Volume", "ISSN", "Citation Key", "Library Catalog",
                 "Number of Pages", "Journal Abbreviation", "type", "number", "publisher", "page", "section", "genre", "medium")
#: Written as Zotero writes them (its labels capitalized, CSL's names in lower case): "Type: Invited talk" is a note.
ZOTERO_FIELD = re.compile(rf"(?:{'|'.join(map(re.escape, ZOTERO_FIELDS))}):\s+(?=\S)")


#: The note MathSciNet gives every thesis: "Thesis (Ph.D.)--Uppsala Universitet", its type and school again.
MATHSCINET_THESIS = re.compile(r"Thesis \([^()]*\)\s*(?:--|\N{EN DASH}|\N{EM DASH})", re.IGNORECASE)


def is_zotero_record(note: str) -> bool:
    """Whether *note* is only Zotero's record of fields from its Extra field: it opens with one of their labels."""
    return ZOTERO_FIELD.match(note) is not None


def note_parts(entry: Entry) -> list[list[tuple[str, str]]]:
    """The ``note`` as lines of (text, address) pieces: al-folio's Markdown links and ``<br>`` read, the rest text.

    A link whose address is not http(s) or mailto stays as it was written, as text. A note that only
    names arXiv (the venue of some exports) is left out: the arXiv link says it. So are Zotero's record
    of fields (:func:`is_zotero_record`), MathSciNet's note on a thesis (:data:`MATHSCINET_THESIS`) and
    TeXMed's links (:data:`TEXMED_NOTE`, read as the DOI and PubMed links): the entry's own fields say
    the same, and its BibTeX keeps them.
    """
    note = field(entry, "note")
    if (not note or is_arxiv_venue(note) or is_zotero_record(note) or TEXMED_NOTE.fullmatch(note)
            or (KIND_OF_TYPE.get(entry.type) == "thesis" and MATHSCINET_THESIS.match(note))):
        return []
    lines = []
    for line in LINE_BREAK.split(note):
        pieces, start = [], 0
        for link in MARKDOWN_LINK.finditer(line):
            scheme = SCHEME.match(link["url"])
            if scheme is None or scheme["scheme"].lower() not in SAFE_SCHEMES:
                continue
            pieces += [(line[start : link.start()], ""), (link["text"], link["url"])]
            start = link.end()
        pieces.append((line[start:], ""))
        pieces = [(text, url) for text, url in pieces if text.strip() or url]
        if pieces:
            lines.append(pieces)
    return lines


def is_file(value: str) -> bool:
    """A value with no scheme names a file of the site's static folder."""
    return SCHEME.match(value) is None


def link_problem(name: str, value: str, site: Site) -> str:
    """Why a link field may not be used as it is, or an empty string."""
    scheme = SCHEME.match(value)
    if scheme:
        if scheme["scheme"].lower() not in SAFE_SCHEMES:
            return f"{name} '{value}': only http(s), mailto or a file in the static folder may be linked"
        return ""
    if ".." in PurePosixPath(value).parts or value.startswith(("/", "\\")):
        return f"{name} '{value}': a file must lie inside the static folder"
    if static_file(name, value, site) is None:
        folders = ", ".join(str(folder) for folder in site.static) or "none (html_static_path is empty)"
        return f"{name} '{value}' is not a URL, and no such file is in the static folder ({folders})"
    return ""


def static_file(name: str, value: str, site: Site) -> str | None:
    """The file's path under the static folder, looking where al-folio keeps such files too."""
    folder = ALFOLIO_FOLDERS.get(name, ALFOLIO_DEFAULT_FOLDER)
    for static in site.static:
        for relative in (value, f"{folder}/{value}"):
            try:
                if (static / relative).is_file():
                    return relative
            except OSError:  # a name no file can have (too long, say): no such file
                continue
    return None


def preview_file(entry: Entry, site: Site) -> str | None:
    """The paper's preview image (al-folio's ``preview``) as named from the static folder; None without one."""
    value = field(entry, "preview")
    return static_file("preview", value, site) if value else None


def file_url(name: str, value: str, site: Site) -> str:
    return published(site.baseurl, f"_static/{static_file(name, value, site) or value}")


def printable(url: str) -> str:
    """A URL as a reader of a printed page would type it: no scheme, no trailing slash."""
    parts = urlsplit(url.strip())
    return (parts.netloc + parts.path).rstrip("/") + (f"?{parts.query}" if parts.query else "")

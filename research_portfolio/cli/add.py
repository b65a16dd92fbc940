"""``python -m research_portfolio add ID...``: a paper's entry, written from its DOI or arXiv id.

The services say what the paper is (:mod:`.services`); the entry is written through the engine's
BibTeX writer, keyed in the file's own style (:mod:`.keys`), its title's acronyms and proper nouns
braced (:mod:`.titles`), and read back with the build's reader and checks before anything is
written. A paper already in the file is named with its key and line; a preprint there whose journal
version is now known is offered an update in place. Any failure writes nothing.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable
from pathlib import Path

from pybtex.database import Entry

from ..bib import entries
from ..bib.fields import SHOWN
from ..bib.pagenames import page_name
from ..escape import bibtex
from ..sphinx_ext.database import check_entry
from ..text.names import read_name
from . import keys, titles
from .bibfile import BibFile, BibFileError, Found, find, parse_answer, read_bib, read_text
from .identifiers import Identifier, NotAnIdentifier, parse
from .services import ArxivRecord, ServiceError, Services
from .siteconf import SiteConf, SiteError, read_site

#: The order fields are written in; any other field follows, in the service's order.
ORDER = ("author", "editor", "title", "journal", "booktitle", "howpublished", "school", "institution", "year", "month",
         "volume", "number", "pages", "publisher", "address", "isbn", "doi", "eprint", "archiveprefix", "primaryclass", "url")
#: Standard fields a service gives that no one types: the journal's ISSN, the service's own notes.
LEFT_OUT = frozenset({"issn", "key", "language"})
#: The fields of a preprint's arXiv id, which it keeps when it becomes its journal version.
ARXIV_FIELDS = ("eprint", "archiveprefix", "primaryclass", "eprinttype", "eprintclass")
HTML_TAG = re.compile(r"</?(?:i|b|em|strong|sub|sup|scp|span|mml:[a-z]+)\b[^>]*>", re.IGNORECASE)


Say = Callable[..., None]  # (line, failed=False)


class Failed(Exception):
    """One identifier cannot be added: one line saying which, and what happened."""


@dataclasses.dataclass
class Paper:
    """One paper as the services describe it, in the fields this file will hold."""

    kind: str
    authors: list[str]  # each as the service spells it, in BibTeX name syntax
    fields: dict[str, str]  # lower-case names

    @property
    def title(self) -> str:
        return self.fields.get("title", "")

    def entry(self) -> Entry:
        entry = Entry(self.kind, fields=dict(self.fields))
        for name in self.authors:
            entry.add_person(read_name(name), "author")
        return entry

    def ordered(self) -> list[tuple[str, str]]:
        written = {"author": " and ".join(self.authors), **self.fields} if self.authors else dict(self.fields)
        rank = {name: position for position, name in enumerate(ORDER)}
        return sorted(written.items(), key=lambda item: rank.get(item[0], len(ORDER)))


@dataclasses.dataclass
class Options:
    ids: list[str]
    bib: Path | None = None
    dry_run: bool = False
    yes: bool = False
    orcid: str | None = None  # "" asks conf.py's portfolio_person["orcid"]
    folder: Path = Path(".")


def tell(line: str, failed: bool = False) -> None:
    """What was done on standard output; what failed on standard error."""
    print(line, file=sys.stderr if failed else sys.stdout)


def run(options: Options, say: Say = tell, ask: Callable[[str], bool] | None = None) -> int:
    """Add the papers; 0 when everything asked is done or already there, 1 when anything failed (then nothing is written)."""
    try:
        site = read_site(options.folder)
        bib = read_bib(options.bib or options.folder / site.bibfiles[0], site.encoding)
    except (SiteError, BibFileError) as error:
        say(f"research_portfolio add: {error}", True)
        return 1
    services = Services(mailto=str(site.person.get("email", "")))
    adder = Adder(site, bib, services, options, say, ask)
    wanted = list(options.ids)
    if options.orcid is not None:
        try:
            wanted += adder.missing_works(options.orcid or str(site.person.get("orcid", "")))
        except Failed as error:
            say(str(error), True)
            return 1
    for typed in wanted:
        try:
            adder.add(typed)
        except Failed as error:
            adder.failures.append(str(error))
    return adder.finish()


class Adder:
    """One run: each identifier looked up, fetched and checked against the file as this run has changed it so far."""

    def __init__(self, site: SiteConf, bib: BibFile, services: Services, options: Options,
                 say: Say, ask: Callable[[str], bool] | None) -> None:
        self.site, self.bib, self.services, self.options, self.say = site, bib, services, options, say
        self.ask = ask if ask is not None else (terminal_question if sys.stdin.isatty() and not options.yes else None)
        self.current = bib  # the file as this run would leave it
        self.done: list[tuple[str, str, str]] = []  # (Added or Updated, key, title)
        self.failures: list[str] = []
        self.style = keys.infer(bib.entries.items())
        self.layout = bib.layout()

    # -- ORCID ---------------------------------------------------------------------------------

    def missing_works(self, orcid: str) -> list[str]:
        """The identifiers of the ORCID record's works that the file lacks, each listed in one line; added with --yes."""
        if not orcid:
            raise Failed("research_portfolio add --orcid: give the ORCID iD (0000-0002-1825-0097), or set "
                         "portfolio_person's 'orcid' in conf.py")
        try:
            works = self.services.orcid_works(orcid)
        except ServiceError as error:
            raise Failed(str(error)) from None
        missing = []
        for work in works:
            if find(self.bib, doi=work.doi, arxiv=work.arxiv, title=work.title):
                continue
            ident = f"doi:{work.doi}" if work.doi else f"arXiv:{work.arxiv}" if work.arxiv else ""
            self.say(f"missing: {work.year or '----'} {work.title} ({ident or 'no DOI or arXiv id: add it by hand'})")
            if ident:
                missing.append(ident)
        self.say(f"ORCID {orcid}: {len(works)} works, {len(missing)} missing from {self.bib.path.name} with an identifier"
                 + ("" if self.options.yes or not missing else "; --yes adds them"))
        return missing if self.options.yes else []

    # -- One identifier --------------------------------------------------------------------------

    def add(self, typed: str) -> None:
        try:
            ident = parse(typed)
        except NotAnIdentifier as error:
            raise Failed(str(error)) from None
        written = find(self.current, **{ident.kind: ident.value})
        record = None
        if ident.kind == "arxiv" and not (written and not is_preprint(self.current.entries[written.key])):
            record = self.fetch_arxiv(ident)  # a preprint in the file may have a journal version by now
        if written and not (record and record.journal_doi):
            self.already(ident, written)
            return
        paper = self.paper(ident, record)
        same = written or find(self.current, doi=paper.fields.get("doi", ""), title=paper.title)
        if same and is_preprint(self.current.entries[same.key]) and not is_preprint(paper.entry()):
            self.offer(ident, same, paper)
        elif same:
            self.already(ident, same)
        else:
            self.new(ident, paper)

    def already(self, ident: Identifier, found: Found) -> None:
        self.say(f"{ident} is already in {self.bib.path.name}:{found.line} as {found.key} ({found.why}); not added")

    def fetch_arxiv(self, ident: Identifier) -> ArxivRecord:
        try:
            return self.services.arxiv(ident.value)
        except ServiceError as error:
            raise Failed(str(error)) from None

    def paper(self, ident: Identifier, record: ArxivRecord | None) -> Paper:
        """What the services say of the paper: a journal's BibTeX with its arXiv id, or arXiv's record and DataCite's names."""
        try:
            if record is None:
                return from_bibtex(self.services.bibtex(ident.value), ident)
            if record.journal_doi:
                paper = from_bibtex(self.services.bibtex(record.journal_doi), Identifier("doi", record.journal_doi))
                paper.fields.update(arxiv_fields(ident.value, record.category))
                paper.fields["title"] = titles.protect(plain_title(paper.fields.get("title") or record.title), record.abstract)
                return paper
            names = from_bibtex(self.services.bibtex(f"10.48550/arXiv.{ident.value}"), ident)
        except ServiceError as error:  # a DOI asked on behalf of an arXiv id: say which id
            raise Failed(str(error) if str(error).startswith(str(ident)) else f"{ident}: {error}") from None
        fields = {"title": titles.protect(plain_title(record.title), record.abstract),
                  "year": names.fields.get("year") or record.year, **arxiv_fields(ident.value, record.category)}
        return Paper("misc", names.authors, fields)

    # -- Writing ---------------------------------------------------------------------------------

    def new(self, ident: Identifier, paper: Paper) -> None:
        owner = self.site.owner
        people = paper.entry().persons.get("author", [])
        if owner and people and not any(entries.same_person(owner, person) for person in people):
            if not self.options.yes:
                shown = ", ".join(entries.full_name(person) for person in people[:6]) + (", ..." if len(people) > 6 else "")
                raise Failed(f"{ident}: {owner.written} is not among its authors ({shown}); if one of them is you, add that "
                             "spelling to portfolio_person's 'other_names' in conf.py; --yes adds it with without_owner = {true}")
            paper.fields["without_owner"] = "true"
        key = self.key_for(paper)
        text = self.render(key, paper)
        self.current = self.checked(ident, key, self.current.appended(text), text)
        self.done.append(("Added", key, paper.title))

    def offer(self, ident: Identifier, preprint: Found, paper: Paper) -> None:
        old = self.current.entries[preprint.key]
        merged = Paper(paper.kind, paper.authors, merge(old, paper.fields))
        text = self.render(preprint.key, merged)
        doi = paper.fields.get("doi", "")
        question = (f"{ident}: {preprint.key} ({self.bib.path.name}:{preprint.line}) is its preprint, now published"
                    f"{f' as doi:{doi}' if doi else ''}. Update {preprint.key} in place, its key and arXiv id kept?")
        if self.options.yes or (self.ask is not None and not self.options.dry_run and self.ask(question)):
            self.current = self.checked(ident, preprint.key, self.current.replaced(preprint.key, text), text)
            self.done.append(("Updated", preprint.key, merged.title))
        else:
            self.say(f"{question} Run again with --yes to do it; nothing changed.")

    def key_for(self, paper: Paper) -> str:
        taken = set(self.current.entries)
        pages = {page_name(key) for key in taken}
        entry = paper.entry()
        key = keys.new_key(self.style, entry, taken)
        while page_name(key) in pages:  # another key gives the same page name: lovelace:1843 and lovelace/1843
            taken.add(key)
            key = keys.new_key(self.style, entry, taken)
        return key

    def render(self, key: str, paper: Paper) -> str:
        indent, width = self.layout
        return bibtex.entry(paper.kind, key, paper.ordered(), indent, width).replace("\n", self.bib.newline)

    def checked(self, ident: Identifier, key: str, text: str, written: str) -> BibFile:
        """The file as *text*, read and checked as the build would; the entry *key* (*written*) must pass, nothing else change."""
        candidate = read_text(self.bib, text)
        if key not in candidate.entries:
            raise Failed(f"{ident}: {self.bib.path.name} would not read the new entry: {first_problem(candidate)}")
        first = candidate.line(key)
        for problem_key, line, problem in candidate.problems:
            if problem_key == key or first <= line <= first + written.count("\n"):
                raise Failed(f"{ident}: the entry would stop the build: line {line}: {problem}")
        lost = [other for other in self.current.entries if other not in candidate.entries]
        if lost:
            raise Failed(f"{ident}: {self.bib.path.name} would no longer read {lost[0]}: {first_problem(candidate)}")
        for _, problem in check_entry(candidate.entries[key], self.site, entries.Site(), self.site.owner):
            raise Failed(f"{ident}: the entry would stop the build: {key}: {problem}")
        return candidate

    def finish(self) -> int:
        """Write the file (unless it is a dry run), and say what was done: the key, the line and the title."""
        for failure in self.failures:
            self.say(f"{failure} ({self.bib.path.name} unchanged)", True)
        if self.failures:
            return 1
        if not self.done:
            return 0
        if self.options.dry_run:
            spans = [(self.current.source.starts[key.lower()], self.current.entry_end(key)) for _, key, _ in self.done]
            self.say("\n\n".join(self.current.text[start:end] for start, end in spans))
        else:
            self.bib.path.write_bytes(self.bib.encoded(self.current.text))
        for verb, key, title in self.done:
            self.say(f"{'Would be ' + verb.lower() if self.options.dry_run else verb}: {key} at "
                     f"{self.bib.path.name}:{self.current.line(key)}: {shown_title(title)}")
        if self.options.dry_run:
            self.say(f"Dry run: {self.bib.path.name} is unchanged.")
        return 0


# -- From the services' answers to fields ----------------------------------------------------------


def from_bibtex(answer: str, ident: Identifier) -> Paper:
    """A paper from a service's BibTeX: the standard fields a person would type, the DOI as it was asked for."""
    found = parse_answer(answer)
    if not found:
        raise ServiceError(f"{ident}: the service answered malformed BibTeX: {' '.join(answer.split())[:60]!r}")
    entry = found[0]
    authors = [str(person) for person in entry.persons.get("author", [])]
    fields = {}
    for name, value in entry.fields.items():
        name = name.lower()
        if name not in SHOWN or name in LEFT_OUT or not value.strip():
            continue
        if name == "url" and (entries.resolves_doi(value, entry) or entries.ARXIV_URL.search(value)):
            continue  # the doi or eprint field links it
        fields[name] = value
    if ident.kind == "doi":
        fields["doi"] = ident.value if entries.doi(entry).lower() in ("", ident.value.lower()) else entries.doi(entry)
    if "title" in fields:
        fields["title"] = titles.protect(plain_title(fields["title"]))
    kind = entry.type.lower()
    return Paper(kind, authors, fields)


def arxiv_fields(ident: str, category: str) -> dict[str, str]:
    """The fields arXiv's own BibTeX export gives an id, which the engine reads."""
    return {"eprint": ident, "archiveprefix": "arXiv", **({"primaryclass": category} if category else {})}


def plain_title(title: str) -> str:
    """A title without the HTML some publishers put in it (``<i>``, MathML) and Crossref's ``{\\&}amp;``, on one line."""
    return " ".join(HTML_TAG.sub("", title).replace("{\\&}amp;", "\\&").replace("&amp;", "\\&").split())


def merge(preprint: Entry, journal: dict[str, str]) -> dict[str, str]:
    """The journal version's fields, with what the preprint's entry says of its own: its arXiv id, themes, summary, ..."""
    merged = dict(journal)
    if entries.fold(entries.field(preprint, "title")) == entries.fold(journal.get("title", "")):
        merged["title"] = entries.field(preprint, "title")  # the same words: the braces its author chose stay
    for name, value in preprint.fields.items():
        name = name.lower()
        own = name not in SHOWN or name in ARXIV_FIELDS
        kept_note = name == "note" and not entries.is_arxiv_venue(value)
        kept_url = name == "url" and not entries.ARXIV_URL.search(value) and not entries.resolves_doi(value, preprint)
        if (own or kept_note or kept_url) and name not in merged:
            merged[name] = value
    return merged


def is_preprint(entry: Entry) -> bool:
    return entries.venue_kind(entry) == "preprint"


def first_problem(bib: BibFile) -> str:
    if not bib.problems:
        return "it has a syntax error before its end"
    key, line, problem = bib.problems[0]
    return f"line {line}: {problem}"


def shown_title(title: str) -> str:
    return " ".join(title.replace("{", "").replace("}", "").split())


def terminal_question(question: str) -> bool:
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False

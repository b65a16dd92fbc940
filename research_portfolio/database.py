"""The publication database: read the .bib files once per build, check every entry, expose our own fields.

The files are parsed here, before sphinxcontrib-bibtex looks at them, and the parsed data is handed
to its ``cite`` domain, so each build parses once. Parsing collects every pybtex error instead of
stopping at the first (pybtex would otherwise raise a traceback on a syntax error, or silently drop
the entries after a duplicate key); each problem becomes a warning that names the file, the line and
the key, so ``-W`` stops the build with a message the author can act on.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pybtex.errors
from pybtex.database import BibliographyDataError, Entry, Person
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.typing import ExtensionMetadata
from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime
from sphinxcontrib.bibtex.domain import BibtexDomain

from . import entries
from .cache import code_key
from .compat import give_bibtex_its_data
from .defaults import STATIC
from .domain import portfolio_domain
from .entries import Site
from .fields import HIDDEN, LINK_FIELDS
from .sources import undecodable

logger = logging.getLogger(__name__)

REQUIRED_FIELDS = {
    "article": ("title", "journal", "year"),
    "inproceedings": ("title", "booktitle", "year"),
}
DEFAULT_REQUIRED_FIELDS = ("title", "year")

ARXIV_ID = re.compile(r"^(?:(?P<yymm>\d{2}(?:0[1-9]|1[0-2]))\.(?P<number>\d{4,5})|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
YEAR = re.compile(r"^\d{4}$")
#: An entry's first line; the key may stand on the next line, as in OpenReview's exports.
ENTRY_START = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(]\s*([^,\s]+)[ \t]*,", re.MULTILINE)


@dataclasses.dataclass
class Catalogue:
    """The checked entries of the database, in file order."""

    entries: dict[str, Entry]
    site: Site = dataclasses.field(default_factory=Site)

    def papers(self, theme: str | None = None, selected: bool = False) -> list[Entry]:
        """The entries of one theme, or the selected ones, or all: newest first, in file order within a year."""
        chosen = [
            entry
            for entry in self.entries.values()
            if (theme is None or theme in entries.themes(entry)) and (not selected or entries.is_selected(entry))
        ]
        return sorted(chosen, key=entries.year, reverse=True)


def standard_bibtex(entry: Entry) -> str:
    """The entry as BibTeX without our own or al-folio's fields: what a visitor pastes into their .bib file.

    Values are written as they were read, in braces: pybtex's own writer would escape the LaTeX
    in them a second time.
    """
    lines = [f"@{entry.type}{{{entry.key},"]
    for role, persons in entry.persons.items():
        lines.append(f"  {role} = {{{' and '.join(str(person) for person in persons)}}},")
    for name, value in entry.fields.items():
        if name.lower() not in HIDDEN:
            lines.append(f"  {name} = {{{value}}},")
    return "\n".join([*lines, "}"])


def site_of(app: Sphinx) -> entries.Site:
    """What reading entries needs to know of the site, from conf.py."""
    config = app.config
    # The site's static folders, not the package's own (its style sheets are no paper's files).
    static = tuple(folder for folder in ((Path(app.confdir) / name).resolve() for name in config.html_static_path)
                   if folder != STATIC.resolve())
    return entries.Site(baseurl=config.html_baseurl, static=static,
                        conference_words=entries.CONFERENCE_WORDS + tuple(config.portfolio_conference_venues))


def catalogue(env: BuildEnvironment) -> Catalogue:
    return portfolio_domain(env).data["catalogue"]


def note_dependency(env: BuildEnvironment) -> None:
    """Mark the page being read as made from the .bib files: editing them re-reads it."""
    for bibfile in cast(BibtexDomain, env.get_domain("cite")).bibdata.bibfiles:
        env.note_dependency(bibfile)


def load(app: Sphinx) -> None:
    """Parse and check every .bib file; give the result to sphinxcontrib-bibtex and to our directives.

    A build whose .bib files and settings are those the saved environment was checked against takes
    the checked catalogue from it, as it is (a build that warned saved none: see rebuild.py).
    """
    domain = portfolio_domain(app.env)
    site = site_of(app)
    key = catalogue_key(app, site)
    if domain.data.get("catalogue_key") == key and "catalogue" in domain.data:
        return
    _load(app, site)
    domain.data["catalogue_key"] = key


def catalogue_key(app: Sphinx, site: Site) -> str:
    """A digest of everything the checked catalogue depends on: the files, the settings, the code."""
    config = app.config
    digest = hashlib.sha256(code_key().encode())
    for name in config.bibtex_bibfiles:
        path = Path(app.confdir) / name
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    settings = [config.bibtex_encoding, sorted(config.portfolio_themes), list(config.portfolio_highlights),
                config.portfolio_person.get("name"), list(config.portfolio_conference_venues), config.html_baseurl,
                sorted(str(path) for folder in site.static if folder.is_dir() for path in folder.rglob("*"))]
    digest.update(repr(settings).encode())
    return digest.hexdigest()


def _load(app: Sphinx, site: Site) -> None:
    encoding = app.config.bibtex_encoding
    parser = Parser(encoding)
    bibfiles: dict[Path, BibFile] = {}
    checked: dict[str, Entry] = {}
    for name in app.config.bibtex_bibfiles:
        path = (Path(app.confdir) / name).resolve()
        before = set(parser.data.entries)
        source = Source(path)
        for key, line, problem in _read(parser, source, encoding):
            _warn(f"{path}:{line}" if line else str(path), f"{key}: {problem}" if key else problem)
        new_keys = [key for key in parser.data.entries if key not in before]
        for key in new_keys:
            entry = parser.data.entries[key]
            _normalize(entry)
            problems = list(_check(entry, app, site))
            for field, problem in problems:
                _warn(f"{path}:{source.line(key, field)}", f"{key}: {problem}")
            if not problems:
                checked[key] = entry
        bibfiles[path] = BibFile(mtime=get_mtime(path), keys=dict.fromkeys(new_keys))
    give_bibtex_its_data(app.env, BibData(encoding, bibfiles, parser.data))
    portfolio_domain(app.env).data["catalogue"] = Catalogue(checked, site)


@dataclasses.dataclass
class Source:
    """A .bib file's text and where each entry starts, to name the line of a problem."""

    path: Path
    text: str = ""
    starts: dict[str, int] = dataclasses.field(default_factory=dict)  # key -> offset of its "@"

    def line(self, key: str, field: str | None = None) -> int:
        """The line of *field* in the entry *key*, or of the entry's first line."""
        start = self.starts.get(key, 0)
        offset = start
        if field is not None:
            following = ENTRY_START.search(self.text, start + 1)
            span = self.text[start : following.start() if following else len(self.text)]
            found = re.search(rf"^[ \t]*{re.escape(field)}[ \t]*=", span, re.MULTILINE | re.IGNORECASE)
            offset = start + found.start() if found else start
        return self.text.count("\n", 0, offset) + 1


def _normalize(entry: Entry) -> None:
    """Read what real-world exports write the way a reader means it: a DOI without its resolver's address."""
    if "doi" in entry.fields:
        entry.fields["doi"] = entries.doi(entry)


def _read(parser: Parser, source: Source, encoding: str) -> Iterator[tuple[str, int, str]]:
    """Parse one file into *parser* and note its text and where each entry starts in *source*.

    Yields (key, line, problem) for everything that went wrong; key is empty when the problem
    belongs to no entry, line is 0 when it belongs to no line.
    """
    try:
        raw = source.path.read_bytes()
    except OSError as error:
        yield "", 0, f"cannot read the bibliography: {error.strerror}"
        return
    problem = undecodable(raw, encoding)
    if problem:
        line, byte = problem
        yield "", line, f"not valid {encoding} text (byte {byte:#x}); save the file as UTF-8"
    text = source.text = raw.decode(encoding, errors="replace")  # read on, so one bad byte does not hide every entry
    for match in ENTRY_START.finditer(text):
        if match.group(1).lower() in ("comment", "preamble", "string"):
            continue
        key, line = match.group(2), text.count("\n", 0, match.start()) + 1
        if key in source.starts:
            yield key, line, f"duplicate key; the first entry with this key is on line {source.line(key)}"
        else:
            source.starts[key] = match.start()
    with pybtex.errors.capture() as captured:
        parser.parse_string(text)
    for problem in captured:
        if isinstance(problem, PybtexSyntaxError):
            hint = "; is a comma missing at the end of the line before, or a brace unbalanced?"
            yield "", problem.lineno or 0, f"BibTeX syntax error: {problem.args[0]}{hint}"
        elif not (isinstance(problem, BibliographyDataError) and "repeated bibliography entry" in str(problem)):
            yield "", 0, f"BibTeX error: {problem}"  # repeated entries are reported above, with both lines
    for key in source.starts:
        if key not in parser.data.entries:
            yield key, source.line(key), "entry was not read, because of the syntax error before it"


def is_arxiv_id(text: str) -> bool:
    """New-style ids have four digits after the dot until December 2014 and five since (arXiv's rule)."""
    match = ARXIV_ID.match(text)
    if match is None or match["yymm"] is None:
        return match is not None
    return len(match["number"]) == (5 if match["yymm"] >= "1501" else 4)


def _check(entry: Entry, app: Sphinx, site: entries.Site) -> Iterator[tuple[str | None, str]]:
    """What is wrong with one entry, in words its author understands, with the field it is in."""
    if not entries.people(entry):
        yield None, "missing field 'author' (or 'editor', for a book)"
    for field in REQUIRED_FIELDS.get(entry.type, DEFAULT_REQUIRED_FIELDS):
        if not entries.field(entry, field):
            yield None, f"missing field '{field}' (required for @{entry.type})"
    if entries.year(entry) and not YEAR.match(entries.year(entry)) and not entries.status(entry):
        yield "year", f"year '{entries.year(entry)}' is not a four-digit year, nor one of {', '.join(entries.STATUSES)}"
    for field in ("eprint", "arxiv"):
        if field == "eprint" and entries.field(entry, "archiveprefix").lower() not in ("", "arxiv"):
            continue
        if entries.field(entry, field) and not is_arxiv_id(entries.field(entry, field)):
            yield field, f"{field} '{entries.field(entry, field)}' is not an arXiv id such as 2210.01117"
    if entries.doi(entry) and not DOI.match(entries.doi(entry)):
        yield "doi", f"doi '{entries.field(entry, 'doi')}' is not a DOI such as 10.1103/PhysRevLett.126.180604"
    for field in ("url", *(link.name for link in LINK_FIELDS)):
        value = entries.field(entry, field)
        problem = value and (entries.link_problem(field, value, site) if field != "url" or ":" in value
                             else f"url '{value}' is not a URL")
        if problem:
            yield field, problem
    yield from _check_settings(entry, app)
    yield from _check_people(entry, app)


def _check_settings(entry: Entry, app: Sphinx) -> Iterator[tuple[str | None, str]]:
    """Our own fields, against the themes and highlights conf.py declares."""
    known_themes = app.config.portfolio_themes
    for theme in entries.themes(entry):
        if theme not in known_themes:
            yield "themes", f"unknown theme '{theme}' (known: {', '.join(known_themes) or 'none declared in conf.py'})"
    known_highlights = app.config.portfolio_highlights
    highlight = entries.field(entry, "highlight")
    if highlight and highlight not in known_highlights:
        yield "highlight", f"unknown highlight '{highlight}' (known: {', '.join(known_highlights)})"
    for field in ("selected", "without_owner"):
        if entries.field(entry, field).lower() not in ("", "true", "false", "yes", "no"):
            yield field, f"{field} '{entries.field(entry, field)}' must be true or false"


def _check_people(entry: Entry, app: Sphinx) -> Iterator[tuple[str | None, str]]:
    """The owner among the authors (or editors), and equal contributors among the authors."""
    people = entries.people(entry)
    for person in entries.equal_contributors(entry):
        if not any(entries.same_person(person, author) for author in people):
            yield "equalcontrib", f"equalcontrib names '{person}', who is not among the authors"
    if not app.config.portfolio_person.get("name"):
        return  # conf.py names no owner, and its check already said so
    owner = Person(app.config.portfolio_person["name"])
    if entries.field(entry, "without_owner").lower() in ("true", "yes") or not people:
        return
    if not any(entries.same_person(owner, person) for person in people):
        role = "author" if entry.persons.get("author") else "editor"
        yield role, f"{app.config.portfolio_person.get('name')} is not among the {role}s{closest_name(owner, people)}; " \
            "a paper listed on purpose without the owner takes 'without_owner = {true}'"


def closest_name(owner: Person, people: list[Person]) -> str:
    """A hint naming the author who is most likely the owner written wrongly, or an empty string."""
    wanted = sorted(entries.fold(part) for part in owner.first_names + owner.last_names)
    for person in people:
        if sorted(entries.fold(part) for part in person.first_names + person.last_names) == wanted:
            return (f" (did you mean `{owner}`? `{entries.full_name(person)}` reads as first name {' '.join(person.first_names)}, "
                    f"last name {' '.join(person.last_names)}; write `Last, First`)")
    names = {entries.fold(entries.full_name(person)): person for person in people}
    found = difflib.get_close_matches(entries.fold(entries.full_name(owner)), names, n=1, cutoff=0.75)
    return f" (did you mean `{owner}` for `{entries.full_name(names[found[0]])}`?)" if found else ""


def _warn(location: str, message: str) -> None:
    logger.warning(message, location=location, type="portfolio", subtype="bibtex")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinxcontrib.bibtex")
    # Before sphinxcontrib-bibtex's own builder-inited handler (priority 500), which then finds its data current.
    app.connect("builder-inited", load, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

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
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from pybtex.database import Entry, Person
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.typing import ExtensionMetadata

from ..bib import entries
from ..bib.bibsource import Parser, Source, read
from ..bib.crossrefs import volumes
from ..bib.entries import Site
from ..bib.fields import ISSNS, LINK_FIELDS, SHOWN
from ..bib.normalize import normalize
from ..bib.pagenames import page_name
from ..compat import give_bibtex_its_data
from ..config.defaults import STATIC
from ..config.settings import setting_line
from ..render.names import person_name
from ..text.names import name_problem
from .cache import config_key
from .domain import portfolio_domain

logger = logging.getLogger(__name__)

#: What an entry cannot be listed without. An @article without a journal is a manuscript, and work
#: without a year is listed under its own heading (entries.status): neither is a fault.
REQUIRED_FIELDS = {
    "inproceedings": ("title", "booktitle"),
}
DEFAULT_REQUIRED_FIELDS = ("title",)

ARXIV_ID = re.compile(r"^(?:(?P<yymm>\d{2}(?:0[1-9]|1[0-2]))\.(?P<number>\d{4,5})|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
YEAR = re.compile(r"^[0-9]{4}$")  # ASCII digits: "２０２３" is no year to BibTeX
#: A value that is a DOI, with or without its "doi:" or resolver; it belongs in the doi field.
DOI_SHAPED = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+$", re.IGNORECASE)
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december")


@dataclasses.dataclass
class Catalogue:
    """The checked entries of the database, in file order."""

    entries: dict[str, Entry]
    site: Site = dataclasses.field(default_factory=Site)
    digests: dict[str, str] | None = None  # each entry's digest, once asked for (dependencies.entry_digests)

    def papers(self, theme: str | None = None, selected: bool = False) -> list[Entry]:
        """The entries of one theme, or the selected ones, or all: newest first, in file order within a year."""
        chosen = [
            entry
            for entry in self.entries.values()
            if (theme is None or theme in entries.themes(entry)) and (not selected or entries.is_selected(entry))
        ]
        return sorted(chosen, key=entries.year, reverse=True)


def standard_bibtex(entry: Entry) -> str:
    """The entry as a reference manager reads it: the standard BibTeX and biblatex fields only (fields.SHOWN).

    What a crossref gave the entry is written in it, so the record stands alone. Values are written
    as they were read, in braces: pybtex's own writer would escape the LaTeX in them a second time.
    """
    lines = [f"@{entry.type}{{{entry.key},"]
    for role, persons in entry.persons.items():
        lines.append(f"  {role} = {{{' and '.join(str(person) for person in persons)}}},")
    for name, value in entry.fields.items():
        if name.lower() in SHOWN and not (name.lower() == "isbn" and ISSNS.match(value)):  # Mendeley's ISSN as an ISBN
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
    """A digest of everything the checked catalogue depends on: the files, the whole configuration, the code.

    The site's static files are in it too: a paper's file there is checked, and linked, only when it exists.
    """
    digest = hashlib.sha256(config_key(app.config).encode())
    digest.update(repr(sorted(str(path) for folder in site.static if folder.is_dir() for path in folder.rglob("*"))).encode())
    for name in app.config.bibtex_bibfiles:
        path = Path(app.confdir) / name
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    return digest.hexdigest()


def _load(app: Sphinx, site: Site) -> None:
    parser = Parser(app.config.bibtex_encoding)
    bibfiles, sources = _read_files(app, parser)
    data = parser.data
    for key, written, problem in normalize(data):
        _warn(_location(sources, data.entries, key, written), f"{key}: {problem}")
    give_bibtex_its_data(app.env, app.config.bibtex_encoding, bibfiles, data)
    checked: dict[str, Entry] = {}
    crossref_targets = volumes(data.entries)
    owner = entries.owner(app.config.portfolio_person)
    for key, entry in data.entries.items():
        if key.lower() in crossref_targets and not (owner and any(entries.same_person(owner, one) for one in entries.people(entry))):
            continue  # a volume the owner's papers appear in, not a paper of theirs
        for field, message in list(check_entry(entry, app.config, site, owner)):
            _warn(_location(sources, data.entries, key, field), f"{key}: {message}")
            if field is not None and field.lower() not in ("author", "editor") and field in entry.fields:
                del entry.fields[field]  # a problem in one field costs that field, not the entry
        checked[key] = entry
    _check_page_names(checked, sources)
    portfolio_domain(app.env).data["catalogue"] = Catalogue(checked, site)


def _read_files(app: Sphinx, parser: Parser) -> tuple[dict[Path, list[str]], dict[str, Source]]:
    """Parse every .bib file into *parser*; report what went wrong; the keys of each file; which file holds each key (in lower case)."""
    bibfiles: dict[Path, list[str]] = {}
    sources: dict[str, Source] = {}
    for name in app.config.bibtex_bibfiles:
        path = (Path(app.confdir) / name).resolve()
        before = set(parser.data.entries)
        source = Source(path)
        for key, line, problem in read(parser, source, app.config.bibtex_encoding):
            if not line:  # the file itself: conf.py names it
                _warn(_setting_location(app, "bibtex_bibfiles"), f"bibtex_bibfiles: {problem}")
            else:
                _warn(f"{path}:{line}", f"{key}: {problem}" if key else problem)
        for key in source.keys():
            if key.lower() in sources:
                other = sources[key.lower()]
                _warn(f"{path}:{source.line(key)}", f"{key}: duplicate key; the first entry with this key is at "
                                                    f"{other.path}:{other.line(key)}")
        new_keys = [key for key in parser.data.entries if key not in before]
        sources.update((key.lower(), source) for key in new_keys)
        bibfiles[path] = new_keys
    return bibfiles, sources


def _setting_location(app: Sphinx, name: str) -> str | None:
    """``conf.py:LINE`` where *name* is set; None when conf.py does not set it (``-D``): Sphinx would read a bare path as a page."""
    found = setting_line(app.confdir, name)
    return found if re.search(r":[0-9]+$", found) else None


def _location(sources: dict[str, Source], bibliography: dict[str, Entry], key: str, field: str | None) -> str:
    """``path:line`` of *field* in the entry *key*, or in the volume it took the field from by crossref."""
    source = sources[key.lower()]
    parent = bibliography[key].fields.get("crossref", "").strip().lower()
    if field is not None and not source.writes(key, field) and parent in sources and sources[parent].writes(parent, field):
        return f"{sources[parent].path}:{sources[parent].line(parent, field)}"
    return f"{source.path}:{source.line(key, field)}"


def _check_page_names(checked: dict[str, Entry], sources: dict[str, Source]) -> None:
    """Two keys that differ only in what a file name leaves out (``lovelace:1845``, ``lovelace/1845``) would share a page."""
    named: dict[str, str] = {}
    for key in checked:
        page = page_name(key)
        if page in named:
            first = named[page]
            _warn(f"{sources[key.lower()].path}:{sources[key.lower()].line(key)}",
                  f"{key}: its page would be {page}, the page of `{first}` "
                  f"({sources[first.lower()].path.name}:{sources[first.lower()].line(first)}); rename one of the two keys")
        else:
            named[page] = key


def is_arxiv_id(text: str) -> bool:
    """New-style ids have four digits after the dot until December 2014 and five since (arXiv's rule)."""
    match = ARXIV_ID.match(text)
    if match is None or match["yymm"] is None:
        return match is not None
    return len(match["number"]) == (5 if match["yymm"] >= "1501" else 4)


def check_entry(entry: Entry, config: Any, site: entries.Site, owner: entries.Owner | None) -> Iterator[tuple[str | None, str]]:
    """What is wrong with one entry, in words its author understands, with the field it is in.

    *config* gives ``portfolio_themes`` and ``portfolio_highlights``: Sphinx's, or what ``add`` read of conf.py.
    """
    if not entries.people(entry):
        yield None, "missing field 'author' (or 'editor', for a book): add author = {Last, First and Last, First}"
    for field in REQUIRED_FIELDS.get(entry.type, DEFAULT_REQUIRED_FIELDS):
        if not entries.field(entry, field):
            yield None, f"missing field '{field}' (required for @{entry.type}): add {field} = {{...}} to the entry"
    if entries.year(entry) and not YEAR.match(entries.year(entry)) and not entries.status(entry):
        yield "year", f"year '{entries.year(entry)}' is not a four-digit year, nor one of {', '.join(entries.STATUSES)}"
    for field in ("eprint", "arxiv"):
        server = entries.field(entry, "archiveprefix") or entries.field(entry, "eprinttype")
        if field == "eprint" and server.lower() not in ("", "arxiv"):
            continue  # an e-print of another server (HAL, bioRxiv...): entries.links reads it
        if entries.field(entry, field) and not is_arxiv_id(entries.field(entry, field)):
            yield field, f"{field} '{entries.field(entry, field)}' is not an arXiv id such as 2101.00001"
    if entries.doi(entry) and not DOI.match(entries.doi(entry)):
        yield "doi", f"doi '{entries.field(entry, 'doi')}' is not a DOI such as 10.1000/182"
    for field in ("url", *(link.name for link in LINK_FIELDS)):
        for value in entries.urls(entry) if field == "url" else [entries.field(entry, field)]:
            problem = value and (entries.link_problem(field, value, site) if field != "url" or ":" in value
                                 else f"url '{value}' is not a URL")
            if problem or value:
                problem = problem or address_problem(field, value)
            if problem:
                yield field, problem
                break
    yield from _check_values(entry)
    yield from _check_settings(entry, config)
    yield from _check_people(entry, owner)


def address_problem(field: str, value: str) -> str:
    """Why a web or mail address is not one address, or an empty string (the scheme is checked before)."""
    if entries.is_file(value):
        return ""
    if re.search(r"\s", value):
        return f"{field} '{value}' holds more than one address, or a space; keep one address (spaces are written %20)"
    parts = urlsplit(value)
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        return f"{field} '{value}' is not a web address: it needs // after the scheme, like https://example.org/paper"
    if parts.scheme.lower() == "mailto" and "@" not in parts.path:
        return f"{field} '{value}' is not a mail address like mailto:ada@example.org"
    return ""


#: An odd number of backslashes at the end: LaTeX's escape with nothing after it, which no decoder reads.
TRAILING_BACKSLASH = re.compile(r"(?<!\\)(?:\\\\)*\\\s*$")


def _check_values(entry: Entry) -> Iterator[tuple[str | None, str]]:
    """Values in the wrong field: a DOI outside doi, a month that is no month, an image path that leaves the static folder."""
    for field, value in entry.fields.items():  # the standard fields a reference prints: a tool's own keep what they like
        if field.lower() in SHOWN and field.lower() not in ("doi", "url") and DOI_SHAPED.match(value.strip()):
            yield field, f"{field} '{value}' is a DOI: it belongs in the doi field (doi = {{{entries.DOI_PREFIX.sub('', value.strip())}}})"
        if TRAILING_BACKSLASH.search(value):
            yield field, f"{field} '{value}' ends with a backslash, which escapes nothing: remove it, or write {{\\textbackslash}}"
    month = entries.field(entry, "month")
    if month and not is_month(month) and not DOI_SHAPED.match(month):
        yield "month", f"month '{month}' is not a month: write jan to dec (without braces), a number from 1 to 12, or a name like May"
    preview = entries.field(entry, "preview")  # an address on another host is not shown: the site loads nothing from one
    if preview and entries.is_file(preview) and (".." in PurePosixPath(preview.replace("\\", "/")).parts
                                                 or preview.startswith(("/", "\\"))):
        yield "preview", f"preview '{preview}': a preview is an image in the static folder, named from there like img/paper.png"


def is_month(text: str) -> bool:
    """A month as BibTeX styles and biblatex read it: "May", "jun", "Sept.", "6", "12 June", "Jan--Feb"."""
    words = [word for word in re.split(r"[\s,./~-]+", text.lower()) if word]
    if len(words) == 1 and words[0].isascii() and words[0].isdigit():
        return 1 <= int(words[0]) <= 12
    named = [word for word in words if len(word) >= 3 and any(month.startswith(word) for month in MONTHS)]
    return bool(named) and all(word in named or (word.isascii() and word.isdigit() and 1 <= int(word) <= 31) for word in words)


def _check_settings(entry: Entry, config: Any) -> Iterator[tuple[str | None, str]]:
    """Our own fields, against the themes and highlights conf.py declares."""
    known_themes = config.portfolio_themes
    for theme in entries.themes(entry):
        if theme not in known_themes:
            yield "themes", f"unknown theme '{theme}' (known: {', '.join(known_themes) or 'none declared in conf.py'})"
    known_highlights = config.portfolio_highlights
    highlight = entries.field(entry, "highlight")
    if highlight and highlight not in known_highlights:
        yield "highlight", f"unknown highlight '{highlight}' (known: {', '.join(known_highlights)})"
    for field in ("selected", "without_owner"):
        if entries.field(entry, field).lower() not in ("", "true", "false", "yes", "no"):
            yield field, f"{field} '{entries.field(entry, field)}' must be true or false"


def _check_people(entry: Entry, owner: entries.Owner | None) -> Iterator[tuple[str | None, str]]:
    """The owner among the authors, editors or translators, and equal contributors among the authors."""
    people = entries.people(entry)
    for name in re.split(r"\s+and\s+", entries.field(entry, "equalcontrib")):
        if name_problem(name):
            yield "equalcontrib", f"equalcontrib '{name}': {name_problem(name)}; separate names with 'and'"
    for person in entries.equal_contributors(entry):
        if not any(entries.same_person(person, author) for author in people):
            yield "equalcontrib", f"equalcontrib names '{person_name(person)}', who is not among the authors"
    if owner is None:
        return  # conf.py names no owner, and its check already said so
    if entries.field(entry, "without_owner").lower() in ("true", "yes") or not people:
        return
    cut_short = entries.is_others(people[-1])
    if any(entries.is_group(person) for person in people) or (cut_short and entries.field(entry, "collaboration")):
        return  # a collective author ({Open Science Collaboration}), a collaboration's list cut short: the owner may be in it
    if not any(entries.same_person(owner, person) for person in entries.contributors(entry)):
        role = "author" if entry.persons.get("author") else "editor"
        named = [person for person in people if not entries.is_others(person)]
        listed = f" ({', '.join(person_name(person) for person in named[:4])}{', ...' if len(named) > 4 else ''})"
        advice = closest_name(owner, people) or (
            f"{listed}, and the list is cut short ('and others', 'et al.'): write the {role}s up to you (or all of them, "
            "as the publisher lists them) into the entry, so that the site can name you" if cut_short else
            f"{listed}; if one of them is you, add that spelling to portfolio_person's 'other_names' in conf.py; "
            "a paper listed on purpose without the owner takes 'without_owner = {true}'")
        yield role, f"{owner.written} is not among the {role}s{advice}"


def closest_name(owner: entries.Owner, people: list[Person]) -> str:
    """A hint naming the author who is most likely the owner spelled another way, or an empty string.

    The hint never suggests ``without_owner``: the owner is there, under a name the check does not read as theirs.
    """
    name = owner.spellings[0]
    for spelling in owner.spellings:
        wanted = sorted(entries.fold(part) for part in spelling.first_names + spelling.middle_names + spelling.last_names)
        for person in people:
            if sorted(entries.fold(part) for part in person.first_names + person.middle_names + person.last_names) == wanted:
                return (f" (did you mean `{spelling}`? `{person_name(person)}` reads as first name "
                        f"{' '.join(person.first_names + person.middle_names)}, last name {' '.join(person.last_names)}; "
                        "write `Last, First`)")
    found = _nearest(owner, people)
    if found is None:
        return ""
    return (f" (did you mean `{name}` for `{found}`? correct the name, or, if this .bib spells you `{found}`, add that "
            "spelling to portfolio_person's 'other_names' in conf.py)")


def _nearest(owner: entries.Owner, people: list[Person]) -> Person | None:
    """The author whose name is nearest the owner's: the same surname, or a name at most a few letters away."""
    surnames = {entries.surname(spelling) for spelling in owner.spellings}
    for person in people:
        if entries.surname(person) in surnames:
            return person
    names = {entries.fold(entries.full_name(person)): person for person in people if not entries.is_others(person)}
    for spelling in owner.spellings:
        found = difflib.get_close_matches(entries.fold(entries.full_name(spelling)), names, n=1, cutoff=0.75)
        if found:
            return names[found[0]]
    return None


def _warn(location: str | None, message: str) -> None:
    logger.warning(message, location=location, type="portfolio", subtype="bibtex")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinxcontrib.bibtex")
    # Before sphinxcontrib-bibtex's own builder-inited handler (priority 500), which then finds its data current.
    app.connect("builder-inited", load, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The publication database: read the .bib files once per build, check every entry, expose our own fields.

The files are parsed here, before sphinxcontrib-bibtex looks at them, and the parsed data is handed
to its ``cite`` domain, so each build parses once. Parsing collects every pybtex error instead of
stopping at the first (pybtex would otherwise raise a traceback on a syntax error, or silently drop
the entries after a duplicate key); each problem becomes a warning that names the file, the line and
the key, so ``-W`` stops the build with a message the author can act on.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pybtex.errors
from pybtex.database import BibliographyDataError, Entry, Person
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime

from .sources import undecodable

logger = logging.getLogger(__name__)

#: Fields of ours, which BibTeX has no standard for; the BibTeX shown to visitors leaves them out.
OWN_FIELDS = ("themes", "highlight", "equalcontrib", "selected", "openreview", "code")

REQUIRED_FIELDS = {
    "article": ("title", "journal", "year"),
    "inproceedings": ("title", "booktitle", "year"),
}
DEFAULT_REQUIRED_FIELDS = ("title", "year")

ARXIV_ID = re.compile(r"^(?:(?P<yymm>\d{2}(?:0[1-9]|1[0-2]))\.(?P<number>\d{4,5})|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
YEAR = re.compile(r"^\d{4}$")
URL = re.compile(r"^https?://\S+$")
ENTRY_START = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s]+)[ \t]*,", re.MULTILINE)


@dataclasses.dataclass
class Catalogue:
    """The checked entries of the database, in file order."""

    entries: dict[str, Entry]

    def papers(self, theme: str | None = None, selected: bool = False) -> list[Entry]:
        """The entries of one theme, or the selected ones, or all: newest first, in file order within a year."""
        chosen = [
            entry
            for entry in self.entries.values()
            if (theme is None or theme in themes(entry)) and (not selected or is_selected(entry))
        ]
        return sorted(chosen, key=lambda entry: year(entry), reverse=True)


def themes(entry: Entry) -> list[str]:
    return [theme.strip() for theme in entry.fields.get("themes", "").split(",") if theme.strip()]


def highlight(entry: Entry) -> str:
    return entry.fields.get("highlight", "").strip()


def is_selected(entry: Entry) -> bool:
    return entry.fields.get("selected", "").strip().lower() == "true"


def equal_contributors(entry: Entry) -> list[Person]:
    value = entry.fields.get("equalcontrib", "")
    return [Person(name) for name in re.split(r"\s+and\s+", value.strip())] if value.strip() else []


def full_name(person: Person) -> str:
    """A name as it is read aloud: "Eric J. Michaud", "Peter Van Katwyk"."""
    return " ".join(person.first_names + person.middle_names + person.prelast_names + person.last_names)


def same_person(one: Person, other: Person) -> bool:
    """Whether two names denote the same person, ignoring middle names, initials and accents."""
    return name_key(one) == name_key(other)


def name_key(person: Person) -> tuple[str, str]:
    first = person.first_names[0] if person.first_names else ""
    last = " ".join(person.prelast_names + person.last_names)
    return (_fold(first), _fold(last))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("{", "").replace("}", ""))
    return "".join(char for char in text if char.isalnum()).lower()


def venue_kind(entry: Entry) -> str:
    """journal, conference, workshop or preprint: what kind of venue the entry appeared in."""
    if entry.type == "article":
        return "journal"
    if entry.type == "inproceedings":
        return "workshop" if "workshop" in entry.fields.get("booktitle", "").lower() else "conference"
    return "preprint"


def year(entry: Entry) -> str:
    return entry.fields.get("year", "").strip()


def standard_bibtex(entry: Entry) -> str:
    """The entry as BibTeX without our own fields: what a visitor pastes into their .bib file.

    Values are written as they were read, in braces: pybtex's own writer would escape the LaTeX
    in them a second time.
    """
    lines = [f"@{entry.type}{{{entry.key},"]
    for role, persons in entry.persons.items():
        lines.append(f"  {role} = {{{' and '.join(str(person) for person in persons)}}},")
    for name, value in entry.fields.items():
        if name.lower() not in OWN_FIELDS:
            lines.append(f"  {name} = {{{value}}},")
    return "\n".join([*lines, "}"])


def catalogue(env: BuildEnvironment) -> Catalogue:
    return env.portfolio_catalogue  # type: ignore[attr-defined]


def note_dependency(env: BuildEnvironment) -> None:
    """Mark the page being read as made from the .bib files: editing them re-reads it."""
    for bibfile in env.get_domain("cite").bibdata.bibfiles:
        env.note_dependency(bibfile)


def load(app: Sphinx) -> None:
    """Parse and check every .bib file; give the result to sphinxcontrib-bibtex and to our directives."""
    encoding = app.config.bibtex_encoding
    parser = Parser(encoding)
    bibfiles: dict[Path, BibFile] = {}
    entries: dict[str, Entry] = {}
    for name in app.config.bibtex_bibfiles:
        path = (Path(app.confdir) / name).resolve()
        before = set(parser.data.entries)
        starts: dict[str, int] = {}
        for key, line, problem in _read(parser, path, encoding, starts):
            _warn(f"{path}:{line}" if line else str(path), f"{key}: {problem}" if key else problem)
        new_keys = [key for key in parser.data.entries if key not in before]
        for key in new_keys:
            entry = parser.data.entries[key]
            location = f"{path}:{starts.get(key, 1)}"
            problems = list(_check(entry, app))
            for problem in problems:
                _warn(location, f"{key}: {problem}")
            if not problems:
                entries[key] = entry
        bibfiles[path] = BibFile(mtime=get_mtime(path), keys=dict.fromkeys(new_keys))
    app.env.get_domain("cite").data["bibdata"] = BibData(encoding, bibfiles, parser.data)
    app.env.portfolio_catalogue = Catalogue(entries)  # type: ignore[attr-defined]


def _read(parser: Parser, path: Path, encoding: str, starts: dict[str, int]) -> Iterator[tuple[str, int, str]]:
    """Parse one file into *parser* and note where each entry starts in *starts*.

    Yields (key, line, problem) for everything that went wrong; key is empty when the problem
    belongs to no entry, line is 0 when it belongs to no line.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        yield "", 0, f"cannot read the bibliography: {error.strerror}"
        return
    problem = undecodable(raw, encoding)
    if problem:
        line, byte = problem
        yield "", line, f"not valid {encoding} text (byte {byte:#x}); save the file as UTF-8"
    text = raw.decode(encoding, errors="replace")  # read on, so one bad byte does not hide every entry
    for match in ENTRY_START.finditer(text):
        if match.group(1).lower() in ("comment", "preamble", "string"):
            continue
        key, line = match.group(2), text.count("\n", 0, match.start()) + 1
        if key in starts:
            yield key, line, f"duplicate key; the first entry with this key is on line {starts[key]}"
        else:
            starts[key] = line
    with pybtex.errors.capture() as errors:
        parser.parse_string(text)
    for error in errors:
        if isinstance(error, PybtexSyntaxError):
            hint = "; is a comma missing at the end of the line before, or a brace unbalanced?"
            yield "", error.lineno or 0, f"BibTeX syntax error: {error.args[0]}{hint}"
        elif not (isinstance(error, BibliographyDataError) and "repeated bibliography entry" in str(error)):
            yield "", 0, f"BibTeX error: {error}"  # repeated entries are reported above, with both lines
    for key, line in starts.items():
        if key not in parser.data.entries:
            yield key, line, "entry was not read, because of the syntax error before it"


def is_arxiv_id(text: str) -> bool:
    """New-style ids have four digits after the dot until December 2014 and five since (arXiv's rule)."""
    match = ARXIV_ID.match(text)
    if match is None or match["yymm"] is None:
        return match is not None
    return len(match["number"]) == (5 if match["yymm"] >= "1501" else 4)


def _check(entry: Entry, app: Sphinx) -> Iterator[str]:
    """What is wrong with one entry, in words its author understands."""
    if not entry.persons.get("author"):
        yield "missing field 'author'"
    for field in REQUIRED_FIELDS.get(entry.type, DEFAULT_REQUIRED_FIELDS):
        if not entry.fields.get(field, "").strip():
            yield f"missing field '{field}' (required for @{entry.type})"
    if entry.fields.get("year") and not YEAR.match(year(entry)):
        yield f"year '{year(entry)}' is not a four-digit year"
    if "eprint" in entry.fields and not is_arxiv_id(entry.fields["eprint"].strip()):
        yield f"eprint '{entry.fields['eprint']}' is not an arXiv id such as 2210.01117"
    if "doi" in entry.fields and not DOI.match(entry.fields["doi"].strip()):
        yield f"doi '{entry.fields['doi']}' is not a DOI such as 10.1103/PhysRevLett.126.180604 (no https://doi.org/)"
    for field in ("url", "code"):
        if field in entry.fields and not URL.match(entry.fields[field].strip()):
            yield f"{field} '{entry.fields[field]}' is not an http(s) URL"
    known_themes = app.config.portfolio_themes
    if not themes(entry):
        yield f"missing field 'themes' (one or more of: {', '.join(known_themes)})"
    for theme in themes(entry):
        if theme not in known_themes:
            yield f"unknown theme '{theme}' (known: {', '.join(known_themes)})"
    known_highlights = app.config.portfolio_highlights
    if highlight(entry) and highlight(entry) not in known_highlights:
        yield f"unknown highlight '{highlight(entry)}' (known: {', '.join(known_highlights)})"
    if entry.fields.get("selected", "true").strip().lower() not in ("true", "false"):
        yield f"selected '{entry.fields['selected']}' must be true or false"
    authors = entry.persons.get("author", [])
    for person in equal_contributors(entry):
        if not any(same_person(person, author) for author in authors):
            yield f"equalcontrib names '{person}', who is not among the authors"


def _warn(location: str, message: str) -> None:
    logger.warning(message, location=location, type="portfolio", subtype="bibtex")


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("sphinxcontrib.bibtex")
    # Before sphinxcontrib-bibtex's own builder-inited handler (priority 500), which then finds its data current.
    app.connect("builder-inited", load, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A .bib file as it is written: where each entry and field starts, and the ``@`` lines that start no entry.

pybtex reads entries, not lines: most of its problems name no line, and a line holding only
``@misc{`` makes it read the entry after it under the key ``@article{smith2020``. Here the text is
read once more, line by line, so that every problem can name its line, and a stray ``@`` line is
found and set aside before pybtex reads the file, so the entry after it is read as written. Keys
are compared as pybtex compares them, without regard to case.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pybtex.bibtex.utils import split_name_list
from pybtex.database import BibliographyDataError, Entry, InvalidNameString, Person
from pybtex.database.input import bibtex
from pybtex.scanner import PybtexSyntaxError
from pybtex.textutils import normalize_whitespace
from pybtex.utils import CaseInsensitiveSet

from ..compat import EntryParser, capture_bibtex_errors
from ..text.names import name_problem, read_name
from .sources import undecodable

#: An entry's first line; the key may stand on the next line, as in OpenReview's exports.
ENTRY_START = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(]\s*([^,\s@{}]+)[ \t]*,", re.MULTILINE)
#: The commands that hold no entry: pybtex reads them, and they need no key.
COMMAND_START = re.compile(r"[ \t]*@[ \t]*(?:comment|preamble|string)[ \t]*[{(]", re.IGNORECASE)
#: A line that starts with "@", as every entry does.
AT_LINE = re.compile(r"^[ \t]*@", re.MULTILINE)
BRACE = re.compile(r"(?<!\\)[{}]")


@dataclasses.dataclass
class Source:
    """A .bib file's text and where each entry starts, to name the line of a problem."""

    path: Path
    text: str = ""
    starts: dict[str, int] = dataclasses.field(default_factory=dict)  # key in lower case -> offset of its "@"

    def read(self, text: str) -> Iterator[tuple[str, int, str]]:
        """Note *text* and where its entries start; yield (key, line, problem) for each key used twice."""
        self.text = text
        for match in ENTRY_START.finditer(text):
            if match.group(1).lower() in ("comment", "preamble", "string"):
                continue
            key, line = match.group(2), self.line_at(match.start())
            if key.lower() in self.starts:
                first = self.starts[key.lower()]
                written = ENTRY_START.match(text, first)
                other = written.group(2) if written else key
                named, case = (f", `{other}`,", " (keys are compared without regard to case)") if other != key else ("", "")
                yield key, line, f"duplicate key; the first entry with this key{named} is on line {self.line_at(first)}{case}"
            else:
                self.starts[key.lower()] = match.start()

    def keys(self) -> list[str]:
        """The keys as they are written, in file order."""
        return [match.group(2) for start in self.starts.values() if (match := ENTRY_START.match(self.text, start))]

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset - 1) + 1

    @functools.cached_property
    def newlines(self) -> list[int]:
        """Where each line ends: the line of an offset is found by bisection, not by counting from the top."""
        return [match.start() for match in re.finditer("\n", self.text)]

    def span(self, key: str) -> tuple[int, int]:
        """Where the entry *key* is written: from its "@" to the next entry."""
        start = self.starts.get(key.lower(), 0)
        following = ENTRY_START.search(self.text, start + 1)
        return start, following.start() if following else len(self.text)

    def line(self, key: str, field: str | None = None, occurrence: int = 1) -> int:
        """The line of *field* (its *occurrence*-th, for a field written twice) in the entry *key*, or of its first line."""
        start, end = self.span(key)
        if field is None:
            return self.line_at(start)
        found = list(re.finditer(rf"(?:^|,)\s*(?P<name>{re.escape(field)})\s*=", self.text[start:end], re.MULTILINE | re.IGNORECASE))
        return self.line_at(start + found[occurrence - 1].start("name")) if len(found) >= occurrence else self.line_at(start)

    def writes(self, key: str, field: str) -> bool:
        """Whether the entry *key* writes *field* itself (not taken from a crossref)."""
        start, end = self.span(key)
        return re.search(rf"(?:^|,)\s*{re.escape(field)}\s*=", self.text[start:end], re.MULTILINE | re.IGNORECASE) is not None

    def line_of_text(self, key: str, text: str) -> int:
        """The line where *text* (its words, however the lines break) is written in the entry *key*."""
        start, end = self.span(key)
        words = r"\s+".join(re.escape(word) for word in text.split())
        found = re.search(words, self.text[start:end]) if words else None
        return self.line_at(start + found.start()) if found else self.line_at(start)

    def key_at(self, line: int) -> str:
        """The key of the entry written on *line*, or an empty string."""
        offset = sum(len(text) + 1 for text in self.text.split("\n")[: line - 1])
        starts = [start for start in self.starts.values() if start <= offset]
        written = ENTRY_START.match(self.text, max(starts)) if starts else None
        return written.group(2) if written else ""


def stray_lines(text: str) -> list[int]:
    """Where the lines start that begin with "@" outside a value but start no entry (a stray ``@misc{``)."""
    found, depth, counted = [], 0, 0
    for match in AT_LINE.finditer(text):
        depth += sum(1 if brace == "{" else -1 for brace in BRACE.findall(text, counted, match.start()))
        counted = match.start()
        if depth >= 2:
            continue  # a line of a braced value that happens to start with "@"
        if ENTRY_START.match(text, match.start()) or COMMAND_START.match(text, match.start()):
            depth = 0  # an entry starts: whatever was open before it was reported by pybtex
        else:
            found.append(match.start())
    return found


def set_aside(text: str, starts: list[int]) -> str:
    """*text* with the "@" of each stray line made a space: BibTeX reads text outside entries as a comment."""
    for start in starts:
        at = text.index("@", start)
        text = text[:at] + " " + text[at + 1 :]
    return text


class Parser(EntryParser):
    """pybtex's BibTeX parser, noting for each entry the fields written twice and the names it cannot read.

    pybtex reports both without the entry's key or line; here they are noted with the key, the
    field and which occurrence, so each gets the line it is on. Names are parsed once per spelling
    (a long .bib names its owner and close colleagues in entry after entry), and each entry gets a
    copy of its own.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # pybtex keeps the person fields as text; entry_taken makes them people (see person()).
        super().__init__(*args, person_fields=(), **kwargs)
        self.entry_problems: list[tuple[str, str, int, str]] = []  # (key, field, occurrence, problem)
        self.parsed_names: dict[str, Person] = {}

    def entry_written(self, key: str, fields: list[tuple[str, Any]]) -> None:
        seen: dict[str, int] = {}
        for name, value in fields:
            seen[name.lower()] = seen.get(name.lower(), 0) + 1
            if seen[name.lower()] == 2:
                self.entry_problems.append((key, name, 2, ""))  # its message names the first one's line
            elif seen[name.lower()] == 1 and name in PERSON_FIELDS:
                for person in split_name_list(normalize_whitespace(self.value_text(value))):
                    if name_problem(person):
                        self.entry_problems.append((key, name, 1, f"{name} '{person}': {name_problem(person)}; "
                                                                  "separate names with 'and'"))

    def entry_taken(self, entry: Entry) -> None:
        for role in [field for field in entry.fields if field in PERSON_FIELDS]:
            for name in split_name_list(entry.fields.pop(role)):
                entry.add_person(self.person(name), role)

    def person(self, name: str) -> Person:
        """*name* as a Person of its own, parsed the first time the spelling is met."""
        if name not in self.parsed_names:
            self.parsed_names[name] = read_name(name)
        parsed = self.parsed_names[name]
        person = Person.__new__(Person)
        for part in NAME_PARTS:
            setattr(person, part, list(getattr(parsed, part)))
        return person


#: The fields that hold people, compared as pybtex compares field names; the parts of a parsed name.
PERSON_FIELDS = CaseInsensitiveSet(Person.valid_roles)
NAME_PARTS = ("first_names", "middle_names", "prelast_names", "last_names", "lineage_names")


#: The start of an entry, or of @string, @preamble, @comment: a file without one is no BibTeX.
ANY_ENTRY = re.compile(r"@\s*\w+\s*[{(]")


def read(parser: Parser, source: Source, encoding: str) -> Iterator[tuple[str, int, str]]:
    """Parse one file into *parser* and note its text and where each entry starts in *source*.

    Yields (key, line, problem) for everything that went wrong; key is empty when the problem
    belongs to no entry, line is 0 when the file could not be read.
    """
    try:
        raw = source.path.read_bytes()
    except OSError as error:
        yield "", 0, f"cannot read {source.path}: {error.strerror}"
        return
    undecoded = undecodable(raw, encoding)
    text = raw.decode(encoding, errors="replace")  # read on, so one bad byte does not hide every entry
    prose = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("%")]
    if b"\0" in raw or (not ANY_ENTRY.search(text) and (prose or not text.strip())):  # only % comments: no papers yet
        what = "a binary file" if b"\0" in raw or undecoded else "text without an entry" if prose else "empty"
        yield "", 1, f"{source.path.name} is {what}, not BibTeX: give the .bib of the papers (entries start @article{{key,)"
        return
    if undecoded:
        line, byte = undecoded
        yield "", line, f"not valid {encoding} text (byte {byte:#x}); save the file as UTF-8"
    yield from source.read(text)
    strays = stray_lines(text)
    for start in strays:
        written = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)].strip()
        yield "", source.line_at(start), (f"'{written}' starts no entry (an entry starts @type{{key, with its key and a comma)"
                                          "; this line is left out, so the entry after it is read on its own")
    noted = len(parser.entry_problems)
    with capture_bibtex_errors() as captured:
        parser.parse_string(set_aside(text, strays))
    for key, field, occurrence, problem in parser.entry_problems[noted:]:
        duplicate = f"duplicate field '{field}'; BibTeX reads only the first, on line {source.line(key, field)}: remove one"
        yield key, source.line(key, field, occurrence), problem or duplicate
    for reported in captured:
        yield from _located(reported, source)
    for key in source.keys():
        if key not in parser.data.entries:
            yield key, source.line(key), "entry was not read, because of the syntax error before it"


def _located(error: Exception, source: Source) -> Iterator[tuple[str, int, str]]:
    """pybtex's problem, with its line and key, in words its reader can act on."""
    if isinstance(error, bibtex.UndefinedMacro):
        line = error.lineno or 1
        name = error.args[0]
        yield source.key_at(line), line, (f"undefined macro '{name}': a value without braces or quotes must be a number, "
                                          f"a month (jan to dec) or a name that @string defines; write {{{name}}} for the text")
    elif isinstance(error, PybtexSyntaxError):
        hint = "; is a comma missing at the end of the line before, or a brace unbalanced?"
        yield "", error.lineno or 1, f"BibTeX syntax error: {error.args[0]}{hint}"
    elif isinstance(error, (bibtex.DuplicateField, InvalidNameString)):
        return  # noted with their entry, field and line by Parser
    elif not (isinstance(error, BibliographyDataError) and "repeated bibliography entry" in str(error)):
        yield "", 1, f"BibTeX error: {error}"  # repeated entries are reported by Source.read, with both lines

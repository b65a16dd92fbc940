"""A .bib file as ``add`` edits it: read with the build's reader, looked up by identifier, changed at one place.

The file is read as the build reads it (:mod:`research_portfolio.bibsource`, then
:mod:`research_portfolio.normalize`). An edit appends an entry after a blank line, or replaces
one entry from its ``@`` to its closing brace; every other byte of the file stays as it was. The
layout of a written entry (indent, ``=`` aligned or not, line endings) follows the file's own.
"""

from __future__ import annotations

import collections
import dataclasses
import re
import tempfile
from pathlib import Path

from pybtex.database import Entry

from ..bib import entries
from ..bib.bibsource import Parser, Source, read
from ..bib.normalize import normalize

FIELD_LINE = re.compile(r"^(?P<indent>[ \t]+)(?P<name>[A-Za-z][\w-]*)(?P<gap>[ \t]*)=", re.MULTILINE)


@dataclasses.dataclass
class BibFile:
    path: Path
    encoding: str
    text: str  # as decoded; the byte order mark, if any, is kept in *bom*
    bom: bytes
    source: Source
    entries: dict[str, Entry]  # as the build reads them, in file order
    problems: list[tuple[str, int, str]]  # (key, line, problem), as the build would report them

    @property
    def newline(self) -> str:
        return "\r\n" if "\r\n" in self.text else "\n"

    def layout(self) -> tuple[str, int]:
        """The indent of a field line, and the width its names are padded to (0: not aligned)."""
        lines = list(FIELD_LINE.finditer(self.text))
        if not lines:
            return "  ", 0
        indent = collections.Counter(line["indent"] for line in lines).most_common(1)[0][0]
        padded = collections.Counter(len(line["name"]) + len(line["gap"]) for line in lines)
        width, count = padded.most_common(1)[0]
        names = {len(line["name"]) for line in lines if len(line["name"]) + len(line["gap"]) == width}
        return indent, (width - 1 if count * 2 > len(lines) and len(names) > 1 else 0)

    def line(self, key: str) -> int:
        return self.source.line(key)

    def entry_end(self, key: str) -> int:
        """The offset just after the closing brace (or parenthesis) of the entry *key*."""
        start, end = self.source.span(key)
        opening = re.compile(r"[{(]").search(self.text, start)
        depth = 0
        for position in range(opening.start() if opening else start, end):
            char = self.text[position]
            if char in "{(" and (char == "{" or depth == 0):
                depth += 1
            elif char in "})" and (char == "}" or depth == 1):
                depth -= 1
                if depth == 0:
                    return position + 1
        return end

    def appended(self, written: str) -> str:
        """The text with *written* (an entry, without a newline after it) appended after a blank line."""
        newline = self.newline
        text = self.text
        if not text.strip():
            return text + written + newline
        ending = "" if text.endswith(newline * 2) else newline if text.endswith(newline) else newline * 2
        return text + ending + written + newline

    def replaced(self, key: str, written: str) -> str:
        start = self.source.starts[key.lower()]
        return self.text[:start] + written + self.text[self.entry_end(key):]

    def encoded(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding.removesuffix("-sig"))


class BibFileError(Exception):
    """The file cannot be read or written as text: one line."""


def read_bib(path: Path, encoding: str) -> BibFile:
    """*path* read as the build reads it."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BibFileError(f"{path}: cannot read it ({error.strerror}); name your .bib with --bib") from None
    bom = b"\xef\xbb\xbf" if encoding.lower().replace("_", "-") == "utf-8-sig" and raw.startswith(b"\xef\xbb\xbf") else b""
    try:
        text = raw[len(bom):].decode(encoding.removesuffix("-sig"))
    except (UnicodeDecodeError, LookupError):
        raise BibFileError(f"{path}: not {encoding} text, so it cannot be edited without changing it; save it as UTF-8") from None
    parser = Parser(encoding)
    source = Source(path)
    problems = list(read(parser, source, encoding))
    problems += [(key, source.line(key, field) if key.lower() in source.starts else 0, problem)
                 for key, field, problem in normalize(parser.data)]
    return BibFile(path, encoding, text, bom, source, dict(parser.data.entries), problems)


def read_text(bib: BibFile, text: str) -> BibFile:
    """*text*, as it would be read were it the file: the check of an edit before it is made."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / bib.path.name
        path.write_bytes(bib.encoded(text))
        checked = read_bib(path, bib.encoding)
    checked.path = bib.path
    checked.source.path = bib.path
    return checked


def parse_answer(text: str) -> list[Entry]:
    """The entries of a service's BibTeX, read as the build reads a .bib; empty when it holds none or is malformed."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answer.bib"
        path.write_text(text, encoding="utf-8")
        parser = Parser("utf-8")
        malformed = any(read(parser, Source(path), "utf-8")) or any(normalize(parser.data))
    return [] if malformed else list(parser.data.entries.values())


@dataclasses.dataclass(frozen=True)
class Found:
    key: str
    line: int
    why: str  # "the same DOI", "the same arXiv id", "the same title"


def find(bib: BibFile, doi: str = "", arxiv: str = "", title: str = "") -> Found | None:
    """The entry of the file with this DOI, else this arXiv id, else this title (folded), if any."""
    folded = entries.fold(title) if title else ""
    tests = (
        (doi, f"the same DOI, {doi}", lambda entry: entries.doi(entry).lower() == doi.lower()),
        (arxiv, f"the same arXiv id, {arxiv}", lambda entry: re.sub(r"v\d+$", "", entries.arxiv_id(entry)).lower() == arxiv.lower()),
        (folded, "the same title", lambda entry: entries.fold(entries.field(entry, "title")) == folded),
    )
    for wanted, why, same in tests:
        for key, entry in bib.entries.items() if wanted else ():
            if same(entry):
                return Found(key, bib.line(key), why)
    return None

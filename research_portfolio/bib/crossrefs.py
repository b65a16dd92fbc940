"""BibTeX's ``crossref``, read as BibTeX and biblatex read it: a paper takes what it lacks from its volume.

DBLP's "with crossref" export writes each paper without its venue and year, and the proceedings
once, as an entry of its own that the papers name: ``crossref = {DBLP:conf/nips/2023}``. The
paper takes every field it does not have from that entry, as BibTeX does, and, as biblatex does,
the volume's ``title`` becomes the paper's ``booktitle``, never its title. A volume may itself
name another (biblatex follows the chain). What says where the volume itself lives (its DOI,
URL, arXiv id), and the portfolio's and al-folio's own fields, stay with the volume.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pybtex.database import Entry

from .fields import BY_NAME

#: Fields that belong to the entry that has them: identifiers and addresses of that entry, and keys for sorting.
NOT_INHERITED = frozenset({
    "crossref", "xref", "ids", "key", "label", "sortkey", "shorthand", "entryset", "execute", "options", "related",
    "doi", "url", "eprint", "eprinttype", "eprintclass", "archiveprefix", "primaryclass", "isbn", "issn",
    "biburl", "bibsource", "timestamp",
}) | frozenset(BY_NAME)
#: Entry types whose title names the volume a part appears in (biblatex's inheritance of title as booktitle).
VOLUMES = frozenset({"proceedings", "book", "collection", "mvbook", "mvproceedings", "mvcollection", "reference", "mvreference"})
PARTS = frozenset({"inproceedings", "conference", "incollection", "inbook", "bookinbook", "suppbook", "suppcollection",
                   "inreference"})
AS_PART = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon"}


def resolve(entries: Mapping[str, Entry]) -> Iterator[tuple[str, str]]:
    """Fill in every entry that names a crossref; yield (key, problem) for a missing volume or a cycle."""
    done: set[str] = set()
    for key in list(entries):
        yield from _resolve(key, entries, done, ())


def volumes(entries: Mapping[str, Entry]) -> set[str]:
    """The keys (in lower case) of the entries some other entry names as its crossref."""
    return {entry.fields["crossref"].strip().lower() for entry in entries.values() if entry.fields.get("crossref", "").strip()}


def _resolve(key: str, entries: Mapping[str, Entry], done: set[str], chain: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    entry = entries[key]
    target = entry.fields.get("crossref", "").strip()
    if key.lower() in done or not target:
        done.add(key.lower())
        return
    seen = [*chain, key]
    lowered = [name.lower() for name in seen]
    if target.lower() in lowered:
        done.add(key.lower())
        cycle = " -> ".join([*seen[lowered.index(target.lower()) :], target])
        yield key, f"crossref cycle {cycle}: an entry cannot take its fields from itself; remove one of these crossref fields"
        return
    if target not in entries:
        done.add(key.lower())
        yield key, (f"crossref '{target}' names no entry of the .bib: add the volume it names (its @proceedings or @book), "
                    "or remove the field")
        return
    yield from _resolve(entries[target].key, entries, done, (*chain, key))
    inherit(entry, entries[target])
    done.add(key.lower())


def inherit(entry: Entry, volume: Entry) -> None:
    """Give *entry* what it lacks of *volume*'s fields and people."""
    renamed = AS_PART if entry.type.lower() in PARTS and volume.type.lower() in VOLUMES else {}
    for name, value in volume.fields.items():
        target = renamed.get(name.lower(), name)
        if name.lower() not in NOT_INHERITED and target not in entry.fields:
            entry.fields[target] = value
    for role, persons in volume.persons.items():
        if role not in entry.persons:
            entry.persons[role] = list(persons)

"""Entries read as their authors mean them, before they are checked: names, commands, addresses, crossrefs.

- The marks a CV puts around its owner's name (``\\textbf{Marshall, H.P.}``, ``{\\bf ...}``) are left
  out: the site sets the owner in bold itself, in every format, however the name is spelled; so is
  the number DBLP adds to a name that several people share ("Tomasz Nowak 0002").
- Commands that the file's ``@preamble`` defines are expanded (:mod:`research_portfolio.bib.preamble`).
- A DOI or an address written with BibTeX's escapes (``10.1007/11880561\\_13`` as DBLP writes it,
  ``{\\_}`` as Mendeley does) is read as the address itself; a DOI loses its resolver's address, a DOI
  written as a publisher's address (``www.pnas.org/cgi/doi/10.1073/...``) is read as the DOI, and a
  ``url`` at a DOI resolver gives an entry without a ``doi`` its DOI, as TeXMed's note of links gives
  its DOI and PubMed id. EndNote's ``<Go to ISI>://WOS:...`` is the record's address at Web of Science,
  and an address in ``eprint`` that is not arXiv's (as bioRxiv exports it) is the entry's url or pdf.
- An entry that names a ``crossref`` takes what it lacks from it (:mod:`research_portfolio.bib.crossrefs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pybtex.database import BibliographyData, Entry, Person

from ..text.names import name_problem
from . import crossrefs, entries, preamble
from .fields import LINK_FIELDS

#: Fields that hold an address, where BibTeX's escapes stand for the characters themselves.
ADDRESS_FIELDS = ("doi", "url", *(field.name for field in LINK_FIELDS), "preview")
WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)
#: EndNote's address of a Web of Science record ("<Go to ISI>://WOS:000561234500012"), which only EndNote opens.
WEB_OF_SCIENCE = re.compile(r"<Go to ISI>://(WOS:[A-Za-z0-9]+)")
#: What DBLP writes after the name of one of several people who share it: "Tomasz Nowak 0002".
DBLP_NUMBER = re.compile(r"^[0-9]{4}$")
ESCAPED = re.compile(r"\{\\([_%#&~$])\}|\\([_%#&$])|\\~\{\}|\$\\sim\$")


def normalize(data: BibliographyData) -> Iterator[tuple[str, str, str]]:
    """Read every entry of *data* as its author means it; yield (key, field, problem) for what cannot be read so."""
    commands = preamble.definitions(data.preamble_list)
    for key, entry in data.entries.items():
        yield from _expand(key, entry, commands)
        for role, persons in entry.persons.items():
            entry.persons[role] = [_plain_name(person, commands) for person in persons]
        for name in ADDRESS_FIELDS:
            if name in entry.fields:
                entry.fields[name] = unescaped(entry.fields[name])
        if "url" in entry.fields:
            entry.fields["url"] = WEB_OF_SCIENCE.sub(r"https://www.webofscience.com/wos/woscc/full-record/\1", entry.fields["url"])
        _eprint_address(entry)
        _texmed_links(entry)
        if "doi" in entry.fields:
            entry.fields["doi"] = entries.read_doi(entry.fields["doi"])
        elif entries.DOI_PREFIX.match(entries.url(entry)):  # a url at a resolver says the DOI
            entry.fields["doi"] = entries.read_doi(entries.url(entry))
    for key, problem in crossrefs.resolve(data.entries):
        yield key, "crossref", problem


def _eprint_address(entry: Entry) -> None:
    """An address in ``eprint`` that is not arXiv's (bioRxiv's export puts its PDF there) is the paper's url, or its pdf."""
    address = entries.field(entry, "eprint")
    if not WEB_ADDRESS.match(address) or entries.ARXIV_URL.search(address):  # "arXiv:2101.00001" is an id
        return
    del entry.fields["eprint"]
    if not entries.field(entry, "url"):
        entry.fields["url"] = address
    elif address.lower().endswith(".pdf") and not entries.field(entry, "pdf"):
        entry.fields["pdf"] = address


def _texmed_links(entry: Entry) -> None:
    """TeXMed's note of links ("[DOI:\\href{...}{...}] [PubMed:\\href{...}{...}]") gives an entry without them its DOI and PMID."""
    if not entries.TEXMED_NOTE.fullmatch(entries.field(entry, "note")):
        return
    for kind, address, text in entries.TEXMED_LINK.findall(entries.field(entry, "note")):
        if kind == "DOI" and not entries.field(entry, "doi"):
            entry.fields["doi"] = unescaped(text if text.startswith("10.") else address)
        elif kind == "PubMed" and not entries.pmid(entry) and text.isdecimal():
            entry.fields["pmid"] = text


def unescaped(value: str) -> str:
    """An address as it is: ``10.1007/11880561\\_13`` is ``10.1007/11880561_13``."""
    return ESCAPED.sub(lambda found: found[1] or found[2] or "~", value)


def _expand(key: str, entry: Entry, commands: dict[str, preamble.Command]) -> Iterator[tuple[str, str, str]]:
    for name, value in list(entry.fields.items()):
        if "\\" not in value:
            continue
        entry.fields[name], unusable = preamble.expand(value, commands, journal=name.lower() == "journal")
        for command in unusable:
            yield key, name, (f"{name} uses \\{command.name}, which @preamble defines but this site cannot expand "
                              f"({command.why}); write out the text it stands for")


def _plain_name(person: Person, commands: dict[str, preamble.Command]) -> Person:
    """The name with the commands @preamble defines expanded, without a CV's bold or underline, without
    the number DBLP gives one of several people of the same name ("Wei Zhang 0002"), and with ADS's
    hyphenated initials joined ("W.-L.")."""
    if DBLP_NUMBER.match(" ".join(person.last_names)) and (person.first_names or person.middle_names) and not person.lineage_names:
        person = Person(" ".join(person.first_names + person.middle_names + person.prelast_names))
    given = person.first_names + person.middle_names
    if any(name.startswith("-") for name in given[1:]):  # ADS writes hyphenated initials apart: "{Zhang}, W. -L."
        joined: list[str] = []
        for name in given:
            joined.append(joined.pop() + name if name.startswith("-") and joined else name)
        family = " ".join(person.prelast_names + person.last_names)
        person = Person(", ".join([family, *([" ".join(person.lineage_names)] if person.lineage_names else []), " ".join(joined)]))
    written = str(person)
    plain = entries.without_emphasis(preamble.expand(written, commands)[0] if "\\" in written else written)
    return person if plain == written or name_problem(plain) else Person(plain)

"""The preprint servers of every field: how a .bib names each one, its DOIs, and the address of a paper's id.

A physicist's preprint is on arXiv, a biologist's on bioRxiv, an economist's on SSRN, a
psychologist's on PsyArXiv. An entry says so in its venue (``journal = {bioRxiv}``), in its
``eprint`` with ``archiveprefix`` or biblatex's ``eprinttype`` (``eprint = {hal-03456789},
eprinttype = {HAL}``), or only in its DOI (``10.1101/2021.03.04.433952``). :func:`server` finds the
server from any of these; :func:`eprint_link` gives the address of the id, on the server's own site
or through its DOI.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import quote, urlsplit


@dataclasses.dataclass(frozen=True)
class Server:
    name: str  # as its readers write it
    words: tuple[str, ...]  # lower-case names that say it in a venue or an eprint type
    doi: str = ""  # a pattern for its DOIs
    address: str = ""  # the page of an id, with {id}; empty where the DOI is the only address
    ident: str = r".+"  # what a well-formed id of this server looks like
    hosts: tuple[str, ...] = ()  # the hosts of its pages, for an entry whose only evidence is its url


#: bioRxiv and medRxiv share Cold Spring Harbor's prefix, which its journals use too (10.1101/gr.…):
#: only a date-and-number (2021.03.04.433952) or a bare number is a preprint. medRxiv's numbers after
#: the date have eight digits (2020.04.14.20062463), bioRxiv's six; before December 2019 bioRxiv's were bare.
CSHL_PREPRINT = r"10\.1101/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}"
MEDRXIV_PREPRINT = r"10\.1101/\d{4}\.\d{2}\.\d{2}\.\d{8}(?:v\d+)?$"


def osf(name: str, prefix: str, words: tuple[str, ...] = ()) -> Server:
    """A server of the Center for Open Science: its own DOI prefix, its ids at osf.io/preprints/<name>/."""
    return Server(name, (name.lower(), *words), rf"10\.{prefix}/osf\.io/", f"https://osf.io/preprints/{name.lower()}/{{id}}",
                  r"[a-z0-9]{5,}(?:_v\d+)?")


SERVERS = (
    # DBLP names arXiv "CoRR" (the Computing Research Repository): journal = {CoRR}, volume = {abs/2105.01234}.
    Server("arXiv", ("arxiv", "corr"), r"10\.48550/arxiv\.", "https://arxiv.org/abs/{id}", hosts=("arxiv.org",)),
    Server("medRxiv", ("medrxiv",), MEDRXIV_PREPRINT, "https://doi.org/10.1101/{id}", r"(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}(?:v\d+)?",
           hosts=("medrxiv.org",)),
    Server("bioRxiv", ("biorxiv",), CSHL_PREPRINT, "https://doi.org/10.1101/{id}", r"(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}(?:v\d+)?",
           hosts=("biorxiv.org",)),
    Server("ChemRxiv", ("chemrxiv",), r"10\.26434/chemrxiv", hosts=("chemrxiv.org",)),
    Server("SSRN", ("ssrn",), r"10\.2139/ssrn\.", "https://ssrn.com/abstract={id}", r"\d{4,9}", hosts=("ssrn.com",)),
    Server("Research Square", ("research square", "researchsquare"), r"10\.21203/rs\.",
           "https://www.researchsquare.com/article/{id}", r"rs-\d+(?:/v\d+)?", hosts=("researchsquare.com",)),
    osf("PsyArXiv", "31234"),
    osf("SocArXiv", "31235"),
    osf("EdArXiv", "35542"),
    osf("MetaArXiv", "31222", ("bitss",)),
    osf("AgriXiv", "31220"),
    osf("LawArXiv", "31228"),
    osf("MarXiv", "31230"),
    osf("MindRxiv", "31231"),
    osf("NutriXiv", "31232"),
    osf("PaleorXiv", "31233"),
    osf("SportRxiv", "31236"),
    Server("OSF Preprints", ("osf preprints", "osf", "open science framework"), r"10\.31219/osf\.io/",
           "https://osf.io/{id}", r"[a-z0-9]{5,}", hosts=("osf.io",)),
    Server("HAL", ("hal", "hal open science", "hal archives ouvertes"), "", "https://hal.science/{id}",
           r"[a-z]+(?:-[a-z]+)*-\d{8}(?:v\d+)?", hosts=("hal.science", "archives-ouvertes.fr")),
    Server("TechRxiv", ("techrxiv",), r"10\.36227/techrxiv\.", hosts=("techrxiv.org",)),
    Server("Preprints.org", ("preprints.org", "preprints"), r"10\.20944/preprints", "https://www.preprints.org/manuscript/{id}",
           r"\d{6}\.\d{4}(?:\.v\d+)?", hosts=("preprints.org",)),
    Server("engrXiv", ("engrxiv",), r"10\.31224/", hosts=("engrxiv.org",)),
    Server("EarthArXiv", ("eartharxiv",), r"10\.31223/", hosts=("eartharxiv.org",)),
    Server("ESS Open Archive", ("ess open archive", "essoar"), r"10\.(?:1002|22541)/essoar\.", hosts=("essopenarchive.org",)),
    Server("EcoEvoRxiv", ("ecoevorxiv",), r"10\.32942/", hosts=("ecoevorxiv.org",)),
    Server("Authorea", ("authorea",), r"10\.22541/au\.", hosts=("authorea.com",)),
    Server("SciELO Preprints", ("scielo preprints",), r"10\.1590/scielopreprints\.", hosts=("preprints.scielo.org",)),
)
#: A venue that names a server and says no more than that it is a preprint there; PubMed's titles
#: add a subtitle ("medRxiv : the preprint server for health sciences"), Google Scholar the way to it
#: ("Available at SSRN 3812345").
NAMING = re.compile(r"^\s*(?:(?:preprint|available)\s+(?:on|at|in)\s+)?(?P<name>.+?)(?:\s+(?:preprints?|e-?prints?))?(?:[\s:,]+\S*\d\S*)*"
                    r"(?:\s*:\s*the preprint server\b.*)?\s*$",
                    re.IGNORECASE)


def by_words(text: str) -> Server | None:
    """The server *text* names, alone ("bioRxiv", "SSRN Electronic Journal", "arXiv preprint arXiv:2101.00001")."""
    if not text:
        return None
    text = " ".join(text.lower().replace("{", "").replace("}", "").split())
    named = NAMING.match(text)
    name = named["name"] if named else text
    for server in SERVERS:
        if name in server.words or (server.name == "SSRN" and name.startswith("ssrn")):
            return server
    return None


def by_host(url: str) -> Server | None:
    host = urlsplit(url).hostname or ""
    for server in SERVERS:
        if any(host == name or host.endswith("." + name) for name in server.hosts):
            return server
    return None


def by_doi(doi: str) -> Server | None:
    for server in SERVERS:
        if server.doi and re.match(server.doi, doi, re.IGNORECASE):
            return server
    return None


def eprint_link(server: Server, ident: str) -> str:
    """The address of *ident* on *server*, or an empty string when it has none or the id is not one of its ids."""
    if not server.address or not re.fullmatch(server.ident, ident):
        return ""
    return server.address.format(id=quote(ident, safe="/.-"))

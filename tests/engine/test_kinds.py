"""The kind of venue from all the evidence, and the preprint servers of every field with their links.

``tests/engine/data/kinds.bib`` holds venues as their exporters write them. A known conference is a
conference whatever the type; otherwise the type wins over a generic word ("Proceedings of the
National Academy of Sciences" is a journal); a preprint server is a preprint, found by its name, its
eprint type, its DOI or its address.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pybtex.database import parse_file

from research_portfolio.bib import entries
from research_portfolio.render.style import PortfolioStyle, plain_text

ENTRIES = parse_file(str(Path(__file__).parent / "data" / "kinds.bib")).entries

KINDS = {
    "cvpr_as_article": "conference", "cvpr_short": "conference", "pnas": "journal", "biol_soc_wash": "journal",
    "proc_r_soc_b": "journal", "ieee_proc": "journal", "nature_with_arxiv": "journal", "scholar_arxiv": "preprint",
    "proceedings_type": "conference", "workshop": "workshop", "misc_symposium": "conference", "misc_podcast": "other",
    "misc_nothing": "preprint", "thesis": "thesis", "genome_research": "journal",
    "biorxiv": "preprint", "medrxiv_pubmed": "preprint", "biorxiv_eprint": "preprint", "chemrxiv": "preprint",
    "ssrn": "preprint", "ssrn_eprint": "preprint", "research_square": "preprint", "osf": "preprint", "psyarxiv": "preprint",
    "socarxiv_doi": "preprint", "edarxiv": "preprint", "hal": "preprint", "techrxiv": "preprint",
    "preprints_org": "preprint", "engrxiv_doi": "preprint", "eartharxiv_url": "preprint", "essoar": "preprint",
}
#: Servers whose id has an address of its own: key -> (word, address, tooltip).
SERVER_LINKS = {
    "biorxiv_eprint": ("bioRxiv", "https://doi.org/10.1101/2021.03.04.433952", "bioRxiv:2021.03.04.433952"),
    "ssrn_eprint": ("SSRN", "https://ssrn.com/abstract=3812345", "SSRN:3812345"),
    "research_square": ("Research Square", "https://www.researchsquare.com/article/rs-123456/v1", "Research Square:rs-123456/v1"),
    "psyarxiv": ("PsyArXiv", "https://osf.io/preprints/psyarxiv/xyz12", "PsyArXiv:xyz12"),
    "hal": ("HAL", "https://hal.science/hal-01234567", "HAL:hal-01234567"),
}


def test_every_entry_of_the_file_has_an_expected_kind():
    assert sorted(ENTRIES) == sorted(KINDS)


@pytest.mark.parametrize("key", sorted(KINDS))
def test_kind_of_venue(key):
    assert entries.venue_kind(ENTRIES[key]) == KINDS[key]


def test_a_sites_own_conference_words_make_a_journal_named_venue_a_conference():
    site = entries.Site(conference_words=(*entries.CONFERENCE_WORDS, "ismb"))
    entry = ENTRIES["pnas"]
    original = entry.fields["journal"]
    entry.fields["journal"] = "Bioinformatics (ISMB proceedings)"
    try:
        assert entries.venue_kind(entry, site) == "conference"
        assert entries.venue_kind(entry) == "journal"
    finally:
        entry.fields["journal"] = original


@pytest.mark.parametrize("key", sorted(SERVER_LINKS))
def test_a_servers_id_links_to_its_page(key):
    found = {link.kind: link for link in entries.links(ENTRIES[key])}
    assert (found["eprint"].label, found["eprint"].url, found["eprint"].identifier) == SERVER_LINKS[key]


def test_a_doi_of_a_server_stays_a_doi_link_and_an_eprint_address_is_no_arxiv_id():
    assert [link.label for link in entries.links(ENTRIES["biorxiv"])] == ["DOI"]
    assert entries.arxiv_id(ENTRIES["biorxiv"]) == ""


def test_an_id_that_is_not_the_servers_gets_no_link():
    entry = ENTRIES["ssrn_eprint"]
    entry.fields["eprint"] = "javascript:alert(1)"
    try:
        assert entries.links(entry) == []
    finally:
        entry.fields["eprint"] = "3812345"


@pytest.mark.parametrize(("key", "venue"), [
    ("biorxiv_eprint", "bioRxiv preprint, 2021."), ("hal", "HAL preprint, 2021."), ("scholar_arxiv", "arXiv preprint, 2021."),
    ("biorxiv", "bioRxiv, 2021."), ("medrxiv_pubmed", "medRxiv : the preprint server for health sciences, 2021."),
])
def test_a_preprint_names_its_server(key, venue):
    assert plain_text(PortfolioStyle().format_venue(ENTRIES[key])) == venue

"""Links read as words (PDF · arXiv · OpenReview · DOI · Code ...), with what they point to as a tooltip.

The paper's PDF is the ``pdf`` field, else a ``url`` ending in .pdf, else arXiv's PDF of its id: the
lists link it first, and the paper page's ``citation_pdf_url`` names the same address.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import Entry, parse_string

from research_portfolio.bib import entries
from research_portfolio.bib.normalize import normalize

STATIC = Path(__file__).parent / "roots" / "test-bring-your-own" / "_static"
SITE = entries.Site(baseurl="https://example.org/site/", static=(STATIC,))

EVERYTHING = {
    "eprint": "2101.00001", "archiveprefix": "arXiv", "openreview": "AbC123", "doi": "10.1000/xyz",
    "url": "https://publisher.example.org/paper", "code": "https://github.com/ada/engine", "html": "https://ada.example.org/",
    "slides": "https://ada.example.org/slides.pdf", "poster": "https://ada.example.org/poster.pdf",
    "video": "https://video.example.org/v/1", "website": "https://engine.example.org", "blog": "https://blog.example.org/engine",
    "supp": "https://ada.example.org/supp.zip",
}


def article(**fields: str) -> Entry:
    return Entry("article", fields={"title": "T", "journal": "J", "year": "2021", **fields})


def test_every_link_is_a_word_in_one_order_with_its_identifier():
    found = [(link.label, link.url, link.identifier) for link in entries.links(article(**EVERYTHING), SITE)]
    assert found == [
        ("PDF", "https://arxiv.org/pdf/2101.00001", "arxiv.org/pdf/2101.00001"),
        ("arXiv", "https://arxiv.org/abs/2101.00001", "arXiv:2101.00001"),
        ("OpenReview", "https://openreview.net/forum?id=AbC123", "OpenReview:AbC123"),
        ("DOI", "https://doi.org/10.1000/xyz", "doi:10.1000/xyz"),
        ("Web page", "https://publisher.example.org/paper", "publisher.example.org/paper"),
        ("Code", "https://github.com/ada/engine", "github.com/ada/engine"),
        ("HTML", "https://ada.example.org/", "ada.example.org"),
        ("Slides", "https://ada.example.org/slides.pdf", "ada.example.org/slides.pdf"),
        ("Poster", "https://ada.example.org/poster.pdf", "ada.example.org/poster.pdf"),
        ("Video", "https://video.example.org/v/1", "video.example.org/v/1"),
        ("Website", "https://engine.example.org", "engine.example.org"),
        ("Blog", "https://blog.example.org/engine", "blog.example.org/engine"),
        ("Supplement", "https://ada.example.org/supp.zip", "ada.example.org/supp.zip"),
    ]


@pytest.mark.parametrize(("fields", "pdf"), [
    ({"pdf": "kowalczyk2022.pdf", "eprint": "2101.00001"}, "https://example.org/site/_static/pdf/kowalczyk2022.pdf"),
    ({"pdf": "https://ada.example.org/paper.pdf", "eprint": "2101.00001"}, "https://ada.example.org/paper.pdf"),
    ({"url": "https://ada.example.org/Paper.PDF"}, "https://ada.example.org/Paper.PDF"),
    ({"eprint": "2101.00001"}, "https://arxiv.org/pdf/2101.00001"),
    ({"journal": "arXiv preprint arXiv:2101.00001"}, "https://arxiv.org/pdf/2101.00001"),
    ({"url": "https://ada.example.org/paper"}, ""),
])
def test_the_pdf_is_the_authors_own_else_arxivs(fields, pdf):
    entry = article(**fields)
    assert entries.pdf_url(entry, SITE) == pdf
    links = [link for link in entries.links(entry, SITE) if link.label == "PDF"]
    assert [link.url for link in links] == ([pdf] if pdf else [])  # once, never beside a second "PDF"


@pytest.mark.sphinx("html", testroot="publications")
def test_the_paper_page_names_the_pdf_the_list_links(app):
    app.build()
    page = BeautifulSoup((app.outdir / "papers" / "lovelace1843notes.html").read_text(encoding="utf-8"), "html.parser")
    listed = BeautifulSoup((app.outdir / "publications.html").read_text(encoding="utf-8"), "html.parser")
    pdfs = {a["href"] for item in listed.select("li.pub-entry") if item.select_one('.pub-title a[href="papers/lovelace1843notes.html"]')
            for a in item.select(".pub-links a") if a.get_text() == "PDF"}
    assert {page.select_one('meta[name="citation_pdf_url"]')["content"]} == pdfs
    assert [a.get_text() for a in page.select("p.pub-links a")] == ["PDF", "arXiv", "Code"]


@pytest.mark.parametrize(("url", "label"), [
    ("https://proceedings.mlr.press/v202/xu23m.html", "PMLR"),
    ("https://aclanthology.org/2023.acl-long.1/", "ACL Anthology"),
    ("https://proceedings.neurips.cc/paper/2022/hash/abc-Abstract.html", "NeurIPS Proceedings"),
    ("https://inspirehep.net/literature/1234567", "INSPIRE"),
    ("https://publisher.example.org/paper", "Web page"),
])
def test_a_papers_own_page_is_named_by_the_site_readers_know(url, label):
    assert [link.label for link in entries.links(article(url=url), SITE)] == [label]


@pytest.mark.parametrize(("fields", "found"), [
    ({"journal": "Available at SSRN 3345678"}, [("SSRN", "https://ssrn.com/abstract=3345678", "SSRN:3345678")]),
    ({"journal": "SSRN Electronic Journal", "doi": "10.2139/ssrn.3345678"},
     [("DOI", "https://doi.org/10.2139/ssrn.3345678", "doi:10.2139/ssrn.3345678")]),  # SSRN's own DOI says it
    ({"journal": "Available at SSRN 3345678", "url": "https://www.ssrn.com/abstract=3345678"},
     [("SSRN", "https://www.ssrn.com/abstract=3345678", "www.ssrn.com/abstract=3345678")]),
    ({"journal": "Available at SSRN 3345678", "url": "https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3345678"},
     [("SSRN", "https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3345678",
       "papers.ssrn.com/sol3/papers.cfm?abstract_id=3345678")]),
])
def test_a_paper_on_ssrn_links_its_abstract_page_once(fields, found):
    """Google Scholar's venue "Available at SSRN 3345678" is a link to the paper, as economists and lawyers cite it."""
    assert [(link.label, link.url, link.identifier) for link in entries.links(article(**fields), SITE)] == found


@pytest.mark.parametrize(("fields", "found"), [
    ({"pmid": "26319999"}, [("PubMed", "https://pubmed.ncbi.nlm.nih.gov/26319999/", "PMID:26319999")]),
    ({"eprint": "26319999", "eprinttype": "pubmed"}, [("PubMed", "https://pubmed.ncbi.nlm.nih.gov/26319999/", "PMID:26319999")]),
    ({"pmid": "26319999", "url": "http://www.ncbi.nlm.nih.gov/pubmed/26319999"},  # the record's older address: one link
     [("PubMed", "http://www.ncbi.nlm.nih.gov/pubmed/26319999", "www.ncbi.nlm.nih.gov/pubmed/26319999")]),
    ({"url": "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5499999/"},
     [("PubMed Central", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5499999/", "www.ncbi.nlm.nih.gov/pmc/articles/PMC5499999")]),
])
def test_a_pubmed_record_is_one_link_named_pubmed(fields, found):
    assert [(link.label, link.url, link.identifier) for link in entries.links(article(**fields), SITE)] == found


@pytest.mark.parametrize(("written", "found"), [
    ("eprint = {https://www.biorxiv.org/content/early/2020/01/01/2020.01.01.123456.full.pdf}",  # bioRxiv's export
     [("PDF", "https://www.biorxiv.org/content/early/2020/01/01/2020.01.01.123456.full.pdf")]),
    ("url = {<Go to ISI>://WOS:000561234500012}",  # EndNote's
     [("Web of Science", "https://www.webofscience.com/wos/woscc/full-record/WOS:000561234500012")]),
])
def test_an_exporters_address_in_an_odd_form_is_the_link_it_means(written, found):
    """Read as its exporter means it, without a message: it names the paper's address, in a form only that tool reads."""
    data = parse_string(f"@article{{a, author = {{Ng, Ada}}, title = {{T}}, journal = {{J}}, year = {{2020}}, {written}}}", "bibtex")
    assert list(normalize(data)) == []
    assert [(link.label, link.url) for link in entries.links(data.entries["a"], SITE)] == found


@pytest.mark.parametrize(("note", "record"), [
    ("Number: 1 Publisher: Nature Publishing Group", True), ("type: dataset", True),
    ("Pages: 2023.05.12.540123 Section: New Results", True),
    ("Type: Invited talk at the Vienna Congress", False), ("Source: personal communication", False),  # a person's words
    ("Poster II-45", False), ("DOI: 10.1000/182", False),
])
def test_a_note_is_zoteros_record_of_its_fields_only_as_zotero_writes_one(note, record):
    assert entries.is_zotero_record(note) is record

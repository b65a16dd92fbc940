"""Bibliographies as researchers of any field have them, read without edits (issue 27).

A psychologist's Mendeley export (``data/sources/mendeley-psychology.bib``: submitted manuscripts as
``@article`` without a journal, a 181-author consortium paper, a collective author, a DOI written as
a publisher's path, two addresses in one url, names in LaTeX and bare initials) and a chemist's
al-folio file (formulas, units, German and French titles) build without a message; what the build
cannot read without guessing is left as written. The people are fictional.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pybtex.database import Entry, Person, parse_string
from reading import soup
from sphinx.testing.util import SphinxTestApp

from research_portfolio.bib import entries, preprints
from research_portfolio.bib.normalize import normalize
from research_portfolio.render.names import person_name
from research_portfolio.render.style import PortfolioStyle, decoded, plain_text, rich_field
from research_portfolio.sphinx_ext.database import standard_bibtex
from research_portfolio.text.titlecase import display_case
from research_portfolio.web.webmeta import page_range

ROOT = Path(__file__).parent / "roots" / "test-bib-sources"
SOURCES = Path(__file__).parent / "data" / "sources"


def built(tmp_path_factory, bib: str, owner: str, builder: str = "html", **settings) -> tuple[Path, str]:
    """The small project with *bib*, built once: (the output folder, the warnings)."""
    source = tmp_path_factory.mktemp(bib.removesuffix(".bib")) / "source"
    shutil.copytree(ROOT, source)
    shutil.copyfile(SOURCES / bib, source / "refs.bib")
    (source / "index.md").write_text("# A researcher\n\n```{toctree}\npublications\n```\n\n"
                                     "```{publication-figure} per-year\n```\n\n```{publication-figure} coauthors\n```\n",
                                     encoding="utf-8")
    app = SphinxTestApp(builder, srcdir=source, freshenv=True,
                        confoverrides={"portfolio_person": {"name": owner}, **settings})
    try:
        app.build()
        return app.outdir, app.warning.getvalue()
    finally:
        app.cleanup()


@pytest.fixture(scope="module")
def psychology(tmp_path_factory):
    return built(tmp_path_factory, "mendeley-psychology.bib", "Roos van Ark")


@pytest.fixture(scope="module")
def psychology_latex(tmp_path_factory):
    outdir, warnings = built(tmp_path_factory, "mendeley-psychology.bib", "Roos van Ark", "latex")
    return next(outdir.glob("*.tex")).read_text(encoding="utf-8"), warnings


def text(element) -> str:
    return " ".join(element.get_text(" ").replace("\N{NO-BREAK SPACE}", " ").split()).replace(" ,", ",").replace(" .", ".")


def listed(outdir: Path) -> dict[str, object]:
    page = soup(outdir / "publications.html")
    return {item.select_one(".pub-title a")["href"].removeprefix("papers/").removesuffix(".html"): item
            for item in page.select("li.pub-entry")}


# -- Normalise, don't nag ---------------------------------------------------------------------


def test_a_mendeley_export_builds_without_a_message(psychology):
    _, warnings = psychology
    assert warnings == ""


def test_manuscripts_are_listed_under_the_state_their_note_gives(psychology):
    outdir, _ = psychology
    page = soup(outdir / "publications.html")
    headings = [text(section.find("h2")).rstrip("¶").strip() for section in page.select("section section")]
    assert headings[:3] == ["Under review (1 paper)", "Submitted (1 paper)", "Work in progress (2 papers)"]
    items = listed(outdir)
    assert text(items["VanArk2023a"].find("p")).endswith("2023. Manuscript submitted for publication.")
    assert items["VanArk2024"].find_parent("section")["id"] == "year-work-in-progress"
    assert items["VanArk2022"].find_parent("section")["id"] == "year-2022"  # a MetaArXiv DOI: a preprint, not a manuscript


def test_a_doi_in_a_publishers_path_and_the_first_of_two_addresses_are_linked(psychology):
    outdir, _ = psychology
    items = listed(outdir)
    assert [link["href"] for link in items["VanArk2014"].select(".pub-links a")] == ["https://doi.org/10.1073/pnas.1322149999"]
    links = [link["href"] for link in items["OpenScienceCollaboration2015"].select(".pub-links a")]
    assert links == ["https://doi.org/10.1126/science.aac9999", "http://www.ncbi.nlm.nih.gov/pubmed/26319999"]
    record = soup(outdir / "papers" / "OpenScienceCollaboration2015.html").select("details.pub-bibtex pre")[-1].get_text()
    assert "url = {http://www.ncbi.nlm.nih.gov/pubmed/26319999 http://www.sciencemag.org/cgi/doi/10.1126/science.aac9999}" in record


def test_work_without_a_year_is_undated_or_in_the_state_its_note_gives():
    undated = Entry("misc", fields={"title": "A dataset"})
    noted = Entry("unpublished", fields={"title": "A draft", "note": "In preparation"})
    pubstate = Entry("article", fields={"title": "A paper", "journal": "Icarus", "pubstate": "inpress"})
    manuscript = Entry("article", fields={"title": "A manuscript", "year": "2023"})
    assert [entries.status(entry) for entry in (undated, noted, pubstate, manuscript)] == [
        "Undated", "In preparation", "In press", "Work in progress"]
    assert [entries.when(entry) for entry in (undated, noted, pubstate, manuscript)] == ["", "", "in press", "2023"]


@pytest.mark.parametrize(("written", "read"), [
    (r"Surveillance du paludisme à {\textless}i{\textgreater}{Plasmodium} falciparum{\textless}/i{\textgreater}",
     "Surveillance du paludisme à Plasmodium falciparum"),  # Zotero's rich-text marks
    (r"Les marchands allemands à Bruges au XV\textsuperscript{e} siècle", "Les marchands allemands à Bruges au XVe siècle"),
    (r"H\textsubscript{2}O at 10\textsuperscript{-3} bar", "H₂O at 10⁻³ bar"),
])
def test_a_title_reads_as_its_exporter_means_it(written, read):
    assert decoded(written) == read


@pytest.mark.parametrize(("written", "read"), [
    ("www.pnas.org/cgi/doi/10.1073/pnas.1322149999", "10.1073/pnas.1322149999"),
    ("https://onlinelibrary.wiley.com/doi/full/10.1111/j.1467-9280.2008.09999.x", "10.1111/j.1467-9280.2008.09999.x"),
    ("https://www.tandfonline.com/doi/abs/10.1080/02699931.2019.1699999", "10.1080/02699931.2019.1699999"),
    ("http://dx.doi.org/10.1037%2Fa0039999", "10.1037%2Fa0039999"),
    ("doi:10.5555/12345678", "10.5555/12345678"),
])
def test_a_doi_is_read_from_an_address(written, read):
    assert entries.read_doi(written) == read


def test_a_collective_author_stands_for_the_owner():
    assert entries.is_group(Person("{Open Science Collaboration}"))
    assert entries.is_group(Person("{Spanish COVID-19 Vaccine Effectiveness Network}"))
    assert not entries.is_group(Person("{Van Assen}, Marcel A L M")) and not entries.is_group(Person("Smith, Anna"))


# -- Long author lists --------------------------------------------------------------------------


def test_a_consortium_paper_names_its_first_authors_and_the_owner_in_place(psychology):
    outdir, _ = psychology
    authors = text(listed(outdir)["Rossi2018"].select_one("p"))
    assert re.search(r"Settings\. (?:[^,]+, ){6}…, Roos A\. M\. van Ark \(159th of 181\), and 174 others\. Advances", authors), authors
    assert len(listed(outdir)["Rossi2018"].select(".pub-author")) == 7


def test_the_paper_page_opens_the_whole_author_list(psychology):
    outdir, _ = psychology
    page = soup(outdir / "papers" / "Rossi2018.html")
    assert "(159th of 181)" in text(page.select_one("p.pub-authors"))
    every = page.select_one("details.pub-all-authors")
    assert text(every.summary) == "All 181 authors"
    assert len(every.select(".pub-author")) == 181 and every.select_one("strong").get_text() == "Roos A.\xa0M. van Ark"
    assert not soup(outdir / "papers" / "VanArk2014.html").select("details.pub-all-authors")  # three authors: all shown


def test_the_cv_and_pdf_shorten_the_list_the_same_way(psychology_latex):
    tex, warnings = psychology_latex
    assert warnings == ""
    flat = " ".join(tex.replace("\N{NO-BREAK SPACE}", " ").split())
    assert "(159th of 181), and 174 others" in flat
    assert "Van Assen" in flat and "{Van Assen}" not in flat


# -- One decoded form of each person ------------------------------------------------------------


@pytest.mark.parametrize(("written", "shown"), [
    ("{Van Assen}, Marcel A L M", "Marcel A. L. M. Van Assen"),
    ("Bahn{\\'{i}}k, {\\v{S}}t{\\v{e}}p{\\'{a}}n", "Štěpán Bahník"),
    ("{van 't Veer}, Anna E", "Anna E. van \N{RIGHT SINGLE QUOTATION MARK}t Veer"),
    ("van Ark, R C M", "R. C. M. van Ark"),
    ("O'Brien, Siobh{\\'a}n", "Siobhán O\N{RIGHT SINGLE QUOTATION MARK}Brien"),
    ("陈, 美玲", "陈美玲"),
])
def test_a_name_has_one_decoded_form(written, shown):
    assert person_name(Person(written)) == shown


def test_coauthors_summary_figure_and_json_ld_read_names_as_the_lists_do(psychology):
    outdir, _ = psychology
    home = soup(outdir / "index.html")
    summary = text(home.select_one("details.figure-text p"))
    assert "Marcel A. L. M. Van Assen (4 papers" in summary and "Štěpán Bahník (3 papers" in summary
    assert "Open Science Collaboration" not in summary  # a group, not a co-author
    drawn = str(home.select_one("#figure-coauthors svg"))
    assert "Marcel A. L. M. Van Assen" in drawn and "Bahník" in drawn and "{" not in re.sub(r"<style.*?</style>", "", drawn)
    data = json.loads(soup(outdir / "papers" / "VanArk2024.html").find("script", type="application/ld+json").string)
    assert [author["name"] for author in data["author"]] == ["Roos A. M. van Ark", "Štěpán Bahník", "Marcel A. L. M. Van Assen"]


# -- Titles -------------------------------------------------------------------------------------

SENTENCE_CASE = [
    ("Catalytic Effect of Pb Traces on the Electrodeposition of Zinc", "",
     "Catalytic effect of Pb traces on the electrodeposition of zinc"),
    ("Catalytic effect of Pb traces", "", "Catalytic effect of Pb traces"),  # already in sentence case: as written
    ("Kinetic Monte Carlo Simulations of Cu(111) {\\&} Ag(100) Step Edges at 300~K", "",
     "Kinetic Monte Carlo simulations of Cu(111) & Ag(100) step edges at 300\N{NO-BREAK SPACE}K"),
    ("Machine-Learned Potentials for H2O on TiO2(110): CO2 Co-Adsorption at 2 eV", "",
     "Machine-learned potentials for H2O on TiO2(110): CO2 co-adsorption at 2 eV"),
    ("Density-Functional Theory of GHz Phonons in NaCl Nanocrystals below 10 nm", "",
     "Density-functional theory of GHz phonons in NaCl nanocrystals below 10 nm"),
    ("Underpotential Deposition of Pb on Au(111) and Ag(111): In Situ STM and XPS Studies", "",
     "Underpotential deposition of Pb on Au(111) and Ag(111): In situ STM and XPS studies"),
    ("Magnetic Order in Cu–Ni Alloys Measured at 5 Hz and 10 Pa", "", "Magnetic order in Cu–Ni alloys measured at 5 Hz and 10 Pa"),
    ("Metallische Verunreinigungen in der Elektrolyse von Zinksulfatl{\\\"o}sungen", "",
     "Metallische Verunreinigungen in der Elektrolyse von Zinksulfatlösungen"),
    ("Über die Kinetik der Sauerstoffreduktion an Platin", "", "Über die Kinetik der Sauerstoffreduktion an Platin"),
    ("{\\'E}tude de la Diffusion des Ions Zinc dans les Verres Silicat{\\'e}s", "",
     "Étude de la Diffusion des Ions Zinc dans les Verres Silicatés"),
    ("Análisis de la Variabilidad Climática en los Andes", "", "Análisis de la Variabilidad Climática en los Andes"),
    ("Clitic Climbing in Old French Texts", "french", "Clitic Climbing in Old French Texts"),  # the entry says its language
    ("Household Transmission of Measles in {Madrid}", "en", "Household transmission of measles in Madrid"),
    ("Estimating the Reproducibility of Social-Psychological Findings", "",
     "Estimating the reproducibility of social-psychological findings"),
]


@pytest.mark.parametrize(("written", "language", "shown"), SENTENCE_CASE)
def test_sentence_case_keeps_formulas_units_names_and_other_languages(written, language, shown):
    title = rich_field(Entry("article", fields={"title": written}), "title")
    assert str(display_case(title, "sentence", language)) == shown


def test_titles_are_shown_as_written_by_default(tmp_path_factory):
    outdir, warnings = built(tmp_path_factory, "alfolio-chemistry.bib", "Felix Brandt")
    assert warnings == ""
    titles = [text(item.select_one(".pub-title")) for item in listed(outdir).values()]
    assert "Catalytic Effect of Pb Traces on the Electrodeposition of Zinc from NaCl and ZnSO4 Solutions" in titles
    assert "Kinetic Monte Carlo Simulations of Cu(111) & Ag(100) Step Edges at 300 K" in titles


# -- Preprints, years, visitors' BibTeX ----------------------------------------------------------


@pytest.mark.parametrize(("doi", "server"), [
    ("10.31222/osf.io/zq4rk", "MetaArXiv"), ("10.31235/osf.io/abc12", "SocArXiv"), ("10.31219/osf.io/abc12", "OSF Preprints"),
    ("10.35542/osf.io/abc12", "EdArXiv"), ("10.26434/chemrxiv-2023-x7k2q", "ChemRxiv"), ("10.21203/rs.3.rs-123456/v1", "Research Square"),
    ("10.2139/ssrn.4012345", "SSRN"), ("10.48550/arXiv.2105.01234", "arXiv"), ("10.31234/osf.io/7hx2b", "PsyArXiv"),
    ("10.1101/2021.03.04.433952", "bioRxiv"), ("10.1101/2022.03.14.22272345", "medRxiv"), ("10.1101/123456", "bioRxiv"),
    ("10.32942/osf.io/abc12", "EcoEvoRxiv"), ("10.1101/gr.277999.123", None), ("10.1101/cshperspect.a041999", None),
])
def test_a_preprint_server_is_known_by_its_doi_prefix(doi, server):
    found = preprints.by_doi(doi)
    assert (found.name if found else None) == server


def test_the_per_year_figure_shows_every_year_from_the_first_to_the_last(tmp_path_factory):
    outdir, _ = built(tmp_path_factory, "alfolio-chemistry.bib", "Felix Brandt")
    description = soup(outdir / "index.html").select_one("#figure-per-year svg desc").get_text()
    assert description.startswith("Papers per year: 2017: 1 (1 thesis); 2018: 0; 2019: 1 (1 conference); 2020: 1")
    assert "2022: 0; 2023: 2 (1 journal, 1 preprint); 2024: 1 (1 journal)." in description


def test_visitors_bibtex_leaves_out_urldate_and_an_issn_filed_as_an_isbn():
    entry = Entry("article", fields={"title": "T", "journal": "J", "year": "2023", "urldate": "2023-02-11",
                                     "isbn": "1095-9203 (Electronic)$\\backslash$r0036-8075 (Linking)", "issn": "0036-8075"})
    record = standard_bibtex(entry)
    assert "urldate" not in record and "isbn" not in record and "issn = {0036-8075}" in record
    book = Entry("book", fields={"title": "T", "publisher": "P", "year": "2019", "isbn": "978-3-16-148410-0"})
    assert "isbn = {978-3-16-148410-0}" in standard_bibtex(book)


def test_ads_initials_and_meeting_abstracts_read_as_astronomers_write_them():
    """ADS writes hyphenated initials apart ("W. -L.") and a meeting's abstracts with their number twice."""
    data = parse_string(r"""@inproceedings{a, author = {{Zhang}, W. -L. and {Kim}, J. -H.}, title = {T}, year = {2020},
        booktitle = {American Astronomical Society Meeting Abstracts \#235}, pages = {154.07},
        series = {American Astronomical Society Meeting Abstracts}, volume = {235}}""", "bibtex")
    assert list(normalize(data)) == []
    entry = data.entries["a"]
    assert [person_name(person) for person in entry.persons["author"]] == ["W.-L. Zhang", "J.-H. Kim"]
    assert plain_text(PortfolioStyle().format_venue(entry)) == "In American Astronomical Society Meeting Abstracts #235, 154.07, 2020."


@pytest.mark.parametrize(("pages", "first", "last"), [
    ("2301--2315", "2301", "2315"), ("2301-2315", "2301", "2315"),  # ADS's and EndNote's single hyphen
    ("1571--1589.e22", "1571", "1589.e22"), ("e2020JE006701", "e2020JE006701", ""), ("S-12", "S-12", ""),
])
def test_google_scholar_gets_a_range_of_pages_as_its_first_and_last(pages, first, last):
    assert page_range(pages) == (first, last)

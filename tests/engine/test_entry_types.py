"""Every standard entry type printed with its standard fields, as biblatex's standard style prints them.

The small project ``tests/engine/roots/test-entry-types`` is a fictional planetary scientist's
bibliography with one entry of each type. Each expected reference below is written by hand from the
README's table "How each type is printed" (biblatex's fields, order and words for the type, in
the site's punctuation: the title, the authors, then one sentence saying where, ending with the
year), never copied from the output.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import PROJECT, require_tool, sphinx
from pybtex.database import Entry
from reading import pdf_text, soup, squash

from research_portfolio.bib import entries
from research_portfolio.render.style import PortfolioStyle, plain_text
from research_portfolio.sphinx_ext.lists import undated_groups

ROOT = PROJECT / "tests" / "engine" / "roots" / "test-entry-types"

#: key -> the reference a reader sees: title (in sentence case), authors, where and when, note.
EXPECTED = {
    "ferreira2021tides": "Tidal heating of Europa’s ice shell. Tomás Ferreira and Sara Lindqvist. "
                         "Journal of Geophysical Research: Planets 126(4), e2020JE006701, 2021. "
                         "Featured in Eos Cover article; see [this](javascript:alert(1)) and <b>bold</b>.",
    "ferreira2021radar": "Radar sounding of ice shells. Tomás Ferreira. In Proceedings of the Lunar and Planetary Science "
                         "Conference 52, edited by Claire Moreau and Hiro Tanaka, Lunar and Planetary Institute, Houston, TX, "
                         "1–4, 2021.",
    "ferreira2019oceans": "Oceans beneath the ice. Tomás Ferreira and Ada Nkemelu. In Icy Moons of the Outer Solar System, "
                          "edited by Claire Moreau and Hiro Tanaka, 2nd edition, Space Sciences Series 12, Springer, Cham, "
                          "chapter 7, pp. 145–170, 2019.",
    "ferreira2018interiors": "Subsurface oceans. Tomás Ferreira. In Planetary Interiors, edited by Claire Moreau, "
                             "Cambridge University Press, chapter 3, pp. 51–88, 2018.",
    "ferreira2022ice": "Ice worlds. Tomás Ferreira. Second edition, Oxford University Press, Oxford, 2022.",
    "ferreira2017sounder": "Sounder calibration plan. Tomás Ferreira and Sara Lindqvist. Technical report D-12345, "
                           "Jet Propulsion Laboratory, Pasadena, CA, 2017.",
    "ferreira2020podcast": "Oceans under ice. Tomás Ferreira. Podcast 41, Planetary Radio, 2020.",
    "ferreira2016thesis": "Thermal evolution of icy satellites. Tomás Ferreira. PhD thesis, University of Lisbon, Lisbon, 2016.",
    "ferreira2012masters": "Crater counts on Ganymede. Tomás Ferreira. Master’s thesis, University of Porto, 2012.",
    "ferreira2022talk": "What radar sees inside Europa. Tomás Ferreira. Invited talk, Europlanet Science Meeting, 2022.",
    "ferreira2024draft": "Salt transport in ice shells. Tomás Ferreira and Ada Nkemelu. In preparation. Manuscript.",
    "ferreira2024review": "Brine pockets and habitability. Tomás Ferreira. Icarus, under review.",
    "ferreira2024press": "Cryovolcanism on Enceladus. Sara Lindqvist and Tomás Ferreira. Nature Astronomy, in press.",
    "ferreira2023blog": "Notes from the field. Tomás Ferreira. Ferreira Lab, 2023.",
    "ferreira2021manual": "IceSim user guide. Tomás Ferreira. 3rd edition, Ferreira Lab, 2021.",
    "ferreira2020ices": "Ices in the solar system. Tomás Ferreira and Claire Moreau (editors). Springer, Cham, 2020.",
    "ferreira2021patent": "Radar sounder for ice shells. Tomás Ferreira. US Patent 11,234,567, University of Lisbon, 2021.",
    "ferreira2022maps": "Europa ice thickness maps. Tomás Ferreira. Dataset, version 1.1, Zenodo, 2022.",
    "ferreira2023icesim": "IceSim: A thermal model of ice shells. Tomás Ferreira. Software, version 2.0.1, GitHub, 2023.",
    "ferreira2020pnas": "Ice shell thickness from tides. Tomás Ferreira. Proceedings of the National Academy of Sciences "
                        "117(12), 6400–6405, 2020.",
    "ferreira2020cvpr": "Segmenting ice rafts in spacecraft images. Tomás Ferreira and Hiro Tanaka. Proceedings of the "
                        "IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), 1200–1209, 2020.",
    "ferreira2023biorxiv": "Microbes in Antarctic brines. Ada Nkemelu and Tomás Ferreira. bioRxiv, 2023.",
    "ferreira2023hal": "A review of ice penetrating radar. Tomás Ferreira. HAL preprint, 2023.",
    # The owner as translator; the editors of a book that has an author, named after it, the sentence capitalized.
    "ferreira2019translation": "On the frozen moons. Jan Kowalski. Edited by Claire Moreau, translated by Tomás Ferreira, "
                               "Springer, Cham, 2019.",
    "ferreira2016issue": "Ice and rock on Callisto. Tomás Ferreira. Revista Portuguesa de Astronomia, no. 4, 3–27, 2016.",
    # DBLP's arXiv papers: "CoRR", as computer scientists cite it, and counted as a preprint.
    "DBLP-journals-corr-abs-2105-01234": "Learning ice thickness from radargrams. Tomás Ferreira and Hiro Tanaka. "
                                         "CoRR abs/2105.01234, 2021.",
}
#: key -> the words of its links, in order.
LINKS = {
    "ferreira2021tides": ["DOI"], "ferreira2023blog": ["Web page"], "ferreira2022maps": ["DOI"],
    "ferreira2023icesim": ["Web page"], "ferreira2023biorxiv": ["DOI"], "ferreira2023hal": ["HAL"],
}
#: The headings of the full list, in order: work without a year first, then the years, newest first.
HEADINGS = ["In press (1 paper)", "Under review (1 paper)", "In preparation (1 paper)", "2023 (4 papers)",
            "2022 (3 papers)", "2021 (5 papers)", "2020 (4 papers)", "2019 (2 papers)", "2018 (1 paper)",
            "2017 (1 paper)", "2016 (2 papers)", "2012 (1 paper)"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copytree(ROOT, tmp_path_factory.mktemp("entry-types") / "source"))


def build(project: Path, builder: str) -> Path:
    outdir = project / "_build" / builder
    process = sphinx(project, builder, outdir)
    assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]
    assert "WARNING" not in process.stderr, process.stderr
    return outdir


@pytest.fixture(scope="module")
def html(project: Path) -> Path:
    return build(project, "html")


@pytest.fixture(scope="module")
def latex(project: Path) -> str:
    return next(build(project, "latex").glob("*.tex")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def epub(project: Path) -> str:
    with zipfile.ZipFile(next(build(project, "epub").glob("*.epub"))) as book:
        return book.read("publications.xhtml").decode("utf-8")


def listed(page: Path) -> dict[str, object]:
    """Each entry of a list page by its key (its title links to papers/KEY.html)."""
    return {item.select_one(".pub-title a")["href"].removeprefix("papers/").removesuffix(".html"): item
            for item in soup(page).select("li.pub-entry")}


def reference(item) -> str:
    """The reference as a reader reads it, without its links."""
    paragraph = item.find("p")
    for links in paragraph.select(".pub-links"):
        links.decompose()
    return " ".join(paragraph.get_text().split())


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_type_prints_its_standard_fields(html, key):
    assert reference(listed(html / "publications.html")[key]) == EXPECTED[key]


def test_every_entry_of_the_file_is_checked_here(html):
    assert sorted(listed(html / "publications.html")) == sorted(EXPECTED)


@pytest.mark.parametrize(("key", "words"), sorted(LINKS.items()))
def test_links_are_words_with_the_identifier_as_tooltip(html, key, words):
    links = listed(html / "publications.html")[key].select(".pub-links a")
    assert [link.get_text() for link in links] == words
    assert all(link["title"] and link["title"] != link.get_text() for link in links)


def test_a_preprint_servers_id_links_to_the_server(html):
    (link,) = listed(html / "publications.html")["ferreira2023hal"].select(".pub-links a")
    assert (link["href"], link["title"]) == ("https://hal.science/hal-04012345", "HAL:hal-04012345")


def test_note_links_are_links_and_br_a_new_line_other_markup_text(html):
    note = listed(html / "publications.html")["ferreira2021tides"].select_one(".pub-entry-note")
    assert [(a.get_text(), a["href"]) for a in note.find_all("a")] == [("Eos", "https://eos.example.org/spotlight")]
    line = note.select_one(".pub-note-line").get_text().strip()
    assert line.startswith("Cover article") and line.endswith("<b>bold</b>.")  # the full stop ends the line
    assert note.find("b") is None and "javascript:" not in str([a.get("href") for a in note.find_all("a")])


def test_work_without_a_year_comes_first_under_a_heading_that_says_which(html):
    headings = [h2.get_text().rstrip("¶") for h2 in soup(html / "publications.html").select("section > h2")]
    assert headings == HEADINGS


def test_cv_lists_work_without_a_year_first_then_by_kind(html):
    page = soup(html / "kinds.html")
    sections = {section.find("h2").get_text().rstrip("¶"): sorted(listed_keys(section))
                for section in page.select("section[id^=kind-]")}
    assert list(sections) == ["In press", "Under review", "In preparation", "Journal articles", "Conference papers",
                              "Preprints", "Theses", "Books and chapters", "Reports", "Other publications"]
    # PNAS: the type wins over "Proceedings"; DBLP's CoRR is arXiv, a preprint server, not a journal.
    assert sections["Journal articles"] == ["ferreira2016issue", "ferreira2020pnas", "ferreira2021tides"]
    assert "ferreira2020cvpr" in sections["Conference papers"]  # CVPR filed as @article
    assert sections["Preprints"] == ["DBLP-journals-corr-abs-2105-01234", "ferreira2023biorxiv", "ferreira2023hal"]


def listed_keys(section) -> list[str]:
    return [a["href"].removeprefix("papers/").removesuffix(".html") for a in section.select(".pub-title a")]


def test_per_year_figure_leaves_out_work_without_a_year_and_says_so(html):
    description = soup(html / "publications.html").find("figure").find("desc").get_text()
    assert "2023: 4" in description and "in press" not in description.split("Not shown")[0]
    assert description.endswith("Not shown: 3 without a year (1 in press, 1 under review, 1 in preparation).")


def test_scholar_tags_follow_the_kind(html):
    def tags(key: str) -> dict[str, str]:
        page = soup(html / "papers" / f"{key}.html")
        return {meta["name"]: meta["content"] for meta in page.select('meta[name^="citation_"]')}

    assert tags("ferreira2020pnas")["citation_journal_title"] == "Proceedings of the National Academy of Sciences"
    assert "citation_conference_title" in tags("ferreira2020cvpr")
    assert not {"citation_journal_title", "citation_conference_title"} & set(tags("ferreira2023biorxiv"))
    assert "citation_publication_date" not in tags("ferreira2024press")  # in press: no date yet


def test_paper_page_of_work_in_press_leads_back_to_its_heading(html):
    back = soup(html / "papers" / "ferreira2024press.html").select_one("p.pub-back a")
    assert (back.get_text(), back["href"]) == ("\N{LEFTWARDS ARROW} All publications in press", "../publications.html#year-in-press")
    assert soup(html / "publications.html").find(id="year-in-press")


@pytest.mark.parametrize("key", ["ferreira2019oceans", "ferreira2017sounder", "ferreira2023icesim"])
def test_latex_prints_the_same_reference(latex, key):
    title = EXPECTED[key].split(". ")[0]
    line = next(line for line in latex.splitlines() if line.startswith(rf"\DUrole{{pub-title}}{{{title}}}"))
    line = re.sub(r"\\DUrole\{pub-links\}.*", "", line.replace(r"\sphinxhyphen{}", "-"))
    text = re.sub(r"\\DUrole\{[^{}]*\}|\\[A-Za-z]+|[{}]", "", line)
    assert " ".join(text.split()) == EXPECTED[key]


@pytest.mark.parametrize(("key", "printed"), [
    ("ferreira2021tides", r"\sphinxhref{https://doi.org/10.1029/2020JE006701}{\sphinxnolinkurl{doi:10.1029/2020JE006701}}"),
    ("ferreira2023biorxiv", r"\sphinxnolinkurl{doi:10.1101/2023"),  # the preprint's DOI is its identifier
    ("ferreira2023blog", r"\sphinxhref{https://ferreira.example.org/notes}{\sphinxnolinkurl{ferreira.example.org/notes}}"),
])
def test_print_shows_the_papers_identifier_or_else_its_address(latex, key, printed):
    """On paper a link's word leads nowhere: the link row prints what a reader types, still a link."""
    title = EXPECTED[key].split(". ")[0]
    line = next(line for line in latex.splitlines() if line.startswith(rf"\DUrole{{pub-title}}{{{title}}}"))
    links = line.split(r"\DUrole{pub-links}", 1)[1]
    assert printed in links and "DOI}" not in links and "Web page}" not in links


def test_latex_keeps_the_headings_and_the_notes_line_break(latex):
    assert latex.index(r"\section{In press (1 paper)}") < latex.index(r"\section{2023 (4 papers)}")
    assert r"\DUrole{pub-note-line}{ Cover article" in latex
    assert r"\sphinxhref{https://eos.example.org/spotlight}{Eos}" in latex


@pytest.mark.parametrize("key", ["ferreira2021patent", "ferreira2022maps", "ferreira2024draft"])
def test_epub_prints_the_same_reference(epub, key):
    title = EXPECTED[key].split(". ")[0]  # the e-book has no paper pages to link: an entry is found by its title
    (item,) = [item for item in soup(epub).select("li.pub-entry") if item.select_one(".pub-title").get_text() == title]
    assert reference(item) == EXPECTED[key]


def test_pdf_reads_back_the_headings_and_the_note(project, latex):
    require_tool("latexmk", "xelatex", "pdftotext")
    folder = project / "_build" / "latex"
    subprocess.run(["latexmk", "-pdfxe", "-interaction=nonstopmode", "-f", next(folder.glob("*.tex")).name],
                   cwd=folder, capture_output=True, timeout=600)
    text = squash(pdf_text(next(folder.glob("tomas-ferreira.pdf"))))
    assert text.index("In press (1 paper)") < text.index("2023 (4 papers)")
    assert EXPECTED["ferreira2018interiors"] in text


def test_a_missing_year_is_the_last_group_of_work_without_one():
    """Work with no year at all is listed under its own heading, "Undated", last of the work without a year."""
    papers = [Entry("article", fields={"title": title, "journal": "Icarus", **({"year": year} if year else {})})
              for title, year in (("A", "2020"), ("B", ""), ("C", "Submitted"), ("D", "in  Press"), ("E", "2023"))]
    assert [entry.fields["title"] for entry in entries.chronological(papers)] == ["D", "C", "B", "E", "A"]
    assert [(heading, [entry.fields["title"] for entry in group]) for heading, group in undated_groups(papers)] == [
        ("In press", ["D"]), ("Submitted", ["C"]), ("Undated", ["B"])]
    assert plain_text(PortfolioStyle().format_venue(papers[1])) == "Icarus."


def test_print_prefers_the_papers_doi_to_its_preprints_doi_address():
    """A bioRxiv preprint's link is a doi.org address too; the published DOI is the one print shows."""
    from docutils import nodes
    from pybtex.plugin import find_plugin

    from research_portfolio.print.printedlinks import printed
    from research_portfolio.render.style import PortfolioStyle

    entry = Entry("article", fields={"title": "Brines", "journal": "Icarus", "year": "2024", "doi": "10.1016/j.icarus.2024.1",
                                      "eprint": "2023.05.12.540123", "eprinttype": "bioRxiv"})
    row = PortfolioStyle().format_links(entry).render(find_plugin("pybtex.backends", "docutils")())
    links = [node for node in row if isinstance(node, nodes.reference)]
    assert links[0]["refuri"].startswith("https://doi.org/10.1101/")  # the preprint comes first in the row
    assert [link["reftitle"] for link in printed(links)] == ["doi:10.1016/j.icarus.2024.1"]

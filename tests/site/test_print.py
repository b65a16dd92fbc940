"""The portfolio PDF and the short CV PDF, read back the way a reviewer's PDF viewer reads them."""

from __future__ import annotations

import re
import subprocess

import pytest
from helpers import CV_PHONE, require_tool
from reading import bib_entries, pdf_pages, pdf_text, pdf_xml, squash
from test_publications import SHOWN_TITLES

ENTRIES = bib_entries()
# The CV's one section of education and positions: each place once, with its years.
#: Each place with its dates, to the month, as the CV gives them.
CV_PLACES = {"Massachusetts Institute of Technology": "Feb 2021\u2013present", "Microsoft Research Asia": "Sep 2020\u2013Feb 2021",
             "Peking University": "Sep 2016\u2013Jun 2020"}
CHAPTERS = ["Research overview", "Physics of AI", "Physics for AI", "AI for physics", "Neuroscience for AI",
            "Machine learning for heavy-ion physics", "Physics-inspired methods", "Publications", "Experience", "Service"]


def printed_identifier(entry) -> tuple[str, str]:
    """The identifier print shows for a paper, as typed and as linked: its DOI, else its arXiv id, else its OpenReview forum."""
    fields = entry.fields
    if "doi" in fields:
        return f"doi:{fields['doi']}", f"https://doi.org/{fields['doi']}"
    if "eprint" in fields:
        return f"arXiv:{fields['eprint']}", f"https://arxiv.org/abs/{fields['eprint']}"
    return f"OpenReview:{fields['openreview']}", f"https://openreview.net/forum?id={fields['openreview']}"


def info(pdf) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in output.splitlines() if ":" in line) | {}


@pytest.fixture(scope="module")
def both(pdf, cv_pdf):
    require_tool("pdftotext", "pdfinfo", "pdffonts", "pdftohtml")
    return {"portfolio": pdf, "cv": cv_pdf}


@pytest.mark.parametrize("name", ["portfolio", "cv"])
def test_every_paper_title_is_in_the_pdf_with_the_owner_in_bold(both, name):
    text = squash(pdf_text(both[name]))
    for title in SHOWN_TITLES.values():
        assert title in text, title
    bold_runs = re.findall(r"<b>([^<]*)</b>", pdf_xml(both[name]))
    assert sum(run.count("Ziming Liu") for run in bold_runs) >= len(ENTRIES)


@pytest.mark.parametrize("name", ["portfolio", "cv"])
def test_every_paper_prints_an_identifier_a_reader_can_type_and_follow(both, name):
    """On paper a link's word leads nowhere: each reference shows its identifier, which is a link in the PDF too."""
    text = pdf_text(both[name]).replace("\n", "").replace(" ", "")
    links = set(re.findall(r'<a href="(https?://[^"]+)"', pdf_xml(both[name])))
    for key, entry in ENTRIES.items():
        printed, address = printed_identifier(entry)
        assert printed.replace(" ", "") in text and address in links, key
    assert "PDF·arXiv" not in text and "·Code" not in text


@pytest.mark.parametrize(("name", "pages"), [("portfolio", range(15, 41)), ("cv", range(2, 3))])
def test_page_count_is_sane(both, name, pages):
    assert int(info(both[name])["Pages"]) in pages


@pytest.mark.parametrize("name", ["portfolio", "cv"])
def test_metadata_names_title_author_subject_keywords(both, name):
    metadata = {key: value.strip() for key, value in info(both[name]).items()}
    assert metadata["Author"] == "Ziming Liu"
    assert metadata["Title"] == ("Ziming Liu: Research portfolio" if name == "portfolio" else "Ziming Liu: Curriculum vitae")
    assert "physics" in metadata["Subject"]
    assert "Physics of AI" in metadata["Keywords"]


@pytest.mark.parametrize("name", ["portfolio", "cv"])
def test_fonts_are_embedded_and_no_glyph_is_missing(both, name):
    rows = subprocess.run(["pdffonts", str(both[name])], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows
    log = both[name].with_suffix(".log").read_text(errors="replace")
    assert "Missing character" not in log


@pytest.mark.parametrize("name", ["portfolio", "cv"])
def test_no_line_runs_into_the_margin(both, name):
    log = both[name].with_suffix(".log").read_text(errors="replace")
    overfull = [float(points) for points in re.findall(r"Overfull \\hbox \((\d+\.?\d*)pt too wide", log)]
    assert [points for points in overfull if points > 3] == []


def test_title_page_names_the_person_position_and_contact(pdf):
    require_tool("pdftotext")
    first = squash(pdf_pages(pdf)[0])
    for text in ("Ziming Liu", "Research portfolio", "PhD student in physics", "Massachusetts Institute of Technology",
                 "zmliu@mit.edu", "kindxiaoming.github.io"):
        assert text in first, text
    assert "555" not in first


def test_first_chapter_opens_with_the_biography_the_pdf_has_no_home_page_for(pdf):
    require_tool("pdftotext")
    text = squash(pdf_text(pdf))
    chapter = text[text.index("Chapter 1 Research overview"):]
    assert chapter.index("supervised by Prof. Max Tegmark") < chapter.index("Physics of AI")


def test_bookmarks_and_running_heads_follow_the_chapters(pdf):
    require_tool("pdftohtml", "pdftotext")
    outline = re.findall(r"<item page=\"\d+\">([^<]+)</item>", pdf_xml(pdf).split("<outline>", 1)[1])
    assert [item for item in outline if item in CHAPTERS] == CHAPTERS
    pages = [page for page in pdf_pages(pdf) if page.strip()]
    first_chapter = next(number for number, page in enumerate(pages) if "Chapter 1" in page)
    continued = [page for page in pages[first_chapter:] if not re.search(r"Chapter \d+\s", page)]
    assert continued and all("Ziming Liu · Research portfolio" in page for page in continued)


def test_cv_gives_positions_themes_publications_service_and_the_phone(cv_pdf):
    require_tool("pdftotext")
    text = squash(pdf_text(cv_pdf))
    for heading in ("Education and research positions", "Honors", "Press", "Journal articles", "Conference papers",
                    "Preprints", "Service"):
        assert heading in text
    assert CV_PHONE in text
    publications = text[text.index("Journal articles"):]  # the honours above name a few titles again
    for title in SHOWN_TITLES.values():
        assert publications.count(title) == 1, title
    for honour in ("Oral, NeurIPS 2022", "Spotlight, ICLR 2023", "Editors' Suggestion, Physical Review Letters 2021"):
        assert honour in text.replace("\u2019", "'")


def test_cv_gives_the_press_as_the_site_words_it_on_two_pages(cv_pdf):
    """Outlet, date where a dated source gives one, headline and what it covers; the whole CV on two pages."""
    require_tool("pdftotext", "pdfinfo")
    text = squash(pdf_text(cv_pdf))
    press = text[text.index("Press"):text.index("Publications")]
    for outlet in ("MIT News, 2023", "Quanta Magazine, September 2023", "New Scientist, May 2022",
                   "The Cognitive Revolution podcast"):
        assert outlet in press, outlet
    assert "Seeing is Believing with MIT" in press and "signs of symmetry" in press
    pages = subprocess.run(["pdfinfo", str(cv_pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+2$", pages, re.MULTILINE), pages


def test_cv_names_each_place_once_with_its_years_in_regular_weight(cv_pdf):
    require_tool("pdftotext", "pdftohtml")
    text = squash(pdf_text(cv_pdf))
    positions = text[text.index("Education and research positions"):text.index("Honors")]
    for place, years in CV_PLACES.items():
        assert positions.count(place) == 1, place
        assert years in positions, years
    bold = " ".join(re.findall(r"<b>([^<]*)</b>", pdf_xml(cv_pdf)))
    assert not any(years in bold for years in CV_PLACES.values())


def test_cv_entries_start_under_their_headings(cv_pdf):
    require_tool("pdftotext")
    words = re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', pdf_text(cv_pdf, "-bbox", "-f", "1", "-l", "1"))
    words = words[[word for _, word in words].index("Education"):]  # below the header, which names MIT too
    left = {word: round(float(x), 1) for x, word in reversed(words)}  # the first occurrence of each word
    assert {left[word] for word in ("Education", "Massachusetts", "Microsoft", "Peking", "Honors")} == {left["Education"]}


def test_footnotes_stay_in_their_chapter(pdf):
    """No chapter starts on a page whose earlier text, from the chapter before, placed a footnote there."""
    require_tool("pdftohtml")
    for page in pdf_xml(pdf).split("<page number=")[1:]:
        heading = re.search(r'<text top="(\d+)"[^>]*><b>Chapter \d+</b></text>', page)
        if heading:
            marks = [int(top) for top in re.findall(r'<text top="(\d+)"[^>]*><a href="[^"]*#\d+">\d+</a></text>', page)]
            assert all(top > int(heading[1]) for top in marks), page[:200]


def test_page_references_never_nest_parentheses(pdf):
    require_tool("pdftotext")
    text = squash(pdf_text(pdf))
    assert re.findall(r"\([^()]*\(page \d+\)[^()]*\)", text) == []
    assert text.count("(page ") >= 10  # the references keep their page numbers


def test_first_chapter_carries_the_home_pages_selected_papers_and_press(pdf):
    require_tool("pdftotext")
    text = squash(pdf_text(pdf))
    chapter = text[text.index("Chapter 1 Research overview"):text.index("Chapter 2 Physics of AI")]
    assert "Selected papers" in chapter and "In the press" in chapter
    selected = [entry for entry in ENTRIES.values() if entry.fields.get("selected") == "true"]
    for entry in selected:
        opening = " ".join(entry.fields["title"].replace("{", "").replace("}", "").split()[:3])
        assert opening.lower() in chapter.lower(), opening
    for outlet in ("MIT News, 2023", "Quanta Magazine, September 2023", "New Scientist, May 2022",
                   "The Cognitive Revolution podcast"):
        assert outlet in chapter, outlet


def test_figures_are_set_in_the_documents_own_sans_serif(pdf):
    """The charts in the PDF use FreeSans, as the headings do, not matplotlib's DejaVu Sans."""
    require_tool("pdffonts")
    figures = [path for path in pdf.parent.glob("*.pdf") if path != pdf and re.match(r"[a-z-]+-[0-9a-f]{16}$", path.stem)]
    assert {path.stem.rsplit("-", 1)[0] for path in figures} >= {"coauthors", "per-year", "timeline"}
    for figure in figures:
        fonts = subprocess.run(["pdffonts", str(figure)], capture_output=True, text=True, check=True).stdout
        assert "FreeSans" in fonts and "DejaVu" not in fonts, (figure.name, fonts)


def test_each_theme_chapter_shows_the_previews_of_its_own_papers_once(pdf):
    """The previews a theme page shows beside its prose are printed in that theme's chapter, each once."""
    require_tool("pdfimages", "pdftotext")
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    image_pages = [int(line.split()[0]) for line in listing.splitlines()[2:] if line.split()[2] == "image"]
    chapter, chapter_of_page = "", {}
    for number, text in enumerate(pdf_pages(pdf), start=1):
        opening = re.search(r"^\s*Chapter \d+\s*\n\s*(\S.*?)\s*$", text, re.MULTILINE)
        chapter = opening[1] if opening else chapter
        chapter_of_page[number] = chapter
    printed = {title: sum(1 for page in image_pages if chapter_of_page[page] == title) for title in CHAPTERS}
    themes = {"physics-of-ai": "Physics of AI", "physics-for-ai": "Physics for AI", "ai-for-physics": "AI for physics",
              "neuroscience-for-ai": "Neuroscience for AI", "heavy-ion-physics": "Machine learning for heavy-ion physics",
              "methods": "Physics-inspired methods"}
    expected = {title: 0 for title in CHAPTERS}
    for entry in ENTRIES.values():
        if "preview" in entry.fields:
            expected[themes[entry.fields["themes"]]] += 1
    assert printed == expected and sum(expected.values()) == 26


def test_no_chapter_ends_on_a_page_of_a_few_lines(pdf):
    """Every chapter opens at the top of a page, and none (the last included) ends on a page of a few lines."""
    require_tool("pdftotext")
    pages = [[line for line in text.splitlines() if line.strip()] for text in pdf_pages(pdf)]
    pages = [lines for lines in pages if lines]  # pdftotext ends with an empty page after the last form feed
    openings = [number for number, lines in enumerate(pages) if any(re.fullmatch(r"\s*Chapter \d+\s*", line) for line in lines[:3])]
    assert len(openings) == len(CHAPTERS)
    last_pages = [number - 1 for number in openings[1:]] + [len(pages) - 1]
    short = {number + 1: len(pages[number]) for number in last_pages if len(pages[number]) < 10}
    assert not short, f"pages ending a chapter with fewer than 10 lines (page: lines): {short}"


def test_cv_shows_his_photo_beside_his_name_on_two_pages(cv_pdf):
    require_tool("pdfimages", "pdfinfo")
    listing = subprocess.run(["pdfimages", "-list", str(cv_pdf)], capture_output=True, text=True, check=True).stdout
    images = [line.split() for line in listing.splitlines()[2:]]
    assert [(row[0], row[2]) for row in images] == [("1", "image")]  # one photo, on the first page
    assert int(info(cv_pdf)["Pages"]) == 2


def test_a_note_with_equal_contributors_says_what_the_mark_means(pdf):
    require_tool("pdftotext")
    text = squash(pdf_text(pdf))
    # at the end of the note, after the whole reference: never between its authors and its venue
    assert re.search(r"Ziqian Zhong\s?\*\s?, Ziming Liu\s?\*\s?, Max Tegmark, and Jacob Andreas\. In [^*]{10,300}?2023\.[^*]{0,80}?"
                     r"\* Equal contribution\.", text)
    assert "Jacob Andreas. * Equal contribution" not in text


@pytest.mark.parametrize("name", ["portfolio", "cv"])
def test_every_word_is_inside_the_area_a_printer_prints(both, name):
    """A quarter of an inch from every edge, which most printers leave blank (the CV's running head was not)."""
    require_tool("pdftotext")
    layout = pdf_text(both[name], "-bbox")
    for page in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', layout, re.DOTALL):
        width, height = float(page[0]), float(page[1])
        for box in re.findall(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)', page[2]):
            left, top, right, bottom = map(float, box[:4])
            assert left >= 18 and top >= 18 and right <= width - 18 and bottom <= height - 18, (name, box)

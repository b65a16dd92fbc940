"""The portfolio's pages say what the CV says, in an order that is the same in every format.

The expected facts below are this portfolio's own (from Ziming Liu's CV); a fork replaces them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import require_tool
from reading import (
    bib_entries,
    epub_files,
    main_text,
    page_title,
    pdf_pages,
    soup,
    squash,
)

THEME_PAGES = ["research/physics-of-ai", "research/physics-for-ai", "research/ai-for-physics",
               "research/neuroscience-for-ai", "research/heavy-ion-physics", "research/methods"]
NAVIGATION = ["research/index", *THEME_PAGES, "publications", "cv", "experience", "service"]
PRINTED = [page for page in NAVIGATION if page != "cv"]  # the CV is a PDF of its own
POSITIONS = [
    "Massachusetts Institute of Technology", "PhD student in physics, Research Assistant", "February 2021",
    "supervised by Prof. Max Tegmark", "Microsoft Research Asia", "machine learning theory group",
    "September 2020 to February 2021", "Peking University", "Undergraduate student in physics, Research Assistant",
    "September 2016 to June 2020",
]
SERVICE = [
    "Physical Review Research", "IEEE Transactions on Neural Networks and Learning Systems", "NeurIPS, ICLR, ICML",
    "ML4Physics, UniReps, AI4Science", "AI4Science workshop", "NeurIPS 2021, ICML 2022 and NeurIPS 2023",
]
# Each press item opens with the outlet and the date a dated source confirms (none dates the podcast),
# and links the article where its own page confirmed its address (MIT News's own page could not be
# read), then the paper it covers.
PRESS = {
    "MIT News, 2023": (None, "xu2023pfgmpp"),
    "Quanta Magazine, September 2023": (
        "https://www.quantamagazine.org/new-physics-inspired-generative-ai-exceeds-expectations-20230919/", "xu2022poisson"),
    "New Scientist, May 2022": (
        "https://www.newscientist.com/article/2320662-ai-solves-complex-physics-problems-by-looking-for-signs-of-symmetry/",
        "liu2022symmetries"),
    "The Cognitive Revolution podcast": (
        "https://www.cognitiverevolution.ai/seeing-is-believing-with-mits-ziming-liu/", "liu2023seeing"),
}
PHONE = re.compile(r"\+?\d{0,3}[\s.-]?\(\d{3}\)\s*\d{3}[\s.-]?\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b|\b\d{10}\b")


def cited_keys(page) -> set[str]:
    return {note["id"].removeprefix("footcite-") for note in page.select("aside.footnote[id^=footcite-]")}


def prose_words(page) -> int:
    article = page.find("article")
    for removed in article.select("aside, ul.publication-list, h1, h2, h3, .pub-legend, hr"):
        removed.decompose()
    return len(re.findall(r"\w+", article.get_text(" ")))


@pytest.mark.parametrize("docname", THEME_PAGES)
def test_theme_page_narrates_and_cites_every_paper_of_its_theme(html, docname):
    theme = docname.removeprefix("research/")
    page = soup(html / f"{docname}.html")
    assert cited_keys(page) == {key for key, entry in bib_entries().items() if theme in entry.fields["themes"]}
    assert 400 <= prose_words(soup(html / f"{docname}.html")) <= 900
    # The notes are headed as a part of the page a screen reader lists with its headings.
    headings = page.select("article h2.rubric")
    assert [heading.get_text() for heading in headings] == ["References"]
    assert headings[0].find_next_sibling().select_one("aside.footnote-list") is not None


@pytest.mark.parametrize("docname", THEME_PAGES)
def test_theme_page_prose_names_each_of_its_papers_once_linked_to_its_page(html, docname):
    article = soup(html / f"{docname}.html").find("article")
    named = [Path(link["href"]).stem for link in article.select(".pub-mention a[href]") if not link.find_parent("aside")]
    cited = cited_keys(soup(html / f"{docname}.html"))
    assert sorted(key for key in named if key in cited) == sorted(cited)


def test_theme_page_shows_its_papers_once(html):
    for docname in THEME_PAGES:
        page = soup(html / f"{docname}.html")
        assert not page.select("ul.publication-list"), docname  # the footnote references are the one list


def test_every_paper_has_a_summary_of_20_to_80_words():
    for key, entry in bib_entries().items():
        words = len(entry.fields.get("summary", "").split())
        assert 20 <= words <= 80, (key, words)


def test_every_paper_is_discussed_on_a_research_page(html):
    discussed = set().union(*(cited_keys(soup(html / f"{docname}.html")) for docname in THEME_PAGES))
    assert discussed == set(bib_entries())


def test_positions_and_service_are_as_the_cv_lists_them(html):
    experience = main_text(soup(html / "experience.html"))
    for fact in [*POSITIONS, "Python (PyTorch), Mathematica, C++", "Chinese (native), English (fluent)"]:
        assert fact in experience, fact
    service = main_text(soup(html / "service.html"))
    for fact in SERVICE:
        assert fact in service, fact


def test_each_press_item_names_outlet_and_date_and_links_its_article_and_paper(html):
    press = soup(html / "index.html").find(id="in-the-press")
    items = {item.get_text(" ", strip=True).split(":", 1)[0]: item for item in press.find_all("li")}
    assert list(items) == list(PRESS)
    for opening, (article, theme) in PRESS.items():
        links = [link["href"] for link in items[opening].find_all("a")]
        assert links[-1].split("#")[0] == f"papers/{theme}.html", opening
        assert links[:-1] == ([article] if article else []), opening


def test_selected_papers_and_press_live_on_the_home_page_alone(html, epub):
    overview = soup(html / "research/index.html").find("article")
    assert not overview.select("ul.publication-list") and "In the press" not in overview.get_text()
    book = epub_files(epub)["research/index.xhtml"]
    assert "publication-list" not in book and "In the press" not in book
    home = soup(html / "index.html")
    works = [link["href"] for link in home.select("div.portfolio-works a")]
    listed = [link["href"] for link in home.select("#selected-papers ul.publication-list li .pub-title a")]
    selected = [f"papers/{key}.html" for key, entry in bib_entries().items() if entry.fields.get("selected") == "true"]
    # The works shown as cards at the top are not listed again below them (a reader's review: three papers shown three times).
    assert len(works) == 3 and set(works) <= set(selected) and sorted(listed) == sorted(set(selected) - set(works))


def test_experience_links_the_themes_and_leaves_their_story_to_them(html):
    page = soup(html / "experience.html")
    links = {link["href"].split("#")[0] for link in page.find("article").find_all("a", href=True)}
    assert {f"research/{theme}.html" for theme in ("physics-of-ai", "physics-for-ai", "ai-for-physics",
                                                    "neuroscience-for-ai")} <= links
    text = main_text(page)
    assert not any(story in text for story in ("Poisson flow", "grokking", "New Scientist", "Cognitive Revolution"))


def test_publications_say_newest_first_once(html):
    assert main_text(soup(html / "publications.html")).count("newest first") == 1


def test_phone_number_is_in_no_web_page_or_ebook_file(html, epub):
    texts = {str(path): path.read_text(encoding="utf-8", errors="replace") for path in Path(html).rglob("*")
             if path.suffix in (".html", ".js", ".txt", ".xml", ".json")}
    texts |= epub_files(epub)
    leaks = {name: PHONE.findall(text) for name, text in texts.items() if PHONE.search(text)}
    assert leaks == {}


def test_every_internal_link_and_anchor_resolves(html):
    broken = []
    ids: dict[Path, set[str]] = {}
    for path in Path(html).rglob("*.html"):
        for link in soup(path).find_all("a", href=True):
            href = link["href"]
            if re.match(r"^[a-z]+:", href):
                continue
            target, _, fragment = href.partition("#")
            target_path = (path.parent / target).resolve() if target else path
            if target_path.is_dir():
                target_path = target_path / "index.html"
            if not target_path.exists():
                broken.append(f"{path.relative_to(html)} -> {href}")
            elif fragment and target_path.suffix == ".html":
                if target_path not in ids:
                    ids[target_path] = {tag["id"] for tag in soup(target_path).find_all(id=True)}
                if fragment not in ids[target_path]:
                    broken.append(f"{path.relative_to(html)} -> {href}")
    assert broken == []


def test_navigation_follows_one_order_in_every_format(html, epub, pdf):
    sidebar = soup(html / "index.html").select(".sidebar-tree a.reference")
    assert [link["href"].removesuffix(".html") for link in sidebar] == NAVIGATION
    ncx = epub_files(epub)["toc.ncx"]
    chapters = dict.fromkeys(src.removesuffix(".xhtml") for src in re.findall(r'<content src="([^"#]+)', ncx))
    assert list(chapters) == ["index", *NAVIGATION]
    require_tool("pdftotext")
    text = squash("\n".join(pdf_pages(pdf)[1:]))  # after the title page; the contents say no "Chapter"
    chapters = [text.index(f"Chapter {number} {page_title(docname)}") for number, docname in enumerate(PRINTED, 1)]
    assert chapters == sorted(chapters)


def test_web_has_a_page_not_found(html):
    assert soup(html / "404.html").find("h1").get_text().startswith("Page not found")


def test_phone_pattern_catches_the_ways_a_number_is_written():
    for number in ["+1 (555) 0100200", "(555) 010-0200", "555-010-0200", "5550100200"]:
        assert PHONE.search(f"call {number} now"), number
    for harmless in ["arXiv:2310.07711", "doi:10.1103/PhysRevE.106.045307", "27223\u201327250"]:
        assert not PHONE.search(harmless), harmless


def test_headings_start_at_one_h1_and_never_skip_a_level(html):
    for path in Path(html).rglob("*.html"):
        levels = [int(tag.name[1]) for tag in soup(path).find("article").find_all(re.compile(r"^h[1-6]$"))]
        assert levels.count(1) == 1 and levels[0] == 1, path
        assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:])), (path, levels)


def test_every_image_has_alt_text(html):
    for path in Path(html).rglob("*.html"):
        assert all(image.get("alt") for image in soup(path).find_all("img")), path


def test_the_web_cv_gives_the_address_to_write_to_and_each_place_with_its_months(html):
    page = soup(html / "cv.html")
    assert page.select_one("ul.portfolio-links a[href^=mailto]").get_text() == "zmliu@mit.edu"
    places = {term.find("strong").get_text(): term.select_one("span.cv-date").get_text() for term in page.select("dt")
              if term.select_one("span.cv-date")}
    assert page.select(".publication-list li.pub-entry") and not page.select(".publication-list details")  # :brief:
    assert places == {"Massachusetts Institute of Technology": "Feb 2021\u2013present",
                      "Microsoft Research Asia": "Sep 2020\u2013Feb 2021", "Peking University": "Sep 2016\u2013Jun 2020"}


def test_every_page_reaches_the_cv_from_its_menu(html):
    """The menu's first-level entries are what a visitor looks for, and the CV is one of them on every page."""
    first = [link.get_text() for link in soup(html / "index.html").select(".sidebar-tree li.toctree-l1 > a.reference")]
    assert first == ["Research", "Publications", "CV", "Experience", "Service"]
    for path in [html / "index.html", html / "research" / "physics-of-ai.html", html / "service.html"]:
        assert soup(path).select(".sidebar-tree li.toctree-l1 > a.reference")[2].get_text() == "CV", path


def test_a_citation_mark_stands_against_its_word(html):
    """"grokking[1].", never "grokking [1].": no space between a word and the footnote mark after it."""
    marks = 0
    for path in sorted((html / "research").glob("*.html")):
        text = path.read_text(encoding="utf-8")
        marks += text.count('class="footnote-reference')
        assert not re.search(r'\s<a class="footnote-reference', text), path.name
    assert marks > 0  # (a paper named in the same paragraph has its link instead, test_formats.py)


def test_every_paper_page_marks_its_first_theme_in_the_menu(html):
    """A paper's page is in no menu of its own: the menu marks the theme page that discusses it first, as on that page."""
    for key, entry in bib_entries().items():
        theme = entry.fields["themes"].split(",")[0].strip()
        marked = [link["href"] for link in soup(html / "papers" / f"{key}.html").select(".sidebar-tree li.current-page > a")]
        assert marked == [f"../research/{theme}.html"], key


@pytest.mark.parametrize("page", THEME_PAGES)
def test_a_theme_page_shows_each_of_its_papers_previews_once_where_it_tells_the_paper(html, epub, page):
    """On the web and in the e-book: the image with its words, before the paragraph that first names the paper."""
    theme = page.removeprefix("research/")
    own = {key: entry for key, entry in bib_entries().items() if entry.fields.get("themes") == theme}
    for document in (soup(html / f"{page}.html"), soup(epub_files(epub)[f"{page}.xhtml"])):
        figures = document.select("figure.pub-discussed")
        shown = [figure["id"].removeprefix("preview-") for figure in figures]
        assert sorted(shown) == sorted(key for key, entry in own.items() if "preview" in entry.fields)
        for key, figure in zip(shown, figures):
            image = figure.select_one("img")
            assert image["alt"] == " ".join(own[key].fields["preview_alt"].split())
            assert image.get("width") or "width" in image.get("style", "")
            assert figure.find_next_sibling(["p", "ul"]) is not None


def test_the_equal_contribution_mark_is_explained_on_every_page_that_shows_it(html, epub):
    """A starred author is explained on the same page, and no page explains a mark it does not show."""
    pages = [(str(path), soup(path)) for path in Path(html).rglob("*.html")]
    pages += [(name, soup(text)) for name, text in epub_files(epub).items() if name.endswith(".xhtml")]
    for name, page in pages:
        marks = [mark for mark in page.select(".pub-author sup") if mark.get_text() == "*"]
        explained = [note for note in page.select(".pub-legend, .pub-summary") if "Equal contribution." in note.get_text()]
        assert bool(marks) == bool(explained), name
    # Theme pages cite papers with equal first authors in their notes; the home page's selected papers have none.
    assert soup(html / "research/physics-of-ai.html").select_one("div.container:has(aside.footnote-list) + p.pub-legend")

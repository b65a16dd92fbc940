"""Paper pages are pages: made by Sphinx under their own names, with any theme, from the entry's one view."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from helpers import build_with_theme

ELLIPSIS_TITLE = "Less is more\N{HORIZONTAL ELLIPSIS} or not"
PAPER = "papers/lovelace1843less"


def soup(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="pages", freshenv=True)
def test_every_page_context_handler_sees_each_paper_page_under_its_name(app, warning):
    app.build()
    assert warning.getvalue() == ""
    recorded = dict(app.builder.recorded_pages)
    assert {PAPER, "papers/lovelace1844engine", "papers/babbage1845poetry", "papers/lovelace1842alone"} <= recorded.keys()
    assert not any("shell" in name for name in recorded)
    assert recorded[PAPER] == ELLIPSIS_TITLE


@pytest.mark.sphinx("html", testroot="pages", freshenv=True)
def test_a_title_reads_the_same_in_the_list_the_footnote_and_its_own_page(app):
    app.build()
    listed = soup(app, "publications.html").find("a", href=f"{PAPER}.html").get_text()
    footnote = soup(app, "engines.html").find("aside", class_="footnote-list").find("a", href=f"{PAPER}.html").get_text()
    page = soup(app, f"{PAPER}.html")
    assert listed == footnote == page.find("h1").get_text().rstrip("\N{PILCROW SIGN}") == ELLIPSIS_TITLE
    assert page.find("title").get_text().startswith(ELLIPSIS_TITLE)
    # Quotes are educated as in prose, in the list and on the paper's page alike.
    engine = "The \N{LEFT DOUBLE QUOTATION MARK}analytical\N{RIGHT DOUBLE QUOTATION MARK} engine"
    assert soup(app, "publications.html").find("a", href="papers/lovelace1844engine.html").get_text() == engine
    assert soup(app, "papers/lovelace1844engine.html").find("h1").get_text().startswith(engine)


@pytest.mark.sphinx("html", testroot="pages", freshenv=True)
def test_a_paper_page_reads_in_order_and_cites_without_equal_contribution_marks(app):
    app.build()
    page = soup(app, f"{PAPER}.html")
    section = page.find("section", id="paper")
    order = [element.get("class", [""])[0] or element.name for element in
             section.find_all(["h1", "p", "div", "section", "details"], recursive=True)
             if element.name == "h1" or set(element.get("class", [])) & {"pub-authors", "pub-legend", "pub-venue",
                                                                          "pub-links", "pub-lead", "pub-section",
                                                                          "pub-discussed", "pub-back"}]
    assert order == ["h1", "pub-authors", "pub-legend", "pub-venue", "pub-links", "pub-lead", "pub-section",
                     "pub-discussed", "pub-section", "pub-back"]
    # Its parts are headings a screen reader lists, one level under the title.
    assert [heading.get_text().rstrip("¶") for heading in section.select("section.pub-section > h2")] == ["Abstract", "Cite this paper"]
    plain = section.find("summary", string="Plain text").find_next("pre").get_text()
    assert plain == f"{ELLIPSIS_TITLE}. Luigi Menabrea and Ada Lovelace. Scientific Memoirs, 1843."
    assert "<sup>" in str(section.find(class_="pub-authors"))  # the page itself marks them, and explains the mark


@pytest.mark.sphinx("html", testroot="pages", freshenv=True)
def test_previous_and_next_stay_within_the_papers_first_theme_or_year(app):
    app.build()

    def around(key: str) -> dict[str, str]:
        page = soup(app, f"papers/{key}.html")
        return {side: link["href"] for side in ("prev", "next") if (link := page.find("link", rel=side))}

    # Engines, newest first: lovelace1844engine, then lovelace1843less; poetry's first paper is babbage1845poetry.
    assert around("lovelace1844engine") == {"next": "lovelace1843less.html"}
    assert around("lovelace1843less") == {"prev": "lovelace1844engine.html"}
    assert around("babbage1845poetry") == {}
    assert around("lovelace1842alone") == {}
    title = soup(app, "papers/lovelace1843less.html").find("link", rel="prev")["title"]
    assert title == "The \N{LEFT DOUBLE QUOTATION MARK}analytical\N{RIGHT DOUBLE QUOTATION MARK} engine (in Engines)"


@pytest.mark.sphinx("dirhtml", testroot="pages", freshenv=True)
def test_dirhtml_writes_paper_pages_and_links_them(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert (app.outdir / "papers" / "lovelace1843less" / "index.html").is_file()
    assert soup(app, "publications/index.html").find("a", href=f"../{PAPER}/")


@pytest.mark.sphinx("singlehtml", testroot="pages", freshenv=True)
def test_singlehtml_says_once_as_information_why_papers_have_no_pages(app, status, warning):
    app.build()
    assert warning.getvalue() == ""
    assert status.getvalue().count("singlehtml builder writes the whole site as one page") == 1
    assert not (app.outdir / "papers").exists()


#: How each theme marks the link to the page the reader is on: its own classes.
CURRENT_LINK = {
    "furo": "li.current-page > a",
    "alabaster": "li.toctree-l1.current > a",
    "sphinx_rtd_theme": "li.toctree-l1.current > a",
    "pydata_sphinx_theme": "li.nav-item.current > a",
    "sphinx_book_theme": "li.toctree-l1.current > a",
}


def current_links(page: BeautifulSoup, theme: str) -> set[str]:
    return {link["href"] for link in page.select(CURRENT_LINK[theme])}


def assert_paper_pages_mark_their_place(outdir, theme: str) -> None:
    def page(key: str) -> BeautifulSoup:
        return BeautifulSoup((outdir / "papers" / f"{key}.html").read_text(encoding="utf-8"), "html.parser")

    # A paper in a theme marks its first theme's page, as that page marks itself; one in none, the publication list.
    assert current_links(page("lovelace1843less"), theme) == {"../engines.html"}, theme
    assert current_links(page("lovelace1844engine"), theme) == {"../engines.html"}, theme
    assert current_links(page("babbage1845poetry"), theme) == {"../poetry.html"}, theme
    assert current_links(page("lovelace1842alone"), theme) == {"../publications.html"}, theme
    engines = BeautifulSoup((outdir / "engines.html").read_text(encoding="utf-8"), "html.parser")
    assert len(current_links(engines, theme)) == 1, theme  # the theme's own marking, on the page itself


@pytest.mark.sphinx("html", testroot="pages", freshenv=True)
def test_a_paper_page_marks_its_theme_or_the_publication_list_as_current_in_furo(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert_paper_pages_mark_their_place(app.outdir, "furo")


THEME_SIDEBARS = {
    "alabaster": ("div", "sphinxsidebar"),
    "sphinx_rtd_theme": ("nav", "wy-nav-side"),
    "pydata_sphinx_theme": ("div", "bd-sidebar-primary"),
    "sphinx_book_theme": ("div", "bd-sidebar-primary"),
}


@pytest.mark.parametrize("theme", THEME_SIDEBARS)
def test_other_themes_build_without_warnings_with_their_sidebars_on_paper_pages(rootdir, tmp_path, theme):
    outdir = build_with_theme(rootdir / "test-pages", tmp_path, theme)
    page = BeautifulSoup((outdir / f"{PAPER}.html").read_text(encoding="utf-8"), "html.parser")
    element, cls = THEME_SIDEBARS[theme]
    sidebar = page.find(element, class_=cls)
    assert sidebar is not None and sidebar.find("a", href="../publications.html"), theme
    heading = page.find("section", id="paper").find_all("h1")
    assert len(heading) == 1 and heading[0].get_text().startswith(ELLIPSIS_TITLE)
    assert_paper_pages_mark_their_place(outdir, theme)

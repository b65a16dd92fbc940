"""Figures drawn from the .bib: present in every format, true to the data, redrawn only when it changes."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from reading import bib_entries, epub_files, pdf_text, soup, squash

FIGURES = {"per-year": "publications", "coauthors": "research/index", "timeline": "experience"}


def per_year_counts(description: str) -> dict[str, int]:
    return {year: int(count) for year, count in re.findall(r"(\d{4}): (\d+)", description)}


@pytest.mark.parametrize(("kind", "page"), FIGURES.items())
def test_web_figure_is_inline_svg_with_title_desc_and_page_colour(html, kind, page):
    figure = soup(html / f"{page}.html").find("figure", id=f"figure-{kind}")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    labels = svg["aria-labelledby"].split()
    assert svg.find("title")["id"] in labels and svg.find("desc")["id"] in labels
    assert svg.find("title").get_text() and svg.find("desc").get_text()
    assert "currentColor" in str(svg) and "#010101" not in str(svg)  # text and axes follow light and dark


def test_papers_per_year_match_the_publication_list(html):
    page = soup(html / "publications.html")
    drawn = per_year_counts(page.find("figure", id="figure-per-year").find("desc").get_text())
    listed = {section["id"].removeprefix("year-"): len(section.select("li.pub-entry"))
              for section in page.select("section[id^=year-]")}
    assert drawn == listed
    assert drawn == dict(Counter(entry.fields["year"] for entry in bib_entries().values()))


def test_coauthor_chart_names_the_frequent_coauthors_and_counts_the_rest(html):
    """One bar per co-author of two papers or more, named; the text below says the same, with each one's theme."""
    page = soup(html / "research" / "index.html")
    labels = [text.get_text().strip() for text in page.find("figure", id="figure-coauthors").find_all("text")]
    text = page.select_one("details.figure-text p").get_text()  # a click away: the chart shows the same
    shared = Counter(" ".join(person.first_names + person.middle_names + person.prelast_names
                              + person.last_names).replace("{", "").replace("}", "")
                     for entry in bib_entries().values() for person in entry.persons["author"] if str(person) != "others")
    del shared["Ziming Liu"]  # the owner is every paper's author, not a co-author
    frequent = {name: count for name, count in shared.items() if count > 1}
    assert 0 < len(frequent) <= 10
    for name, count in frequent.items():
        assert name in labels and str(count) in labels
        assert re.search(rf"{re.escape(name)} \({count} papers, [^)]+\)", text), name
    single = sum(1 for count in shared.values() if count == 1)
    assert f"{single} others" in labels and "1 each" in labels
    assert text.startswith(f"Most frequent co-authors: Max Tegmark ({shared['Max Tegmark']} papers, several themes)")
    assert text.endswith(f"and {single} co-authors with one paper each.")
    assert "Ziming Liu" not in labels


def test_epub_shows_each_figure_as_an_image_with_alt_text(epub):
    files = epub_files(epub)
    for kind, page in FIGURES.items():
        image = soup(files[f"{page}.xhtml"]).find("figure", id=f"figure-{kind}").find("img")
        assert image["alt"] and image["src"].endswith(".png")


def test_pdf_includes_each_figure_as_vector_graphics(latex, pdf):
    (tex,) = latex.glob("*.tex")
    included = re.findall(r"\\sphinxincludegraphics\[[^]]*\]\{\{([^}]+)\}\.pdf\}", tex.read_text(encoding="utf-8"))
    assert sorted(name.split("-")[0] for name in included) == ["coauthors", "per", "timeline"]
    for name in included:
        assert (latex / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    assert "Papers per year, by kind of venue." in squash(pdf_text(pdf))


@pytest.mark.parametrize(("kind", "page"), FIGURES.items())
def test_pdf_figure_stands_where_its_page_puts_it_never_inside_a_list(html, pdf, kind, page):
    """A figure floated to the top of a page lands between two items of a list (the timeline did, in Experience)."""
    caption = squash(soup(html / f"{page}.html").find("figure", id=f"figure-{kind}").find("figcaption").get_text())
    text = squash(pdf_text(pdf))
    after = text[text.index(caption) + len(caption):].lstrip()
    assert not after.startswith("\N{BULLET}"), f"a list goes on after the {kind} figure: {after[:80]!r}"

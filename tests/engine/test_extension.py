"""The portfolio extension on a tiny project of its own: what each directive and the style produce."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def page(app) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / "publications.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_test_project_builds_without_warnings(app, warning):
    app.build()
    assert warning.getvalue() == ""


@pytest.mark.sphinx("html", testroot="publications")
def test_owner_from_settings_is_bold_in_lists_and_citations(app):
    app.build()
    html = page(app)
    for entry in html.select("li.pub-entry"):
        if "Lovelace" in entry.get_text():
            assert "Ada Lovelace" in [strong.get_text() for strong in entry.find_all("strong")]
    footnote = html.find(id="footcite-lovelace1844poetical")
    assert footnote.find("strong").get_text() == "Ada Lovelace"


@pytest.mark.sphinx("html", testroot="publications")
def test_entry_reads_title_authors_venue_badge_links(app):
    app.build()
    (entry,) = [e for e in page(app).select("section#year-1843 li.pub-entry")]
    text = " ".join(entry.find("p").get_text().split())
    assert text.startswith("Notes on the Analytical Engine. Luigi Menabrea*")
    assert "Scientific Memoirs 3, 666\u2013731, 1843." in text
    assert entry.select_one(".pub-badge").get_text() == "Oral"
    links = {a.get_text(): (a["href"], a["title"]) for a in entry.select(".pub-links a")}
    assert links == {"PDF": ("https://arxiv.org/pdf/1203.4567", "arxiv.org/pdf/1203.4567"),
                     "arXiv": ("https://arxiv.org/abs/1203.4567", "arXiv:1203.4567"),
                     "Code": ("https://example.org/engine", "example.org/engine")}
    assert " \N{MIDDLE DOT} ".join(links) == entry.select_one(".pub-links").get_text().strip()


@pytest.mark.sphinx("html", testroot="publications")
def test_equal_contribution_is_marked_and_explained(app):
    app.build()
    html = page(app)
    (entry,) = html.select("section#year-1843 li.pub-entry")
    assert len(entry.find_all("sup", string="*")) == 2
    assert "Equal contribution." in html.select_one(".pub-legend").get_text()


@pytest.mark.sphinx("html", testroot="publications")
def test_list_groups_by_year_newest_first_and_theme_list_filters(app):
    app.build()
    html = page(app)
    assert [section["id"] for section in html.select("section[id^=year-]")] == ["year-1844", "year-1843"]
    assert html.find(id="year-1844").find("h2").get_text().startswith("1844 (2 papers)")
    engines = html.find(id="engines").select("li.pub-entry .pub-title")
    assert [title.get_text() for title in engines] == ["The Difference Engine", "Notes on the Analytical Engine"]


@pytest.mark.sphinx("html", testroot="publications")
def test_titles_link_to_generated_paper_pages(app):
    app.build()
    links = {a["href"] for a in page(app).select(".pub-title a")}
    assert links == {"papers/lovelace1843notes.html", "papers/lovelace1844poetical.html", "papers/babbage1844difference.html"}
    assert (app.outdir / "papers" / "babbage1844difference.html").is_file()


@pytest.mark.sphinx("latex", testroot="publications")
def test_latex_keeps_lists_in_place_with_bold_owner_and_badges(app):
    app.build()
    (tex,) = app.outdir.glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    assert r"\sphinxstylestrong{Ada Lovelace}" in source
    assert r"\DUrole{pub-badge}{Oral}" in source
    assert source.index("The Difference Engine") < source.index("Notes on the Analytical Engine")
    assert "BibTeX" not in source and "@misc{" not in source


@pytest.mark.sphinx("epub", testroot="publications")
def test_epub_leaves_out_the_web_only_bibtex_records(app):
    app.build()
    xhtml = (app.outdir / "publications.xhtml").read_text(encoding="utf-8")
    assert "pub-entry" in xhtml and "<details" not in xhtml


@pytest.mark.sphinx("html", testroot="publications")
def test_names_and_venues_keep_their_writing_direction_to_themselves(app):
    app.build()
    entry = page(app).select("section#year-1843 li.pub-entry")[0]
    assert [bdi["class"] for bdi in entry.find_all("bdi")][:2] == [["pub-author"], ["pub-author"]]
    assert entry.select_one("bdi.pub-where em").get_text() == "Scientific Memoirs"


def test_two_lists_grouped_by_year_on_one_page_keep_their_ids_apart(make_app, rootdir, tmp_path):
    import shutil

    source = tmp_path / "publications"
    shutil.copytree(rootdir / "test-publications", source)
    with (source / "publications.md").open("a", encoding="utf-8") as markdown:
        markdown.write("\n## Again\n\n```{publication-list}\n:group-by-year:\n```\n")
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    assert app._warning.getvalue() == ""
    ids = [section["id"] for section in page(app).select("section[id^=year-]")]
    assert ids == ["year-1844", "year-1843", "year-1844-2", "year-1843-2"]

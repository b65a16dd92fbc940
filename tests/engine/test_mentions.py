"""A paper named in the prose links to its page on the web and stays italic text in print."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_a_mention_is_the_papers_title_linked_to_its_page(app):
    app.build()
    page = BeautifulSoup((app.outdir / "publications.html").read_text(encoding="utf-8"), "html.parser")
    mentions = {a.get_text(): a["href"] for a in page.select("#mentions p a")}
    assert mentions == {"Notes on the Analytical Engine": "papers/lovelace1843notes.html",
                        "the difference engine": "papers/babbage1844difference.html"}
    assert all(a.find("em") for a in page.select("#mentions p a"))


@pytest.mark.sphinx("latex", testroot="publications", freshenv=True)
def test_a_mention_in_print_is_italic_text(app):
    app.build()
    (tex,) = app.outdir.glob("*.tex")
    assert (r"\DUrole{pub-mention}{\sphinxstyleemphasis{Notes on the Analytical Engine}} and "
            r"\DUrole{pub-mention}{\sphinxstyleemphasis{the difference engine}}") in tex.read_text(encoding="utf-8")


def test_an_unknown_key_is_a_located_warning(make_app, rootdir, tmp_path):
    import shutil

    source = tmp_path / "source"
    shutil.copytree(rootdir / "test-publications", source)
    page = source / "publications.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{paper}`lovelace1843notes`", "{paper}`lovelace1843note`"))
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    assert f'{page}:20: WARNING: paper mentioned by an unknown key "lovelace1843note"' in app._warning.getvalue()


def prose_marks(page: BeautifulSoup) -> list[tuple[str, str]]:
    """Each footnote marker in the prose, in order: (its number, the footnote it leads to)."""
    return [(mark.get_text().strip("[]"), mark["href"].removeprefix("#footcite-")) for mark in page.select("p a.footnote-reference")]


def references(page: BeautifulSoup) -> list[tuple[str, str]]:
    """The page's references, in order: (number, key); the number is empty where the reference shows none."""
    return [(note.find(class_="label").get_text().strip("[]") if note.find(class_="label") else "",
             note["id"].removeprefix("footcite-"))
            for note in page.select("aside.footnote")]


@pytest.mark.sphinx("html", testroot="mentions", freshenv=True, confoverrides={"nitpicky": True})
def test_on_the_web_a_paper_linked_by_a_mention_gets_no_marker_in_that_paragraph(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = BeautifulSoup((app.outdir / "engines.html").read_text(encoding="utf-8"), "html.parser")
    paragraphs = [p.get_text() for p in page.select("section > p:not(.rubric)")]
    assert paragraphs == ["Notes on the Analytical Engine described the engine. Poetry guided it[1].",
                          "The engine had a forerunner[2].",
                          "The difference engine came first."]
    # The markers left count 1, 2; the references keep every paper, in the order the prose names or marks
    # them: the paper named first comes first, unnumbered (no marker points at it).
    assert prose_marks(page) == [("1", "lovelace1844poetical"), ("2", "babbage1844difference")]
    assert references(page) == [("", "lovelace1843notes"), ("1", "lovelace1844poetical"), ("2", "babbage1844difference")]
    assert "[3]" not in page.get_text()
    backlinks = {note["id"]: [a["href"] for a in note.select("a[role=doc-backlink]")] for note in page.select("aside.footnote")}
    assert backlinks["footcite-babbage1844difference"] == ["#id3"] and backlinks["footcite-lovelace1843notes"] == []
    assert all(page.find(id=href[1:]) for hrefs in backlinks.values() for href in hrefs)


@pytest.mark.sphinx("epub", testroot="mentions", freshenv=True, confoverrides={"nitpicky": True})
def test_in_the_ebook_every_citation_keeps_its_marker(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = BeautifulSoup((app.outdir / "engines.xhtml").read_text(encoding="utf-8"), "html.parser")
    assert prose_marks(page) == [("1", "lovelace1843notes"), ("2", "lovelace1844poetical"), ("3", "babbage1844difference"),
                                 ("3", "babbage1844difference")]
    assert references(page) == [("1", "lovelace1843notes"), ("2", "lovelace1844poetical"), ("3", "babbage1844difference")]


@pytest.mark.sphinx("latex", testroot="mentions", freshenv=True, confoverrides={"nitpicky": True})
def test_in_the_pdf_every_citation_keeps_its_marker(app, warning):
    app.build()
    assert warning.getvalue() == ""
    (tex,) = app.outdir.glob("*.tex")
    text = tex.read_text(encoding="utf-8")
    assert r"\sphinxstyleemphasis{Notes on the Analytical Engine}} described the engine%" + "\n" + r"\begin{footnote}[1]" in text
    assert r"\sphinxstyleemphasis{The difference engine}} came first\sphinxfootnotemark[3]." in text

"""The one source tree builds every format Read the Docs publishes, and each holds every page."""

from __future__ import annotations

import subprocess

from helpers import require_tool
from reading import (
    epub_files,
    main_text,
    page_title,
    pdf_pages,
    soup,
    source_pages,
    squash,
)


def test_every_page_is_on_the_web(html):
    for docname in source_pages():
        page = soup(html / f"{docname}.html")
        assert page.find("h1").get_text().rstrip("¶") == page_title(docname), docname


def test_read_the_docs_finds_what_it_publishes(site, html, singlehtml, epub, pdf):
    """One .epub; one .tex for latexmk's -jobname; the PDF it keeps is named after the project slug."""
    assert (html / "index.html").is_file()
    assert [path.name for path in epub.parent.glob("*.epub")] == [epub.name]
    assert len(list(pdf.parent.glob("*.tex"))) == 1
    assert pdf.name == "ziming-liu.pdf" and pdf.stat().st_size > 0
    assert (singlehtml / "index.html").is_file()


def test_every_published_file_can_be_read_by_a_web_server(html, epub, tmp_path):
    """Each file of the site and the e-book has the permissions of any new file (a server reads them as another user)."""
    probe = tmp_path / "probe"
    probe.write_bytes(b"")
    expected = probe.stat().st_mode & 0o777
    wrong = [str(path.relative_to(html.parent)) for path in [*html.rglob("*"), epub]
             if path.is_file() and path.stat().st_mode & 0o777 != expected]
    assert wrong == []


def test_pdf_compiles_without_latex_errors(pdf):
    log = pdf.with_suffix(".log").read_text(errors="replace")
    assert "Output written on" in log
    assert [line for line in log.splitlines() if line.startswith("!")] == []


def test_pdf_has_a_chapter_for_every_page_but_the_home_page(pdf):
    require_tool("pdftotext")
    text = squash("\n".join(pdf_pages(pdf)))
    for docname in source_pages():
        if docname not in ("index", "404", "cv"):  # the CV is a PDF of its own
            assert page_title(docname) in text, docname


def test_epub_passes_epubcheck(epub):
    require_tool("java", "epubcheck")
    result = subprocess.run(["java", "-jar", "/usr/share/java/epubcheck.jar", str(epub)], capture_output=True, text=True)
    assert "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos" in result.stdout + result.stderr, result.stdout


def test_epub_holds_every_page(epub):
    files = epub_files(epub)
    for docname in source_pages():
        if docname != "404":
            assert f"{docname}.xhtml" in files, docname


def test_citation_leads_to_the_right_paper_on_the_web(html):
    page = soup(html / "research" / "physics-for-ai.html")
    reference = page.find("a", class_="footnote-reference", href="#footcite-xu2022poisson")
    footnote = page.find(id="footcite-xu2022poisson")
    assert reference is not None and footnote is not None
    assert "Poisson flow generative models" in footnote.get_text()
    title_link = footnote.find("span", class_="pub-title").find("a")
    assert title_link["href"] == "../papers/xu2022poisson.html"
    paper = soup(html / "papers" / "xu2022poisson.html")
    assert "Poisson flow generative models" in paper.find("h1").get_text()


def test_a_paper_named_and_cited_in_one_paragraph_shows_its_link_and_no_marker_on_the_web(html, epub):
    """"Towards understanding grokking ... grokking.", not the linked title and a "[1]" for the same paper."""
    page = soup(html / "research" / "physics-of-ai.html")
    mention = next(link for link in page.find_all("a", href="../papers/liu2022grokking.html", class_="reference")
                   if not link.find_parent("figcaption"))  # the prose's, not the caption of the paper's preview
    paragraph = mention.find_parent("p")
    assert not paragraph.select("a.footnote-reference")
    assert "comprehension and grokking. In transformers" in " ".join(paragraph.get_text().split())
    assert page.find(id="footcite-liu2022grokking")  # the references keep it
    ebook = soup(epub_files(epub)["research/physics-of-ai.xhtml"])
    assert ebook.find("a", class_="footnote-reference", href="#footcite-liu2022grokking")  # no link in the e-book: the marker leads


def test_citation_leads_to_the_right_paper_in_the_epub(epub):
    page = soup(epub_files(epub)["research/physics-of-ai.xhtml"])
    reference = page.find("a", class_="footnote-reference", href="#footcite-liu2022grokking")
    assert reference is not None
    assert "Towards understanding grokking" in page.find(id="footcite-liu2022grokking").get_text()


def test_citation_is_a_footnote_on_the_same_pdf_page(pdf):
    require_tool("pdftotext")
    pages = [squash(page) for page in pdf_pages(pdf)]
    (citing,) = [page for page in pages if "combined an effective theory of a toy model" in page]
    assert "Towards understanding grokking: An effective theory of representation learning" in citing


def test_home_page_text_is_on_the_web(html):
    assert "supervised by Prof. Max Tegmark" in main_text(soup(html / "index.html"))

"""Helpers that read built outputs the way a reader's software does: HTML, ePub and PDF."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent.parent


def source_pages() -> list[str]:
    """Docnames of the site's Markdown pages (the CV is one too, on the web and in the e-book)."""
    excluded = {"README", "CHANGELOG"}
    return sorted(
        str(path.relative_to(PROJECT).with_suffix(""))
        for path in PROJECT.glob("**/*.md")
        if not path.relative_to(PROJECT).parts[0].startswith(("_", ".", "tests", "benchmarks", "node_modules", "research_portfolio"))
        and str(path.relative_to(PROJECT).with_suffix("")) not in excluded
    )


def soup(source: Path | str) -> BeautifulSoup:
    """Parse an HTML file, or HTML text (an ePub's XHTML, say)."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return BeautifulSoup(text, "html.parser")


def page_title(docname: str) -> str:
    """The H1 of a Markdown page, as its author wrote it."""
    text = (PROJECT / f"{docname}.md").read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.MULTILINE).group(1).strip()


def main_text(page: BeautifulSoup) -> str:
    """The article's text as a reader sees it, no-break spaces as spaces."""
    article = page.find("article") or page.find("body")
    return " ".join(article.get_text(" ").replace("\u00a0", " ").split())


def epub_files(book: Path) -> dict[str, str]:
    with zipfile.ZipFile(book) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xhtml", ".opf", ".ncx", ".css", ".html"))
        }


def pdf_text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, in order (pdftotext separates pages with form feeds)."""
    return pdf_text(pdf, "-layout").split("\f")


def squash(text: str) -> str:
    """Text with hyphenation at line ends undone and all whitespace runs made single spaces."""
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", text)
    return " ".join(text.replace("\u00a0", " ").split())


def pdf_xml(pdf: Path) -> str:
    """The PDF as poppler's XML: text runs with <b> for bold fonts and <a href> for link annotations."""
    return subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], capture_output=True, text=True, check=True).stdout


def bib_entries(path: Path | None = None):
    """The entries of publications.bib, in file order, as pybtex reads them."""
    from pybtex.database import parse_file

    return parse_file(str(path or PROJECT / "publications.bib")).entries

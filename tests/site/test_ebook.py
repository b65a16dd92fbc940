"""The e-book: its metadata and cover, what a small screen shows, and the same bytes from the same source."""

from __future__ import annotations

import os
import re

from helpers import copy_project, sphinx
from reading import epub_files, soup


def test_metadata_describes_the_book(epub):
    opf = epub_files(epub)["content.opf"]
    for element, value in [("dc:title", "Ziming Liu: Research portfolio"), ("dc:creator", "Ziming Liu"),
                           ("dc:language", "en"), ("dc:publisher", "Ziming Liu"),
                           ("dc:identifier", "ziming-liu-research-portfolio")]:
        assert re.search(rf"<{element}[^>]*>{re.escape(value)}</{element}>", opf), element
    assert re.search(r"<dc:description>[^<]*physics", opf)
    assert re.search(r"<dc:date>\d{4}-\d{2}-\d{2}", opf)


def test_cover_is_drawn_at_build_time(epub):
    import zipfile

    opf = epub_files(epub)["content.opf"]
    assert '<meta name="cover" content="epub-0"' in opf or 'name="cover"' in opf
    with zipfile.ZipFile(epub) as archive:
        cover = archive.read("_static/portfolio-cover.png")
    assert cover.startswith(b"\x89PNG") and len(cover) > 10_000


def test_no_web_only_markup_reaches_the_book(epub):
    for name, text in epub_files(epub).items():
        if name.endswith(".xhtml"):
            assert "<details" not in text and "sidebar" not in text and "furo" not in text, name


def test_each_page_links_each_style_sheet_once(epub):
    for name, text in epub_files(epub).items():
        if name.endswith(".xhtml") and name != "nav.xhtml":
            sheets = re.findall(r'<link rel="stylesheet"[^>]*href="([^"]+)"', text)
            assert any(sheet.endswith("_static/portfolio.css") for sheet in sheets) and len(sheets) == len(set(sheets)), (name, sheets)


def test_references_stay_in_place_in_each_chapter(epub):
    files = epub_files(epub)
    for theme in ("physics-of-ai", "physics-for-ai", "ai-for-physics", "neuroscience-for-ai", "heavy-ion-physics",
                  "methods"):
        page = files[f"research/{theme}.xhtml"]
        assert page.index('class="footnote-reference') < page.index('role="doc-footnote"')
        assert "pub-entry" not in page  # the footnotes are the chapter's one list of its papers


def test_two_builds_with_the_same_source_date_are_byte_identical(tmp_path):
    """A clean build, another in a new folder, and a rebuild over the first give the same bytes."""
    source = copy_project(tmp_path / "source")
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    books = []
    for folder, options in (("first", ["-E"]), ("second", ["-E"]), ("first", [])):
        process = sphinx(source, "epub", tmp_path / folder, *options, env=environment)
        assert process.returncode == 0, process.stderr[-2000:]
        (book,) = (tmp_path / folder).glob("*.epub")
        books.append(book.read_bytes())
    assert books[0] == books[1] == books[2]


def test_the_book_shows_the_photo_beside_the_name(epub):
    """The e-book's first page carries the photo, as the source image (e-book readers need not read WebP)."""
    page = epub_files(epub)["index.xhtml"]
    assert '<img class="portfolio-photo" src="_static/img/portrait.jpg"' in page and 'alt="Photo of Ziming Liu" />' in page


def test_the_book_carries_only_files_it_uses(epub):
    """Every image and style sheet in the book is named by a page or a style sheet (not just listed), and none is there twice."""
    import hashlib
    import posixpath
    import zipfile

    with zipfile.ZipFile(epub) as archive:
        names = [name for name in archive.namelist() if not name.endswith("/")]
        texts = {name: archive.read(name).decode("utf-8") for name in names if name.endswith((".xhtml", ".css"))}
        digests = {name: hashlib.sha256(archive.read(name)).hexdigest() for name in names}
    named = set()
    for name, text in texts.items():
        for target in re.findall(r'(?:src|href)="([^"#]+)"|url\(["\']?([^"\')]+)', text):
            target = next(part for part in target if part)
            if "://" not in target:
                named.add(posixpath.normpath(posixpath.join(posixpath.dirname(name), target)))
    media = [name for name in names if name.endswith((".png", ".jpg", ".jpeg", ".svg", ".gif", ".css"))]
    assert sorted(name for name in media if name not in named) == []
    assert len({digests[name] for name in media}) == len(media), "the same file twice"


def test_the_contents_list_each_theme_under_research_and_each_chapter_once(epub):
    files = epub_files(epub)
    nav = soup(files["nav.xhtml"])
    themes = [link for link in nav.select('a[href^="research/"]') if "#" not in link["href"] and link["href"] != "research/index.xhtml"]
    assert len(themes) == 6
    assert {link.find_parent("ol").find_parent("li").a.get_text() for link in themes} == {"Research"}
    from xml.etree import ElementTree

    space = {"ncx": "http://www.daisy.org/z3986/2005/ncx/"}
    for point in ElementTree.fromstring(files["toc.ncx"]).iterfind(".//ncx:navPoint", space):
        child = point.find("ncx:navPoint", space)
        source = point.find("ncx:content", space).get("src")
        assert child is None or child.find("ncx:content", space).get("src") != source, source


def test_the_cover_is_described_by_the_words_drawn_on_it(epub):
    cover = soup(epub_files(epub)["epub-cover.xhtml"]).find("img")
    assert cover["alt"] == "Ziming Liu, Research portfolio, PhD student in physics, Massachusetts Institute of Technology"

"""The e-book: a cover drawn at build time from the settings, and a byte-reproducible .epub file.

Sphinx zips the e-book with each file's modification time, so two builds of the same source differ.
After the build the archive is rewritten with every entry dated ``SOURCE_DATE_EPOCH`` (or 1980-01-01
when it is unset) and with fixed permissions, keeping Sphinx's order and compression; the new archive
replaces the old in one rename.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

from ..figures.cards import card_words, described, place_card
from ..sphinx_ext.cache import write_atomically

COVER = "_static/portfolio-cover.png"
COVER_PAGE = "portfolio-epub-cover.html"  # in TEMPLATES
TEMPLATES = Path(__file__).parent / "templates"
COVER_SIZE = (1600, 2400)  # pixels; the 2:3 shape e-book stores ask for
ZIP_EPOCH = 315532800  # 1980-01-01, the earliest date a zip entry can hold


def default_cover(app: Sphinx, config: Config) -> None:
    """The drawn cover, on a cover page whose picture is described by its words (Sphinx's says "Cover image")."""
    if not config.epub_cover:
        config.epub_cover = (COVER, COVER_PAGE)
        config.templates_path = [*config.templates_path, str(TEMPLATES)]  # a new list: Sphinx's default stays untouched


def describe_cover(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object) -> None:
    if templatename == COVER_PAGE:
        context["portfolio_cover_alt"] = described(card_words(app))


def draw_cover(app: Sphinx) -> None:
    """Draw the cover into the output folder before Sphinx lists the e-book's files."""
    if app.builder.name != "epub" or app.config.epub_cover[0] != COVER:
        return
    place_card(app, "cover", COVER_SIZE, COVER)


def remove_last_cover_page(app: Sphinx) -> None:
    """Delete the cover page an earlier build wrote, which Sphinx makes again (an e-book with a cover template).

    Sphinx lists the output folder's pages before it adds the cover page to the reading order: a
    cover page left by the last build is listed twice, and epubcheck rejects the book (Sphinx 8.1
    to 9.0). Without it, a rebuild gives the bytes a clean build gives.
    """
    page = getattr(app.builder, "coverpage_name", None)  # every e-book builder's (sphinx.builders.epub3)
    if app.builder.name == "epub" and page and app.config.epub_cover and app.config.epub_cover[1]:
        (Path(app.outdir) / page).unlink(missing_ok=True)


def normalize_archive(app: Sphinx, exception: Exception | None) -> None:
    """Rewrite the .epub so the same source and SOURCE_DATE_EPOCH always give the same bytes."""
    if exception is not None or app.builder.name != "epub":
        return
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", ZIP_EPOCH)), ZIP_EPOCH)
    stamp = time.gmtime(epoch)[:6]
    book = Path(app.outdir) / f"{app.config.epub_basename}.epub"
    with zipfile.ZipFile(book) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w") as archive:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            archive.writestr(fixed, data)
    write_atomically(book, rewritten.getvalue())  # a build stopped here leaves Sphinx's whole .epub, never half of one


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", default_cover)
    app.connect("builder-inited", draw_cover)
    app.connect("builder-inited", remove_last_cover_page)
    app.connect("html-page-context", describe_cover)
    app.connect("build-finished", normalize_archive)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The PDF, the e-book and the CV one click from the home page and the footer, where they are published."""

from __future__ import annotations

import shutil

from bs4 import BeautifulSoup
from reading import soup
from test_bring_your_own import DATA, ROOT

BASE = "https://marta.readthedocs.io/en/latest/"


def home(make_app, tmp_path, **overrides):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    shutil.copyfile(DATA / "hostile" / "one-entry.bib", source / "refs.bib")
    app = make_app("html", srcdir=source, freshenv=True,
                   confoverrides={"html_theme": "furo", "html_baseurl": BASE, **overrides})
    app.build()
    assert app._warning.getvalue() == ""
    return BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_read_the_docs_build_links_pdf_epub_and_cv_from_home_and_footer(make_app, tmp_path):
    page = home(make_app, tmp_path, portfolio_downloads=True)
    expected = {"Portfolio (PDF)": "https://marta.readthedocs.io/_/downloads/en/latest/pdf/",
                "E-book (ePub)": "https://marta.readthedocs.io/_/downloads/en/latest/epub/",
                "Short CV (PDF)": f"{BASE}cv.pdf"}
    assert {a.get_text(): a["href"] for a in page.select("p.portfolio-downloads a")} == expected
    footer = {a.get("aria-label") or a.get("title") or a.get_text(strip=True): a["href"]
              for a in page.select(".bottom-of-page .icons a")}
    assert set(expected.values()) <= set(footer.values())


def test_local_build_shows_no_download_link(make_app, tmp_path, html):
    page = home(make_app, tmp_path)
    assert not page.select("p.portfolio-downloads")
    site_home = soup(html / "index.html")
    assert not site_home.select("p.portfolio-downloads")
    assert not [a for a in site_home.select("a[href]") if "/_/downloads/" in a["href"] or a["href"].endswith("cv.pdf")]

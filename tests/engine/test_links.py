"""The owner's links in one row under the name, and the CV, PDF and e-book where the host publishes them."""

from __future__ import annotations

import shutil
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from test_bring_your_own import DATA, ROOT

BASE = "https://marta.readthedocs.io/en/latest/"
PERSON = {"name": "Marta Kowalczyk", "email": "marta@example.org", "website": "https://marta.example.org",
          "github": "mkowalczyk", "orcid": "0000-0002-1825-0097"}


def home(make_app, tmp_path, **overrides):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    shutil.copyfile(DATA / "hostile" / "one-entry.bib", source / "refs.bib")
    app = make_app("html", srcdir=source, freshenv=True,
                   confoverrides={"html_baseurl": BASE, "portfolio_person": PERSON, **overrides})
    app.build()
    assert app._warning.getvalue() == ""
    return BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


def row(page: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(): unquote(a["href"]) for a in page.select("ul.portfolio-links a")}


def footer(page: BeautifulSoup) -> dict[str, str]:
    return {a.get("aria-label") or a.get_text(strip=True): unquote(a["href"]) for a in page.select(".bottom-of-page .icons a")}


@pytest.mark.parametrize(("host", "pdf", "epub"), [
    ("readthedocs", "https://marta.readthedocs.io/_/downloads/en/latest/pdf/",
     "https://marta.readthedocs.io/_/downloads/en/latest/epub/"),
    ("site", f"{BASE}marta-kowalczyk.pdf", f"{BASE}marta-kowalczyk.epub"),
])
def test_a_published_site_links_its_cv_first_then_the_person_then_its_files(make_app, tmp_path, host, pdf, epub):
    page = home(make_app, tmp_path, portfolio_downloads=host)
    assert list(row(page).items()) == [
        ("CV", f"{BASE}cv.pdf"), ("marta@example.org", "mailto:marta@example.org"), ("marta.example.org", "https://marta.example.org"),
        ("GitHub", "https://github.com/mkowalczyk"), ("ORCID", "https://orcid.org/0000-0002-1825-0097"),
        ("Portfolio PDF", pdf), ("E-book", epub),
    ]
    assert list(footer(page).values()) == list(row(page).values())
    assert list(footer(page))[1:3] == ["Email", "Website"]  # the icons say what each is
    assert len({str(a.find("svg")) for a in page.select(".bottom-of-page .icons a")}) >= 5  # an icon of its own each


def test_a_local_build_links_the_person_but_no_file_it_does_not_have(make_app, tmp_path):
    page = home(make_app, tmp_path)
    assert list(row(page)) == ["marta@example.org", "marta.example.org", "GitHub", "ORCID"]
    assert not [href for href in row(page).values() if "/_/downloads/" in href or href.endswith(".pdf")]


def test_a_site_that_sets_its_footer_icons_keeps_them(make_app, tmp_path):
    page = home(make_app, tmp_path, html_theme_options={"footer_icons": []})
    assert footer(page) == {}


def test_a_page_can_link_the_cv_alone(make_app, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    shutil.copyfile(DATA / "hostile" / "one-entry.bib", source / "refs.bib")
    (source / "index.md").write_text("# Marta Kowalczyk\n\n```{portfolio-links}\n:only: CV\n```\n\n```{toctree}\npublications\n```\n")
    app = make_app("html", srcdir=source, freshenv=True,
                   confoverrides={"html_baseurl": BASE, "portfolio_person": PERSON, "portfolio_downloads": "readthedocs"})
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert row(page) == {"CV": f"{BASE}cv.pdf"}


def test_the_row_is_a_list_whose_separators_are_the_style_sheets(make_app, tmp_path):
    """On a phone the row wraps between links, never inside one, and no dot is left at a line's end."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    shutil.copyfile(DATA / "hostile" / "one-entry.bib", source / "refs.bib")
    app = make_app("html", srcdir=source, freshenv=True,
                   confoverrides={"html_baseurl": BASE, "portfolio_person": PERSON, "portfolio_downloads": "site"})
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = page.select("ul.portfolio-links > li")
    assert len(items) >= 4
    assert all("\N{MIDDLE DOT}" not in item.get_text() for item in items)
    css = (app.outdir / "_static" / "portfolio.css").read_text(encoding="utf-8")
    assert "ul.portfolio-links > li::before" in css and "white-space: nowrap" in css and "text-wrap: balance" in css


def test_an_address_in_the_row_is_shown_as_written_never_with_curly_quotes_or_dashes(make_app, tmp_path):
    person = {**PERSON, "email": "o'brien@example.org", "website": "https://example.org/~ada--lab/"}
    page = home(make_app, tmp_path, portfolio_person=person)
    assert list(row(page))[:2] == ["o'brien@example.org", "example.org/~ada--lab"]

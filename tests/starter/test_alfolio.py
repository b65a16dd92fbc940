"""A researcher arriving from al-folio: the starter on their papers.bib, nothing edited, then one build.

The new site (tests/starter/conftest.py) must build strictly on the first try and show every entry
with its links, the owner in bold and no LaTeX left in the text; the files al-folio kept in
assets/ are in the site's static folder, where the entries' links find them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pybtex.database import parse_file
from reading import soup
from starter_sites import ALFOLIO_BIB, OWNER

from research_portfolio.bib import entries
from research_portfolio.bib.fields import LINK_FIELDS, SHOWN
from research_portfolio.cli.newsite import named_files
from research_portfolio.web.paperpages import page_name

BIB = ALFOLIO_BIB
ENTRIES = parse_file(str(BIB)).entries


def local_files() -> dict[str, str]:
    """The files the .bib names without a URL, in the folder al-folio keeps them in (its assets/)."""
    return named_files(BIB.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(alfolio_html: Path) -> Path:
    return alfolio_html


def listed(site: Path) -> dict[str, object]:
    """Each list entry by the key of its paper."""
    page = soup(site / "publications.html")
    keys = {page_name(key): key for key in ENTRIES}
    return {keys[item.select_one(".pub-title a")["href"].removesuffix(".html")]: item for item in page.select("li.pub-entry")}


def test_every_entry_is_listed_once(site):
    assert sorted(listed(site)) == sorted(ENTRIES)


def test_every_link_field_is_a_link(site):
    items = listed(site)
    for key, entry in ENTRIES.items():
        hrefs = [a["href"] for a in items[key].select(".pub-links a")]
        for field in LINK_FIELDS:
            value = entry.fields.get(field.name, "").strip()
            if value:
                expected = value if not entries.is_file(value) else f"_static/{local_files()[value]}/{value}"
                assert any(href.endswith(expected) for href in hrefs), (key, field.name, hrefs)
        if entries.arxiv_id(entry):
            assert f"https://arxiv.org/abs/{entries.arxiv_id(entry)}" in hrefs, key
        if "doi" in entry.fields:
            assert f"https://doi.org/{entries.doi(entry)}" in hrefs and not any("doi.org/https" in h for h in hrefs)


def test_arxiv_journals_read_as_preprints(site):
    items = listed(site)
    for key, entry in ENTRIES.items():
        if entries.is_arxiv_venue(entry.fields.get("journal", "")):
            text = items[key].find("p").get_text(" ")
            assert "arXiv preprint" in text and "arXiv preprint arXiv" not in text, key


def test_owner_is_bold_in_every_entry(site):
    for key, item in listed(site).items():
        assert OWNER in [strong.get_text() for strong in item.find_all("strong")], key


def test_no_latex_markup_is_left_in_the_text(site):
    for key, item in listed(site).items():
        text = item.find("p").get_text()
        assert not re.search(r"[\\{}$]", text), (key, text)
    assert "et al." in soup(site / "publications.html").get_text()


def test_shown_bibtex_leaves_out_template_fields(site):
    for record in soup(site / "publications.html").select("details.pub-bibtex pre"):
        fields = set(re.findall(r"^\s*(\w+) = ", record.get_text(), re.MULTILINE))
        assert {field.lower() for field in fields} <= SHOWN, fields - SHOWN


def test_preview_images_show_on_paper_pages(site):
    for key, entry in ENTRIES.items():
        value = entry.fields.get("preview", "").strip()
        images = soup(site / f"{page_name(key)}.html").select("img.pub-preview")
        assert len(images) == (1 if value and entries.is_file(value) else 0), key

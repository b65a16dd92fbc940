"""The README's "Coming from al-folio" steps, run as written on an al-folio bibliography nobody edited.

tests/data/alfolio-papers.bib is a realistic al-folio ``_bibliography/papers.bib`` written for the
tests (OpenReview, arXiv, DBLP and publisher exports; al-folio's fields; accents; a DOI URL). The
steps: copy it over publications.bib, copy the files it names into the static folder, set the
person in conf.py, write the research pages. The site must then build strictly, as Read the Docs
builds it, and show every entry with its links, the owner in bold and no LaTeX left in the text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import copy_project, sphinx
from pybtex.database import parse_file
from reading import PROJECT, soup

from portfolio import entries
from portfolio.fields import (
    ALFOLIO_DEFAULT_FOLDER,
    ALFOLIO_FOLDERS,
    HIDDEN,
    LINK_FIELDS,
)
from portfolio.paperpages import page_name

BIB = PROJECT / "tests" / "data" / "alfolio-papers.bib"
OWNER = "Marta Kowalczyk"
ENTRIES = parse_file(str(BIB)).entries


def local_files() -> dict[str, str]:
    """The files the .bib names without a URL, in the folder al-folio keeps them in (its assets/)."""
    found = {}
    for entry in ENTRIES.values():
        for field in [*(link.name for link in LINK_FIELDS), "preview"]:
            value = entry.fields.get(field, "").strip()
            if value and entries.is_file(value):
                found[value] = ALFOLIO_FOLDERS.get(field, ALFOLIO_DEFAULT_FOLDER)
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = copy_project(tmp_path_factory.mktemp("alfolio") / "source")
    # 1. Copy _bibliography/papers.bib over publications.bib.
    shutil.copyfile(BIB, source / "publications.bib")
    # 2. Copy al-folio's assets/pdf and assets/img/publication_preview into _static/ (here: stand-ins).
    for name, folder in local_files().items():
        target = source / "_static" / folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"stand-in for " + name.encode())
    # 3. Set the person in conf.py; this fork keeps no research themes.
    conf = source / "conf.py"
    text = conf.read_text(encoding="utf-8")
    text = re.sub(r'"name": "[^"]*"', f'"name": "{OWNER}"', text, count=1)
    text = re.sub(r'slug = "[^"]*"', 'slug = "marta-kowalczyk"', text)
    text = re.sub(r"portfolio_themes = \{.*?\n\}", "portfolio_themes = {}", text, flags=re.DOTALL)
    conf.write_text(text, encoding="utf-8")
    # 4. Write the research pages.
    cited = next(iter(ENTRIES))
    for page in (source / "research").glob("*.md"):
        if page.stem != "index":
            page.write_text(f"({page.stem})=\n# {page.stem.replace('-', ' ').title()}\n\nA result {{footcite:p}}`{cited}`.\n\n"
                            "```{footbibliography}\n```\n", encoding="utf-8")
    process = sphinx(source, "html", source / "_build" / "html")
    assert process.returncode == 0, (process.stdout + process.stderr)[-4000:]
    return source / "_build" / "html"


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
        assert not fields & HIDDEN, fields & HIDDEN


def test_preview_images_show_on_paper_pages(site):
    for key, entry in ENTRIES.items():
        value = entry.fields.get("preview", "").strip()
        images = soup(site / f"{page_name(key)}.html").select("img.pub-preview")
        assert len(images) == (1 if value and entries.is_file(value) else 0), key


def test_readme_field_table_mirrors_the_data():
    from portfolio.fields import FIELDS

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("<!-- fields table") : readme.index("<!-- end of fields table")]
    rows = re.findall(r"^\| `(\w+)` \| ([\w-]+) \| (.+) \|$", table, re.MULTILINE)
    assert rows == [(field.name, field.origin, field.meaning) for field in FIELDS]

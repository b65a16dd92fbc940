"""What search engines, scholars' indexes and link previews read from the site, parsed as they parse it."""

from __future__ import annotations

import json
import struct
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from reading import bib_entries, soup, source_pages

BASE = "https://ziming-liu.readthedocs.io/en/latest/"
ENTRIES = bib_entries()
WEB_PAGES = [page for page in source_pages()] + [f"papers/{key}" for key in ENTRIES]


def json_ld(page) -> list[dict]:
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def metas(page, name: str) -> list[str]:
    return [tag["content"] for tag in page.find_all("meta", attrs={"name": name})]


@pytest.mark.parametrize("docname", WEB_PAGES)
def test_every_page_has_description_canonical_url_and_link_preview(html, docname):
    page = soup(html / f"{docname}.html")
    (description,) = metas(page, "description")
    assert len(description) > 40
    assert page.find("link", rel="canonical")["href"] == f"{BASE}{docname}.html"
    properties = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    assert properties["og:url"] == f"{BASE}{docname}.html"
    assert properties["og:description"] == description
    assert properties["og:image"] == f"{BASE}_static/portfolio-social.png"
    assert metas(page, "twitter:card") == ["summary_large_image"]


def test_link_preview_image_is_drawn_at_build_time(html):
    data = (html / "_static" / "portfolio-social.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


def test_home_page_describes_the_person(html):
    (person,) = json_ld(soup(html / "index.html"))
    assert person["@type"] == "Person" and person["name"] == "Ziming Liu"
    assert person["affiliation"]["name"] == "Massachusetts Institute of Technology"
    assert [school["name"] for school in person["alumniOf"]] == ["Peking University"]
    assert person["sameAs"] == ["https://kindxiaoming.github.io"]


@pytest.mark.parametrize("key", list(ENTRIES))
def test_paper_page_carries_scholar_tags_and_json_ld_that_match_the_bib(html, key):
    entry = ENTRIES[key]
    page = soup(html / "papers" / f"{key}.html")
    title = entry.fields["title"].replace("{", "").replace("}", "")
    authors = [" ".join(p.first_names + p.middle_names + p.prelast_names + p.last_names) for p in entry.persons["author"]]
    assert metas(page, "citation_title") == [title]
    assert metas(page, "citation_author") == authors
    assert metas(page, "citation_publication_date") == [entry.fields["year"]]
    assert metas(page, "citation_doi") == ([entry.fields["doi"]] if "doi" in entry.fields else [])
    assert metas(page, "citation_arxiv_id") == ([entry.fields["eprint"]] if "eprint" in entry.fields else [])
    if entry.type == "article":
        assert metas(page, "citation_journal_title") == [entry.fields["journal"]]
    if entry.type == "inproceedings":
        assert metas(page, "citation_conference_title") == [entry.fields["booktitle"]]
    (article,) = json_ld(page)
    assert article["@type"] == "ScholarlyArticle" and article["headline"] == title
    assert [author["name"] for author in article["author"]] == authors


def test_sitemap_lists_every_page_under_the_canonical_base(html):
    root = ElementTree.parse(html / "sitemap.xml").getroot()
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = [loc.text for loc in root.iter(f"{namespace}loc")]
    assert all(url.startswith(BASE) for url in urls)
    pages = {url.removeprefix(BASE).removesuffix(".html") for url in urls}
    assert pages == set(WEB_PAGES) - {"404"}
    assert all((Path(html) / f"{page}.html").is_file() for page in pages)
    robots = (html / "robots.txt").read_text()
    assert f"Sitemap: {BASE}sitemap.xml" in robots


def test_favicon_is_linked_and_built(html):
    icon = soup(html / "index.html").find("link", rel="icon")
    assert (html / icon["href"]).is_file()

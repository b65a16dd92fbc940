"""The site as its readers see it, checked against its own data: publications.bib and conf.py.

`make test` builds the web site once, strictly (a warning is an error), into a temporary folder
and reads the pages back. Nothing here names a paper or a person: the expectations come from the
.bib and the settings, so the tests stay right as the site grows.
"""

from __future__ import annotations

import runpy
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from pybtex.database import parse_file
from research_portfolio.bib.pagenames import page_name

SITE = Path(__file__).resolve().parent.parent


class Page(HTMLParser):
    """A built page's text and the links and ids in it."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.headings: list[str] = []
        self._heading = False
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        self._heading = tag == "h1"

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading and data.strip():
            self.headings.append(data.strip())
            self._heading = False


@pytest.fixture(scope="session")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    process = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html", "-d",
                              str(out / ".doctrees"), str(SITE), str(out)], capture_output=True, text=True)
    assert process.returncode == 0, process.stdout[-2000:] + process.stderr[-4000:]
    return out


@pytest.fixture(scope="session")
def config() -> dict[str, object]:
    """conf.py's settings, as Python reads the file."""
    return runpy.run_path(str(SITE / "conf.py"))


def test_every_entry_of_the_bib_is_listed_and_links_its_own_page(html):
    links = set(Page(html / "publications.html").links)
    for key in parse_file(str(SITE / "publications.bib")).entries:
        page = page_name(key) + ".html"
        assert page in links, f"{key} is not listed"
        assert (html / page).is_file(), f"{key} has no page"


def test_the_home_page_is_titled_with_the_owners_name(html, config):
    assert Page(html / "index.html").headings[0] == config["portfolio_person"]["name"]


def test_every_internal_link_leads_to_a_page_and_anchor_that_exist(html):
    for path in html.rglob("*.html"):
        for link in Page(path).links:
            if urlsplit(link).scheme or link.startswith(("mailto:", "//")):
                continue
            target, anchor = urldefrag(link)
            page = (path.parent / target).resolve() if target else path
            assert page.exists(), f"{path.relative_to(html)} links to {link}"
            if anchor and page.suffix == ".html":
                assert anchor in Page(page).ids, f"{path.relative_to(html)} links to {link}"

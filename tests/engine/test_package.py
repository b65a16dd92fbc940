"""The wheel holds the engine and nothing of any site: no page, entry, fact or test of Ziming Liu's."""

from __future__ import annotations

import re
import zipfile

from helpers import PROJECT

import research_portfolio

#: The first site's owner, his supervisor and his places: none may be in the engine (the MIT licence aside).
HIS = re.compile(r"Ziming|Tegmark|Peking|kindxiaoming|\bMIT\b(?! License)|\bLiu\b", re.IGNORECASE)
LICENCE = re.compile(r"^License-Expression: MIT$", re.MULTILINE)


def test_the_wheel_holds_the_package_and_its_data_only(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert wheel.name == f"sphinx_research_portfolio-{research_portfolio.__version__}-py3-none-any.whl"
    outside = [name for name in names if not name.startswith(("research_portfolio/", "sphinx_research_portfolio-"))]
    assert outside == []
    for data in ("py.typed", "web/static/portfolio.css", "web/static/portfolio-copy.js", "print/texinputs/portfolio.sty",
                 "web/templates/furo/search.html", "web/templates/sphinx_rtd_theme/search.html",
                 "web/templates/partials/portfolio-search-form.html",
                 "starter/Makefile", "starter/conf.py.jinja", "starter/tests/test_site.py"):
        assert f"research_portfolio/{data}" in names, data
    assert not [name for name in names if name.endswith((".bib", ".pdf")) or "/tests/" in name and "starter/" not in name]


def test_nothing_in_the_wheel_names_the_first_sites_owner(wheel):
    with zipfile.ZipFile(wheel) as archive:
        found = {name: sorted(set(HIS.findall(LICENCE.sub("", archive.read(name).decode("utf-8", "replace")))))
                 for name in archive.namelist()}
    assert {name: words for name, words in found.items() if words} == {}


def test_the_metadata_says_what_a_user_searches_for(wheel):
    metadata = zipfile.ZipFile(wheel).read(f"sphinx_research_portfolio-{research_portfolio.__version__}.dist-info/METADATA").decode()
    for line in ("Name: sphinx-research-portfolio", "License-Expression: MIT", "Requires-Python: >=3.11",
                 "Classifier: Framework :: Sphinx :: Extension", "Requires-Dist: sphinx>=8.1,<10"):
        assert line in metadata, line
    assert re.search(r"^Summary: .+", metadata, re.MULTILINE)


def test_setup_returns_the_packages_version(make_app, tmp_path):
    (tmp_path / "conf.py").write_text('extensions = ["research_portfolio"]\nportfolio_person = {"name": "Ada Lovelace"}\n')
    (tmp_path / "index.md").write_text("# Ada Lovelace\n")
    app = make_app("html", srcdir=tmp_path)
    assert app.extensions["research_portfolio"].version == research_portfolio.__version__


def test_the_changelog_records_this_version():
    assert f"## {research_portfolio.__version__} (" in (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")

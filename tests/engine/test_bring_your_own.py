"""A bibliography the project did not write: hostile but valid .bib files, untrusted content, a fork's owner.

Each case builds the small project in ``tests/roots/test-bring-your-own`` (owner Marta Kowalczyk, no
research themes) with one .bib file from ``tests/data``. Valid files must build without a warning
and without a traceback, and show every entry; invalid links must stop the build at their line;
markup in a field must reach every format as text.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import sphinx
from pybtex.database import parse_file

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent / "roots" / "test-bring-your-own"


def project(tmp_path: Path, bib: Path | str) -> Path:
    """A copy of the small project with *bib* (a file, or .bib text) as its bibliography."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    text = bib.read_text(encoding="utf-8") if isinstance(bib, Path) else bib
    (source / "refs.bib").write_text(text, encoding="utf-8")
    return source


def build(make_app, source: Path, builder: str = "html"):
    app = make_app(builder, srcdir=source, freshenv=True)
    app.build()
    return app


def html(app, page: str = "publications") -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", sorted(path.name for path in (DATA / "hostile").glob("*.bib")))
def test_hostile_but_valid_bib_builds_every_page(make_app, tmp_path, name):
    bib = DATA / "hostile" / name
    app = build(make_app, project(tmp_path, bib))
    assert app._warning.getvalue() == ""
    keys = list(parse_file(str(bib)).entries)
    page = html(app)
    assert len(page.select("li.pub-entry")) == len(keys)
    assert ("No papers yet." in page.get_text()) == (not keys)
    for key in keys:
        paper = BeautifulSoup((app.outdir / "papers" / f"{key}.html").read_text(encoding="utf-8"), "html.parser")
        assert paper.find("h1").get_text().strip()
        assert paper.select_one('meta[name="description"]')["content"].strip()
    assert not [p for p in page.select("li.pub-entry > p") if "\\" in p.get_text() or "{" in p.get_text()]


def test_a_thousand_entries_build_and_an_edit_to_one_reads_and_writes_only_its_pages(tmp_path):
    entries = "\n".join(
        f"@article{{k{number},\n  author = {{Kowalczyk, Marta and Nowak, Jan{number % 97}}},\n"
        f"  title = {{Paper {number}}},\n  journal = {{Journal {number % 13}}},\n  year = {{{2000 + number % 25}}},\n}}"
        for number in range(1000)
    )
    source = project(tmp_path, entries)
    output = source / "_build" / "html"
    assert built(source) == ["index", "publications"]
    assert len(BeautifulSoup((output / "publications.html").read_text(encoding="utf-8"), "html.parser").select("li.pub-entry")) == 1000
    papers = output / "papers"
    written = {page.name: page.stat().st_mtime_ns for page in papers.glob("*.html")}
    assert len(written) == 1000

    (source / "refs.bib").write_text(entries.replace("title = {Paper 500}", "title = {Paper five hundred}"), encoding="utf-8")
    assert built(source) == ["publications"]  # the list that shows the title; the home page's figures do not change
    rewritten = sorted(page.name for page in papers.glob("*.html") if page.stat().st_mtime_ns != written[page.name])
    assert rewritten == ["k475.html", "k500.html", "k525.html"]  # and its neighbours in the list (2000, like k500), whose links name it
    assert "Paper five hundred" in (papers / "k500.html").read_text(encoding="utf-8")
    assert "Paper five hundred" in (output / "publications.html").read_text(encoding="utf-8")


def built(source: Path) -> list[str]:
    """Build *source* strictly and return the documents Sphinx read."""
    process = sphinx(source, "html", source / "_build" / "html")
    assert process.returncode == 0 and "WARNING" not in process.stderr, process.stderr[-3000:]
    return re.findall(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", process.stdout, re.MULTILINE)


@pytest.mark.parametrize(("name", "field"), [
    ("javascript-url.bib", "code 'javascript:alert(1)'"),
    ("data-url.bib", "pdf 'data:text/html;base64,PHNjcmlwdD4='"),
    ("file-url.bib", "html 'file:///etc/passwd'"),
])
def test_link_with_another_scheme_stops_the_build_at_its_line(make_app, tmp_path, name, field):
    bib = DATA / "unsafe" / name
    line = int(re.search(r"bad field on line (\d+)", bib.read_text(encoding="utf-8"))[1])
    source = project(tmp_path, bib)
    app = build(make_app, source)
    warnings = app._warning.getvalue()
    assert f"refs.bib:{line}: WARNING: kowalczyk" in warnings
    assert f"{field}: only http(s), mailto or a file in the static folder may be linked" in warnings
    assert "Traceback" not in warnings
    assert not [a for a in html(app).select("a[href]") if a["href"].startswith(("javascript:", "data:", "file:"))]


@pytest.mark.parametrize("builder", ["html", "epub"])
@pytest.mark.parametrize(("name", "text"), [
    ("script-title.bib", "<script>alert(1)</script>"),
    ("img-onerror.bib", "<img src=x onerror=alert(1)>"),
])
def test_markup_in_a_field_is_text_on_the_web_and_in_the_ebook(make_app, tmp_path, name, text, builder):
    app = build(make_app, project(tmp_path, DATA / "unsafe" / name), builder)
    assert app._warning.getvalue() == ""
    if builder == "html":
        pages = [path.read_text(encoding="utf-8") for path in app.outdir.glob("**/*.html")]
    else:
        with zipfile.ZipFile(next(app.outdir.glob("*.epub"))) as book:
            pages = [book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xhtml")]
    assert not [page for page in pages if text in page]  # never as markup
    assert not any("onerror=alert" in tag for page in pages for tag in re.findall(r"<img[^>]*>", page))
    assert any(text in BeautifulSoup(page, "html.parser").get_text() for page in pages)  # but shown as text


def test_latex_commands_in_a_title_reach_the_pdf_as_text(make_app, tmp_path):
    app = build(make_app, project(tmp_path, DATA / "unsafe" / "latex-input.bib"), "latex")
    assert app._warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "Sparse priors" in tex  # in sentence case
    assert not re.search(r"(?<!textbackslash\{\})\\input\{/etc/passwd\}", tex)
    assert not re.search(r"(?<!textbackslash\{\})\\write18", tex)


OWNER_ENTRY = """@article{{liu2021conservation,
  author  = {{{authors}}},
  title   = {{Machine Learning Conservation Laws from Trajectories}},
  journal = {{Physical Review Letters}},
  year    = {{2021}},
}}
"""


def test_owner_written_first_last_without_comma_is_caught_with_a_hint(make_app, tmp_path):
    source = project(tmp_path, OWNER_ENTRY.format(authors="Kowalczyk Marta and Tegmark, Max"))
    warnings = build(make_app, source)._warning.getvalue()
    assert "refs.bib:2: WARNING: liu2021conservation: Marta Kowalczyk is not among the authors" in warnings
    assert "did you mean `Kowalczyk, Marta`? `Kowalczyk Marta` reads as first name Kowalczyk, last name Marta" in warnings


def test_owner_check_accepts_initials_and_the_opt_out(make_app, tmp_path):
    bib = OWNER_ENTRY.format(authors="M. Kowalczyk and Tegmark, Max") + OWNER_ENTRY.replace(
        "liu2021conservation", "tegmark2020other").format(authors="Tegmark, Max").replace(
        "year    = {2021},", "year    = {2020},\n  without_owner = {true},")
    app = build(make_app, project(tmp_path, bib))
    assert app._warning.getvalue() == ""
    assert len(html(app).select("li.pub-entry")) == 2


def test_citations_of_missing_keys_end_with_one_count(make_app, tmp_path):
    source = project(tmp_path, DATA / "hostile" / "one-entry.bib")
    page = source / "index.md"
    page.write_text(page.read_text() + "\nSee {footcite:p}`nokey2020a` and {footcite:p}`nokey2021b`.\n\n"
                    "```{footbibliography}\n```\n", encoding="utf-8")
    warnings = build(make_app, source)._warning.getvalue()
    assert re.search(r"index\.md:\d+: WARNING: could not find bibtex key \"nokey2020a\"", warnings)
    assert "2 citations on 1 page point to keys missing from refs.bib" in warnings


def test_a_site_with_no_themes_shows_no_theme_output(make_app, tmp_path):
    app = build(make_app, project(tmp_path, DATA / "hostile" / "one-year.bib"))
    page = html(app)
    assert page.select("ul.publication-themes li") == []
    assert "several themes" not in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_unknown_theme_in_a_list_is_a_located_error_not_a_traceback(make_app, tmp_path):
    source = project(tmp_path, DATA / "hostile" / "one-entry.bib")
    (source / "publications.md").write_text("# Publications\n\n```{publication-list}\n:theme: nothing\n```\n")
    warnings = build(make_app, source)._warning.getvalue()
    assert re.search(r"publications\.md:\d+: ERROR: unknown theme 'nothing' \(known: \)", warnings)


def test_lists_keep_their_style_when_bibtex_default_style_names_another(make_app, tmp_path):
    source = project(tmp_path, DATA / "hostile" / "one-year.bib")
    app = make_app("html", srcdir=source, freshenv=True, confoverrides={"bibtex_default_style": "unsrt"})
    app.build()
    assert app._warning.getvalue() == ""
    entries = html(app).select("li.pub-entry")
    assert len(entries) == 5 and all(entry.select_one(".pub-title a") for entry in entries)


def test_an_untested_sphinx_gets_a_warning_and_the_plain_path_not_a_refusal(make_app, tmp_path, monkeypatch):
    import sphinx

    monkeypatch.setattr(sphinx, "version_info", (10, 0, 0, "final", 0))
    app = build(make_app, project(tmp_path, DATA / "hostile" / "one-entry.bib"))
    assert "research_portfolio.bib.sources is not tested with Sphinx" in app._warning.getvalue()
    assert len(html(app).select("li.pub-entry")) == 1

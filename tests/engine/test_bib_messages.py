"""Nothing in a .bib is lost without a word: each problem is one message with its file, line and key.

``tests/engine/data/broken/reading.bib`` holds one entry for each way a .bib is misread (a key
that differs from another only in case, a stray ``@misc{`` line, a DOI in the month, a field
written twice, a crossref to nowhere, ...). It is built once; each test finds the line of its case
by the text written there and asserts the whole message. A problem costs its field, not its entry:
the entries stay listed without the field.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reading import soup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from research_portfolio.bib.pagenames import page_name

ROOT = Path(__file__).parent / "roots" / "test-bib-sources"
BIB = Path(__file__).parent / "data" / "broken" / "reading.bib"
LONG_KEY = next(line for line in BIB.read_text(encoding="utf-8").splitlines() if "very-long-key" in line)[9:-1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small project with reading.bib, built once: (warnings, the list of publications, the source folder)."""
    source = tmp_path_factory.mktemp("broken") / "source"
    shutil.copytree(ROOT, source)
    shutil.copyfile(BIB, source / "refs.bib")
    app = SphinxTestApp("html", srcdir=source, freshenv=True)
    try:
        app.build()
        warnings = strip_escape_sequences(app.warning.getvalue())
        assert "Traceback" not in warnings
        yield warnings.splitlines(), soup(app.outdir / "publications.html"), source
    finally:
        app.cleanup()


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    return [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line][occurrence - 1]


CASES = [
    pytest.param("@article{Marshall2023Case,", lambda line, source: "Marshall2023Case: duplicate key; the first entry with this "
                 f"key, `marshall2023case`, is on line {line('@article{marshall2023case,')} (keys are compared without regard to case)",
                 id="case-only-duplicate-key"),
    pytest.param("@misc{", "'@misc{' starts no entry (an entry starts @type{key, with its key and a comma); this line is left out, "
                 "so the entry after it is read on its own", id="stray-at-line"),
    pytest.param("month = {DOI:", "marshall2022doimonth: month 'DOI:10.5555/j.jog.2022.01.002' is a DOI: it belongs in the doi "
                 "field (doi = {10.5555/j.jog.2022.01.002})", id="doi-in-month"),
    pytest.param("pages = {doi:", "marshall2022doipages: pages 'doi:10.5555/2022GL099999' is a DOI: it belongs in the doi field "
                 "(doi = {10.5555/2022GL099999})", id="doi-in-pages"),
    pytest.param("number = {https://doi.org/", "marshall2022doinumber: number 'https://doi.org/10.5555/PhysRevB.105.999999' is a "
                 "DOI: it belongs in the doi field (doi = {10.5555/PhysRevB.105.999999})", id="doi-in-number"),
    pytest.param("month = {Spring}", "marshall2021season: month 'Spring' is not a month: write jan to dec (without braces), "
                 "a number from 1 to 12, or a name like May", id="month-not-a-month"),
    pytest.param("month = V,", "marshall2021macro: undefined macro 'V': a value without braces or quotes must be a number, "
                 "a month (jan to dec) or a name that @string defines; write {V} for the text", id="undefined-macro"),
    pytest.param("pdf = {marshall2021.pdf}", lambda line, source: "marshall2021nopdf: pdf 'marshall2021.pdf' is not a URL, and no "
                 f"such file is in the static folder ({source / '_static'})", id="missing-pdf"),
    pytest.param(("title = {A field written twice", 2), lambda line, source: "marshall2020twice: duplicate field 'title'; BibTeX "
                 f"reads only the first, on line {line('title = {A field written twice')}: remove one", id="duplicate-field"),
    pytest.param("Okafor, Chidi, Jr, PhD", "marshall2020commas: author 'Okafor, Chidi, Jr, PhD': too many commas (a name is "
                 "First Last, Last, First or Last, Jr, First); separate names with 'and'", id="too-many-commas"),
    pytest.param("year = {２０２０}", "marshall2020wide: year '２０２０' is not a four-digit year, nor one of in press, "
                 "forthcoming, in review, under review, submitted, in prep, in preparation", id="fullwidth-year"),
    pytest.param("code = {https:evil", "marshall2020scheme: code 'https:evil.example.org/payload' is not a web address: it needs "
                 "// after the scheme, like https://example.org/paper", id="scheme-without-slashes"),
    pytest.param("preview = {../", "marshall2020peek: preview '../../../../etc/passwd': a preview is an image in the static "
                 "folder, named from there like img/paper.png", id="preview-outside-the-static-folder"),
    pytest.param("@article{lovelace/1845,", lambda line, source: "lovelace/1845: its page would be papers/lovelace-1845, the page "
                 f"of `lovelace:1845` (refs.bib:{line('@article{lovelace:1845,')}); rename one of the two keys",
                 id="keys-with-one-page-name"),
    pytest.param("crossref = {ISSW:2019}", "marshall2019orphan: crossref 'ISSW:2019' names no entry of the .bib: add the volume "
                 "it names (its @proceedings or @book), or remove the field", id="crossref-to-no-entry"),
    pytest.param("crossref = {marshall2018loopa}", "marshall2018loopb: crossref cycle marshall2018loopa -> marshall2018loopb -> "
                 "marshall2018loopa: an entry cannot take its fields from itself; remove one of these crossref fields",
                 id="crossref-cycle"),
    pytest.param("\\opt{optional}", "marshall2018preamble: title uses \\opt, which @preamble defines but this site cannot expand "
                 "(it is defined with an optional argument); write out the text it stands for", id="preamble-command"),
    pytest.param("Marshal, Hans-Peter and", "marshal2017near: Hans-Peter Marshall is not among the authors (did you mean "
                 "`Marshall, Hans-Peter` for `Marshal, Hans-Peter`? correct the name, or, if this .bib spells you "
                 "`Marshal, Hans-Peter`, add that spelling to portfolio_person's 'other_names' in conf.py)", id="owner-near-miss"),
    pytest.param("Okafor, Chidi and Lindqvist", "okafor2017other: Hans-Peter Marshall is not among the authors (Chidi Okafor, "
                 "Jonas Lindqvist); if one of them is you, add that spelling to portfolio_person's 'other_names' in conf.py; "
                 "a paper listed on purpose without the owner takes 'without_owner = {true}'", id="owner-absent"),
    pytest.param("{Okafor}, C. and {Lindqvist}, J. and et al.", "okafor2016cut: Hans-Peter Marshall is not among the authors "
                 "(C. Okafor, J. Lindqvist), and the list is cut short ('and others', 'et al.'): write the authors up to you "
                 "(or all of them, as the publisher lists them) into the entry, so that the site can name you", id="owner-cut-off"),
]


@pytest.mark.parametrize(("written", "message"), CASES)
def test_a_misread_is_one_located_message(built, written, message):
    warnings, _, source = built
    text, occurrence = written if isinstance(written, tuple) else (written, 1)
    if callable(message):
        message = message(lambda other: line_of(BIB, other), source)
    assert f"{source / 'refs.bib'}:{line_of(BIB, text, occurrence)}: WARNING: {message} [portfolio.bibtex]" in warnings


def test_every_problem_is_one_message(built):
    warnings, _, _ = built
    assert len(warnings) == len(CASES), "\n".join(warnings)


def test_a_problem_costs_its_field_not_its_entry(built):
    _, page, _ = built
    items = {item.select_one(".pub-title").get_text(): item for item in page.select("li.pub-entry")}
    assert "The entry after a stray line" in items
    assert "The second of two keys that differ in case" not in items  # BibTeX reads the first of two equal keys
    pages = items["A DOI in the pages"].find("p").get_text()
    assert "doi:10.5555" not in pages and "2022GL099999" not in pages
    links = [link.get_text() for link in items["A PDF that is not in the static folder"].select(".pub-links a")]
    assert links == ["Code"]
    assert not items["A preview outside the static folder"].select("img")
    assert "SWE retrievals" in items["SWE retrievals with an \\opt optional argument"].get_text()
    assert "A paper without the owner" in items and "The owner\u2019s name with one letter missing" in items


def test_a_long_key_gets_a_short_page_of_its_own(built):
    _, page, source = built
    assert len(LONG_KEY) > 300
    (item,) = [item for item in page.select("li.pub-entry") if "more than three hundred" in item.get_text()]
    href = item.select_one(".pub-title a")["href"]
    assert href == f"{page_name(LONG_KEY)}.html" and len(href) < 100
    assert (source / "_build" / "html" / href).is_file()

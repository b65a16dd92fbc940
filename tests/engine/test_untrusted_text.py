"""Untrusted text stays text: any value of a .bib field or a setting builds, or stops with a located line.

Hypothesis writes arbitrary text into one field of one entry of a small project (test-publications,
with its three figures), or into one setting of its conf.py, and builds the web site. Each build
must end without an exception, every warning must name its file (and line) or its setting, and
every page may hold only elements, attributes, scripts and link schemes that the same project
builds with plain values: no text turns into markup. The JSON-LD parses and holds the setting as
written. A LaTeX build (slow: few examples) prints the value's characters on the title page and
reads no file the engine did not name.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from fuzzing import examples
from helpers import PROJECT, require_tool
from hypothesis import example, given
from hypothesis import strategies as st
from reading import pdf_text
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from research_portfolio.escape import python

ROOT = PROJECT / "tests" / "engine" / "roots" / "test-publications"
#: The entry whose fields are fuzzed, and the fields: what the lists, pages, metadata and figures print.
ENTRY = "lovelace1844poetical"
FIELDS = ["title", "author", "journal", "year", "month", "volume", "pages", "note", "summary", "abstract", "doi", "url",
          "eprint", "pdf", "code", "html", "preview", "themes", "highlight", "selected", "keywords", "abbr"]
PERSON = ["name", "role", "affiliation", "email", "website", "description", "github", "orcid", "scholar"]
SETTINGS = [f"portfolio_person[{key!r}]" for key in PERSON] + ["portfolio_themes title", "portfolio_highlights",
                                                                 "portfolio_positions name", "html_baseurl"]
#: What the issue found getting through, together: in a setting, and (with its braces balanced) in a .bib field.
FOUND = r'AT&T Labs & 100% R_D %20#top a}\input{FILE}\href{x@b.c <script>alert(1)</script> $\undefinedmacro{x}$ """ \N{'
FOUND_IN_BIB = r'AT&T Labs & 100% R_D %20#top {a}\input{FILE}\href{x@b.c} <script>alert(1)</script> $\undefinedmacro{x}$'
#: A line Sphinx or the engine prints about a problem, and the forms of a located one.
PROBLEM = re.compile(r"^.*\b(?:WARNING|ERROR|CRITICAL):", re.MULTILINE)
LOCATED = re.compile(r"^(?:\S.*?:\d*:? (?:WARNING|ERROR):|WARNING: .*\b(?:conf\.py|portfolio_\w+|html_baseurl)\b)")


@dataclass
class Built:
    source: Path
    html: Path
    problems: list[str] = field(default_factory=list)


def build(folder: Path, conf: str = "", bib: tuple[str, str] | None = None, builder: str = "html", tags: tuple[str, ...] = (),
          cv: str = "") -> Built:
    """Build a copy of the project with *conf* added to its conf.py and one .bib field set; any exception fails the test."""
    source = Path(shutil.copytree(ROOT, folder / "source"))
    with (source / "conf.py").open("a", encoding="utf-8") as written:
        written.write("\n" + conf + "\n")
    if bib is not None:
        name, value = bib
        text = (source / "refs.bib").read_text(encoding="utf-8")
        text = re.sub(rf"^\s*{name}\s*=.*\n", "", text, flags=re.MULTILINE)  # the field set once
        text = text.replace(f"@article{{{ENTRY},", f"@article{{{ENTRY},\n  {name} = {{{value}}},", 1)
        (source / "refs.bib").write_text(text, encoding="utf-8")
    if cv:
        (source / "cv.md").write_text(cv, encoding="utf-8")
    warnings = io.StringIO()
    app = SphinxTestApp(builder, srcdir=source, status=io.StringIO(), warning=warnings, freshenv=True, tags=tags)
    try:
        app.build()  # an exception here is a traceback a reader would have seen
    finally:
        app.cleanup()
    problems = PROBLEM.findall(strip_escape_sequences(warnings.getvalue()))
    lines = [line for line in strip_escape_sequences(warnings.getvalue()).splitlines() if PROBLEM.match(line)]
    assert len(lines) == len(problems)
    return Built(source, Path(app.outdir), lines)


def setting(name: str, value: str) -> str:
    """conf.py's line giving *value* to the setting *name*, through the Python writer."""
    literal = python.literal(value)
    if name.startswith("portfolio_person"):
        key = name[len("portfolio_person['"):-2]
        person = {"name": "Ada Lovelace", key: value} if key != "name" else {"name": value}
        return f"portfolio_person = {python.literal(person)}"
    return {
        "portfolio_themes title": f'portfolio_themes = {{"engines": ({literal}, "publications"), "poetry": ("Poetry", "publications")}}',
        "portfolio_highlights": f'portfolio_highlights = ["Oral", {literal}]',
        "portfolio_positions name": f'portfolio_positions = [{{"name": {literal}, "start": "1842-01", "end": "1844-12"}}]',
        "html_baseurl": f"html_baseurl = {literal}",
    }[name]


@dataclass
class Shape:
    """What the pages are made of, apart from their text: what a value must never add to."""

    elements: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    scripts: set[str] = field(default_factory=set)  # inline scripts' text, and script sources
    schemes: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, html: Path) -> Shape:
        shape = cls()
        for page in html.rglob("*.html"):
            for element in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all(True):
                shape.elements.add(element.name)
                shape.attributes |= set(element.attrs)
                if element.name == "script" and element.get("type") != "application/ld+json":
                    shape.scripts.add(element.get("src") or element.get_text())
                for name in ("href", "src", "action", "formaction", "xlink:href", "data"):
                    if isinstance(element.get(name), str):
                        shape.schemes.add(urlsplit(element[name].strip()).scheme.lower())
        return shape


#: Markup a value may legitimately bring: formatting that LaTeX in a .bib field asks for, and link and isolation spans.
FORMATTING = {"em", "strong", "i", "b", "sup", "sub", "span", "code", "a", "bdi", "small"}


#: Plain values for every link the engine makes (the footer's icons, the published address): the shape to compare with.
PLAIN = ('portfolio_person = {"name": "Ada Lovelace", "email": "ada@example.org", "website": "https://example.org/ada", '
         '"github": "ada", "orcid": "0000-0002-1825-0097", "scholar": "https://scholar.example.org/ada"}\n'
         'html_baseurl = "https://example.org/"')


@pytest.fixture(scope="module")
def plain() -> Shape:
    with tempfile.TemporaryDirectory() as folder:
        return Shape.of(build(Path(folder), conf=PLAIN).html)


def assert_text_stays_text(built: Built, plain: Shape) -> None:
    # The one unlocated line allowed sums up located ones: citations of an entry the .bib lost to a syntax error.
    unlocated = [line for line in built.problems if not LOCATED.match(line) and not line.endswith("[portfolio.citations]")]
    assert not unlocated, unlocated
    assert not built.problems or any(LOCATED.match(line) for line in built.problems)
    shape = Shape.of(built.html)
    assert shape.elements <= plain.elements | FORMATTING, shape.elements - plain.elements
    assert shape.attributes <= plain.attributes, shape.attributes - plain.attributes
    assert not any(name.startswith("on") for name in shape.attributes)
    new_scripts = {script for script in shape.scripts - plain.scripts if not re.fullmatch(r"(\.\./)*_static/[\w./-]+(\?v=\w+)?", script)}
    assert not new_scripts, new_scripts
    assert shape.schemes <= plain.schemes | {"http", "https", "mailto", ""}, shape.schemes
    for page in built.html.rglob("*.html"):
        for data in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("script", type="application/ld+json"):
            json.loads(data.get_text())


@examples(2, 300)
@given(st.sampled_from(FIELDS), st.text())
@example("title", FOUND_IN_BIB)  # the other fields that crashed have tests of their own (test_no_traceback.py)
@example("note", "}@misc{")  # an entry without a key inside another: pybtex gave it the key None (a traceback)
def test_any_text_in_a_bib_field_builds_or_stops_with_a_located_line(plain, name, value):
    with tempfile.TemporaryDirectory() as folder:
        assert_text_stays_text(build(Path(folder), bib=(name, value)), plain)


@examples(2, 300)
@given(st.sampled_from(SETTINGS), st.text())
@example("portfolio_person['name']", FOUND)
@example("portfolio_person['role']", FOUND)
@example("portfolio_person['scholar']", 'https://s.org/"><img/src=x/onerror=alert(1)>')  # furo's footer prints it raw
def test_any_text_in_a_setting_builds_or_stops_with_a_located_line(plain, name, value):
    with tempfile.TemporaryDirectory() as folder:
        built = build(Path(folder), conf=setting(name, value))
        assert_text_stays_text(built, plain)
        key = name[len("portfolio_person['"):-2] if name.startswith("portfolio_person") else ""
        refused = any(key and f"'{key}'" in line or "portfolio_person" in line for line in built.problems)
        if key in ("name", "role", "affiliation", "description") and not refused and value.strip():
            home = BeautifulSoup((built.html / "index.html").read_text(encoding="utf-8"), "html.parser")
            person = json.loads(home.find("script", type="application/ld+json").get_text())
            written = {"name": person["name"], "role": person.get("jobTitle"), "affiliation": person.get("affiliation", {}).get("name"),
                       "description": person.get("description")}[key]
            assert written == value
            if key == "name":  # furo's header on every page
                assert home.select_one(".sidebar-brand-text").get_text() == value


def test_the_owners_name_is_text_in_every_page_header(plain):
    with tempfile.TemporaryDirectory() as folder:
        built = build(Path(folder), conf=setting("portfolio_person['name']", "<script>alert(1)</script> & Ada"))
        for page in built.html.rglob("*.html"):
            shown = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            assert all(script.get("src") or script.get("type") == "application/ld+json" or "alert" not in script.get_text()
                       for script in shown.find_all("script")), page
        home = BeautifulSoup((built.html / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert home.select_one(".sidebar-brand-text").get_text() == "<script>alert(1)</script> & Ada"


#: Characters the PDF's fonts (FreeSerif, FreeSans) hold: what a title page can print and pdftotext read back.
PRINTABLE = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x17F, exclude_categories=["Cc", "Cs", "Zs"]) | st.just(" "),
                    min_size=1, max_size=40)
SECRET = "SECRETFILECONTENT"


def printed(latex: Path) -> str:
    """Compile the LaTeX build in *latex* beside a file FILE.tex the engine never names; the PDF's text."""
    (latex / "FILE.tex").write_text(SECRET + "\n", encoding="utf-8")
    (tex,) = [path for path in latex.glob("*.tex") if path.name != "FILE.tex"]
    process = subprocess.run(["latexmk", "-pdfxe", "-recorder", "-interaction=nonstopmode", "-halt-on-error", tex.name],
                             cwd=latex, capture_output=True, text=True, timeout=600)
    assert process.returncode == 0, process.stdout[-3000:]
    assert "FILE.tex" not in tex.with_suffix(".fls").read_text(encoding="utf-8", errors="replace")  # LaTeX's record of what it read
    text = pdf_text(tex.with_suffix(".pdf"))
    assert SECRET not in text
    return text


def holds(text: str, value: str) -> bool:
    """*value*'s printable characters in *text*, in order, whatever the lines and spaces between them."""
    return "".join(unicodedata.normalize("NFKC", value).split()) in "".join(unicodedata.normalize("NFKC", text).split())


@examples(1, 40)
@given(PRINTABLE)
@example(FOUND.replace("<script>alert(1)</script>", "<script>"))
def test_settings_print_as_written_in_the_pdf_and_no_file_is_read(value):
    require_tool("latexmk", "xelatex", "pdftotext")
    with tempfile.TemporaryDirectory() as folder:
        conf = f'portfolio_person = {{"name": "Ada Lovelace", "role": {python.literal(value)}, "affiliation": {python.literal(value)}}}'
        assert holds(printed(build(Path(folder), conf=conf, builder="latex").html), value)


def test_the_owners_name_prints_as_written_on_the_title_page_and_the_cv():
    """The name goes into latex_documents, which Sphinx writes into \\author as LaTeX: it is escaped there."""
    require_tool("latexmk", "xelatex", "pdftotext")
    name = 'Ada """ & % _ #1 ~^ <script>x</script> Lovelace'
    for tags in ((), ("cv",)):
        with tempfile.TemporaryDirectory() as folder:
            conf = f"portfolio_person = {{'name': {python.literal(name)}, 'other_names': ['Ada Lovelace']}}"
            built = build(Path(folder), conf=conf, builder="latex", tags=tags, cv="# Curriculum vitae\n\nPapers.\n" if tags else "")
            assert holds(printed(built.html), name)


def test_the_cv_prints_the_phone_as_written_and_reads_no_file(monkeypatch):
    require_tool("latexmk", "xelatex", "pdftotext")
    phone = r"\input{FILE} AT&T 100% R_D $x$ ~^ #1 %20#top"
    monkeypatch.setenv("PORTFOLIO_PHONE", phone)
    with tempfile.TemporaryDirectory() as folder:
        built = build(Path(folder), builder="latex", tags=("cv",), cv="# Curriculum vitae\n\nPositions and papers.\n")
        assert holds(printed(built.html), phone)


def test_a_title_holding_the_paper_pages_markers_is_text_once(plain):
    forged = "forged \ue000body\ue001 and papers/portfolio-shell"
    with tempfile.TemporaryDirectory() as folder:
        built = build(Path(folder), bib=("title", forged))
        page = (built.html / "papers" / f"{ENTRY}.html").read_text(encoding="utf-8")
        shown = BeautifulSoup(page, "html.parser")
        for permalink in shown.select("h1 a.headerlink"):
            permalink.decompose()
        assert shown.find("h1").get_text().strip() == forged
        assert len(page) < 2 * len((built.html / "papers" / "lovelace1843notes.html").read_text(encoding="utf-8"))
        assert len(shown.find_all("h1")) == 1

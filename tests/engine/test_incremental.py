"""After any change, an incremental build equals a clean build of the same sources, byte for byte.

One table of changes (settings, the .bib, a page, a template, an extension): each is made to a small
site that was built once, the site is built again in place, and the output is compared with a clean
build of the changed sources into new folders. What is left out of the comparison is only what a
plain Sphinx site without this package also leaves behind after the same change: Sphinx's backup of
its build information and, after a change of ``language``, the old language's stemmer and the old
words of the search index, kept as empty lists (toolchain-facts.md). The same holds after a build
killed at several points (reading, writing, drawing a figure, the search index): the next build
equals a clean one. Slow (two or three builds a case): ``make test-rebuilds`` runs them, after ``make test``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import PROJECT

ROOT = PROJECT / "tests" / "engine" / "roots" / "test-publications"
KILLER = Path(__file__).parent / "data" / "killer"
pytestmark = pytest.mark.rebuilds

NEW_ENTRY = """
@article{lovelace1845bernoulli,
  author  = {Lovelace, Ada},
  title   = {On the {Bernoulli} Numbers},
  journal = {Journal of Imagination},
  year    = {1845},
  themes  = {engines},
}
"""
CSS_EXTENSION = 'def setup(app):\n    app.add_css_file("extra.css")\n    return {"parallel_read_safe": True}\n'
TEMPLATE = '{%% extends "!layout.html" %%}\n{%% block extrahead %%}{{ super() }}<meta name="marker" content="%s">{%% endblock %%}\n'


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def setting(line: str) -> Callable[[Path], None]:
    def change(source: Path) -> None:
        with (source / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(line + "\n")
    return change


def add_css_extension(source: Path) -> None:
    (source / "css_extension.py").write_text(CSS_EXTENSION, encoding="utf-8")
    setting('import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); extensions.append("css_extension")')(source)


def add_entry(source: Path) -> None:
    with (source / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write(NEW_ENTRY)


def delete_entry(source: Path) -> None:
    bib = source / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    start = text.index("@misc{babbage1844difference")
    end = text.index("\n}\n", start) + 3
    bib.write_text(text[:start] + text[end:], encoding="utf-8")
    edit(source / "publications.md", " and {paper}`the difference engine <babbage1844difference>`", "")


#: Each change, made to the built site; "language" also leaves what plain Sphinx leaves.
CHANGES: dict[str, Callable[[Path], None]] = {
    "language": setting('language = "de"'),
    "html_theme": setting('html_theme = "alabaster"; html_theme_options = {}'),
    "html_link_suffix": setting('html_link_suffix = ".htm"'),
    "smartquotes": setting("smartquotes = False"),
    "extension adding css": add_css_extension,
    "portfolio_title_case": setting('portfolio_title_case = "as-written"'),
    "portfolio_max_authors": setting("portfolio_max_authors = 1"),
    "bib entry edited": lambda source: edit(source / "refs.bib", "{Poetical Science}", "{Poetical Science, Revised}"),
    "bib entry added": add_entry,
    "bib entry deleted": delete_entry,
    "theme page edited": lambda source: edit(source / "publications.md", "## Engines", "## Engines and Mills"),
    "template changed": lambda source: (source / "_templates" / "layout.html").write_text(TEMPLATE % "second", encoding="utf-8"),
}


def build(source: Path, out: Path, doctrees: Path, kill_at: str = "", check: bool = True) -> subprocess.CompletedProcess[str]:
    """Build *source* the way the Makefile does, in a new process; *kill_at* names where it kills itself."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_COLOR": "1", "PORTFOLIO_TEST_KILL_AT": kill_at,
                   "PYTHONPATH": os.pathsep.join([str(KILLER), os.environ.get("PYTHONPATH", "")])}
    warnings = [] if "html_theme" in (source / "conf.py").read_text(encoding="utf-8") else ["-W", "--keep-going"]
    process = subprocess.run([sys.executable, "-m", "sphinx", *warnings, "-n", "-b", "html", "-d", str(doctrees), str(source), str(out)],
                             capture_output=True, text=True, env=environment, timeout=600)
    if check:
        assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]
    return process


def search_index(path: Path) -> dict:
    """The search index's data, without the terms that list no page (what Sphinx keeps of the words of another language)."""
    data = json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)", path.read_text(encoding="utf-8").strip(), re.DOTALL)[1])
    for group in ("terms", "titleterms"):
        data[group] = {term: pages for term, pages in data[group].items() if pages not in ([], {})}
    return data


def differences(incremental: Path, clean: Path, leftovers: set[str]) -> list[str]:
    """The files that differ between two output folders, leaving out what plain Sphinx leaves behind too."""
    def files(folder: Path) -> set[str]:
        return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()} - leftovers

    found, wanted = files(incremental), files(clean)
    different = sorted(f"only in the incremental build: {name}" for name in found - wanted)
    different += sorted(f"only in the clean build: {name}" for name in wanted - found)
    for name in sorted(found & wanted):
        one, other = incremental / name, clean / name
        if name == "searchindex.js":
            if search_index(one) != search_index(other):
                different.append(name)
        elif one.read_bytes() != other.read_bytes():
            different.append(name)
    return different


def leftovers(change: str, first: Path) -> set[str]:
    """What plain Sphinx also leaves after *change* in the output folder *first* (toolchain-facts.md).

    Sphinx backs up its build information; it never deletes a static file, so after a change of
    theme the old theme's style sheets and scripts stay, and after a change of language the old
    language's stemmer does.
    """
    plain = {".buildinfo.bak"}
    if change in ("language", "html_theme"):
        plain |= {path.relative_to(first).as_posix() for path in (first / "_static").rglob("*") if path.is_file()}
    return plain


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The small site built once, and a copy of it (sources, output, doctrees) to start each case from."""
    work = tmp_path_factory.mktemp("incremental") / "site"
    source = work / "source"
    shutil.copytree(ROOT, source)
    (source / "_templates").mkdir()
    (source / "_templates" / "layout.html").write_text(TEMPLATE % "first", encoding="utf-8")
    setting('templates_path = ["_templates"]')(source)
    setting('extensions.append("killer")')(source)
    build(source, work / "html", work / "doctrees")
    snapshot = work.with_name("snapshot")
    shutil.copytree(work, snapshot)
    return work, snapshot


def fresh_copy(built: tuple[Path, Path]) -> Path:
    """The built site as it was after its first build, in the same place (Sphinx keeps absolute paths)."""
    work, snapshot = built
    shutil.rmtree(work)
    shutil.copytree(snapshot, work)
    return work


def assert_equals_clean_build(work: Path, change: str = "") -> None:
    clean = work.with_name("clean")
    shutil.rmtree(clean, ignore_errors=True)
    build(work / "source", clean / "html", clean / "doctrees")
    assert differences(work / "html", clean / "html", leftovers(change, work.with_name("snapshot") / "html")) == []


@pytest.mark.parametrize("change", CHANGES)
def test_an_incremental_build_equals_a_clean_one(built, change):
    work = fresh_copy(built)
    CHANGES[change](work / "source")
    build(work / "source", work / "html", work / "doctrees")
    assert_equals_clean_build(work, change)


#: Where a build kills itself (data/killer/killer.py): reading, writing, drawing a figure, the search index.
KILL_POINTS = ("doctree-read:2", "html-page-context:2", "drawing:1", "search-index:1")


@pytest.mark.parametrize("point", KILL_POINTS)
def test_after_a_killed_build_the_next_equals_a_clean_one(built, point):
    work = fresh_copy(built)
    add_entry(work / "source")
    CHANGES["bib entry edited"](work / "source")
    killed = build(work / "source", work / "html", work / "doctrees", kill_at=point, check=False)
    assert killed.returncode == -signal.SIGKILL, (killed.stdout + killed.stderr)[-3000:]
    build(work / "source", work / "html", work / "doctrees")
    assert_equals_clean_build(work)


def test_a_truncated_cache_is_a_cold_start_with_one_line(built):
    work = fresh_copy(built)
    (cache,) = (work / "doctrees").glob("portfolio-cache-*.pickle")
    cache.write_bytes(cache.read_bytes()[:100])
    CHANGES["bib entry edited"](work / "source")
    process = build(work / "source", work / "html", work / "doctrees")
    lines = [line for line in process.stdout.splitlines() if str(cache) in line]
    assert lines == [f"the cache {cache} could not be read (UnpicklingError); this build starts without it"]
    assert_equals_clean_build(work)

"""Mistakes an author makes in a hurry stop the build with a message that says where and what.

Each test breaks a temporary copy of the small project in ``tests/engine/roots/test-bad-input`` (a fictional
physicist's entries and two pages) in one way and runs Read the Docs' HTML command
(``-T -W --keep-going``, as ``fail_on_warning`` does). The build must fail, print the file and line
(or the key and page) with the kind of problem, and print no Python traceback. The last tests break
the LaTeX and the Makefile.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import PACKAGE, PROJECT, make, require_tool, sphinx
from reading import pdf_text, soup, squash


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return lines_of(path, needle)[0]


def lines_of(path: Path, needle: str) -> list[int]:
    lines = path.read_bytes().split(b"\n")
    return [number for number, line in enumerate(lines, 1) if needle.encode() in line]


ROOT = PROJECT / "tests" / "engine" / "roots" / "test-bad-input"
BIB = "refs.bib"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A copy of the small project, which imports the extension from this checkout."""
    return Path(shutil.copytree(ROOT, tmp_path / "source"))


def failed_build(source: Path, builder: str = "html") -> str:
    process = sphinx(source, builder, source / "_build" / builder)
    output = process.stdout + process.stderr
    assert process.returncode == 1, output[-3000:]
    assert "Traceback" not in output
    assert "build finished with problems" in output
    return output


def warning(source: Path, filename: str, line: int, message: str) -> str:
    return f"{source / filename}:{line}: WARNING: {message}"


def assert_located(output: str, source: Path, filename: str, needle: str, message: str) -> None:
    """The warning names the file and the line of *needle*, or the first line of its paragraph (MyST's habit)."""
    found = re.search(rf"{re.escape(str(source / filename))}:(\d+): WARNING: {re.escape(message)}", output)
    assert found, f"no located warning {message!r} in:\n{output[-2000:]}"
    reported, actual = int(found[1]), line_of(source / filename, needle)
    between = (source / filename).read_text(encoding="utf-8", errors="replace").splitlines()[reported - 1 : actual]
    assert reported <= actual and all(line.strip() for line in between), (reported, actual)


def test_bib_syntax_error_is_located_and_later_entries_survive(source):
    bib = source / BIB
    edit(bib, "  year          = {2023},\n  eprint        = {2310.05918},", "  year          = {2023}\n  eprint        = {2310.05918},")
    output = failed_build(source)
    line = line_of(bib, "  eprint        = {2310.05918}")
    assert warning(source, BIB, line, "BibTeX syntax error: '}' expected") in output
    listed = soup(source / "_build" / "html" / "publications.html").get_text()
    for title in ("A scaling law from ensembles of subnetworks", "Random-mass Hamiltonian Monte Carlo"):  # in sentence case
        assert title in listed


def test_unclosed_brace_is_located(source):
    bib = source / BIB
    edit(bib, "{A Scaling Law from Ensembles of Subnetworks},", "{A Scaling Law from Ensembles of Subnetworks,")
    output = failed_build(source)
    assert re.search(rf"{re.escape(str(bib))}:\d+: WARNING: BibTeX syntax error", output)


def test_duplicate_key_names_both_lines(source):
    bib = source / BIB
    edit(bib, "@misc{berg2023ensembles,", "@misc{berg2023growing,")
    output = failed_build(source)
    first, second = lines_of(bib, "@misc{berg2023growing,")
    assert warning(source, BIB, second,
                   f"berg2023growing: duplicate key; the first entry with this key is on line {first}") in output


@pytest.mark.parametrize("field", ["title", "author"])  # work without a year is listed as undated
def test_missing_required_field_is_named(source, field):
    bib = source / BIB
    text = bib.read_text(encoding="utf-8")
    entry = text[text.index("@article{okafor2023precision"):]
    removed = next(line for line in entry.splitlines() if line.strip().startswith(field)) + "\n"
    edit(bib, entry[: entry.index(removed) + len(removed)], entry[: entry.index(removed)])
    output = failed_build(source)
    assert warning(source, BIB, line_of(bib, "@article{okafor2023precision"),
                   f"okafor2023precision: missing field '{field}'") in output


@pytest.mark.parametrize(("old", "new", "message"), [
    ("themes        = {methods}", "themes        = {method}", "berg2022langevin: unknown theme 'method'"),
    ("highlight     = {Spotlight}", "highlight     = {spotlight}", "berg2023omni: unknown highlight 'spotlight'"),
    ("eprint        = {2210.01117}", "eprint        = {arXiv:2210.01117}", "berg2023omni: eprint 'arXiv:2210.01117' is not an arXiv id"),
    ("eprint        = {2210.01117}", "eprint        = {2210.1117}", "berg2023omni: eprint '2210.1117' is not an arXiv id"),
    ("doi           = {10.5555/PhysRevLett.128.180201}", "doi           = {PhysRevLett.128.180201}",
     "berg2022symmetries: doi 'PhysRevLett.128.180201' is not a DOI"),
])
def test_bad_value_in_a_field_is_named(source, old, new, message):
    bib = source / BIB
    edit(bib, old, new)
    output = failed_build(source)
    assert warning(source, BIB, line_of(bib, new), message) in output  # the field's own line


def test_unknown_citation_key_names_page_and_line(source):
    edit(source / "notes.md", "{footcite:p}`berg2019random`", "{footcite:p}`berg2019randm`")
    output = failed_build(source)
    assert_located(output, source, "notes.md", "berg2019randm", 'could not find bibtex key "berg2019randm"')
    assert "1 citation on 1 page points to keys missing from refs.bib" in output


def test_broken_directive_and_role_are_located(source):
    page = source / "notes.md"
    edit(page, "```{footbibliography}", "```{footbibliograpy}")
    edit(page, "{footcite:p}`berg2022langevin`", "{footcit:p}`berg2022langevin`")
    output = failed_build(source)
    assert_located(output, source, "notes.md", "{footbibliograpy}", "Unknown directive type: 'footbibliograpy'")
    assert_located(output, source, "notes.md", "{footcit:p}", 'Unknown interpreted text role "footcit:p".')


def test_page_in_no_toctree_is_named(source):
    (source / "draft.md").write_text("# Draft\n\nNot linked from anywhere.\n", encoding="utf-8")
    output = failed_build(source)
    assert f"{source / 'draft.md'}: WARNING: document isn't included in any toctree" in output


def test_link_to_a_missing_page_or_anchor_is_located(source):
    edit(source / "index.md", "[notes](notes.md)", "[notes](note.md)")
    edit(source / "index.md", "(notes.md#sampling)", "(notes.md#no-such-section)")
    output = failed_build(source)
    assert_located(output, source, "index.md", "note.md", "'myst' cross-reference target not found: 'note.md'")
    assert_located(output, source, "index.md", "#no-such-section", "local id not found in doc 'notes': 'no-such-section'")


def test_page_not_in_utf8_is_located(source):
    page = source / "notes.md"
    text = page.read_text(encoding="utf-8").replace("## Sampling", "## Sampling naïvely")
    page.write_bytes(text.encode("latin-1"))
    output = failed_build(source)
    assert warning(source, "notes.md", line_of(page, "## Sampling"), "not valid utf-8-sig text (byte 0xef)") in output


def test_bib_not_in_utf8_is_located_and_the_rest_still_loads(source):
    bib = source / BIB
    data = bib.read_text(encoding="utf-8").encode("latin-1", errors="replace")  # as an old editor saves it
    first = next(number for number, line in enumerate(data.split(b"\n"), 1) if max(line, default=0) > 0x7F)
    byte = next(byte for byte in data.split(b"\n")[first - 1] if byte > 0x7F)
    bib.write_bytes(data)
    output = failed_build(source)
    assert warning(source, BIB, first, f"not valid utf-8-sig text (byte {byte:#x})") in output
    assert "could not find bibtex key" not in output


def test_latex_hostile_title_compiles_and_shows(source):
    hostile = "Precision & Machine_Learning: 100% of #1 $tricks"
    edit(source / BIB, "{Precision Fitting with Neural Networks}", "{" + hostile + "}")
    for builder in ("html", "latex"):
        process = sphinx(source, builder, source / "_build" / builder)
        assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]
    assert f"{hostile}." in soup(source / "_build/html/publications.html").get_text()
    require_tool("latexmk", "xelatex", "pdftotext")
    subprocess.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "hanna-berg.tex"],
                   cwd=source / "_build/latex", capture_output=True, check=True, timeout=600)
    assert hostile in squash(pdf_text(source / "_build/latex/hanna-berg.pdf"))


def test_make_html_stops_with_the_same_message(source):
    """The Makefile every site gets (the starter's) stops with the located warning, no traceback."""
    require_tool("make")
    shutil.copyfile(PACKAGE / "starter" / "Makefile", source / "Makefile")
    edit(source / BIB, "themes        = {methods}", "themes        = {method}")
    process = make("html", source, source.parent)
    output = process.stdout + process.stderr
    assert process.returncode != 0
    assert "berg2022langevin: unknown theme 'method'" in output and "Traceback" not in output


def test_a_warned_build_is_not_taken_for_clean_by_the_next_target(source):
    """After a failed html build, a latex build on the same doctrees fails again with the same warning."""
    edit(source / "notes.md", "{footcite:p}`berg2019random`", "{footcite:p}`berg2019randm`")
    first = failed_build(source)
    assert 'could not find bibtex key "berg2019randm"' in first
    again = failed_build(source, "latex")
    assert 'could not find bibtex key "berg2019randm"' in again
    assert "1 citation on 1 page points to keys missing from refs.bib" in again

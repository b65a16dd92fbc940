"""Same source, same output: clean builds repeat byte for byte, and incremental builds match clean ones."""

from __future__ import annotations

import filecmp
import json
import os
from pathlib import Path

import pytest
from helpers import copy_project, sphinx

EPOCH = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}


def build(source: Path, builder: str, outdir: Path, doctrees: str) -> None:
    process = sphinx(source, builder, outdir, "-d", doctrees, env=EPOCH)
    assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]


def search_index(path: Path) -> dict:
    """The search index without terms that point to no page.

    Sphinx's incremental indexer keeps a term whose pages were all re-read without it, pointing to
    nothing; it finds nothing, so it is not a difference a reader can see.
    """
    text = path.read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for kind in ("terms", "titleterms"):
        index[kind] = {term: pages for term, pages in index[kind].items() if pages != []}
    return index


def differences(one: Path, other: Path) -> list[str]:
    """Files that differ or exist on one side only, as paths relative to the two folders."""
    found = []
    comparison = filecmp.dircmp(one, other, ignore=[".doctrees"])
    pending = [(comparison, Path())]
    while pending:
        current, relative = pending.pop()
        found += [str(relative / name) for name in current.left_only + current.right_only]
        _, mismatch, errors = filecmp.cmpfiles(one / relative, other / relative, current.common_files, shallow=False)
        found += [str(relative / name) for name in mismatch + errors
                  if name != "searchindex.js" or search_index(one / relative / name) != search_index(other / relative / name)]
        pending += [(sub, relative / name) for name, sub in current.subdirs.items()]
    return sorted(found)


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_two_clean_builds_are_byte_identical(tmp_path, builder):
    source = copy_project(tmp_path / "source")
    build(source, builder, tmp_path / "first", "_build/first")
    build(source, builder, tmp_path / "second", "_build/second")
    assert differences(tmp_path / "first", tmp_path / "second") == []


NEW_PAPER = """
@misc{liu2024extra,
  author        = {Liu, Ziming and Tegmark, Max},
  title         = {An Extra Paper},
  year          = {2024},
  eprint        = {2401.00001},
  archiveprefix = {arXiv},
  themes        = {methods},
}
"""


def edit_page(source: Path) -> None:
    page = source / "service.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## Reviewing", "## Reviewing for journals"), encoding="utf-8")


def edit_entry(source: Path) -> None:
    bib = source / "publications.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("{Precision Machine Learning}", "{Precision Machine Learning, Revised}"),
                   encoding="utf-8")


def add_paper(source: Path) -> None:
    with open(source / "publications.bib", "a", encoding="utf-8") as bib:
        bib.write(NEW_PAPER)


def remove_paper(source: Path) -> None:
    bib = source / "publications.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace(NEW_PAPER, ""), encoding="utf-8")


def test_incremental_builds_match_clean_builds(tmp_path):
    source = copy_project(tmp_path / "source")
    incremental = tmp_path / "incremental"
    build(source, "html", incremental, "_build/incremental")
    for step, change in enumerate((edit_page, edit_entry, add_paper, remove_paper)):
        change(source)
        build(source, "html", incremental, "_build/incremental")
        clean = tmp_path / f"clean-{step}"
        build(source, "html", clean, f"_build/clean-{step}")
        assert differences(incremental, clean) == [], change.__name__
    assert not (incremental / "papers" / "liu2024extra.html").exists()


def test_a_fresh_environment_rewrites_every_paper_page(tmp_path):
    """-E reads everything again, and writes every paper page again, even with the doctrees kept."""
    source = copy_project(tmp_path / "source")
    output = tmp_path / "html"
    build(source, "html", output, "_build/doctrees")
    page = output / "papers" / "liu2023omnigrok.html"
    page.write_text("stale", encoding="utf-8")
    build(source, "html", output, "_build/doctrees")
    assert page.read_text(encoding="utf-8") == "stale"  # an incremental build trusts its record
    process = sphinx(source, "html", output, "-E", "-d", "_build/doctrees", env=EPOCH)
    assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]
    assert page.read_text(encoding="utf-8") != "stale"

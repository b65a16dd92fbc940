"""Data that used to end the build with a traceback: each now gives one located line, or a correct build.

Built from copies of the small project in ``tests/engine/roots/test-publications`` (Ada Lovelace's
three papers, with the three figures), each broken in one way the fault pass of 1.2.0 found.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_escape_sequences
from sphinx.util.docutils import docutils_namespace

ROOT = Path(__file__).parent / "roots" / "test-publications"


def project(tmp_path: Path, bib: bytes | None = None) -> Path:
    source = Path(shutil.copytree(ROOT, tmp_path / "source"))
    if bib is not None:
        (source / "refs.bib").write_bytes(bib)
    return source


def warnings(app) -> list[str]:
    """The build's warnings."""
    return [line for line in strip_escape_sequences(app._warning.getvalue()).splitlines() if "WARNING" in line]


def test_a_bib_where_no_paper_has_a_year_builds_and_its_figures_say_there_is_nothing_to_draw(make_app, tmp_path):
    source = project(tmp_path)
    text = re.sub(r"year\s*=\s*\{\d+\}", "year = {submitted}", (source / "refs.bib").read_text(encoding="utf-8"))
    (source / "refs.bib").write_text(text, encoding="utf-8")
    (source / "conf.py").write_text((source / "conf.py").read_text(encoding="utf-8") + "portfolio_positions = []\n", encoding="utf-8")
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    page = BeautifulSoup((app.outdir / "figures.html").read_text(encoding="utf-8"), "html.parser").get_text()
    assert "No paper has a year yet, so there is nothing to draw. Not shown: 3 without a year (3 submitted)." in page
    assert warnings(app) == []


@pytest.mark.parametrize(("content", "what"), [(b"", "empty"), (b"\n  \n", "empty"), (bytes(range(256)) * 4, "a binary file"),
                                                (b"Ada Lovelace's papers:\nNotes on the Analytical Engine, 1843\n",
                                                 "text without an entry")])
def test_a_file_that_is_no_bibtex_gets_one_line_naming_it(make_app, tmp_path, content, what):
    source = project(tmp_path, content)
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    about_the_file = [line for line in warnings(app) if line.startswith(str(source / "refs.bib"))]
    assert about_the_file == [f"{source / 'refs.bib'}:1: WARNING: refs.bib is {what}, not BibTeX: give the .bib of the papers "
                              "(entries start @article{key,) [portfolio.bibtex]"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("title", "Poetical Science\\", "title 'Poetical Science\\' ends with a backslash, which escapes nothing"),
    ("pdf", "a" * 300 + ".pdf", f"pdf '{'a' * 300}.pdf' is not a URL, and no such file is in the static folder"),
])
def test_a_field_no_reader_can_use_is_one_located_line(make_app, tmp_path, field, value, message):
    source = project(tmp_path)
    (source / "_static").mkdir()
    (source / "conf.py").write_text((source / "conf.py").read_text(encoding="utf-8") + "html_static_path = ['_static']\n",
                                    encoding="utf-8")
    text = (source / "refs.bib").read_text(encoding="utf-8").replace("  title   = {Poetical Science},\n", "")
    (source / "refs.bib").write_text(text.replace("  doi     = {10.1000/poetical},", f"  {field} = {{{value}}},", 1), encoding="utf-8")
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    line = next(number for number, written in enumerate(text.splitlines(), 1) if "10.1000/poetical" in written)
    located = f"{source / 'refs.bib'}:{line}: WARNING: lovelace1844poetical: {message}"
    assert [warning for warning in warnings(app) if message in warning] == [
        warning for warning in warnings(app) if warning.startswith(located)]
    assert any(message in warning for warning in warnings(app))


def test_math_in_a_name_drawn_in_a_figure_is_drawn_as_text(make_app, tmp_path):
    source = project(tmp_path)
    macro = r"$\undefinedmacro{x}$"
    (source / "refs.bib").write_text((source / "refs.bib").read_text(encoding="utf-8").replace("Babbage, Charles", f"Babbage, {macro}"),
                                     encoding="utf-8")
    conf = (source / "conf.py").read_text(encoding="utf-8").replace('"Analytical Society"', repr(macro)).replace('("Poetry"', f"({macro!r}")
    (source / "conf.py").write_text(conf, encoding="utf-8")
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    drawn = (app.outdir / "figures.html").read_text(encoding="utf-8")
    assert drawn.count(macro) >= 3  # the co-author, the position and the theme, each as its characters
    assert warnings(app) == []


def test_a_build_folder_that_cannot_be_written_stops_with_one_line(make_app, tmp_path, monkeypatch):
    source = project(tmp_path)
    output = source / "_build"
    output.mkdir()
    writable = os.access
    def access(path: str | Path, mode: int, **options: object) -> bool:  # as on a read-only file system
        return output not in (Path(path), *Path(path).parents) and writable(path, mode, **options)

    monkeypatch.setattr(os, "access", access)
    with docutils_namespace(), pytest.raises(SystemExit) as stopped:  # an application that never started is never cleaned up
        make_app("html", srcdir=source, freshenv=True)
    assert stopped.value.code == 2

"""Rebuilds read again only what changed, whatever builders alternate on the same doctrees, and caches are whole files."""

from __future__ import annotations

import gc
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import PACKAGE, make, require_tool, sphinx
from test_bring_your_own import DATA, ROOT
from test_figure_cache import cached_names

from research_portfolio.sphinx_ext import cache
from research_portfolio.sphinx_ext.cache import write_atomically

READ = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A site with a paper's PDF in its static folder, which the e-book leaves out."""
    folder = tmp_path / "source"
    shutil.copytree(ROOT, folder)
    shutil.copyfile(DATA / "hostile" / "one-year.bib", folder / "refs.bib")
    return folder


def pages_read(source: Path, builder: str) -> list[str]:
    process = sphinx(source, builder, source / "_build" / builder)
    assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]
    assert "config changed" not in process.stdout
    return READ.findall(process.stdout)


def test_epub_builds_in_a_row_and_alternating_with_html_read_nothing_again(source):
    assert pages_read(source, "epub")  # the first build reads every page
    assert pages_read(source, "epub") == []
    assert pages_read(source, "html") == []
    assert pages_read(source, "epub") == []


def test_gettext_after_html_uses_a_doctree_folder_of_its_own(source):
    require_tool("make")
    shutil.copyfile(PACKAGE / "starter" / "Makefile", source / "Makefile")
    for target in ("html", "gettext"):
        process = make(target, source, source.parent)
        assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]
    assert list((source / "_build" / "gettext").glob("*.pot"))


def test_a_cache_file_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "cache" / "drawing.svg"
    write_atomically(target, b"first")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt  # the build stopped between writing and renaming

    monkeypatch.setattr(cache.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"second")
    assert target.read_bytes() == b"first"
    assert [path.name for path in target.parent.iterdir()] == ["drawing.svg"]  # no temporary file left behind


def test_the_cache_keeps_what_a_build_did_not_ask_for_while_its_page_stays_as_it_was(tmp_path):
    path = tmp_path / "cache.pickle"
    first = cache.Cache(path, "key")
    for page in ("index", "old", "rewritten"):
        first.get(("list entry", "a2020", page), "digest-1", lambda page=page: f"<p>{page}</p>", page=page)
    first.get(("drawing", "per-year", "svg"), "data-1", lambda: b"<svg/>")
    first.save(alive=lambda page: True)

    # A rebuild asks for nothing of the lists, rewrites one page, and "old" is gone from the project.
    rebuild = cache.Cache(path, "key")
    rebuild.touch("rewritten")
    rebuild.save(alive=lambda page: page != "old")

    kept = cache.Cache(path, "key")
    assert kept.get(("list entry", "a2020", "index"), "digest-1", lambda: "made again") == "<p>index</p>"
    assert kept.get(("list entry", "a2020", "old"), "digest-1", lambda: "made again") == "made again"
    assert kept.get(("list entry", "a2020", "rewritten"), "digest-1", lambda: "made again") == "made again"
    assert kept.get(("list entry", "a2020", "index"), "digest-2", lambda: "edited") == "edited"  # the entry changed
    assert kept.get(("drawing", "per-year", "svg"), "data-1", lambda: "drawn again") == b"<svg/>"
    assert cache.Cache(path, "other key").get(("drawing", "per-year", "svg"), "data-1", lambda: "drawn again") == "drawn again"


def test_a_damaged_cache_is_a_cold_start(tmp_path):
    path = tmp_path / "cache.pickle"
    path.write_bytes(b"\x80\x05not a pickle")
    damaged = cache.Cache(path, "key")
    assert damaged.get(("title", "a2020"), "digest", lambda: "made") == "made"


def test_the_collector_runs_less_during_a_build_and_as_before_after_it(make_app, rootdir, tmp_path):
    source = tmp_path / "publications"
    shutil.copytree(rootdir / "test-publications", source)
    before = gc.get_threshold()
    app = make_app("html", srcdir=source, freshenv=True)
    during = []
    app.connect("html-page-context", lambda *args: during.append((gc.get_threshold()[0], gc.get_freeze_count())))
    app.build()
    assert during and all(first >= 10_000 and frozen > 0 for first, frozen in during)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_after_a_build_the_exit_leaves_what_it_made_to_the_operating_system(rootdir, tmp_path):
    source = tmp_path / "publications"
    shutil.copytree(rootdir / "test-publications", source)
    # atexit runs its handlers last registered first: this one runs after the build's, and sees what it did.
    script = ("import atexit, gc, sys\n"
              "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count()))\n"
              "from sphinx.cmd.build import main\n"
              f"sys.exit(main(['-q', '-b', 'html', {str(source)!r}, {str(tmp_path / 'html')!r}]))\n")
    process = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stderr
    frozen = int(process.stdout.rsplit("frozen at exit:", 1)[1])
    assert frozen > 10_000  # Sphinx, the environment and the pages: nothing left for the exit's collections to scan


def test_a_template_edited_between_builds_is_compiled_again(make_app, rootdir, tmp_path):
    source = tmp_path / "publications"
    shutil.copytree(rootdir / "test-publications", source)
    (source / "_templates").mkdir()
    template = source / "_templates" / "marker.html"
    overrides = {"templates_path": ["_templates"], "html_additional_pages": {"marker": "marker.html"}}
    for text in ("first version", "second version"):
        template.write_text(f"<p>{text}</p>", encoding="utf-8")
        app = make_app("html", srcdir=source, confoverrides=overrides)
        app.build()
        assert (app.outdir / "marker.html").read_text(encoding="utf-8") == f"<p>{text}</p>"
    assert any(name[0] == "template" for name in cached_names(app.doctreedir))  # the theme's templates, compiled once


def test_the_ebook_is_replaced_whole_never_rewritten_in_place(make_app, rootdir, tmp_path, monkeypatch):
    """A build stopped while the .epub is made reproducible leaves Sphinx's whole archive, and no temporary file."""
    from research_portfolio.print import epub

    source = tmp_path / "publications"
    shutil.copytree(rootdir / "test-publications", source)
    atomic = epub.write_atomically

    def stopped_before_the_rename(path: Path, data: bytes) -> None:
        def interrupted(*args: object) -> None:
            raise KeyboardInterrupt

        with monkeypatch.context() as patch:
            patch.setattr(cache.os, "replace", interrupted)
            atomic(path, data)

    monkeypatch.setattr(epub, "write_atomically", stopped_before_the_rename)
    app = make_app("epub", srcdir=source, freshenv=True)
    with pytest.raises(KeyboardInterrupt):
        app.build()
    (book,) = app.outdir.glob("*.epub")
    with zipfile.ZipFile(book) as archive:
        assert archive.testzip() is None and "mimetype" in archive.namelist()
    assert not list(app.outdir.glob(".*.epub.*"))

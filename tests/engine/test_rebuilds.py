"""Rebuilds read again only what changed, whatever builders alternate on the same doctrees, and caches are whole files."""

from __future__ import annotations

import gc
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PACKAGE, require_tool, sphinx
from test_bring_your_own import DATA, ROOT

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
    venv = Path(sys.prefix)
    (venv / ".installed").touch()  # the tests run inside a ready environment: make must not reinstall it
    for target in ("html", "gettext"):
        process = subprocess.run(["make", target, f"VENVDIR={venv}"], cwd=source, capture_output=True, text=True, timeout=600)
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


def test_the_memo_keeps_what_a_build_did_not_ask_for_while_its_entry_is_unchanged(tmp_path):
    path = tmp_path / "memo.pickle"
    first = cache.Memo(path, "settings")
    for key in ("a2020", "b2021"):
        first.get(("list entry", key, "digest-1"), lambda key=key: f"<p>{key}</p>")
    first.save(current=lambda name: True)

    # A no-op rebuild asks for nothing of the lists; meanwhile b2021 was edited (its digest changed).
    noop = cache.Memo(path, "settings")
    noop.save(current=lambda name: name[1] != "b2021")

    kept = cache.Memo(path, "settings")
    assert kept.get(("list entry", "a2020", "digest-1"), lambda: "made again") == "<p>a2020</p>"
    assert kept.get(("list entry", "b2021", "digest-1"), lambda: "made again") == "made again"
    assert cache.Memo(path, "other settings").get(("list entry", "a2020", "digest-1"), lambda: "made again") == "made again"


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
    assert list((app.doctreedir / "portfolio-templates").iterdir())  # the theme's templates, compiled once

"""Figures drawn from the .bib are kept in the build's cache: redrawn when their data or the code changes, never otherwise."""

from __future__ import annotations

import os
import pickle
import re
import shutil
from pathlib import Path

import pytest
from helpers import PROJECT, sphinx
from reading import soup


def cached_names(doctreedir: Path, builder: str = "html") -> dict[tuple, str]:
    """What the build's cache holds: each name with the digest of its inputs."""
    _, _, values = pickle.loads((doctreedir / f"portfolio-cache-{builder}.pickle").read_bytes())
    return {name: digest for name, (digest, _, _) in values.items()}


def drawings(doctreedir: Path) -> dict[tuple, str]:
    return {name: digest for name, digest in cached_names(doctreedir).items() if name[0] == "drawing"}


def per_year_counts(description: str) -> dict[str, int]:
    return {year: int(count) for year, count in re.findall(r"(\d{4}): (\d+)", description)}


@pytest.mark.sphinx("html", testroot="publications", srcdir="figures-cache")
def test_figures_are_redrawn_when_the_bib_changes_and_not_otherwise(app, make_app):
    app.build()
    first = drawings(app.doctreedir)
    assert sorted(name[1] for name in first) == ["coauthors", "per-year", "social", "timeline"]

    again = make_app("html", srcdir=app.srcdir)
    again.build()
    assert drawings(app.doctreedir) == first

    bib = app.srcdir / "refs.bib"
    original = bib.read_text(encoding="utf-8")
    try:
        moved = original.replace("year    = {1844},\n  doi", "year    = {1845},\n  doi")
        assert moved != original
        bib.write_text(moved, encoding="utf-8")
        changed = make_app("html", srcdir=app.srcdir)
        changed.build()
        redrawn = {name for name, digest in drawings(app.doctreedir).items() if first[name] != digest}
        assert sorted(name[1] for name in redrawn) == ["per-year", "timeline"]  # co-authors did not change
        desc = soup(changed.outdir / "figures.html").find("figure", id="figure-per-year").find("desc").get_text()
        assert per_year_counts(desc) == {"1843": 1, "1844": 1, "1845": 1}
    finally:
        bib.write_text(original, encoding="utf-8")


def test_every_page_is_read_and_written_again_when_the_engine_changes(tmp_path):
    """Pages hold what the engine made of them (drawings, lists), so another version of it makes them all again."""
    source = tmp_path / "source"
    shutil.copytree(PROJECT / "tests" / "engine" / "roots" / "test-publications", source)
    environment = dict(os.environ)
    pages = [source / "_build" / "html" / name for name in ("figures.html", "index.html", "publications.html")]

    def build() -> None:
        process = sphinx(source, "html", source / "_build" / "html", env=environment)
        assert process.returncode == 0, process.stderr[-2000:]

    build()
    for page in pages:
        page.write_text("stale", encoding="utf-8")
    build()
    assert all(page.read_text(encoding="utf-8") == "stale" for page in pages)  # nothing changed: left alone
    (source / "sitecustomize.py").write_text(  # another version of the package, as an upgrade would bring
        "import research_portfolio\nresearch_portfolio.__version__ = 'changed'\n", encoding="utf-8")
    environment["PYTHONPATH"] = str(source)
    build()
    assert "<svg" in pages[0].read_text(encoding="utf-8")
    assert all("</html>" in page.read_text(encoding="utf-8") for page in pages)

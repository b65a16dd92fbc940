"""Two Sphinx applications in one process are independent: the package changes nothing process-wide.

Sphinx's defaults stay as they were, no codec is registered, pybtex finds for every name what it found
before, each application formats with its own owner, and the garbage collector's settings come back
however a build ends.
"""

from __future__ import annotations

import codecs
import gc
import shutil
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from pybtex.plugin import find_plugin
from reading import soup
from sphinx.config import Config
from sphinx.testing.util import SphinxTestApp

from research_portfolio.render import style
from research_portfolio.sphinx_ext import styling

ROOT = Path(__file__).parent / "roots" / "test-publications"
#: What another program may ask pybtex for: the package's style by its plain name, and pybtex's own plugins.
NAMES = (("pybtex.style.formatting", "portfolio"), ("pybtex.style.formatting", "plain"),
         ("pybtex.style.formatting", "unsrt"), *styling.LOOKED_UP)


def site(tmp_path: Path, name: str, owner: str) -> Path:
    source = tmp_path / name
    shutil.copytree(ROOT, source)
    conf = source / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('{"name": "Ada Lovelace"}', f'{{"name": "{owner}"}}'), encoding="utf-8")
    return source


def bold_names(app: SphinxTestApp) -> set[str]:
    return {tag.get_text() for tag in soup(app.outdir / "publications.html").select("li.pub-entry strong")}


def test_two_applications_format_with_their_own_owner_and_leave_pybtex_as_it_was(make_app, tmp_path):
    ada = make_app("html", srcdir=site(tmp_path, "ada", "Ada Lovelace"), freshenv=True)
    charles = make_app("html", srcdir=site(tmp_path, "charles", "Charles Babbage"), freshenv=True)  # made before ada builds
    before = {name: find_plugin(*name) for name in NAMES}  # "portfolio" is found from now on, if not installed as an entry point
    ada.build()
    charles.build()
    assert bold_names(ada) == {"Ada Lovelace"}
    assert bold_names(charles) == {"Charles Babbage"}
    assert {name: find_plugin(*name) for name in NAMES} == before
    assert find_plugin("pybtex.style.formatting", "portfolio") is style.PortfolioStyle  # the installed style, unconfigured


def test_the_style_is_installed_as_a_pybtex_plugin():
    """pyproject.toml's entry point, as the installed package declares it (reinstall after changing it: pip install -e .)."""
    (entry_point,) = entry_points(group="pybtex.style.formatting", name="portfolio")
    assert entry_point.load() is style.PortfolioStyle


def test_sphinx_defaults_stay_as_they_were(make_app, tmp_path):
    make_app("html", srcdir=site(tmp_path, "ada", "Ada Lovelace"), freshenv=True).build()
    assert Config.config_values["templates_path"].default == []
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "conf.py").write_text("", encoding="utf-8")
    (plain / "index.rst").write_text("Plain\n=====\n", encoding="utf-8")
    assert make_app("html", srcdir=plain).config.templates_path == []


def test_no_codec_is_registered_even_after_reading_a_page_that_is_not_utf8(make_app, tmp_path):
    source = site(tmp_path, "ada", "Ada Lovelace")
    page = source / "figures.md"
    page.write_bytes(page.read_text(encoding="utf-8").replace("# ", "# Caf\N{LATIN SMALL LETTER E WITH ACUTE} ", 1).encode("latin-1"))
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    assert "not valid utf-8-sig text (byte 0xe9)" in app._warning.getvalue()
    assert "Caf\N{REPLACEMENT CHARACTER}" in soup(app.outdir / "figures.html").h1.get_text()
    for name in ("utf-8-sig-replace", "utf-8-replace", "utf_8_replace"):
        with pytest.raises(LookupError):
            codecs.lookup(name)


def test_the_collector_is_restored_however_a_build_ends(make_app, tmp_path):
    before = gc.get_threshold()

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt  # as Ctrl-C while reading: Sphinx sends no build-finished

    app = make_app("html", srcdir=site(tmp_path, "ada", "Ada Lovelace"), freshenv=True)
    app.connect("env-before-read-docs", interrupt)
    with pytest.raises(KeyboardInterrupt):
        app.build()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0

    never_built = SphinxTestApp("html", srcdir=site(tmp_path, "charles", "Charles Babbage"), freshenv=True)
    assert gc.get_threshold() == before  # an application changes the collector only while it starts and builds
    assert not (never_built.doctreedir / "portfolio-build-unfinished").exists()  # nor leaves the mark of a build
    never_built.cleanup()

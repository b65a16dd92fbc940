"""A site's conf.py names the person; the engine supplies the rest, and a value the site sets always wins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).parent / "roots" / "test-settings"


def app_with(make_app, tmp_path: Path, conf: str = "", builder: str = "html", **overrides):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    with (source / "conf.py").open("a", encoding="utf-8") as file:
        file.write('portfolio_person = {"name": "Ada Lovelace", "email": "ada@example.org"}\n' + conf)
    return make_app(builder, srcdir=source, freshenv=True, confoverrides=overrides)


def test_a_site_that_names_only_the_person_gets_a_whole_portfolio(make_app, tmp_path):
    config = app_with(make_app, tmp_path).config
    assert config.html_theme == "furo"
    assert config.project == config.author == "Ada Lovelace"
    assert config.copyright.endswith(", Ada Lovelace")
    assert config.bibtex_default_style.startswith("portfolio-")  # the portfolio style, configured for this site
    assert {"colon_fence", "deflist"} <= set(config.myst_enable_extensions)
    assert config.nitpicky and config.show_warning_types
    assert config.epub_basename == "ada-lovelace" and config.epub_uid == config.epub_identifier
    assert config.latex_engine == "xelatex"
    assert config.latex_documents == [("index", "ada-lovelace.tex", "Research portfolio", "Ada Lovelace", "manual", True)]
    assert config.html_theme_options["light_css_variables"]["color-brand-primary"] == "#165ea3"
    assert [icon["name"] for icon in config.html_theme_options["footer_icons"]] == ["Email"]
    assert "cv.md" not in config.exclude_patterns  # the CV is a page too, where a toctree lists it; -t cv makes its PDF


@pytest.mark.parametrize(("conf", "name", "expected"), [
    ('html_theme = "classic"\n', "html_theme", "classic"),
    ('project = "Lovelace Lab"\n', "project", "Lovelace Lab"),
    ("nitpicky = False\n", "nitpicky", False),
    ('exclude_patterns = ["_build", "drafts"]\n', "exclude_patterns", ["_build", "drafts"]),
    ('myst_enable_extensions = ["dollarmath"]\n', "myst_enable_extensions", ["dollarmath"]),
    ('latex_engine = "lualatex"\n', "latex_engine", "lualatex"),
    ('portfolio_slug = "lovelace"\n', "epub_basename", "lovelace"),
    ('bibtex_bibfiles = ["refs.bib"]\nbibtex_default_style = "unsrt"\n', "bibtex_default_style", "unsrt"),
])
def test_a_value_the_site_sets_wins(make_app, tmp_path, conf, name, expected):
    assert getattr(app_with(make_app, tmp_path, conf).config, name) == expected


def test_the_sites_keys_win_one_by_one_in_theme_options_and_latex_elements(make_app, tmp_path):
    conf = ('html_theme_options = {"light_css_variables": {"color-brand-primary": "#8a2be2"}}\n'
            'latex_elements = {"papersize": "a4paper"}\n')
    config = app_with(make_app, tmp_path, conf).config
    assert config.html_theme_options["light_css_variables"] == {"color-brand-primary": "#8a2be2"}
    assert "footer_icons" in config.html_theme_options  # the engine's key the site did not set
    assert config.latex_elements["papersize"] == "a4paper"
    assert config.latex_elements["pointsize"] == "11pt"


def test_the_command_line_wins_too(make_app, tmp_path):
    assert app_with(make_app, tmp_path, html_theme="basic").config.html_theme == "basic"


def test_the_cv_tag_makes_cv_md_the_one_short_document(make_app, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    with (source / "conf.py").open("a", encoding="utf-8") as file:
        file.write('portfolio_person = {"name": "Ada Lovelace"}\n')
    (source / "cv.md").write_text("---\norphan: true\n---\n# Curriculum vitae\n", encoding="utf-8")
    app = make_app("latex", srcdir=source, freshenv=True, tags=["cv"])
    config = app.config
    assert config.root_doc == "cv" and "cv.md" not in config.exclude_patterns
    assert config.latex_documents == [("cv", "ada-lovelace-cv.tex", "Curriculum vitae", "Ada Lovelace", "howto")]
    assert config.latex_elements["pointsize"] == "10pt"
    app.build()
    assert app._warning.getvalue() == ""
    assert (app.outdir / "ada-lovelace-cv.tex").is_file() and not (app.outdir / "ada-lovelace.tex").exists()


@pytest.mark.parametrize(("photo", "shown"), [("me.jpg", True), ("my photo.jpg", False)])
def test_the_cv_shows_the_photo_beside_the_name_and_the_portfolio_pdf_does_not(make_app, tmp_path, photo, shown):
    """Only a file name LaTeX reads as written is shown: another is left out, never a broken build."""
    from PIL import Image

    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    (source / "_static").mkdir(exist_ok=True)
    Image.new("RGB", (300, 300), (90, 120, 160)).save(source / "_static" / photo)
    with (source / "conf.py").open("a", encoding="utf-8") as file:
        file.write(f'html_static_path = ["_static"]\nportfolio_person = {{"name": "Ada Lovelace", "photo": {photo!r}}}\n')
    (source / "cv.md").write_text("---\norphan: true\n---\n# Curriculum vitae\n", encoding="utf-8")
    cv = make_app("latex", srcdir=source, freshenv=True, tags=["cv"])
    cv.build()
    assert (r"\portfoliophoto{me.jpg}\portfolioheader" in (cv.outdir / "ada-lovelace-cv.tex").read_text(encoding="utf-8")) == shown
    assert (cv.outdir / photo).is_file() == shown  # copied beside the .tex
    portfolio = make_app("latex", srcdir=source, freshenv=True, builddir=tmp_path / "portfolio")
    assert r"\portfoliophoto" not in portfolio.config.latex_elements["maketitle"]

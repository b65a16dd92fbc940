"""A theme's page shows each of its papers' previews where it first tells the paper, in every format."""

from __future__ import annotations

import re
import shutil
import zipfile

from bs4 import BeautifulSoup
from PIL import Image
from test_bring_your_own import ROOT

ENTRIES = """@article{kowalczyk2022robust,
  title       = {Robust Aggregation for Decentralized Learning over Unreliable Links},
  author      = {Kowalczyk, Marta and Lefebvre, Fran{\\c{c}}ois},
  journal     = {Transactions on Machine Learning Research},
  year        = {2022},
  themes      = {gossip},
  preview     = {gossip.png},
  preview_alt = {Eight nodes in a ring, two of their links drawn dashed},
}
@article{kowalczyk2023tall,
  title       = {Deep Towers of Sparse Layers},
  author      = {Kowalczyk, Marta},
  journal     = {Journal of Machine Learning Research},
  year        = {2023},
  themes      = {gossip},
  preview     = {tower.png},
  preview_alt = {A tall stack of layers, each drawn as a grey band, its weights w_i and biases b_i, _all_ learned},
}
@article{kowalczyk2021other,
  title       = {Counting Sheep in Federated Settings},
  author      = {Kowalczyk, Marta},
  journal     = {Journal of Sheep},
  year        = {2021},
  themes      = {sheep},
  preview     = {sheep.png},
  preview_alt = {A field of sheep, counted},
}
"""
HOME = """# Marta Kowalczyk

She once named {paper}`kowalczyk2022robust` on the home page.

```{toctree}
publications
gossip
sheep
```
"""
GOSSIP = """# Gossip learning

A first paragraph that names no paper.

## Robust links

The work began with {paper}`Robust aggregation <kowalczyk2022robust>`, which keeps learning when links fail.

A second paragraph names {paper}`kowalczyk2022robust` again, and {paper}`kowalczyk2021other` in passing.

- A list item tells {paper}`kowalczyk2023tall`.
"""
SHEEP = """# Sheep

Counting is told in {paper}`kowalczyk2021other`.
"""
THEMES = {"gossip": ("Gossip learning", "gossip"), "sheep": ("Sheep", "sheep")}


def site(make_app, tmp_path, builder="html", conf_line="portfolio_theme_previews = True", **settings):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    (source / "conf.py").write_text((ROOT / "conf.py").read_text(encoding="utf-8") + conf_line + "\n", encoding="utf-8")
    (source / "refs.bib").write_text(ENTRIES, encoding="utf-8")
    (source / "index.md").write_text(HOME, encoding="utf-8")
    (source / "gossip.md").write_text(GOSSIP, encoding="utf-8")
    (source / "sheep.md").write_text(SHEEP, encoding="utf-8")
    previews = source / "_static" / "img" / "publication_preview"
    previews.mkdir(parents=True)
    Image.new("RGB", (1000, 500), (30, 90, 160)).save(previews / "gossip.png")
    Image.new("RGB", (300, 900), (90, 90, 90)).save(previews / "tower.png")
    Image.new("RGB", (600, 400), (200, 200, 200)).save(previews / "sheep.png")
    app = make_app(builder, srcdir=source, freshenv=True,
                   confoverrides={"portfolio_themes": THEMES, **settings})
    app.build()
    return app


def page(app, name) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def test_each_paper_of_the_theme_shows_its_preview_once_before_the_paragraph_that_first_tells_it(make_app, tmp_path):
    app = site(make_app, tmp_path)
    assert app._warning.getvalue() == ""
    gossip = page(app, "gossip.html")
    figures = gossip.select("figure.pub-discussed")
    assert [figure.select_one("figcaption").get_text(" ", strip=True).rstrip("¶ ") for figure in figures] == [
        "Robust aggregation", "Deep towers of sparse layers"]  # as the prose names it; the other theme's paper has none
    first = figures[0]
    assert "Robust aggregation" in first.find_next_sibling("p").get_text()
    assert first.find_previous_sibling("p") is None  # the section's first paragraph is the one that tells it
    assert first.select_one("figcaption a")["href"] == "papers/kowalczyk2022robust.html"
    image = first.select_one("img")
    assert image["alt"] == "Eight nodes in a ring, two of their links drawn dashed" and image["loading"] == "lazy"
    assert (image["width"], image["height"]) == ("800", "400")
    assert [int(width) for width in re.findall(r" (\d+)w", image["srcset"])] == [200, 320, 480, 800]
    assert all(name.endswith(".webp") for name in re.findall(r"(\S+) \d+w", image["srcset"]))
    assert figures[1].find_parent("li") is not None  # beside the list item that tells it
    assert figures[1].select_one("img")["alt"] == ("A tall stack of layers, each drawn as a grey band, its weights w_i "
                                                   "and biases b_i, all learned")  # a subscript is no emphasis
    assert page(app, "sheep.html").select_one("figure.pub-discussed img")["alt"] == "A field of sheep, counted"
    assert not page(app, "index.html").select("figure.pub-discussed")  # not a theme's page


def test_a_site_that_does_not_ask_for_them_gets_no_previews_in_its_prose(make_app, tmp_path):
    app = site(make_app, tmp_path, portfolio_theme_previews=False)
    assert not page(app, "gossip.html").select("figure")


def test_the_pdf_gathers_a_sections_previews_in_one_strip_where_the_first_stood(make_app, tmp_path):
    app = site(make_app, tmp_path, builder="latex")
    assert app._warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    strips = [body for body in re.findall(r"\\begin\{figure\}\[H\](.*?)\\end\{figure\}", tex, re.DOTALL)
              if "minipage" in body]  # not the home page's chart
    assert len(strips) == 2  # the gossip page's one section, and the sheep page
    images = re.findall(r"\\sphinxincludegraphics\[([^\]]*)\]\{\{(\w+)\}\.png\}", strips[0])
    assert images == [(r"width=\linewidth,height=3cm,keepaspectratio", "gossip"),
                      (r"width=\linewidth,height=3cm,keepaspectratio", "tower")]  # never taller than 3 cm
    assert strips[0].index("gossip") < strips[0].index(r"\sphinxstyleemphasis{Robust aggregation}")
    assert r"\caption" not in strips[0] and "wrapfigure" not in tex  # unnumbered, set where it stands (no float)
    assert tex.index(strips[0]) < tex.index("The work began with")
    assert (app.outdir / "gossip.png").is_file() and (app.outdir / "tower.png").is_file()


def test_the_e_book_shows_the_source_image_with_its_words(make_app, tmp_path):
    app = site(make_app, tmp_path, builder="epub")
    assert app._warning.getvalue() == ""
    with zipfile.ZipFile(next(app.outdir.glob("*.epub"))) as book:
        gossip = BeautifulSoup(book.read("gossip.xhtml").decode(), "html.parser")
        image = gossip.select_one("figure.pub-discussed img")
        assert image["alt"] == "Eight nodes in a ring, two of their links drawn dashed"
        assert image["src"] in book.namelist() and image["src"].endswith(".png")


def test_a_wrong_value_is_one_located_message_and_no_previews(make_app, tmp_path):
    app = site(make_app, tmp_path, conf_line='portfolio_theme_previews = "yes"')
    warnings = app._warning.getvalue().strip().splitlines()
    assert len(warnings) == 1 and "conf.py:7: WARNING: portfolio_theme_previews: 'yes' is a string; expected True or False" in warnings[0]
    assert not page(app, "gossip.html").select("figure")

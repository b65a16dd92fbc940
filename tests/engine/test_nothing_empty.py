"""Nothing empty is published: a section with nothing in it, a figure with nothing to draw, a draft page.

Each case builds a copy of ``tests/engine/roots/test-bring-your-own`` (owner Marta Kowalczyk, no
positions) with a page of its own, and reads what the web page shows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).parent / "roots" / "test-bring-your-own"
ALONE = "@article{alone,\n  author = {Kowalczyk, Marta},\n  title = {Alone},\n  journal = {J},\n  year = {2020},\n}\n"
TOGETHER = ("@article{together,\n  author = {Kowalczyk, Marta and Nowak, Jan},\n  title = {Together},\n  journal = {J},\n"
            "  year = {2021},\n}\n")
PAGE = """# About

% a comment for the owner, not for readers

## Education

% Fill in: one line each.

## Honours

Best paper award, 2020.

## Service

### Reviewing

% Journals you review for.

(a-label)=
### Teaching

% Courses.

## Collaborators

```{publication-figure} coauthors
```

## Timeline

```{publication-figure} timeline
```
"""


def build(make_app, tmp_path: Path, bib: str, conf: str = "") -> Path:
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    (source / "refs.bib").write_text(bib, encoding="utf-8")
    (source / "about.md").write_text(PAGE, encoding="utf-8")
    (source / "draft.md").write_text("# Draft\n\n% nothing yet\n", encoding="utf-8")
    index = (source / "index.md").read_text(encoding="utf-8")
    (source / "index.md").write_text(index.replace("publications\n```", "publications\nabout\n```"), encoding="utf-8")
    (source / "conf.py").write_text((source / "conf.py").read_text(encoding="utf-8") + 'portfolio_drafts = ["draft"]\n' + conf)
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    assert app._warning.getvalue() == ""
    return Path(app.outdir)


def headings(page: Path) -> list[str]:
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
    return [heading.get_text(" ", strip=True).rstrip("#¶").strip() for heading in article.find_all(["h1", "h2", "h3"])]


def test_a_section_with_nothing_in_it_is_left_out_and_one_with_content_stays(make_app, tmp_path):
    outdir = build(make_app, tmp_path, ALONE)
    assert headings(outdir / "about.html") == ["About", "Honours"]
    assert "Best paper award, 2020." in (outdir / "about.html").read_text(encoding="utf-8")


def test_a_figure_with_nothing_to_draw_leaves_no_heading_and_no_words(make_app, tmp_path):
    outdir = build(make_app, tmp_path, ALONE)  # one paper, written alone, and no positions: no co-authors, no timeline
    text = (outdir / "about.html").read_text(encoding="utf-8")
    assert "Collaborators" not in text and "Timeline" not in text and "No co-authors" not in text
    assert 'id="figure-coauthors"' not in (outdir / "index.html").read_text(encoding="utf-8")


def test_a_figure_with_data_keeps_its_section(make_app, tmp_path):
    conf = 'portfolio_positions = [{"name": "University of Warsaw", "start": "2019-10", "end": None}]\n'
    outdir = build(make_app, tmp_path, ALONE + TOGETHER, conf)
    assert headings(outdir / "about.html") == ["About", "Honours", "Collaborators", "Timeline"]
    assert 'id="figure-coauthors"' in (outdir / "about.html").read_text(encoding="utf-8")


def test_a_draft_page_is_built_in_no_format(make_app, tmp_path):
    outdir = build(make_app, tmp_path, ALONE)
    assert not (outdir / "draft.html").exists()
    assert "draft" not in (outdir / "searchindex.js").read_text(encoding="utf-8").lower()

"""A paper named in the prose links to its page on the web and stays italic text in print."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_a_mention_is_the_papers_title_linked_to_its_page(app):
    app.build()
    page = BeautifulSoup((app.outdir / "publications.html").read_text(encoding="utf-8"), "html.parser")
    mentions = {a.get_text(): a["href"] for a in page.select("#mentions p a")}
    assert mentions == {"Notes on the Analytical Engine": "papers/lovelace1843notes.html",
                        "the difference engine": "papers/babbage1844difference.html"}
    assert all(a.find("em") for a in page.select("#mentions p a"))


@pytest.mark.sphinx("latex", testroot="publications", freshenv=True)
def test_a_mention_in_print_is_italic_text(app):
    app.build()
    (tex,) = app.outdir.glob("*.tex")
    assert (r"\DUrole{pub-mention}{\sphinxstyleemphasis{Notes on the Analytical Engine}} and "
            r"\DUrole{pub-mention}{\sphinxstyleemphasis{the difference engine}}") in tex.read_text(encoding="utf-8")


def test_an_unknown_key_is_a_located_warning(make_app, rootdir, tmp_path):
    import shutil

    source = tmp_path / "source"
    shutil.copytree(rootdir / "test-publications", source)
    page = source / "publications.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{paper}`lovelace1843notes`", "{paper}`lovelace1843note`"))
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    assert f'{page}:20: WARNING: paper mentioned by an unknown key "lovelace1843note"' in app._warning.getvalue()

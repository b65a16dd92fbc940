"""One display case for titles: sentence case as BibTeX styles make it, everywhere a title is shown.

BibTeX's rule (``change.case$`` with ``"t"``): lower case, except the first letter, the first letter
after a colon, and what braces protect. Exports rarely brace acronyms, so a word with a capital after
its first letter is kept too. ``portfolio_title_case = "as-written"`` shows titles as the .bib has
them; the BibTeX shown to visitors always keeps them as written.
"""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from pybtex.database import Entry
from pybtex.richtext import Text

from research_portfolio.render.style import rich_field
from research_portfolio.text.titlecase import display_case

CASES = [
    ("Machine Learning Conservation Laws from Trajectories", "Machine learning conservation laws from trajectories"),
    ("{GenPhys}: From Physical Processes to Generative Models", "GenPhys: From physical processes to generative models"),
    ("Quantum-Inspired {Hamiltonian} {Monte Carlo} for {Bayesian} Sampling",
     "Quantum-inspired Hamiltonian Monte Carlo for Bayesian sampling"),
    ("ReLU Networks and AI for CIFAR-10 in 3D", "ReLU networks and AI for CIFAR-10 in 3D"),
    ("An N-Body Study of X-Ray Sources and the L/U Mismatch", "An N-body study of X-ray sources and the L/U mismatch"),
    (r"Beyond $\ell_1$ and $L_2$ Penalties", "Beyond ℓ₁ and L₂ penalties"),
    ("Seeing Is Believing: Brain-Inspired Modular Training", "Seeing is believing: Brain-inspired modular training"),
    ("iPhone Sensors as Seismometers", "iPhone sensors as seismometers"),
    ("Already in sentence case", "Already in sentence case"),
]


@pytest.mark.parametrize(("written", "shown"), CASES)
def test_sentence_case(written, shown):
    title = rich_field_of(written)
    assert str(display_case(title)) == shown
    assert str(display_case(title, "as-written")) == str(title)


def rich_field_of(title: str) -> Text:
    return rich_field(Entry("article", fields={"title": title}), "title")


TITLE = "Tidal Heating of {Europa}'s Ice Shell"


@pytest.fixture
def source(rootdir, tmp_path):
    return shutil.copytree(rootdir / "test-entry-types", tmp_path / "source")


@pytest.mark.parametrize(("case", "shown"), [("sentence", "Tidal heating of Europa’s ice shell"),
                                             ("as-written", "Tidal Heating of Europa’s Ice Shell")])
def test_one_case_in_the_list_the_mention_and_the_paper_page(make_app, source, case, shown):
    app = make_app("html", srcdir=source, freshenv=True, confoverrides={"portfolio_title_case": case})
    app.build()
    assert app._warning.getvalue() == ""
    listed = BeautifulSoup((app.outdir / "publications.html").read_text(encoding="utf-8"), "html.parser")
    titles = [a.get_text() for a in listed.select(".pub-title a") if a["href"] == "papers/ferreira2021tides.html"]
    mention = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".pub-mention")
    page = BeautifulSoup((app.outdir / "papers" / "ferreira2021tides.html").read_text(encoding="utf-8"), "html.parser")
    assert titles == [shown]
    assert mention.get_text() == shown
    assert page.find("h1").get_text().rstrip("¶").replace("'", "’") == shown
    assert page.title.get_text().replace("'", "’").startswith(shown)
    assert f"title = {{{TITLE}}}," in page.select("details.pub-bibtex pre")[-1].get_text()  # visitors' BibTeX: as written

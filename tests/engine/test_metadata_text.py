"""LaTeX in names and titles reaches every tag a machine reads as the Unicode a reader sees."""

from __future__ import annotations

import json
import shutil

import pytest
from bs4 import BeautifulSoup
from test_bring_your_own import ROOT

from research_portfolio.render.style import decoded

BIB = r"""@article{kowalczyk2024cech,
  author  = {Puente-Rol{\'o}n, Ana and Sch{\"o}ber, Lukas and Kowalczyk, Marta and {\v{C}}apek, Karel},
  title   = {{\"U}ber {\v{C}}ech Cohomology of $\ell_1$ Spaces},
  journal = {Journal f{\"u}r die reine und angewandte Mathematik},
  year    = {2024},
}
"""


def test_names_and_titles_are_decoded_in_page_titles_json_ld_and_scholar_tags(make_app, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    (source / "refs.bib").write_text(BIB, encoding="utf-8")
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    assert app._warning.getvalue() == ""
    page = BeautifulSoup((app.outdir / "papers" / "kowalczyk2024cech.html").read_text(encoding="utf-8"), "html.parser")
    title = "Über Čech Cohomology of ℓ₁ Spaces"  # as written: metadata keeps the .bib's case
    names = ["Ana Puente-Rolón", "Lukas Schöber", "Marta Kowalczyk", "Karel Čapek"]
    shown = "Über Čech cohomology of ℓ₁ spaces"  # the site's display case, in what a reader sees of the page
    assert page.find("title").get_text().startswith(shown)
    assert page.select_one('meta[property="og:title"]')["content"] == shown
    assert page.select_one('meta[name="citation_title"]')["content"] == title
    assert [tag["content"] for tag in page.select('meta[name="citation_author"]')] == names
    assert page.select_one('meta[name="citation_journal_title"]')["content"] == "Journal für die reine und angewandte Mathematik"
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["headline"] == title and [author["name"] for author in data["author"]] == names
    assert "\\" not in str(page.head) and "{" not in "".join(tag.get("content", "") for tag in page.select("meta"))


@pytest.mark.parametrize(("written", "read"), [
    (r"the failure rate p_fail \~ p^{d/2}", "the failure rate p_fail ∼ p^d/2"),  # a lone \~ is "scales as", not a space
    (r"energies of $\sim$10 GeV", "energies of ∼10 GeV"),
    (r"where $x \sim y$ and $\alpha \beta$", "where x ∼ y and αβ"),
    (r"Ma\~{n}ana en Espa{\~n}a", "Mañana en España"),  # the accent is still an accent
])
def test_tildes_read_as_a_reader_means_them(written, read):
    assert decoded(written) == read


@pytest.mark.parametrize(("written", "read"), [
    (r"On the number of Sidon sets in {$\{1,\dots,n\}$}", "On the number of Sidon sets in {1,…,n}"),  # MathSciNet
    (r"The Kakeya problem in {$\mathbb{F}_q^n$}", "The Kakeya problem in 𝔽_qⁿ"),  # no subscript q in Unicode: as written
    (r"On the {\(\Lambda(p)\)}-problem", "On the Λ(p)-problem"),  # zbMATH's math delimiters
    (r"$\operatorname{SL}_2(\mathbb{Z})$ and $x \in \mathbb R^n$", "SL₂(ℤ) and x ∈ ℝⁿ"),
    (r"Sharp {$L^p$} bounds, $\sqrt{n}$ and $\sqrt{n+1}$", "Sharp Lᵖ bounds, √n and √(n+1)"),
    (r"$\overline{M}$, $\binom{n}{k}$, $1 \cdots n$", "M̅, (n choose k), 1 ⋯ n"),
    (r"Na$^+$/K$^+$-ATPase in \ce{MoS2}/\ce{H2O} and \ce{SO4^2-}", "Na⁺/K⁺-ATPase in MoS₂/H₂O and SO₄²⁻"),  # mhchem
    (r"{EC} '22: The 23rd Conference", "EC ’22: The 23rd Conference"),  # a year's apostrophe, not an opening quote
    ("NeurIPS '23 Workshop", "NeurIPS ’23 Workshop"),  # with no other LaTeX in the field
    (r"\ce{Na+} and \ce{^{14}C}, \ce{A->B}", "Na⁺ and ¹⁴C, A→B"),
    (r"$\sin x$ and $n \log n$; $\mathbbm{1}$", "sin x and n log n; \\mathbbm 1"),  # an unknown command stays as written
    (r"$\mathfrak{g}$-modules, $\hat{H}$, $\vec{v}$, $x^\prime$ and $x^*$", "𝔤-modules, Ĥ, v⃗, x′ and x*"),
    (r"Stars of 8 M$_\odot$ at $z \lesssim 2$; $\sqrt[3]{n}$ and 30$^\circ$", "Stars of 8 M⊙ at z ≲ 2; ∛n and 30°"),
    (r"\SI{5}{\milli\metre} at \SI{300}{\kelvin}: \si{\joule\per\mole\per\kelvin}, \num{1.5e-3}, \si{km.s^{-1}}",
     "5 mm at 300 K: J mol⁻¹ K⁻¹, 1.5 × 10⁻³, km s⁻¹"),  # siunitx, as it prints
    (r"\TeX{} and \LaTeX, \ensuremath{\alpha}-helices, $x = \ensuremath{\beta}$", "TeX and LaTeX, α-helices, x = β"),
    # an accent over a symbol's command, a prime or star with a power, plain TeX's \rm in a script, a root over one
    (r"$\hat{\theta}$, $\tilde{\chi}^0_1$, $x^{\prime 2}$, $M_{\rm \odot}$, $\sqrt{s_{\rm NN}}$", "θ̂, χ̃⁰₁, x′², M⊙, √(s_NN)"),
    (r"30\textdegree C, 5\textmu m and /home/$\tilde{}$ada", "30°C, 5µm and /home/~ada"),  # no space after a symbol
    (r"Empty: $\sqrt{}$, $\mathbb{}$, $\hat{}$, $\mathfrak{}$.", "Empty: √, , , ."),  # never a crash
])
def test_math_and_chemistry_read_as_a_reader_of_the_field_reads_them(written, read):
    assert decoded(written) == read


def test_a_link_of_a_reference_survives_the_copies_pybtex_makes_of_it():
    """pybtex rebuilds rich text to change its case or merge it (a note's two equal links): a link keeps what it is."""
    from pybtex.richtext import Text

    from research_portfolio.render.style import IdentifierHRef, TitledHRef

    for kind in (TitledHRef, IdentifierHRef):
        link = kind("https://doi.org/10.1/x", "doi:10.1/x", "doi")
        for copied in (link.upper(), Text(link, link).parts[0]):  # a new case; two equal links side by side, merged
            assert type(copied) is kind and copied.title == "doi:10.1/x", copied

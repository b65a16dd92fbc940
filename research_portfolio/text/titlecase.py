"""Titles in one display case: as the .bib writes them (the default), or in sentence case as BibTeX styles make it.

A .bib mixes Title Case (most exports) and sentence case (what some authors and publishers type).
BibTeX's styles print every title in sentence case (``change.case$`` with ``"t"``): lower case except
the first letter, the first letter after a colon, and whatever the .bib protects with braces
(``{Langevin}``, ``{PCA}``). Exports rarely brace what must stay capitalized, so sentence case here
lowers only what it can read as an ordinary word of an English title in Title Case, and keeps:

- a word with a capital or a digit after its first letter (ReLU, GenPhys, AI, CIFAR-10, CO2, Covid-19, eV, GHz),
  and a single capital that is a word or starts a compound (K, X-ray, N-body);
- a chemical symbol or formula (Pb, Cu(111), H2O, Cu–Ni) and a unit after a number (300 K, 5 Hz);
- the names that science capitalises (Monte Carlo, Bayesian, Schrödinger): :data:`PROPER`;
- a title already in sentence case (its capitals are proper nouns: "Catalytic effect of Pb traces");
- a title in another language, by the entry's ``langid``/``language`` or, without one, by its script
  and words: German capitalises its nouns, and French and Spanish titles keep their own conventions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from pybtex.richtext import BaseMultipartText, BaseText, Protected, String, Text

from ..compat import similar_text
from .languages import language_tag, primary

SENTENCE = "sentence"
AS_WRITTEN = "as-written"
CASES = (SENTENCE, AS_WRITTEN)
#: A word, for the rule that keeps acronyms: a run of characters between spaces, cut at hyphens and slashes.
WORD = re.compile(r"[^\s/\u2010-\u2015-]+")
#: A token between spaces, without the punctuation around it.
TOKEN = re.compile(r"[^\s]+")
EDGE_PUNCTUATION = "\"'“”‘’«»,.;:!?[]"
#: The chemical elements (a formula is a run of them, digits, charges and brackets).
ELEMENTS = frozenset(
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo "
    "Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl "
    "Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og".split())
#: Element symbols that are also words of an English, French, Spanish or German title: alone, they are words.
WORDS_LIKE_ELEMENTS = frozenset("A As At Be Co He I In La Ne Ni No Os Pa Re Se Si Te Es Am".split())
FORMULA = re.compile(r"(?:[A-Z][a-z]?|\d+|[()\[\]+\-\u2212\u2013·₀-₉⁰-⁹⁺⁻])+")
SYMBOL = re.compile(r"[A-Z][a-z]?")
#: Units that start with a capital and have no other: kept after a number ("5 Hz", "10 Pa", "300 K").
UNITS = frozenset("Hz Pa Da Gy Sv Wb Bq Torr Oe Ci Bar J W N T V A C F H S L M".split())
NUMBER = re.compile(r"^[\d.,]+$")
#: Names (and the words made from them) that titles in the sciences capitalise in any case.
PROPER = frozenset("""
Monte Carlo Markov Bayes Bayesian Gauss Gaussian Fourier Hamilton Hamiltonian Lagrange Lagrangian Laplace Laplacian
Hilbert Hessian Jacobian Euler Eulerian Newton Newtonian Euclid Euclidean Riemann Riemannian Schrödinger Boltzmann
Langevin Brown Brownian Poisson Dirac Fermi Bose Einstein Heisenberg Ising Potts Hubbard Kohn Sham Hartree Fock Debye
Hückel Raman Kelvin Coulomb Maxwell Maxwellian Navier Stokes Reynolds Kolmogorov Lyapunov Nash Pareto Turing Wiener
Kalman Cauchy Lorentz Minkowski Higgs Planck Bohr Pauli Feynman Kramers Arrhenius Michaelis Menten Lewis Brønsted
Diels Alder Grignard Suzuki Heck Wittig Darwin Darwinian Mendel Mendelian Pearson Spearman Likert Stroop Cronbach
Bloch Wannier Landau Ginzburg Josephson Hall Zeeman Stark Rydberg Auger Mössbauer Mott Anderson Kondo Heusler Weyl
Majorana Berry Floquet Hopf Ricci Kähler Lie Banach Sobolev Dirichlet Neumann Green Wigner Moiré Kerr Schwarzschild
English German French Spanish Chinese Japanese European American African Asian Dutch British Arctic Antarctic
""".split())
#: Words that say a title is in German, French or Spanish (and a few of English's, to weigh them against).
LANGUAGE_WORDS = {
    "de": frozenset("der die das und von für über zur zum bei ein eine einer eines im in auf aus nach des dem den "
                    "sowie durch zwischen unter vom ist sind als wie oder nicht".split()),
    "fr": frozenset("le la les de des du et en pour dans sur une un avec aux au par est sont entre sous chez leur leurs "
                    "d' l'".split()),
    "es": frozenset("el la los las de del y en para con por una un sobre entre su sus como desde hacia mediante "
                    "según".split()),
    "en": frozenset("the of and in for on with to a an from by at is are as its their into using via".split()),
}
LANGUAGE_LETTERS = {"de": "äöüß", "fr": "éèêëàâçîïôûùœ", "es": "ñáíóú¿¡"}
#: German nouns end so ("Verunreinigungen", "Eigenschaften"); long words only ("lung" is English).
GERMAN_ENDING = re.compile(r"\w{4,}(?:ungen|ung|keit|heit|schaft|schaften|ische|ischen|lichen)$")


def display_case(title: Text, case: str = SENTENCE, language: str = "") -> Text:
    """*title* in the display case *case* ("sentence" or "as-written"); *language*, the entry's, if it names one."""
    if case != SENTENCE or not title:
        return title
    leaves = list(_leaves(title))
    text = "".join(str(leaf) for leaf in leaves)
    if not is_english(text, language) or not is_title_case(text):
        return title
    protected = [isinstance(leaf, Protected) for leaf in leaves for _ in range(len(leaf))]
    keep = _kept(text, protected)
    changed = "".join([char if kept else char.lower() for char, kept in zip(text, keep)])
    return _rebuild(title, changed, [0])


def is_english(text: str, language: str = "") -> bool:
    """Whether a title is English: by its entry's language when it names one, else by its script and its words."""
    if language.strip():
        return primary(language_tag(language)) == "en"
    letters = [char for char in text if char.isalpha()]
    if sum(1 for char in letters if "LATIN" not in unicodedata.name(char, "")) * 2 > len(letters):
        return False  # Cyrillic, Greek, Chinese, ...: a title in its own conventions
    return title_language(text) == "en"


def title_language(text: str) -> str:
    """"en", "de", "fr" or "es": the language whose words and letters a title holds most of (English when unsure)."""
    words = [word.strip(EDGE_PUNCTUATION).lower() for word in text.replace("’", "'").split()]
    words += [word[: word.index("'") + 1] for word in words if "'" in word[:3]]  # French elision: l'analyse, d'un
    scores = {language: float(sum(1 for word in words if word in vocabulary)) for language, vocabulary in LANGUAGE_WORDS.items()}
    lowered = text.lower()
    scores["de"] += sum(1 for word in words if GERMAN_ENDING.match(word))
    for language, letters in LANGUAGE_LETTERS.items():  # a letter weighs half a word: "Über Čech Cohomology" is English
        if any(letter in lowered for letter in letters):
            scores[language] += 0.5
    best = max(("de", "fr", "es"), key=lambda language: scores[language])
    return best if scores[best] >= 2 and scores[best] > scores["en"] else "en"


def is_title_case(text: str) -> bool:
    """Whether most of a title's longer words (four letters or more, after the first) start with a capital."""
    words = [word.strip(EDGE_PUNCTUATION) for word in text.split()[1:]]
    words = [word for word in words if len(word) >= 4 and word.isalpha() and word not in PROPER]
    capitals = sum(1 for word in words if word[0].isupper())
    return capitals > len(words) - capitals


def _leaves(text: BaseText) -> Iterator[BaseText]:
    """The protected groups and the plain strings of *text*, in reading order."""
    if isinstance(text, (Protected, String)):
        yield text
    elif isinstance(text, BaseMultipartText):
        for part in text.parts:
            yield from _leaves(part)


def _kept(text: str, protected: list[bool]) -> list[bool]:
    """For each character of *text*, whether it keeps its case."""
    keep = list(protected)
    first = next((position for position, char in enumerate(text) if char.isalnum()), None)
    if first is not None:
        keep[first] = True
    for colon in re.finditer(r":\s+(?=\S)", text):  # BibTeX keeps the letter after a colon and a space
        keep[colon.end()] = True
    previous = ""
    for token in TOKEN.finditer(text):
        bare = token[0].strip(EDGE_PUNCTUATION)
        start = token.start() + token[0].index(bare) if bare else token.start()
        if bare and _kept_whole(bare, previous):
            keep[start : start + len(bare)] = [True] * len(bare)
        parts = list(WORD.finditer(token[0]))
        for part in parts:
            begin, end = token.start() + part.start(), token.start() + part.end()
            if (_carries_capitals(part[0]) or part[0] in PROPER
                    or (len(part[0]) == 1 and part[0].isupper() and len(parts) > 1)):
                keep[begin:end] = [True] * (end - begin)
        previous = bare
    return keep


def _kept_whole(word: str, previous: str) -> bool:
    """A formula, a unit after a number, a word with a capital and a digit, a capital alone, a name science capitalises."""
    if is_formula(word) or word in PROPER or re.sub(r"['’]s$", "", word) in PROPER:
        return True
    if word in UNITS and NUMBER.match(previous):
        return True
    if len(word) == 1 and word.isupper() and word != "A":
        return True
    return any(char.isdigit() for char in word) and any(char.isupper() for char in word)


def is_formula(word: str) -> bool:
    """Pb, Cu(111), H2O, NaCl, Cu–Ni, [Fe(CN)6]3−: element symbols with digits, charges and brackets; not "In" or "No"."""
    if FORMULA.fullmatch(word) is None:
        return False
    symbols = SYMBOL.findall(word)
    if not symbols or not all(symbol in ELEMENTS for symbol in symbols):
        return False
    return len(symbols) > 1 or word != symbols[0] or word not in WORDS_LIKE_ELEMENTS


def _carries_capitals(word: str) -> bool:
    """ReLU, GenPhys, AI, CIFAR-10's CIFAR, 3D: a capital letter after the first character."""
    return any(char.isupper() for char in word[1:])


def _rebuild(text: BaseText, changed: str, position: list[int]) -> BaseText:
    """*text* with its strings taken from *changed* from *position* on, in order; protected groups as they are."""
    if isinstance(text, Protected):
        position[0] += len(text)
        return text
    if isinstance(text, String):
        start = position[0]
        position[0] += len(text)
        return String(changed[start : position[0]])
    if isinstance(text, BaseMultipartText):
        return similar_text(text, [_rebuild(part, changed, position) for part in text.parts])
    return text

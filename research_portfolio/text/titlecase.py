"""Titles in one display case: sentence case, as BibTeX styles make it, keeping what a reader must see capitalized.

A .bib mixes Title Case (most exports) and sentence case (what some authors type). BibTeX's styles
print every title in sentence case (``change.case$`` with ``"t"``): lower case except the first
letter, the first letter after a colon, and whatever the .bib protects with braces
(``{Langevin}``, ``{PCA}``). Exports from Google Scholar or a publisher rarely brace acronyms, so a
word that carries a capital after its first letter (ReLU, GenPhys, AI, CIFAR-10) is kept as
written too, as is a single capital that starts a compound (N-body, X-ray).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pybtex.richtext import BaseMultipartText, BaseText, Protected, String, Text

from ..compat import similar_text

SENTENCE = "sentence"
AS_WRITTEN = "as-written"
CASES = (SENTENCE, AS_WRITTEN)
#: A word, for the rule that keeps acronyms: a run of characters between spaces, cut at hyphens and slashes.
WORD = re.compile(r"[^\s/\u2010-\u2015-]+")


def display_case(title: Text, case: str = SENTENCE) -> Text:
    """*title* in the display case *case*: "sentence" or "as-written"."""
    if case != SENTENCE or not title:
        return title
    leaves = list(_leaves(title))
    text = "".join(str(leaf) for leaf in leaves)
    protected = [isinstance(leaf, Protected) for leaf in leaves for _ in range(len(leaf))]
    keep = _kept(text, protected)
    changed = "".join([char if kept else char.lower() for char, kept in zip(text, keep)])
    return _rebuild(title, changed, [0])


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
    for word in re.finditer(r"\S+", text):
        whole = word[0]
        parts = list(WORD.finditer(whole))
        for part in parts:
            start, end = word.start() + part.start(), word.start() + part.end()
            if _carries_capitals(part[0]) or (len(part[0]) == 1 and part[0].isupper() and len(parts) > 1):
                keep[start:end] = [True] * (end - start)
    return keep


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

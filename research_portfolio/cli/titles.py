"""A title as BibTeX should hold it: acronyms and proper nouns braced, so no style lowers their case.

BibTeX styles set titles in sentence case and keep only what braces protect. A service gives the
title unbraced, in Title Case (Crossref) or as its authors typed it (arXiv). Braced here:

- a word with a capital after its first character (KAN, ReLU, GenPhys, CIFAR-10, 3D);
- a lone capital in a compound (N-body, X-ray);
- in a title in sentence case, a capitalized word after the first (a proper noun: Langevin);
- in a title in Title Case, a word the abstract capitalizes in mid-sentence (Kolmogorov-Arnold).

Words already in braces, math and commands are left as they are.
"""

from __future__ import annotations

import re

#: What may stand around a word without being part of it.
AROUND = re.compile(r"^(?P<before>[\"'(\[]*)(?P<word>.*?)(?P<after>[\"')\].,:;?!]*)$")
PART = re.compile(r"[-\u2010\u2011/]")


def protect(title: str, abstract: str = "") -> str:
    """*title* with its acronyms and proper nouns in braces."""
    tokens = title.split(" ")
    starts = _sentence_starts(tokens)
    title_case = _is_title_case(tokens, starts)
    proper = _proper_nouns(abstract) if title_case else set()
    depth = 0
    written = []
    for position, token in enumerate(tokens):
        found = AROUND.match(token)
        word = found["word"] if found else ""
        plain = depth == 0 and word and not re.search(r"[{}\\$]", token)
        if plain and _needs_braces(word, position in starts, title_case, proper):
            token = f"{found['before']}{{{word}}}{found['after']}"  # type: ignore[index]
        depth += token.count("{") - token.count("}")
        written.append(token)
    return " ".join(written)


def _needs_braces(word: str, starts_sentence: bool, title_case: bool, proper: set[str]) -> bool:
    parts = [part for part in PART.split(word) if part]
    if any(any(char.isupper() for char in part[1:]) for part in parts):
        return True
    if len(parts) > 1 and any(len(part) == 1 and part.isupper() for part in parts):
        return True
    if not word[:1].isupper():
        return False
    if title_case:
        return word.lower() in proper
    return not starts_sentence


def _sentence_starts(tokens: list[str]) -> set[int]:
    """The tokens that start the title or follow a colon, a question or full stop."""
    starts = {0}
    for position, token in enumerate(tokens[:-1]):
        if token.endswith((":", "?", "!", ".")) or token in ("-", "--", "\u2013", "\u2014"):
            starts.add(position + 1)
    return starts


def _is_title_case(tokens: list[str], starts: set[int]) -> bool:
    """Whether most of the longer words (four letters and more) start with a capital."""
    words = [token for position, token in enumerate(tokens) if position not in starts and len(token) >= 4 and token[:1].isalpha()]
    return bool(words) and sum(word[:1].isupper() for word in words) * 2 > len(words)


def _proper_nouns(abstract: str) -> set[str]:
    """The words an abstract capitalizes in mid-sentence, lower-cased."""
    found = set()
    for sentence in re.split(r"(?<=[.!?:])\s+", abstract):
        for word in sentence.split()[1:]:
            plain = AROUND.match(word)
            if plain and plain["word"][:1].isupper():
                found.add(plain["word"].lower())
    return found

"""A new entry's key in the style of the file's own keys: ``lovelace1843notes``, ``Lovelace_1843``, ...

Each style is a way of making a key from the first author's surname, the year and the title's
words. The style that explains most of the file's keys (a key may end in a letter that tells two
papers apart: ``lovelace1843a``) makes the new key; a file with no key any style explains gets
the first one, surname, year and the title's first word that is not a small word, in lower case.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterable

from pybtex.database import Entry

from ..bib import entries

#: Words a key never takes from a title.
SMALL_WORDS = frozenset("a an and as at by for from in into is of on or the to towards toward via with without what why how "
                        "when where which do does can are we our new".split())


def ascii_letters(text: str) -> str:
    """Letters and digits only, accents and LaTeX dropped, case kept: ``Schr{\\"o}dinger`` is "Schrodinger"."""
    if "\\" in text:
        text = codecs.decode(text, "ulatex")  # type: ignore[call-overload]  # latexcodec decodes str
    text = unicodedata.normalize("NFKD", re.sub(r"\\[a-zA-Z]+\s*|[{}$]", "", text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", text)


def surname(entry: Entry) -> str:
    people = entries.people(entry)
    person = people[0] if people else None
    return ascii_letters("".join(person.prelast_names + person.last_names)) if person else "anonymous"


def title_words(entry: Entry, small: bool = False) -> list[str]:
    """The title's words, plain; without the small words unless *small*."""
    words = [ascii_letters(word) for word in re.split(r"[\s\-/:]+", entries.field(entry, "title"))]
    return [word for word in words if word and (small or word.lower() not in SMALL_WORDS)]


def _first(words: list[str], count: int = 1) -> str:
    return "".join(word[:1].upper() + word[1:] for word in words[:count])


Style = Callable[[Entry, str], str]  # (entry, a title word) -> key
STYLES: dict[str, Style] = {
    "surname year word": lambda entry, word: f"{surname(entry)}{entries.year(entry)}{word}".lower(),
    "Surname_year": lambda entry, word: f"{surname(entry)}_{entries.year(entry)}",
    "surnameyear": lambda entry, word: f"{surname(entry)}{entries.year(entry)}".lower(),
    "SurnameYear": lambda entry, word: f"{surname(entry)}{entries.year(entry)}",
    "SurnameYearWord": lambda entry, word: f"{surname(entry)}{entries.year(entry)}{_first([word])}",
    "surname:year": lambda entry, word: f"{surname(entry)}:{entries.year(entry)}".lower(),
    "surnameTitleWordsYear": lambda entry, word: f"{surname(entry).lower()}{_first(title_words(entry), 3)}{entries.year(entry)}",
}


def explains(style: Style, key: str, entry: Entry) -> bool:
    """Whether *style* makes *key* from *entry*, with any of its title's words, perhaps with a letter after it."""
    words = title_words(entry, small=True) or [""]
    made = {style(entry, word) for word in words}
    return key in made or (key[-1:].isalpha() and key[-1:].islower() and key[:-1] in made)


def infer(written: Iterable[tuple[str, Entry]]) -> str:
    """The name of the style that explains most of the keys."""
    counts = dict.fromkeys(STYLES, 0)
    for key, entry in written:
        for name, style in STYLES.items():
            counts[name] += explains(style, key, entry)
    return max(counts, key=lambda name: counts[name]) if any(counts.values()) else next(iter(STYLES))


def new_key(style_name: str, entry: Entry, taken: Iterable[str]) -> str:
    """The key *entry* gets in that style, with a, b, c... after it while it is taken (keys ignore case)."""
    words = title_words(entry)
    key = STYLES[style_name](entry, words[0].lower() if words else "")
    used = {one.lower() for one in taken}
    if key.lower() not in used:
        return key
    return next(key + letter for letter in "abcdefghijklmnopqrstuvwxyz" if (key + letter).lower() not in used)

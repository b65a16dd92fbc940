"""The starter reads the .bib before it writes anything: with the build's own reader and checks, every problem on its line.

Three steps, in the order a new user meets them:

1. **Reading**, with the build's reader (:func:`research_portfolio.bibsource.read`): a syntax error, a
   key used twice (pybtex would stop there and drop the rest), bytes that are not UTF-8, a stray ``@``
   line. The file is refused, with one line for each problem, since no build could read it as written.
2. **The owner**: the name given must be an author (or editor) of at least one entry. If it is on none,
   it is refused with the closest spellings the .bib holds ("did you mean 'van Aert, R C M' (34
   entries)?"), unless the command says ``--force``. The spellings the owner does appear under go
   into ``portfolio_person["other_names"]``.
3. **The entries**: the new site, made in a scratch folder, is read by Sphinx with a builder that
   writes nothing, so the build's own checks run on it (:mod:`research_portfolio.database`): each
   warning the first build would stop on is reported, with its line, before the site is written.
"""

from __future__ import annotations

import dataclasses
import difflib
import io
import re
from collections import Counter
from pathlib import Path

from pybtex.database import Entry, Person
from sphinx.application import Sphinx
from sphinx.locale import get_translation
from sphinx.util.docutils import docutils_namespace, patch_docutils

from ..bib.bibsource import Parser, Source, read
from ..bib.entries import fold, full_name, is_others, is_selected, people, same_person, surname
from ..bib.entries import owner as owner_of
from ..render.style import decoded
from ..text.names import read_name

_ = get_translation("research_portfolio")

#: How close a spelling must be to the name given to be offered as "did you mean" (difflib's ratio).
CLOSE = 0.75
#: Sphinx's colours, which it writes even into a stream that is no terminal.
COLOUR = re.compile(r"\x1b\[[0-9;]*m")
#: A warning as Sphinx writes it: "path:line: WARNING: message [type.subtype]".
WARNING = re.compile(r"^(?P<location>.*?):?\s*WARNING: (?P<message>.*?)(?: \[[\w.]+\])?$")


class UnreadableBib(Exception):
    """The .bib cannot be read as written: one located line for each problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems)
        self.problems = problems


@dataclasses.dataclass
class Bibliography:
    """The .bib as the build reads it: its entries, in file order."""

    path: Path
    entries: dict[str, Entry]

    def selected(self) -> list[Entry]:
        return [entry for entry in self.entries.values() if is_selected(entry)]


def read_bibliography(path: Path, encoding: str = "utf-8") -> Bibliography:
    """Parse *path* as the build does; raise :class:`UnreadableBib` with every problem that stops the reading."""
    parser = Parser(encoding)
    source = Source(path)
    problems = [f"{path}:{line}: {key + ': ' if key else ''}{problem}" if line else f"{path}: {problem}"
                for key, line, problem in read(parser, source, encoding)]
    if problems:
        raise UnreadableBib(problems)
    return Bibliography(path, dict(parser.data.entries))


def spelling(person: Person) -> str:
    """A name as the .bib spells it, decoded from LaTeX: "van Aert, R C M", "Bahník, S"."""
    return decoded(str(person))


def owner_spellings(name: str, bibliography: Bibliography) -> tuple[int, list[str]]:
    """How many entries name the owner, and the spellings they use that differ from *name* as it reads."""
    owner = owner_of({"name": name})
    assert owner is not None
    found, spellings = 0, Counter[str]()
    for entry in bibliography.entries.values():
        mine = [person for person in people(entry) if same_person(owner, person)]
        found += bool(mine)
        spellings.update(spelling(person) for person in mine)
    given = fold(full_name(owner))
    return found, [written for written, _count in spellings.most_common() if fold(full_name(Person(written))) != given]


def closest_spellings(name: str, bibliography: Bibliography, count: int = 3) -> list[tuple[str, int]]:
    """The spellings of the .bib nearest *name*, each with the number of entries it is on, nearest first.

    A spelling is near when its surname is a few letters away from the one given (the given names
    often are initials in a .bib), or when the whole name is.
    """
    wanted = read_name(name)
    scored = []
    for written, entries in people_in(bibliography).items():
        person = Person(written)
        score = max(difflib.SequenceMatcher(None, surname(wanted), surname(person)).ratio(),
                    difflib.SequenceMatcher(None, fold(full_name(wanted)), fold(full_name(person))).ratio())
        if score >= CLOSE:
            scored.append((score, entries, written))
    return [(written, entries) for _score, entries, written in sorted(scored, reverse=True)[:count]]


def people_in(bibliography: Bibliography) -> dict[str, int]:
    """Each person of the .bib under their most used spelling, with the number of entries they are on.

    Spellings the build reads as one person ("van Aert, R C M", "van Aert, Robbie C. M.") count together.
    """
    spellings = Counter[str]()
    on: dict[str, set[str]] = {}
    for key, entry in bibliography.entries.items():
        for person in people(entry):
            if not is_others(person):
                spellings[spelling(person)] += 1
                on.setdefault(spelling(person), set()).add(key)
    groups: dict[str, set[str]] = {}  # the most used spelling -> the entries of every spelling of that person
    for written, _count in spellings.most_common():
        person = Person(written)
        same = next((first for first in groups if same_person(Person(first), person)), written)
        groups.setdefault(same, set()).update(on[written])
    return {written: len(keys) for written, keys in groups.items()}


def owner_problem(name: str, bibliography: Bibliography) -> str:
    """Why *name* is no owner of this .bib (on no entry), with the closest spellings; empty when it is on one."""
    named = [entry for entry in bibliography.entries.values() if people(entry)]
    if not named or owner_spellings(name, bibliography)[0]:
        return ""
    closest = closest_spellings(name, bibliography)
    if closest:
        hint = str(_("did you mean {spellings}?")).format(spellings=str(_(" or ")).join(map(counted, closest)))
    else:
        most = sorted(people_in(bibliography).items(), key=lambda person: -person[1])[:3]
        hint = str(_("no name is close to it; the authors of most entries are {names}.")).format(
            names=", ".join(map(counted, most)))
    return str(_("--name '{name}' is an author of none of the {count} entries of {path}: {hint} Give your name as your "
                 "papers spell it, or add --force to make the site anyway")).format(
        name=name, count=len(named), path=bibliography.path.name, hint=hint)


def counted(person: tuple[str, int]) -> str:
    """A spelling with the number of entries it is on: "'van Aert, R C M' (34 entries)"."""
    written, count = person
    return str(_("'{name}' ({count} entries)") if count != 1 else _("'{name}' (1 entry)")).format(name=written, count=count)


def first_build_problems(site: Path, shown_as: Path) -> list[str]:
    """What the first build of *site* would warn about in its .bib, read by Sphinx with a builder that writes nothing.

    Each warning keeps its line; the site's own path is shown as *shown_as* (where the site will be).
    """
    warnings = io.StringIO()
    with patch_docutils(site), docutils_namespace():  # as sphinx-build runs it: docutils' tables restored after
        Sphinx(site, site, site / "_build" / "check", site / "_build" / "check-doctrees", "dummy", status=None,
               warning=warnings, freshenv=True)
    problems = []
    for line in COLOUR.sub("", warnings.getvalue()).splitlines():
        found = WARNING.match(line.strip())
        if found is not None:
            problem = f"{found['location']}: {found['message']}" if found["location"] else found["message"]
            problems.append(problem.replace(str(site.resolve()), str(shown_as)).replace(str(site), str(shown_as)))
    return problems

"""Every ``portfolio_*`` setting in one table, and one check of them all when the configuration is read.

Each :class:`Setting` has its default, what a right value looks like and what it means; the README's
table of settings is generated from :data:`SETTINGS` (a test keeps the two the same). A wrong value
gives one located warning, ``conf.py:LINE: portfolio_X: what is wrong; what is expected``, and the
setting (or the one wrong part of it) falls back to its default, so the build goes on to report
everything else and ``-W`` fails it at the end: never a traceback, never Sphinx's crash report.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..text.names import name_problem, slugify

logger = logging.getLogger(__name__)

#: A check returns the value to use (the right parts of it) and what was wrong, one line a problem.
Check = Callable[[Any], tuple[Any, list[str]]]

MONTH = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")
SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
GITHUB_USER = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")


@dataclasses.dataclass(frozen=True)
class Setting:
    name: str
    default: Any  # a value, or a function of the configuration
    expected: str  # what a right value is, in a reader's words
    meaning: str
    check: Check

    def default_for(self, config: Config) -> Any:
        return self.default(config) if callable(self.default) else self.default


# -- Checks -------------------------------------------------------------------------------------


def _kind(value: Any) -> str:
    names = {str: "a string", bool: "true or false", int: "a number", float: "a number", dict: "a dict",
             list: "a list", tuple: "a tuple", type(None): "None"}
    return names.get(type(value), f"a {type(value).__name__}")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def is_web_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def text_list(value: Any) -> tuple[Any, list[str]]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        return [], [f"{_shown(value)} is {_kind(value)}"]
    wrong = [item for item in value if not is_text(item)]
    if wrong:
        return [item for item in value if is_text(item)], [f"{_shown(wrong[0])} is {_kind(wrong[0])}, not a name"]
    return list(value), []


def true_or_false(value: Any) -> tuple[Any, list[str]]:
    if isinstance(value, bool):
        return value, []
    return None, [f"{_shown(value)} is {_kind(value)}"]


def whole_number(value: Any) -> tuple[Any, list[str]]:
    if isinstance(value, bool) or not isinstance(value, int):
        return None, [f"{_shown(value)} is {_kind(value)}"]
    if value < 1:
        return None, [f"{value} is less than 1"]
    return value, []


def host(value: Any) -> tuple[Any, list[str]]:
    if value in ("", "readthedocs", "site"):
        return value, []
    return None, [f"{_shown(value)} is not one of \"\", \"readthedocs\", \"site\""]


def title_case(value: Any) -> tuple[Any, list[str]]:
    from ..text.titlecase import CASES

    if value in CASES:
        return value, []
    return None, [f"{_shown(value)} is not one of {', '.join(repr(case) for case in CASES)}"]


def slug(value: Any) -> tuple[Any, list[str]]:
    if value == "" or (isinstance(value, str) and SLUG.match(value)):
        return value, []
    return None, [f"{_shown(value)} is not made of lower-case letters, digits and hyphens"]


PERSON_TEXT = ("name", "role", "affiliation", "description", "phone")
PERSON_KEYS = (*PERSON_TEXT, "email", "website", "github", "orcid", "scholar", "alumni_of", "other_names", "photo")


def person(value: Any) -> tuple[Any, list[str]]:
    if not isinstance(value, dict):
        return {}, [f"{_shown(value)} is {_kind(value)}, not a dict with at least a 'name'"]
    kept: dict[str, Any] = {}
    problems = []
    for key, item in value.items():
        problem = _person_problem(key, item)
        if problem:
            problems.append(problem)
        else:
            kept[key] = item
    if "name" not in value:
        problems.insert(0, "no 'name': give the owner's name as the .bib spells it, for example \"Ada Lovelace\"")
    return kept, problems


def _person_problem(key: Any, item: Any) -> str:
    if key not in PERSON_KEYS:
        return f"unknown key {_shown(key)} (known: {', '.join(PERSON_KEYS)})"
    if key == "alumni_of":
        _, wrong = text_list(item)
        return f"'alumni_of': {wrong[0]}; expected a list of names, like [\"University of Cambridge\"]" if wrong else ""
    if key == "other_names":
        names, wrong = text_list(item)
        if wrong:
            return f"'other_names': {wrong[0]}; expected a list of spellings, like [\"Lovelace, A. A.\", \"Ada King\"]"
        return next((f"'other_names': {name!r}: {name_problem(name)}" for name in names if name_problem(name)), "")
    if key == "phone" and item == "":
        return ""  # the CV's phone number is given when building, and may be absent
    if not is_text(item):
        return f"{key!r}: {_shown(item)} is {_kind(item)}; expected a non-empty string"
    if key == "name" and name_problem(item):
        return f"'name': {item!r}: {name_problem(item)}"
    if key == "email" and not EMAIL.match(item):
        return f"'email': {item!r} is not an email address like ada@example.org"
    if key in ("website", "scholar") and not is_web_url(item):
        return f"{key!r}: {item!r} is not a web address starting with https://"
    if key == "photo" and (".." in PurePosixPath(item.replace("\\", "/")).parts or item.startswith(("/", "\\"))
                           or PurePosixPath(item).suffix.lower() not in PHOTO_SUFFIXES):
        return f"'photo': {item!r} is not an image of the static folder named from there, like \"img/photo.jpg\""
    if key == "github" and not GITHUB_USER.match(item):
        return f"'github': {item!r} is not a GitHub user name like \"octocat\" (give the name, not the address)"
    if key == "orcid" and not ORCID.match(item):
        return f"'orcid': {item!r} is not an ORCID iD like 0000-0002-1825-0097"
    return ""


def themes(value: Any) -> tuple[Any, list[str]]:
    if not isinstance(value, dict):
        return {}, [f"{_shown(value)} is {_kind(value)}, not a dict of key: (title, page)"]
    kept, problems = {}, []
    for key, item in value.items():
        if not isinstance(key, str) or not re.match(r"^[\w-]+$", key):
            problems.append(f"theme key {_shown(key)} must be a word (letters, digits, - or _), as the .bib's themes field names it")
        elif not (isinstance(item, (tuple, list)) and len(item) == 2 and all(is_text(part) for part in item)):
            problems.append(f"theme {key!r}: {_shown(item)} is not a pair (title, page), like (\"Optics\", \"research/optics\")")
        else:
            kept[key] = (item[0], str(item[1]).removesuffix(".md").removesuffix(".rst").lstrip("/"))
    return kept, problems


def positions(value: Any) -> tuple[Any, list[str]]:
    if isinstance(value, (str, dict)) or not isinstance(value, (list, tuple)):
        return [], [f"{_shown(value)} is {_kind(value)}, not a list of positions"]
    kept, problems = [], []
    for number, item in enumerate(value, start=1):
        problem = _position_problem(item)
        if problem:
            problems.append(f"position {number}: {problem}")
        else:
            kept.append(item)
    return kept, problems


def _position_problem(item: Any) -> str:
    if not isinstance(item, dict):
        return f"{_shown(item)} is {_kind(item)}, not a dict like {{\"name\": \"CERN\", \"start\": \"2019-09\", \"end\": None}}"
    unknown = sorted(set(item) - {"name", "start", "end"})
    if unknown:
        return f"unknown key {unknown[0]!r} (known: name, start, end)"
    if not is_text(item.get("name")):
        return "no 'name'"
    for key in ("start", "end"):
        when = item.get(key)
        if (key == "start" or when is not None) and not (isinstance(when, str) and MONTH.match(when)):
            return f"{key!r}: {_shown(when)} is not a month like \"2019-09\" (or a year like \"2019\")"
    if item.get("end") is not None and item["end"] < item["start"]:
        return f"ends ({item['end']}) before it starts ({item['start']})"
    return ""


def _default_slug(config: Config) -> str:
    return slugify(str(config.portfolio_person.get("name", ""))) or "portfolio"


SETTINGS = (
    Setting("portfolio_person", {}, "a dict with at least 'name'",
            "the owner: `name` (as the .bib spells it; required), `role`, `affiliation`, `description`, `email`, "
            "`website`, `github` (a user name), `orcid`, `scholar` (a profile address), `alumni_of` (a list), `other_names` "
            "(other spellings of the name in the .bib, such as a former name or a transliteration: a list), `photo` (a JPEG or "
            "PNG of the static folder, shown beside the name on the home page)", person),
    Setting("portfolio_themes", {}, "a dict of key: (title, page)",
            "research themes: the key the .bib's `themes` field uses, the theme's title and the page that tells it",
            themes),
    Setting("portfolio_theme_previews", False, "True or False",
            "on each theme's page, the preview of each paper of that theme beside the paragraph that first names it with "
            "the `paper` role (web, e-book and PDF)", true_or_false),
    Setting("portfolio_highlights", [], "a list of strings",
            "the honours the .bib's `highlight` field may name, such as \"Oral\"", text_list),
    Setting("portfolio_positions", [], "a list of {\"name\", \"start\", \"end\"} with months like \"2019-09\"",
            "positions for the timeline figure; `end` is None while it lasts", positions),
    Setting("portfolio_max_authors", 10, "a whole number of at least 1",
            "how many authors a list entry names before \"and N others\"; an owner further down keeps their place, "
            "with their position (\"(159th of 181)\"); the paper's page opens the whole list", whole_number),
    Setting("portfolio_conference_venues", [], "a list of strings",
            "more words that make a venue a conference, such as \"ISMB\"", text_list),
    Setting("portfolio_downloads", lambda config: "readthedocs" if os.environ.get("READTHEDOCS") == "True" else "",
            "\"\", \"readthedocs\" or \"site\"",
            "where the CV, PDF and e-book are published, to link them: at Read the Docs' addresses (the default there), "
            "beside the pages (GitHub Pages), or nowhere (a local build)", host),
    Setting("portfolio_title_case", "as-written", "\"sentence\" or \"as-written\"",
            "how titles are shown in lists, prose, paper pages, the PDF and the CV: as the .bib writes them, or in sentence "
            "case as BibTeX styles set them, never lowering a braced word, an acronym, a word with an inner capital or digit "
            "(ReLU, CO2), a chemical formula (Pb, Cu(111)), a unit, or a title in another language; the BibTeX shown to "
            "visitors keeps them as written", title_case),
    Setting("portfolio_drafts", [], "a list of page names, such as \"service\"",
            "pages left out of every format (web, e-book, PDF) until they are written: a page comes off the list, and into "
            "a toctree of the home page, once it has content; the starter lists the pages it leaves to fill", text_list),
    Setting("portfolio_slug", _default_slug, "lower-case letters, digits and hyphens",
            "the file name of the PDF, CV and e-book; by default made from the name (\"ada-lovelace\")", slug),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


# -- Checking -----------------------------------------------------------------------------------


def setting_line(confdir: str | Path, name: str) -> str:
    """``conf.py:LINE`` where *name* is last set, ``conf.py`` when no line sets it by name."""
    path = Path(confdir) / "conf.py"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return str(path)
    found = list(re.finditer(rf"^{re.escape(name)}\s*(?:\|?=|\[)", text, re.MULTILINE))
    return f"{path}:{text.count(chr(10), 0, found[-1].start()) + 1}" if found else str(path)  # the last one wins


def report(confdir: str | Path, name: str, problem: str, expected: str = "") -> None:
    """One line for one wrong setting: where it is set, what is wrong, what is expected."""
    message = f"{name}: {problem}" + (f"; expected {expected}" if expected and "expected" not in problem else "")
    logger.warning(message, location=setting_line(confdir, name), type="portfolio", subtype="config")


def check(app: Sphinx, config: Config) -> None:
    """Check every portfolio_* setting; a wrong part falls back to its default after its warning."""
    for setting in SETTINGS:
        value = getattr(config, setting.name)
        kept, problems = setting.check(value)
        for problem in problems:
            report(app.confdir, setting.name, problem, setting.expected)
        if problems:
            config[setting.name] = setting.default_for(config) if kept is None else kept
    check_baseurl(app, config)


def check_baseurl(app: Sphinx, config: Config) -> None:
    if config.html_baseurl and not is_web_url(config.html_baseurl):
        report(app.confdir, "html_baseurl", f"{config.html_baseurl!r} is not an absolute web address",
               "the address the site is published at, like https://ada.example.org/ (or nothing)")
        config.html_baseurl = ""
    if config.portfolio_downloads and not config.html_baseurl:
        report(app.confdir, "portfolio_downloads", "the downloads are linked under html_baseurl, which is empty",
               "html_baseurl set to the published address (Read the Docs sets READTHEDOCS_CANONICAL_URL)")
        config.portfolio_downloads = ""


def check_theme_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """A theme whose page does not exist would give a broken link on every paper page of that theme.

    The CV build reads cv.md alone, so it has no theme pages to look for.
    """
    if app.tags.has("cv"):
        return
    for key, (title, page) in list(env.config.portfolio_themes.items()):
        if page not in env.found_docs:
            report(app.confdir, "portfolio_themes", f"theme {key!r} names the page {page!r}, which does not exist",
                   f"the page that tells {title!r}, such as research/{key}.md, or remove the theme")


def readme_table() -> str:
    """The README's table of settings, made from :data:`SETTINGS`."""
    rows = ["| setting | default | expected | meaning |", "|---------|---------|----------|---------|"]
    for setting in SETTINGS:
        default = "from the name" if setting.name == "portfolio_slug" else (
            "`\"readthedocs\"` on Read the Docs, else `\"\"`" if callable(setting.default) else f"`{setting.default!r}`")
        rows.append(f"| `{setting.name}` | {default} | {setting.expected} | {setting.meaning} |")
    return "\n".join(rows)


def register(app: Sphinx) -> None:
    """Add every setting to Sphinx; the types are ours to check (Sphinx's own check would warn twice)."""
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, "env", types=Any)

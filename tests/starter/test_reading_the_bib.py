"""The starter reads the .bib before it writes anything, as the build reads it.

A file the build cannot read (a syntax error, a key used twice, a stray ``@`` line) is refused with a
located line per problem and nothing written; a name on none of the entries is refused with the
closest spellings, unless ``--force``; what else the first build would stop on is said, with its line,
before the site is written; ``selected`` papers make the home page's list; the spellings the owner
appears under go into ``other_names``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ENGINE = "git+https://github.com/example/portfolio-engine@0123456789abcdef0123456789abcdef01234567"


def entry(key: str, authors: str, year: int, extra: str = "") -> str:
    return f"@article{{{key},\n  author = {{{authors}}},\n  title = {{Paper {key}}},\n  journal = {{Psychological Methods}},\n" \
           f"  year = {{{year}}},\n{extra}}}\n\n"


def starter(tmp_path: Path, bib: str, name: str = "Robbie van Aert", *options: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "papers.bib").write_text(bib, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "research_portfolio", "new", str(tmp_path / "site"), "--name", name,
                           "--bib", str(tmp_path / "papers.bib"), "--install-from", ENGINE, *options],
                          capture_output=True, text=True, timeout=120)


#: A .bib of 34 papers by R. C. M. van Aert, with co-authors, as a reference manager exports it.
MANY = "".join(entry(f"vanaert{number}", "van Aert, R C M and Wicherts, J M" if number % 2 else "van Aert, R C M and Bahn{\\'{i}}k, S",
                     2010 + number % 12) for number in range(34))


@pytest.mark.parametrize(("case", "bib", "lines"), [
    ("duplicate keys", entry("a", "van Aert, R C M", 2019) + entry("b", "van Aert, R C M", 2020) + entry("a", "van Aert, R C M", 2021)
     + entry("b", "van Aert, R C M", 2022),
     ["papers.bib:15: a: duplicate key; the first entry with this key is on line 1",
      "papers.bib:22: b: duplicate key; the first entry with this key is on line 8"]),
    ("syntax error",
     entry("a", "van Aert, R C M", 2019).replace("title = {Paper a},", "title = {Paper a,") + entry("b", "van Aert, R C M", 2020),
     ["BibTeX syntax error"]),
    ("stray line", "@misc{\n" + entry("a", "van Aert, R C M", 2019), ["papers.bib:1: '@misc{' starts no entry"]),
    ("undefined macro", entry("a", "van Aert, R C M", 2019).replace("{Psychological Methods}", "PsychMethods"),
     ["papers.bib:4: a: undefined macro 'PsychMethods'"]),
])
def test_a_bib_the_build_cannot_read_is_refused_with_a_line_per_problem(tmp_path, case, bib, lines):
    made = starter(tmp_path, bib)
    assert made.returncode == 1 and "Traceback" not in made.stderr
    shown = made.stderr.splitlines()
    assert len(shown) == len(lines) + 1, made.stderr  # a line per problem, then one saying what to do
    for line, expected in zip(shown, lines):
        assert expected in line
    assert shown[-1].startswith("research_portfolio new: ") and "cannot read it as written" in shown[-1]
    assert not (tmp_path / "site").exists()


def test_a_name_on_no_entry_is_refused_with_the_closest_spelling(tmp_path):
    made = starter(tmp_path, MANY, "Robbie van Art")
    assert made.returncode == 1 and not (tmp_path / "site").exists()
    assert made.stderr.count("\n") == 1
    assert "is an author of none of the 34 entries" in made.stderr
    assert "did you mean 'van Aert, R C M' (34 entries)?" in made.stderr and "--force" in made.stderr


def test_a_name_far_from_every_author_names_the_most_frequent_ones(tmp_path):
    made = starter(tmp_path, MANY, "Ada Lovelace")
    assert made.returncode == 1
    assert "the authors of most entries are 'van Aert, R C M' (34 entries), 'Bahník, S' (17 entries), 'Wicherts, J M' (17 entries)." \
        in made.stderr


def test_force_makes_the_site_and_says_what_the_first_build_will_stop_on(tmp_path):
    made = starter(tmp_path, entry("a", "van Aert, R C M", 2019), "Robbie van Art", "--force")
    assert made.returncode == 0, made.stderr
    assert f"{tmp_path / 'site' / 'publications.bib'}:2: a: Robbie van Art is not among the authors" in made.stderr


def test_the_spellings_the_owner_appears_under_go_into_other_names(tmp_path):
    bib = entry("a", "van Aert, R C M and Wicherts, J M", 2019) + entry("b", "van Aert, Robbie C. M.", 2020) \
        + entry("c", "van Aert, Robbie", 2021)
    made = starter(tmp_path, bib)
    assert made.returncode == 0, made.stderr
    conf = (tmp_path / "site" / "conf.py").read_text(encoding="utf-8")
    assert '"other_names": ["van Aert, R C M", "van Aert, Robbie C. M."],' in conf  # "van Aert, Robbie" is the name given
    namespace: dict[str, object] = {}
    exec(compile(conf, "conf.py", "exec"), namespace)  # noqa: S102  (the file the starter just wrote)
    assert namespace["portfolio_person"]["other_names"] == ["van Aert, R C M", "van Aert, Robbie C. M."]


def test_the_first_builds_problems_are_said_with_their_lines_before_the_site_is_written(tmp_path):
    bib = entry("a", "van Aert, R C M", 2019) + entry("b", "van Aert, R C M", 2020, "  selected = {maybe},\n")
    made = starter(tmp_path, bib)
    assert made.returncode == 0
    site_bib = tmp_path / "site" / "publications.bib"
    assert f"{site_bib}:13: b: selected 'maybe' must be true or false" in made.stderr
    assert "The first build will stop on the 1 problem(s) above" in made.stderr
    assert "research-portfolio-new-" not in made.stderr  # the scratch folder the site was made in is never named
    assert not list((tmp_path / "site").glob("_build"))


def test_selected_papers_make_the_home_pages_list(tmp_path):
    bib = entry("a", "van Aert, R C M", 2019, "  selected = {true},\n") + entry("b", "van Aert, R C M", 2020)
    made = starter(tmp_path, bib)
    assert made.returncode == 0, made.stderr
    index = (tmp_path / "site" / "index.md").read_text(encoding="utf-8")
    assert "## Selected papers" in index and ":selected:" in index

"""Every wrong value of a portfolio_* setting gives one located line and a failed build, never a traceback.

Each case writes one setting into conf.py of a tiny project and builds it. The warning must name
conf.py and the line of the setting, the setting, what is wrong and what is expected; the build
must go on with the setting's default (so it reports everything at once) and, as Read the Docs
runs it (``-T -W``), end without Sphinx's crash report.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import sphinx

from research_portfolio.config import settings

ROOT = Path(__file__).parent / "roots" / "test-settings"
GOOD_PERSON = '{"name": "Ada Lovelace", %s}'

#: (conf.py line, what the warning says after "setting: ")
CASES = [
    ('portfolio_person = "Ada Lovelace"', "'Ada Lovelace' is a string, not a dict with at least a 'name'"),
    ('portfolio_person = {"role": "Professor"}', "no 'name': give the owner's name as the .bib spells it"),
    ('portfolio_person = {"name": ""}', "'name': '' is a string; expected a non-empty string"),
    ("portfolio_person = " + GOOD_PERSON % '"email": 42', "'email': 42 is a number; expected a non-empty string"),
    ("portfolio_person = " + GOOD_PERSON % '"email": "ada at example.org"', "'email': 'ada at example.org' is not an email address"),
    ("portfolio_person = " + GOOD_PERSON % '"alumni_of": "Cambridge"',
     "'alumni_of': 'Cambridge' is a string; expected a list of names, like [\"University of Cambridge\"]"),
    ("portfolio_person = " + GOOD_PERSON % '"website": "example.org"', "'website': 'example.org' is not a web address starting with https://"),
    ("portfolio_person = " + GOOD_PERSON % '"github": "https://github.com/ada"',
     "'github': 'https://github.com/ada' is not a GitHub user name"),
    ("portfolio_person = " + GOOD_PERSON % '"orcid": "0000-0002-1825"', "'orcid': '0000-0002-1825' is not an ORCID iD"),
    ("portfolio_person = " + GOOD_PERSON % '"emial": "ada@example.org"', "unknown key 'emial' (known: name, role"),
    ("portfolio_person = " + GOOD_PERSON % '"role": ["Professor"]', "'role': ['Professor'] is a list; expected a non-empty string"),
    ('portfolio_themes = ["optics"]', "['optics'] is a list, not a dict of key: (title, page)"),
    ('portfolio_themes = {"optics": "Optics"}', "theme 'optics': 'Optics' is not a pair (title, page)"),
    ('portfolio_themes = {"two words": ("Optics", "index")}', "theme key 'two words' must be a word"),
    ('portfolio_themes = {"optics": ("Optics", "research/optics")}',
     "theme 'optics' names the page 'research/optics', which does not exist"),
    ('portfolio_highlights = "Oral"', "'Oral' is a string; expected a list of strings"),
    ('portfolio_highlights = ["Oral", 3]', "3 is a number, not a name"),
    ('portfolio_positions = [{"name": "CERN"}]', "position 1: 'start': None is not a month like \"2019-09\""),
    ('portfolio_positions = [{"name": "CERN", "start": "Sept 2019"}]', "position 1: 'start': 'Sept 2019' is not a month"),
    ('portfolio_positions = [{"name": "CERN", "start": "2019-09", "end": "2018-01"}]',
     "position 1: ends (2018-01) before it starts (2019-09)"),
    ('portfolio_positions = [{"start": "2019-09"}]', "position 1: no 'name'"),
    ('portfolio_positions = [{"name": "CERN", "start": "2019-09", "until": "2020"}]', "position 1: unknown key 'until'"),
    ('portfolio_positions = {"name": "CERN", "start": "2019-09"}',
     "{'name': 'CERN', 'start': '2019-09'} is a dict, not a list of positions"),
    ('portfolio_positions = ["CERN 2019-2020"]', "position 1: 'CERN 2019-2020' is a string, not a dict like"),
    ('portfolio_max_authors = "10"', "'10' is a string; expected a whole number of at least 1"),
    ("portfolio_max_authors = -3", "-3 is less than 1; expected a whole number of at least 1"),
    ("portfolio_max_authors = 2.5", "2.5 is a number; expected a whole number of at least 1"),
    ("portfolio_max_authors = True", "True is true or false; expected a whole number of at least 1"),
    ('portfolio_conference_venues = "ISMB"', "'ISMB' is a string; expected a list of strings"),
    ('portfolio_downloads = "yes"', "'yes' is not one of \"\", \"readthedocs\", \"site\""),
    ("portfolio_downloads = True", "True is not one of"),
    ('portfolio_downloads = "site"', "the downloads are linked under html_baseurl, which is empty"),
    ('portfolio_title_case = "title"', "'title' is not one of 'sentence', 'as-written'; expected \"sentence\" or \"as-written\""),
    ("portfolio_title_case = None", "None is not one of 'sentence', 'as-written'"),
    ('portfolio_theme_previews = "yes"', "'yes' is a string; expected True or False"),
    ('portfolio_drafts = "service"', "'service' is a string; expected a list of page names"),
    ('portfolio_slug = "Ada Lovelace"', "'Ada Lovelace' is not made of lower-case letters, digits and hyphens"),
    ('html_baseurl = "example.org/ada"', "'example.org/ada' is not an absolute web address"),
]


def project(tmp_path: Path, line: str) -> Path:
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f'portfolio_person = {{"name": "Ada Lovelace"}}\n{line}\n')
    return source


@pytest.mark.parametrize(("line", "message"), CASES, ids=[line.split(" =")[0] + f"-{n}" for n, (line, _) in enumerate(CASES)])
def test_a_wrong_setting_is_one_located_line_and_the_build_goes_on(make_app, tmp_path, line, message):
    source = project(tmp_path, line)
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app._warning.getvalue())
    name = line.split(" =")[0]
    line_number = len((source / "conf.py").read_text(encoding="utf-8").splitlines())
    assert f"{source / 'conf.py'}:{line_number}: WARNING: {name}: {message}" in warnings, warnings
    assert "Traceback" not in warnings
    assert (app.outdir / "publications.html").is_file()  # the build went on, with the default


@pytest.mark.parametrize("line", [
    'portfolio_person = "Ada Lovelace"', 'portfolio_max_authors = "10"', 'portfolio_themes = ["optics"]',
    'portfolio_positions = [{"name": "CERN"}]', 'portfolio_person = {"name": "Ada Lovelace", "email": 42}',
])
def test_read_the_docs_command_fails_with_the_line_and_no_crash_report(tmp_path, line):
    source = project(tmp_path, line)
    process = sphinx(source, "html", source / "_build" / "html")
    output = process.stdout + process.stderr
    assert process.returncode == 1
    assert re.search(rf"conf\.py:\d+: WARNING: {re.escape(line.split(' =')[0])}: ", output)
    for crash in ("Traceback", "Configuration error", "please report this", "Exception occurred"):
        assert crash not in output


def test_the_whole_person_falls_back_only_where_it_is_wrong(make_app, tmp_path):
    """A wrong email costs the email, not the name: the owner is still found in every entry."""
    source = project(tmp_path, 'portfolio_person = {"name": "Ada Lovelace", "email": "not an address"}')
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    assert app.config.portfolio_person == {"name": "Ada Lovelace"}
    assert "is not among the authors" not in app._warning.getvalue()


def test_every_setting_has_a_case_here():
    tried = {line.split(" =")[0] for line, _ in CASES}
    assert set(settings.BY_NAME) <= tried

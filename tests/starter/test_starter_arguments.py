"""The starter writes data, not code: any name, address or source gives files that read it back as written.

Each argument of the table (and Hypothesis' arbitrary text) is given to ``new`` as the name, written
into the test's .bib as the author; the written conf.py is executed and must hold exactly that name
and do nothing else; every YAML file (the workflows, Read the Docs' file, each page's front matter)
parses and holds it; index.md's heading reads it back; requirements.txt holds one requirement per
line. A name with a line break is refused in one line, and a failed starter leaves no folder.
"""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from fuzzing import examples
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from packaging.requirements import Requirement

from research_portfolio.cli.newsite import Request, StarterError, copy_named_files, new_site

SOURCE = "git+https://github.com/example/portfolio-engine"
#: The issue's table: quotes of every kind, a backslash, Python's \N{ escape, Jinja, a shell command, long, other scripts.
TABLE = ['Ada """Lovelace', "Ada '''Lovelace", 'Ada "Lovelace"', "Ada \\ Lovelace", "Ada \\N{Lovelace", "Ada {{ Lovelace }}",
         "Ada $(touch PWNED) Lovelace", "Ada " + "Lovelace" * 37, "李白", "ابن سينا",
         'Ada Lovelace"""; import os; os.system("touch PWNED"); """']
#: Each value as a .bib author: BibTeX's own escapes for its specials, the rest as written.
BIBTEX = str.maketrans({"\\": r"{\textbackslash}", "{": r"{\textbraceleft}", "}": r"{\textbraceright}",
                        "$": r"\$", "%": r"\%", "&": r"\&", "#": r"\#",
                        "_": r"\_", "~": r"{\textasciitilde}", "^": r"{\textasciicircum}"})


def make(folder: Path, name: str, **addresses: str) -> Path:
    bib = folder.parent / f"{folder.name}.bib"
    bib.write_text(f"@article{{one,\n  author = {{{name.translate(BIBTEX)}}},\n  title = {{A Paper}},\n  journal = {{J}},\n"
                   "  year = {2020},\n}\n", encoding="utf-8")
    new_site(Request(folder, name, bib, f"{SOURCE}@v1.2.0", **addresses, force=True))  # a revision: no network
    return folder


def assert_written_as_data(site: Path, name: str, addresses: dict[str, str]) -> None:
    before = set(os.listdir(site))
    conf = runpy.run_path(str(site / "conf.py"))
    assert conf["portfolio_person"]["name"] == name.strip()
    for key in ("email", "website"):
        assert conf["portfolio_person"].get(key, "") == addresses.get(key, "")
    assert conf["html_baseurl"] == os.environ.get("READTHEDOCS_CANONICAL_URL", addresses.get("url", ""))
    assert set(os.listdir(site)) == before and not (site / "PWNED").exists() and not Path("PWNED").exists()
    for path in [site / ".readthedocs.yaml", *(site / ".github" / "workflows").glob("*.yml")]:
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path
    described = 0
    for page in site.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            description = yaml.safe_load(text.split("---\n")[1]).get("myst", {}).get("html_meta", {}).get("description", "")
            described += name.strip() in description
    assert described == 6  # the pages whose description names the owner
    heading = re.search(r"^# (.*)$", (site / "index.md").read_text(encoding="utf-8"), re.MULTILINE)[1]
    assert BeautifulSoup(MarkdownIt("commonmark").render(heading), "html.parser").get_text().strip() == name.strip()
    lines = [line for line in (site / "requirements.txt").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(lines) == 1 and Requirement(lines[0]).url.startswith(SOURCE)


@pytest.mark.parametrize("name", TABLE)
def test_each_name_of_the_table_comes_back_unchanged_and_runs_nothing(tmp_path, name):
    addresses = {"email": name, "website": name, "url": name}
    assert_written_as_data(make(tmp_path / "site", name, **addresses), name, addresses)


@examples(30, 2000)
@given(st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"])).filter(str.strip),
       st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"])))
def test_any_name_and_address_is_written_as_data(tmp_path_factory, name, address):
    folder = tmp_path_factory.mktemp("site") / "site"
    addresses = {"email": address, "website": address, "url": address}
    assert_written_as_data(make(folder, name, **addresses), name, addresses)


@examples(20, 500)
@given(st.text(), st.characters(categories=["Cc", "Zl", "Zp"]), st.text())
def test_a_name_holding_a_control_character_is_refused(tmp_path_factory, before, control, after):
    with pytest.raises(StarterError, match="holds a line break or another control character"):
        make(tmp_path_factory.mktemp("site") / "site", f"Ada{before}{control}{after}")


@pytest.mark.parametrize("option", ["--name", "--url", "--email", "--website", "--install-from"])
def test_a_line_break_is_refused_in_one_line_and_leaves_no_folder(tmp_path, option):
    bib = tmp_path / "papers.bib"
    bib.write_text("@article{one, author = {Lovelace, Ada}, title = {A Paper}, journal = {J}, year = {2020}}\n", encoding="utf-8")
    broken = SOURCE + "\n-e /tmp" if option == "--install-from" else "Ada\nLovelace"
    values = {"--name": "Ada Lovelace", "--install-from": SOURCE, option: broken}
    arguments = [item for pair in values.items() for item in pair]
    process = subprocess.run([sys.executable, "-m", "research_portfolio", "new", str(tmp_path / "site"), "--bib", str(bib), *arguments],
                             capture_output=True, text=True, timeout=120)
    assert process.returncode == 1 and len(process.stderr.splitlines()) == 1 and "line break" in process.stderr, process.stderr
    assert not (tmp_path / "site").exists()


def test_a_failed_starter_leaves_no_folder(tmp_path, monkeypatch):
    import research_portfolio.cli.newsite as newsite

    def fails(*arguments: object) -> list[Path]:
        raise OSError(28, "No space left on device", str(tmp_path / "site" / "conf.py"))

    monkeypatch.setattr(newsite, "copy_named_files", fails)
    with pytest.raises(StarterError, match="No space left on device"):
        make(tmp_path / "site", "Ada Lovelace")
    assert not (tmp_path / "site").exists()


def test_assets_inside_the_new_site_are_not_copied_onto_themselves(tmp_path):
    static = tmp_path / "site" / "_static"
    (static / "pdf").mkdir(parents=True)
    (static / "pdf" / "paper.pdf").write_bytes(b"%PDF stand-in")
    bib = "@article{one, author = {Lovelace, Ada}, title = {A Paper}, journal = {J}, year = {2020}, pdf = {paper.pdf}}\n"
    assert copy_named_files(bib, static, static) == [static / "pdf" / "paper.pdf"]  # was SameFileError
    assert (static / "pdf" / "paper.pdf").read_bytes() == b"%PDF stand-in"

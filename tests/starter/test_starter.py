"""``python -m research_portfolio new``: a new researcher's site in one command, holding only their things.

The new site must build every format strictly on the first try, with any valid .bib, and nothing
it holds or builds may name the previous owner of the engine's first site. Its requirements name
the engine at this version; its own tests pass; ``upgrade`` moves the pin to a newer tag.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import PROJECT, require_tool
from reading import pdf_text
from starter_sites import OWNER, alfolio_checkout, build, new

from research_portfolio import __version__

HOSTILE = sorted((PROJECT / "tests" / "engine" / "data" / "hostile").glob("*.bib"))
#: What of the first site's owner could leak into a new site: his name, his supervisor, his places.
HIS = re.compile(r"\b(?:Ziming|Liu|Tegmark|MIT|Peking|kindxiaoming|KindXiaoming)\b")
#: Files of the theme, shipped as they are (furo's bundled scripts carry their licences' texts).
THEIRS = ("_static/scripts/", "_static/styles/")


def texts(folder: Path) -> dict[str, str]:
    """Every file of *folder* as text a reader or a search would see: PDFs through pdftotext, e-books unzipped."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if not path.is_file() or name.startswith(THEIRS) or "/_static/scripts/" in name or "/_static/styles/" in name:
            continue
        if path.suffix == ".pdf" and path.read_bytes().startswith(b"%PDF"):
            found[name] = pdf_text(path)
        elif path.suffix == ".epub":
            with zipfile.ZipFile(path) as book:
                found |= {f"{name}!{inner}": book.read(inner).decode("utf-8", "replace") for inner in book.namelist()
                          if inner.endswith((".xhtml", ".opf", ".ncx", ".css"))}
        elif path.suffix in (".html", ".md", ".py", ".txt", ".yaml", ".yml", ".bib", ".tex", ".js", ".css", ".xml", ".svg", ".pdf", ""):
            found[name] = path.read_text(encoding="utf-8", errors="replace")
    return found


@pytest.fixture(scope="module")
def every_format(alfolio_site: Path) -> Path:
    """The new site's e-book, PDF and CV, built as Read the Docs builds them, after its web site."""
    require_tool("latexmk", "xelatex", "pdftotext")
    build(alfolio_site, "epub")
    for builder, options, folder, doctrees in (("latex", (), "latex", "doctrees"), ("latex", ("-t", "cv"), "cv", "cv-doctrees")):
        latex = build(alfolio_site, builder, *options, folder=folder, doctrees=doctrees)
        (tex,) = latex.glob("*.tex")
        subprocess.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex.name], cwd=latex,
                       capture_output=True, check=True, timeout=600)
        check = subprocess.run([sys.executable, "-m", "research_portfolio", "check-pdf", str(latex)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
    return alfolio_site


def test_the_new_site_holds_its_owners_files_and_nothing_of_anyone_else(alfolio_site):
    made = {path.relative_to(alfolio_site).as_posix() for path in alfolio_site.rglob("*") if path.is_file()
            and not path.relative_to(alfolio_site).parts[0] == "_build"}
    for expected in ("conf.py", "index.md", "publications.md", "research/index.md", "experience.md", "service.md", "cv.md",
                     "404.md", "publications.bib", "requirements.txt", "requirements-dev.txt", "Makefile", ".readthedocs.yaml",
                     ".github/workflows/pages.yml", ".github/workflows/upgrade.yml", "tests/test_site.py", "README.md",
                     "_static/favicon.svg", ".gitignore"):
        assert expected in made, expected
    leaks = {name: HIS.findall(text) for name, text in texts(alfolio_site).items() if not name.startswith("_build/")}
    assert not {name: found for name, found in leaks.items() if found}
    assert (alfolio_site / "publications.bib").read_bytes() == (PROJECT / "tests/engine/data/alfolio-papers.bib").read_bytes()
    conf = (alfolio_site / "conf.py").read_text(encoding="utf-8")
    assert f'"name": {OWNER!r}' in conf and "portfolio_themes = {}" in conf


def test_every_format_builds_strictly_first_try_and_names_only_the_new_owner(every_format):
    built = texts(every_format / "_build")
    assert any(name.endswith("marta-kowalczyk.pdf") for name in built)
    assert any(name.endswith("marta-kowalczyk-cv.pdf") for name in built)
    assert any(name.startswith("epub/marta-kowalczyk.epub!") for name in built)
    leaks = {name: sorted(set(HIS.findall(text))) for name, text in built.items()}
    assert not {name: found for name, found in leaks.items() if found}
    assert OWNER in built["html/index.html"] and OWNER in built["cv/marta-kowalczyk-cv.pdf"]


def test_the_new_cv_prints_its_sections_empty_for_the_owner_to_fill(every_format):
    cv = " ".join(pdf_text(every_format / "_build/cv/marta-kowalczyk-cv.pdf").split())
    for heading in ("Education", "Positions", "Honours", "Press", "Publications"):
        assert heading in cv
    between = cv[cv.index("Education") : cv.index("Publications")]
    assert between.split() == ["Education", "Positions", "Honours", "Press"]  # nothing of anyone's


@pytest.mark.parametrize("bib", HOSTILE, ids=[path.stem for path in HOSTILE])
def test_any_valid_bib_builds_strictly_on_the_first_try(tmp_path, wheel, bib):
    made = new(tmp_path / "site", bib, wheel)
    assert made.returncode == 0, made.stderr
    build(tmp_path / "site", "html")


def test_the_site_passes_its_own_tests(alfolio_site):
    process = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=alfolio_site,
                             capture_output=True, text=True, timeout=600)
    assert process.returncode == 0, process.stdout[-3000:]
    assert "3 passed" in process.stdout


def test_requirements_name_this_version_from_a_wheel_in_the_site(alfolio_site, wheel):
    requirements = (alfolio_site / "requirements.txt").read_text(encoding="utf-8")
    assert f"./vendor/{wheel.name}" in requirements.splitlines()
    assert (alfolio_site / "vendor" / wheel.name).read_bytes() == wheel.read_bytes()
    assert __version__ in wheel.name


def test_requirements_pin_a_repository_to_this_versions_tag(tmp_path, wheel):
    bib = HOSTILE[0]
    made = new(tmp_path / "site", bib, wheel, "--install-from", "git+https://github.com/example/portfolio-engine")
    assert made.returncode == 0, made.stderr
    line = f"sphinx-research-portfolio @ git+https://github.com/example/portfolio-engine@v{__version__}"
    assert line in (tmp_path / "site" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert not (tmp_path / "site" / "vendor").exists()


@pytest.mark.parametrize(("case", "message"), [
    ("not-empty", "already exists and is not empty: choose a new folder"),
    ("no-bib", "no such file: give the .bib file of your papers with --bib"),
    ("latin-1", "cannot read it: it is not UTF-8 text (save it as UTF-8)"),
    ("no-entry", "no BibTeX entry found in it"),
    ("bad-source", "expected a repository URL like git+https://github.com/OWNER/REPO, or the path of a .whl file"),
])
def test_the_command_refuses_with_one_clear_line(tmp_path, wheel, case, message):
    bib, folder, options = tmp_path / "papers.bib", tmp_path / "site", []
    bib.write_text(HOSTILE[0].read_text(encoding="utf-8"), encoding="utf-8")
    if case == "not-empty":
        folder.mkdir()
        (folder / "notes.txt").write_text("mine")
    elif case == "no-bib":
        bib = tmp_path / "missing.bib"
    elif case == "latin-1":
        bib.write_bytes("@article{m, author={Müller, Jörg}, title={T}, journal={J}, year={2020}}".encode("latin-1"))
    elif case == "no-entry":
        bib.write_text("This is a CV in plain text, not BibTeX.\n")
    else:
        options = ["--install-from", "https://example.org/engine.tar.gz"]
    made = new(folder, bib, wheel, *options)
    assert made.returncode == 1
    assert made.stderr.count("\n") == 1 and message in made.stderr and "Traceback" not in made.stderr
    assert case == "not-empty" or not folder.exists()


def test_help_lists_the_options(tmp_path):
    shown = subprocess.run([sys.executable, "-m", "research_portfolio", "new", "--help"], capture_output=True, text=True)
    assert shown.returncode == 0
    for option in ("--name", "--bib", "--install-from", "--url", "--email", "--assets"):
        assert option in shown.stdout


def test_upgrade_pins_the_newest_tag_and_names_its_changelog(tmp_path):
    require_tool("git")
    repository = tmp_path / "engine.git"
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    (repository / "CHANGELOG.md").write_text("# Changes\n")
    subprocess.run([*git, "-C", str(repository), "add", "."], check=True)
    subprocess.run([*git, "-C", str(repository), "commit", "-q", "-m", "first"], check=True)
    for tag in ("v1.0.0", "v1.2.0", "v1.10.0", "not-a-version"):
        subprocess.run([*git, "-C", str(repository), "tag", tag], check=True)
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"# the engine\nsphinx-research-portfolio @ git+file://{repository}@v1.0.0\n")
    output = tmp_path / "github-output"
    process = subprocess.run([sys.executable, "-m", "research_portfolio", "upgrade", "--requirements", str(requirements),
                              "--github-output", str(output)], capture_output=True, text=True)
    assert process.returncode == 0, process.stderr
    assert requirements.read_text().splitlines()[1] == f"sphinx-research-portfolio @ git+file://{repository}@v1.10.0"
    assert "1.0.0 → 1.10.0" in process.stdout and "version=1.10.0" in output.read_text()
    again = subprocess.run([sys.executable, "-m", "research_portfolio", "upgrade", "--requirements", str(requirements)],
                           capture_output=True, text=True)
    assert again.returncode == 0 and "newest version already" in again.stdout


def test_a_wheel_pin_cannot_be_upgraded_and_says_so(alfolio_site, tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text((alfolio_site / "requirements.txt").read_text(encoding="utf-8"))
    process = subprocess.run([sys.executable, "-m", "research_portfolio", "upgrade", "--requirements", str(requirements)],
                             capture_output=True, text=True)
    assert process.returncode == 1 and "installs the engine from a wheel" in process.stderr


def test_an_al_folio_checkout_brings_its_files(alfolio_site):
    static = alfolio_site / "_static"
    assert (static / "pdf" / "kowalczyk2023protein.pdf").is_file()
    assert any((static / "img" / "publication_preview").iterdir())
    assert alfolio_checkout  # the checkout the site was made from (tests/starter/starter_sites.py)

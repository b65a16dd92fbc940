"""``python -m research_portfolio new``: a new researcher's site in one command, holding only their things.

The new site must build every format strictly on the first try, with any valid .bib, and nothing
it holds or builds may name the previous owner of the engine's first site. Its requirements name
the engine at this version; its own tests pass; ``upgrade`` moves the pin to a newer tag.
"""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import PROJECT, require_tool
from reading import main_text, pdf_text, soup
from starter_sites import OWNER, alfolio_checkout, build, new

from research_portfolio import __version__
from research_portfolio.cli.newsite import published_revision

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


#: What the starter's pages say to their owner, which no reader may see.
PLACEHOLDERS = re.compile(r"Fill in|Replace this|between its two markers|How to add a research theme|--- biography ---")
#: LaTeX's headings, outermost first.
LEVELS = ("chapter", "section", "subsection", "subsubsection")
HEADING = re.compile(r"^\\(chapter|section|subsection|subsubsection)\{(.*)\}$", re.MULTILINE)
#: What LaTeX writes under a heading that a reader does not see.
UNSEEN = re.compile(r"\\label\{\\detokenize\{[^}]*\}\}|\\sphinxstepscope|\\phantomsection|\s")


def empty_latex_headings(tex: str) -> list[str]:
    """The headings of a .tex followed by nothing before the next heading of their level or an outer one."""
    found = list(HEADING.finditer(tex))
    empty = []
    for number, heading in enumerate(found):
        level = LEVELS.index(heading[1])
        following = next((later for later in found[number + 1:] if LEVELS.index(later[1]) <= level), None)
        body = tex[heading.end() : following.start() if following else tex.find("\\end{document}")]
        if not UNSEEN.sub("", body):
            empty.append(heading[2])
    return empty


def test_a_fresh_site_publishes_no_empty_heading_and_no_placeholder(every_format):
    """The CV's sections the owner has not filled, the pages not written yet, a figure with no data: none is printed."""
    html = every_format / "_build" / "html"
    for page in sorted(html.rglob("*.html")):
        article = soup(page).find("article")
        if article is None:
            continue
        for section in article.find_all("section"):
            shown = [child for child in section.children if getattr(child, "name", None) and child.name not in ("h1", "h2", "h3",
                                                                                                                  "h4", "h5", "h6", "span")]
            assert shown, f"{page.relative_to(html)}: empty section {section.find(re.compile('^h[1-6]$')).get_text()!r}"
        assert not PLACEHOLDERS.search(main_text(soup(page))), page
    assert not (html / "service.html").exists() and not (html / "experience.html").exists()  # portfolio_drafts
    for folder in ("latex", "cv"):
        (tex,) = (every_format / "_build" / folder).glob("*.tex")
        assert empty_latex_headings(tex.read_text(encoding="utf-8")) == [], tex.name
        text = pdf_text(tex.with_suffix(".pdf"))
        assert not PLACEHOLDERS.search(text), tex.name
        assert not re.search(r"^\s*,\s*$", text, re.MULTILINE), tex.name  # no lone comma for an empty role and affiliation
    cv = (every_format / "_build/cv/marta-kowalczyk-cv.tex").read_text(encoding="utf-8")
    assert HEADING.findall(cv)[0] == ("section", "Publications")  # Education, Positions, Honours and Press wait to be filled
    portfolio = pdf_text(every_format / "_build/latex/marta-kowalczyk.pdf")
    assert "Service" not in portfolio and "Positions, and each paper by year" not in portfolio


def test_the_empty_heading_check_finds_one():
    tex = ("\\chapter{Research}\n\\label{\\detokenize{r:r}}\n\\section{Collaborators}\nA figure.\n"
           "\\section{Service}\n\\label{\\detokenize{s:s}}\n\n")
    assert empty_latex_headings(tex + "\\end{document}") == ["Service"]


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


def test_requirements_pin_a_repository_at_the_commit_given(tmp_path, wheel):
    commit = "0123456789abcdef0123456789abcdef01234567"
    made = new(tmp_path / "site", HOSTILE[0], wheel, "--install-from", f"git+https://github.com/example/portfolio-engine@{commit}")
    assert made.returncode == 0, made.stderr
    line = f"sphinx-research-portfolio @ git+https://github.com/example/portfolio-engine@{commit}"
    assert line in (tmp_path / "site" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert not (tmp_path / "site" / "vendor").exists()


def test_a_repository_without_a_revision_is_pinned_at_this_versions_tag_or_else_its_newest_commit(tmp_path):
    """Tags are made by the release workflow: until the first release, a repository has none, and its main branch is pinned."""
    require_tool("git")
    engine = tmp_path / "engine"
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-C", str(engine)]
    subprocess.run(["git", "init", "-q", str(engine)], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "first"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    assert published_revision(f"git+file://{engine}") == commit
    subprocess.run([*git, "tag", f"v{__version__}"], check=True)
    assert published_revision(f"git+file://{engine}") == f"v{__version__}"


def test_an_index_pin_when_asked(tmp_path, wheel):
    made = new(tmp_path / "site", HOSTILE[0], wheel, "--install-from", "index")
    assert made.returncode == 0, made.stderr
    assert f"sphinx-research-portfolio=={__version__}" in (tmp_path / "site" / "requirements.txt").read_text().splitlines()


@pytest.mark.parametrize(("case", "message"), [
    ("not-empty", "already exists and is not empty: choose a new folder"),
    ("no-bib", "no such file: give the .bib file of your papers with --bib"),
    ("latin-1", "papers.bib:1: cannot read it: it is not UTF-8 text (byte 0xfc); save it as UTF-8"),
    ("no-entry", "no BibTeX entry found in it"),
    ("bad-source", "expected a repository URL like git+https://github.com/OWNER/REPO, or the path of a .whl file"),
    ("photo-not-an-image", "--photo"),
    ("local-repository", "a folder on this machine, which Read the Docs and GitHub Pages cannot reach"),
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
    elif case == "photo-not-an-image":
        (tmp_path / "me.gif").write_bytes(b"GIF89a")
        options = ["--photo", str(tmp_path / "me.gif")]
    elif case == "local-repository":
        options = ["--install-from", f"git+file://{tmp_path}/engine"]
    else:
        options = ["--install-from", "https://example.org/engine.tar.gz"]
    made = new(folder, bib, wheel, *options)
    assert made.returncode == 1
    assert made.stderr.count("\n") == 1 and message in made.stderr and "Traceback" not in made.stderr
    assert case == "not-empty" or not folder.exists()


def test_a_photo_given_stands_beside_the_name(tmp_path, wheel):
    """--photo copies the photo into the static folder and names it in conf.py; the home page shows it."""
    made = new(tmp_path / "site", HOSTILE[0], wheel, "--photo", str(PROJECT / "_static" / "img" / "portrait.jpg"))
    assert made.returncode == 0, made.stderr
    site = tmp_path / "site"
    assert (site / "_static" / "img" / "photo.jpg").is_file()
    assert runpy.run_path(str(site / "conf.py"))["portfolio_person"]["photo"] == "img/photo.jpg"
    built = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-n", "-b", "html", str(site),
                            str(site / "_build" / "html")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    home = (site / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="portfolio-photo" src="_images/photo-[0-9a-f]{10}-\d+\.webp" srcset="[^"]+"', home)


def test_help_lists_the_options(tmp_path):
    shown = subprocess.run([sys.executable, "-m", "research_portfolio", "new", "--help"], capture_output=True, text=True)
    assert shown.returncode == 0
    for option in ("--name", "--bib", "--install-from", "--url", "--email", "--assets", "--photo"):
        assert option in shown.stdout


def test_an_al_folio_checkout_brings_its_files(alfolio_site):
    static = alfolio_site / "_static"
    assert (static / "pdf" / "kowalczyk2023protein.pdf").is_file()
    assert any((static / "img" / "publication_preview").iterdir())
    assert alfolio_checkout  # the checkout the site was made from (tests/starter/starter_sites.py)

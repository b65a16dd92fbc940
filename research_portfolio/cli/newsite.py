"""``python -m research_portfolio new``: a new site for one researcher, holding only their own things.

The files come from the package's ``starter/`` folder: a name ending in ``.jinja`` is rendered with
the new owner's details and loses the suffix; ``dot-`` stands for a leading dot; everything else is
copied as it is. The .bib is copied as given, once it has been read as the build reads it
(:mod:`research_portfolio.cli.readbib`): a file the build could not read is refused, and so is a
name that is on none of its entries; what else the first build would warn about is said, with its
line, before the site is written. The site is made in a scratch folder and moved into place whole,
so nothing is written when a check fails. ``requirements.txt`` names the engine at the version
that made the site, installed from where the command says: the package index, a repository URL
(at this version's tag when the repository has it, else at the commit its main branch is at: tags
are made by the release workflow, so a repository may have none yet), or a wheel (copied into the
site, so Read the Docs and GitHub Pages can install it; ``upgrade`` then looks on the package index).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from pybtex.database import parse_string
from pybtex.scanner import PybtexError
from sphinx.locale import get_translation

from .. import __version__
from ..bib.entries import is_file
from ..bib.fields import ALFOLIO_DEFAULT_FOLDER, ALFOLIO_FOLDERS, LINK_FIELDS
from .readbib import Bibliography, UnreadableBib, first_build_problems, owner_problem, owner_spellings, read_bibliography
from .releases import LookupFailed, head_commit, tag_versions

_ = get_translation("research_portfolio")

DISTRIBUTION = "sphinx-research-portfolio"
STARTER = Path(__file__).parent.parent / "starter"
WHEEL_FOLDER = "vendor"
TAG = "v{version}"
INDEX = "index"  # --install-from index: the package index, as pip finds it


class StarterError(Exception):
    """A reason the site cannot be made, in one line for the person who typed the command.

    *details* are the located lines (``papers.bib:12: ...``) printed above it, one per problem.
    """

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


@dataclass
class Request:
    folder: Path
    name: str
    bib: Path
    install_from: str = ""
    url: str = ""
    email: str = ""
    website: str = ""
    assets: Path | None = None  # the folder of the .bib's files; al-folio's assets/ is found by itself
    force: bool = False  # make the site even when the name is on none of the .bib's entries


@dataclass
class Made:
    """The files of the new site, and what its first build will warn about (``path:line: problem``)."""

    files: list[Path]
    problems: list[str]


def new_site(request: Request) -> Made:
    """Make the site; return its files and what its first build will stop on. Nothing is written when a check fails."""
    folder = request.folder
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise StarterError(f"{folder} already exists and is not empty: choose a new folder")
    if not request.name.strip():
        raise StarterError("--name is empty: give your name as your papers spell it, for example --name \"Ada Lovelace\"")
    bib_text = read_bib(request.bib)
    bibliography = read_bibliography_or_refuse(request.bib)
    other_names = owner_names(request.name.strip(), bibliography, request.force)
    requirement, wheel = requirement_line(request.install_from or installed_from())
    context = {
        "name": request.name.strip(),
        "person": {key: value for key, value in (("email", request.email), ("website", request.website)) if value},
        "other_names": other_names,
        "url": request.url,
        "version": __version__,
        "requirement": requirement,
        "initials": initials(request.name),
        **papers_on_the_home_page(bibliography),
    }
    with tempfile.TemporaryDirectory(prefix="research-portfolio-new-") as scratch:
        staged = Path(scratch) / "site"
        written = write_site(staged, context, request, bib_text, wheel)
        problems = first_build_problems(staged, folder)
        shutil.rmtree(staged / "_build", ignore_errors=True)
        shutil.copytree(staged, folder, dirs_exist_ok=True)
    return Made([folder / path.relative_to(staged) for path in written], problems)


def read_bibliography_or_refuse(path: Path) -> Bibliography:
    """The .bib as the build reads it; refused, with a line per problem, when the build could not read it as written."""
    try:
        return read_bibliography(path)
    except UnreadableBib as unreadable:
        count = len(unreadable.problems)
        message = _("the build cannot read it as written ({count} problems above): fix it and run the command again") \
            if count > 1 else _("the build cannot read it as written (1 problem above): fix it and run the command again")
        raise StarterError(f"{path}: {str(message).format(count=count)}", unreadable.problems) from None


def owner_names(name: str, bibliography: Bibliography, force: bool) -> list[str]:
    """The other spellings the owner appears under; refused when *name* is on no entry, unless *force*."""
    problem = owner_problem(name, bibliography)
    if problem and not force:
        raise StarterError(problem)
    return owner_spellings(name, bibliography)[1]


def write_site(folder: Path, context: Mapping[str, object], request: Request, bib_text: str, wheel: Path | None) -> list[Path]:
    """The site's files in *folder*: the starter's, the .bib, the engine's wheel, the files the .bib names."""
    written = render_starter(folder, context)
    (folder / "publications.bib").write_text(bib_text, encoding="utf-8")
    written.append(folder / "publications.bib")
    if wheel is not None:
        target = folder / WHEEL_FOLDER / wheel.name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(wheel, target)
        written.append(target)
    written += copy_named_files(bib_text, request.assets or alfolio_assets(request.bib), folder / "_static")
    return written


def alfolio_assets(bib: Path) -> Path | None:
    """al-folio keeps _bibliography/papers.bib beside assets/, which holds the files the .bib names."""
    assets = bib.resolve().parent.parent / "assets"
    return assets if bib.resolve().parent.name == "_bibliography" and assets.is_dir() else None


def copy_named_files(bib_text: str, assets: Path | None, static: Path) -> list[Path]:
    """Copy each file the .bib names (a PDF, slides, a preview image) from *assets* into the static folder.

    Files keep al-folio's layout (``pdf/``, ``img/publication_preview/``), where the engine looks.
    A file not found is left to the first build, which names its line.
    """
    if assets is None:
        return []
    copied = []
    for name, folder in named_files(bib_text).items():
        for candidate in (assets / folder / name, assets / name):
            if candidate.is_file() and candidate.resolve().is_relative_to(assets.resolve()):
                target = static / folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(candidate, target)
                copied.append(target)
                break
    return copied


def named_files(bib_text: str) -> dict[str, str]:
    """Each file a link or preview field names (not a URL), with the al-folio folder it belongs in."""
    try:
        entries = parse_string(bib_text, "bibtex").entries.values()
    except PybtexError:
        return {}
    found = {}
    for entry in entries:
        for field in [*(link.name for link in LINK_FIELDS), "preview"]:
            value = entry.fields.get(field, "").strip()
            if value and is_file(value) and ".." not in Path(value).parts:
                found[value] = ALFOLIO_FOLDERS.get(field, ALFOLIO_DEFAULT_FOLDER)
    return found


def read_bib(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise StarterError(f"{path}: no such file: give the .bib file of your papers with --bib") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise StarterError(f"{path}:{line}: cannot read it: it is not UTF-8 text (byte {error.object[error.start]:#x}); "
                           "save it as UTF-8") from None
    except OSError as error:
        raise StarterError(f"{path}: cannot read it: {error.strerror}") from None
    prose = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("%")]
    if prose and not re.search(r"^\s*@\s*\w+\s*[{(]", text, re.MULTILINE):
        # The build names the line of every problem in an entry; the starter only refuses what is no BibTeX at all.
        raise StarterError(f"{path}: no BibTeX entry found in it (entries start with @article{{key, or the like)")
    return text


def papers_on_the_home_page(bibliography: Bibliography) -> dict[str, str]:
    """Selected papers when the .bib marks some (al-folio's ``selected``), else the five newest."""
    if bibliography.selected():
        return {"papers_heading": "Selected papers", "papers_option": ":selected:"}
    return {"papers_heading": "Recent papers", "papers_option": ":newest: 5"}


def initials(name: str) -> str:
    letters = [part[0] for part in name.replace("-", " ").split() if part[:1].isalpha()]
    return "".join(letters[:1] + letters[-1:]).upper() if len(letters) > 1 else "".join(letters[:1]).upper()


def render_starter(folder: Path, context: Mapping[str, object]) -> list[Path]:
    environment = jinja2.Environment(keep_trailing_newline=True, undefined=jinja2.StrictUndefined, autoescape=False)
    environment.filters["pyrepr"] = lambda value: json.dumps(value, ensure_ascii=False)
    written = []
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = Path(*[part.replace("dot-", ".", 1) if part.startswith("dot-") else part
                          for part in source.relative_to(STARTER).parts])
        target = folder / relative.with_suffix("") if source.suffix == ".jinja" else folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".jinja":
            target.write_text(environment.from_string(source.read_text(encoding="utf-8")).render(context), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written


def installed_from() -> str:
    """Where this copy of the package came from, as pip recorded it (PEP 610), when a site can use it."""
    try:
        recorded = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        recorded = None
    origin = json.loads(recorded) if recorded else {}
    url = origin.get("url", "")
    if recorded is None and metadata_found():
        return INDEX  # installed from a package index: the site installs the same version from there
    if "vcs_info" in origin:
        commit = origin["vcs_info"].get("commit_id", "")
        return f"{origin['vcs_info'].get('vcs', 'git')}+{url}" + (f"@{commit}" if commit else "")
    if "archive_info" in origin and url.startswith("file://") and url.endswith(".whl"):
        return urlsplit(url).path
    raise StarterError(
        "say where a new site installs the engine from: --install-from git+https://github.com/OWNER/REPO "
        f"(this version's tag {TAG.format(version=__version__)} when it has one, else its newest commit), "
        f"--install-from {INDEX} or --install-from PATH/TO/{DISTRIBUTION.replace('-', '_')}-{__version__}-py3-none-any.whl"
    )


def metadata_found() -> bool:
    try:
        metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return False
    return True


def requirement_line(source: str) -> tuple[str, Path | None]:
    """requirements.txt's line for the engine, and the wheel to copy into the site (or None)."""
    if source == INDEX:
        return f"{DISTRIBUTION}=={__version__}", None
    if source.startswith(("https://", "http://")) and source.endswith(".whl"):
        return f"{DISTRIBUTION} @ {source}", None
    if source.endswith(".whl"):
        wheel = Path(source)
        if not wheel.is_file():
            raise StarterError(f"--install-from {source}: no such wheel")
        return f"./{WHEEL_FOLDER}/{wheel.name}", wheel
    if not source.startswith(("git+", "hg+")) or "://" not in source:
        raise StarterError(f"--install-from {source}: expected a repository URL like git+https://github.com/OWNER/REPO, "
                           "or the path of a .whl file")
    if urlsplit(source.split("+", 1)[1]).scheme == "file":
        raise StarterError(f"--install-from {source}: " + str(_("a folder on this machine, which Read the Docs and GitHub Pages "
                                                                "cannot reach: give the repository's public address, or a wheel")))
    repository, _at, revision = source.rpartition("@") if "@" in urlsplit(source.split("+", 1)[1]).path else (source, "", "")
    return f"{DISTRIBUTION} @ {repository}@{revision or published_revision(repository)}", None


def published_revision(repository: str) -> str:
    """This version's tag when the repository has it, else the commit its default branch is at (no tag is made by hand)."""
    url = repository.split("+", 1)[1]
    try:
        tag = TAG.format(version=__version__)
        return tag if __version__ in tag_versions(url) else head_commit(url)
    except LookupFailed as failure:
        raise StarterError(f"--install-from {repository}: {failure}; " + str(_("or name a commit: {source}@COMMIT")).format(
            source=repository)) from None

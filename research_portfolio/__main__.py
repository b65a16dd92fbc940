"""The command line: ``python -m research_portfolio new | upgrade | add | check-pdf`` (also ``research-portfolio``).

Every failure is one line on standard error and exit status 1 (2 for a wrong command line); a .bib
that cannot be read gets a located line for each problem above it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sphinx.locale import get_translation

from . import __version__
from .cli import add
from .cli.newsite import Request, StarterError, new_site
from .cli.upgrade import upgrade
from .print.pdfcheck import missing_glyphs

_ = get_translation("research_portfolio")


def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(prog="python -m research_portfolio",
                                       description="A researcher's portfolio from one BibTeX file, with Sphinx.")
    commands.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = commands.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = sub.add_parser("new", help="make a new site for one researcher",
                         description="Make a new site in DIR with your name and your .bib, holding nothing of anyone "
                                     "else's. Then: cd DIR && make html.")
    new.add_argument("folder", metavar="DIR", type=Path, help="a folder that does not exist yet, or is empty")
    new.add_argument("--name", required=True, help="your name as your papers spell it, e.g. \"Ada Lovelace\"")
    new.add_argument("--bib", required=True, type=Path, help="your papers, a BibTeX file (copied as it is)")
    new.add_argument("--install-from", default="", metavar="SOURCE",
                     help="where the site installs the engine from: 'index' (the package index), "
                          "git+https://github.com/OWNER/REPO[@COMMIT] (this version's tag, or the newest commit), a .whl "
                          "file (copied into the site) or its address; by default, where this copy came from")
    new.add_argument("--url", default="", help="the address the site will be published at, if you know it")
    new.add_argument("--email", default="", help="your email address, shown on the site")
    new.add_argument("--website", default="", help="your own web page, if it is elsewhere")
    new.add_argument("--force", action="store_true",
                     help="make the site even when --name is on none of the .bib's entries")
    new.add_argument("--assets", type=Path, help="the folder of the files your .bib names (PDFs, slides, preview "
                                                 "images); an al-folio site's assets/ is found by itself")

    up = sub.add_parser("upgrade", help="pin the newest version of the engine in requirements.txt",
                        description="Pin the newest version of the engine in a site's requirements.txt, found where it installs "
                                    "from: the package index ($PIP_INDEX_URL), a repository's tags, a release's wheel.")
    up.add_argument("--requirements", type=Path, default=Path("requirements.txt"))
    up.add_argument("--github-output", type=Path, help="also write version=, summary= and changelog= to this file")

    paper = sub.add_parser("add", help="add papers to the .bib by their DOI or arXiv id",
                           description="Write each paper's entry from its DOI or arXiv id, in the .bib's own style, "
                                       "after checking it as a build would. A paper already there is named, with its key "
                                       "and line; nothing is written when anything fails.")
    paper.add_argument("ids", nargs="*", metavar="ID", help="a DOI (10.1103/..., doi:..., https://doi.org/...) or an arXiv "
                                                            "id (2404.19756, arXiv:2404.19756v2, hep-th/9901001, an arxiv.org address)")
    paper.add_argument("--bib", type=Path, help="the .bib to add to (default: the first of conf.py's bibtex_bibfiles, "
                                                "else publications.bib)")
    paper.add_argument("--orcid", nargs="?", const="", metavar="ORCID",
                       help="list the works of this ORCID record (default: conf.py's) that the .bib lacks; --yes adds them")
    paper.add_argument("--dry-run", action="store_true", help="print what would be written, and write nothing")
    paper.add_argument("--yes", action="store_true", help="add a paper that does not name you, update a preprint to its "
                                                          "journal version, add the missing ORCID works: without asking")

    check = sub.add_parser("check-pdf", help="fail when a LaTeX build printed a character its fonts lack",
                           description="Read the LaTeX logs in FOLDER; name every missing character and the entry "
                                       "it is in.")
    check.add_argument("folder", type=Path)
    return commands


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        if arguments.command == "new":
            return run_new(arguments)
        if arguments.command == "upgrade":
            return run_upgrade(arguments)
        if arguments.command == "add":
            return run_add(arguments)
        return run_check_pdf(arguments)
    except StarterError as error:
        for detail in error.details:
            print(detail, file=sys.stderr)
        print(f"research_portfolio {arguments.command}: {error}", file=sys.stderr)
        return 1


def run_new(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    made = new_site(Request(arguments.folder, arguments.name, arguments.bib, arguments.install_from, arguments.url,
                            arguments.email, arguments.website, arguments.assets, arguments.force))
    for problem in made.problems:
        print(problem, file=sys.stderr)
    if made.problems:
        print(str(_("The first build will stop on the {count} problem(s) above: fix them in {site_bib} (the lines are the "
                    "same as in {bib}).")).format(count=len(made.problems), site_bib=arguments.folder / "publications.bib",
                                                  bib=arguments.bib), file=sys.stderr)
    print(f"Made {len(made.files)} files in {arguments.folder} in {time.perf_counter() - started:.1f} s. Next:\n"
          f"  cd {arguments.folder}\n  make html      # then open _build/html/index.html\n"
          "  Write your biography in index.md, and your themes in research/ (research/index.md says how).")
    return 0


def run_upgrade(arguments: argparse.Namespace) -> int:
    done = upgrade(arguments.requirements)
    if arguments.github_output:
        with arguments.github_output.open("a", encoding="utf-8") as output:
            if done:
                output.write(f"version={done.new}\nsummary={done.summary}\nchangelog={done.changelog}\n")
    if done is None:
        print(_("Nothing newer: the engine is at its newest version already."))
        return 0
    print(f"{done.summary} in {arguments.requirements}. Build the site (make html), and read {done.changelog}")
    return 0


def run_add(arguments: argparse.Namespace) -> int:
    if not arguments.ids and arguments.orcid is None:
        parser().error("add: give at least one ID, or --orcid")
    return add.run(add.Options(arguments.ids, arguments.bib, arguments.dry_run, arguments.yes, arguments.orcid))


def run_check_pdf(arguments: argparse.Namespace) -> int:
    problems = missing_glyphs(arguments.folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

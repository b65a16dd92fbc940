"""The command line: ``python -m research_portfolio new | upgrade | check-pdf`` (also ``research-portfolio``).

Every failure is one line on standard error and exit status 1 (2 for a wrong command line).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .cli.newsite import Request, StarterError, new_site
from .cli.upgrade import upgrade
from .print.pdfcheck import missing_glyphs


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
                     help="where the site installs the engine from: git+https://github.com/OWNER/REPO (pinned to this "
                          "version's tag) or a .whl file (copied into the site); by default, where this copy came from")
    new.add_argument("--url", default="", help="the address the site will be published at, if you know it")
    new.add_argument("--email", default="", help="your email address, shown on the site")
    new.add_argument("--website", default="", help="your own web page, if it is elsewhere")
    new.add_argument("--assets", type=Path, help="the folder of the files your .bib names (PDFs, slides, preview "
                                                 "images); an al-folio site's assets/ is found by itself")

    up = sub.add_parser("upgrade", help="pin the newest version of the engine in requirements.txt",
                        description="Pin the newest tagged version of the engine in a site's requirements.txt.")
    up.add_argument("--requirements", type=Path, default=Path("requirements.txt"))
    up.add_argument("--github-output", type=Path, help="also write version=, summary= and changelog= to this file")

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
        return run_check_pdf(arguments)
    except StarterError as error:
        print(f"research_portfolio {arguments.command}: {error}", file=sys.stderr)
        return 1


def run_new(arguments: argparse.Namespace) -> int:
    started = time.perf_counter()
    written = new_site(Request(arguments.folder, arguments.name, arguments.bib, arguments.install_from, arguments.url,
                               arguments.email, arguments.website, arguments.assets))
    print(f"Made {len(written)} files in {arguments.folder} in {time.perf_counter() - started:.1f} s. Next:\n"
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
        print("The engine is at its newest version already.")
        return 0
    print(f"{done.summary} in {arguments.requirements}. Build the site (make html), and read {done.changelog}")
    return 0


def run_check_pdf(arguments: argparse.Namespace) -> int:
    problems = missing_glyphs(arguments.folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

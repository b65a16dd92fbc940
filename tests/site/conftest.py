"""Ziming Liu's site, built once per format per session with Read the Docs' own commands.

The builds run in a temporary copy of the project, exactly as Read the Docs runs them
(``python -m sphinx -T -W --keep-going ...`` then ``latexmk`` in the PDF folder), so the tests
read the very files a visitor downloads. Each format is built once per session, on first use.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CV_PHONE, copy_project, require_tool, sphinx

#: The site's file names: portfolio_slug's default, made from research_portfolio_person's name.
RTD_SLUG = "ziming-liu"


class Site:
    """A temporary copy of the project and the output folder Read the Docs would publish."""

    def __init__(self, root: Path) -> None:
        self.source = copy_project(root / "source")
        self.output = root / "output"
        self.logs: dict[str, str] = {}

    def build(self, builder: str, folder: str, *options: str, env: dict[str, str] | None = None) -> Path:
        outdir = self.output / folder
        environment = {**os.environ, "READTHEDOCS_OUTPUT": str(self.output), **(env or {})}
        process = sphinx(self.source, builder, outdir, *options, env=environment)
        self.logs[folder] = process.stdout + process.stderr
        assert process.returncode == 0, f"sphinx -b {builder} failed:\n{self.logs[folder][-4000:]}"
        return outdir


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return Site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def html(site: Site) -> Path:
    return site.build("html", "html")


@pytest.fixture(scope="session")
def singlehtml(site: Site) -> Path:
    return site.build("singlehtml", "htmlzip")


@pytest.fixture(scope="session")
def epub(site: Site) -> Path:
    outdir = site.build("epub", "epub")
    (book,) = outdir.glob("*.epub")
    return book


@pytest.fixture(scope="session")
def latex(site: Site) -> Path:
    return site.build("latex", "pdf")


@pytest.fixture(scope="session")
def pdf(site: Site, latex: Path) -> Path:
    """The PDF from Read the Docs' latexmk command, run verbatim in the LaTeX folder."""
    require_tool("latexmk", "xelatex")
    command = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", f"-jobname={RTD_SLUG}",
               "-interaction=nonstopmode"]
    process = subprocess.run(command, cwd=latex, capture_output=True, text=True, timeout=900)
    site.logs["latexmk"] = process.stdout + process.stderr
    assert "Output written on" in (latex / f"{RTD_SLUG}.log").read_text(errors="replace")
    return latex / f"{RTD_SLUG}.pdf"


@pytest.fixture(scope="session")
def cv_pdf(site: Site, html: Path) -> Path:
    """The short CV, built by the post-build job of .readthedocs.yaml, run verbatim after the HTML build.

    Only ``python`` is replaced by the interpreter running the tests (Read the Docs' ``python`` has the
    requirements installed); the phone number is given the way the README says.
    """
    require_tool("latexmk", "xelatex")
    import yaml

    config = yaml.safe_load((site.source / ".readthedocs.yaml").read_text(encoding="utf-8"))
    environment = {**os.environ, "READTHEDOCS_OUTPUT": str(site.output), "PORTFOLIO_PHONE": CV_PHONE}
    for command in config["build"]["jobs"]["post_build"]:
        command = command.replace("python ", f"{sys.executable} ", 1) if command.startswith("python ") else command
        process = subprocess.run(command, shell=True, cwd=site.source, capture_output=True, text=True,
                                 env=environment, timeout=900)
        assert process.returncode == 0, f"{command}\n{(process.stdout + process.stderr)[-3000:]}"
    (built,) = (site.source / "_build" / "cv").glob("*-cv.pdf")
    assert (html / "cv.pdf").read_bytes() == built.read_bytes()  # where the site's links find it
    return built

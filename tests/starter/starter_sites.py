"""Making new sites with the starter, as researchers do: the command, an al-folio checkout, strict builds.

The al-folio checkout is written for the tests: ``_bibliography/papers.bib`` (tests/engine/data/
alfolio-papers.bib, OpenReview, arXiv, DBLP and publisher exports with al-folio's fields) beside
``assets/`` holding a stand-in for each file it names. The engine is installed from a wheel built
from this checkout, the way ``--install-from`` takes one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from helpers import PROJECT

from research_portfolio.cli.newsite import named_files

ALFOLIO_BIB = PROJECT / "tests" / "engine" / "data" / "alfolio-papers.bib"
OWNER = "Marta Kowalczyk"


def alfolio_checkout(root: Path) -> Path:
    """An al-folio site's bibliography and the files it names; returns the .bib."""
    bib = root / "_bibliography" / "papers.bib"
    bib.parent.mkdir(parents=True)
    shutil.copyfile(ALFOLIO_BIB, bib)
    for name, folder in named_files(bib.read_text(encoding="utf-8")).items():
        target = root / "assets" / folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"stand-in for " + name.encode())
    return bib


def new(folder: Path, bib: Path, wheel: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run the starter as a researcher types it."""
    return subprocess.run([sys.executable, "-m", "research_portfolio", "new", str(folder), "--name", OWNER, "--bib", str(bib),
                           "--install-from", str(wheel), *options], capture_output=True, text=True, timeout=120)


def build(site: Path, builder: str, *options: str, folder: str = "", doctrees: str = "doctrees") -> Path:
    """Read the Docs' command for one builder in the new site; it must pass strictly, warning-free."""
    outdir = site / "_build" / (folder or builder)
    process = subprocess.run([sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-n", "-b", builder, *options,
                              "-d", str(site / "_build" / doctrees), str(site), str(outdir)],
                             capture_output=True, text=True, timeout=900)
    assert process.returncode == 0 and "WARNING" not in process.stderr, (process.stdout + process.stderr)[-4000:]
    return outdir

"""New environments from the package index: the hash lock, the wheel, and the engine's dependency ranges.

These need the package index and a few minutes, so ``make test`` leaves them out (pytest markers
``install`` and ``ranges``); CI runs them with ``make test-install`` and ``make test-ranges``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PROJECT, missing

PYTHON_313 = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions/3.13.0/bin/python3.13"
LOWEST = Path(__file__).parent / "lowest.txt"


def interpreter(python: str) -> str:
    if not Path(python).exists():
        missing(f"missing interpreter: {python} (Read the Docs builds with Python 3.13)")
    return python


def venv(tmp_path: Path, python: str) -> Path:
    folder = tmp_path / "venv"
    subprocess.run([interpreter(python), "-m", "venv", str(folder)], check=True)
    return folder / "bin" / "python"


def pip(python: Path, *arguments: str) -> None:
    process = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *arguments],
                             capture_output=True, text=True, timeout=900)
    assert process.returncode == 0, process.stderr[-3000:]


@pytest.mark.install
@pytest.mark.parametrize("python", [sys.executable, str(PYTHON_313)], ids=["running-python", "python3.13"])
def test_lock_installs_with_require_hashes_then_the_engine_from_the_checkout(tmp_path, python):
    python_in_venv = venv(tmp_path, python)
    pip(python_in_venv, "--require-hashes", "-r", str(PROJECT / "requirements.lock"))
    pip(python_in_venv, "--no-deps", "--no-build-isolation", str(PROJECT))
    check = subprocess.run([str(python_in_venv), "-c", "import research_portfolio, sphinx, myst_parser, sphinxcontrib.bibtex, furo"])
    assert check.returncode == 0


@pytest.mark.install
def test_the_wheel_installs_its_dependencies_and_makes_a_site_that_builds(tmp_path, wheel):
    python = venv(tmp_path, sys.executable)
    pip(python, str(wheel))
    bib = PROJECT / "tests" / "engine" / "data" / "hostile" / "unicode.bib"
    made = subprocess.run([str(python), "-m", "research_portfolio", "new", str(tmp_path / "site"), "--name", "Marta Kowalczyk",
                           "--bib", str(bib), "--install-from", str(wheel)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    built = subprocess.run([str(python), "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html", str(tmp_path / "site"),
                            str(tmp_path / "html")], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-3000:]


@pytest.mark.ranges
@pytest.mark.parametrize(("python", "constraints"), [(sys.executable, ["-c", str(LOWEST)]), (str(PYTHON_313), ["--upgrade"])],
                         ids=["lowest-on-3.11", "newest-on-3.13"])
def test_the_engines_tests_pass_at_each_end_of_its_ranges(tmp_path, wheel, python, constraints):
    python_in_venv = venv(tmp_path, python)
    # pytest-xdist: pyproject.toml runs -n auto; flit-core: the package tests build the wheel without the network;
    # hypothesis: the property tests; the four themes: the engine builds under each (tests/engine/test_paper_pages.py);
    # playwright: the search box and the filters in the system's Chromium (tests/engine/test_search_page.py)
    pip(python_in_venv, str(wheel), "pytest", "pytest-xdist", "beautifulsoup4", "flit-core>=3.12", "hypothesis", "alabaster",
        "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme", "playwright", *constraints)
    # The installed wheel, not this checkout: run pytest's script, which does not put the working folder on sys.path.
    process = subprocess.run([str(python_in_venv.parent / "pytest"), "-q", "-p", "no:cacheprovider", "-W", "ignore::DeprecationWarning",
                              "tests/engine"], cwd=PROJECT, capture_output=True, text=True, timeout=1200)
    assert process.returncode == 0, process.stdout[-4000:]
    versions = subprocess.run([str(python_in_venv), "-m", "pip", "list"], capture_output=True, text=True).stdout
    print(versions)

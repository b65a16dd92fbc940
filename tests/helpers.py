"""What the tests share besides fixtures: the project's copy, Read the Docs' build command, tool checks.

The benchmark uses the same copy of the project (benchmarks/bench.py imports this module).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PACKAGE = PROJECT / "research_portfolio"
IGNORED = shutil.ignore_patterns("_build", ".venv", ".git", ".pytest_cache", "__pycache__", "node_modules")
#: A made-up number: the CV may show a phone number, the web and the e-book never.
CV_PHONE = "+1 (555) 010-0200"


def missing(message: str) -> None:
    """Skip a test whose system tool is missing, saying which; under CI=true, fail it instead."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def require_tool(*names: str) -> None:
    absent = [name for name in names if shutil.which(name) is None]
    if absent:
        missing(f"missing system tool(s): {', '.join(absent)} (see .ci/run for the packages)")


def copy_project(destination: Path) -> Path:
    """The project as a fork would have it: no builds, no virtual environment, no git history."""
    shutil.copytree(PROJECT, destination, ignore=IGNORED)
    return destination


def sphinx(source: Path, builder: str, outdir: Path, *options: str, env: dict[str, str] | None = None):
    """Run Read the Docs' sphinx command for one builder; return the finished process."""
    command = [sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", builder,
               "-d", "_build/doctrees", "-D", "language=en", *options, ".", str(outdir)]
    quiet = {**(os.environ if env is None else env), "NO_COLOR": "1"}  # under CI=true Sphinx redraws one progress line
    return subprocess.run(command, cwd=source, capture_output=True, text=True, env=quiet, timeout=900)


def build_with_theme(pages: Path, tmp_path: Path, theme: str) -> Path:
    """Build a copy of the test root *pages* as HTML under *theme*, in a process of its own as a site builds; its output.

    Some themes change Sphinx's defaults for the whole process. The build must give no warning under ``-W``.
    """
    srcdir, outdir = tmp_path / "src", tmp_path / "html"
    shutil.copytree(pages, srcdir)
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PROJECT), os.environ.get("PYTHONPATH", "")])}
    built = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
                            "-D", f"html_theme={theme}", str(srcdir), str(outdir)],
                           capture_output=True, text=True, env=environment, timeout=300)
    assert built.returncode == 0 and built.stderr == "", built.stderr
    return outdir


def make(target: str, folder: Path, stamp_folder: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """Run a target of the Makefile in *folder* with the environment the tests run in, which it must not reinstall.

    The Makefile installs the requirements unless its stamp is newer than them; the stamp it is given
    is a file of the test's own (in *stamp_folder*), so no test touches the environment itself.
    """
    stamp = stamp_folder / "installed"
    stamp.touch()
    return subprocess.run(["make", target, f"VENVDIR={sys.prefix}", f"STAMP={stamp}"], cwd=folder, capture_output=True,
                          text=True, timeout=timeout)

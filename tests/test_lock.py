"""The hash lock agrees with the requirements and installs with --require-hashes on both Pythons."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PROJECT, missing

PYTHON_313 = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions/3.13.0/bin/python3.13"


def pins(path: Path) -> dict[str, str]:
    return {name.lower(): version for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text(), re.MULTILINE)}


def test_lock_pins_what_the_requirements_pin():
    locked = pins(PROJECT / "requirements.lock")
    for requirements in ("requirements.txt", "requirements-dev.txt"):
        for name, version in pins(PROJECT / requirements).items():
            assert locked.get(name) == version, f"{name} in {requirements}: run make lock"


def test_every_locked_package_has_a_hash():
    text = (PROJECT / "requirements.lock").read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text.split("\n", 2)[2])
    assert entries and all("--hash=sha256:" in entry for entry in entries if "==" in entry)


@pytest.mark.parametrize("python", [sys.executable, str(PYTHON_313)], ids=["running-python", "python3.13"])
def test_lock_installs_with_require_hashes(tmp_path, python):
    if not Path(python).exists():
        missing(f"missing interpreter: {python} (Read the Docs builds with Python 3.13)")
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    install = subprocess.run([str(venv / "bin/python"), "-m", "pip", "install", "--quiet", "--require-hashes",
                              "-r", str(PROJECT / "requirements.lock")], capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    check = subprocess.run([str(venv / "bin/python"), "-c", "import sphinx, myst_parser, sphinxcontrib.bibtex, furo"])
    assert check.returncode == 0
    shutil.rmtree(venv)

"""The site installs the engine as any site does, and pins the rest, with a lock that agrees."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import PACKAGE, PROJECT


def pins(path: Path) -> dict[str, str]:
    return {name.lower(): version for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text(), re.MULTILINE)}


def test_lock_pins_what_the_requirements_pin():
    locked = pins(PROJECT / "requirements.lock")
    for requirements in ("requirements.txt", "requirements-dev.txt"):
        for name, version in pins(PROJECT / requirements).items():
            assert locked.get(name) == version, f"{name} in {requirements}: run make lock"


def test_every_locked_package_has_a_hash_and_the_engine_is_not_locked():
    text = (PROJECT / "requirements.lock").read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text.split("\n", 3)[3])
    assert entries and all("--hash=sha256:" in entry for entry in entries if "==" in entry)
    assert not re.search(r"^(?:sphinx-research-portfolio|-e )", text, re.MULTILINE)  # the engine comes from the checkout


def test_the_site_installs_the_engine_from_its_requirements_and_imports_no_code():
    requirements = (PROJECT / "requirements.txt").read_text().splitlines()
    assert "-e ." in requirements
    conf = (PROJECT / "conf.py").read_text(encoding="utf-8")
    assert "sys.path" not in conf and not re.search(r"^from research_portfolio|^import research_portfolio", conf, re.MULTILINE)
    assert 'extensions = ["research_portfolio"]' in conf
    assert len(conf.splitlines()) <= 50


def test_read_the_docs_and_make_are_the_starters_own():
    assert (PROJECT / ".readthedocs.yaml").read_bytes() == (PACKAGE / "starter" / "dot-readthedocs.yaml").read_bytes()
    assert "include research_portfolio/starter/Makefile" in (PROJECT / "Makefile").read_text()

"""Fixtures for the starter's tests: a new site made from an al-folio checkout, built once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from starter_sites import alfolio_checkout, build, new


@pytest.fixture(scope="session")
def alfolio_site(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    root = tmp_path_factory.mktemp("alfolio")
    bib = alfolio_checkout(root / "my-alfolio-site")
    started = time.perf_counter()
    made = new(root / "site", bib, wheel)
    assert made.returncode == 0, made.stderr
    build(root / "site", "html")
    (root / "first-build-seconds.txt").write_text(f"{time.perf_counter() - started:.2f}\n")  # the starter to a first built site
    return root / "site"


@pytest.fixture(scope="session")
def alfolio_html(alfolio_site: Path) -> Path:
    return alfolio_site / "_build" / "html"

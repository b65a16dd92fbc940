"""What every part of the suite shares: Sphinx's test fixtures and the folder of small test projects.

The suite has four parts: ``engine/`` (the extension on small projects of its own, with no fact of
any real person), ``site/`` (Ziming Liu's site as its readers see it), ``starter/`` (a new site made
by ``python -m research_portfolio new``) and ``install/`` (new environments from the package index,
run by ``make test-install`` and ``make test-ranges``, not by ``make test``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docutils.parsers.rst import directives, roles
from helpers import PROJECT, require_tool

# playwright adds a fresh profile (--user-data-dir) itself and refuses one given here.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return PROJECT / "tests" / "engine" / "roots"


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The engine's wheel, built from this checkout without the network (flit_core is a test requirement)."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(folder),
                    str(PROJECT)], check=True, capture_output=True, timeout=300)
    (built,) = folder.glob("*.whl")
    return built


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for every test that looks at a page in a browser (one per test worker).

    Each test opens its own context or tab in it, so no page, cookie or storage passes between tests.
    """
    require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def docutils_registries_left_as_found():
    """Fail the test that leaves a directive or role registered in docutils' process-wide tables.

    Sphinx's test application restores them in ``cleanup()``; an application whose start raises
    something other than an ``Exception`` is never cleaned up, and the next application of the same
    worker then warns that every directive "is already registered".
    """
    before = (set(directives._directives), set(roles._roles))
    yield
    after = (set(directives._directives), set(roles._roles))
    assert after == before, f"left registered: {sorted((after[0] - before[0]) | (after[1] - before[1]))}"

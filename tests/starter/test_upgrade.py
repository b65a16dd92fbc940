"""``python -m research_portfolio upgrade`` finds newer versions wherever the site installs from, without the network.

The package index is a local HTTP server holding a PEP 503 simple page (or none, for an engine not
published yet); a repository is a local git repository with version tags. The file keeps every other
byte, its final newline included; with nothing newer the command succeeds, so a weekly workflow stays green.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import require_tool

from research_portfolio import __version__

HEADER = "# What the site needs to build.\r\n# The engine:\n"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """No line per request on standard error."""


@pytest.fixture
def index(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A package index on 127.0.0.1 (its address, and the folder of its simple pages); it knows no project at first."""
    root = tmp_path / "index"
    (root / "simple").mkdir(parents=True)
    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/simple", root / "simple"
    finally:
        server.shutdown()
        server.server_close()


def publish(simple: Path, *versions: str) -> None:
    page = simple / "sphinx-research-portfolio" / "index.html"
    page.parent.mkdir(exist_ok=True)
    links = "".join(f'<a href="../../files/sphinx_research_portfolio-{version}-py3-none-any.whl">'
                    f"sphinx_research_portfolio-{version}-py3-none-any.whl</a>\n" for version in versions)
    page.write_text(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")


def upgrade(requirements: Path, index_address: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "research_portfolio", "upgrade", "--requirements", str(requirements)],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PIP_INDEX_URL": index_address})


def repository(tmp_path: Path, *tags: str) -> Path:
    require_tool("git")
    folder = tmp_path / "engine.git"
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-C", str(folder)]
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "CHANGELOG.md").write_text("# Changes\n")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "first"], check=True)
    for tag in tags:
        subprocess.run([*git, "tag", tag], check=True)
    return folder


def test_an_engine_on_no_index_yet_is_nothing_newer_and_succeeds(tmp_path, index):
    address, _ = index
    requirements = tmp_path / "requirements.txt"
    text = f"{HEADER}./vendor/sphinx_research_portfolio-{__version__}-py3-none-any.whl\n"
    requirements.write_text(text, newline="")
    done = upgrade(requirements, address)
    assert done.returncode == 0, done.stderr
    assert "Nothing newer" in done.stdout
    assert requirements.read_bytes() == text.encode()


def test_a_wheel_in_the_site_moves_to_the_index_once_a_newer_version_is_there(tmp_path, index):
    address, simple = index
    publish(simple, "1.0.0", "99.1.0", "99.0.3")
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"{HEADER}./vendor/sphinx_research_portfolio-{__version__}-py3-none-any.whl\nsphinx==9.0.4\n", newline="")
    done = upgrade(requirements, address)
    assert done.returncode == 0, done.stderr
    assert requirements.read_bytes() == f"{HEADER}sphinx-research-portfolio==99.1.0\nsphinx==9.0.4\n".encode()
    assert f"{__version__} → 99.1.0" in done.stdout


def test_an_index_pin_keeps_every_other_byte_and_its_final_newline(tmp_path, index):
    address, simple = index
    publish(simple, "1.2.0", "1.3.0")
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"{HEADER}  sphinx-research-portfolio==1.2.0  \r\n", newline="")
    assert upgrade(requirements, address).returncode == 0
    assert requirements.read_bytes() == f"{HEADER}  sphinx-research-portfolio==1.3.0\r\n".encode()
    again = upgrade(requirements, address)
    assert again.returncode == 0 and "Nothing newer" in again.stdout


def test_a_repository_pin_moves_to_its_newest_tag_and_keeps_the_final_newline(tmp_path, index):
    address, _ = index
    engine = repository(tmp_path, "v1.0.0", "v1.2.0", "v1.10.0", "not-a-version")
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"{HEADER}sphinx-research-portfolio @ git+file://{engine}@v1.0.0\n", newline="")
    done = upgrade(requirements, address)
    assert done.returncode == 0, done.stderr
    assert requirements.read_bytes() == f"{HEADER}sphinx-research-portfolio @ git+file://{engine}@v1.10.0\n".encode()


def test_a_commit_of_main_with_no_newer_tag_nor_index_release_is_nothing_newer(tmp_path, index):
    """The starter's default until the first release: the weekly workflow finds nothing to do, and is green."""
    address, _ = index
    engine = repository(tmp_path)  # no tags at all: only main is published
    requirements = tmp_path / "requirements.txt"
    text = f"sphinx-research-portfolio @ git+file://{engine}@0123456789abcdef0123456789abcdef01234567\n"
    requirements.write_text(text)
    done = upgrade(requirements, address)
    assert done.returncode == 0, done.stderr
    assert "Nothing newer" in done.stdout and requirements.read_text() == text


def test_a_commit_moves_to_a_newer_tag_once_the_release_workflow_made_one(tmp_path, index):
    address, _ = index
    engine = repository(tmp_path, "v99.0.0")
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"sphinx-research-portfolio @ git+file://{engine}@0123456789abcdef0123456789abcdef01234567")
    assert upgrade(requirements, address).returncode == 0
    assert requirements.read_text() == f"sphinx-research-portfolio @ git+file://{engine}@v99.0.0"  # no newline added either


def test_a_repository_that_cannot_be_read_fails_in_one_line(tmp_path, index):
    address, _ = index
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"sphinx-research-portfolio @ git+file://{tmp_path}/nowhere@v1.0.0\n")
    done = upgrade(requirements, address)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "cannot list the tags" in done.stderr


def test_a_file_without_the_engine_says_what_it_looks_for(tmp_path, index):
    address, _ = index
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("sphinx==9.0.4\n")
    done = upgrade(requirements, address)
    assert done.returncode == 1 and "does not name sphinx-research-portfolio" in done.stderr

"""The release workflow: the version it reads, the tag it decides to make, the sdist and wheel it builds, the notes.

The steps are run here as GitHub runs them (bash, git), on a clone of this checkout whose ``origin``
is a local bare repository, with and without the version's tag; the sdist and the wheel are built by
the package's own backend, without the network.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
import yaml
from helpers import PROJECT, require_tool

import research_portfolio

WORKFLOW = PROJECT / ".github" / "workflows" / "release.yml"


def step(job: str, name_or_id: str) -> dict:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"][job]["steps"]
    return next(found for found in steps if name_or_id in (found.get("id"), found.get("name")))


def run_step(script: str, cwd: Path, tmp_path: Path, **env: str) -> dict[str, str]:
    """Run a step's script with bash as the runner does; return what it wrote to $GITHUB_OUTPUT."""
    output = tmp_path / "github-output"
    output.write_text("")
    subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=cwd, check=True, capture_output=True, text=True,
                   env={"PATH": "/usr/bin:/bin", "GITHUB_OUTPUT": str(output), "GITHUB_SHA": "HEAD", **env})
    return dict(line.split("=", 1) for line in output.read_text().splitlines())


@pytest.fixture
def clone(tmp_path: Path) -> tuple[Path, Path]:
    """A checkout with this package's __init__.py whose origin is a local bare repository with no tags."""
    require_tool("git", "bash")
    origin, checkout = tmp_path / "origin.git", tmp_path / "checkout"
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", "--bare", str(origin)], check=True)
    (checkout / "research_portfolio").mkdir(parents=True)
    (checkout / "research_portfolio" / "__init__.py").write_bytes((PROJECT / "research_portfolio" / "__init__.py").read_bytes())
    subprocess.run(["git", "init", "-q", str(checkout)], check=True)
    subprocess.run([*git, "-C", str(checkout), "add", "."], check=True)
    subprocess.run([*git, "-C", str(checkout), "commit", "-q", "-m", "engine"], check=True)
    subprocess.run(["git", "-C", str(checkout), "remote", "add", "origin", str(origin)], check=True)
    subprocess.run(["git", "-C", str(checkout), "push", "-q", "origin", "HEAD:refs/heads/main"], check=True, capture_output=True)
    return checkout, origin


def test_a_version_no_tag_has_is_released(clone, tmp_path):
    checkout, _ = clone
    found = run_step(step("build", "version")["run"], checkout, tmp_path)
    assert found == {"version": research_portfolio.__version__, "new": "true"}


def test_a_version_tagged_already_is_not_released_again(clone, tmp_path):
    checkout, _ = clone
    subprocess.run(["git", "-C", str(checkout), "tag", f"v{research_portfolio.__version__}"], check=True)
    subprocess.run(["git", "-C", str(checkout), "push", "-q", "origin", "--tags"], check=True, capture_output=True)
    assert run_step(step("build", "version")["run"], checkout, tmp_path)["new"] == "false"


def test_the_release_notes_are_this_versions_section_of_the_changelog(tmp_path):
    script = step("github-release", "Tag vX.Y.Z and attach the sdist and the wheel to its release")["run"]
    notes_only = script.split("gh release create")[0]
    (tmp_path / "CHANGELOG.md").write_bytes((PROJECT / "CHANGELOG.md").read_bytes())
    run_step(notes_only, tmp_path, tmp_path, VERSION=research_portfolio.__version__)
    notes = (tmp_path / "notes.md").read_text(encoding="utf-8")
    changelog = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert notes.strip() and notes.strip() in changelog and "\n## " not in notes


def test_the_workflow_publishes_by_trusted_publishing_after_the_github_release():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    assert jobs["pypi"]["permissions"] == {"id-token": "write"} and jobs["pypi"]["environment"]["name"] == "pypi"
    assert jobs["pypi"]["needs"] == ["build", "github-release"]
    assert any(found.get("uses", "").startswith("pypa/gh-action-pypi-publish@") for found in jobs["pypi"]["steps"])
    assert not any("password" in (found.get("with") or {}) for found in jobs["pypi"]["steps"])  # no stored token


def test_the_sdist_builds_and_holds_the_package_its_starter_and_licence(tmp_path):
    built = subprocess.run([sys.executable, "-c", f"import flit_core.buildapi as b; print(b.build_sdist({str(tmp_path)!r}))"],
                           cwd=PROJECT, capture_output=True, text=True, check=True).stdout.strip()
    assert built == f"sphinx_research_portfolio-{research_portfolio.__version__}.tar.gz"
    with tarfile.open(tmp_path / built) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for expected in ("pyproject.toml", "LICENSE", "research_portfolio/__init__.py", "research_portfolio/starter/conf.py.jinja",
                     "research_portfolio/print/texinputs/portfolio.sty", "research_portfolio/cli/readbib.py"):
        assert expected in names, expected
    assert not any(name.startswith(("research/", "publications.bib", "cv.md")) for name in names)  # nothing of the first site

"""``python -m research_portfolio upgrade``: pin the newest release of the engine in a site's requirements.txt.

The engine's line may install it from a package index (``sphinx-research-portfolio==1.2.0``), from a
repository at a version tag (``... @ git+https://github.com/OWNER/REPO@v1.2.0``) or at a commit, from a
wheel attached to a GitHub release, or from a wheel in the site (``./vendor/...whl``). Each is asked
where it installs from (:mod:`research_portfolio.cli.releases`): the index, the repository's tags, the
release's repository; the package index too, once the engine is published there. When a newer version
is found, that one line is rewritten and every other byte of the file is kept; when none is, nothing
changes and the command says so and succeeds, so the site's weekly workflow stays green. The workflow
opens a pull request with the change; by hand it is one command, then ``make html``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from .newsite import DISTRIBUTION, StarterError
from .releases import RELEASE_WHEEL, LookupFailed, index_versions, newest, tag_versions, version_key

NAME = re.escape(DISTRIBUTION)
VERSION = r"\d+(?:\.\d+)*"
INDEX_PIN = re.compile(rf"^{NAME}\s*==\s*(?P<version>{VERSION})\s*$", re.IGNORECASE)
VCS_PIN = re.compile(rf"^(?P<head>{NAME}\s*@\s*git\+(?P<url>\S+?))@(?P<revision>[^@\s]+)\s*$", re.IGNORECASE)
WHEEL_PIN = re.compile(rf"^(?:{NAME}\s*@\s*)?(?P<location>\S*?sphinx_research_portfolio-(?P<version>{VERSION})-\S+\.whl)\s*$",
                       re.IGNORECASE)


@dataclass
class Upgrade:
    old: str
    new: str
    repository: str  # where the new version's CHANGELOG is: a repository, or "" for the package index

    @property
    def changelog(self) -> str:
        if "github.com" in self.repository:
            return f"{self.repository.removesuffix('.git')}/blob/v{self.new}/CHANGELOG.md"
        if self.repository:
            return f"CHANGELOG.md at the tag v{self.new} of {self.repository}"
        return f"CHANGELOG.md in the sdist of {DISTRIBUTION} {self.new} on the package index"

    @property
    def summary(self) -> str:
        return f"{DISTRIBUTION} {self.old} → {self.new}"


def upgrade(requirements: Path) -> Upgrade | None:
    """Pin the newest version in *requirements*; None when there is nothing newer."""
    text = requirements.read_bytes().decode("utf-8")  # as written: its line endings are kept
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if not any(pin.match(body.strip()) for pin in (INDEX_PIN, VCS_PIN, WHEEL_PIN)):
            continue
        try:
            found = newer_line(body.strip())
        except LookupFailed as failure:
            raise StarterError(str(failure)) from None
        if found is None:
            return None
        new_line, done = found
        lines[number] = body[: len(body) - len(body.lstrip())] + new_line + line[len(body):]
        requirements.write_bytes("".join(lines).encode("utf-8"))
        return done
    raise StarterError(f"{requirements} does not name {DISTRIBUTION} (as {DISTRIBUTION}==VERSION, "
                       f"{DISTRIBUTION} @ git+URL@REVISION, or a .whl file)")


def newer_line(line: str) -> tuple[str, Upgrade] | None:
    """The engine's *line* pinned to a newer version, with what changed; None when nothing is newer."""
    if pin := INDEX_PIN.match(line):
        return from_index(pin["version"])
    if pin := VCS_PIN.match(line):
        tagged = re.fullmatch(rf"v({VERSION})", pin["revision"])
        current = tagged[1] if tagged else __version__  # a commit: the version installed from it
        newest_tag = newest([version for version in tag_versions(pin["url"]) if version_key(version) > version_key(current)])
        if newest_tag is not None:
            return f"{pin['head']}@v{newest_tag}", Upgrade(current, newest_tag, pin["url"])
        return from_index(current)
    pin = WHEEL_PIN.match(line)
    if pin is None:
        return None
    release = RELEASE_WHEEL.match(pin["location"])  # a release's wheel: its repository's tags name the newer ones
    newest_tag = release and newest([version for version in tag_versions(release["repository"])
                                     if version_key(version) > version_key(pin["version"])])
    if release and newest_tag:
        moved = pin["location"].replace(pin["version"], newest_tag)
        return line.replace(pin["location"], moved), Upgrade(pin["version"], newest_tag, release["repository"])
    return from_index(pin["version"])


def from_index(current: str) -> tuple[str, Upgrade] | None:
    """The package index's newest version when it is newer than *current*; None when it is not, or has none yet."""
    found = newest(index_versions(DISTRIBUTION))
    if found is None or version_key(found) <= version_key(current):
        return None
    return f"{DISTRIBUTION}=={found}", Upgrade(current, found, "")

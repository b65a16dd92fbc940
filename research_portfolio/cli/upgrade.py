"""``python -m research_portfolio upgrade``: pin the newest release of the engine in a site's requirements.txt.

A site installs the engine from a repository at a version tag (``...@v1.2.0``). This looks up the
repository's tags with ``git ls-remote``, and when one names a newer version, rewrites the pin to
it and says where that version's CHANGELOG is. The site's weekly workflow runs it and opens a pull
request; by hand it is one command, then ``make html``. A site that installs a wheel is told to make
it anew: there is nowhere to look up a newer one.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .newsite import DISTRIBUTION, StarterError

PIN = re.compile(rf"^(?P<head>{re.escape(DISTRIBUTION)}\s*@\s*(?P<vcs>git\+)(?P<url>\S+?)@)v(?P<version>[\w.]+)\s*$", re.MULTILINE)
TAG = re.compile(r"refs/tags/v(\d+(?:\.\d+)*)$")


@dataclass
class Upgrade:
    old: str
    new: str
    repository: str

    @property
    def changelog(self) -> str:
        if "github.com" in self.repository:
            return f"{self.repository.removesuffix('.git')}/blob/v{self.new}/CHANGELOG.md"
        return f"CHANGELOG.md at the tag v{self.new} of {self.repository}"

    @property
    def summary(self) -> str:
        return f"{DISTRIBUTION} {self.old} → {self.new}"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def newest_tag(repository: str) -> str | None:
    try:
        listed = subprocess.run(["git", "ls-remote", "--tags", repository], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise StarterError(f"cannot list the tags of {repository}: {error}") from None
    if listed.returncode != 0:
        raise StarterError(f"cannot list the tags of {repository}: {listed.stderr.strip()}")
    versions = [found[1] for line in listed.stdout.splitlines() if (found := TAG.search(line))]
    return max(versions, key=version_key, default=None)


def upgrade(requirements: Path) -> Upgrade | None:
    """Pin the newest version in *requirements*; None when it already is the newest."""
    text = requirements.read_text(encoding="utf-8")
    pin = PIN.search(text)
    if pin is None:
        if DISTRIBUTION in text or ".whl" in text:
            raise StarterError(f"{requirements} installs the engine from a wheel: make a new one (pip wheel) and "
                               "name it there, or pin a repository URL with a version tag")
        raise StarterError(f"{requirements} does not name {DISTRIBUTION} @ git+URL@vVERSION")
    newest = newest_tag(pin["url"])
    if newest is None or version_key(newest) <= version_key(pin["version"]):
        return None
    requirements.write_text(text[: pin.start()] + f"{pin['head']}v{newest}" + text[pin.end():], encoding="utf-8")
    return Upgrade(pin["version"], newest, pin["url"])

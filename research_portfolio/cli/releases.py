"""Where a newer version of the engine can be found: a package index, a repository's tags, a release's wheel.

A site installs the engine from one of these, as its requirements.txt says, and ``upgrade`` asks the
same place. A package index is read through its simple API (PEP 691 JSON, or the HTML page of PEP
503), at ``$PIP_INDEX_URL`` like pip; a package it does not know yet has no versions, not an error.
A repository's versions are its tags ``vX.Y.Z`` (``git ls-remote``); a wheel attached to a GitHub
release names its repository in its address.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.error
import urllib.request

DEFAULT_INDEX = "https://pypi.org/simple"
TAG = re.compile(r"refs/tags/v(\d+(?:\.\d+)*)$")
#: A file of the distribution on an index page: its version follows the project's name.
FILE_VERSION = re.compile(r"^[A-Za-z0-9_.-]+?-(\d+(?:\.\d+)*)(?:-py|\.tar\.gz|\.zip)")
#: A wheel attached to a GitHub release: the repository and the tag are in its address.
RELEASE_WHEEL = re.compile(r"^(?P<repository>https://github\.com/[^/]+/[^/]+)/releases/download/v(?P<version>\d+(?:\.\d+)*)/")


class LookupFailed(Exception):
    """The place the site installs from could not be asked, in one line."""


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def newest(versions: list[str]) -> str | None:
    return max(versions, key=version_key, default=None)


def index_url() -> str:
    return os.environ.get("PIP_INDEX_URL", DEFAULT_INDEX).rstrip("/")


def index_versions(project: str, index: str | None = None) -> list[str]:
    """The final releases of *project* on the package index (none when the index does not know it)."""
    name = re.sub(r"[-_.]+", "-", project).lower()
    address = f"{index or index_url()}/{name}/"
    request = urllib.request.Request(address, headers={"Accept": "application/vnd.pypi.simple.v1+json, text/html;q=0.1"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310  (the index pip itself uses)
            body, kind = response.read().decode("utf-8", "replace"), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return []
        raise LookupFailed(f"cannot read {address}: HTTP {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        raise LookupFailed(f"cannot read {address}: {getattr(error, 'reason', error)}") from None
    if "json" in kind:
        data = json.loads(body)
        files = [item["filename"] for item in data.get("files", []) if not item.get("yanked")]
        listed = data.get("versions") or []
    else:
        files, listed = re.findall(r">\s*([^<>\s]+)\s*</a>", body), []
    found = {match[1] for file in files if (match := FILE_VERSION.match(file))}
    return sorted({*found, *(version for version in listed if re.fullmatch(r"\d+(?:\.\d+)*", version))}, key=version_key)


def tag_versions(repository: str) -> list[str]:
    """The versions a repository has tagged ``vX.Y.Z``."""
    try:
        listed = subprocess.run(["git", "ls-remote", "--tags", repository], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LookupFailed(f"cannot list the tags of {repository}: {error}") from None
    if listed.returncode != 0:
        raise LookupFailed(f"cannot list the tags of {repository}: {listed.stderr.strip().splitlines()[-1:]}")
    return sorted({found[1] for line in listed.stdout.splitlines() if (found := TAG.search(line))}, key=version_key)


def head_commit(repository: str) -> str:
    """The commit the repository's default branch is at."""
    try:
        listed = subprocess.run(["git", "ls-remote", repository, "HEAD"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LookupFailed(f"cannot reach {repository}: {error}") from None
    commit = listed.stdout.split()[0] if listed.returncode == 0 and listed.stdout.split() else ""
    if not commit:
        raise LookupFailed(f"cannot reach {repository}: {listed.stderr.strip() or 'it has no commit'}")
    return commit

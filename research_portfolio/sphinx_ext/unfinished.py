"""A build that did not finish (killed, out of power, crashed) is followed by one that starts afresh.

Sphinx saves its environment once every page is read, before it writes any; a build stopped while
writing leaves an environment that says every page is done, beside output that is half old: the
next build would write nothing again and exit 0 (pages re-read for an edit of the .bib, figures, the
search index). Each build therefore leaves a mark in the doctree folder when it starts reading and
removes it when it finishes without an error; a build that finds the mark drops the saved environment
before Sphinx loads it, and so reads and writes every page, as a clean build does. The package's
cache (cache.py) needs no such care: it is written only by a build that finished.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import ENV_PICKLE_FILENAME, Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

MARK = "portfolio-build-unfinished"


def check(app: Sphinx, config: Config) -> None:
    """Before Sphinx loads the saved environment (it does so after ``config-inited``): drop it after an unfinished build."""
    mark = Path(app.doctreedir) / MARK
    environment = Path(app.doctreedir) / ENV_PICKLE_FILENAME
    if mark.exists() and environment.exists():
        logger.info(f"the last build with {app.doctreedir} did not finish: every page is read and written again")
        environment.unlink()


def start(app: Sphinx, env: Any, *args: Any) -> list[str]:
    """When the build starts reading (``env-get-outdated``, before any doctree is written): an application that never
    builds leaves no mark."""
    mark = Path(app.doctreedir) / MARK
    mark.parent.mkdir(parents=True, exist_ok=True)
    mark.touch()
    return []


def finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is None:
        (Path(app.doctreedir) / MARK).unlink(missing_ok=True)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", check)
    app.connect("env-get-outdated", start)
    app.connect("build-finished", finish, priority=1000)  # after everything else this package does when a build ends
    return {"parallel_read_safe": True, "parallel_write_safe": True}

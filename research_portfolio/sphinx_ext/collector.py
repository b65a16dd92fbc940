"""Fewer and cheaper garbage collections while a build runs, and none when the process exits.

A build keeps nearly everything it makes (the environment, the catalogue, the doctrees) until it
ends, so Python's cyclic garbage collector, which by default runs after every 700 new objects and
rescans every live object on its full passes, finds little to free: at 2,000 entries it took about a
second of a clean build. For the length of a build, what exists once the configuration is read (Sphinx and
the extensions) and once the builder starts (the loaded environment and catalogue) is frozen out of
the collector's scans, and the first generation is collected after 10,000 new objects, as tools such
as mypy do for their own batch runs. Both are undone when the build finishes, so a process that runs many builds (a test
suite, a live-reload server) frees each one's garbage as before.

When the interpreter exits it collects once more over every object still alive, which after a build
is most of what the build made: another second at 2,000 entries, spent after the last page is
written. A finished build therefore has ``gc.freeze`` run at exit, before the interpreter's own
collections, which then have nothing to scan; the operating system frees the memory. The build's
files are closed by then (Sphinx writes each with ``with``), so nothing waits on a collection.
"""

from __future__ import annotations

import atexit
import functools
import gc

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

FIRST_GENERATION = 10_000

#: The collector's thresholds from before the build, restored when it finishes (or when the next one does,
#: after a build that stopped before finishing).
saved: list[tuple[int, int, int]] = []


def collect_less(app: Sphinx, config: Config) -> None:
    if not saved:
        saved.append(gc.get_threshold())
    first, *older = saved[0]
    gc.set_threshold(max(first, FIRST_GENERATION), *older)
    gc.freeze()


def freeze_what_lasts(app: Sphinx) -> None:
    gc.freeze()


def collect_as_before(app: Sphinx, exception: Exception | None) -> None:
    if saved:
        gc.set_threshold(*saved.pop())
    gc.unfreeze()
    skip_collection_at_exit()


@functools.cache
def skip_collection_at_exit() -> None:
    atexit.register(gc.freeze)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", collect_less)
    # After the catalogue is loaded (database, 400) and the memo opened (cache, 450): they last the build.
    app.connect("builder-inited", freeze_what_lasts, priority=900)
    app.connect("build-finished", collect_as_before, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

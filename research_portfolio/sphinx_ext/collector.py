"""Fewer and cheaper garbage collections while a build runs, and none when the process exits.

A build keeps nearly everything it makes (the environment, the catalogue, the doctrees) until it
ends, so Python's cyclic garbage collector, which by default runs after every 700 new objects and
rescans every live object on its full passes, finds little to free: at 2,000 entries it took about a
second of a clean build. For the length of a build, what exists when it starts (Sphinx, the
extensions, the loaded environment and catalogue) is frozen out of the collector's scans, and the
first generation is collected after 10,000 new objects, as tools such as mypy do for their own batch
runs. Both are undone however the build ends (:class:`Collecting`), so a process that runs many
builds (a test suite, a live-reload server) frees each one's garbage as before.

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
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

FIRST_GENERATION = 10_000


class Collecting:
    """The collector's settings for one application's build, restored however the build ends.

    They change when ``app.build`` starts (after the configuration, the environment and the
    catalogue are loaded, which are frozen with the rest) and come back when it returns or raises,
    KeyboardInterrupt included: the application's own ``build`` is wrapped, for this application
    only. An application that never builds changes nothing.
    """

    def __init__(self, app: Sphinx) -> None:
        build = app.build

        @functools.wraps(build)
        def build_collecting_less(*args: Any, **kwargs: Any) -> Any:
            before = gc.get_threshold()
            first, *older = before
            gc.set_threshold(max(first, FIRST_GENERATION), *older)
            gc.freeze()
            try:
                return build(*args, **kwargs)
            finally:
                gc.set_threshold(*before)
                gc.unfreeze()

        app.build = build_collecting_less  # type: ignore[method-assign]


def collect_less(app: Sphinx, config: Config) -> None:
    Collecting(app)


def skip_collection_at_exit(app: Sphinx, exception: Exception | None) -> None:
    """After a finished build, the interpreter's exit leaves what it made to the operating system."""
    if exception is None:
        freeze_at_exit()


@functools.cache
def freeze_at_exit() -> None:
    atexit.register(gc.freeze)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", collect_less)
    app.connect("build-finished", skip_collection_at_exit)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Fewer and cheaper garbage collections while a build runs, and none when the process exits.

A build keeps nearly everything it makes (the environment, the catalogue, the doctrees) until it
ends, so Python's cyclic garbage collector, which by default runs after every 700 new objects and
rescans every live object on its full passes, finds little to free: at 2,000 entries it took about a
second of a clean build. While an application starts (the saved environment loaded, the .bib
checked) and while it builds, what exists is frozen out of the collector's scans, and the first
generation is collected after 10,000 new objects, as tools such as mypy do for their own batch runs.
Both are undone at the end of each, however the build ends (:class:`Collecting`), so a process that
runs many builds (a test suite, a live-reload server) frees each one's garbage as before.

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
import weakref
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

FIRST_GENERATION = 10_000


class Collecting:
    """The collector's settings for one application, changed while it starts and while it builds, restored after each.

    Starting (from ``config-inited`` to the end of ``builder-inited``) loads the saved environment
    and checks the .bib; building is ``app.build``, wrapped for this application only, so the
    settings come back when it returns or raises, KeyboardInterrupt included. Should starting fail,
    they come back when the application is garbage.
    """

    def __init__(self, app: Sphinx) -> None:
        self.before = gc.get_threshold()
        self.changed = False
        build = app.build

        @functools.wraps(build)
        def build_collecting_less(*args: Any, **kwargs: Any) -> Any:
            self.collect_less()
            try:
                return build(*args, **kwargs)
            finally:
                self.restore()

        app.build = build_collecting_less  # type: ignore[method-assign]
        weakref.finalize(app, self.restore)
        self.collect_less()

    def collect_less(self) -> None:
        if not self.changed:
            self.changed = True
            self.before = gc.get_threshold()
            first, *older = self.before
            gc.set_threshold(max(first, FIRST_GENERATION), *older)
        gc.freeze()  # what exists now lasts the build: the environment and catalogue, once the builder has started

    def restore(self) -> None:
        if self.changed:
            self.changed = False
            gc.set_threshold(*self.before)
            gc.unfreeze()


def collect_less(app: Sphinx, config: Config) -> None:
    collecting = Collecting(app)
    app.connect("builder-inited", lambda app: collecting.restore(), priority=1000)  # the last thing a start does


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

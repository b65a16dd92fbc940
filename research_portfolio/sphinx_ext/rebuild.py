"""A build that warned is never taken for a clean one: the next build reads every page again.

Sphinx saves what it read even when a page warned, so the next incremental build (``make pdf``
after a failed ``make html``, say) skips that page, prints nothing, and exits 0. Sphinx already
drops the saved environment after an exception; this does the same after any warning, so the
warning comes back on every build until it is fixed.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import ENV_PICKLE_FILENAME, Sphinx
from sphinx.util.typing import ExtensionMetadata

from ..compat import count_warnings, warning_count


def setup(app: Sphinx) -> ExtensionMetadata:
    counter = count_warnings(app)

    def forget_warned_build(app: Sphinx, exception: Exception | None) -> None:
        if warning_count(app, counter):
            (Path(app.doctreedir) / ENV_PICKLE_FILENAME).unlink(missing_ok=True)
        counter.close()

    app.connect("build-finished", forget_warned_build, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

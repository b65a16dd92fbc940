"""A Sphinx extension for the tests: the build kills itself (SIGKILL) at the point PORTFOLIO_TEST_KILL_AT names.

``EVENT:N`` kills at the N-th time Sphinx emits EVENT (``doctree-read:2``: while reading), ``drawing:N``
at the N-th figure drawn, ``search-index:N`` as the search index is about to be written. Unset, it does nothing.
"""

from __future__ import annotations

import functools
import os
import signal
from typing import Any

from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    point, _, count = os.environ.get("PORTFOLIO_TEST_KILL_AT", "").partition(":")
    if point:
        calls = [int(count or 1)]

        def countdown(*args: Any) -> None:
            calls[0] -= 1
            if calls[0] == 0:
                os.kill(os.getpid(), signal.SIGKILL)

        def before(function: Any) -> Any:
            @functools.wraps(function)
            def killing(*args: Any, **kwargs: Any) -> Any:
                countdown()
                return function(*args, **kwargs)
            return killing

        if point == "drawing":
            from research_portfolio.figures import directive as figures
            figures.draw = before(figures.draw)
        elif point == "search-index":
            app.connect("builder-inited", lambda app: setattr(app.builder, "dump_search_index",
                                                              before(app.builder.dump_search_index)))
        else:
            app.connect(point, countdown)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""What Sphinx would keep from an earlier build that it must not: the next build reads every page again.

- After a build that warned. Sphinx saves what it read even when a page warned, so the next
  incremental build (``make pdf`` after a failed ``make html``, say) skips that page, prints
  nothing, and exits 0. Sphinx already drops the saved environment after an exception; this does
  the same after any warning, so the warning comes back on every build until it is fixed.
- After the engine or a library it uses changed (an upgrade, :func:`~research_portfolio.sphinx_ext.cache.versions_key`).
  Sphinx reads and writes again only the pages whose sources or settings changed; a page the
  engine made (a list, a figure, its notes) would keep what the old code made of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import ENV_PICKLE_FILENAME, Sphinx
from sphinx.util.typing import ExtensionMetadata

from ..compat import count_warnings, warning_count
from .cache import versions_key
from .domain import portfolio_domain


def read_all_after_an_upgrade(app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Every page, when the code that made the saved pages (the engine's, the libraries') is not this build's."""
    domain = portfolio_domain(env)
    if domain.data.get("engine") == versions_key():
        return []
    domain.data["engine"] = versions_key()
    return sorted(env.found_docs)


def setup(app: Sphinx) -> ExtensionMetadata:
    counter = count_warnings(app)

    def forget_warned_build(app: Sphinx, exception: Exception | None) -> None:
        if warning_count(app, counter):
            (Path(app.doctreedir) / ENV_PICKLE_FILENAME).unlink(missing_ok=True)
        counter.close()

    app.connect("build-finished", forget_warned_build, priority=900)
    app.connect("env-get-outdated", read_all_after_an_upgrade)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

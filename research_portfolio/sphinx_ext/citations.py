"""The citation roles under their own names, noting each cited key: missing keys counted, cited entries recorded."""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.typing import ExtensionMetadata

from ..compat import CiteRole, FootCiteRole, bibtex_entries, citation_role_names, cited_keys
from . import dependencies
from .domain import portfolio_domain

logger = logging.getLogger(__name__)


class NotingMissingKeys:
    """A citation role that also notes the keys it cites that the .bib lacks, for the closing count.

    sphinxcontrib-bibtex warns of each missing key with its page and line; the count comes from the
    roles the page really runs, so a citation shown in a code block (a page teaching how to cite)
    is text, not a citation.
    """

    env: BuildEnvironment
    text: str

    def note_missing(self, keys: Iterable[str]) -> None:
        """Note the keys the .bib lacks, and each cited entry as a view of the page (dependencies.py)."""
        known = bibtex_entries(self.env)
        keys = [key for key in keys if key]
        missing = [key for key in keys if key not in known]
        if missing:
            portfolio_domain(self.env).missing.setdefault(self.env.docname, []).extend(missing)
        for key in keys:
            dependencies.record(self.env, "entry", key)


class FootCite(NotingMissingKeys, FootCiteRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.note_missing(key.strip() for key in self.text.split(","))
        return super().run()


class Cite(NotingMissingKeys, CiteRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.note_missing(cited_keys(self.target))
        return super().run()


def replace_citation_roles(app: Sphinx) -> None:
    """The same roles under the same names, noting missing keys (sphinxcontrib-bibtex's are replaced)."""
    names = citation_role_names()
    for domain, role in (("footcite", FootCite), ("cite", Cite)):
        app.add_role(domain, role(), override=True)
        for name in names[domain]:
            app.add_role_to_domain(domain, name, role(), override=True)


def report_missing_keys(app: Sphinx, env: BuildEnvironment) -> None:
    """One closing line after the located warnings: how many citations point to missing keys."""
    missing = portfolio_domain(env).missing
    count = sum(len(keys) for keys in missing.values())
    if count:
        files = ", ".join(app.config.bibtex_bibfiles)
        logger.warning(
            f"{count} citation{'s' if count > 1 else ''} on {len(missing)} page{'s' if len(missing) > 1 else ''} "
            f"point{'' if count > 1 else 's'} to keys missing from {files}: add those entries to the .bib, or fix the keys where the "
            "warnings above say",
            type="portfolio", subtype="citations",
        )


def setup(app: Sphinx) -> ExtensionMetadata:
    replace_citation_roles(app)
    app.connect("env-check-consistency", report_missing_keys)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

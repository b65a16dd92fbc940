"""The few internals of Sphinx and sphinxcontrib-bibtex the package relies on, each in one guarded place.

No public interface says whether conf.py set a value, how many warnings a build has logged, or how
to hand sphinxcontrib-bibtex a bibliography that is already parsed and checked. Each use below says
why it is needed and falls back to a plain, slower or coarser path when a release no longer has the
internal, so an upgrade of either package never stops a build.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from gettext import NullTranslations
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging as sphinx_logging

logger = sphinx_logging.getLogger(__name__)


def site_sets(config: Config, name: str) -> bool:
    """Whether conf.py (or ``-D`` on the command line) gives *name* a value of its own.

    The package's defaults apply only where the site says nothing: a value the site sets always
    wins, even one equal to Sphinx's default. Sphinx keeps conf.py's namespace in ``_raw_config``;
    without it, a value that differs from Sphinx's default is taken as set by the site.
    """
    if name in config.overrides:
        return True
    raw = getattr(config, "_raw_config", None)
    if isinstance(raw, dict):
        return name in raw
    option = config.values.get(name)
    default = option.default(config) if option is not None and callable(option.default) else getattr(option, "default", None)
    return getattr(config, name) != default


class WarningCounter(logging.Handler):
    """Counts the warnings a build logs, for :mod:`research_portfolio.sphinx_ext.rebuild`.

    Sphinx counts them in the private ``Sphinx._warncount``, which also leaves out suppressed and
    repeated warnings; where it exists it is the right count, and this handler is the fallback.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def close(self) -> None:
        logging.getLogger(sphinx_logging.NAMESPACE).removeHandler(self)
        super().close()


def warning_count(app: Sphinx, counter: WarningCounter) -> int:
    count = getattr(app, "_warncount", None)
    return count if isinstance(count, int) else counter.count


def count_warnings(app: Sphinx) -> WarningCounter:
    counter = WarningCounter()
    logging.getLogger(sphinx_logging.NAMESPACE).addHandler(counter)
    return counter


class PruneKeeping:
    """An indexer's ``prune`` that also keeps the pages named in ``keeps``."""

    def __init__(self, prune: Any) -> None:
        self.prune = prune
        self.keeps: set[str] = set()

    def __call__(self, docnames: Any) -> None:
        self.prune(set(docnames) | self.keeps)


def builder_format(env: BuildEnvironment) -> str:
    """The format of the builder at work: Sphinx 9 keeps its class on the environment, 8.1 the builder on the app."""
    builder_class = getattr(env, "_builder_cls", None)
    return builder_class.format if builder_class is not None else env.app.builder.format


def keep_in_search_index(builder: Any, pagenames: set[str]) -> None:
    """Keep generated pages in the search index Sphinx writes at the end of an HTML build.

    Sphinx indexes only documents read from sources: before it writes ``searchindex.js`` it prunes
    the index to ``env.all_docs``, which leaves out every page an extension generates. The builder's
    indexer is given a ``prune`` that keeps *pagenames* too; without an indexer (search off), or with
    one that has no ``prune``, nothing changes and the pages are simply not searchable.
    """
    indexer = getattr(builder, "indexer", None)
    prune = getattr(indexer, "prune", None)
    if prune is None:
        return
    if not isinstance(prune, PruneKeeping):
        prune = indexer.prune = PruneKeeping(prune)  # type: ignore[union-attr]
    prune.keeps.update(pagenames)


def keep_when_loading_search_index(builder: Any, pagenames: Callable[[], set[str]]) -> None:
    """Keep generated pages in the search index Sphinx loads from the last build, too.

    Sphinx loads the previous ``searchindex.js`` when it starts writing and prunes it to the
    documents it will not write again, before any extension could say which of its own pages stay
    as they were; the pages named by *pagenames* (called then) are kept, so an unchanged page need
    not be indexed again (:func:`forget_in_search_index` removes the ones that changed).
    """
    load = getattr(builder, "load_indexer", None)
    if load is None:
        return

    def load_keeping(docnames: Any) -> None:
        keep_in_search_index(builder, pagenames())
        load(docnames)

    builder.load_indexer = load_keeping


def forget_in_search_index(builder: Any, pagenames: set[str]) -> bool:
    """Remove *pagenames* from the loaded search index, so they can be indexed anew; whether that was possible.

    False (index every page again) when the indexer keeps its pages where this cannot see them.
    """
    indexer = getattr(builder, "indexer", None)
    titles = getattr(indexer, "_titles", None)
    if not isinstance(titles, dict):
        return False
    present = pagenames & titles.keys()
    if present:
        prune = indexer.prune  # type: ignore[union-attr]
        (prune.prune if isinstance(prune, PruneKeeping) else prune)(titles.keys() - present)
    return True


def forget_dependencies(env: BuildEnvironment, docname: str, files: set[str]) -> None:
    """Drop *files* from the file dependencies Sphinx keeps for *docname* (``env.dependencies``).

    Sphinx has ``note_dependency`` but nothing to take one back; its table maps a page to the set of
    files it depends on (paths as strings or path objects, which compare by their text here).
    """
    dependencies = getattr(env, "dependencies", {}).get(docname)
    if dependencies:
        for dependency in list(dependencies):
            if str(dependency) in files:
                dependencies.discard(dependency)


def give_bibtex_its_data(env: BuildEnvironment, bibdata: Any) -> None:
    """Hand sphinxcontrib-bibtex the parsed .bib files, so it does not parse them a second time.

    Its domain keeps them as ``data["bibdata"]`` (a ``BibData``, 2.6 and 2.7) and re-parses them in
    its own ``builder-inited`` handler only when their modification times changed; given ours, it
    finds them current. Were the key ever gone, it would parse the files itself: slower, same result.
    """
    domain = env.get_domain("cite")
    if "bibdata" in domain.data:
        domain.data["bibdata"] = bibdata


def cache_compiled_templates(builder: Any, folder: Path) -> None:
    """Keep the theme's templates compiled in *folder*, so a rebuild does not compile them again.

    Sphinx renders through one Jinja environment (``builder.templates.environment``) and compiles
    every template it uses in every build, a tenth of a no-op rebuild; Jinja's bytecode cache checks
    each template's source before it trusts what it stored. A builder without that environment is
    left alone.
    """
    environment = getattr(getattr(builder, "templates", None), "environment", None)
    if environment is not None and getattr(environment, "bytecode_cache", None) is None:
        folder.mkdir(parents=True, exist_ok=True)
        environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def translator(catalog: str) -> Any:
    """The gettext translations Sphinx loaded for *catalog*, or a NullTranslations before it is registered.

    Sphinx's public ``get_translation`` gives ``gettext`` only, and a lazy proxy (no ``str``) before the
    catalogue is registered; ``get_translator`` (Sphinx 1.8 to 9.0, checked on 8.1 and 9.0.4) also gives
    ``ngettext``. A release without it falls back to English.
    """
    from sphinx import locale

    getter = getattr(locale, "get_translator", None)
    return getter(catalog) if getter is not None else NullTranslations()


def forget_translations(catalog: str) -> None:
    """Drop what an earlier application of the process loaded for *catalog*, so that this one's language alone counts.

    ``sphinx.locale.init`` merges each new load into the translations already kept for a catalogue,
    and keeps them when the new language has none: without this, a build in English after one in
    Chinese in the same process would print Chinese words. ``sphinx.locale.translators`` is the
    dictionary Sphinx keeps them in (1.8 to 9.0, checked on 8.1 and 9.0.4); its own tests clear it.
    """
    from sphinx import locale

    kept = getattr(locale, "translators", None)
    if isinstance(kept, dict):
        for namespace in ("general", "console"):
            kept.pop((namespace, catalog), None)


def template_environment(builder: Any) -> Any:
    """The Jinja environment an HTML builder renders its pages with, or None (``builder.templates.environment``).

    Sphinx gives no interface to it; ``BuiltinTemplateLoader`` keeps it as ``environment`` (Sphinx 1.x
    to 9.0, checked on 8.1 and 9.0.4). A builder without templates, or a release without it, gets None.
    """
    return getattr(getattr(builder, "templates", None), "environment", None)

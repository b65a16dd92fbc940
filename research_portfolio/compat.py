"""Every internal of another package the engine relies on, each in one guarded place.

No public interface says whether conf.py set a value, how many warnings a build has logged, or how
to hand sphinxcontrib-bibtex a bibliography that is already parsed and checked; pybtex's parser has
no hook for an entry as written, its rich text none for a copy with new parts, docutils no public
way to educate one run of text. Each use below says why it is needed and the releases it was
checked with (:data:`CHECKED`); where it can, it falls back to a plain, slower or coarser path when a
release no longer has the internal, so an upgrade never stops a build. ``tests/engine/test_compat.py``
fails when one of them changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from gettext import NullTranslations
from pathlib import Path
from typing import Any

import pybtex.errors
from docutils import nodes
from jinja2 import BytecodeCache
from pybtex.database.input import bibtex
from pybtex.richtext import BaseMultipartText, BaseText
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging as sphinx_logging

# sphinxcontrib-bibtex's role classes, subclassed to note the keys a page cites (sphinx_ext/citations.py), and its
# domains, whose role names they replace: documented as its extension points neither (2.6 and 2.7).
from sphinxcontrib.bibtex.domain import BibtexDomain
from sphinxcontrib.bibtex.foot_domain import BibtexFootDomain
from sphinxcontrib.bibtex.foot_roles import FootCiteRole as FootCiteRole
from sphinxcontrib.bibtex.roles import CiteRole as CiteRole

logger = sphinx_logging.getLogger(__name__)

#: The releases each internal below was checked with (the ends of pyproject.toml's ranges, tested by make test-ranges).
CHECKED = {"sphinx": "8.1 to 9.0", "sphinxcontrib-bibtex": "2.6 to 2.7", "pybtex": "0.25 to 0.26", "docutils": "0.21 to 0.22",
           "jinja2": "3.1", "pydata-sphinx-theme": "0.20 (and sphinx-book-theme 1.4 on it)"}


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


def builder_at_work(env: BuildEnvironment) -> Any:
    """The builder at work, or its class: Sphinx 9 keeps the class on the environment, 8.1 the builder on the app."""
    builder_class = getattr(env, "_builder_cls", None)
    return builder_class if builder_class is not None else env.app.builder


def builder_format(env: BuildEnvironment) -> str:
    """The format of the builder at work (``html`` for the web and the e-book, ``latex``)."""
    return str(builder_at_work(env).format)


def builder_name(env: BuildEnvironment) -> str:
    """The name of the builder at work (``html``, ``epub``)."""
    return str(builder_at_work(env).name)


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


def give_bibtex_its_data(env: BuildEnvironment, encoding: str, files: dict[Path, list[str]], data: Any) -> None:
    """Hand sphinxcontrib-bibtex the parsed .bib files (*files*: each with its keys), so it does not parse them again.

    Its domain keeps them as ``data["bibdata"]``, a ``BibData(encoding, bibfiles, data)`` whose
    ``bibfiles`` map each path to a ``BibFile(mtime, keys)`` (``sphinxcontrib.bibtex.bibfile``, 2.6
    and 2.7), and re-parses them in its own ``builder-inited`` handler only when their modification
    times changed; given ours, it finds them current. Were the key ever gone, it would parse the
    files itself: slower, same result.
    """
    from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime

    domain = env.get_domain("cite")
    if "bibdata" in domain.data:
        bibfiles = {path: BibFile(mtime=get_mtime(path), keys=dict.fromkeys(keys)) for path, keys in files.items()}
        domain.data["bibdata"] = BibData(encoding, bibfiles, data)


def bibtex_files(env: BuildEnvironment) -> set[str]:
    """The .bib files sphinxcontrib-bibtex read, as strings (its domain's ``bibdata.bibfiles``, 2.6 and 2.7)."""
    return {str(path) for path in env.get_domain("cite").bibdata.bibfiles}  # type: ignore[attr-defined]


def bibtex_entries(env: BuildEnvironment) -> Any:
    """The entries sphinxcontrib-bibtex knows, by key (its domain's ``bibdata.data.entries``, 2.6 and 2.7)."""
    return env.get_domain("cite").bibdata.data.entries  # type: ignore[attr-defined]


def has_bibliography(doctree: nodes.Node) -> bool:
    """Whether a page holds sphinxcontrib-bibtex's ``bibliography`` directive (its node class, 2.6 and 2.7)."""
    from sphinxcontrib.bibtex.nodes import bibliography

    return next(doctree.findall(bibliography), None) is not None


def cited_keys(target: str) -> list[str]:
    """The keys a ``cite`` role's target names, as sphinxcontrib-bibtex reads them (``parse_citation_targets``, 2.6 and 2.7)."""
    from sphinxcontrib.bibtex.citation_target import parse_citation_targets

    return [parsed.key for parsed in parse_citation_targets(target)]


def citation_role_names() -> dict[str, list[str]]:
    """The role names of sphinxcontrib-bibtex's ``cite`` and ``footcite`` domains (its domain classes' ``roles``, 2.6 and 2.7)."""
    return {"cite": list(BibtexDomain.roles), "footcite": list(BibtexFootDomain.roles)}


def similar_text(text: BaseMultipartText, parts: list[BaseText]) -> BaseMultipartText:
    """A copy of pybtex rich *text* (a Tag, an HRef, a Protected...) holding *parts* instead of its own.

    pybtex does it with the private ``_create_similar`` (0.24 to 0.26), which keeps what the class
    needs besides its parts (a tag's name, a link's address); without it, the parts are put back in
    place on a shallow copy.
    """
    create = getattr(text, "_create_similar", None)
    if callable(create):
        return create(parts)
    copy = text.__class__.__new__(text.__class__)
    copy.__dict__.update(text.__dict__)
    copy.parts = parts
    return copy


class EntryParser(bibtex.Parser):
    """pybtex's BibTeX parser with a hook for each entry as written, before pybtex takes it (pybtex 0.25 and 0.26).

    pybtex's parser calls its ``process_entry(entry_type, key, fields)`` for each entry, the fields
    in the order written, duplicates included, each value still a list of pieces that
    ``flatten_value_list`` joins; neither is public. A subclass implements :meth:`entry_written`
    (it may ask for a value's text with :meth:`value_text`) and :meth:`entry_taken`.
    """

    def process_entry(self, entry_type: str, key: str | None, fields: list[tuple[str, Any]]) -> None:
        if key is None:  # "}@misc{" inside another entry: no key, and pybtex's syntax error names its line
            return
        added = key not in self.data.entries  # pybtex reports a repeated key and keeps the first entry
        self.entry_written(key, fields)
        super().process_entry(entry_type, key, fields)
        if added and key in self.data.entries:
            self.entry_taken(self.data.entries[key])

    def value_text(self, value: Any) -> str:
        return self.flatten_value_list(value)

    def entry_written(self, key: str, fields: list[tuple[str, Any]]) -> None:
        """Each entry's fields as written, before pybtex takes the entry."""

    def entry_taken(self, entry: Any) -> None:
        """An entry pybtex took (not one it dropped as a repeated key)."""


def capture_bibtex_errors() -> Any:
    """pybtex's problems as a list instead of raised (``pybtex.errors.capture``, 0.25 and 0.26: undocumented)."""
    return pybtex.errors.capture()


def cache_compiled_templates(builder: Any, bytecode_cache: BytecodeCache) -> None:
    """Keep the theme's compiled templates in *bytecode_cache*, so a rebuild does not compile them again.

    Sphinx renders through one Jinja environment (``builder.templates.environment``, Sphinx 8.1 to
    9.0) and compiles every template it uses in every build, a tenth of a no-op rebuild; Jinja's
    bytecode cache checks each template's source before it trusts what it stored. Within one build
    a template loaded once is used as loaded: Jinja's ``auto_reload`` would otherwise look at the
    modification time of every template file each time a page is rendered (2 % of a build with
    2,000 paper pages), for edits that only a later build reads. A builder without that environment
    is left alone.
    """
    environment = template_environment(builder)
    if environment is not None and getattr(environment, "bytecode_cache", None) is None:
        environment.bytecode_cache = bytecode_cache
        environment.auto_reload = False


def theme_folders(builder: Any) -> list[Path]:
    """The folders of the builder's theme and of the themes it inherits from; none for a builder without a theme.

    ``Theme.get_theme_dirs()`` (Sphinx 8.1 to 9.0) lists them, the theme's own first.
    """
    theme = getattr(builder, "theme", None)
    folders = getattr(theme, "get_theme_dirs", None)
    return [Path(folder) for folder in folders()] if callable(folders) else []


def registered_assets(app: Sphinx) -> list[Any]:
    """The style sheets and scripts extensions add to every page (``app.add_css_file``, ``app.add_js_file``).

    Sphinx keeps them in its registry (``app.registry.css_files`` and ``js_files``, lists of
    ``(filename, attributes)``, Sphinx 8.1 to 9.0), not in the configuration. Without them, an empty list.
    """
    registry = getattr(app, "registry", None)
    return [list(getattr(registry, name, []) or []) for name in ("css_files", "js_files")]


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


def output_path(builder: Any, pagename: str) -> Path:
    """The file an HTML builder writes *pagename* to.

    Sphinx 8.2 added ``get_output_path``; 8.1 has only ``get_outfilename`` (checked on 8.1.0 and 9.0.4).
    """
    method = getattr(builder, "get_output_path", None)
    return Path(method(pagename)) if method is not None else Path(builder.get_outfilename(pagename))


class BuilderLinkingFrom:
    """An HTML builder that links every page from *pagename*, whatever page it is asked to link from; the rest is the builder's.

    Sphinx resolves a page's navigation with links relative to the page it marks as current; a page
    that shows another page's navigation (a paper page marking its theme) needs them relative to itself.
    """

    def __init__(self, builder: Any, pagename: str) -> None:
        self._builder = builder
        self._pagename = pagename

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self._builder.get_relative_uri(self._pagename, to, typ)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._builder, name)


def toctree_as_on(builder: Any, pagename: str, docname: str) -> Callable[..., str] | None:
    """The ``toctree`` template function of *docname*'s page, for *pagename*: *docname* marked current, links from *pagename*.

    It is what Sphinx gives a page's templates as ``toctree`` (``StandaloneHTMLBuilder._get_local_toctree``,
    Sphinx 8.1 to 9.0, checked on 8.1.3 and 9.0.4), called with a builder whose links start from
    *pagename*. None when the builder has no such method: the page keeps its own navigation.
    """
    local = getattr(type(builder), "_get_local_toctree", None)
    if local is None:
        return None
    linking = BuilderLinkingFrom(builder, pagename)
    return lambda **options: local(linking, docname, **options)


class AppLinkingFrom:
    """The application, seen with a :class:`BuilderLinkingFrom` builder (for a theme's own navigation functions)."""

    def __init__(self, app: Sphinx, pagename: str) -> None:
        self._app = app
        self.builder = BuilderLinkingFrom(app.builder, pagename)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)


#: The functions pydata-sphinx-theme puts in a page's context to draw its navigation (0.20), each made for one page.
PYDATA_NAVIGATION = ("generate_header_nav_html", "generate_toctree_html", "suppress_sidebar_toctree", "unique_html_id")


def pydata_navigation_as_on(app: Sphinx, pagename: str, docname: str, templatename: str, context: dict[str, Any]) -> bool:
    """Give *pagename*'s context pydata-sphinx-theme's navigation functions made for *docname*; whether it could.

    pydata-sphinx-theme (and sphinx-book-theme, built on it) draws its header and sidebar with
    functions its own ``html-page-context`` handler, ``pydata_sphinx_theme.toctree.add_toctree_functions``
    (0.20), puts in the context, each bound to the page it is called for; they do not use the
    ``toctree`` function of the context for the header or a sidebar section. Made again for *docname*,
    with an application whose builder links from *pagename*, they mark *docname*'s place. A page without
    them (another theme) or a release without that handler is left alone.
    """
    if not all(name in context for name in PYDATA_NAVIGATION):
        return False
    import sys

    add = getattr(sys.modules.get("pydata_sphinx_theme.toctree"), "add_toctree_functions", None)
    if add is None:
        return False
    made = dict(context)
    add(AppLinkingFrom(app, pagename), docname, templatename, made, None)
    for name in PYDATA_NAVIGATION:
        context[name] = made[name]
    return True

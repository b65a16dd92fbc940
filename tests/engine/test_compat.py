"""Each internal of another package that compat.py relies on, checked where it lives: a release that changes one fails here.

The fallbacks in compat.py keep a build going when an internal is gone; these tests say that it is
gone, so the fallback is never taken silently (compat.CHECKED lists the releases they were checked with).
"""

from __future__ import annotations

import inspect
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sphinx
from bs4 import BeautifulSoup
from docutils import nodes
from pybtex.richtext import HRef, String, Tag, Text
from sphinx.testing.util import SphinxTestApp

from research_portfolio import compat
from research_portfolio.sphinx_ext import cache, database

ROOT = Path(__file__).parent / "roots" / "test-publications"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    source = tmp_path_factory.mktemp("compat") / "source"
    shutil.copytree(ROOT, source)
    built = SphinxTestApp("html", srcdir=source, freshenv=True)
    built.build()
    yield built
    built.cleanup()


def test_sphinx_keeps_what_conf_py_set_and_counts_warnings(app):
    assert isinstance(app.config._raw_config, dict) and "portfolio_person" in app.config._raw_config
    assert compat.site_sets(app.config, "portfolio_person") and not compat.site_sets(app.config, "html_title")
    assert isinstance(app._warncount, int)


def test_sphinx_keeps_the_builder_class_on_the_environment(app):
    kept = getattr(app.env, "_builder_cls", None)
    assert kept is type(app.builder) or (kept is None and sphinx.version_info < (9,))  # 8.1: the app's builder
    assert compat.builder_format(app.env) == "html" and compat.builder_name(app.env) == "html"


def test_the_search_index_prunes_through_prune_and_keeps_titles_by_page(app):
    indexer = app.builder.indexer
    assert callable(indexer.prune) and isinstance(indexer._titles, dict)
    assert "papers/lovelace1843notes" in indexer._titles  # kept by keep_in_search_index
    assert compat.forget_in_search_index(app.builder, {"papers/lovelace1843notes"})
    assert "papers/lovelace1843notes" not in indexer._titles


def test_the_environment_keeps_file_dependencies_by_page(app):
    assert isinstance(app.env.dependencies, dict)


def test_sphinxcontrib_bibtex_takes_the_parsed_bib_as_given(app):
    domain = app.env.get_domain("cite")
    assert "bibdata" in domain.data
    assert domain.bibdata.data.entries["lovelace1843notes"] is not None
    assert compat.bibtex_files(app.env) == {str(app.srcdir / "refs.bib")}
    assert set(compat.bibtex_entries(app.env)) >= set(database.catalogue(app.env).entries)


def test_sphinxcontrib_bibtex_roles_nodes_and_targets(app):
    names = compat.citation_role_names()
    assert {"p", "t"} <= set(names["cite"]) and {"p", "t"} <= set(names["footcite"])
    assert compat.cited_keys("{pre}lovelace1843notes{post},babbage1844difference") == ["lovelace1843notes", "babbage1844difference"]
    assert issubclass(compat.CiteRole, object) and callable(compat.FootCiteRole().run)
    assert not compat.has_bibliography(nodes.document(None, None))


def test_pybtex_copies_rich_text_with_new_parts():
    for text in (Tag("strong", "a", "b"), HRef("https://example.org", "a", "b"), Text("a", "b")):
        copy = compat.similar_text(text, [String("x")])
        assert type(copy) is type(text) and copy.parts == [String("x")] and text._create_similar([String("x")]) == copy
    assert compat.similar_text(HRef("https://example.org", "a"), [String("x")]).url == "https://example.org"


def test_pybtex_parser_calls_its_entry_hook_with_the_fields_as_written():
    written, taken = [], []

    class Parser(compat.EntryParser):
        def entry_written(self, key, fields):
            written.append((key, [(name, self.value_text(value)) for name, value in fields]))

        def entry_taken(self, entry):
            taken.append(entry.key)

    with compat.capture_bibtex_errors() as problems:
        Parser().parse_string("@misc{a, title = {One}, title = {Two}}\n@misc{a, title = {Again}}\n")
    assert written == [("a", [("title", "One"), ("title", "Two")]), ("a", [("title", "Again")])]
    assert taken == ["a"]  # the repeated key is reported, not taken
    assert len(problems) == 2


def test_sphinx_renders_through_one_jinja_environment_and_lists_assets_and_theme_folders(app):
    assert isinstance(app.builder.templates.environment.bytecode_cache, cache.TemplateCode)
    assert app.builder.templates.environment.auto_reload is False
    assert any(folder.name == "furo" for folder in compat.theme_folders(app.builder))
    assert compat.registered_assets(app) == [list(app.registry.css_files), list(app.registry.js_files)]


def test_sphinx_keeps_a_catalogues_translations_by_name_and_the_builders_jinja_environment(app):
    from sphinx import locale

    assert compat.translator("research_portfolio") is locale.translators["general", "research_portfolio"]
    assert compat.template_environment(app.builder) is app.builder.templates.environment
    compat.forget_translations("research_portfolio")
    assert ("general", "research_portfolio") not in locale.translators
    assert compat.translator("research_portfolio").gettext("Abstract") == "Abstract"  # English, until loaded again


def test_the_output_path_of_a_page_is_the_file_the_builder_wrote(app):
    assert compat.output_path(app.builder, "index") == Path(app.outdir) / "index.html"
    assert compat.output_path(app.builder, "papers/lovelace1843notes").is_file()


def test_the_builders_toctree_function_marks_another_page_with_links_from_this_one(app):
    assert callable(type(app.builder)._get_local_toctree)
    navigation = BeautifulSoup(compat.toctree_as_on(app.builder, "papers/lovelace1843notes", "publications")(collapse=False),
                               "html.parser")
    assert [link["href"] for link in navigation.select("li.current > a")] == ["../publications.html"]
    assert navigation.find("a", href="../figures.html")


def test_pydata_sphinx_theme_binds_its_navigation_functions_to_a_page_in_its_context_handler():
    from pydata_sphinx_theme import toctree

    assert list(inspect.signature(toctree.add_toctree_functions).parameters) == ["app", "pagename", "templatename", "context",
                                                                                 "doctree"]
    assert set(compat.PYDATA_NAVIGATION) <= set(re.findall(r'context\["(\w+)"\] = ', inspect.getsource(toctree)))

"""Publication lists written in place: the full list grouped by year, a theme's papers, the selected papers.

``{publication-list}`` turns the checked database into ordinary docutils nodes (sections, bullet
lists, paragraphs) while the page is read, so every builder keeps the list where the author put
it; sphinxcontrib-bibtex's citation-style bibliographies would be moved to the end of the PDF.
In the full list each entry carries its BibTeX for the web; ``{publication-themes}`` links each
theme's page with its paper count.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from docutils.parsers.rst import directives
from pybtex.database import Entry
from pybtex_docutils import Backend
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import database
from .style import EQUAL_MARK, formatting_style


class bibtex_record(nodes.General, nodes.FixedTextElement):
    """A paper's BibTeX, shown on the web in a <details> element and left out of print and e-books."""


def visit_bibtex_record_html(translator, node: bibtex_record) -> None:  # type: ignore[no-untyped-def]
    translator.body.append(
        '<details class="pub-bibtex"><summary>BibTeX</summary>'
        f'<pre>{translator.encode(node.astext())}</pre></details>\n'
    )
    raise nodes.SkipNode


def skip(translator, node: nodes.Node) -> None:  # type: ignore[no-untyped-def]
    raise nodes.SkipNode


class PublicationList(SphinxDirective):
    """List papers from the database: all of them, one theme's, or the selected ones."""

    option_spec = {
        "theme": directives.unchanged_required,
        "selected": directives.flag,
        "group-by-year": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        theme = self.options.get("theme")
        known = self.config.portfolio_themes
        if theme is not None and theme not in known:
            raise self.error(f"unknown theme '{theme}' (known: {', '.join(known)})")
        database.note_dependency(self.env)
        papers = database.catalogue(self.env).papers(theme=theme, selected="selected" in self.options)
        if not papers:
            return [nodes.paragraph("", "No papers yet.")]
        if "group-by-year" not in self.options:
            return [*legend(papers), entry_list(papers, self.config.bibtex_default_style, bibtex=False)]
        return [summary(papers), *self.year_sections(papers)]

    def year_sections(self, papers: list[Entry]) -> Iterable[nodes.section]:
        by_year: dict[str, list[Entry]] = {}
        for entry in papers:
            by_year.setdefault(database.year(entry), []).append(entry)
        for year in sorted(by_year, reverse=True):
            section = nodes.section(ids=[f"year-{year}"], names=[f"year-{year}"])
            section += nodes.title("", f"{year} ({count(by_year[year])})")
            section += entry_list(by_year[year], self.config.bibtex_default_style, bibtex=True)
            self.state.document.note_explicit_target(section)
            yield section


class PublicationThemes(SphinxDirective):
    """A list of the research themes, each linking to its page, with its number of papers."""

    def run(self) -> list[nodes.Node]:
        database.note_dependency(self.env)
        catalogue = database.catalogue(self.env)
        items = nodes.bullet_list(classes=["publication-themes"])
        for theme, (title, page) in self.config.portfolio_themes.items():
            link = addnodes.pending_xref(
                "", nodes.inline("", title), refdomain="std", reftype="doc", reftarget=f"/{page}", refexplicit=True
            )
            items += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(f": {count(catalogue.papers(theme))}")))
        return [items]


def entry_list(papers: list[Entry], style_name: str, bibtex: bool) -> nodes.container:
    """The formatted entries as a bullet list, each with its BibTeX record when *bibtex*.

    The container lets print style the lists as a whole (LaTeX sees ``sphinxuseclass``).
    """
    style = formatting_style(style_name)
    backend = Backend()
    items = nodes.bullet_list(classes=["publication-list"])
    for entry in papers:
        item = nodes.list_item(classes=["pub-entry"])
        item += backend.paragraph(style.format_entry("", entry))
        if bibtex:
            item += bibtex_record("", database.standard_bibtex(entry))
        items += item
    return nodes.container("", items, classes=["publications"])


def summary(papers: list[Entry]) -> nodes.paragraph:
    """How many papers, in what order, and the equal-contribution mark when any paper carries it."""
    paragraph = nodes.paragraph("", f"{count(papers)}, newest first.", classes=["pub-summary"])
    for note in legend(papers):
        paragraph += [nodes.Text(" "), *note.children]
    return paragraph


def legend(papers: list[Entry]) -> list[nodes.paragraph]:
    if not any(database.equal_contributors(entry) for entry in papers):
        return []
    return [nodes.paragraph("", "", nodes.superscript("", EQUAL_MARK), nodes.Text(" Equal contribution."), classes=["pub-legend"])]


def count(papers: list[Entry]) -> str:
    return f"{len(papers)} paper" if len(papers) == 1 else f"{len(papers)} papers"


def setup(app: Sphinx) -> dict[str, object]:
    app.add_node(
        bibtex_record,
        html=(visit_bibtex_record_html, None),
        epub=(skip, None),
        latex=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_directive("publication-list", PublicationList)
    app.add_directive("publication-themes", PublicationThemes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

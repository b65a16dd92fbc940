"""Publication lists written in place: the full list grouped by year, a theme's papers, the selected papers.

``{publication-list}`` turns the checked database into ordinary docutils nodes (sections, bullet
lists, paragraphs) while the page is read, so every builder keeps the list where the author put
it; sphinxcontrib-bibtex's citation-style bibliographies would be moved to the end of the PDF.
On the web each entry opens to its summary (and the full list's to its BibTeX); ``{publication-themes}`` links each
theme's page with its paper count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from docutils import nodes
from docutils.parsers.rst import directives
from pybtex.database import Entry
from pybtex_docutils import Backend
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from . import database, entries
from .domain import portfolio_domain, skip
from .entries import KINDS
from .scripts import marked
from .style import EQUAL_MARK, STYLE_NAME, formatting_style, plain_text, rich_field

KIND_HEADINGS = {"journal": "Journal articles", "conference": "Conference papers", "workshop": "Workshop papers",
                 "preprint": "Preprints", "thesis": "Theses", "book": "Books and chapters", "report": "Reports",
                 "other": "Other publications"}


class collapsible(nodes.General, nodes.Element):
    """Text a reader opens on the web: a paper's summary, abstract or BibTeX in a <details> element.

    ``label`` names it, ``literal`` keeps its lines (BibTeX, with a copy button), ``open`` shows it
    opened, and ``print`` shows the text in the e-book and the PDF, where nothing can be opened.
    """


def visit_collapsible_html(translator: HTML5Translator, node: collapsible) -> None:
    if node.get("literal"):
        content = f'<pre tabindex="0">{literal_lines(node["text"], translator.encode)}</pre>'
    else:
        content = f"<p>{translator.encode(node['text'])}</p>"
    kind = "pub-bibtex pub-copy" if node.get("literal") else "pub-more"
    translator.body.append(
        f'<details class="{kind}"{" open" if node.get("open") else ""}><summary>{translator.encode(node["label"])}'
        f"</summary>{content}</details>\n"
    )
    raise nodes.SkipNode


#: An address with the braces and comma around it in BibTeX: one run that never breaks.
URL = re.compile(r"(\{?https?://[^\s{}]+\}?[,.]?)")


def literal_lines(text: str, encode: Callable[[str], str]) -> str:
    """BibTeX (or a reference) as lines that wrap with a hanging indent, and addresses that never break.

    Each line is a block of its own (``.pub-line``): a wrapped line goes on under its field, not at
    the left edge; an address is one unbreakable run (``.pub-url``), the block scrolls sideways if an
    address is wider than a phone. Copying takes the lines with their line breaks (``innerText``).
    """
    lines = []
    for line in text.split("\n"):
        parts = URL.split(line)
        html = "".join(f'<span class="pub-url">{encode(part)}</span>' if number % 2 else encode(part)
                       for number, part in enumerate(parts))
        lines.append(f'<span class="pub-line">{html}</span>')
    return "".join(lines)


def visit_collapsible_epub(translator: HTML5Translator, node: collapsible) -> None:
    if node.get("print"):
        translator.body.append(f'<p class="pub-note">{translator.encode(node["text"])}</p>\n')
    raise nodes.SkipNode


def visit_collapsible_latex(translator: LaTeXTranslator, node: collapsible) -> None:
    if node.get("print"):
        translator.body.append("\n\\portfolionote{%s}\n" % marked(node["text"], translator.encode))
    raise nodes.SkipNode


class PublicationList(SphinxDirective):
    """List papers from the database: all of them, one theme's, or the selected ones."""

    option_spec = {
        "theme": directives.unchanged_required,
        "selected": directives.flag,
        "group-by-year": directives.flag,
        "summaries": directives.flag,
        "kind": directives.unchanged_required,
        "by-kind": directives.flag,
        "newest": directives.positive_int,
        "numbered": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        theme = self.options.get("theme")
        known = self.config.portfolio_themes
        if theme is not None and theme not in known:
            raise self.error(f"unknown theme '{theme}' (known: {', '.join(known)})")
        kind = self.options.get("kind")
        if kind is not None and kind not in KINDS:
            raise self.error(f"unknown kind '{kind}' (known: {', '.join(KINDS)})")
        database.note_dependency(self.env)
        catalogue = database.catalogue(self.env)
        papers = entries.chronological(catalogue.papers(theme=theme, selected="selected" in self.options))
        if kind is not None:
            papers = [entry for entry in papers if entries.venue_kind(entry, catalogue.site) == kind]
        if "newest" in self.options:
            papers = papers[: self.options["newest"]]
        if not papers:
            return [nodes.paragraph("", "No papers yet.")]
        if "by-kind" in self.options:
            return [*legend(papers), *self.kind_sections(papers, catalogue.site)]
        if "group-by-year" not in self.options:
            listed = entry_list(papers, full=False, printed=False,
                                numbered="numbered" in self.options)
            # A paper is found by search on its own page and in the full list, not in every excerpt.
            listed["classes"].append("no-search")
            return [*legend(papers), listed]
        portfolio_domain(self.env).full_lists[self.env.docname] = True
        return [summary(papers), *self.year_sections(papers)]

    def kind_sections(self, papers: list[Entry], site: entries.Site) -> Iterable[nodes.section]:
        """Work without a year first ("In press", "Submitted", ...), then a section for each kind of venue
        that has papers, in the order of :data:`entries.KINDS` (the CV's)."""
        numbered = "numbered" in self.options
        for heading, chosen in undated_groups(papers):
            yield self.section(f"kind-{section_id(heading)}", heading, entry_list(chosen, full=False, printed=False, numbered=numbered))
        dated = [entry for entry in papers if not entries.status(entry)]
        for kind in KINDS:
            chosen = [entry for entry in dated if entries.venue_kind(entry, site) == kind]
            if chosen:
                yield self.section(f"kind-{kind}", KIND_HEADINGS[kind], entry_list(chosen, full=False, printed=False, numbered=numbered))

    def year_sections(self, papers: list[Entry]) -> Iterable[nodes.section]:
        """A section for each year, newest first, after work without a year, under a heading that says which."""
        groups: dict[str, list[Entry]] = {}
        for entry in papers:  # already in that order
            groups.setdefault(entries.status(entry) or entries.year(entry), []).append(entry)
        for heading, chosen in groups.items():
            listed = entry_list(chosen, full=True, printed="summaries" in self.options)
            yield self.section(f"year-{section_id(heading)}", f"{heading} ({count(chosen)})", listed)

    def section(self, identifier: str, heading: str, content: nodes.Element) -> nodes.section:
        section = nodes.section(ids=[identifier], names=[identifier])
        section += nodes.title("", heading)
        section += content
        self.state.document.note_explicit_target(section)
        return section


class PublicationThemes(SphinxDirective):
    """A list of the research themes, each linking to its page, with its number of papers."""

    def run(self) -> list[nodes.Node]:
        if not self.config.portfolio_themes:
            return []  # a site without themes shows no empty heading
        database.note_dependency(self.env)
        catalogue = database.catalogue(self.env)
        items = nodes.bullet_list(classes=["publication-themes"])
        for theme, (title, page) in self.config.portfolio_themes.items():
            link = addnodes.pending_xref(
                "", nodes.inline("", title), refdomain="std", reftype="doc", reftarget=f"/{page}", refexplicit=True
            )
            items += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(f": {count(catalogue.papers(theme))}")))
        return [nodes.paragraph("", "By research theme:"), items]


def undated_groups(papers: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """(heading, papers) for work without a year, in the order of :data:`entries.STATUS_HEADINGS`."""
    return [(heading, chosen) for heading in entries.STATUS_HEADINGS
            if (chosen := [entry for entry in papers if entries.status(entry) == heading])]


def section_id(heading: str) -> str:
    """A section's id from its heading: "2023", "in-press", "year-not-given"."""
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def entry_list(papers: list[Entry], full: bool, printed: bool, numbered: bool = False) -> nodes.container:
    """The formatted entries as a bullet list; on the web each opens to its summary or abstract.

    The *full* list (every paper, by year) also holds each paper's BibTeX. The e-book and the PDF
    print each summary under its entry only where the list asks for it (*printed*, the option
    ``:summaries:``), so a site prints each summary once and a short CV stays short. The container
    lets print style the lists as a whole (LaTeX sees ``sphinxuseclass``).
    """
    style = formatting_style(STYLE_NAME)
    backend = Backend()
    items = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".") if numbered else nodes.bullet_list()
    items["classes"].append("publication-list")
    for entry in papers:
        item = nodes.list_item(classes=["pub-entry"])
        item += backend.paragraph(style.format_entry("", entry))
        item.extend(details(entry, full, printed))
        items += item
    return nodes.container("", items, classes=["publications"])


def details(entry: Entry, full: bool, printed: bool) -> list[collapsible]:
    """What a list entry opens to: the summary, the abstract, and in the full list the BibTeX."""
    found = []
    if entries.summary(entry):
        found.append(collapsible(label="Summary", text=entries.summary(entry), print=printed))
    if entries.field(entry, "abstract"):
        found.append(collapsible(label="Abstract", text=plain(entry, "abstract"), print=printed and not entries.summary(entry)))
    if full:
        found.append(collapsible(label="BibTeX", text=database.standard_bibtex(entry), literal=True))
    return found


def plain(entry: Entry, field: str) -> str:
    """A field's LaTeX as the text a reader sees; al-folio's Markdown emphasis (``**oral**``) as plain words."""
    text = plain_text(rich_field(entry, field))
    return re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)


def summary(papers: list[Entry]) -> nodes.paragraph:
    """How many papers, in what order, and the equal-contribution mark when any paper carries it."""
    paragraph = nodes.paragraph("", f"{count(papers)}, newest first.", classes=["pub-summary"])
    for note in legend(papers):
        paragraph += [nodes.Text(" "), *note.children]
    return paragraph


def legend(papers: list[Entry]) -> list[nodes.paragraph]:
    if not any(entries.equal_contributors(entry) for entry in papers):
        return []
    return [nodes.paragraph("", "", nodes.superscript("", EQUAL_MARK), nodes.Text(" Equal contribution."), classes=["pub-legend"])]


def count(papers: list[Entry]) -> str:
    return f"{len(papers)} paper" if len(papers) == 1 else f"{len(papers)} papers"


WEB_BUILDERS = ("html", "dirhtml", "singlehtml")


def add_scripts(app: Sphinx) -> None:
    """The copy buttons and the search results' summaries, on the web only.

    The scripts are in the package's static folder (copied with it); added here, before any page is
    written, every page links them with their checksums.
    """
    if app.builder.name in WEB_BUILDERS:
        app.add_js_file("portfolio-copy.js", loading_method="defer")
        app.add_js_file("portfolio-search.js", loading_method="defer")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("builder-inited", add_scripts)
    app.add_node(
        collapsible,
        html=(visit_collapsible_html, None),
        epub=(visit_collapsible_epub, None),
        latex=(visit_collapsible_latex, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_directive("publication-list", PublicationList)
    app.add_directive("publication-themes", PublicationThemes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Publication lists written in place: the full list grouped by year, a theme's papers, the selected papers.

``{publication-list}`` turns the checked database into ordinary docutils nodes (sections, bullet
lists, paragraphs) while the page is read, so every builder keeps the list where the author put
it; sphinxcontrib-bibtex's citation-style bibliographies would be moved to the end of the PDF.
On the web each entry opens to its summary (and the full list's to its BibTeX); ``{publication-themes}`` links each
theme's page with its paper count.
"""

from __future__ import annotations

import functools
import itertools
import json
import posixpath
import re
import weakref
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from typing import Any, cast

from docutils import nodes
from docutils.parsers.rst import directives
from pybtex.database import Entry, Person
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective, new_document
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from ..bib import entries
from ..bib.entries import KINDS
from ..bib.pagenames import PAGE_BUILDERS
from ..compat import builder_format
from ..escape.html import element
from ..i18n import N_, _, ngettext
from ..render.nodes import skip
from ..render.style import EQUAL_MARK, STYLE_NAME, formatting_style, plain_text, rich_field
from ..render.view import entry_view, make_views
from ..text.scripts import marked
from . import database, dependencies
from .cache import MISSING, build_cache
from .dependencies import entry_digests
from .domain import portfolio_domain
from .paperlinks import titles_linked

KIND_HEADINGS = {"journal": N_("Journal articles"), "conference": N_("Conference papers"), "workshop": N_("Workshop papers"),
                 "preprint": N_("Preprints"), "thesis": N_("Theses"), "book": N_("Books and chapters"), "report": N_("Reports"),
                 "other": N_("Other publications")}


class collapsible(nodes.General, nodes.Element):
    """Text a reader opens on the web: a paper's summary, abstract or BibTeX in a <details> element.

    ``label`` names it, ``literal`` keeps its lines (BibTeX, with a copy button), ``open`` shows it
    opened, ``print`` shows the text in the e-book and the PDF, where nothing can be opened, and
    ``lang`` is the text's language (a BCP 47 tag) where it is not the page's.
    """


def visit_collapsible_html(translator: HTML5Translator, node: collapsible) -> None:
    translator.body.append(details_html(node["label"], node["text"], translator.encode, node.get("literal", False),
                                        node.get("open", False), node.get("lang", ""), node["classes"]))
    raise nodes.SkipNode


def details_html(label: str, text: str, encode: Callable[[str], str], literal: bool = False, opened: bool = False,
                 lang: str = "", classes: Iterable[str] = ()) -> str:
    """A <details> block: a paragraph (a summary, an abstract, in the language *lang* if given), or lines to copy (BibTeX)."""
    language = f' lang="{encode(lang)}"' if lang else ""
    content = f'<pre tabindex="0">{literal_lines(text, encode)}</pre>' if literal else f"<p{language}>{encode(text)}</p>"
    kind = " ".join(["pub-bibtex pub-copy" if literal else "pub-more", *map(encode, classes)])
    return f'<details class="{kind}"{" open" if opened else ""}><summary>{encode(label)}</summary>{content}</details>\n'


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


class disclosure(nodes.General, nodes.Element):
    """Nodes a reader opens on the web (``label`` names them): a paper's whole author list. Print leaves it out."""


def visit_disclosure_html(translator: HTML5Translator, node: disclosure) -> None:
    translator.body.append(translator.starttag(node, "details", "") + f"<summary>{translator.encode(node['label'])}</summary>")


def depart_disclosure_html(translator: HTML5Translator, node: disclosure) -> None:
    translator.body.append("</details>\n")


def visit_collapsible_epub(translator: HTML5Translator, node: collapsible) -> None:
    if node.get("print"):
        language = f' lang="{translator.encode(node["lang"])}"' if node.get("lang") else ""
        kind = " ".join(["pub-note", *map(translator.encode, node["classes"])])
        translator.body.append(f'<p class="{kind}"{language}>{translator.encode(node["text"])}</p>\n')
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
        "images": directives.flag,
        "brief": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        theme = self.options.get("theme")
        known = self.config.portfolio_themes
        if theme is not None and theme not in known:
            raise self.error(f"unknown theme '{theme}' (known: {', '.join(known)})")
        kind = self.options.get("kind")
        if kind is not None and kind not in KINDS:
            raise self.error(f"unknown kind '{kind}' (known: {', '.join(KINDS)})")
        catalogue = database.catalogue(self.env)
        chosen = {"theme": theme, "selected": "selected" in self.options, "kind": kind, "newest": self.options.get("newest")}
        papers = select(self.env, chosen)
        dependencies.record(self.env, "list", chosen, dependencies.listed(self.env, papers))
        if not papers:
            return [nodes.paragraph("", _("No papers yet."))]
        if "by-kind" in self.options:
            return [*legend(papers), *self.kind_sections(papers, catalogue.site)]
        if "group-by-year" not in self.options:
            listed = entry_list(self.env, papers, full=False, printed=False, numbered="numbered" in self.options,
                                images="images" in self.options, brief="brief" in self.options)
            # A paper is found by search on its own page and in the full list, not in every excerpt.
            listed["classes"].append("no-search")
            if chosen["selected"]:
                listed["classes"].append("pub-selected")
            return [*legend(papers), listed]
        portfolio_domain(self.env).full_lists[self.env.docname] = True
        return [summary(papers), *self.year_sections(papers)]

    def kind_sections(self, papers: list[Entry], site: entries.Site) -> Iterable[nodes.section]:
        """Work without a year first ("In press", "Submitted", ...), then a section for each kind of venue
        that has papers, in the order of :data:`entries.KINDS` (the CV's)."""

        def listed(chosen: list[Entry]) -> nodes.container:
            return entry_list(self.env, chosen, full=False, printed=False, numbered="numbered" in self.options,
                              brief="brief" in self.options)

        for heading, chosen in undated_groups(papers):
            yield self.section(f"kind-{section_id(heading)}", entries.heading(heading), listed(chosen))
        dated = [entry for entry in papers if not entries.status(entry)]
        for kind in KINDS:
            chosen = [entry for entry in dated if entries.venue_kind(entry, site) == kind]
            if chosen:
                yield self.section(f"kind-{kind}", _(KIND_HEADINGS[kind]), listed(chosen))

    def year_sections(self, papers: list[Entry]) -> Iterable[nodes.section]:
        """A section for each year, newest first, after work without a year, under a heading that says which."""
        groups: dict[str, list[Entry]] = {}
        for entry in papers:  # already in that order
            groups.setdefault(entries.status(entry) or entries.year(entry), []).append(entry)
        for heading, chosen in groups.items():
            listed = entry_list(self.env, chosen, full=True, printed="summaries" in self.options)
            yield self.section(f"year-{section_id(heading)}", f"{entries.heading(heading)} ({count(chosen)})", listed)

    def section(self, identifier: str, heading: str, content: nodes.Element) -> nodes.section:
        # A second list grouped the same way on the page numbers its sections: year-2023, then year-2023-2.
        taken = self.state.document.ids
        identifier = next(name for number in itertools.count(1)
                          if (name := identifier if number == 1 else f"{identifier}-{number}") not in taken)
        section = nodes.section(ids=[identifier], names=[identifier])
        section += nodes.title("", heading)
        section += content
        self.state.document.note_explicit_target(section)
        return section


@dependencies.view("list")
def listed_papers(env: BuildEnvironment, chosen: dict[str, Any]) -> list[tuple[str, str]]:
    return dependencies.listed(env, select(env, chosen))


def select(env: BuildEnvironment, chosen: dict[str, Any]) -> list[Entry]:
    """The papers a list shows: of one theme, or selected, or of one kind; the newest *n*; all by default."""
    catalogue = database.catalogue(env)
    papers = entries.chronological(catalogue.papers(theme=chosen["theme"], selected=chosen["selected"]))
    if chosen["kind"] is not None:
        papers = [entry for entry in papers if entries.venue_kind(entry, catalogue.site) == chosen["kind"]]
    return papers[: chosen["newest"]] if chosen["newest"] else papers


class PublicationThemes(SphinxDirective):
    """A list of the research themes, each linking to its page, with its number of papers."""

    def run(self) -> list[nodes.Node]:
        if not self.config.portfolio_themes:
            return []  # a site without themes shows no empty heading
        catalogue = database.catalogue(self.env)
        dependencies.record(self.env, "theme counts", None)
        items = nodes.bullet_list(classes=["publication-themes"])
        for theme, (title, page) in self.config.portfolio_themes.items():
            link = addnodes.pending_xref(
                "", nodes.inline("", title), refdomain="std", reftype="doc", reftarget=f"/{page}", refexplicit=True
            )
            items += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(f": {count(catalogue.papers(theme))}")))
        return [nodes.paragraph("", _("By research theme:")), items]


def undated_groups(papers: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """(heading, papers) for work without a year, in the order of :data:`entries.STATUS_HEADINGS`."""
    return [(heading, chosen) for heading in entries.STATUS_HEADINGS
            if (chosen := [entry for entry in papers if entries.status(entry) == heading])]


def section_id(heading: str) -> str:
    """A section's id from its heading: "2023", "in-press", "year-not-given"."""
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


@dependencies.view("theme counts")
def theme_counts(env: BuildEnvironment, arguments: None) -> dict[str, int]:
    catalogue = database.catalogue(env)
    return {theme: len(catalogue.papers(theme)) for theme in env.config.portfolio_themes}


def entry_list(env: BuildEnvironment, papers: list[Entry], full: bool, printed: bool, numbered: bool = False,
               images: bool = False, brief: bool = False) -> nodes.container:
    """The entries as a bullet list; on the web each opens to its summary or abstract.

    The *full* list (every paper, by year) also holds each paper's BibTeX. The e-book and the PDF
    print each summary under its entry only where the list asks for it (*printed*, the option
    ``:summaries:``), so a site prints each summary once and a short CV stays short. The container
    lets print style the lists as a whole (LaTeX sees ``sphinxuseclass``). Each entry is one small
    :class:`pub_entry` node, which every format writes from the formatted reference when it writes
    the page (:func:`visit_pub_entry_html`, :class:`ExpandEntries`): the transforms that run while a
    page is read have nothing of a long list to walk. With *images*, the web shows each paper's
    preview beside it (web/home.py writes those entries).
    """
    items = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".") if numbered else nodes.bullet_list()
    items["classes"].append("publication-list")
    for entry in papers:
        items += nodes.list_item("", pub_entry("", key=entry.key, full=full, printed=printed, images=images, brief=brief),
                                 classes=["pub-entry"])
    return nodes.container("", items, classes=["publications"])


def plain_entry(env: BuildEnvironment, entry: Entry) -> str:
    """The entry's reference as the search index reads it: its view's words, as the page shows them."""
    return " ".join(entry_view(env, entry).reference.astext().replace("\N{NO-BREAK SPACE}", " ").split())


class pub_entry(nodes.General, nodes.Element):
    """One paper of a list, by ``key``; ``full`` adds its BibTeX, ``printed`` prints its summary in print,
    ``brief`` shows the reference alone.

    On the web its one child is the reference as plain text, for the search index, given when the page
    is resolved (:func:`entries_in_main_process`): no transform walks it (it is in no paragraph), and
    every format writes the entry from the database instead.
    """


def details(entry: Entry, full: bool, printed: bool, brief: bool = False) -> list[collapsible]:
    """What a list entry opens to: the summary, the abstract, and in the full list the BibTeX; a *brief* list's, nothing."""
    found: list[collapsible] = []
    if brief:
        return found
    if entries.summary(entry):
        found.append(collapsible(label=_("Summary"), text=entries.summary(entry), print=printed))
    if entries.field(entry, "abstract"):
        found.append(collapsible(label=_("Abstract"), text=plain(entry, "abstract"), print=printed and not entries.summary(entry),
                                 lang=entries.language_tag(entry)))
    if full:
        found.append(collapsible(label="BibTeX", text=database.standard_bibtex(entry), literal=True))
    return found


def visit_pub_entry_html(translator: HTML5Translator, node: pub_entry) -> None:
    """The reference as HTML, and its folded summary, abstract and BibTeX (in the e-book, what print shows)."""
    builder = translator.builder
    key, pagename = node["key"], builder.current_docname
    translator.body.append(build_cache(builder.env).get(entry_name(node, pagename), entry_digests(builder.env)[key],
                                                        functools.partial(entry_html, translator, node, pagename), page=pagename))
    raise nodes.SkipNode


def entry_name(node: pub_entry, pagename: str) -> tuple[Any, ...]:
    """What a list entry's HTML is kept under (with its entry's digest): the page it is on, what it shows."""
    return ("list entry", node["key"], pagename, node["full"], node["printed"], bool(node.get("images")), bool(node.get("brief")))


def entry_html(translator: HTML5Translator, node: pub_entry, pagename: str, beside: str = "") -> str:
    """An entry of a list as the builder's own translator writes it: its view, then what it opens to.

    Its links are relative to the page's folder and nothing else: pages in one folder share it.
    *beside* is an image to show beside the entry (the web's preview of the paper, web/home.py).
    """
    builder = translator.builder
    name = (node["key"], posixpath.dirname(builder.get_target_uri(pagename)), node["full"], node["printed"], bool(node.get("brief")),
            beside)
    written = WRITTEN.setdefault(builder, {})
    if name not in written:
        text = write_entry(translator, node, pagename)
        if node["full"] and text.startswith("<p>"):  # the reference's paragraph carries what the filters narrow by
            text = element("p", filter_data(builder, database.catalogue(builder.env).entries[node["key"]])) + text[3:]
        written[name] = f'<div class="pub-with-preview">{beside}<div>\n{text}</div></div>\n' if beside else text
    return written[name]


def filter_data(builder: Any, entry: Entry) -> dict[str, str | int | None]:
    """What the full list's filters narrow by (portfolio-filter.js), as data attributes of the entry.

    The themes' titles and the kind of venue's heading, as the site words them; "first" where the
    owner is the first author or shares the first place (equal contribution with the first author).
    """
    catalogue = database.catalogue(builder.env)
    themes = builder.config.portfolio_themes
    titles = [themes[theme][0] for theme in entries.themes(entry) if theme in themes]
    return {"data-themes": json.dumps(titles), "data-kind": _(KIND_HEADINGS[entries.venue_kind(entry, catalogue.site)]),
            "data-first": "true" if first_author(formatting_style(STYLE_NAME).owner, entry) else None}


def first_author(owner: Person | None, entry: Entry) -> bool:
    """Whether *owner* (the build's, as its style holds it) is the paper's first author, or shares the first place."""
    people = entries.people(entry)
    if owner is None or not people:
        return False
    equal = entries.equal_contributors(entry)
    shared_first = [people[0], *equal] if any(entries.same_person(people[0], person) for person in equal) else [people[0]]
    return any(entries.same_person(owner, person) for person in shared_first)


#: The list entries each build has written, by entry, folder and what they show.
WRITTEN: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], str]] = weakref.WeakKeyDictionary()


def write_entry(translator: HTML5Translator, node: pub_entry, pagename: str) -> str:
    """The entry as the translator writes it: its view's own nodes, lent to the page while they are written."""
    builder = translator.builder
    searched = node.children[:]
    node[:] = expanded(builder.env, node, copy=False)
    start = len(translator.body)
    try:
        with titles_linked(builder, node, pagename) if builder.name in PAGE_BUILDERS else nullcontext():
            for child in node.children:
                child.walkabout(translator)
    finally:
        lent = node.children[:]
        node[:] = searched
        for child in lent:
            child.parent = None  # the view keeps no page it was lent to
    written = "".join(translator.body[start:])
    del translator.body[start:]
    return written


def entries_in_main_process(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give a page's list entries their text for the search index, and write them, as soon as the page is resolved.

    Both happen in the main process. With ``-j``, pages are read and written by worker processes
    that share nothing back: what they worked out would be lost to the cache (and the entries' HTML
    to the paper pages). Done here, before the writing workers start, it is kept, and the workers
    find it done. A translator of the page writes the entries with the visitor the builder has for
    them (web/home.py's, with its preview, in a list of ``:images:``), as inside any list (no
    paragraph made compact).
    """
    if builder_format(app.env) != "html":
        return
    found = list(doctree.findall(pub_entry))
    if not found:
        return
    builder = cast(StandaloneHTMLBuilder, app.builder)
    cache, digests = build_cache(app.env), entry_digests(app.env)
    papers = database.catalogue(app.env).entries
    searched = {node["key"]: cache.lookup(("plain entry", node["key"], docname), digests[node["key"]], page=docname)
                for node in found}
    missing = [node for node in found if cache.lookup(entry_name(node, docname), digests[node["key"]], page=docname) is MISSING]
    unseen = {node["key"] for node in missing} | {key for key, text in searched.items() if text is MISSING}
    make_views(app.env, [papers[key] for key in unseen])  # together: one transform for the page's entries
    for node in found:  # what the search index reads; kept between builds, so a long list is read once
        key = node["key"]
        if searched[key] is MISSING:
            searched[key] = plain_entry(app.env, papers[key])
            cache.put(("plain entry", key, docname), digests[key], searched[key], page=docname)
        node[:] = [nodes.Text(searched[key])]
    if not missing:
        return
    # A document with the settings a page is written with (the page itself still has those it was read with).
    translator = builder.create_translator(new_document(docname, builder.docsettings), builder)
    translator.compact_p = None  # what a list sets for its items
    current, builder.current_docname = builder.current_docname, docname
    try:
        for node in missing:
            node.walkabout(translator)  # the visitor keeps the entry's HTML in the cache
    finally:
        builder.current_docname = current


def expanded(env: BuildEnvironment, node: pub_entry, copy: bool = True) -> list[nodes.Element]:
    """A list entry as docutils nodes: its entry's view (a copy of it, unless *copy* is false), and what it opens to."""
    entry = database.catalogue(env).entries[node["key"]]
    reference = entry_view(env, entry).reference
    if copy:
        reference = reference.deepcopy()
    return [reference, *details(entry, node["full"], node["printed"], bool(node.get("brief")))]


class ExpandEntries(SphinxPostTransform):
    """In print and plain text, each :class:`pub_entry` becomes its reference as docutils nodes, as any text is."""

    default_priority = 100  # before the script runs of print are marked (900)

    def run(self, **kwargs: Any) -> None:
        if builder_format(self.env) == "html":
            return
        for node in list(self.document.findall(pub_entry)):
            node.replace_self(expanded(self.env, node))


def plain(entry: Entry, field: str) -> str:
    """A field's LaTeX as the text a reader sees; al-folio's Markdown emphasis (``**oral**``) as plain words.

    As in Markdown, underscores inside a word (``w_i``) are the word's own, not emphasis.
    """
    text = plain_text(rich_field(entry, field))
    text = re.sub(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return re.sub(r"(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\1(?!\w)", r"\2", text)  # never inside a word: w_i stays


def summary(papers: list[Entry]) -> nodes.paragraph:
    """How many papers, in what order, and the equal-contribution mark when any paper carries it."""
    paragraph = nodes.paragraph("", _("{count}, newest first.").format(count=count(papers)), classes=["pub-summary"])
    for note in legend(papers):
        paragraph += [nodes.Text(" "), *note.children]
    return paragraph


def legend(papers: list[Entry]) -> list[nodes.paragraph]:
    if not any(entries.equal_contributors(entry) for entry in papers):
        return []
    return [legend_paragraph()]


def legend_paragraph() -> nodes.paragraph:
    """What the equal-contribution mark means, as a list, a paper's page and a page's notes say it."""
    return nodes.paragraph("", "", *legend_text(), classes=["pub-legend"])


def legend_text() -> list[nodes.Node]:
    """What the equal-contribution mark means: "* Equal contribution.", the mark raised."""
    return [nodes.superscript("", EQUAL_MARK), nodes.Text(" " + _("Equal contribution."))]


def count(papers: list[Entry]) -> str:
    return ngettext("{count} paper", "{count} papers", len(papers)).format(count=len(papers))


WEB_BUILDERS = ("html", "dirhtml", "singlehtml")


def add_scripts(app: Sphinx) -> None:
    """The copy buttons, the search results' summaries and the web's own style rules, on the web only.

    The scripts are in the package's static folder (copied with it); added here, before any page is
    written, every page links them with their checksums. The copy buttons' words, in the site's
    language, travel with their script as a JSON attribute (Sphinx escapes it as any attribute), and
    so do the publication filters' (:func:`filter_words`).
    """
    if app.builder.name in WEB_BUILDERS:
        words = {"copy": _("Copy"), "label": _("Copy {label}"), "copied": _("Copied"), "failed": _("Select the text and copy it")}
        attributes: dict[str, Any] = {"data-words": json.dumps(words, ensure_ascii=False)}
        app.add_js_file("portfolio-copy.js", loading_method="defer", **attributes)
        app.add_js_file("portfolio-search.js", loading_method="defer")
        attributes = {"data-words": json.dumps(filter_words(app.config.portfolio_themes), ensure_ascii=False)}
        app.add_js_file("portfolio-filter.js", loading_method="defer", **attributes)
        app.add_css_file("portfolio-web.css")


#: The counts whose plural form the filters are given: a larger count takes the form of 100 plus its last two digits.
PLURAL_TABLE = 200


def plural_table(words: Callable[[int], str]) -> tuple[list[str], str]:
    """The distinct forms *words* gives a count in the build's language, and for each count from 0 to 199 the index of its form.

    Every gettext plural rule reads a count's last two digits and compares it with small numbers, so
    100 to 199 stand for every larger count.
    """
    forms = [words(number) for number in range(PLURAL_TABLE)]
    distinct = list(dict.fromkeys(forms))
    return distinct, "".join(str(distinct.index(form)) for form in forms)


def filter_words(themes: dict[str, tuple[str, str]] | None = None) -> dict[str, Any]:
    """Every word of the publication filters (portfolio-filter.js), in the build's language.

    ``{label}``, ``{count}``, ``{papers}``, ``{shown}`` and ``{total}`` are filled in by the script. A
    count of papers takes the plural form the language gives its number (:func:`plural_table`).
    The choices come in the site's order: the themes as ``portfolio_themes`` lists them (*themes*),
    the kinds as the lists' kind headings are ordered; each with the name the address of a
    filtered list gives it (``#theme=physics-of-ai&kind=journal&first=1``).
    """
    papers, paper_form = plural_table(lambda number: ngettext("{count} paper", "{count} papers", number))
    shown_of, shown_of_form = plural_table(lambda number: ngettext("{shown} of {count} paper", "{shown} of {count} papers", number))
    return {"form": _("Narrow the list of publications"), "theme": _("Theme"), "allThemes": _("All themes"),
            "kind": _("Kind"), "allKinds": _("All kinds"), "option": _("{label} ({count})"),
            "first": _("First or equal-first author ({count})"), "papers": papers, "paperForm": paper_form,
            "allShown": _("All {papers} shown."), "someShown": _("{papers} of {total} shown."),
            "shownOf": shown_of, "shownOfForm": shown_of_form, "reset": _("Show all"),
            "themes": [[key, title] for key, (title, *_rest) in (themes or {}).items()],
            "kinds": [[kind, _(KIND_HEADINGS[kind])] for kind in KINDS]}


def search_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The search page names the full list of publications, where a search that found nothing may look."""
    full_lists = portfolio_domain(app.env).full_lists
    if pagename == "search" and full_lists:
        context["portfolio_publications"] = app.builder.get_relative_uri(pagename, sorted(full_lists)[0])


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("builder-inited", add_scripts)
    app.connect("html-page-context", search_page_context)
    app.add_node(
        collapsible,
        html=(visit_collapsible_html, None),
        epub=(visit_collapsible_epub, None),
        latex=(visit_collapsible_latex, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_node(disclosure, html=(visit_disclosure_html, depart_disclosure_html), epub=(skip, None), latex=(skip, None),
                 text=(skip, None), man=(skip, None), texinfo=(skip, None))
    app.add_node(pub_entry, html=(visit_pub_entry_html, None), epub=(visit_pub_entry_html, None))
    app.add_post_transform(ExpandEntries)
    app.connect("doctree-resolved", entries_in_main_process)
    app.add_directive("publication-list", PublicationList)
    app.add_directive("publication-themes", PublicationThemes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

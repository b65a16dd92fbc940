"""What a paper's own page shows below its title, written straight to HTML.

In order: what the paper found (its summary), who wrote it, where, its links, al-folio's preview
image and award, the abstract, one line saying which pages discuss it (with the sentence that cites
it only where that sentence says something the summary does not), the paper as a plain-text
reference and as BibTeX, each with a copy button, and the way back to its year in the full list.
The markup is the one docutils would write for the same content, so the style sheets and the page's
tests see no difference; there is no docutils tree to build and render for each of two thousand
papers.
"""

from __future__ import annotations

import re
from typing import Any

from pybtex.database import Entry
from pybtex.richtext import Text
from sphinx.util.osutil import relative_uri

from ..bib import entries
from ..i18n import _
from ..render.htmlbackend import Backend, encode
from ..render.style import STYLE_NAME, formatting_style, plain_text
from ..sphinx_ext import database
from ..sphinx_ext.domain import portfolio_domain
from ..sphinx_ext.lists import EQUAL_MARK, details_html, plain, section_id

#: Words that carry no content of their own, left out when a sentence is compared with a summary.
FUNCTION_WORDS = frozenset("""a an and are as at be been but by can could did do does for from had has have how in into is it
its it's more most no not of on one or so such than that the their them then there these they this those to two was we were
what when where which while who whom why will with would""".split())


def paper_html(builder: Any, pagename: str, entry: Entry, citing: list[tuple[str, list[str]]], backend: Backend) -> str:
    """The page's body: a container of paragraphs, sections and folded blocks, as docutils writes them."""
    style = formatting_style(STYLE_NAME)
    parts = []
    if entries.summary(entry):
        parts.append(paragraph(encode(entries.summary(entry)), "pub-lead"))
    parts.extend(authors(style, entry, backend))
    if entries.equal_contributors(entry):
        parts.append(paragraph(f"<sup>{EQUAL_MARK}</sup> " + encode(_("Equal contribution.")), "pub-legend"))
    venue = Text(" ").join([part for part in (style.format_venue(entry), style.format_badge(entry)) if part])
    parts.append(paragraph(venue.render(backend), "pub-venue"))
    parts.append(paragraph(style.format_links(entry).render(backend), "pub-links"))
    parts.extend(preview(builder, pagename, entry))
    if entries.field(entry, "award"):
        parts.append(paragraph(encode(plain(entry, "award")), "pub-award"))
    if entries.field(entry, "abstract"):
        parts.append(section(_("Abstract"), f"<p>{encode(plain(entry, 'abstract'))}</p>\n"))
    parts.extend(discussion(builder, pagename, entry, citing))
    parts.append(section(_("Cite this paper"),
                         details_html(_("Plain text"), plain_reference(entry), encode, literal=True, opened=True),
                         details_html("BibTeX", database.standard_bibtex(entry), encode, literal=True, opened=True)))
    for docname in portfolio_domain(builder.env).full_lists:
        uri = builder.get_relative_uri(pagename, docname) + f"#year-{section_id(entries.status(entry) or entries.year(entry))}"
        group = (_("All publications of {year}").format(year=entries.year(entry)) if not entries.status(entry)
                 else _("All publications {status}").format(status=entries.heading(entries.status(entry)).lower()))
        parts.append(paragraph(link(uri, f"\N{LEFTWARDS ARROW} {group}"), "pub-back"))
    return f'<div class="docutils container">\n{"".join(parts)}</div>\n'


def authors(style: Any, entry: Entry, backend: Backend) -> list[str]:
    """The authors as lists show them; past the list's limit, every one of them a click away."""
    shown = paragraph(style.format_authors(entry, style.max_authors).add_period().render(backend), "pub-authors")
    count = len(entries.people(entry))
    if count <= style.max_authors:
        return [shown]
    label = encode(_("All {count} authors").format(count=count))
    every = style.format_authors(entry).add_period().render(backend)
    return [shown, f'<details class="pub-more pub-all-authors"><summary>{label}</summary><p>{every}</p></details>\n']


def paragraph(html: str, role: str) -> str:
    return f'<p class="{role}">{html}</p>\n'


def section(title: str, *html: str) -> str:
    return f'<div class="pub-section docutils container">\n<p class="rubric">{encode(title)}</p>\n{"".join(html)}</div>\n'


def link(uri: str, text: str) -> str:
    return f'<a class="reference internal" href="{encode(uri)}">{encode(text)}</a>'


def discussion(builder: Any, pagename: str, entry: Entry, citing: list[tuple[str, list[str]]]) -> list[str]:
    """One line, "Discussed in" the pages that cite the paper (else its themes' pages), and what they add.

    A sentence that cites the paper is quoted only where it says something the summary, the title
    and the author list do not: the page does not say the same thing twice.
    """
    titles = builder.env.titles
    themes = [page for _, page in (builder.config.portfolio_themes.get(theme, ("", "")) for theme in entries.themes(entry))
              if page in titles]
    pages = [docname for docname, _ in citing] or themes
    if not pages:
        return []
    links = ", ".join(link(builder.get_relative_uri(pagename, docname), titles[docname].astext() if docname in titles else docname)
                      for docname in pages)
    before, _place, after = _("Discussed in {}").partition("{}")
    found = [paragraph(f"{encode(before)}{links}{encode(after)}", "pub-discussed")]
    for _docname, sentences in citing:
        found += [f'<blockquote class="pub-context">\n<div><p>{encode(sentence)}</p>\n</div></blockquote>\n'
                  for sentence in sentences if adds_to(sentence, entry)]
    return found


def content_words(text: str) -> set[str]:
    """The words of *text* that carry content, lower case, roughly stemmed (a trailing s dropped)."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.lower())
    return {word.removesuffix("s") for word in words if len(word) > 2 and word not in FUNCTION_WORDS}


def adds_to(sentence: str, entry: Entry) -> bool:
    """Whether *sentence* says enough the page does not already say (at least five words, and two fifths of it)."""
    known = content_words(" ".join([entries.summary(entry), entries.field(entry, "title"),
                                    *(entries.full_name(person) for person in entries.people(entry))]))
    words = content_words(sentence)
    new = words - known
    return len(new) >= 5 and len(new) >= 0.4 * len(words)


def preview(builder: Any, pagename: str, entry: Entry) -> list[str]:
    """al-folio's preview image, when its file is in the static folder."""
    site = database.catalogue(builder.env).site
    found = entries.static_file("preview", entries.field(entry, "preview"), site) if entries.field(entry, "preview") else None
    if found is None:
        return []
    source = relative_uri(builder.get_target_uri(pagename), f"_static/{found}")
    return [f'<img class="pub-preview" src="{encode(source)}" alt="" loading="lazy">']


def plain_reference(entry: Entry) -> str:
    """The paper as a plain-text reference in the site's style: title, every author, venue."""
    style = formatting_style(STYLE_NAME)
    return style.once(("plain reference", entry.key), lambda: _plain_reference(style, entry))


def _plain_reference(style: Any, entry: Entry) -> str:
    # Each part is rendered on its own (plain text has no markup to merge across them): no rich text of the whole.
    title, authors, venue = (plain_text(part) for part in (style.format_title(entry), style.format_authors(entry),
                                                           style.format_venue(entry)))
    return " ".join(f"{title} {authors}. {venue}".split())

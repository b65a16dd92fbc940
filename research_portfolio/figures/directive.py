"""Figures drawn from the publication database at build time: papers per year, co-authors, timeline.

``{publication-figure}`` takes ``per-year``, ``coauthors`` or ``timeline``. While a page is read, the
directive computes the figure's data from the checked database (so the page is re-read whenever the
.bib changes) and keeps it in a node with a text alternative. When a builder writes the page, the node
is drawn the way that format wants it, as sphinx.ext.graphviz does: inline SVG on the web, its text
and axes in ``currentColor`` so it follows furo's light and dark themes; PNG in the e-book; vector
PDF in LaTeX. Drawings are kept in the build's cache (cache.py) under a digest of their data and of
the fonts found: a figure is redrawn when its data changes, or when anything the cache is keyed on does.
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from pybtex.database import Entry, Person
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from ..bib import entries
from ..escape import xml
from ..i18n import _, ngettext
from ..render.names import person_name
from ..render.nodes import skip
from ..sphinx_ext import database, dependencies
from ..sphinx_ext.cache import Cache, build_cache, digest
from ..sphinx_ext.lists import collapsible
from ..text.scripts import marked

OTHER = ""  # the row of papers with no theme
DOT_SPACING = 0.16  # years between the dots of one year and theme on the timeline
INK = "#010101"  # drawn text and axes; the web replaces it with currentColor
PRINT_INK = "#1a1a1a"
FONTS = ["DejaVu Sans"]
#: Names and titles are drawn as text: a ``$`` in one never starts matplotlib's math (mathtext).
RENDER_SETTINGS = {"font.family": FONTS, "font.size": 12, "text.parse_math": False,
                   "svg.fonttype": "none", "svg.hashsalt": "portfolio", "pdf.fonttype": 42}
#: The PDF's figures are set in the document's own sans serif (portfolio.sty's), where matplotlib finds it.
#: Its OpenType outlines go in as Type 3 fonts: embedded as CID fonts, poppler reads them with a complaint.
PRINT_FONT = "FreeSans"
#: The font matplotlib falls back on for Chinese, Japanese and Korean names (fonts-noto-cjk, as for the PDF).
EAST_ASIAN_FONT = "Noto Sans CJK JP"

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class data_figure(nodes.General, nodes.Element):
    """A figure to draw: its kind, its data, a one-line alt text, its data in words, a caption."""


def per_year(papers: list[Entry], config: Any, site: entries.Site) -> dict[str, Any]:
    """Papers of each year by kind of venue; work without a year (in press, submitted, ...) is left out, and said so."""
    counts: dict[str, Counter[str]] = {}
    for entry in papers:
        if not entries.status(entry):
            counts.setdefault(entries.year(entry), Counter())[entries.venue_kind(entry, site)] += 1
    if counts:  # every year from the first to the last: a year without papers is a bar of zero, not a gap
        years = [int(year) for year in counts if entries.YEAR.match(year)]
        for year in range(min(years, default=0), max(years, default=-1) + 1):
            counts.setdefault(str(year), Counter())
    kinds = [kind for kind in entries.KINDS if any(kind in by_kind for by_kind in counts.values())]
    words = "; ".join(
        f"{year}: {sum(by_kind.values())}" + (f" ({', '.join(counted(by_kind[kind], _(kind)) for kind in kinds if by_kind[kind])})"
                                              if by_kind else "")
        for year, by_kind in sorted(counts.items())
    )
    undated = Counter(entries.status(entry) for entry in papers if entries.status(entry))
    states = ", ".join(counted(undated[state], entries.heading(state).lower()) for state in entries.STATUS_HEADINGS if undated[state])
    left_out = " " + _("Not shown: {count} without a year ({states}).").format(count=undated.total(), states=states) if undated else ""
    if not counts:
        return {"nothing": _("No paper has a year yet, so there is nothing to draw.") + left_out}
    return {
        "data": {"counts": {year: dict(by_kind) for year, by_kind in counts.items()}, "kinds": kinds},
        "alt": _("Bar chart of papers per year, each bar divided by the kind of venue."),
        "desc": _("Papers per year: {counts}.").format(counts=words) + left_out,
    }


def counted(count: int, kind: str) -> str:
    """"3 journal", "2 in press": how many papers of a kind, in the figures' descriptions."""
    return _("{count} {kind}").format(count=count, kind=kind)


def papers_count(count: int) -> str:
    return ngettext("{count} paper", "{count} papers", count).format(count=count)


def coauthors(papers: list[Entry], config: Any, site: entries.Site) -> dict[str, Any] | None:
    owner = entries.owner(config.portfolio_person) or Person("")
    theme_keys = list(config.portfolio_themes)
    shared: dict[tuple[str, str], list[Entry]] = {}
    names: dict[tuple[str, str], str] = {}
    for entry in papers:
        for person in entries.people(entry):
            if not entries.same_person(person, owner) and not entries.is_others(person) and not entries.is_group(person):
                key = entries.name_key(person)
                names.setdefault(key, person_name(person))
                shared.setdefault(key, []).append(entry)
    people: list[tuple[str, int, int]] = []
    for key, joint in shared.items():
        themes = Counter(theme for entry in joint for theme in entries.themes(entry)).most_common()
        several = not themes or (len(themes) > 1 and themes[0][1] == themes[1][1])  # no theme of their own
        people.append((names[key], len(joint), -1 if several else theme_keys.index(themes[0][0])))
    if not people:
        return None  # the owner wrote every paper alone: no bars to draw
    people.sort(key=lambda person: (-person[1], person[0]))
    titles = [title for title, _ in config.portfolio_themes.values()]
    # Each one's theme in words too, for a reader who cannot tell the colours of the bars apart.
    words = [(_("several themes") if theme < 0 else titles[theme]) if titles else "" for _name, _count, theme in people]
    frequent = [f"{name} ({papers_count(count)}{', ' if about else ''}{about})"
                for (name, count, _theme), about in zip(people, words) if count > 1]
    single = sum(1 for _name, count, _theme in people if count == 1)
    parts = [_("Most frequent co-authors: {names}").format(names=", ".join(frequent))] if frequent else []
    if single:
        alone = ngettext("{count} co-author with one paper each", "{count} co-authors with one paper each", single).format(count=single)
        parts.append(_("and {rest}").format(rest=alone) if frequent else alone)
    summary = _("{text}.").format(text="; ".join(parts) or _("No co-authors"))
    return {
        "data": {"coauthors": people, "themes": titles},
        "alt": _("Bar chart of {name}'s most frequent co-authors by papers shared, colored by research theme.").format(
            name=config.portfolio_person.get("name") or _("the owner")),
        "desc": summary,
        "text": summary,
    }


def timeline(papers: list[Entry], config: Any, site: entries.Site) -> dict[str, Any] | None:
    if not config.portfolio_positions:
        return None  # a timeline of positions with none on it: drawn once conf.py lists them
    theme_keys = list(config.portfolio_themes)
    titles = [title for title, _ in config.portfolio_themes.values()]
    if any(not entries.themes(entry) for entry in papers):  # papers of no theme get a row of their own
        theme_keys.append(OTHER)
        titles.append(_("other") if titles else _("papers"))
    positions = [[item["name"], _fractional(item["start"]), _fractional(item["end"]) if item.get("end") else None]
                 for item in config.portfolio_positions]
    groups: dict[tuple[str, str], int] = Counter((entries.year(entry), theme) for entry in papers if not entries.status(entry)
                                                 for theme in entries.themes(entry) or [OTHER])
    # Only the year is known: a year's papers of one theme sit side by side around the middle of it.
    dots = [[int(year) + 0.5 + (number - (count - 1) / 2) * min(DOT_SPACING, 0.8 / count), theme_keys.index(theme)]
            for (year, theme), count in sorted(groups.items()) for number in range(count)]
    if not groups and not positions:
        return {"nothing": "No paper has a year yet and no position is listed, so there is nothing to draw."}
    last = max([int(year) + 1 for year, _ in groups] + [end for _, _, end in positions if end] + [start for _, start, _ in positions])
    spans = "; ".join(_("{name}, {start} to {end}").format(name=item["name"], start=item["start"], end=item.get("end") or _("now"))
                      for item in config.portfolio_positions)
    return {
        "data": {"positions": positions, "papers": dots, "end": last, "themes": titles},
        "alt": _("Timeline of positions, with the papers of each research theme by year below them."),
        "desc": _("Positions: {positions}. Each dot below is a paper, in the row of its theme and the column of its year.").format(
            positions=spans),
    }


FIGURES = {"per-year": per_year, "coauthors": coauthors, "timeline": timeline}


def _fractional(month: str) -> float:
    year, _, number = str(month).partition("-")
    return int(year) + (int(number or 1) - 1) / 12


class PublicationFigure(SphinxDirective):
    """Draw one figure from the publication database: per-year, coauthors or timeline."""

    required_arguments = 1
    option_spec = {"caption": lambda text: text or ""}

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in FIGURES:
            raise self.error(f"unknown figure '{kind}' (known: {', '.join(FIGURES)})")
        made = figure_data(self.env, kind)
        dependencies.record(self.env, "figure", kind, made)
        if made is None:
            return []  # nothing to draw: no figure, and no words standing in for one
        if "nothing" in made:  # papers, but none with a year: the page says so
            return [nodes.paragraph("", made["nothing"])]
        figure = data_figure(kind=kind, data=made["data"], alt=made["alt"], desc=made["desc"],
                             caption=self.options.get("caption", ""), ids=[f"figure-{kind}"])
        # The chart in words: a click away on the web, where the chart shows the same; printed where nothing opens.
        text = [collapsible(label=_("The chart in words"), text=made["text"], print=True, classes=["figure-text"])
                ] if "text" in made else []
        return [figure, *text]


@dependencies.view("figure")
def figure_data(env: Any, kind: str) -> dict[str, Any] | None:
    """A figure's data, alternative text and description, from the checked database; None when it has nothing to draw.

    A figure of papers none of which has a year gives ``{"nothing": what the page says instead}``.
    """
    catalogue = database.catalogue(env)
    papers = catalogue.papers()
    return FIGURES[kind](papers, env.config, catalogue.site) if papers else None


def drawing(builder: Builder, node: data_figure, fmt: str) -> Drawn:
    """The drawing of *node* in *fmt* (svg, png or pdf), from the cache when its data has not changed."""
    ink = INK if fmt == "svg" else PRINT_INK
    return cached(build_cache(builder.env), node["kind"], {"data": node["data"]}, fmt, lambda: draw(node["kind"], node["data"], ink))


class Drawn:
    """A drawing's bytes, and the file name it takes in the output (its kind and a digest of its inputs)."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data


def cached(cache: Cache, stem: str, inputs: dict[str, Any], fmt: str, make: Callable[[], Any]) -> Drawn:
    """A drawing kept in *cache* (the build's) under a digest of its inputs and of the fonts it is drawn with.

    *make* returns a matplotlib Figure; it runs, and matplotlib is imported, only when the drawing
    is not in the cache yet.
    """
    inputs_digest = digest([inputs, fmt, font_file(EAST_ASIAN_FONT), font_file(f"{EAST_ASIAN_FONT}:bold")])

    def draw_it() -> bytes:
        import matplotlib

        with matplotlib.rc_context(render_settings(fmt)):  # type: ignore[arg-type]  # matplotlib types keys as literals
            metadata = {"svg": {"Date": None, "Creator": None}, "pdf": {"CreationDate": None, "Creator": None},
                        "png": {"Software": None}}[fmt]
            drawn = io.BytesIO()
            make().savefig(drawn, format=fmt, transparent=fmt == "svg", metadata=metadata, dpi=200,
                           bbox_inches=None if stem in ("social", "cover") else "tight", pad_inches=0.05)
        return drawn.getvalue()

    data = cache.get(("drawing", stem, fmt), inputs_digest, draw_it)
    return Drawn(f"{stem}-{inputs_digest[:16]}.{fmt}", data)


def render_settings(fmt: str) -> dict[str, Any]:
    """The settings a drawing in *fmt* is made with: in a PDF, the document's own font first."""
    settings = web_render_settings()
    if fmt == "pdf" and has_print_font():
        return {**settings, "font.family": [PRINT_FONT, *settings["font.family"]], "pdf.fonttype": 3}
    return settings


@functools.cache
def has_print_font() -> bool:
    from matplotlib import font_manager

    try:
        font_manager.findfont(font_manager.FontProperties(family=PRINT_FONT), fallback_to_default=False)
    except ValueError:
        return False
    return True


@functools.cache
def web_render_settings() -> dict[str, Any]:
    """RENDER_SETTINGS, with the East Asian font as fallback where fontconfig finds it.

    matplotlib does not index .ttc files, in which Noto CJK comes, so the files are registered here,
    the regular weight and the bold one (the card's name and the bars' counts are bold); without them
    a name in Chinese, Japanese or Korean would be drawn as empty boxes, and without the bold one
    matplotlib would warn on every drawing that it used the regular weight instead.
    """
    regular = font_file(EAST_ASIAN_FONT)
    if not regular:
        return RENDER_SETTINGS
    from matplotlib import font_manager

    for found in dict.fromkeys([regular, font_file(f"{EAST_ASIAN_FONT}:bold") or regular]):
        font_manager.fontManager.addfont(found)
    return {**RENDER_SETTINGS, "font.family": [*FONTS, EAST_ASIAN_FONT]}


@functools.cache
def font_file(pattern: str) -> str:
    """The Noto CJK file fontconfig gives for *pattern*; empty without fontconfig or when it has none."""
    found = shutil.which("fc-match") and subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True).stdout
    return found if found and "CJK" in Path(found).name else ""


def draw(kind: str, data: dict[str, Any], ink: str) -> Figure:
    from . import charts  # imports matplotlib: only when something is drawn

    if kind == "per-year":
        return charts.papers_per_year(data["counts"], data["kinds"], ink)
    if kind == "coauthors":
        people = [charts.Coauthor(name, count, theme) for name, count, theme in data["coauthors"]]
        return charts.coauthor_bars(people, data["themes"], ink)
    positions = [charts.Position(*position) for position in data["positions"]]
    return charts.timeline(positions, [tuple(dot) for dot in data["papers"]], data["themes"], data["end"], ink)


def inline_svg(svg: str, node: data_figure) -> str:
    """The SVG as markup for an HTML page: titled, described, ink in currentColor, ids made unique."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>|<defs>\s*<style.*?</style>\s*</defs>", "", svg, flags=re.DOTALL)
    prefix = f"{node['kind']}-"
    svg = re.sub(r'id="', f'id="{prefix}', svg)
    svg = re.sub(r'(href="#|url\(#)', rf"\g<1>{prefix}", svg)
    svg = svg.replace(INK, "currentColor").replace("'DejaVu Sans'", "'DejaVu Sans', Helvetica, Arial, sans-serif")
    title, desc = f"{prefix}title", f"{prefix}desc"
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r"<svg \1", svg, count=1)
    opening_end = svg.index(">") + 1
    return (
        svg[: opening_end - 1]
        + f' role="img" aria-labelledby="{title} {desc}">'
        + f'<title id="{title}">{xml.text(node["alt"])}</title><desc id="{desc}">{xml.text(node["desc"])}</desc>'
        + svg[opening_end:]
    )


def drawing_format(builder: Builder) -> str | None:
    """What a builder's writer draws a figure as (its visitor below): PNG in the e-book, SVG on the web, PDF in print."""
    return "png" if builder.name == "epub" else {"html": "svg", "latex": "pdf"}.get(builder.format)


def draw_in_main_process(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Draw a page's figures as soon as the page is resolved, in the main process.

    With ``-j``, pages are written by worker processes that share nothing back: a drawing made there
    would be lost to the cache and made again by the next build. Drawn here, before the workers
    start, it is kept, and the page's writer finds it done.
    """
    fmt = drawing_format(app.builder)
    if fmt is not None:
        for node in doctree.findall(data_figure):
            drawing(app.builder, node, fmt)


def visit_html(translator: HTML5Translator, node: data_figure) -> None:
    svg = inline_svg(drawing(translator.builder, node, "svg").data.decode("utf-8"), node)
    translator.body.append(f'<figure class="portfolio-figure" id="figure-{node["kind"]}">{svg}{_caption(translator, node)}</figure>\n')
    raise nodes.SkipNode


def visit_epub(translator: HTML5Translator, node: data_figure) -> None:
    image = _copy_into(translator.builder, drawing(translator.builder, node, "png"), translator.builder.imagedir)
    source = f"{translator.builder.imgpath}/{image}"
    translator.body.append(
        f'<figure class="portfolio-figure" id="figure-{node["kind"]}">'
        f'<img src="{source}" alt="{xml.attribute(node["alt"])}"/>{_caption(translator, node)}</figure>\n'
    )
    raise nodes.SkipNode


def visit_latex(translator: LaTeXTranslator, node: data_figure) -> None:
    image = _copy_into(translator.builder, drawing(translator.builder, node, "pdf"), "")
    # A caption without "Fig. N": no sentence refers to a figure by its number.
    caption = rf"\par\smallskip{{\small {marked(node['caption'], translator.encode)}}}\par" if node["caption"] else ""
    translator.body.append(  # [H]: where the directive stands, never floated into the middle of a list
        "\n\\begin{figure}[H]\n\\centering\n"
        f"\\sphinxincludegraphics[scale=0.85]{{{{{Path(image).stem}}}.pdf}}\n"  # text near the body's size
        f"{caption}\n\\end{{figure}}\n"
    )
    raise nodes.SkipNode


def _caption(translator: HTML5Translator | LaTeXTranslator, node: data_figure) -> str:
    return f"<figcaption>{translator.encode(node['caption'])}</figcaption>" if node["caption"] else ""


def _copy_into(builder: Builder, drawn: Drawn, folder: str) -> str:
    target = Path(builder.outdir) / folder / drawn.name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(drawn.data)
    return drawn.name


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("doctree-resolved", draw_in_main_process)
    app.add_node(data_figure, html=(visit_html, None), epub=(visit_epub, None), latex=(visit_latex, None),
                 text=(skip, None), man=(skip, None), texinfo=(skip, None))
    app.add_directive("publication-figure", PublicationFigure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

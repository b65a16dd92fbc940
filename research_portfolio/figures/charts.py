"""Drawing the three figures with matplotlib: plain data in, a matplotlib Figure out.

Nothing here knows about Sphinx or BibTeX; the few words drawn come from the engine's catalogue
(:mod:`research_portfolio.i18n`), in the build's language. Every colour but one is fixed and chosen to read on a
light and on a dark page, for colour-blind readers too (see PALETTE); the one exception,
``ink``, draws text and axes, and the web version replaces it with ``currentColor``. Layouts are
computed, never random, so the same data always gives the same drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..i18n import _, ngettext

#: One colour per research theme (and per kind of venue), in order. Chosen so that any two, the
#: position colour and the grey differ by a CIEDE2000 distance of at least 12 for every reader,
#: the three colour-blind simulations included, and each stands apart from a light and a dark page
#: (tests/engine/test_chart_colours.py measures it). No grey among them: grey means one thing.
PALETTE = ["#EE3377", "#33BBEE", "#117733", "#FFC20A", "#999933", "#009988", "#AA4499", "#0077BB"]
#: The one grey, the co-authors of a single paper (counted together, not named): the ink, faint. On a
#: light page it is a light grey (#BABABA over white), on a dark page a dark one (#464647 under furo's
#: dark ink), so it never meets the several-themes bars, drawn in the ink itself, on either.
SINGLE_OPACITY = 0.27
MOST_NAMED = 10  # co-authors with a bar of their own; more would make a long chart (the text beside it names them all)
#: Figures are drawn narrow with large text, so a phone shrinks them little: 12-point text on a
#: 4.4-inch figure is about 14 CSS pixels (the body's small text) on a 412-pixel-wide screen.
WIDTH = 4.4
POSITION_COLOUR = "#332288"  # a colour of the positions' own; white text on it has a contrast of 12:1
GAP = 0.03  # years left blank at each end of a position's bar
MOST_YEAR_LABELS = 14  # year labels under the per-year bars, turned 45°, that fit the figure's width
MOST_TOTALS = 16  # totals above the per-year bars that fit side by side


@dataclass(frozen=True)
class Coauthor:
    name: str
    papers: int
    theme: int  # index into the theme titles


@dataclass(frozen=True)
class Position:
    name: str
    start: float  # fractional years, 2016.67 for September 2016
    end: float | None  # None while it lasts


def papers_per_year(counts: dict[str, dict[str, int]], kinds: list[str], ink: str) -> Figure:
    """Stacked bars: for each year, how many papers of each kind of venue."""
    years = sorted(counts)
    figure = Figure(figsize=(WIDTH, 3.2), layout="constrained")
    axes = figure.add_subplot()
    bottoms = [0] * len(years)
    places = range(len(years))
    for number, kind in enumerate(kinds):
        heights = [counts[year].get(kind, 0) for year in years]
        axes.bar(places, heights, bottom=bottoms, color=PALETTE[number], label=capitalized(_(kind)), width=0.62)
        bottoms = [bottom + height for bottom, height in zip(bottoms, heights)]
    if len(years) <= MOST_TOTALS:  # past it the numbers would run into each other; the axis and the description say them
        for position, total in enumerate(bottoms):
            axes.text(position, total + 0.2, str(total), ha="center", va="bottom", color=ink)
    # A long career: every second (third, ...) year named, counted back from the latest, so the labels never touch.
    step = -(-len(years) // MOST_YEAR_LABELS)
    axes.set_xticks(places, [year if (len(years) - 1 - position) % step == 0 else "" for position, year in enumerate(years)])
    axes.set_ylabel(_("papers"), color=ink)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # papers come whole
    axes.set_ylim(0, max(bottoms) * 1.15 + 0.5)
    axes.tick_params(axis="x", labelrotation=45 if len(years) > 6 else 0)
    figure.legend(frameon=False, labelcolor=ink, ncols=min(len(kinds), 2), loc="outside upper left")
    _style_axes(axes, ink)
    return figure


def coauthor_bars(coauthors: list[Coauthor], themes: list[str], ink: str) -> Figure:
    """Ranked bars: the most frequent co-authors, most papers on top, each named beside its bar and
    coloured by the research theme of most of the papers shared (a theme index of -1: several).

    Everyone else is one grey bar at the bottom, counted, not named: the co-authors of a single paper
    show the breadth of the work without one many-author paper filling the chart.
    """
    ranked = sorted(coauthors, key=lambda person: (-person.papers, person.name))
    named = [person for person in ranked if person.papers > 1][:MOST_NAMED]
    rest = ranked[len(named):]
    names = [person.name for person in named]
    counts = [person.papers for person in named]
    colours: list[str | tuple[float, float, float, float]] = [_theme_colour(person.theme, ink) for person in named]
    notes = [str(count) for count in counts]
    if rest:
        fewest, most = rest[-1].papers, rest[0].papers
        names.append(ngettext("{count} other", "{count} others", len(rest)).format(count=len(rest)))
        counts.append(most)
        colours.append(to_rgba(ink, SINGLE_OPACITY))
        each = str(most) if fewest == most else f"{fewest}\N{EN DASH}{most}"
        notes.append(_("{count} each").format(count=each) if len(rest) > 1 else each)
    shown = sorted({person.theme for person in named}, key=lambda theme: (theme < 0, theme)) if themes else []
    figure = Figure(figsize=(WIDTH, 0.6 + 0.3 * len(names) + 0.26 * len(shown)), layout="constrained")
    axes = figure.add_subplot()
    rows = range(len(names))
    axes.barh(rows, counts, color=colours, height=0.68)
    for row, (count, note) in enumerate(zip(counts, notes)):
        axes.annotate(note, (count, row), xytext=(4, 0), textcoords="offset points", va="center_baseline", color=ink)
    axes.set_yticks(rows, names)
    axes.set_ylim(max(len(names), 1) - 0.5, -0.5)  # the most frequent on top
    axes.set_xlim(0, max(counts, default=1) * 1.12)
    axes.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    axes.spines["left"].set_color(ink)
    axes.tick_params(axis="y", length=0, colors=ink)
    axes.set_facecolor("none")
    if shown:
        handles = [Patch(color=_theme_colour(theme, ink)) for theme in shown]
        labels = [capitalized(_("several themes")) if theme < 0 else themes[theme] for theme in shown]
        figure.legend(handles, labels, loc="outside upper left", ncols=1, frameon=False, labelcolor=ink,
                      handlelength=1, handleheight=1)
    return figure


def capitalized(label: str) -> str:
    """A legend's label as the themes' titles beside it are written: "Several themes", "Journal"."""
    return label[:1].upper() + label[1:]


def timeline(positions: list[Position], papers: list[tuple[float, int]], themes: list[str], end: float, ink: str) -> Figure:
    """Positions as bars on top; below them, a row per theme with a dot per paper in its year."""
    start = math.floor(min([position.start for position in positions] + [when for when, _ in papers], default=end - 1))
    rows = len(themes)
    figure = Figure(figsize=(WIDTH, 1.5 + 0.5 * rows), layout="constrained")
    axes = figure.add_subplot()
    for position in positions:
        finish = position.end if position.end is not None else end
        name = position.name if position.end is not None else f"{position.name} \N{RIGHTWARDS ARROW}"
        # A gap, not a white edge, between positions that meet: a white edge would frame the bars on a dark page.
        axes.barh(rows + 0.4, finish - position.start - 2 * GAP, left=position.start + GAP, height=0.7, color=POSITION_COLOUR,
                  linewidth=0)
        inside = finish - position.start >= 1.2  # a short position gets its name above its bar
        axes.text((position.start + finish) / 2, rows + (0.4 if inside else 0.95), name, ha="center",
                  va="center" if inside else "bottom", color="white" if inside else ink)
    if papers:
        axes.scatter([when for when, _ in papers], [rows - 1 - theme for _, theme in papers], s=30, zorder=2,
                     c=[PALETTE[theme % len(PALETTE)] for _, theme in papers], linewidths=0)
    for number, theme in enumerate(themes):  # each row's name above its dots, so long names need no margin
        axes.text(start + 0.05, rows - 1 - number + 0.22, theme, ha="left", va="bottom", color=ink)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    axes.set_xlim(start, end)
    axes.set_ylim(-0.7, rows + 1.6)
    years = range(start, math.ceil(end) + 1)
    axes.set_xticks(years, [str(year) if (year - start) % (2 if len(years) > 7 else 1) == 0 else "" for year in years])
    axes.grid(axis="x", color=ink, alpha=0.15)
    _style_axes(axes, ink)
    axes.spines["left"].set_visible(False)
    return figure



def _theme_colour(theme: int, ink: str) -> str:
    return ink if theme < 0 else PALETTE[theme % len(PALETTE)]


def _style_axes(axes: Axes, ink: str) -> None:
    axes.set_facecolor("none")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(ink)
    axes.tick_params(colors=ink)

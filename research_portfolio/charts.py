"""Drawing the three figures with matplotlib: plain data in, a matplotlib Figure out.

Nothing here knows about Sphinx or BibTeX. Every colour but one is fixed and chosen to read on a
light and on a dark page (the Okabe-Ito palette, safe for colour-blind readers); the one exception,
``ink``, draws text and axes, and the web version replaces it with ``currentColor``. Layouts are
computed, never random, so the same data always gives the same drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

PALETTE = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#0072B2", "#F0E442", "#999999"]
SINGLE_COLOUR = "#999999"  # co-authors of one paper
MOST_NAMED = 6  # co-authors named in the network; more would collide on a phone (the text beside it names them all)
#: Figures are drawn narrow with large text, so a phone shrinks them little: 12-point text on a
#: 4.4-inch figure is about 14 CSS pixels (the body's small text) on a 412-pixel-wide screen.
WIDTH = 4.4
POSITION_COLOUR = "#0072B2"  # white text on it has a contrast of 5.3:1


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
        axes.bar(places, heights, bottom=bottoms, color=PALETTE[number], label=kind, width=0.62)
        bottoms = [bottom + height for bottom, height in zip(bottoms, heights)]
    for position, total in enumerate(bottoms):
        axes.text(position, total + 0.2, str(total), ha="center", va="bottom", color=ink)
    axes.set_xticks(places, years)
    axes.set_ylabel("papers", color=ink)
    axes.set_ylim(0, max(bottoms) * 1.15 + 0.5)
    axes.tick_params(axis="x", labelrotation=45 if len(years) > 6 else 0)
    figure.legend(frameon=False, labelcolor=ink, ncols=min(len(kinds), 2), loc="outside upper left")
    _style_axes(axes, ink)
    return figure


def coauthor_network(owner: str, coauthors: list[Coauthor], themes: list[str], ink: str) -> Figure:
    """The owner at the centre; co-authors on rings, closer and larger the more papers they share.

    Co-authors of one paper form a plain grey outer ring: they show the breadth of the work without
    letting one many-author paper colour the picture. A theme index of -1 means "several themes".
    The most frequent co-authors are named; lines and dots are drawn in a few batched calls, so a
    lab-sized bibliography draws as fast as a small one.
    """
    figure = Figure(figsize=(WIDTH, WIDTH * 1.3))
    axes = figure.add_axes((0, 0.3, 1, 0.7))
    axes.set_aspect("equal")
    axes.set_axis_off()
    rings: dict[float, list[Coauthor]] = {}
    for person in sorted(coauthors, key=lambda person: (-person.papers, person.theme, person.name)):
        rings.setdefault(_ring_radius(person.papers), []).append(person)
    most = max((person.papers for person in coauthors), default=1)
    spokes, widths, colours, dots, dot_colours, sizes = [], [], [], [], [], []
    named = 0
    for radius, people in rings.items():
        for number, person in enumerate(people):
            angle = math.pi / 2 + 2 * math.pi * (number + (0 if len(people) == 1 else 0.25)) / len(people)
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            single = person.papers == 1
            colour = SINGLE_COLOUR if single else ink if person.theme < 0 else PALETTE[person.theme % len(PALETTE)]
            if not single:  # co-authors of one paper: a dot on the outer ring, no line to cross a name
                spokes.append([(0, 0), (x, y)])
                widths.append(0.6 + 3.4 * person.papers / most)
                colours.append(colour)
            dots.append((x, y))
            dot_colours.append(colour)
            sizes.append(10 if single else 30 + 80 * person.papers / most)
            if not single and named < MOST_NAMED:
                named += 1
                # The name continues the spoke outwards, so no line runs through it.
                axes.annotate(f"{person.name} ({person.papers})", (x, y), xytext=(6 * math.cos(angle), 6 * math.sin(angle)),
                              textcoords="offset points", ha="left" if math.cos(angle) >= -0.01 else "right",
                              va="bottom" if math.sin(angle) > 0.3 else "top" if math.sin(angle) < -0.3 else "center",
                              color=ink)
    faded = [to_rgba(colour, 0.35 if colour == SINGLE_COLOUR else 0.75) for colour in colours]
    axes.add_collection(LineCollection(spokes, linewidths=widths, colors=faded, zorder=1))
    if dots:
        xs, ys = zip(*dots)
        axes.scatter(xs, ys, s=sizes, c=dot_colours, zorder=2, linewidths=0)
    axes.scatter([0], [0], s=300, color=ink, zorder=3, linewidths=0)
    axes.annotate(owner, (0, 0), xytext=(0, -12), textcoords="offset points", ha="center", va="top", color=ink,
                  fontweight="bold")
    axes.set_xlim(-1.75, 1.75)
    axes.set_ylim(-1.1, 1.1)
    shown = sorted({person.theme for person in coauthors if person.papers > 1}) if themes else []
    handles = [Line2D([], [], linestyle="", marker="o", color=ink if theme < 0 else PALETTE[theme % len(PALETTE)])
               for theme in shown]
    labels = ["several themes" if theme < 0 else themes[theme] for theme in shown]
    if any(person.papers == 1 for person in coauthors):
        handles.append(Line2D([], [], linestyle="", marker="o", markersize=4, color=SINGLE_COLOUR))
        labels.append("one shared paper")
    figure.legend(handles, labels, loc="lower left", ncols=1, frameon=False, labelcolor=ink)
    return figure


def timeline(positions: list[Position], papers: list[tuple[float, int]], themes: list[str], end: float, ink: str) -> Figure:
    """Positions as bars on top; below them, a row per theme with a dot per paper in its year."""
    start = math.floor(min([position.start for position in positions] + [when for when, _ in papers], default=end - 1))
    rows = len(themes)
    figure = Figure(figsize=(WIDTH, 1.5 + 0.5 * rows), layout="constrained")
    axes = figure.add_subplot()
    for position in positions:
        finish = position.end if position.end is not None else end
        name = position.name if position.end is not None else f"{position.name} \N{RIGHTWARDS ARROW}"
        axes.barh(rows + 0.4, finish - position.start, left=position.start, height=0.7, color=POSITION_COLOUR,
                  edgecolor="white", linewidth=1)
        inside = finish - position.start >= 1.2  # a short position gets its name above its bar
        axes.text((position.start + finish) / 2, rows + (0.4 if inside else 0.95), name, ha="center",
                  va="center" if inside else "bottom", color="white" if inside else ink, fontweight="bold")
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



def _ring_radius(papers: int) -> float:
    return {1: 1.0, 2: 0.74}.get(papers, 0.5 if papers < 5 else 0.26)


def _style_axes(axes: Axes, ink: str) -> None:
    axes.set_facecolor("none")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(ink)
    axes.tick_params(colors=ink)

"""Every figure reads on a phone: measured in Chromium at 412 pixels, no label covers another, none is cut
off at the drawing's edge, and no legend is taller than the plot it explains.

The built pages are opened from disk in headless Chromium (Debian's, driven by playwright) in light and
dark; the boxes are the browser's own, so they hold for the fonts and the scaling a reader gets.
"""

from __future__ import annotations

from itertools import combinations

import pytest

FIGURES = {"per-year": "publications", "coauthors": "research/index", "timeline": "experience"}
PHONE = {"width": 412, "height": 915}
SLACK = 0.5  # pixels: boxes that merely touch, as rounding leaves them, do not count
#: Each text element of a figure's SVG with its box, and the boxes of the drawing, its plot and its legends.
MEASURE = """figure => {
  const box = element => { const {left, top, right, bottom} = element.getBoundingClientRect(); return {left, top, right, bottom}; };
  const svg = figure.querySelector("svg");
  return {
    svg: box(svg),
    texts: [...svg.querySelectorAll("text")].filter(text => text.textContent.trim())
      .map(text => ({text: text.textContent.trim(), ...box(text)})),
    plots: [...svg.querySelectorAll("g[id$='-axes_1']")].map(box),
    legends: [...svg.querySelectorAll("g[id*='-legend_']")].map(box),
  };
}"""


def overlap(one: dict, other: dict) -> float:
    """How far two boxes run into each other, in pixels along the shorter direction (0 if they do not)."""
    across = min(one["right"], other["right"]) - max(one["left"], other["left"])
    down = min(one["bottom"], other["bottom"]) - max(one["top"], other["top"])
    return max(0.0, min(across, down))


def outside(inner: dict, outer: dict) -> float:
    """How far a box sticks out of another, in pixels."""
    return max(0.0, outer["left"] - inner["left"], inner["right"] - outer["right"], outer["top"] - inner["top"],
               inner["bottom"] - outer["bottom"])


@pytest.fixture(scope="module", params=["light", "dark"])
def phone(chromium, request):
    context = chromium.new_context(viewport=PHONE, color_scheme=request.param)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module", params=list(FIGURES))
def figure(phone, html, request) -> tuple[str, dict]:
    """A figure's name and the boxes of its parts, as the phone lays them out."""
    kind = request.param
    phone.goto((html / f"{FIGURES[kind]}.html").as_uri())
    boxes = phone.locator(f"figure#figure-{kind}").evaluate(MEASURE)
    assert boxes["texts"], f"no text in the {kind} figure"
    return kind, boxes


def test_no_label_covers_another(figure):
    kind, boxes = figure
    covered = [f"{one['text']!r} and {other['text']!r} by {overlap(one, other):.1f} px"
               for one, other in combinations(boxes["texts"], 2) if overlap(one, other) > SLACK]
    assert not covered, f"labels of the {kind} figure over one another at 412 px: " + "; ".join(covered)


def test_no_label_leaves_the_drawing(figure):
    kind, boxes = figure
    cut = [f"{text['text']!r} by {outside(text, boxes['svg']):.1f} px" for text in boxes["texts"] if outside(text, boxes["svg"]) > SLACK]
    assert not cut, f"labels cut at the edge of the {kind} figure: " + "; ".join(cut)


def test_legend_is_no_taller_than_the_plot(figure):
    kind, boxes = figure
    (plot,) = boxes["plots"]
    for legend in boxes["legends"]:
        assert legend["bottom"] - legend["top"] <= plot["bottom"] - plot["top"], f"the {kind} figure's legend is taller than its plot"

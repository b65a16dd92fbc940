"""The figures' colours, as readers see them: every pair told apart, for colour-blind readers too.

The distance is CIEDE2000 (Sharma, Wu and Dalal's formulation) between sRGB colours in CIELAB (D65).
Colour blindness is simulated with Machado, Oliveira and Fernandes's matrices (2009) at full
severity, applied in linear RGB. A distance of 12 keeps two dots of the timeline apart at the size
they are drawn; 15 keeps a colour apart from the page, light (#ffffff) or furo's dark (#131416).
"""

from __future__ import annotations

import itertools
import math

import pytest

from research_portfolio.figures.charts import PALETTE, POSITION_COLOUR, SINGLE_OPACITY
from research_portfolio.figures.directive import INK

THEMES = 6  # Ziming's site has six themes; a seventh and eighth colour exist for more kinds of venue
PAGES = {"light": "#ffffff", "dark": "#131416"}
#: What ink becomes on each page (currentColor, furo's text colour): drawn text and the bars of co-authors in several themes.
INKS = {"light": INK, "dark": "#cfd0d0"}
SIMULATIONS = {
    "normal vision": None,
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
APART = 12
FROM_THE_PAGE = 15


def linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def encoded(channel: float) -> float:
    channel = min(max(channel, 0.0), 1.0)
    return 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def faint(page: str) -> str:
    """The single-paper bar as a reader sees it on *page*: the page's ink at SINGLE_OPACITY over the page."""
    def channel(colour: str, at: int) -> int:
        return int(colour[at:at + 2], 16)

    return "#" + "".join(f"{round(SINGLE_OPACITY * channel(INKS[page], at) + (1 - SINGLE_OPACITY) * channel(PAGES[page], at)):02x}"
                         for at in (1, 3, 5))


def rgb(colour: str) -> tuple[float, float, float]:
    red, green, blue = (int(colour.lstrip("#")[index:index + 2], 16) / 255 for index in (0, 2, 4))
    return red, green, blue


def seen(colour: str, simulation: str) -> tuple[float, float, float]:
    matrix = SIMULATIONS[simulation]
    if matrix is None:
        return rgb(colour)
    channels = [linear(channel) for channel in rgb(colour)]
    red, green, blue = (encoded(sum(row[index] * channels[index] for index in range(3))) for row in matrix)
    return red, green, blue


def lab(colour: tuple[float, float, float]) -> tuple[float, float, float]:
    red, green, blue = (linear(channel) for channel in colour)
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(value: float) -> float:
        return value ** (1 / 3) if value > 216 / 24389 else (24389 / 27 * value + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    (l1, a1, b1), (l2, a2, b2) = one, other
    mean_chroma = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(mean_chroma**7 / (mean_chroma**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = (math.degrees(math.atan2(b, a)) % 360 if (a or b) else 0.0 for a, b in ((a1, b1), (a2, b2)))
    delta_h = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    delta_l, delta_c = l2 - l1, c2 - c1
    delta_big_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(delta_h / 2))
    mean_l, mean_c = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        mean_h = h1 + h2
    elif abs(h1 - h2) <= 180:
        mean_h = (h1 + h2) / 2
    else:
        mean_h = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(mean_h - 30)) + 0.24 * math.cos(math.radians(2 * mean_h))
         + 0.32 * math.cos(math.radians(3 * mean_h + 6)) - 0.20 * math.cos(math.radians(4 * mean_h - 63)))
    rotation = 30 * math.exp(-(((mean_h - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(mean_c**7 / (mean_c**7 + 25**7))
    s_l = 1 + 0.015 * (mean_l - 50) ** 2 / math.sqrt(20 + (mean_l - 50) ** 2)
    s_c, s_h = 1 + 0.045 * mean_c, 1 + 0.015 * mean_c * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    return math.sqrt((delta_l / s_l) ** 2 + (delta_c / s_c) ** 2 + (delta_big_h / s_h) ** 2
                     + r_t * (delta_c / s_c) * (delta_big_h / s_h))


def distance(one: str, other: str, simulation: str) -> float:
    return ciede2000(lab(seen(one, simulation)), lab(seen(other, simulation)))


def test_the_distance_is_ciede2000():
    """Sharma, Wu and Dalal's test pairs (2005), Lab in, the published distance out."""
    assert ciede2000((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50.0, 2.5, 0.0), (73.0, 25.0, -18.0)) == pytest.approx(27.1492, abs=1e-4)
    assert ciede2000((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387)) == pytest.approx(1.2644, abs=1e-4)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("simulation", SIMULATIONS)
def test_every_two_colours_of_a_figure_are_told_apart(page, simulation):
    """The themes, the positions' colour and the one grey (as each page shows it), pair by pair."""
    colours = {**{f"theme {number + 1}": colour for number, colour in enumerate(PALETTE[:THEMES])},
               "positions": POSITION_COLOUR, "single-paper co-authors": faint(page)}
    close = [(one, other, round(distance(colours[one], colours[other], simulation), 1))
             for one, other in itertools.combinations(colours, 2)
             if distance(colours[one], colours[other], simulation) < APART]
    assert close == []


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("simulation", SIMULATIONS)
def test_every_colour_stands_apart_from_the_page_and_the_ink(page, simulation):
    colours = [*PALETTE[:THEMES], POSITION_COLOUR, faint(page)]
    assert [colour for colour in colours if distance(colour, PAGES[page], simulation) < FROM_THE_PAGE] == []
    assert distance(faint(page), INKS[page], simulation) >= APART  # the grey is not the several-themes bars' ink


def test_one_grey_with_one_meaning_and_positions_in_their_own_colour():
    def chroma(colour: str) -> float:
        _, a, b = lab(rgb(colour))
        return math.hypot(a, b)

    assert [colour for colour in PALETTE if chroma(colour) < 10] == []
    assert all(chroma(faint(page)) < 1 for page in PAGES)
    assert POSITION_COLOUR not in PALETTE


def test_white_names_on_the_positions_bars_are_legible():
    def luminance(colour: str) -> float:
        red, green, blue = (linear(channel) for channel in rgb(colour))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    assert 1.05 / (luminance(POSITION_COLOUR) + 0.05) >= 4.5

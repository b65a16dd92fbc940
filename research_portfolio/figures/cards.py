"""The person's card: the e-book's cover and the picture link previews show, drawn from the settings.

Not a figure of the publication database: it shows the name, the role and the affiliation from
``portfolio_person``, drawn once and taken from the build's cache while they do not change.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx

from ..i18n import _
from ..sphinx_ext.cache import build_cache, write_atomically
from .directive import cached

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CARD_COLOUR = "#165ea3"  # the site's brand colour


def card(title: str, subtitle: str, lines: list[str], width: int, height: int) -> Figure:
    """A plain card in the site's colour: the e-book's cover and the picture shown with shared links."""
    from matplotlib.figure import Figure  # matplotlib loads only when a card is drawn

    figure = Figure(figsize=(width / 200, height / 200), dpi=200, facecolor=CARD_COLOUR)
    scale = min(width, 1.5 * height) / 1600  # 1 for a 1600 x 2400 cover; text stays large on a wide card
    figure.text(0.5, 0.62, title, ha="center", va="center", color="white", fontsize=40 * scale, fontweight="bold")
    figure.text(0.5, 0.52, subtitle, ha="center", va="center", color="white", fontsize=22 * scale)
    line_height = 15 * scale * 1.7 / 72 / (height / 200)  # as a fraction of the card's height
    for number, line in enumerate(lines):
        figure.text(0.5, 0.32 - line_height * number, line, ha="center", va="center", color="white", fontsize=15 * scale)
    return figure


def card_words(app: Sphinx) -> dict[str, Any]:
    """What the card says: the name, "Research portfolio", and the role and affiliation of ``portfolio_person``."""
    person = app.config.portfolio_person
    return {"title": app.config.author, "subtitle": _("Research portfolio"),
            "lines": [line for line in (person.get("role"), person.get("affiliation")) if line]}


def described(words: dict[str, Any]) -> str:
    """The card's words as one text alternative: "Ada Lovelace, Research portfolio, Analyst, University of London"."""
    return ", ".join([words["title"], words["subtitle"], *words["lines"]])


def place_card(app: Sphinx, stem: str, size: tuple[int, int], target: str) -> None:
    """Put the person's card (the e-book's cover, the picture of link previews) at *target* in the output.

    It is drawn from the settings, and taken from the cache while they do not change.
    """
    text = card_words(app)

    def make() -> Figure:
        return card(text["title"], text["subtitle"], text["lines"], *size)

    drawn = cached(build_cache(app.env), stem, {**text, "size": size}, "png", make)
    write_atomically(Path(app.outdir) / target, drawn.data)

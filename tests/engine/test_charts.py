"""The drawings themselves: what a reader can read on them, whatever the data."""

from __future__ import annotations

import pytest

from research_portfolio.figures.charts import papers_per_year


def labels(years: int) -> tuple[list[str], list[str], list[str]]:
    """The year labels, the totals above the bars and the y axis's labels of a per-year chart of *years* years."""
    counts = {str(1996 + number): {"journal": number % 3, "conference": number % 2} for number in range(years)}
    figure = papers_per_year(counts, ["journal", "conference"], "#010101")
    axes = figure.axes[0]
    figure.canvas.draw()
    return ([label.get_text() for label in axes.get_xticklabels() if label.get_text()],
            [text.get_text() for text in axes.texts], [label.get_text() for label in axes.get_yticklabels()])


def test_a_few_years_are_each_named_and_counted():
    years, totals, axis = labels(12)
    assert years == [str(year) for year in range(1996, 2008)] and len(totals) == 12
    assert all("." not in label for label in axis)  # whole papers


@pytest.mark.parametrize("count", [15, 28, 45])
def test_a_long_career_names_years_that_never_touch_and_always_the_latest(count):
    years, totals, _axis = labels(count)
    assert len(years) <= 14 and years[-1] == str(1996 + count - 1)
    assert totals == [] if count > 16 else len(totals) == count

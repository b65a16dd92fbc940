"""The search page shows one search box in the page, on a phone, under every theme the engine is tested with.

furo and sphinx_rtd_theme keep theirs in the sidebar, behind the menu on a phone: the engine's templates add
one under the page's heading. alabaster (Sphinx's own page) and pydata_sphinx_theme / sphinx_book_theme
show one in the page already, and get none more. Each page is built in a process of its own, as a site
builds, and read in headless Chromium at a phone's width.
"""

from __future__ import annotations

import pytest
from helpers import build_with_theme

THEMES = ["furo", "alabaster", "sphinx_rtd_theme", "pydata_sphinx_theme", "sphinx_book_theme"]
PHONE = {"width": 412, "height": 900}
#: Each search box of the page: its query, whether a reader sees it on the screen without opening a menu
#: (drawn, inside the window), its height, its name (from aria-label, aria-labelledby or a label), and
#: whether it comes before the results.
SEARCH_BOXES = """() => {
  const results = document.getElementById("search-results");
  const named = (input) => input.getAttribute("aria-label")
    || (input.getAttribute("aria-labelledby") || "").split(" ").map((id) => document.getElementById(id)?.textContent || "").join(" ").trim()
    || [...input.labels].map((label) => label.textContent).join(" ").trim();
  return [...document.querySelectorAll("input[name=q]")].map((input) => {
    const box = input.getBoundingClientRect();
    const seen = input.checkVisibility({ visibilityProperty: true }) && box.height > 0 && box.left >= 0 && box.right <= innerWidth;
    return { query: input.value, seen, height: box.height, name: named(input),
             before: Boolean(results.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_PRECEDING) };
  });
}"""


@pytest.mark.parametrize("theme", THEMES)
def test_the_search_page_shows_one_named_search_box_filled_with_the_query_on_a_phone(rootdir, tmp_path, chromium, theme):
    outdir = build_with_theme(rootdir / "test-pages", tmp_path, theme)
    tab = chromium.new_page(viewport=PHONE)
    try:
        tab.goto((outdir / "search.html").as_uri() + "?q=engine")
        tab.wait_for_function("() => [...document.querySelectorAll('input[name=q]')].every((input) => input.value)")
        seen = [box for box in tab.evaluate(SEARCH_BOXES) if box["seen"]]
        assert len(seen) == 1, (theme, tab.evaluate(SEARCH_BOXES))
        assert seen[0]["query"] == "engine" and seen[0]["name"].startswith("Search") and seen[0]["before"], (theme, seen)
        ids = tab.evaluate("[...document.querySelectorAll('[id]')].map((element) => element.id)")
        assert len(ids) == len(set(ids)), theme
        assert tab.locator("h1").count() >= 1, theme  # the page names itself
        if theme in ("furo", "sphinx_rtd_theme"):  # the engine's box: a tap target of 44 px
            assert seen[0]["height"] >= 44, (theme, seen)
    finally:
        tab.close()

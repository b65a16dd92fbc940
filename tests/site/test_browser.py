"""The built site in a real browser: every page, light and dark, meets WCAG 2.1 A and AA as axe-core
checks it, loads nothing from another host, and loads without a failed request or a console error.

One headless Chromium (Debian's, driven by playwright) visits each page once per colour scheme over a
local HTTP server; the tests read the record of that visit. axe-core comes from npm:
``npm ci --prefix tests/browser``. The search page is checked too: the search box leads to it.
The server mounts the site at the path of its canonical URL and answers a missing page with
404.html, as Read the Docs does.
"""

from __future__ import annotations

import io
import json
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import PROJECT, missing
from reading import source_pages

AXE = PROJECT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ["light", "dark"]
# A tall window: no text crosses its edge, where axe cannot tell the colour behind it.
VIEWPORT = {"width": 1280, "height": 6000}
AXE_RUN = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(result => result.violations.map(({id, impact, help, nodes}) =>
    ({id, impact, help, nodes: nodes.map(({target, html}) => ({target, html}))})))"""


def paper_keys() -> list[str]:
    """The keys of publications.bib, each of which has a page in papers/."""
    text = (PROJECT / "publications.bib").read_text(encoding="utf-8")
    return re.findall(r"^@(?!comment|string|preamble)\w+\s*\{\s*([^,\s]+)", text, re.MULTILINE | re.IGNORECASE)


PAGES = sorted([*source_pages(), *(f"papers/{key}" for key in paper_keys()), "search"])


@dataclass
class Visit:
    """What one page did in one colour scheme."""

    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)
    background: str = ""


class ReadTheDocsLikeHandler(SimpleHTTPRequestHandler):
    """Serves the site under the path of its canonical URL, and 404.html for what does not exist."""

    prefix = "/"

    def send_head(self):  # type: ignore[no-untyped-def]
        path = urlsplit(self.path).path
        local = Path(self.translate_path(self.path)) if path.startswith(self.prefix) else None
        if local is None or not (local.is_file() or (local / "index.html").is_file()):
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + urlsplit(path).path.removeprefix(self.prefix))

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path, prefix: str):
    """Serve a folder on 127.0.0.1 at a free port under *prefix*; yield its base URL."""
    handler = type("Handler", (ReadTheDocsLikeHandler,), {"prefix": prefix})
    with ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=folder)) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
        server.shutdown()


def is_foreign(url: str) -> bool:
    """Whether a request leaves this machine's server (data: and blob: URLs never do)."""
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob", "about") and parts.hostname != "127.0.0.1"


class Browser:
    """One Chromium tab per colour scheme; each page is visited once per scheme, on first demand."""

    def __init__(self, chromium, base: str) -> None:
        self.chromium, self.base = chromium, base
        self.tabs: dict = {}
        self.visits: dict[tuple[str, str], Visit] = {}
        self.current = Visit()

    def tab(self, scheme: str):
        """The tab for a scheme, with axe-core loaded into every page and a record of what the page does."""
        if scheme not in self.tabs:
            context = self.chromium.new_context(color_scheme=scheme, viewport=VIEWPORT)
            context.add_init_script(path=AXE)
            context.route(is_foreign, lambda route: route.abort("blockedbyclient"))  # record, never send
            tab = context.new_page()
            tab.on("request", lambda request: self.current.requests.append(request.url))
            tab.on("requestfailed", lambda request: self.current.failures.append(f"{request.failure} {request.url}"))
            tab.on("response", self.on_response)
            tab.on("console", self.on_console)
            tab.on("pageerror", lambda error: self.current.errors.append(f"uncaught: {error}"))
            self.tabs[scheme] = tab
        return self.tabs[scheme]

    def on_response(self, response) -> None:
        if response.status >= 400:
            self.current.failures.append(f"{response.status} {response.url}")

    def on_console(self, message) -> None:
        if message.type == "error":
            self.current.errors.append(f"{message.text} ({message.location.get('url')})")

    def visit(self, page: str, scheme: str) -> Visit:
        """Load a page (a docname) in a scheme once, open its folded parts, run axe-core, keep the record."""
        if (page, scheme) not in self.visits:
            tab, self.current = self.tab(scheme), Visit()
            tab.goto(self.base + page + ".html")
            tab.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")  # BibTeX
            self.current.violations = tab.evaluate(AXE_RUN, WCAG)
            self.current.background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
            self.visits[page, scheme] = self.current
        return self.visits[page, scheme]


@pytest.fixture(scope="module")
def browser(html: Path, chromium):
    if not AXE.is_file():
        missing(f"missing {AXE.relative_to(PROJECT)}; run: npm ci --prefix tests/browser")
    with serve(html, urlsplit(canonical_base(html)).path) as base:
        yield Browser(chromium, base)


def canonical_base(html: Path) -> str:
    """The site's canonical URL (html_baseurl), read from the home page: the server mounts the site at its path."""
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (html / "index.html").read_text(encoding="utf-8"))
    return canonical[1].removesuffix("index.html")


def describe(violations: list[dict]) -> str:
    """Each violated rule with its impact and its first few elements."""
    lines = []
    for rule in violations:
        lines.append(f"{rule['id']} ({rule['impact']}, {len(rule['nodes'])} elements): {rule['help']}")
        lines += [f"    {' '.join(map(str, node['target']))}: {node['html'][:200]}" for node in rule["nodes"][:3]]
    return "\n".join(lines)


def test_every_built_page_is_checked(html):
    assert sorted(str(path.relative_to(html).with_suffix("")) for path in html.rglob("*.html")) == PAGES


def test_dark_scheme_turns_the_page_dark(browser):
    assert browser.visit("index", "light").background != browser.visit("index", "dark").background


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", PAGES)
def test_page_meets_wcag_21_aa(browser, page, scheme):
    if violations := browser.visit(page, scheme).violations:
        pytest.fail(f"axe-core, {page}.html in {scheme}:\n{describe(violations)}", pytrace=False)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", PAGES)
def test_page_loads_only_from_the_site(browser, page, scheme):
    if foreign := [url for url in browser.visit(page, scheme).requests if is_foreign(url)]:
        pytest.fail("\n".join([f"{page}.html in {scheme} asks other hosts for:", *foreign]), pytrace=False)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", PAGES)
def test_page_loads_without_errors(browser, page, scheme):
    visit = browser.visit(page, scheme)
    if visit.failures or visit.errors:
        pytest.fail("\n".join([f"{page}.html in {scheme}", "failed requests:", *visit.failures,
                                "console errors:", *visit.errors]), pytrace=False)


def test_page_not_found_works_at_any_depth(browser):
    """A missing page deep in the tree gets 404.html with its styles and working links, as on Read the Docs."""
    tab = browser.tab("light")
    browser.current = Visit()
    response = tab.goto(browser.base + "some/deeper/path/that/does/not/exist.html")
    assert response.status == 404
    assert tab.locator("h1").inner_text().startswith("Page not found")
    missing = "does/not/exist.html"  # the page itself is the one 404 expected
    assert [failure for failure in browser.current.failures if missing not in failure] == []
    assert [error for error in browser.current.errors if missing not in error] == []
    assert tab.evaluate("getComputedStyle(document.querySelector('.sidebar-drawer')).display") != "inline"  # furo's CSS
    home = tab.locator("article a", has_text="home page").get_attribute("href")
    assert tab.evaluate("href => new URL(href, document.baseURI).href", home) == browser.base + "index.html"


def test_page_not_found_is_styled_on_a_host_serving_the_site_from_its_root(browser, html):
    """Elsewhere than Read the Docs the 404 page still gets its styles and working links.

    (Chromium may first guess the stylesheets' addresses from the canonical path; the page then
    loads them from the root, which is what a reader sees.)
    """
    with serve(html, "/") as base:
        context = browser.chromium.new_context()
        tab = context.new_page()
        assert tab.goto(base + "a/missing/page.html").status == 404
        assert tab.evaluate("getComputedStyle(document.querySelector('.sidebar-drawer')).display") != "inline"
        home = tab.locator("article a", has_text="home page").get_attribute("href")
        assert tab.evaluate("href => new URL(href, document.baseURI).href", home) == base + "index.html"
        context.close()


def test_skip_link_is_the_first_stop_and_leads_to_the_content(browser):
    tab = browser.tab("light")
    tab.goto(browser.base + "publications.html")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == "#furo-main-content"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_focus_is_visible_on_links_and_bibtex_records(browser, scheme):
    tab = browser.tab(scheme)
    tab.goto(browser.base + "publications.html")
    for selector in ("article li.pub-entry .pub-title a", "article details.pub-bibtex > summary"):
        tab.focus(selector)
        outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none"), selector


def test_copy_button_copies_the_bibtex_by_keyboard_alone(browser):
    """Tab to a paper page's Copy button and press Enter: the BibTeX is on the clipboard."""
    context = browser.chromium.new_context(viewport={"width": 412, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(browser.base + "papers/liu2022grokking.html")
    for _ in range(80):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.getAttribute('aria-label')") == "Copy BibTeX":
            break
    else:
        pytest.fail("no Copy BibTeX button in the tab order")
    tab.keyboard.press("Enter")
    tab.wait_for_function("[...document.querySelectorAll('.pub-copy-status')].some(s => s.textContent === 'Copied')")
    copied = tab.evaluate("navigator.clipboard.readText()")
    bibtex = tab.evaluate("[...document.querySelectorAll('details.pub-copy pre')].at(-1).innerText")
    assert copied == bibtex and copied.startswith("@inproceedings{liu2022grokking,\n  author = {Liu, Ziming and ")
    assert copied.rstrip().endswith("\n}") and copied.count("\n") >= 6  # one field a line, as in a .bib file
    context.close()


def test_paper_page_works_without_javascript(browser):
    context = browser.chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(browser.base + "papers/liu2022symmetries.html")
    assert tab.locator("p.pub-lead").is_visible()
    assert tab.locator("details.pub-copy pre").last.is_visible()  # open without a script
    assert tab.locator("button.pub-copy-button").count() == 0
    assert tab.locator("p.pub-discussed a").first.is_visible()
    context.close()


#: A reader's query with the words of a title, and the paper whose page must come first.
TITLE_QUERIES = {
    "omnigrok": "liu2023omnigrok",
    "clock pizza": "zhong2023clock",
    "poisson flow generative models": "xu2022poisson",
    "machine learning hidden symmetries": "liu2022symmetries",
    "restart sampling": "xu2023restart",
    "lottery ticket ensembling": "liu2023lottery",
}


def search(browser, query: str) -> list[tuple[str, str, str]]:
    """(href, title, snippet) of each result of Sphinx's search page for *query*, in rank order."""
    tab = browser.tab("light")
    tab.goto(browser.base + f"search.html?q={query.replace(' ', '+')}")
    tab.wait_for_function("""() => / match/.test(document.querySelector('#search-results .search-summary')?.textContent || '')
        && [...document.querySelectorAll('#search-results ul.search li')].every(item => item.querySelector('p.context'))""",
                          timeout=20000)
    return tab.evaluate("""[...document.querySelectorAll('#search-results ul.search li')].map(item =>
        [item.querySelector('a').getAttribute('href'), item.querySelector('a').textContent,
         (item.querySelector('p.context') || {}).textContent || ''])""")


@pytest.mark.parametrize(("query", "key"), TITLE_QUERIES.items())
def test_a_title_query_finds_the_papers_page_first_with_its_summary(browser, html, query, key):
    from reading import bib_entries, soup

    results = search(browser, query)
    href, title, snippet = results[0]
    assert href.endswith(f"papers/{key}.html"), [result[0] for result in results]
    page = soup(html / "papers" / f"{key}.html")
    heading = page.find("h1")
    for permalink in heading.select("a.headerlink"):  # the heading's own link, as on every page
        permalink.decompose()
    assert title == heading.get_text().strip()
    assert snippet == page.select_one('meta[name="description"]')["content"]
    assert snippet == " ".join(bib_entries()[key].fields["summary"].split())


def test_no_search_snippet_shows_bibtex_or_starts_mid_word(browser, html):
    from reading import soup

    for query in ("grokking", "entropy", "tegmark"):
        for href, _, snippet in search(browser, query):
            assert "@article{" not in snippet and " = {" not in snippet, (query, href)
            first = snippet.removeprefix("\u2026").split(" ", 1)[0]
            article = soup(html / href.split("#")[0]).select_one("article")
            for block in article.select("p, li, dt, dd, h1, h2, h3, h4, h5, h6, th, td, caption, figcaption, blockquote"):
                block.append(" ")  # blocks apart, as a reader sees them; inline text as it runs
            text = " ".join(article.get_text().split())
            assert re.search(rf"(?:^|\s){re.escape(first)}", text), (query, href, snippet[:80])  # a whole word, not a tail


def test_search_page_has_one_heading_and_snippets_show_the_words_found(browser):
    results = search(browser, "tegmark")
    assert len(results) > 10
    tab = browser.tab("light")
    assert tab.evaluate("document.querySelectorAll('main h1, main h2, article h1, article h2').length") == 1
    assert tab.evaluate("document.querySelector('#search-results .search-summary').textContent") == f"{len(results)} pages match."
    for href, _, snippet in results:
        assert "tegmark" in snippet.lower(), (href, snippet)


def test_search_snippets_set_a_heading_apart_from_its_text(browser, html):
    from reading import soup

    for query in ("deep neural networks", "beijing"):
        for href, _, snippet in search(browser, query):
            for heading in soup(html / href.split("#")[0]).select("article h1, article h2, article h3, article dt"):
                text = heading.get_text(" ", strip=True).removesuffix("#").strip()
                assert not re.search(rf"{re.escape(text)}[^\W\d_]", snippet), (query, href, text, snippet)


def test_a_search_that_finds_nothing_points_to_the_publications(browser):
    tab = browser.tab("light")
    tab.goto(browser.base + "search.html?q=zzqqxx")
    tab.wait_for_function("() => / match/.test(document.querySelector('#search-results .search-summary')?.textContent || '')",
                          timeout=20000)
    status = tab.evaluate("document.querySelector('#search-results .search-summary').textContent")
    assert status.startswith("No page matches") and "categories" not in status
    assert tab.evaluate("document.querySelector('#search-results .search-summary a').getAttribute('href')") == "publications.html"


def test_lists_that_repeat_papers_are_left_out_of_the_search_index(html):
    text = (html / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    def pages(table: str) -> set[str]:
        found = index[table]["quantiz"]  # a selected paper that no prose of the home page names
        return {index["docnames"][number] for number in ([found] if isinstance(found, int) else found)}

    assert "index" not in pages("terms") and "research/index" not in pages("terms")  # the selected papers, shown again there
    assert "cv" not in pages("terms")  # the CV's lists too
    assert "publications" in pages("terms") and "papers/michaud2023quantization" in pages("titleterms")


#: The characters of a page's text set below 12 CSS pixels, as Lighthouse's "legible font sizes" counts them.
SMALL_TEXT = """() => { let small = 0, all = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim(), element = walker.currentNode.parentElement;
    if (!text || element.closest('svg, script, style, noscript')) continue;
    all += text.length;
    if (parseFloat(getComputedStyle(element).fontSize) < 12) small += text.length;
  }
  return [small, all]; }"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.chromium.new_context(viewport={"width": 412, "height": 915})
    yield context.new_page()
    context.close()


#: Every page but the paper pages, which share one template, and one of those.
TEMPLATES = [page for page in PAGES if not page.startswith("papers/")] + ["papers/liu2023omnigrok"]


@pytest.mark.parametrize("page", TEMPLATES)
def test_text_is_legible_on_a_phone(browser, phone, page):
    """Lighthouse fails a page where 40 % of the text is under 12 px; the folded BibTeX once made 46 %."""
    phone.goto(browser.base + page + ".html")
    phone.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
    small, total = phone.evaluate(SMALL_TEXT)
    assert small <= 0.05 * total, f"{page}.html: {small} of {total} characters under 12 px at 412 px wide"


def test_the_photo_is_a_circle_and_no_paper_figure_fills_a_phone_screen(browser, phone, html):
    phone.goto(browser.base + "index.html")
    box = "document.querySelector('img.portfolio-photo').getBoundingClientRect()"
    width, height = phone.evaluate(f"(box => [box.width, box.height])({box})")
    assert abs(width - height) < 1, (width, height)
    brand = "getComputedStyle(document.querySelector('.sidebar-brand')).display"
    assert phone.evaluate(brand) == "none"  # no empty space atop the menu
    tallest = 0.0
    for page in sorted((html / "papers").glob("*.html")):
        phone.goto(browser.base + f"papers/{page.name}")
        tallest = max(tallest, phone.evaluate("Math.max(0, ...[...document.querySelectorAll('img.pub-preview')]"
                                              ".map(image => image.getBoundingClientRect().height))"))
    assert 0 < tallest <= 915 / 2, tallest  # the growing-brains figure was 741 px tall


def test_the_full_list_narrows_by_theme_kind_and_first_authorship(browser):
    from reading import bib_entries

    tab = browser.tab("light")
    tab.goto(browser.base + "publications.html")
    visible = "document.querySelectorAll('li.pub-entry:not([hidden])').length"
    assert tab.evaluate(visible) == len(bib_entries())
    tab.select_option("form.pub-filters select[name=theme]", "Physics of AI")
    physics_of_ai = [entry for entry in bib_entries().values() if "physics-of-ai" in entry.fields.get("themes", "")]
    assert tab.evaluate(visible) == len(physics_of_ai)
    assert tab.evaluate("document.querySelector('p.pub-filter-status').textContent") == f"{len(physics_of_ai)} papers of 26 shown."
    # Each kind now counts the theme's papers of that kind: together, every paper of the theme, once.
    kinds = [int(re.search(r"\((\d+)\)$", text)[1]) for text in tab.evaluate(
        "[...document.querySelector('form.pub-filters select[name=kind]').options].map(option => option.text)")]
    assert kinds[0] == len(physics_of_ai) == sum(kinds[1:])
    firsts = int(re.search(r"\((\d+)\)", tab.locator("form.pub-filters label:has(input[name=first])").inner_text())[1])
    assert 0 < firsts < len(physics_of_ai)
    assert tab.evaluate("[...document.querySelectorAll('section[id^=year-]')].every(section => section.hidden"
                        " === !section.querySelector('li.pub-entry:not([hidden])'))")
    tab.select_option("form.pub-filters select[name=theme]", "")
    tab.check("form.pub-filters input[name=first]")
    assert 0 < tab.evaluate(visible) < len(bib_entries())


#: Each year's heading as the reader sees it (its text without the permalink), and whether it is shown.
YEAR_HEADINGS = """() => [...document.querySelectorAll("section[id^='year-']")].map((section) =>
  [section.querySelector("h2").firstChild.textContent, !section.hidden])"""


def papers_by_year(keys) -> dict[str, int]:
    from reading import bib_entries

    years: dict[str, int] = {}
    for key in keys:
        year = bib_entries()[key].fields["year"]
        years[year] = years.get(year, 0) + 1
    return years


def test_a_narrowed_list_says_under_each_year_how_many_of_its_papers_show(browser):
    from reading import bib_entries

    tab = browser.tab("light")
    tab.goto(browser.base + "publications.html")
    every = papers_by_year(bib_entries())
    as_written = [[f"{year} ({total} paper{'s' * (total != 1)})", True] for year, total in every.items()]
    assert tab.evaluate(YEAR_HEADINGS) == as_written  # no choice made: the headings as the page writes them
    tab.select_option("form.pub-filters select[name=theme]", "Physics of AI")
    shown = papers_by_year(key for key, entry in bib_entries().items() if "physics-of-ai" in entry.fields.get("themes", ""))
    assert shown["2023"] == 5 and every["2023"] == 13
    assert tab.evaluate(YEAR_HEADINGS) == [
        [f"{year} ({shown[year]} of {total} paper{'s' * (total != 1)})", True] if year in shown
        and shown[year] < total else [f"{year} ({total} paper{'s' * (total != 1)})", year in shown]
        for year, total in every.items()]
    assert ["2023 (5 of 13 papers)", True] in tab.evaluate(YEAR_HEADINGS)
    # The page's table of contents says the same, and leaves out the years with nothing shown.
    contents = tab.evaluate("[...document.querySelectorAll('.toc-tree a[href^=\"#year-\"]')]"
                            ".filter(link => !link.closest('[hidden]')).map(link => link.textContent)")
    assert contents == [heading for heading, shown in tab.evaluate(YEAR_HEADINGS) if shown]
    tab.select_option("form.pub-filters select[name=theme]", "")
    assert tab.evaluate(YEAR_HEADINGS) == as_written


def test_show_all_appears_when_a_choice_leaves_nothing_and_clears_every_choice(browser):
    from reading import bib_entries

    tab = browser.tab("light")
    tab.goto(browser.base + "publications.html")
    reset = tab.locator("form.pub-filters button")
    assert reset.count() == 1 and reset.is_hidden()  # nothing to clear
    tab.select_option("form.pub-filters select[name=theme]", "Physics of AI")
    tab.select_option("form.pub-filters select[name=kind]", "Journal articles")
    tab.check("form.pub-filters input[name=first]")
    assert tab.evaluate("document.querySelector('p.pub-filter-status').textContent") == "0 papers of 26 shown."
    assert tab.get_by_role("button", name="Show all", exact=True).is_visible()
    tab.focus("form.pub-filters input[name=first]")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") == "Show all"  # reached by keyboard, named by its words
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.querySelectorAll('li.pub-entry:not([hidden])').length") == len(bib_entries())
    assert tab.evaluate("[...document.querySelectorAll('form.pub-filters select')].map(select => select.value)") == ["", ""]
    assert not tab.is_checked("form.pub-filters input[name=first]")
    assert not reset.is_visible() and tab.evaluate("document.activeElement.name") == "theme"  # the focus stays in the form
    assert tab.evaluate("location.hash") == ""


def test_the_choices_come_in_the_sites_order(browser):
    import ast

    tab = browser.tab("light")
    tab.goto(browser.base + "publications.html")
    tree = ast.parse((PROJECT / "conf.py").read_text(encoding="utf-8"))
    themes = next(ast.literal_eval(node.value) for node in tree.body
                  if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "portfolio_themes")
    values = "name => [...document.querySelector(`form.pub-filters select[name=${name}]`).options].map(option => option.value)"
    assert tab.evaluate(values, "theme") == ["", *(title for title, _page in themes.values())]
    # The kinds as the lists' kind headings order them (the CV's order), whichever paper comes first.
    assert tab.evaluate(values, "kind") == ["", "Journal articles", "Conference papers", "Workshop papers", "Preprints"]


def test_the_choices_are_kept_in_the_address_and_read_from_it(browser):
    tab = browser.tab("light")
    tab.goto(browser.base + "publications.html")
    tab.select_option("form.pub-filters select[name=theme]", "Physics of AI")
    tab.check("form.pub-filters input[name=first]")
    assert tab.evaluate("location.hash") == "#theme=physics-of-ai&first=1"
    shown = tab.evaluate("document.querySelector('p.pub-filter-status').textContent")
    context = browser.chromium.new_context()  # another reader, given the address
    other = context.new_page()
    other.goto(browser.base + "publications.html#theme=ai-for-physics&kind=journal")
    assert other.evaluate("[...document.querySelectorAll('form.pub-filters select')].map(select => select.value)") == [
        "AI for physics", "Journal articles"]
    other.goto(browser.base + "publications.html#theme=physics-of-ai&first=1")
    assert other.evaluate("document.querySelector('p.pub-filter-status').textContent") == shown
    assert other.is_checked("form.pub-filters input[name=first]")
    context.close()
    tab = browser.chromium.new_page()
    tab.goto(browser.base + "publications.html#year-2021")  # an anchor, not a choice: left alone
    assert tab.evaluate("location.hash") == "#year-2021" and tab.is_visible("#year-2021")
    assert tab.evaluate("document.querySelector('form.pub-filters select[name=theme]').value") == ""
    tab.close()


def test_the_filters_controls_are_tap_targets_on_a_phone(browser, phone):
    phone.goto(browser.base + "publications.html#theme=physics-of-ai&kind=journal")
    controls = ["form.pub-filters select[name=theme]", "form.pub-filters select[name=kind]",
                "form.pub-filters label:has(input[name=first])", "form.pub-filters button"]
    for selector in controls:
        box = phone.locator(selector).bounding_box()
        assert box is not None and box["height"] >= 44, (selector, box)
    label = phone.locator("form.pub-filters label:has(input[name=first])")
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    phone.mouse.click(box["x"] + box["width"] - 4, box["y"] + 3)  # the edge of the label still ticks the box
    assert phone.is_checked("form.pub-filters input[name=first]")


def test_the_full_list_without_scripts_is_as_written(browser):
    from reading import bib_entries

    context = browser.chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(browser.base + "publications.html#theme=physics-of-ai&first=1")
    assert tab.locator("form.pub-filters").count() == 0
    assert tab.locator("li.pub-entry:visible").count() == len(bib_entries())
    assert tab.evaluate(YEAR_HEADINGS)[0] == ["2023 (13 papers)", True]
    context.close()


def test_the_search_page_has_a_search_box_on_a_phone(browser, phone):
    """Without opening the menu: under the heading, filled with the query, named, and searching again."""
    phone.goto(browser.base + "search.html")
    boxes = phone.locator("input[name=q]:visible")
    on_screen = [box for box in (boxes.nth(number).bounding_box() for number in range(boxes.count())) if box["x"] >= 0]
    assert len(on_screen) == 1 and on_screen[0]["height"] >= 44
    field = phone.get_by_role("searchbox", name="Search", exact=True).filter(visible=True)
    assert field.count() == 1
    phone.goto(browser.base + "search.html?q=omnigrok")
    assert field.input_value() == "omnigrok"
    field.fill("clock pizza")
    phone.get_by_role("button", name="Search", exact=True).click()
    phone.wait_for_url("**/search.html?q=clock+pizza")
    phone.wait_for_function("() => document.querySelector('#search-results ul.search li a')")
    assert phone.evaluate("document.querySelector('#search-results ul.search li a').getAttribute('href')").endswith(
        "papers/zhong2023clock.html")
    ids = phone.evaluate("[...document.querySelectorAll('[id]')].map(element => element.id)")
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("page", ["index.html", "publications.html", "research/physics-of-ai.html", "papers/liu2023omnigrok.html"])
def test_a_references_links_are_targets_a_finger_can_hit(browser, phone, page):
    """Each link of a reference's row ("PDF · arXiv · DOI") is at least 24 by 24 px on a phone (WCAG 2.2, 2.5.8)."""
    phone.goto(browser.base + page)
    boxes = phone.eval_on_selector_all(".pub-links a", "links => links.filter(link => link.offsetParent)"
                                                       ".map(link => [link.textContent, link.getBoundingClientRect().width,"
                                                       " link.getBoundingClientRect().height])")
    assert boxes and [box for box in boxes if box[1] < 24 or box[2] < 24] == []

"""The publication list as readers see it, in every format: complete, grouped by year, formatted, linked."""

from __future__ import annotations

import ast
import re
from collections import Counter

import pytest
from helpers import PROJECT, require_tool
from pybtex.database import parse_string
from reading import bib_entries, epub_files, pdf_pages, pdf_xml, soup, squash

from research_portfolio.bib.fields import SHOWN

OWNER = "Ziming Liu"
ENTRIES = bib_entries()
EQUAL_CONTRIBUTION = {"zhong2023clock", "xu2022poisson"}


#: Each title as a reader sees it: in sentence case, the .bib's braces keeping proper nouns and names (written by hand).
SHOWN_TITLES = {
    "liu2023growing": "Growing brains: Co-emergence of anatomical and functional modularity in recurrent neural networks",
    "liu2023grokking": "Grokking as compression: A nonlinear complexity perspective",
    "liu2023lottery": "A neural scaling law from lottery ticket ensembling",
    "wang2023discovery": "Scientific discovery in the age of artificial intelligence",
    "zhong2023clock": "The Clock and the Pizza: Two stories in mechanistic explanation of neural networks",
    "xu2023restart": "Restart sampling for improving generative processes",
    "liu2023sparse": "Discovering new interpretable conservation laws as sparse invariants",
    "liu2023seeing": "Seeing is believing: Brain-inspired modular training for mechanistic interpretability",
    "liu2023genphys": "GenPhys: From physical processes to generative models",
    "michaud2023quantization": "The quantization model of neural scaling",
    "xu2023pfgmpp": "PFGM++: Unlocking the potential of physics-inspired generative models",
    "michaud2023precision": "Precision machine learning",
    "liu2023omnigrok": "Omnigrok: Grokking beyond algorithmic data",
    "xu2022poisson": "Poisson flow generative models",
    "liu2022grokking": "Towards understanding grokking: An effective theory of representation learning",
    "liu2022conservation": "Machine learning conservation laws from differential equations",
    "liu2022langevin": "Second order ensemble Langevin method for sampling and inverse problems",
    "liu2022symmetries": "Machine learning hidden symmetries",
    "liu2021nonconservative": "Machine-learning nonconservative dynamics for new-physics detection",
    "liu2021augmented": "Physics-augmented learning: A new paradigm beyond physics-informed learning",
    "liu2021schrodinger": "Schrödinger principal-component analysis: On the duality between principal-component analysis "
                          "and the Schrödinger equation",
    "huang2021hydrodynamics": "Applications of deep learning to relativistic hydrodynamics",
    "liu2021conservation": "Machine learning conservation laws from trajectories",
    "liu2020robustness": "Robustness of principal component analysis of harmonic flow in heavy ion collisions",
    "liu2019quantum": "Quantum-inspired Hamiltonian Monte Carlo for Bayesian sampling",
    "liu2019collective": "Principal component analysis of collective flow in relativistic heavy-ion collisions",
}


def title(entry) -> str:
    return SHOWN_TITLES[entry.key]


def test_every_title_is_written_here_and_differs_from_the_bib_only_in_case():
    assert list(SHOWN_TITLES) == list(ENTRIES)
    for key, entry in ENTRIES.items():
        assert SHOWN_TITLES[key].lower() == entry.fields["title"].replace("{", "").replace("}", "").lower()


def years_in_order() -> list[str]:
    return sorted({entry.fields["year"] for entry in ENTRIES.values()}, reverse=True)


def entries_by_year(page) -> dict[str, list]:
    sections = page.select("section[id^=year-]")
    return {section["id"].removeprefix("year-"): section.select("li.pub-entry") for section in sections}


def test_database_holds_the_26_papers_of_the_cv():
    assert len(ENTRIES) == 26  # this portfolio's own fact (the CV lists 26 papers); every other count reads the .bib


def test_web_list_has_every_paper_once_grouped_by_year_newest_first(html):
    page = soup(html / "publications.html")
    grouped = entries_by_year(page)
    assert list(grouped) == years_in_order()
    titles = [entry.select_one(".pub-title").get_text() for entries in grouped.values() for entry in entries]
    assert Counter(titles) == Counter(title(entry) for entry in ENTRIES.values())  # a line of its own: no full stop
    for year, entries in grouped.items():
        heading = page.find(id=f"year-{year}").find("h2").get_text()
        assert heading.startswith(f"{year} ({len(entries)} paper")


def test_web_list_sets_the_owner_in_bold_in_every_entry(html):
    entries = soup(html / "publications.html").select("li.pub-entry")
    assert len(entries) == len(ENTRIES)
    for entry in entries:
        assert OWNER in [strong.get_text() for strong in entry.find_all("strong")], entry.get_text()[:80]


def test_web_list_marks_exactly_the_equal_contribution_papers(html):
    page = soup(html / "publications.html")
    marked = {link["href"].removeprefix("papers/").removesuffix(".html")
              for entry in page.select("li.pub-entry") if entry.find("sup", string="*")
              for link in entry.select(".pub-title a")}
    assert marked == EQUAL_CONTRIBUTION
    assert "Equal contribution" in page.select_one(".pub-summary").get_text()


def test_every_verified_identifier_is_linked_and_none_invented(html):
    page = soup(html / "publications.html")
    links = {a["href"]: (a.get_text(), a["title"]) for a in page.select("li.pub-entry .pub-links a")}
    expected = {}
    for entry in ENTRIES.values():
        if "eprint" in entry.fields:
            arxiv = entry.fields["eprint"]
            expected[f"https://arxiv.org/abs/{arxiv}"] = ("arXiv", f"arXiv:{arxiv}")
            expected[f"https://arxiv.org/pdf/{arxiv}"] = ("PDF", f"arxiv.org/pdf/{arxiv}")
        if "doi" in entry.fields:
            expected[f"https://doi.org/{entry.fields['doi']}"] = ("DOI", f"doi:{entry.fields['doi']}")
        if "openreview" in entry.fields:
            forum = entry.fields["openreview"]
            expected[f"https://openreview.net/forum?id={forum}"] = ("OpenReview", f"OpenReview:{forum}")
    identifiers = {href: text for href, text in links.items() if "arxiv.org" in href or "doi.org" in href or "openreview" in href}
    assert identifiers == expected
    code = {href: text for href, text in links.items() if "github.com" in href}
    assert code == {entry.fields["code"]: ("Code", entry.fields["code"].removeprefix("https://"))
                    for entry in ENTRIES.values() if "code" in entry.fields}
    assert "https://arxiv.org/abs/None" not in links
    nature = next(entry for entry in page.select("li.pub-entry") if "Scientific discovery" in entry.get_text())
    assert "arXiv" not in nature.select_one(".pub-links").get_text()


def test_highlights_show_as_badges_exactly_as_the_bib_states(html):
    """The CV's honours: the two NeurIPS orals, Omnigrok's spotlight, both Physical Review Letters' Editors' Suggestions."""
    page = soup(html / "publications.html")
    badges = {entry.select_one(".pub-title a")["href"].removeprefix("papers/").removesuffix(".html"):
              entry.select_one(".pub-badge").get_text().replace("\u2019", "'")
              for entry in page.select("li.pub-entry") if entry.select_one(".pub-badge")}
    assert badges == {key: entry.fields["highlight"] for key, entry in ENTRIES.items() if "highlight" in entry.fields}
    assert badges == {"zhong2023clock": "Oral", "liu2022grokking": "Oral", "liu2023omnigrok": "Spotlight",
                      "liu2022symmetries": "Editors' Suggestion", "liu2021conservation": "Editors' Suggestion"}


@pytest.mark.parametrize("key", ["liu2023omnigrok", "liu2021conservation"])
def test_a_papers_plain_text_citation_ends_with_its_venue_not_its_honour(html, key):
    page = soup(html / "papers" / f"{key}.html")
    plain = page.find("summary", string="Plain text").find_next("pre").get_text()
    honour = ENTRIES[key].fields["highlight"].replace("'", "\u2019")
    assert honour not in plain and re.search(r", 20\d\d\.$", plain), plain
    assert honour in page.select_one(".pub-venue").get_text()  # the page itself shows it


def test_each_bibtex_record_parses_back_to_its_entry(html):
    records = soup(html / "publications.html").select("details.pub-bibtex pre")
    assert len(records) == len(ENTRIES)
    for record in records:
        (key, parsed), = parse_string(record.get_text(), "bibtex").entries.items()
        original = ENTRIES[key]
        assert parsed.type == original.type
        assert dict(parsed.fields) == {k: v for k, v in original.fields.items() if k.lower() in SHOWN}
        assert [str(person) for person in parsed.persons["author"]] == [str(p) for p in original.persons["author"]]


def test_bibtex_records_are_keyboard_reachable_without_javascript(html):
    record = soup(html / "publications.html").select_one("li.pub-entry details.pub-bibtex")
    assert record.find("summary").get_text() == "BibTeX"


@pytest.mark.parametrize("theme", ["physics-of-ai", "physics-for-ai", "ai-for-physics", "neuroscience-for-ai",
                                   "heavy-ion-physics", "methods"])
def test_each_theme_page_lists_exactly_its_papers(html, theme):
    page = soup(html / "research" / f"{theme}.html")
    listed = {link["href"].split("/")[-1].removesuffix(".html") for link in page.select("aside.footnote .pub-title a")}
    expected = {key for key, entry in ENTRIES.items() if theme in entry.fields["themes"].replace(" ", "").split(",")}
    assert listed == expected


def test_publications_page_links_each_theme_with_its_count(html):
    items = [item.get_text(" ", strip=True) for item in soup(html / "publications.html").select("ul.publication-themes li")]
    counts = Counter(theme.strip() for entry in ENTRIES.values() for theme in entry.fields.get("themes", "").split(","))
    assert f"Physics of AI : {counts['physics-of-ai']} papers" in items
    assert len(items) == len(counts)


def test_every_paper_has_a_page_reachable_from_the_list(html):
    page = soup(html / "publications.html")
    hrefs = {a["href"] for a in page.select("li.pub-entry .pub-title a")}
    assert hrefs == {f"papers/{key}.html" for key in ENTRIES}
    for key, entry in ENTRIES.items():
        paper = soup(html / "papers" / f"{key}.html")
        assert paper.find("h1").get_text().rstrip("¶") == title(entry)
        assert paper.select("details.pub-bibtex pre")[-1].get_text().startswith(f"@{entry.type}{{{key},")
        assert OWNER in [strong.get_text() for strong in paper.find_all("strong")]
        assert paper.select_one("p.pub-lead").get_text() == " ".join(entry.fields["summary"].split())


def test_paper_pages_say_where_the_paper_is_discussed_and_lead_there(html):
    """One line, "Discussed in" the theme pages, as a sentence; no sentence taken out of its page."""
    for key, entry in ENTRIES.items():
        paper = soup(html / "papers" / f"{key}.html")
        line = paper.select_one("p.pub-discussed")
        assert line.get_text().startswith("Discussed in ") and line.get_text().endswith("."), key
        pages = [a["href"].removeprefix("../") for a in line.select("a")]
        assert pages == [f"research/{theme.strip()}.html" for theme in entry.fields["themes"].split(",")]
        assert not paper.select("#paper blockquote"), key


def conf_value(name: str):
    """A literal setting of the site's conf.py, read without running it."""
    tree = ast.parse((PROJECT / "conf.py").read_text(encoding="utf-8"))
    return next(ast.literal_eval(node.value) for node in tree.body
                if isinstance(node, ast.Assign) and any(getattr(target, "id", "") == name for target in node.targets))


def test_paper_pages_lead_onward_within_the_papers_first_theme_named_as_such(html):
    order = [a["href"].removesuffix(".html").removeprefix("papers/")
             for a in soup(html / "publications.html").select("section[id^=year-] li.pub-entry .pub-title a")]
    groups: dict[str, list[str]] = {}
    for key in order:  # a paper's first theme, in the full list's order (every paper of this site has one)
        groups.setdefault(ENTRIES[key].fields["themes"].split(",")[0].strip(), []).append(key)
    themes = {theme: title for theme, (title, _page) in conf_value("portfolio_themes").items()}
    for theme, keys in groups.items():
        for number, key in enumerate(keys):
            paper = soup(html / "papers" / f"{key}.html")
            onward = {side: link for side in ("prev", "next") if (link := paper.select_one(f"a.{side}-page"))}
            expected = {"prev": keys[number - 1] if number else None, "next": keys[number + 1] if number + 1 < len(keys) else None}
            assert {side: link["href"].removesuffix(".html") for side, link in onward.items()} == {
                side: other for side, other in expected.items() if other}, key
            for link in onward.values():
                assert link.select_one(".title").get_text().endswith(f"(in {themes[theme]})"), key


def test_paper_pages_list_every_author_one_click_away(html):
    paper = soup(html / "papers" / "wang2023discovery.html")
    assert "others" in paper.select_one("p.pub-authors").get_text()  # as the lists show it
    every = paper.select_one("details.pub-all-authors")
    authors = every.get_text()
    assert "Marinka Zitnik" in authors and "Petar Veličković" in authors and "others" not in authors
    assert every.summary.get_text() == f"All {len(every.select('.pub-author'))} authors"


def test_epub_list_is_in_place_grouped_by_year_with_bold_owner_and_marks(epub):
    page = soup(epub_files(epub)["publications.xhtml"])
    grouped = entries_by_year(page)
    assert list(grouped) == years_in_order()
    entries = [entry for entries in grouped.values() for entry in entries]
    assert len(entries) == len(ENTRIES)
    assert all(OWNER in [s.get_text() for s in entry.find_all("strong")] for entry in entries)
    assert sum(1 for entry in entries if entry.find("sup", string="*")) == 2
    assert not page.select("details")  # BibTeX records are for the web


def test_pdf_list_is_in_place_grouped_by_year(pdf):
    require_tool("pdftotext")
    text = squash("\n".join(pdf_pages(pdf)))
    chapter = text[text.index("Every paper, with links"):text.index("PhD student in physics, Research Assistant")]
    positions = [chapter.index(f"{year} (") for year in years_in_order()]
    assert positions == sorted(positions)
    for entry in ENTRIES.values():
        assert title(entry) in chapter, title(entry)
    assert "References" not in text  # no bibliography chapter collected at the end


def test_pdf_sets_the_owner_in_bold_and_links_the_identifiers(pdf):
    require_tool("pdftohtml")
    xml = pdf_xml(pdf)
    assert xml.count(f"<b>{OWNER}</b>") >= len(ENTRIES)
    hrefs = set(re.findall(r'<a href="([^"]+)"', xml))
    for entry in ENTRIES.values():  # print links one identifier of each paper: its DOI, else its arXiv id
        if "doi" in entry.fields:
            assert f"https://doi.org/{entry.fields['doi']}" in hrefs
        elif "eprint" in entry.fields:
            assert f"https://arxiv.org/abs/{entry.fields['eprint']}" in hrefs


def test_with_scripts_off_the_full_list_shows_every_paper_and_says_what_each_is(html):
    """The filters narrow in the browser: the page as sent hides nothing and labels every entry."""
    from reading import bib_entries, soup

    page = soup(html / "publications.html")
    items = page.select("li.pub-entry")
    assert len(items) == len(bib_entries()) and not page.select("[hidden] li.pub-entry, li.pub-entry[hidden]")
    kinds = {item.select_one("p[data-kind]")["data-kind"] for item in items}
    assert kinds <= {"Journal articles", "Conference papers", "Workshop papers", "Preprints"} and len(kinds) == 4
    first = {item.select_one("p[data-kind]").find("a")["href"].rsplit("/", 1)[-1] for item in items
             if item.select_one("p[data-kind]").get("data-first") == "true"}
    assert "zhong2023clock.html" in first and "xu2022poisson.html" in first  # equal first authors
    assert "michaud2023quantization.html" not in first

"""Bibliographies as the tools that researchers export them from write them: every entry read, the owner found.

Each file in ``tests/engine/data/sources`` is written in the style of one exporter, from what its
exports are seen to hold: BibDesk (tab-indented, ``@string``, ``date-added``, ``bdsk-url-1``, the
owner in ``\\textbf`` for a LaTeX CV), JabRef (``owner``, ``groups``, ``@Comment{jabref-meta...}``),
Zotero's own export and Better BibTeX (``file``, ``langid``, ``{{Protected}}`` words, names in many
scripts), Mendeley (its header line, ``mendeley-groups``, ``{\\_}`` in addresses), Google Scholar
(``and others``, ``arXiv preprint`` journals), DBLP with and without crossref (``Tomasz Nowak
0002``, ``Ji{-}Woo``), INSPIRE-HEP (quoted values, ``SLACcitation``), NASA ADS (``{Surname}``,
``journal = {\\apj}``, ``adsurl``), Crossref's content negotiation (one line an entry, ``DOI``) and
PubMed (MEDLINE initials, ``pmid``, ``pmc``). The people are fictional.

Each file builds the small project ``tests/engine/roots/test-bib-sources`` once, with its owner:
no message, every entry listed once (a crossref's volume is no paper of the owner's), the owner in
bold in each entry however the file spells them, and the BibTeX shown to visitors free of the
fields the tool keeps for itself.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from pybtex.database import parse_file
from reading import soup
from sphinx.util.console import strip_escape_sequences

from research_portfolio.bib import entries
from research_portfolio.bib.fields import SHOWN
from research_portfolio.bib.pagenames import page_name

ROOT = Path(__file__).parent / "roots" / "test-bib-sources"
SOURCES = Path(__file__).parent / "data" / "sources"


@dataclasses.dataclass(frozen=True)
class Export:
    owner: dict
    keys: tuple[str, ...]  # the entries the list shows
    shows: tuple[str, ...] = ()  # text the list shows, read as the file means it
    private: tuple[str, ...] = ()  # fields of the tool that visitors' BibTeX leaves out
    hides: tuple[str, ...] = ()  # text the list never shows


EXPORTS = {
    "bibdesk.bib": Export(
        {"name": "Hans-Peter Marshall"},
        ("Marshall:2023ab", "Okafor:2021xy", "Marshall:2019cd", "Marshall:2017ef", "Marshall:2005aa"),
        shows=("L-band InSAR retrievals of SWE under a dry snowpack", "The Cryosphere", "Ragna Björnsson"),
        private=("date-added", "date-modified", "bdsk-url-1", "bdsk-file-1", "abstract"),
        hides=("\\textbf", "\\underline", "\\SWE", "textbf")),
    "jabref.bib": Export(
        {"name": "Ingrid Solvang"},
        ("Solvang2022", "Ferreira2020", "Solvang2019", "Solvang2016"),
        shows=("Tomás Ferreira", "Winter survival of tundra voles", "PhD dissertation, UiT The Arctic University of Norway"),
        private=("owner", "timestamp", "groups", "file", "priority", "ranking", "readstatus", "comment", "keywords"),
        hides=("jabref-meta", "{PhD}")),
    "zotero.bib": Export(
        {"name": "Aryeh H. Miller", "other_names": ["Miller, Arie"]},
        ("miller_grid_2022", "ivanova_place_2020", "miller_navigation_2019", "miller_theta_2023"),
        shows=("Иванова", "Παπαδόπουλος", "山田", "Navigation in the Mammalian Brain"),
        private=("file", "keywords", "abstract")),
    "better-bibtex.bib": Export(
        {"name": "Mei-Ling Chen", "other_names": ["陈, 美玲"]},
        ("chenSolvationShellsWater2021", "chenHydrogenBondNetworks2018", "okonkwoMachineLearnedForce2023",
         "chenVibrationalSpectroscopyConfined2020"),
        shows=("氢键网络的拉曼光谱研究", "物理化学学报", "Raman Difference Spectra", "Lukas Schäfer"),
        private=("file", "langid", "annotation", "keywords", "abstract"),
        hides=("{{",)),
    "mendeley.bib": Export(
        {"name": "Chidi Okafor"},
        ("Okafor2020", "Nakamura2018", "Okafor2017"),
        shows=("Grain boundary diffusion of nickel", "Lena Brüggemann", "TMS 2018 Annual Meeting & Exhibition"),
        private=("file", "mendeley-groups", "arxivid", "keywords", "abstract"),
        hides=("Automatically generated", "{\\_}")),
    "google-scholar.bib": Export(
        {"name": "Lucía Fernández-Ortega"},
        ("fernandez2022drought", "rossi2021mapping", "fernandez2023seedling", "fernandez2018resilience", "fernandez2020data"),
        shows=("et al.", "Drought legacies in Mediterranean holm oak forests")),
    "dblp.bib": Export(
        {"name": "Tomasz Nowak"},
        ("DBLP:conf/icml/NowakKW22", "DBLP:journals/corr/abs-2306-99107", "DBLP:journals/jmlr/KowalskaN21"),
        shows=("Ji-Woo Park", "Sparse Attention with Learned Permutations"),
        private=("timestamp", "biburl", "bibsource"),
        hides=("0002",)),
    "dblp-crossref.bib": Export(
        {"name": "Tomasz Nowak"},
        ("DBLP:conf/nips/NowakP23", "DBLP:conf/nips/KowalskaN23", "DBLP:conf/aistats/Nowak20"),
        shows=("Advances in Neural Information Processing Systems 36", "NeurIPS 2023",
               "The 23rd International Conference on Artificial Intelligence and Statistics",
               "edited by Alice Example and Bob Example"),  # the volume's editors, inherited; the volume not listed
        private=("crossref", "timestamp", "biburl", "bibsource"),
        hides=("0002",)),
    "inspire.bib": Export(
        {"name": "Sofia Rinaldi"},
        ("Rinaldi:2022qxz", "LUMEN:2020abc", "Rinaldi:2019ab", "Rinaldi:2017xyz", "Rinaldi:2015old"),
        shows=("Two-loop corrections to heavy-quark pair production near threshold", "Tunde Adeyemi et al. (LUMEN Collaboration)."),
        private=("slaccitation", "without_owner")),
    "ads.bib": Export(
        {"name": "Priya Raghunathan"},
        ("2021ApJ...912...99R", "2019MNRAS.486.9999O", "2023arXiv230799123R", "2018PhDT.......99R", "2020SPIE11453E..99R"),
        shows=("ApJ", "MNRAS", "Siobhán O'Connell", "Jan Müller", "arXiv preprint, 2023"),
        private=("adsurl", "adsnote", "keywords"),
        hides=("\\apj", "\\mnras", "arXiv:2307.99123")),  # ADS's pages of a preprint: the arXiv link says it
    "crossref.bib": Export(
        {"name": "Jonas Lindqvist"},
        ("Lindqvist_2020", "Lindqvist_2018", "Lindqvist_2019"),
        shows=("Glacier calving rates from terrestrial radar interferometry", "Journal of Glaciology")),
    "pubmed.bib": Export(
        {"name": "Amara N. Osei"},
        ("pmid34299999", "pmid31999999", "Osei2019-xq", "Osei2017-ab"),
        shows=("Gut microbiota composition predicts malaria severity",),
        private=("pmid", "pmc", "pmcid", "keywords"),
        hides=("[DOI:", "[PubMed:", "href")),  # TeXMed's note of links: the links themselves say it
    # Five fields the files above do not cover, each in its exporter's style (issue 27): the owner's own papers.
    "mendeley-psychology.bib": Export(
        {"name": "Roos van Ark"},
        ("VanArk2024", "VanArk2023a", "VanArk2023b", "VanArk2022a", "VanArk2022", "VanArk2021", "Rossi2018",
         "OpenScienceCollaboration2015", "VanArk2014", "VanArk2019"),
        shows=("Marcel A. L. M. Van Assen", "Štěpán Bahník", "Anna E. van 't Veer", "(159th of 181)", "Work in progress",
               "Manuscript submitted for publication", "MetaArXiv preprint", "PsyArXiv preprint", "Open Science Collaboration"),
        private=("file", "mendeley-groups", "keywords", "abstract", "pmid"),
        hides=("{Van Assen}", "Bahn{", "M A L M")),
    "alfolio-chemistry.bib": Export(
        {"name": "Felix Brandt"},
        ("brandt2024kmc", "brandt2023pb", "brandt2023chemrxiv", "brandt2021verunreinigungen", "brandt2020etude",
         "brandt2019dft", "brandt2017thesis"),
        shows=("Kinetic Monte Carlo Simulations of Cu(111) & Ag(100) Step Edges at 300 K", "Catalytic Effect of Pb Traces",
               "ChemRxiv preprint", "Metallische Verunreinigungen in der Elektrolyse von Zinksulfatlösungen"),
        private=("abbr", "bibtex_show", "selected", "html", "urldate")),
    "zotero-epidemiology.bib": Export(
        {"name": "Lucía García-Moreno"},
        ("garcia_seroprevalencia_2021", "garcia-moreno_household_2022", "benali_surveillance_2020",
         "garcia-moreno_vaccine_2023", "world_health_organization_regional_2019", "garcia-moreno_modelling_nodate"),
        shows=("Surveillance épidémiologique du paludisme à Plasmodium falciparum au Maroc", "In preparation",
               "Spanish COVID-19 Vaccine Effectiveness Network"),
        private=("file", "urldate"),
        hides=("textless", "<i>", "Number: 3", "Publisher:", "Pages: 2022")),  # Zotero's record of its Extra field
    "jabref-linguistics.bib": Export(
        {"name": "Élise Moreau"},
        ("Moreau2022", "Kraemer2021", "Moreau2020", "Moreau2019", "Ruiz2018", "Moreau2016"),
        shows=("Journal of French Language Studies 32(2), 145-170, 2022", "PhD thesis, Université Paris Cité, 2016",
               "Zur Syntax der Verbzweitstellung"),
        private=("owner", "timestamp", "groups"),
        hides=("phdthesis",)),
    "mathscinet-analysis.bib": Export(
        {"name": "Saga Lindqvist"},
        ("MR4012345", "MR2712345", "MR3801234", "MR3912345"),
        shows=("Sharp Lᵖ bounds for maximal averages along Čech-complete curves", "PhD thesis, Uppsala Universitet (Sweden), 2012",
               "J. Funct. Anal. 281(4), Paper No. 109045, 31 pp., 2021",
               "Second edition, Graduate Texts in Mathematics 281, Springer, Cham, 2019"),
        private=("mrclass", "mrnumber", "mrreviewer", "fjournal"),
        hides=("Thesis (Ph.D.)",)),  # MathSciNet's note on every thesis says its type and school again
    "scholar-economics.bib": Export(
        {"name": "Adaeze Okonkwo"},
        ("okonkwo2023minimum", "okonkwo2022trade", "okonkwo2021remittances", "lindgren2021causal", "okonkwo2019credit",
         "okonkwo2018essays", "okonkwo2016informality"),
        shows=("Available at SSRN 4012345", "arXiv preprint", "Technical report, National Bureau of Economic Research")),
    "betterbiblatex-history.bib": Export(
        {"name": "Katharina Schmidt"},
        ("schmidtHanseaticCreditNetworks2024", "schmidtDigitalEditionLubeck2023", "schmidtMerchantsHanseaticLeague2021",
         "schmidtStadtUndKirche2019", "schmidtMarchandsAllemandsBruges2017", "schmidtKreditUndVerwandtschaft2014"),
        shows=("Hanseatic Credit Networks Revisited", "forthcoming.", "Les marchands allemands à Bruges au XVe siècle",
               "PhD thesis, Universität Hamburg, Hamburg, 2014", "Historische Zeitschrift 308(2), 345-378, 2019"),
        private=("file", "langid", "urldate"),
        hides=("textsuperscript", "{{", "phdthesis")),
}


def build(make_app, tmp_path: Path, bib: Path, builder: str = "html", **settings):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    shutil.copyfile(bib, source / "refs.bib")
    app = make_app(builder, srcdir=source, freshenv=True, confoverrides=settings)
    app.build()
    return app


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_an_export_is_read_whole_with_its_owner_in_bold(make_app, tmp_path, name):
    export = EXPORTS[name]
    text = (SOURCES / name).read_text(encoding="utf-8")
    assert all(re.search(rf"^\s*{field}\s*=", text, re.MULTILINE | re.IGNORECASE) for field in export.private)
    app = build(make_app, tmp_path, SOURCES / name, portfolio_person=export.owner)
    assert app._warning.getvalue() == ""
    page = soup(app.outdir / "publications.html")
    items = page.select("li.pub-entry")
    linked = [link["href"] for item in items for link in item.select(".pub-title a")]
    assert sorted(linked) == sorted(f"{page_name(key)}.html" for key in export.keys)
    surnames = tuple(entries.surname(spelling) for spelling in entries.owner(export.owner).spellings)
    without_owner = {f"{page_name(key)}.html" for key, entry in parse_file(SOURCES / name).entries.items()
                     if entries.field(entry, "without_owner") == "true"}
    collective = {f"{page_name(key)}.html" for key, entry in parse_file(SOURCES / name).entries.items()
                  if any(entries.is_group(person) for person in entries.people(entry))}
    for item in items:
        bold = [strong.get_text() for strong in item.select(".pub-author strong")]
        if item.select_one(".pub-title a")["href"] in without_owner:
            assert bold == []
        elif not bold and item.select_one(".pub-title a")["href"] in collective:
            continue  # a collective author ({Open Science Collaboration}): the owner is one of its unnamed members
        else:  # the owner's name as this entry spells it, in bold once
            name = entries.fold(bold[0])  # a name in Chinese script reads family name first
            assert len(bold) == 1 and (name.endswith(surnames) or name.startswith(surnames)), (item.get_text(), bold)
    shown = " ".join(page.get_text(" ").replace("\u00a0", " ").replace("\u2013", "-").replace("\u2019", "'").split())
    for words in export.shows:
        assert words in shown, words
    for item in items:  # Crossref and DBLP give the DOI's address as the url too: one link, "DOI"
        resolved = [link["href"] for link in item.select(".pub-links a") if "doi.org/" in link["href"]]
        assert len(resolved) <= 1 and all(link.startswith("https://doi.org/") for link in resolved), resolved
    listed = " ".join(item.find("p").get_text(" ") for item in items)
    for words in export.hides:
        assert words not in listed, words
    records = page.select("details.pub-bibtex pre")
    assert records
    for record in records:  # a line each, as a reader copies them
        fields = {line.get_text().split("=")[0].strip().lower() for line in record.select(".pub-line") if " = " in line.get_text()}
        assert fields and fields <= SHOWN, fields - SHOWN
        assert not fields & set(export.private)


def test_the_owner_bolded_for_a_latex_cv_is_bold_in_print(make_app, tmp_path):
    app = build(make_app, tmp_path, SOURCES / "bibdesk.bib", "latex")
    assert app._warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8").replace("\u00a0", " ").replace("\\sphinxhyphen{}", "-")
    for spelling in ("H.P. Marshall", "H. P. Marshall", "Hans-Peter Marshall", "H.-P. Marshall"):
        assert f"\\sphinxstylestrong{{{spelling}}}" in tex, spelling
    assert "textbf{Marshall" not in tex and "underline" not in tex


def test_a_paper_takes_its_venue_and_year_from_the_volume_it_crossrefs(make_app, tmp_path):
    app = build(make_app, tmp_path, SOURCES / "dblp-crossref.bib", portfolio_person={"name": "Tomasz Nowak"})
    page = soup(app.outdir / "publications.html")
    (item,) = [item for item in page.select("li.pub-entry") if "A Note on Sinkhorn Normalisation" in item.get_text()]
    assert "The 23rd International Conference on Artificial Intelligence and Statistics" in item.find("p").get_text()
    assert item.find_parent("section")["id"] == "year-2020"
    record = item.select_one("details.pub-bibtex pre").get_text()
    assert "booktitle = {The 23rd International Conference" in record and "year = {2020}" in record
    assert "crossref" not in record and "proceedings.example.org/v108" not in record  # the volume's own address stays with it


def test_a_missing_bib_file_is_named_at_its_line_of_conf_py(make_app, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    shutil.copyfile(SOURCES / "bibdesk.bib", source / "refs.bib")
    conf = source / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('["refs.bib"]', '["refs.bib", "extra.bib"]'), encoding="utf-8")
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    line = next(number for number, text in enumerate(conf.read_text().splitlines(), 1) if "bibtex_bibfiles" in text)
    assert strip_escape_sequences(app._warning.getvalue()).splitlines() == [
        f"{conf}:{line}: WARNING: bibtex_bibfiles: cannot read {source / 'extra.bib'}: No such file or directory [portfolio.bibtex]"]
    assert len(soup(app.outdir / "publications.html").select("li.pub-entry")) == 5


def weber_list(make_app, tmp_path: Path, bib: str):
    """The small project with the .bib text *bib* of Anna Weber's, built without a warning: (the app, its full list)."""
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    app = build(make_app, tmp_path, tmp_path / "refs.bib", portfolio_person={"name": "Anna Weber"})
    assert app._warning.getvalue() == ""
    return app, soup(app.outdir / "publications.html")


LANGUAGES = r"""
@article{weber2019stadt,
  title = {Stadt und Kirche im sp{\"a}tmittelalterlichen K{\"o}ln},
  author = {Weber, Anna},
  journaltitle = {Historische Zeitschrift},
  date = {2019},
  langid = {ngerman},
  abstract = {Die Studie fragt, wie Stadt und Kirche zusammenwirkten.}
}
@article{weber2020kyoto,
  title = {京都の商人},
  author = {Weber, Anna},
  journal = {Shigaku Zasshi},
  year = {2020},
  language = {Japanese}
}
@article{weber2021credit,
  title = {Credit in the {Hanseatic} towns},
  author = {Weber, Anna},
  journal = {Past and Present},
  year = {2021},
  langid = {klingon}
}
@article{weber2022trade,
  title = {Trade and kinship},
  author = {Weber, Anna},
  journal = {Past and Present},
  year = {2022}
}
"""


def test_a_title_and_an_abstract_carry_the_language_their_entry_names(make_app, tmp_path):
    """``langid = {ngerman}`` is ``lang="de"`` on the title in the list, on the paper's page and on its abstract."""
    app, page = weber_list(make_app, tmp_path, LANGUAGES)
    titles = {title.get_text(): title.get("lang") for title in page.select("li.pub-entry .pub-title")}
    assert titles == {"Stadt und Kirche im spätmittelalterlichen Köln": "de", "京都の商人": "ja",
                      "Credit in the Hanseatic towns": None, "Trade and kinship": None}  # a name not known: no tag
    assert [p["lang"] for p in page.select("details.pub-more p[lang]")] == ["de"]
    paper = soup(app.outdir / f"{page_name('weber2019stadt')}.html")
    assert paper.find("h1")["lang"] == "de"
    assert paper.select_one("#abstract p")["lang"] == "de"
    assert soup(app.outdir / f"{page_name('weber2022trade')}.html").find("h1").get("lang") is None


def test_a_pubmed_record_links_pubmed_and_the_doi_texmed_hid_in_its_note(make_app, tmp_path):
    """Paperpile's ``pmid`` and TeXMed's note "[DOI:\\href{...}] [PubMed:\\href{...}]" are links, as biomedical readers expect."""
    app = build(make_app, tmp_path, SOURCES / "pubmed.bib", portfolio_person={"name": "Amara N. Osei"})
    page = soup(app.outdir / "publications.html")
    links = {item.select_one(".pub-title a")["href"]: [(a.get_text(), a["href"]) for a in item.select(".pub-links a")]
             for item in page.select("li.pub-entry")}
    assert links[f"{page_name('pmid31999999')}.html"] == [
        ("DOI", "https://doi.org/10.5555/s12936-020-9999-2"), ("PubMed", "https://pubmed.ncbi.nlm.nih.gov/31999999/")]
    assert links[f"{page_name('Osei2019-xq')}.html"] == [
        ("DOI", "https://doi.org/10.5555/s13071-019-9999-9"), ("PubMed", "https://pubmed.ncbi.nlm.nih.gov/31299999/")]
    assert links[f"{page_name('pmid34299999')}.html"] == []  # TeXMed without its note: nothing to link
    paper = soup(app.outdir / f"{page_name('pmid31999999')}.html")
    assert paper.find("meta", attrs={"name": "citation_pmid"})["content"] == "31999999"  # Google Scholar's tag


BIBLATEX_PARTS = r"""
@book{weber2019stadt,
  author = {Weber, Anna},
  title = {Stadt und Kirche},
  subtitle = {Köln im späten Mittelalter},
  titleaddon = {Mit einem Anhang},
  maintitle = {Studien zur Stadtgeschichte},
  volume = {3},
  date = {2019},
  publisher = {Böhlau},
  location = {Köln},
  addendum = {Reprint of the 1998 edition},
  foreword = {Brandt, Oskar},
}
@inbook{weber2017einleitung,
  author = {Weber, Anna},
  bookauthor = {Luther, Martin},
  title = {Einleitung},
  booktitle = {Tischreden},
  booksubtitle = {Eine Auswahl},
  editor = {Brandt, Oskar},
  date = {2017},
  pages = {1--20},
  publisher = {Reclam},
  location = {Stuttgart},
}
@inproceedings{weber2021credit,
  author = {Weber, Anna},
  title = {Hanseatic credit},
  booktitle = {Proceedings of the Economic History Society},
  eventtitle = {Annual Conference of the Economic History Society},
  venue = {Cambridge},
  date = {2021},
  pages = {5--9},
}
@book{weber2015hanse,
  author = {Weber, Anna},
  title = {Die Hanse},
  volume = {2},
  date = {2015},
  publisher = {Beck},
}
@book{weber2018werke,
  author = {Weber, Anna},
  title = {Briefe},
  maintitle = {Gesammelte Werke},
  volume = {3},
  series = {Studien zur Stadtgeschichte},
  number = {12},
  date = {2018},
  publisher = {Beck},
}
@book{brandt2020briefe,
  author = {Brandt, Oskar},
  title = {Briefe aus Lübeck},
  introduction = {Weber, Anna},
  date = {2020},
  publisher = {Wallstein},
}
"""


def test_biblatex_parts_of_titles_and_books_are_printed(make_app, tmp_path):
    """subtitle, titleaddon, maintitle, bookauthor, eventtitle, venue, addendum, foreword: what biblatex's standard style prints."""
    app, page = weber_list(make_app, tmp_path, BIBLATEX_PARTS)
    shown = {item.select_one(".pub-title a")["href"]: " ".join(item.find("p").get_text().replace("\u00a0", " ").split())
             for item in page.select("li.pub-entry")}
    assert shown == {f"{page_name(key)}.html": text for key, text in {
        "weber2019stadt": "Stadt und Kirche: Köln im späten Mittelalter. Mit einem Anhang. Anna Weber. With a foreword by "
                          "Oskar Brandt, volume 3 of Studien zur Stadtgeschichte, Böhlau, Köln, 2019. Reprint of the 1998 edition.",
        "weber2017einleitung": "Einleitung. Anna Weber. In Tischreden: Eine Auswahl, by Martin Luther, edited by Oskar Brandt, "
                               "Reclam, Stuttgart, pp. 1–20, 2017.",
        "weber2021credit": "Hanseatic credit. Anna Weber. In Proceedings of the Economic History Society, Annual Conference "
                           "of the Economic History Society (Cambridge), 5–9, 2021.",
        "weber2015hanse": "Die Hanse. Anna Weber. Volume 2, Beck, 2015.",  # the sentence opens with the style's word
        "brandt2020briefe": "Briefe aus Lübeck. Oskar Brandt. With an introduction by Anna Weber, Wallstein, 2020.",
        "weber2018werke": "Briefe. Anna Weber. Volume 3 of Gesammelte Werke, Studien zur Stadtgeschichte 12, Beck, 2018.",
    }.items()}
    paper = soup(app.outdir / f"{page_name('weber2019stadt')}.html")
    assert paper.find("h1").get_text().startswith("Stadt und Kirche: Köln im späten Mittelalter. Mit einem Anhang")
    assert [strong.get_text() for strong in page.select("li.pub-entry strong")].count("Anna Weber") == 6  # the owner, in bold


def test_an_ads_record_is_linked_as_ads(make_app, tmp_path):
    """ADS's adsurl: astronomers read a paper's citations there; a thesis that has only it is not left without a link."""
    app = build(make_app, tmp_path, SOURCES / "ads.bib", portfolio_person={"name": "Priya Raghunathan"})
    page = soup(app.outdir / "publications.html")
    links = {item.select_one(".pub-title a")["href"]: [(a.get_text(), a["href"]) for a in item.select(".pub-links a")]
             for item in page.select("li.pub-entry")}
    assert links[f"{page_name('2018PhDT.......99R')}.html"] == [("ADS", "https://ui.adsabs.harvard.edu/abs/2018PhDT.......99R")]
    assert ("ADS", "https://ui.adsabs.harvard.edu/abs/2021ApJ...912...99R") in links[f"{page_name('2021ApJ...912...99R')}.html"]

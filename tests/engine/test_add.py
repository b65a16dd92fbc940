"""``python -m research_portfolio add``: entries written from DOIs and arXiv ids, against a local copy of the services.

A server on 127.0.0.1 plays the DOI resolver (its redirects to Crossref and DataCite, which answer
BibTeX only to ``Accept: application/x-bibtex``), the arXiv API (its Atom feed) and ORCID's public
API (JSON only to ``Accept: application/json``, XML otherwise), with the answers recorded in
``data/add``. DOIs under ``10.5555/`` named missing, error, slow, garbage and malformed make it
fail on cue. The site is ``data/add/site`` (owner Hanna Berg, made up like every paper here).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from helpers import PROJECT
from pybtex.database import parse_string

import research_portfolio
from research_portfolio.__main__ import main
from research_portfolio.cli import keys, services
from research_portfolio.cli.identifiers import NotAnIdentifier, parse
from research_portfolio.escape import bibtex

DATA = Path(__file__).parent / "data" / "add"
EMPTY_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: search_query=&amp;id_list={id}&amp;start=0&amp;max_results=1</title>
  <id>http://arxiv.org/api/empty</id>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:totalResults>
</feed>
"""
SLOW = 1.5  # seconds the server waits on cue; the client's timeout is shortened below it


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self.server.seen.append((self.path, dict(self.headers)))
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        if path.startswith("/doi/"):
            self.resolve(path.removeprefix("/doi/"))
        elif path.startswith(("/crossref/works/", "/datacite/dois/application/x-bibtex/")):
            self.bibtex(re.sub(r"^/crossref/works/|/transform$|^/datacite/dois/application/x-bibtex/", "", path))
        elif path == "/arxiv/query":
            ident = parse_qs(parts.query)["id_list"][0]
            recorded = DATA / "arxiv" / f"{ident.replace('/', '_')}.xml"
            body = recorded.read_bytes() if recorded.is_file() else EMPTY_FEED.replace("{id}", ident).encode()
            self.answer(200, "application/atom+xml; charset=utf-8", body)
        elif match := re.fullmatch(r"/orcid/v3\.0/([\dX-]+)/works", path):
            recorded = DATA / "orcid" / f"{match[1]}.json"
            if not recorded.is_file():
                self.answer(404, "application/json", json.dumps({"response-code": 404, "developer-message": "Not found"}).encode())
            elif "application/json" not in self.headers.get("Accept", ""):
                self.answer(200, "application/vnd.orcid+xml; charset=UTF-8", b'<?xml version="1.0"?><activities:works/>')
            else:
                self.answer(200, "application/json;charset=UTF-8", recorded.read_bytes())
        else:
            self.answer(404, "text/plain", b"no such path")

    def resolve(self, doi: str) -> None:
        """The DOI resolver: the agency's address for a known DOI, failures on cue, 404 for the rest."""
        cue = doi.lower().removeprefix("10.5555/")
        if cue == "error":
            self.answer(500, "text/html", b"<html><body>Internal Server Error</body></html>")
        elif cue == "slow":
            time.sleep(SLOW)
            self.answer(200, "application/x-bibtex", b"@misc{late, title={Too late}, year={2024}}")
        elif cue == "garbage":
            self.answer(200, "text/html; charset=utf-8", b"<!DOCTYPE html><html><head><title>DOI</title></head></html>")
        elif not self.recorded(doi).is_file():
            self.answer(404, "text/html;charset=utf-8", b"<html><body>DOI Not Found</body></html>")
        elif doi.lower().startswith("10.48550/"):
            self.redirect(f"/datacite/dois/application/x-bibtex/{doi}")
        else:
            self.redirect(f"/crossref/works/{doi}/transform")

    def bibtex(self, doi: str) -> None:
        if "application/x-bibtex" not in self.headers.get("Accept", ""):
            self.answer(406, "text/plain", b"Not Acceptable")
        else:
            self.answer(200, "application/x-bibtex; charset=utf-8", self.recorded(doi).read_bytes())

    @staticmethod
    def recorded(doi: str) -> Path:
        return DATA / "doi" / f"{doi.lower().replace('/', '_')}.bib"

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def answer(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() waits for every answer, even the one the slow cue delays: no test outlives its server

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.seen: list[tuple[str, dict[str, str]]] = []

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (the timeout's cue) closes the socket the answer is written to: expected, and quiet.

        Anything else fails the test that is running, instead of printing into the next test's standard error.
        """
        if not isinstance(sys.exc_info()[1], ConnectionError):
            raise

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def server(monkeypatch):
    running = Server()
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    monkeypatch.setenv("RESEARCH_PORTFOLIO_DOI_URL", f"{running.url}/doi/")
    monkeypatch.setenv("RESEARCH_PORTFOLIO_ARXIV_URL", f"{running.url}/arxiv")
    monkeypatch.setenv("RESEARCH_PORTFOLIO_ORCID_URL", f"{running.url}/orcid/")
    monkeypatch.setattr(services, "TIMEOUT", (1.0, 0.5))
    yield running
    running.shutdown()
    running.server_close()


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "site"
    shutil.copytree(DATA / "site", folder)
    monkeypatch.chdir(folder)
    return folder


def add(capsys, *arguments: str) -> tuple[int, str, str]:
    status = main(["add", *arguments])
    printed = capsys.readouterr()
    return status, printed.out, printed.err


def appended(site: Path) -> str:
    """What add wrote after the original file, which must be there byte for byte."""
    original = (DATA / "site" / "publications.bib").read_bytes()
    now = (site / "publications.bib").read_bytes()
    assert now.startswith(original)
    return now[len(original):].decode("utf-8")


# -- Identifiers --------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "kind", "value"), [
    ("10.1103/PhysRevLett.126.180604", "doi", "10.1103/PhysRevLett.126.180604"),
    ("doi:10.1103/PhysRevLett.126.180604", "doi", "10.1103/PhysRevLett.126.180604"),
    ("DOI: 10.1103/PhysRevLett.126.180604", "doi", "10.1103/PhysRevLett.126.180604"),
    ("https://doi.org/10.1103/PhysRevLett.126.180604", "doi", "10.1103/PhysRevLett.126.180604"),
    ("https://dx.doi.org/10.1103%2FPhysRevLett.126.180604", "doi", "10.1103/PhysRevLett.126.180604"),
    ("http://dx.doi.org/10.1007/11880561_13", "doi", "10.1007/11880561_13"),
    ("2404.19756", "arxiv", "2404.19756"),
    ("arXiv:2404.19756v2", "arxiv", "2404.19756"),
    ("https://arxiv.org/abs/2404.19756v3", "arxiv", "2404.19756"),
    ("arxiv.org/pdf/2404.19756v1.pdf", "arxiv", "2404.19756"),
    ("hep-th/9901001", "arxiv", "hep-th/9901001"),
    ("math.GT/0309136v2", "arxiv", "math.GT/0309136"),
    ("https://arxiv.org/abs/hep-th/9901001", "arxiv", "hep-th/9901001"),
    ("10.48550/arXiv.2404.19756", "arxiv", "2404.19756"),
    ("https://doi.org/10.48550/ARXIV.2404.19756", "arxiv", "2404.19756"),
])
def test_every_common_form_of_an_identifier_is_read(typed, kind, value):
    found = parse(typed)
    assert (found.kind, found.value) == (kind, value)


@pytest.mark.parametrize("typed", ["1234.5", "2401.1234", "foo", "10.1103", "arXiv:", "https://example.org/paper"])
def test_what_is_no_identifier_is_refused(typed):
    with pytest.raises(NotAnIdentifier):
        parse(typed)


# -- The BibTeX writer ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kept"), [
    ("A Proof That } Closes @comment{ Everything", "A Proof That Closes @comment Everything"),
    ("Why {x is hard", "Why x is hard"),
    ("Sets \\{0, 1} and \\}", "Sets \\{0, 1} and"),
    ("two\nlines\r\nand\ttabs", "two lines and tabs"),
    ("ends with a backslash \\", "ends with a backslash"),
    ("{KAN}: {Kolmogorov-Arnold} Networks", "{KAN}: {Kolmogorov-Arnold} Networks"),
])
def test_every_value_is_one_field(text, kept):
    written = bibtex.entry("misc", "k", [("title", text), ("year", "2024")])
    data = parse_string(written, "bibtex")
    assert dict(data.entries["k"].fields) == {"title": kept, "year": "2024"}
    assert written.count("\n") == 3


def test_a_month_is_written_as_its_macro():
    assert bibtex.field("month", "May") == "  month = may,"
    assert bibtex.field("month", "Sept.") == "  month = {Sept.},"


# -- Keys -----------------------------------------------------------------------------------------


def entry(author: str, year: str, title: str):
    return parse_string(f"@article{{x, author={{{author}}}, year={{{year}}}, title={{{title}}}}}", "bibtex").entries["x"]


@pytest.mark.parametrize(("written", "expected"), [
    ({"lovelace1843notes": entry("Lovelace, Ada", "1843", "Notes on the Engine"),
      "babbage1864passages": entry("Babbage, Charles", "1864", "Passages from the Life")}, "berg2022machine"),
    ({"Lovelace_1843": entry("Lovelace, Ada", "1843", "Notes"), "Babbage_1864": entry("Babbage, Charles", "1864", "Passages")},
     "Berg_2022"),
    ({"lovelace1843": entry("Lovelace, Ada", "1843", "Notes"), "lovelace1843a": entry("Lovelace, Ada", "1843", "Sketch")},
     "berg2022"),
    ({"lovelaceNotesAnalyticalEngine1843": entry("Lovelace, Ada", "1843", "Notes on the Analytical Engine")},
     "bergMachineLearningWave2022"),
    ({"DBLP:journals/x/Lovelace43": entry("Lovelace, Ada", "1843", "Notes")}, "berg2022machine"),
])
def test_the_new_key_follows_the_files_own_style(written, expected):
    new = entry("Berg, Hanna and Nakamura, Ren", "2022", "Machine Learning of Wave Breaking in the {KdV} Equation")
    assert keys.new_key(keys.infer(written.items()), new, written) == expected


def test_a_taken_key_gets_a_letter():
    new = entry("Berg, Hanna", "2022", "Machine Learning")
    assert keys.new_key("surname year word", new, ["berg2022machine", "Berg2022Machinea"]) == "berg2022machineb"


# -- Adding ---------------------------------------------------------------------------------------


def test_a_doi_becomes_one_entry_in_the_files_style(server, site, capsys):
    status, out, err = add(capsys, "https://doi.org/10.5555/JIO.2022.7.044801")
    assert (status, err) == (0, "")
    assert appended(site) == """
@article{berg2022machine,
  author        = {Berg, Hanna and Nakamura, Ren and Tremblay, Élodie},
  title         = {Machine Learning of Wave Breaking in the {KdV} Equation},
  journal       = {Journal of Imaginary Oceanography},
  year          = {2022},
  month         = apr,
  volume        = {7},
  number        = {4},
  pages         = {044801},
  publisher     = {Imaginary Press},
  doi           = {10.5555/JIO.2022.7.044801},
}
"""
    assert out == "Added: berg2022machine at publications.bib:24: Machine Learning of Wave Breaking in the KdV Equation\n"
    paths = [path for path, _ in server.seen]
    assert paths == ["/doi/10.5555/JIO.2022.7.044801", "/crossref/works/10.5555/JIO.2022.7.044801/transform"]
    for _, headers in server.seen:
        assert headers["Accept"] == "application/x-bibtex"
        assert headers["User-Agent"] == f"sphinx-research-portfolio/{research_portfolio.__version__} (mailto:hanna@example.org)"


def test_an_arxiv_id_takes_arxivs_record_and_datacites_names(server, site, capsys):
    status, out, err = add(capsys, "arXiv:2404.01234v2", "https://arxiv.org/abs/physics/9901001v1")
    assert (status, err) == (0, "")
    assert appended(site) == """
@misc{berg2024rogue,
  author        = {Berg, Hanna and Van Der Berg, Pieter and Tremblay, Élodie},
  title         = {{ROGUE}: Rogue Waves from {Fourier} Features},
  year          = {2024},
  eprint        = {2404.01234},
  archiveprefix = {arXiv},
  primaryclass  = {physics.flu-dyn},
}

@misc{berg1999edge,
  author        = {Berg, Hanna},
  title         = {Edge Waves on Sloping Beaches},
  year          = {1999},
  eprint        = {physics/9901001},
  archiveprefix = {arXiv},
  primaryclass  = {physics.flu-dyn},
}
"""
    assert out.splitlines() == ["Added: berg2024rogue at publications.bib:24: ROGUE: Rogue Waves from Fourier Features",
                                "Added: berg1999edge at publications.bib:33: Edge Waves on Sloping Beaches"]
    assert [path for path, _ in server.seen][:2] == ["/arxiv/query?id_list=2404.01234&max_results=1",
                                                      "/doi/10.48550/arXiv.2404.01234"]


def test_a_title_with_a_stray_brace_and_comment_is_one_field(server, site, capsys):
    status, out, _ = add(capsys, "2405.00002")
    assert status == 0
    written = appended(site)
    assert "  title         = {A Proof That Closes @comment Everything}," in written
    data = parse_string((site / "publications.bib").read_text(encoding="utf-8"), "bibtex")
    assert list(data.entries) == ["berg2020soliton", "berg2019tidal", "berg2024proof"]
    assert data.entries["berg2024proof"].fields["eprint"] == "2405.00002"


def test_what_the_file_has_is_named_with_its_key_and_line_and_not_added(server, site, capsys):
    status, out, err = add(capsys, "10.5555/JIO.2019.12.1", "2404.01234", "arXiv:2404.01234v1")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "doi:10.5555/JIO.2019.12.1 is already in publications.bib:14 as berg2019tidal (the same DOI, 10.5555/JIO.2019.12.1); not added",
        "arXiv:2404.01234 is already in publications.bib:24 as berg2024rogue (the same arXiv id, 2404.01234); not added",
        "Added: berg2024rogue at publications.bib:24: ROGUE: Rogue Waves from Fourier Features",
    ]
    assert appended(site).count("@misc{") == 1


def test_a_preprints_journal_version_is_offered_and_nothing_changes_without_yes(server, site, capsys):
    for typed in ("10.5555/jio.2021.14.233", "arXiv:2003.01234"):
        status, out, err = add(capsys, typed)
        assert (status, err) == (0, "")
        assert "berg2020soliton (publications.bib:3) is its preprint, now published as doi:10.5555/jio.2021.14.233" in out
        assert out.rstrip().endswith("Run again with --yes to do it; nothing changed.")
        assert appended(site) == ""


@pytest.mark.parametrize("typed", ["10.5555/jio.2021.14.233", "arXiv:2003.01234"])
def test_yes_updates_the_preprint_in_place_keeping_its_key_arxiv_id_and_own_fields(server, site, capsys, typed):
    original = (DATA / "site" / "publications.bib").read_text(encoding="utf-8")
    status, out, err = add(capsys, typed, "--yes")
    assert (status, err) == (0, "")
    now = (site / "publications.bib").read_text(encoding="utf-8")
    start, end = original.index("@misc{berg2020soliton"), original.index("}\n\n@article{berg2019tidal") + 1
    assert now.startswith(original[:start]) and now.endswith(original[end:])
    category = "  primaryclass  = {physics.flu-dyn},\n" if typed.startswith("arXiv") else ""
    assert now[start : len(now) - len(original) + end] == f"""@article{{berg2020soliton,
  author        = {{Berg, Hanna and Nakamura, Ren}},
  title         = {{Soliton Trains on a Rotating {{Earth}}}},
  journal       = {{Journal of Imaginary Oceanography}},
  year          = {{2021}},
  month         = jun,
  volume        = {{14}},
  number        = {{3}},
  pages         = {{233--251}},
  publisher     = {{Imaginary Press}},
  doi           = {{10.5555/jio.2021.14.233}},
  eprint        = {{2003.01234}},
  archiveprefix = {{arXiv}},
{category}  themes        = {{waves}},
  summary       = {{How do solitons along a coast disperse as the Earth turns? A derivation for a train of them.}},
}}"""
    assert out == "Updated: berg2020soliton at publications.bib:3: Soliton Trains on a Rotating Earth\n"


def test_a_paper_without_the_owner_is_refused_with_its_authors_unless_yes(server, site, capsys):
    status, out, err = add(capsys, "10.5555/jio.2018.11.77")
    assert (status, out) == (1, "")
    assert err == ("doi:10.5555/jio.2018.11.77: Hanna Berg is not among its authors (Chidi Okafor, Jane Smith); if one of them "
                   "is you, add that spelling to portfolio_person's 'other_names' in conf.py; --yes adds it with "
                   "without_owner = {true} (publications.bib unchanged)\n")
    assert appended(site) == ""
    status, out, err = add(capsys, "10.5555/jio.2018.11.77", "--yes")
    assert (status, err) == (0, "")
    assert "  without_owner = {true},\n}\n" in appended(site)
    assert out.startswith("Added: okafor2018seiches at publications.bib:24:")


def test_dry_run_prints_the_entry_and_writes_nothing(server, site, capsys):
    status, out, err = add(capsys, "10.5555/jio.2022.7.044801", "--dry-run")
    assert (status, err) == (0, "")
    assert out.startswith("@article{berg2022machine,\n  author        = {Berg, Hanna and Nakamura, Ren and Tremblay, Élodie},\n")
    assert out.endswith("Would be added: berg2022machine at publications.bib:24: Machine Learning of Wave Breaking in the KdV "
                        "Equation\nDry run: publications.bib is unchanged.\n")
    assert appended(site) == ""


def test_orcid_lists_the_works_the_bib_lacks_and_yes_adds_them(server, site, capsys):
    status, out, err = add(capsys, "--orcid")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "missing: 2022 Machine learning of wave breaking in the KdV equation (doi:10.5555/jio.2022.7.044801)",
        "missing: 2024 ROGUE: Rogue Waves from Fourier Features (arXiv:2404.01234)",
        "missing: 2016 Waves, a Field Guide (chapter 3) (no DOI or arXiv id: add it by hand)",
        "ORCID 0000-0002-1825-0097: 4 works, 2 missing from publications.bib with an identifier; --yes adds them",
    ]
    assert appended(site) == ""
    assert server.seen[0][0] == "/orcid/v3.0/0000-0002-1825-0097/works"
    assert server.seen[0][1]["Accept"] == "application/json"
    status, out, err = add(capsys, "--orcid", "0000-0002-1825-0097", "--yes")
    assert (status, err) == (0, "")
    assert out.splitlines()[-2:] == [
        "Added: berg2022machine at publications.bib:24: Machine Learning of Wave Breaking in the KdV Equation",
        "Added: berg2024rogue at publications.bib:37: ROGUE: Rogue Waves from Fourier Features",
    ]


def closed_port() -> int:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        return unused.getsockname()[1]


FAILURES = [
    # (what is asked, what the one line says, requests the server sees)
    (["10.5555/missing"], "doi:10.5555/missing: not found at 127.0.0.1:PORT (404): check the identifier", 1),
    (["10.5555/error"], "doi:10.5555/error: 127.0.0.1:PORT answered 500 Internal Server Error (tried twice)", 2),
    (["10.5555/slow"], "doi:10.5555/slow: no answer from 127.0.0.1:PORT within 0.5 s (tried twice)", 2),
    (["10.5555/garbage"], "doi:10.5555/garbage: 127.0.0.1:PORT answered no BibTeX (text/html, 59 bytes)", 1),
    (["10.5555/malformed"], "doi:10.5555/malformed: the service answered malformed BibTeX: '@article{Berg_2017, title={Internal "
                            "Waves in Stratified Basi'", 2),
    (["arXiv:2401.99999"], "arXiv:2401.99999: arXiv has no such paper: check the identifier", 1),
    (["2401.1234"], "'2401.1234' is neither a DOI (10.1000/182, https://doi.org/...) nor an arXiv id "
                    "(2404.19756, arXiv:2404.19756v2, hep-th/9901001)", 0),
    (["10.5555/jio.2022.7.044801", "10.5555/missing"], "doi:10.5555/missing: not found at 127.0.0.1:PORT (404): check the identifier", 3),
    (["--orcid", "0000-0001-0000-0009"], "ORCID 0000-0001-0000-0009: not found at 127.0.0.1:PORT (404): check the identifier", 1),
]


@pytest.mark.parametrize(("arguments", "line", "requests"), FAILURES, ids=lambda value: str(value)[:40])
def test_a_failure_is_one_line_a_non_zero_status_and_the_bib_untouched(server, site, capsys, arguments, line, requests):
    status, out, err = add(capsys, *arguments)
    port = server.server_address[1]
    expected = line.replace("PORT", str(port))
    assert status == 1
    assert err == f"{expected}{'' if arguments[0] == '--orcid' else ' (publications.bib unchanged)'}\n"
    assert (site / "publications.bib").read_bytes() == (DATA / "site" / "publications.bib").read_bytes()
    assert len(server.seen) == requests


def test_no_network_is_one_line(site, capsys, monkeypatch):
    monkeypatch.setenv("RESEARCH_PORTFOLIO_DOI_URL", f"http://127.0.0.1:{closed_port()}/")
    status, out, err = add(capsys, "10.5555/jio.2022.7.044801")
    assert status == 1
    assert re.fullmatch(r"doi:10\.5555/jio\.2022\.7\.044801: cannot reach 127\.0\.0\.1:\d+: no network, or the host is down "
                        r"\(tried twice\) \(publications\.bib unchanged\)\n", err)
    assert (site / "publications.bib").read_bytes() == (DATA / "site" / "publications.bib").read_bytes()


def test_the_site_builds_without_a_warning_after_add(server, site, capsys, make_app):
    assert add(capsys, "10.5555/jio.2022.7.044801", "2404.01234", "2405.00002", "arXiv:2003.01234", "--yes")[0] == 0
    app = make_app("html", srcdir=site, freshenv=True)
    app.build()
    assert app._warning.getvalue() == ""
    for key in ("berg2022machine", "berg2024rogue", "berg2024proof", "berg2020soliton"):
        assert (app.outdir / "papers" / f"{key}.html").is_file()


def test_at_a_terminal_the_offer_is_a_question_and_yes_updates(server, site):
    from research_portfolio.cli import add as command

    asked, said = [], []
    status = command.run(command.Options(["10.5555/jio.2021.14.233"], folder=site), say=lambda line, failed=False: said.append(line),
                         ask=lambda question: asked.append(question) or True)
    assert status == 0
    assert asked == ["doi:10.5555/jio.2021.14.233: berg2020soliton (publications.bib:3) is its preprint, now published as "
                     "doi:10.5555/jio.2021.14.233. Update berg2020soliton in place, its key and arXiv id kept?"]
    assert said == ["Updated: berg2020soliton at publications.bib:3: Soliton Trains on a Rotating Earth"]
    assert "@article{berg2020soliton," in (site / "publications.bib").read_text(encoding="utf-8")


def test_another_files_keys_layout_and_line_endings_are_followed(server, site, capsys):
    original = ("@article{Okafor_2018,\r\n    title = {Seiches in Glacial Lakes},\r\n    author = {Okafor, Chidi and Berg, Hanna},\r\n"
                "    journal = {Journal of Imaginary Oceanography},\r\n    year = {2018}\r\n}")
    (site / "other.bib").write_bytes(original.encode())
    status, out, err = add(capsys, "--bib", "other.bib", "10.5555/jio.2022.7.044801")
    assert (status, err) == (0, "")
    written = (site / "other.bib").read_bytes().decode()
    assert written.startswith(original + "\r\n\r\n@article{Berg_2022,\r\n"
                                         "    author = {Berg, Hanna and Nakamura, Ren and Tremblay, Élodie},\r\n")
    assert "\n" not in written.replace("\r\n", "")
    assert out == "Added: Berg_2022 at other.bib:8: Machine Learning of Wave Breaking in the KdV Equation\n"


def test_a_conf_py_that_cannot_run_is_one_line_and_no_request(server, site, capsys):
    (site / "conf.py").write_text("extensions = ['research_portfolio']\nraise RuntimeError('no such theme')\n")
    status, out, err = add(capsys, "10.5555/jio.2022.7.044801")
    assert status == 1
    assert err == "research_portfolio add: conf.py: cannot be run: RuntimeError: no such theme\n"
    assert server.seen == []


@pytest.mark.parametrize(("given", "written"), [
    ("Rock {\\&}amp; Roll", "Rock \\& Roll"),
    ("Spin <i>in vivo</i> and <scp>dna</scp>", "Spin in vivo and dna"),
    ("Wave <mml:math><mml:mi>k</mml:mi></mml:math>-numbers", "Wave k-numbers"),
])
def test_a_publishers_markup_in_a_title_is_left_out(given, written):
    from research_portfolio.cli.add import plain_title

    assert plain_title(given) == written


def test_a_build_loads_no_code_that_calls_the_network(site):
    """The services' client is the command line's: a build of the site never imports it."""
    script = ("import sys; from sphinx.cmd.build import main; status = main(['-q', '-b', 'html', '.', '_build/html']); "
              "print(status, sorted(name for name in sys.modules if name.startswith('research_portfolio.cli')))")
    done = subprocess.run([sys.executable, "-c", script], cwd=site, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert done.stdout.strip() == "0 []", done.stderr

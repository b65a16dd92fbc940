"""The web services ``add`` asks, over HTTP: the DOI resolver, the arXiv API and ORCID's public API.

- A DOI's BibTeX by content negotiation: ``Accept: application/x-bibtex`` at the resolver, whose
  redirect leads to the agency that registered it (Crossref, DataCite), which answers BibTeX.
- An arXiv id's record from the arXiv API's Atom feed (``query?id_list=ID``): its title, abstract,
  primary category and the DOI of its journal version, when its authors gave one.
- The works on an ORCID record (``v3.0/ORCID/works``, JSON), with their DOIs and arXiv ids.

Each base address can be changed by an environment variable (a mirror, or the tests' own server).
Every call has a timeout and is tried once more after a failed connection, a timeout or a server
error; the ``User-Agent`` names the package and its version, as these services ask. Any failure is
a :class:`ServiceError`, one line that says what happened.
"""

from __future__ import annotations

import dataclasses
import os
import xml.etree.ElementTree as ElementTree
from importlib import metadata
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .. import __version__

DISTRIBUTION = "sphinx-research-portfolio"
BASES = {"doi": ("RESEARCH_PORTFOLIO_DOI_URL", "https://doi.org/"),
         "arxiv": ("RESEARCH_PORTFOLIO_ARXIV_URL", "https://export.arxiv.org/api/"),
         "orcid": ("RESEARCH_PORTFOLIO_ORCID_URL", "https://pub.orcid.org/")}
#: Seconds to connect, and to wait for an answer.
TIMEOUT = (5.0, 20.0)
ATOM = {"atom": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}


class ServiceError(Exception):
    """What went wrong asking a service, in one line."""


@dataclasses.dataclass(frozen=True)
class ArxivRecord:
    title: str
    abstract: str
    year: str
    category: str  # the primary category, like cs.LG
    journal_doi: str  # the DOI of the published version, when the authors gave one


@dataclasses.dataclass(frozen=True)
class Work:
    """One work of an ORCID record: its title, year and identifiers (a DOI, an arXiv id)."""

    title: str
    year: str
    doi: str
    arxiv: str


def base(service: str) -> str:
    variable, default = BASES[service]
    address = os.environ.get(variable, "") or default
    return address if address.endswith("/") else address + "/"


def user_agent(mailto: str = "") -> str:
    """``sphinx-research-portfolio/1.2.0 (+https://...; mailto:...)``: who asks, and how to reach them."""
    try:
        urls = [entry.split(",", 1)[-1].strip() for entry in metadata.metadata(DISTRIBUTION).get_all("Project-URL") or ()]
    except metadata.PackageNotFoundError:
        urls = []
    contact = "; ".join([*(f"+{url}" for url in urls[:1]), *([f"mailto:{mailto}"] if mailto else [])])
    return f"{DISTRIBUTION}/{__version__}" + (f" ({contact})" if contact else "")


class Services:
    """One HTTP session for every call of a run."""

    def __init__(self, mailto: str = "") -> None:
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent(mailto)
        retry = Retry(total=1, connect=1, read=1, status=1, other=0,
                      status_forcelist=(429, 500, 502, 503, 504), allowed_methods=("GET",), raise_on_status=False,
                      respect_retry_after_header=False)  # a long Retry-After would hang the command: one retry, at once
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, HTTPAdapter(max_retries=retry))

    def get(self, url: str, accept: str, what: str) -> requests.Response:
        try:
            answer = self.session.get(url, headers={"Accept": accept}, timeout=TIMEOUT)
        except (requests.exceptions.Timeout, requests.exceptions.ConnectionError) as error:
            if isinstance(error, requests.exceptions.Timeout) or "timed out" in str(error).lower():
                raise ServiceError(f"{what}: no answer from {_host(url)} within {TIMEOUT[1]:g} s (tried twice)") from None
            raise ServiceError(f"{what}: cannot reach {_host(url)}: no network, or the host is down (tried twice)") from None
        except requests.exceptions.RequestException as error:
            raise ServiceError(f"{what}: {_host(url)} failed: {type(error).__name__}") from None
        if answer.status_code == 404:
            raise ServiceError(f"{what}: not found at {_host(answer.url)} (404): check the identifier")
        if answer.status_code >= 400:
            raise ServiceError(f"{what}: {_host(answer.url)} answered {answer.status_code} {answer.reason or ''}".rstrip()
                               + (" (tried twice)" if answer.status_code >= 500 else ""))
        return answer

    def bibtex(self, doi: str) -> str:
        """The BibTeX the DOI's registration agency gives for it."""
        answer = self.get(base("doi") + doi, "application/x-bibtex", f"doi:{doi}")
        text = answer.content.decode("utf-8", errors="replace")
        if "@" not in text or "html" in answer.headers.get("Content-Type", ""):
            raise ServiceError(f"doi:{doi}: {_host(answer.url)} answered no BibTeX ({_kind(answer)})")
        return text

    def arxiv(self, ident: str) -> ArxivRecord:
        """arXiv's record of *ident*, from its API's Atom feed."""
        what = f"arXiv:{ident}"
        answer = self.get(f"{base('arxiv')}query?id_list={ident}&max_results=1", "application/atom+xml", what)
        try:
            feed = ElementTree.fromstring(answer.content)
        except ElementTree.ParseError:
            raise ServiceError(f"{what}: {_host(answer.url)} answered no Atom feed ({_kind(answer)})") from None
        entry = feed.find("atom:entry", ATOM)
        if entry is None or entry.find("atom:title", ATOM) is None or "/api/errors" in entry.findtext("atom:id", "", ATOM):
            raise ServiceError(f"{what}: arXiv has no such paper: check the identifier")
        category = entry.find("arxiv:primary_category", ATOM)
        return ArxivRecord(
            title=" ".join(entry.findtext("atom:title", "", ATOM).split()),
            abstract=" ".join(entry.findtext("atom:summary", "", ATOM).split()),
            year=entry.findtext("atom:published", "", ATOM)[:4],
            category=category.get("term", "") if category is not None else "",
            journal_doi=entry.findtext("arxiv:doi", "", ATOM).strip(),
        )

    def orcid_works(self, orcid: str) -> list[Work]:
        """The works on the ORCID record, one per group (ORCID groups the versions of a work that share an identifier)."""
        what = f"ORCID {orcid}"
        answer = self.get(f"{base('orcid')}v3.0/{orcid}/works", "application/json", what)
        try:
            groups = answer.json()["group"]
            return [_work(group) for group in groups]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise ServiceError(f"{what}: {_host(answer.url)} answered no ORCID works list ({_kind(answer)})") from None


def _work(group: dict[str, Any]) -> Work:
    """A group's identifiers (a journal DOI before an arXiv one) and its first summary's title and year."""
    summary = group["work-summary"][0]
    ids = [*group.get("external-ids", {}).get("external-id", []),
           *(one for summary in group["work-summary"] for one in (summary.get("external-ids") or {}).get("external-id", []))]
    doi = arxiv = ""
    for one in ids:
        kind = str(one.get("external-id-type", "")).lower()
        value = str((one.get("external-id-normalized") or {}).get("value") or one.get("external-id-value", "")).strip()
        if kind == "doi" and value.lower().startswith("10.48550/arxiv."):
            arxiv = arxiv or value[len("10.48550/arxiv."):]
        elif kind == "doi":
            doi = doi or value
        elif kind == "arxiv":
            arxiv = arxiv or value
    date = summary.get("publication-date") or {}
    return Work(title=((summary.get("title") or {}).get("title") or {}).get("value", ""),
                year=str((date.get("year") or {}).get("value", "")), doi=doi, arxiv=arxiv)


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _kind(answer: requests.Response) -> str:
    kind = answer.headers.get("Content-Type", "").split(";")[0] or "no content type"
    return f"{kind}, {len(answer.content)} bytes"

"""The .bib fields the portfolio reads beyond standard BibTeX: ours and al-folio's, as one table.

A researcher arriving from al-folio keeps their ``papers.bib`` as it is. This table says what each
field means here; the README's table of fields mirrors it (a test compares them). The BibTeX a
visitor copies holds only the standard fields of BibTeX and biblatex (:data:`SHOWN`), so no
field of this table, and no reference manager's private one, reaches it. Nothing else in the
package lists field names: the links of an entry, its badges and the fields shown all come from here.
"""

from __future__ import annotations

import dataclasses
import re

from ..i18n import N_


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    origin: str  # "portfolio" (ours), "al-folio", or "both" where the two agree
    role: str  # link, badge, text, flag, people, theme, id, image or ignored
    meaning: str
    label: str = ""  # what a link says, for role "link"


FIELDS = (
    Field("themes", "portfolio", "theme", "research themes, comma-separated keys of `portfolio_themes`; optional"),
    Field("highlight", "portfolio", "badge", "an honour, one of `portfolio_highlights` (a badge)"),
    Field("equalcontrib", "portfolio", "people", "the authors who contributed equally, in BibTeX name syntax"),
    Field("selected", "both", "flag", "`true` lists the paper under the home page's selected papers"),
    Field("summary", "portfolio", "text", "two or three sentences of your own on what the paper asks and finds"),
    Field("openreview", "portfolio", "id", "the OpenReview forum id, linked to openreview.net"),
    Field("code", "both", "link", "the paper's code: a URL or a file in the static folder", N_("Code")),
    Field("without_owner", "portfolio", "flag", "`true` lists a paper that does not name the site's owner"),
    Field("abbr", "al-folio", "badge", "a short venue name (a badge)"),
    Field("award_name", "al-folio", "badge", "the name of an award (a badge)"),
    Field("award", "al-folio", "text", "what the award was for, shown on the paper's page"),
    Field("abstract", "al-folio", "text", "the abstract: on the paper's page, collapsed in lists"),
    Field("arxiv", "al-folio", "id", "the arXiv id, like `eprint`, linked to arxiv.org"),
    Field("pdf", "al-folio", "link", "the PDF: a URL or a file in the static folder", N_("PDF")),
    Field("html", "al-folio", "link", "the paper's web page: a URL or a file in the static folder", N_("HTML")),
    Field("slides", "al-folio", "link", "slides: a URL or a file in the static folder", N_("Slides")),
    Field("poster", "al-folio", "link", "the poster: a URL or a file in the static folder", N_("Poster")),
    Field("video", "al-folio", "link", "a video: a URL or a file in the static folder", N_("Video")),
    Field("website", "al-folio", "link", "the project's website", N_("Website")),
    Field("blog", "al-folio", "link", "a blog post about the paper", N_("Blog")),
    Field("supp", "al-folio", "link", "supplementary material: a URL or a file in the static folder", N_("Supplement")),
    Field("preview", "al-folio", "image", "an image in the static folder, shown on the paper's page when the file exists"),
    Field("preview_alt", "portfolio", "text", "what the `preview` image shows, in words: its text for screen readers"),
    Field("bibtex_show", "al-folio", "ignored", "ignored: every paper's BibTeX is shown"),
    Field("google_scholar_id", "al-folio", "ignored", "ignored: a citation badge would call Google from every page"),
    Field("inspirehep_id", "al-folio", "ignored", "ignored: a citation badge would call INSPIRE from every page"),
    Field("dimensions", "al-folio", "ignored", "ignored: the badge loads a third-party script"),
    Field("altmetric", "al-folio", "ignored", "ignored: the badge loads a third-party script"),
    Field("additional_info", "al-folio", "ignored", "ignored: raw HTML, which this site never interprets"),
    Field("annotation", "al-folio", "ignored", "ignored: raw HTML, which this site never interprets"),
)

BY_NAME = {field.name: field for field in FIELDS}
#: Fields that hold a link, in the order the links are shown.
LINK_FIELDS = tuple(field for field in FIELDS if field.role == "link")
#: The fields of the BibTeX shown to visitors: BibTeX's standard fields (btxdoc) and biblatex's data fields
#: (its manual, section 2.2), with the eprint fields arXiv's own export writes. A reference manager reads
#: these, but for ``urldate`` (the day the exporter last looked at the page: theirs, not the paper's);
#: what a tool keeps for itself (BibDesk's date-added and bdsk-url-1, JabRef's owner and groups,
#: Zotero's file, ADS's adsurl, INSPIRE's SLACcitation, DBLP's biburl, al-folio's and our own fields) it
#: does not, and a personal field (annote, keywords, file, abstract) is not the visitor's to copy.
SHOWN = frozenset({
    # BibTeX
    "address", "booktitle", "chapter", "edition", "editor", "howpublished", "institution", "journal", "key", "month",
    "note", "number", "organization", "pages", "publisher", "school", "series", "title", "type", "volume", "year",
    # identifiers that BibTeX styles and reference managers read
    "doi", "url", "eprint", "archiveprefix", "primaryclass", "isbn", "issn", "reportnumber", "collaboration",
    # biblatex
    "addendum", "afterword", "annotator", "author", "bookauthor", "booksubtitle", "booktitleaddon", "commentator", "date",
    "editora", "editorb", "editorc", "eid", "eprintclass", "eprinttype", "eventdate", "eventtitle", "foreword", "holder",
    "introduction", "isan", "ismn", "isrn", "issue", "issuesubtitle", "issuetitle", "iswc", "journalsubtitle",
    "journaltitle", "language", "location", "mainsubtitle", "maintitle", "maintitleaddon", "origdate", "origlanguage",
    "origlocation", "origpublisher", "origtitle", "pagetotal", "part", "pubstate", "shortjournal", "shorttitle",
    "subtitle", "titleaddon", "translator", "venue", "version", "volumes",
})
#: ISSNs, which Mendeley exports in the ``isbn`` field: "0036-8075", or as PubMed gives them,
#: "1095-9203 (Electronic)$\\backslash$r0036-8075 (Linking)".
ISSNS = re.compile(r"^(?:[\s,;]|\$\\backslash\$r|\\r|\((?:electronic|print|linking)\)|\d{4}-?\d{3}[\dXx](?![\dXx-]))+$",
                   re.IGNORECASE)
#: Where al-folio keeps the files its fields name; a file is also looked up there under the static folder.
ALFOLIO_FOLDERS = {"preview": "img/publication_preview", "html": "html"}
ALFOLIO_DEFAULT_FOLDER = "pdf"

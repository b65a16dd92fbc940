"""The PDF: our LaTeX package, a title page and PDF metadata made from the settings in conf.py.

Values a fork changes (name, role, affiliation, contact, themes) come from ``portfolio_person``
and ``portfolio_themes``; conf.py may still override any ``latex_elements`` key it sets itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.typing import ExtensionMetadata

from ..bib.entries import printable
from ..config.defaults import CV_DOCUMENT
from ..escape import latex as tex
from ..i18n import _
from ..text.scripts import marked

PACKAGE = Path(__file__).parent / "texinputs" / "portfolio.sty"
#: A photo file name LaTeX reads as it is written; the CV's header leaves out a photo with another name.
PLAIN_FILE_NAME = re.compile(r"^[A-Za-z0-9_-]+\.(?:jpe?g|png)$", re.IGNORECASE)
#: For a site in Chinese, Sphinx sets every Chinese character with xeCJK, whose default fonts (Fandol)
#: few systems have: the Noto CJK fonts the package uses for Chinese anyway (fonts-noto-cjk).
CHINESE_FONTS = (r"\setCJKmainfont{NotoSerifCJKsc-Regular}[BoldFont=NotoSerifCJKsc-Bold]"
                 r"\setCJKsansfont{NotoSansCJKsc-Regular}[BoldFont=NotoSansCJKsc-Bold]"
                 r"\setCJKmonofont{NotoSansMonoCJKsc-Regular}")


def contact_line(person: dict[str, str]) -> str:
    links = []
    if person.get("email"):
        links.append(rf"\href{{{tex.url('mailto:' + person['email'])}}}{{{tex.text(person['email'])}}}")
    if person.get("website"):
        shown = printable(person["website"])
        links.append(rf"\href{{{tex.url(person['website'])}}}{{{tex.text(shown)}}}")
    if person.get("phone"):
        links.append(tex.text(person["phone"]))
    return r"\quad{}\textperiodcentered\quad{}".join(links)


def photo_file(confdir: str | Path, config: Config) -> Path | None:
    """``portfolio_person["photo"]`` in the static folder, when its name is one LaTeX reads as it is."""
    photo = config.portfolio_person.get("photo")
    for folder in config.html_static_path if photo else ():
        path = Path(confdir) / folder / photo
        if path.is_file() and PLAIN_FILE_NAME.match(path.name):
            return path
    return None


def latex_defaults(app: Sphinx, config: Config) -> None:
    """Fill in the title page (a header for a short howto document) and the PDF metadata, unless conf.py set them."""
    person = config.portfolio_person
    _start, _target, title, _author, docclass, *_rest = config.latex_documents[0]
    author = config.author  # the PDF's metadata is plain text (latex_documents holds LaTeX)
    opening = r"\portfolioheader" if docclass == "howto" else r"\portfoliotitlepage"
    title_page = opening + "{%s}{%s}{%s}" % (
        marked(person.get("role", ""), tex.text),
        marked(person.get("affiliation", ""), tex.text),
        contact_line(person),
    )
    metadata = r"\AtBeginDocument{\hypersetup{pdftitle={%s}, pdfauthor={%s}, pdfsubject={%s}, pdfkeywords={%s}}}" % (
        tex.text(f"{author}: {title}"),
        tex.text(author),
        tex.text(person.get("description", "")),
        ", ".join(tex.text(theme) for theme, _ in config.portfolio_themes.values()),
    )
    photo = photo_file(app.confdir, config) if docclass == "howto" else None
    if photo is not None:  # the CV: the photo beside the name, copied beside the .tex below
        title_page = r"\portfoliophoto{%s}" % photo.name + title_page
    elements = dict(config.latex_elements)
    elements.setdefault("maketitle", title_page)
    elements["preamble"] = elements.get("preamble", "") + "\n" + metadata
    if config.language.startswith("zh") and config.latex_engine == "xelatex":
        elements["preamble"] += "\n" + CHINESE_FONTS
    before, found, after = _("Chapter {number}").partition("{number}")
    if found and before + after != "Chapter ":  # babel's word for a language it knows, the catalogue's for the others
        elements["preamble"] += "\n" + r"\renewcommand{\portfoliochapter}[1]{%s#1%s}" % (marked(before, tex.text), marked(after, tex.text))
        elements["preamble"] += r"\renewcommand{\chaptermark}[1]{\markboth{\portfoliochapter{\thechapter}\quad#1}{}}"  # the footer's
    config.latex_elements = elements
    # Sphinx copies the package beside the .tex file, as it does any file conf.py lists there.
    config.latex_additional_files = [*config.latex_additional_files, str(PACKAGE), *([str(photo)] if photo else [])]


class EveryPageAChapter(SphinxPostTransform):
    """In the portfolio PDF every page of the site is a chapter, in the order a visitor meets them.

    On the web the research overview lists its themes' pages (a toctree of its own), so the menu
    shows Research, Publications, CV, Experience and Service; Sphinx would set those pages inside
    the overview's last section. Here each is moved out, right after the page that lists it. The CV
    is a PDF of its own (``-t cv``), so the portfolio leaves it out.
    """

    default_priority = 5  # the first thing done to the assembled document
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if self.config.root_doc == CV_DOCUMENT:
            return
        for parent, page in held_pages(self.document):
            at = parent.index(page)
            parent[at:at + 1] = [part for part in flatten(page) if part["docname"] != CV_DOCUMENT]


def held_pages(node: nodes.Element) -> list[tuple[nodes.Element, addnodes.start_of_file]]:
    """The pages *node* holds, not counting those inside them, each with the element that holds it.

    Walked from the top: Sphinx moves a page's children into the page without telling them, so a
    node's parent may be out of date.
    """
    found: list[tuple[nodes.Element, addnodes.start_of_file]] = []
    for child in node.children:
        if isinstance(child, addnodes.start_of_file):
            found.append((node, child))
        elif isinstance(child, nodes.Element):
            found += held_pages(child)
    return found


def flatten(page: addnodes.start_of_file) -> list[addnodes.start_of_file]:
    """*page*, then each page it holds (and theirs), taken out of it, in order."""
    held = held_pages(page)
    for parent, inner in held:
        parent.remove(inner)
    return [page, *(part for _, inner in held for part in flatten(inner))]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_post_transform(EveryPageAChapter)
    app.add_latex_package("portfolio")
    app.connect("config-inited", latex_defaults)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
